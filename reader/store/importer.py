"""Import article files and folders into a library, one file at a time, all or nothing each."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reader.store.aligning import align_article
from reader.store.figure_extraction import extract_document_figures
from reader.store.library import Library
from reader.store.records import ImportResult, ImportStatus
from reader.text.analysis import NotAnArticle, analyse_document
from reader.text.file_check import UnreadableFile, check_size, decode_article_bytes

TEXT_SUFFIXES = (".txt", ".text")
Progress = Callable[[int, int, Path], None]
Cancelled = Callable[[], bool]


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[ImportResult]]:
    """The files to import from files and folders, and a failure for each unusable path.

    Folders are searched recursively for text files (.txt); hidden files are skipped. A file
    named directly is tried whatever its name.
    """
    files: list[Path] = []
    failures: list[ImportResult] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                failures.append(ImportResult(path, ImportStatus.FAILED,
                                             "folder holds no text files (.txt)"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            failures.append(ImportResult(path, ImportStatus.FAILED, "not a regular file"))
        else:
            failures.append(ImportResult(path, ImportStatus.FAILED, "no such file or folder"))
    return files, failures


def import_file(library: Library, path: Path) -> ImportResult:
    """Read, analyse and store one file; any problem becomes a failed result, never a crash."""
    try:
        check_size(path.stat().st_size)
        text = decode_article_bytes(path.read_bytes())
        analysed = analyse_document(text)
    except (UnreadableFile, NotAnArticle) as error:
        return ImportResult(path, ImportStatus.FAILED, str(error))
    except OSError as error:
        return ImportResult(path, ImportStatus.FAILED, f"cannot be read ({error.strerror})")
    result = library.add_document(analysed, path.name)
    if result.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED) and result.article_id:
        assert result.document_id is not None
        extract_document_figures(library, result.document_id)
        align_article(library, result.article_id)
    return ImportResult(path, result.status, result.reason, result.article_id,
                        result.document_id)


def import_paths(
    library: Library,
    paths: Iterable[Path],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[ImportResult]:
    """Import files and folders; what finished stays when the import is cancelled."""
    files, results = collect_files(paths)
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(files), path)
        results.append(import_file(library, path))
    if progress is not None:
        progress(len(files), len(files), Path())
    return results
