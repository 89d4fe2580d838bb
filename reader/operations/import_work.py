"""The pure work of an import: read files in their format, analyse them, find figures, align
translations.

None of it touches the library, so worker processes can do it while the importer stores what
they hand back. Workers are started with "spawn": everything here is a top-level function, and
text analysis is loaded at first use, once per worker (with its language models).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.operations.file_reading import os_error_reason, printable, read_regular_file
from reader.text.reasons import Reason, ReasonCode, reason_of

if TYPE_CHECKING:
    from reader.operations.aligning import AlignmentJob
    from reader.store.records import SentenceAlignment
    from reader.text.aligned_source import AlignedSource, FileBead
    from reader.text.analysis import AnalysedDocument
    from reader.text.figures import Figure
    from reader.text.source_document import SourceDocument

# How often a worker looks whether the importing process is still there.
_PARENT_POLL_SECONDS = 0.5
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
    translation: PreparedTranslation | None = None  # a bilingual file's second version
    source_format: str = ""  # the name of the format it was read in ("text", "html"…)
    address: str = ""  # the web address it was fetched from; "" for a file


@dataclass(frozen=True)
class PreparedTranslation:
    """The second language version of a bilingual file, and the file's own alignment of the
    two (sentence positions of the first version, then of this one)."""

    analysed: AnalysedDocument
    figures: tuple[Figure, ...]
    beads: tuple[FileBead, ...]


def start_worker() -> None:
    """Load text analysis and the language models before the first file comes; end the
    worker when the importing process is gone (killed: it cannot shut its workers down)."""
    _watch_parent(os.getppid())
    from reader.text.alignment import align_sentences  # noqa: F401
    from reader.text.figures import find_figures  # noqa: F401
    from reader.text.language import detect_language

    for text in _WARM_UP_TEXTS:
        detect_language(text)


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while True:
            time.sleep(_PARENT_POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="watch-importer", daemon=True).start()


def prepare_file(path: Path) -> PreparedFile:
    """Read, analyse and find the figures of one file; any problem becomes a reason."""
    from reader.formats.registry import reader_for, unsupported
    from reader.text.aligned_source import AlignedSource
    from reader.text.analysis import NotAnArticle, analyse_source
    from reader.text.figures import find_figures
    from reader.text.file_check import UnreadableFile

    reader = reader_for(path)
    if reader is None:
        return PreparedFile(path, None, failure=unsupported(path))
    name = reader.name
    try:
        data = read_regular_file(path, reader.max_bytes)
        document = reader.read(data, printable(path.name))
        if isinstance(document, AlignedSource):
            return replace(_prepare_pair(path, document), source_format=name)
        analysed = analyse_source(document)
        figures = find_figures(analysed.parsed.body_text, analysed.language)
    except (UnreadableFile, NotAnArticle) as error:
        return PreparedFile(path, None, failure=reason_of(error), source_format=name)
    except OSError as error:
        return PreparedFile(path, None, failure=os_error_reason(error), source_format=name)
    except Exception as error:  # one bad file never stops an import: it is that file's failure
        return PreparedFile(path, None, failure=internal_error_reason(error), source_format=name)
    return PreparedFile(path, analysed, tuple(figures), source_format=name)


def prepare_page(path: Path, address: str, document: SourceDocument,
                 source_format: str) -> PreparedFile:
    """Analyse a page fetched from an address and find its figures; any problem becomes a
    reason. `path` is the page's name."""
    from reader.text.analysis import NotAnArticle, analyse_source
    from reader.text.figures import find_figures

    try:
        analysed = analyse_source(document)
        figures = find_figures(analysed.parsed.body_text, analysed.language)
    except NotAnArticle as error:
        return PreparedFile(path, None, failure=str(error), source_format=source_format,
                            address=address)
    except Exception as error:  # a bug, not the page's: that page's failure
        return PreparedFile(path, None, failure=internal_error_reason(error),
                            source_format=source_format, address=address)
    return PreparedFile(path, analysed, tuple(figures), source_format=source_format,
                        address=address)


def _prepare_pair(path: Path, pair: AlignedSource) -> PreparedFile:
    """Both versions of a bilingual file analysed, its segments kept as their sentences."""
    from reader.text.analysis import NotAnArticle, analyse_source
    from reader.text.figures import find_figures

    versions = []
    for document, spans, empty in (
            (pair.source, pair.source_sentences, ReasonCode.SOURCE_WITHOUT_TEXT),
            (pair.target, pair.target_sentences, ReasonCode.TARGET_WITHOUT_TEXT)):
        try:
            versions.append(analyse_source(document, sentences=spans))
        except NotAnArticle:
            language = document.language or "?"
            raise NotAnArticle(Reason(empty, language=language)) from None
    source, target = versions
    return PreparedFile(
        path, source, tuple(find_figures(source.parsed.body_text, source.language)),
        translation=PreparedTranslation(
            target, tuple(find_figures(target.parsed.body_text, target.language)), pair.beads))


def internal_error_reason(error: BaseException) -> str:
    """One line for an error nobody expected while reading a file (a bug, not the file's)."""
    detail = " ".join(str(error).split())[:200]
    name = type(error).__name__
    return Reason(ReasonCode.CANNOT_ANALYSE, detail=f"{name}: {detail}" if detail else name)


def worker_failure_reason(error: BaseException) -> str:
    """One line for a file whose worker process failed before it handed the file back."""
    detail = " ".join(str(error).split())[:200] or type(error).__name__
    return Reason(ReasonCode.WORKER_STOPPED, detail=detail)


def prepare_files(paths: Sequence[Path]) -> list[PreparedFile]:
    """Prepare several files, in order (one task for a worker)."""
    return [prepare_file(path) for path in paths]


def align_job(job: AlignmentJob) -> SentenceAlignment:
    """Align the two documents of a job (one task for a worker)."""
    from reader.operations.aligning import run_alignment_job

    return run_alignment_job(job)
