"""Import article files and folders into a library; what finished stays, nothing half-written.

A file is read in the format that reader.formats.registry gives its name. A large import uses
every core: worker processes read and analyse the files, find their figures and align the
translation pairs (reader.operations.import_work), and the importer, the only writer, stores
their results in file order, a batch of files per transaction. A few files are imported in
this process, since starting the workers would cost more than it saves.
"""

from __future__ import annotations

import os
import stat
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from reader.formats.registry import importable_patterns, is_importable, unsupported
from reader.operations.aligning import (
    AlignmentJob,
    align_article,
    current_alignment,
    ensure_alignment,
    pending_alignments,
    save_alignment_job,
    save_file_alignment,
)
from reader.operations.file_reading import not_regular_reason, os_error_reason, printable
from reader.operations.import_work import (
    PreparedFile,
    PreparedTranslation,
    align_job,
    prepare_file,
    prepare_files,
    worker_failure_reason,
)
from reader.store.library import Library
from reader.store.records import ImportResult, ImportStatus, SentenceAlignment
from reader.text.reasons import Reason, ReasonCode
from reader.text.versions import FIGURE_EXTRACTOR_VERSION

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from reader.text.analysis import AnalysedDocument
    from reader.text.figures import Figure

Progress = Callable[[int, int, Path], None]
Cancelled = Callable[[], bool]
Stored = Callable[[ImportResult], None]

# Fewer files than this are imported in this process: starting the workers takes longer.
PARALLEL_FROM = 20
# Files a worker prepares per task: fewer round trips, while the writer never waits long.
CHUNK_FILES = 8
# Tasks of files waiting for each worker, so that it never idles while the writer writes.
CHUNKS_AHEAD_PER_WORKER = 8
# Chunks the writer waits for before it opens a transaction: one transaction stores many files
# (several times faster than one each: most of a commit's cost is the search index's, about
# 50 ms whatever it holds in a library of 100,000 documents) yet holds the library's write
# lock only while writing (about 0.2 s).
CHUNKS_PER_BATCH = 8
# A batch also ends after this long, however many chunks are ready: the write lock is then free
# for a moment, so that a note made in the window meanwhile (or another import's batch) goes
# through within a second rather than after the whole import.
BATCH_SECONDS = 0.5
# The pause between two batches when the next could start at once: long enough for a writer
# waiting for the library (reader.store.library tries every few milliseconds) to take its turn.
BATCH_GAP_SECONDS = 0.02


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[ImportResult]]:
    """The files to import from files and folders, and a failure for each unusable path.

    Folders are searched recursively for files of a format the reader knows (see
    reader.formats.registry); hidden files are skipped. A file named directly in no such
    format is reported, not tried. Whatever cannot be looked at (a symbolic link loop, a
    path too long, a subfolder that cannot be read) is a failure of its own, never an error
    that stops the rest; an entry of a folder that is no regular file (a named pipe, a
    dangling link) is passed on to fail with its reason when it is read.
    """
    files: list[Path] = []
    failures: list[ImportResult] = []
    for path in paths:
        path = Path(path)
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            failures.append(ImportResult(path, ImportStatus.FAILED, os_error_reason(error)))
            continue
        if stat.S_ISDIR(mode):
            found = _importable_files(path, failures)
            if not found and not any(f.path.is_relative_to(path) for f in failures):
                patterns = ", ".join(importable_patterns())
                failures.append(ImportResult(path, ImportStatus.FAILED,
                                             f"folder holds no files to import ({patterns})"))
            files.extend(found)
        elif (reason := not_regular_reason(mode)) is not None:
            failures.append(ImportResult(path, ImportStatus.FAILED, reason))
        elif is_importable(path):
            files.append(path)
        else:
            failures.append(ImportResult(path, ImportStatus.FAILED, unsupported(path)))
    return files, failures


def _importable_files(folder: Path, failures: list[ImportResult]) -> list[Path]:
    """The files of a folder and its subfolders that a reader claims, hidden ones left out;
    a subfolder that cannot be read is added to `failures`."""

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        failures.append(ImportResult(where, ImportStatus.FAILED, os_error_reason(error)))

    found: list[Path] = []
    for top, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = Path(top, name)
            if not name.startswith(".") and is_importable(path):
                found.append(path)
    return sorted(found)


def import_file(library: Library, path: Path) -> ImportResult:
    """Read, analyse and store one file; any problem becomes a failed result, never a crash.

    The file's article is aligned, also when the file was there already (an import cancelled
    before it aligned the article, say).
    """
    result = store_prepared(library, prepare_file(path))
    article_id = _to_align(result)
    if article_id is not None:
        align_article(library, article_id)
    return result


def store_prepared(library: Library, prepared: PreparedFile) -> ImportResult:
    """Store one prepared file with its figures, all or nothing."""
    with library.batch():
        return _store(library, prepared)


def import_paths(
    library: Library,
    paths: Iterable[Path],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
    stored: Stored | None = None,
) -> list[ImportResult]:
    """Import files and folders; what finished stays when the import is cancelled.

    `progress` hears (files done, files in all, the file being stored) before each file is
    stored, and (all, all, Path()) at the end; `cancelled` is asked between files. `workers`
    is how many worker processes prepare the files: None for as many as there are cores
    (none for a few files), 0 to do everything in this process. `stored` hears each file's
    result as soon as it is in the library (committed), or known to have failed.
    """
    files, failures = collect_files(paths)
    results = _Results(stored)
    results.extend(failures)
    results.publish()
    count = _worker_count(len(files)) if workers is None else workers
    if count > 0 and files:
        with library.bulk_writes():
            _import_with_workers(library, files, results, progress, cancelled, count)
    else:
        _import_here(library, files, results, progress, cancelled)
    results.publish()
    if progress is not None:
        progress(len(files), len(files), Path())
    return list(results)


def _worker_count(file_count: int) -> int:
    cores = os.cpu_count() or 1
    return cores if file_count >= PARALLEL_FROM and cores > 1 else 0


def _import_here(library: Library, files: Sequence[Path], results: _Results,
                 progress: Progress | None, cancelled: Cancelled | None) -> None:
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(files), path)
        results.append(import_file(library, path))
        results.publish()


def _import_with_workers(library: Library, files: Sequence[Path], results: _Results,
                         progress: Progress | None, cancelled: Cancelled | None,
                         workers: int) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from reader.operations.import_work import start_worker

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=start_worker)
    try:
        feeder = _Feeder(pool, files, workers * CHUNKS_AHEAD_PER_WORKER)
        aligner = _Aligner(library, pool)
        done = 0
        stopped = False
        while feeder.chunks and not stopped:
            # Wait with no transaction open; a chunk whose worker failed is failed files.
            wait(list(feeder.chunks)[:CHUNKS_PER_BATCH])
            touched: list[int] = []
            with library.batch():
                deadline = time.monotonic() + BATCH_SECONDS
                while (feeder.chunks and _ready(feeder.chunks[0]) and not stopped
                       and time.monotonic() < deadline):
                    for prepared in feeder.take():
                        if cancelled is not None and cancelled():
                            stopped = True
                            break
                        if progress is not None:
                            progress(done, len(files), prepared.path)
                        result = _store(library, prepared)
                        results.append(result)
                        done += 1
                        if (article_id := _to_align(result)) is not None:
                            touched.append(article_id)
                if not stopped:
                    aligner.save_finished()
            results.publish()
            if not stopped:
                aligner.submit(touched)
                if feeder.chunks and _ready(feeder.chunks[0]):
                    time.sleep(BATCH_GAP_SECONDS)
        if not stopped:
            aligner.finish(cancelled)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _store(library: Library, prepared: PreparedFile) -> ImportResult:
    """Store a prepared file inside the batch open: the document, then its figures."""
    return _store_document(library, prepared)._replace(
        source_format=prepared.source_format, address=prepared.address)


def _store_document(library: Library, prepared: PreparedFile) -> ImportResult:
    if prepared.analysed is None:
        return ImportResult(prepared.path, ImportStatus.FAILED, prepared.failure)
    origin = prepared.address or printable(str(prepared.path.absolute()))
    if prepared.translation is not None:
        return _store_pair(library, prepared, prepared.analysed, prepared.figures,
                           prepared.translation, origin)
    result = _store_version(library, prepared, prepared.analysed, prepared.figures, origin)
    ids = () if result.document_id is None else (result.document_id,)
    return ImportResult(prepared.path, result.status, result.reason, result.article_id,
                        result.document_id, ids)


def _store_version(library: Library, prepared: PreparedFile, analysed: AnalysedDocument,
                   figures: Sequence[Figure], origin: str,
                   article_id: int | None = None) -> ImportResult:
    # The figures' write brings the article's list columns up to date: not done twice.
    result = library.add_document(analysed, printable(prepared.path.name), article_id,
                                  origin=origin, source_format=prepared.source_format or None,
                                  list_columns=False)
    if _stored(result):
        assert result.document_id is not None
        library.figures.replace(result.document_id, figures, FIGURE_EXTRACTOR_VERSION)
    return result


def _store_pair(library: Library, prepared: PreparedFile, analysed: AnalysedDocument,
                figures: Sequence[Figure], translation: PreparedTranslation,
                origin: str) -> ImportResult:
    """Store both versions of a bilingual file in one article, aligned as the file says."""
    path = prepared.path
    first = library.document_with_text(analysed.content_hash)
    second = library.document_with_text(translation.analysed.content_hash)
    if first is not None and second is not None and first[1] != second[1]:
        return ImportResult(path, ImportStatus.FAILED,
                            Reason(ReasonCode.TEXTS_IN_TWO_ARTICLES))
    clash = _language_taken(library, first or second, (analysed, translation.analysed))
    if clash is not None:
        return ImportResult(path, ImportStatus.FAILED, clash)
    join = second[1] if first is None and second is not None else None
    source = _store_version(library, prepared, analysed, figures, origin, join)
    target = _store_version(library, prepared, translation.analysed, translation.figures,
                            origin, source.article_id)
    assert source.document_id is not None and target.document_id is not None
    statuses = {source.status, target.status}
    if statuses != {ImportStatus.DUPLICATE} or current_alignment(
            library, source.document_id, target.document_id) is None:
        save_file_alignment(library, source.document_id, target.document_id,
                            translation.beads)
    status = next(s for s in (ImportStatus.IMPORTED, ImportStatus.UPDATED,
                              ImportStatus.DUPLICATE) if s in statuses)
    reason = (Reason(ReasonCode.ALREADY_IN_LIBRARY) if status is ImportStatus.DUPLICATE
              else "")
    return ImportResult(path, status, reason, source.article_id, source.document_id,
                        (source.document_id, target.document_id))


def _language_taken(library: Library, existing: tuple[int, int] | None,
                    versions: Sequence[AnalysedDocument]) -> str | None:
    """Why a bilingual file cannot join the article one of its texts is in already: that
    article has another version in the language of its other text."""
    if existing is None:
        return None
    hashes = {v.content_hash for v in versions}
    for document in library.documents_of(existing[1]):
        if document.language in {v.language for v in versions} and (
                library.content_hash_of(document.id) not in hashes):
            return (f"one of its texts is in the library already, in an article with another "
                    f"{document.language} version")
    return None


def _stored(result: ImportResult) -> bool:
    """Whether the import wrote the file's document (new or in place of an older text)."""
    return result.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED) and bool(
        result.article_id)


def _to_align(result: ImportResult) -> int | None:
    """The article whose pairs to align after a file: stored or found already there."""
    if result.status is ImportStatus.FAILED or not result.article_id:
        return None
    return result.article_id


def _ready(future: Future[list[PreparedFile]]) -> bool:
    return future.done()


class _Results(list[ImportResult]):
    """The results so far; `publish` tells the listener those it has not heard yet."""

    def __init__(self, stored: Stored | None) -> None:
        super().__init__()
        self._stored = stored
        self._told = 0

    def publish(self) -> None:
        """Tell the results added since the last call (call it once they are committed)."""
        if self._stored is not None:
            for result in self[self._told:]:
                self._stored(result)
        self._told = len(self)


class _Feeder:
    """Hands the files to the workers a chunk at a time, keeping a few chunks queued."""

    def __init__(self, pool: ProcessPoolExecutor, files: Sequence[Path], ahead: int) -> None:
        self._pool = pool
        self._files = files
        self._ahead = ahead
        self._next = 0
        self.chunks: deque[Future[list[PreparedFile]]] = deque()
        self._chunk_files: deque[Sequence[Path]] = deque()
        self._fill()

    def take(self) -> list[PreparedFile]:
        """The next chunk's prepared files, in file order (the chunk must be done)."""
        future = self.chunks.popleft()
        paths = self._chunk_files.popleft()
        try:
            prepared = future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory) and the pool with it: the files it had not
            # handed back are prepared here instead, as a small import prepares every file.
            prepared = [prepare_file(path) for path in paths]
        except Exception as error:  # the task itself failed (its files could not be sent)
            reason = worker_failure_reason(error)
            prepared = [PreparedFile(path, None, failure=reason) for path in paths]
        self._fill()
        return prepared

    def _fill(self) -> None:
        while self._next < len(self._files) and len(self.chunks) < self._ahead:
            chunk = self._files[self._next : self._next + CHUNK_FILES]
            try:
                future = self._pool.submit(prepare_files, chunk)
            except Exception as error:  # a broken pool takes no more work
                future = Future()
                future.set_exception(error)
            self.chunks.append(future)
            self._chunk_files.append(chunk)
            self._next += len(chunk)


class _Aligner:
    """Aligns the translation pairs an import touched: in the workers, stored by the writer.

    Pairs with the reader's fixes are aligned here, the usual way, around the fixes.
    """

    def __init__(self, library: Library, pool: ProcessPoolExecutor) -> None:
        self._library = library
        self._pool = pool
        self._running: dict[tuple[int, int, tuple[str, str]],
                            tuple[AlignmentJob, Future[SentenceAlignment]]] = {}

    def submit(self, article_ids: Iterable[int]) -> None:
        """Start aligning the pairs of these articles that have no current alignment."""
        for article_id in dict.fromkeys(article_ids):
            jobs, with_fixes = pending_alignments(self._library, article_id)
            for job in jobs:
                key = (job.source_id, job.target_id, job.hashes)
                if key not in self._running:
                    try:
                        future = self._pool.submit(align_job, job)
                    except Exception:  # a broken pool: the pair is aligned when it is opened
                        continue
                    self._running[key] = (job, future)
            for source_id, target_id in with_fixes:
                ensure_alignment(self._library, source_id, target_id)

    def save_finished(self) -> None:
        """Store the alignments the workers have finished (inside the writer's batch)."""
        for key, (job, future) in list(self._running.items()):
            if future.done() and future.exception() is None:  # a failure is raised by finish
                del self._running[key]
                save_alignment_job(self._library, job, future.result())

    def finish(self, cancelled: Cancelled | None) -> None:
        """Wait for the remaining alignments and store them, unless the import is cancelled."""
        while self._running:
            if cancelled is not None and cancelled():
                return
            key = next(iter(self._running))
            job, future = self._running.pop(key)
            try:
                alignment = future.result()
            except Exception:  # not stored: the pair is aligned when it is opened
                continue
            with self._library.batch():
                save_alignment_job(self._library, job, alignment)
