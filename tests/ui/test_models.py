"""The list models pass pytest-qt's model tester."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from reader.operations.session import LibrarySession
from reader.store.library import Library
from reader.ui.library.library_model import LibraryTableModel
from reader.ui.parallel.parallel_model import ParallelTextModel


def test_library_model(qtmodeltester: ModelTester, seeded_library: Library) -> None:
    model = LibraryTableModel(LibrarySession(seeded_library), "en")
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_parallel_model_aligned(qtmodeltester: ModelTester, seeded_library: Library) -> None:
    model = ParallelTextModel()
    spanish, english = seeded_library.documents_of(seeded_library.article_summaries()[0].id)
    alignment = seeded_library.alignments.get(spanish.id, english.id)
    assert alignment is not None
    model.show_aligned(spanish, english, seeded_library.sentences(spanish.id),
                       seeded_library.sentences(english.id), alignment)
    qtmodeltester.check(model)
    assert model.columnCount() == 2
    assert model.rowCount() == len(alignment.beads)


def test_parallel_model_single(qtmodeltester: ModelTester, seeded_library: Library) -> None:
    model = ParallelTextModel()
    russian = seeded_library.documents_of(seeded_library.article_summaries()[2].id)[0]
    model.show_single(russian, seeded_library.sentences(russian.id))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (russian.paragraphs, 1)
