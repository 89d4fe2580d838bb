"""The pure work of an import: read files in their format, analyse them, find figures, align
translations.

None of it touches the library, so worker processes can do it while the importer stores what
they hand back. Workers are started with "spawn": everything here is a top-level function, and
text analysis is loaded at first use, once per worker (with its language models).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.operations.aligning import AlignmentJob
    from reader.store.records import SentenceAlignment
    from reader.text.analysis import AnalysedDocument
    from reader.text.figures import Figure

# Enough words for the language detectors to load every model they have.
_WARM_UP_TEXTS = (
    "The reader reads the news in two languages, sentence by sentence. " * 8,
    "Läsaren läser nyheterna på två språk, mening för mening. " * 8,
)


@dataclass(frozen=True)
class PreparedFile:
    """A file read and analysed, with its figures; or why it cannot be imported."""

    path: Path
    analysed: AnalysedDocument | None
    figures: tuple[Figure, ...] = ()
    failure: str = ""


def start_worker() -> None:
    """Load text analysis and the language models before the first file comes."""
    from reader.text.alignment import align_sentences  # noqa: F401
    from reader.text.figures import find_figures  # noqa: F401
    from reader.text.language import detect_language

    for text in _WARM_UP_TEXTS:
        detect_language(text)


def prepare_file(path: Path) -> PreparedFile:
    """Read, analyse and find the figures of one file; any problem becomes a reason."""
    from reader.formats.registry import reader_for, unsupported
    from reader.text.analysis import NotAnArticle, analyse_source
    from reader.text.figures import find_figures
    from reader.text.file_check import UnreadableFile, check_size

    reader = reader_for(path)
    if reader is None:
        return PreparedFile(path, None, failure=unsupported(path))
    try:
        check_size(path.stat().st_size)
        analysed = analyse_source(reader.read(path.read_bytes(), path.name))
    except (UnreadableFile, NotAnArticle) as error:
        return PreparedFile(path, None, failure=str(error))
    except OSError as error:
        return PreparedFile(path, None, failure=f"cannot be read ({error.strerror})")
    figures = find_figures(analysed.parsed.body_text, analysed.language)
    return PreparedFile(path, analysed, tuple(figures))


def prepare_files(paths: Sequence[Path]) -> list[PreparedFile]:
    """Prepare several files, in order (one task for a worker)."""
    return [prepare_file(path) for path in paths]


def align_job(job: AlignmentJob) -> SentenceAlignment:
    """Align the two documents of a job (one task for a worker)."""
    from reader.operations.aligning import run_alignment_job

    return run_alignment_job(job)
