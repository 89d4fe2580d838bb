"""The list models pass pytest-qt's model tester."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from reader.store import Library
from reader.ui.library_model import LibraryTableModel
from reader.ui.parallel_model import ParallelTextModel


def test_library_model(qtmodeltester: ModelTester, seeded_library: Library) -> None:
    model = LibraryTableModel(seeded_library, "en")
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_parallel_model(qtmodeltester: ModelTester, seeded_library: Library) -> None:
    model = ParallelTextModel()
    documents = seeded_library.documents_of(seeded_library.article_summaries()[0].id)
    model.show_documents([seeded_library.document_text(d.id) for d in documents])
    qtmodeltester.check(model)
    assert model.columnCount() == 2
