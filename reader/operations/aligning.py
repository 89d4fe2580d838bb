"""Compute, refresh and correct the stored sentence alignment of two language versions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from reader.operations.progress import ReportProgress
from reader.store.library import Library
from reader.store.records import AlignedBead, AlignmentFix, SentenceAlignment, SentenceRecord
from reader.text import versions

# A fixed range of sentence positions on each side: (source start, end, target start, end).
Placement = tuple[int, int, int, int]


@dataclass(frozen=True)
class AlignmentJob:
    """Everything needed to align two documents afresh, away from the library (in a worker).

    `hashes` are the two texts' fingerprints when the job was made: the result is stored only
    if the texts are still those.
    """

    source_id: int
    target_id: int
    source_language: str
    target_language: str
    source_sentences: tuple[str, ...]
    target_sentences: tuple[str, ...]
    source_paragraphs: tuple[int, ...]
    target_paragraphs: tuple[int, ...]
    hashes: tuple[str, str]
    source_sections: tuple[int, ...] = ()
    target_sections: tuple[int, ...] = ()


def ensure_alignment(library: Library, source_id: int, target_id: int,
                     progress: ReportProgress | None = None) -> SentenceAlignment:
    """The alignment of two documents, computed again when a text or the aligner changed.

    The reader's fixes are kept wherever their sentences can still be found. `progress`
    hears how many of the two documents' sentences are aligned, chapter by chapter.
    """
    existing = library.alignments.get(source_id, target_id)
    if existing is not None and _is_current(library, source_id, target_id):
        _flag_if_unchecked(library, source_id)
        return existing
    fixes = existing.fixes if existing is not None else ()
    alignment = compute_alignment(library, source_id, target_id, fixes, progress)
    current = (library.content_hash_of(source_id), library.content_hash_of(target_id))
    library.alignments.save(alignment, current, versions.ALIGNER_VERSION)
    _flag_after(library, alignment)
    return alignment


def current_alignment(library: Library, source_id: int,
                      target_id: int) -> SentenceAlignment | None:
    """The stored alignment of two documents if it is current: computed from these texts by
    this aligner. None means it must be computed (again): the one freshness rule."""
    # Whether it is current first, in one query: a stale alignment's beads are not read.
    stamp, hashes = library.alignments.stamp_and_hashes(source_id, target_id)
    if not _stamp_is_current(stamp, hashes):
        return None
    return library.alignments.get(source_id, target_id)


def _is_current(library: Library, source_id: int, target_id: int) -> bool:
    return _stamp_is_current(*library.alignments.stamp_and_hashes(source_id, target_id))


def _stamp_is_current(stamp: tuple[str, str, str] | None, hashes: tuple[str, str]) -> bool:
    """Whether an alignment stamped so is current for texts of these hashes: computed from
    them by this aligner, or given by a bilingual file with them (never aligned again)."""
    return stamp is not None and stamp[:2] == hashes and stamp[2] in (
        versions.ALIGNER_VERSION, versions.FILE_ALIGNMENT)


def _version_after_correction(library: Library, source_id: int, target_id: int) -> str:
    """A file's alignment corrected by hand is still the file's: no aligner redoes it."""
    stamp = library.alignments.stamp(source_id, target_id)
    if stamp is not None and stamp[2] == versions.FILE_ALIGNMENT:
        return versions.FILE_ALIGNMENT
    return versions.ALIGNER_VERSION


def save_file_alignment(library: Library, source_id: int, target_id: int,
                        beads: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]
                        ) -> SentenceAlignment:
    """Store the alignment a bilingual file gave: its units as beads set by hand with
    confidence 1 (each also a fix, as the reader's own are), never computed again by an
    upgraded aligner while the texts stay as they are."""
    source = library.sentences(source_id)
    target = library.sentences(target_id)
    placed = tuple(AlignedBead(tuple(s), tuple(t), 1.0, True) for s, t in beads)
    fixes = tuple(AlignmentFix(tuple(source[i].text for i in bead.source),
                               tuple(target[j].text for j in bead.target))
                  for bead in placed if bead.source and bead.target)
    alignment = SentenceAlignment(source_id, target_id, placed, fixes)
    hashes = (library.content_hash_of(source_id), library.content_hash_of(target_id))
    library.alignments.save(alignment, hashes, versions.FILE_ALIGNMENT)
    _flag_after(library, alignment)
    return alignment


def align_article(library: Library, article_id: int) -> None:
    """Make sure every pair of an article's language versions is aligned."""
    documents = library.documents_of(article_id)
    for source, target in combinations(documents, 2):
        ensure_alignment(library, source.id, target.id)


def pending_alignments(library: Library,
                       article_id: int) -> tuple[list[AlignmentJob], list[tuple[int, int]]]:
    """The pairs of an article's versions whose alignment is missing or out of date.

    Pairs without the reader's fixes come as jobs that can run anywhere (run_alignment_job,
    then save_alignment_job); pairs with fixes as (source, target) ids, to align here with
    ensure_alignment.
    """
    jobs: list[AlignmentJob] = []
    with_fixes: list[tuple[int, int]] = []
    documents = library.documents_of(article_id)
    hashes = {d.id: library.content_hash_of(d.id) for d in documents}
    for source, target in combinations(documents, 2):
        current = (hashes[source.id], hashes[target.id])
        if _stamp_is_current(library.alignments.stamp(source.id, target.id), current):
            continue
        existing = library.alignments.get(source.id, target.id)
        if existing is not None and existing.fixes:
            with_fixes.append((source.id, target.id))
            continue
        source_sentences = library.sentences(source.id)
        target_sentences = library.sentences(target.id)
        jobs.append(AlignmentJob(
            source.id, target.id, source.language, target.language,
            tuple(s.text for s in source_sentences), tuple(t.text for t in target_sentences),
            tuple(s.paragraph for s in source_sentences),
            tuple(t.paragraph for t in target_sentences),
            current,
            tuple(s.section for s in source_sentences),
            tuple(t.section for t in target_sentences),
        ))
    return jobs, with_fixes


def run_alignment_job(job: AlignmentJob) -> SentenceAlignment:
    """Align a job's two documents automatically, as compute_alignment does without fixes."""
    beads = _aligned(job.source_sentences, job.target_sentences, job.source_paragraphs,
                     job.target_paragraphs, job.source_language, job.target_language, 0, 0,
                     (job.source_sections or None, job.target_sections or None))
    return SentenceAlignment(job.source_id, job.target_id, tuple(beads), ())


def save_alignment_job(library: Library, job: AlignmentJob,
                       alignment: SentenceAlignment) -> bool:
    """Store a job's alignment unless a text changed or the pair was aligned meanwhile."""
    try:
        current = (library.content_hash_of(job.source_id),
                   library.content_hash_of(job.target_id))
    except KeyError:  # a document is gone
        return False
    if current != job.hashes or _stamp_is_current(
            library.alignments.stamp(job.source_id, job.target_id), current):
        return False
    library.alignments.save(alignment, current, versions.ALIGNER_VERSION)
    _flag_after(library, alignment)
    return True


def save_correction(library: Library, source_id: int, target_id: int,
                    beads: Sequence[AlignedBead]) -> SentenceAlignment:
    """Store beads the reader corrected; manual beads become fixes that survive re-alignment."""
    source = library.sentences(source_id)
    target = library.sentences(target_id)
    fixes = tuple(
        AlignmentFix(tuple(source[i].text for i in bead.source),
                     tuple(target[j].text for j in bead.target))
        for bead in beads if bead.manual
    )
    alignment = SentenceAlignment(source_id, target_id, tuple(beads), fixes)
    hashes = (library.content_hash_of(source_id), library.content_hash_of(target_id))
    library.alignments.save(alignment, hashes,
                            _version_after_correction(library, source_id, target_id))
    _flag_after(library, alignment)
    return alignment


def reset_to_automatic(library: Library, source_id: int, target_id: int) -> SentenceAlignment:
    """Forget the reader's fixes and align the pair afresh."""
    alignment = compute_alignment(library, source_id, target_id, ())
    hashes = (library.content_hash_of(source_id), library.content_hash_of(target_id))
    library.alignments.save(alignment, hashes, versions.ALIGNER_VERSION)
    _flag_after(library, alignment)
    return alignment


def _flag_after(library: Library, alignment: SentenceAlignment) -> None:
    """An article's "translations differ" flag follows the alignments stored."""
    from reader.operations.figure_checking import flag_after_alignment

    flag_after_alignment(library, alignment)


def _flag_if_unchecked(library: Library, document_id: int) -> None:
    """A flag left unchecked (versions linked or unlinked) is checked when the article's
    alignment is next asked for, as the window does when it shows the article."""
    from reader.operations.figure_checking import flag_if_unchecked

    flag_if_unchecked(library, document_id)


def compute_alignment(library: Library, source_id: int, target_id: int,
                      fixes: Sequence[AlignmentFix],
                      progress: ReportProgress | None = None) -> SentenceAlignment:
    """Align two documents automatically around the fixes that still apply.

    Documents of more than one section (a book's chapters) are aligned chapter by chapter.
    """
    source = library.sentences(source_id)
    target = library.sentences(target_id)
    languages = {i: library.document(i).language for i in (source_id, target_id)}
    placed = _place_fixes(fixes, [s.text for s in source], [t.text for t in target])
    beads: list[AlignedBead] = []
    kept: list[AlignmentFix] = []
    s0 = t0 = 0
    total = len(source) + len(target)

    def report(done: int, _all: int, base: int) -> None:
        if progress is not None:
            progress(base + done, total, "")

    for fix, (ss, se, ts, te) in placed:
        beads.extend(_auto(source, target, s0, ss, t0, ts, languages[source_id],
                           languages[target_id], report))
        beads.append(AlignedBead(tuple(range(ss, se)), tuple(range(ts, te)), 1.0, True))
        kept.append(fix)
        s0, t0 = se, te
    beads.extend(_auto(source, target, s0, len(source), t0, len(target),
                       languages[source_id], languages[target_id], report))
    if progress is not None:
        progress(total, total, "")
    return SentenceAlignment(source_id, target_id, tuple(beads), tuple(kept))


def _auto(source: Sequence[SentenceRecord], target: Sequence[SentenceRecord], s0: int, s1: int,
          t0: int, t1: int, source_language: str, target_language: str,
          report: Callable[[int, int, int], None]) -> list[AlignedBead]:
    return _aligned([s.text for s in source[s0:s1]], [t.text for t in target[t0:t1]],
                    [s.paragraph for s in source[s0:s1]], [t.paragraph for t in target[t0:t1]],
                    source_language, target_language, s0, t0,
                    ([s.section for s in source[s0:s1]], [t.section for t in target[t0:t1]]),
                    lambda done, total: report(done, total, s0 + t0))


def _aligned(source: Sequence[str], target: Sequence[str], source_paragraphs: Sequence[int],
             target_paragraphs: Sequence[int], source_language: str, target_language: str,
             s0: int, t0: int,
             sections: tuple[Sequence[int] | None, Sequence[int] | None] = (None, None),
             progress: Callable[[int, int], None] | None = None) -> list[AlignedBead]:
    """Beads of the automatic aligner for two runs of sentences starting at s0 and t0,
    chapter by chapter where both runs have sections (a text without any is one chapter)."""
    # The aligner loads with the first pair to align: showing a stored alignment needs none.
    from reader.text.chapter_alignment import align_sections

    if not source and not target:
        return []
    source_sections = sections[0] or [0] * len(source)
    target_sections = sections[1] or [0] * len(target)
    beads = align_sections(source, target, source_language, target_language,
                           source_sections, target_sections, source_paragraphs,
                           target_paragraphs, progress)
    return [
        AlignedBead(tuple(s0 + i for i in bead.source), tuple(t0 + j for j in bead.target),
                    float(bead.score))
        for bead in beads
    ]


def _place_fixes(fixes: Sequence[AlignmentFix], source: Sequence[str],
                 target: Sequence[str]) -> list[tuple[AlignmentFix, Placement]]:
    """Where each fix's sentences are now; fixes that no longer fit in order are dropped.

    A fix with an empty side (a sentence the reader marked as having no counterpart) has no
    place of its own to be found again; it lasts until the texts change.
    """
    found: list[tuple[AlignmentFix, Placement]] = []
    for fix in fixes:
        s = _find_run(source, fix.source_sentences)
        t = _find_run(target, fix.target_sentences)
        if s is not None and t is not None and fix.source_sentences and fix.target_sentences:
            found.append((fix, (s, s + len(fix.source_sentences), t,
                                t + len(fix.target_sentences))))
    found.sort(key=lambda item: item[1])
    chain: list[tuple[AlignmentFix, Placement]] = []
    for fix, placement in found:
        if not chain or (placement[0] >= chain[-1][1][1] and placement[2] >= chain[-1][1][3]):
            chain.append((fix, placement))
    return chain


def _find_run(sentences: Sequence[str], run: Sequence[str]) -> int | None:
    if not run:
        return None
    for start in range(len(sentences) - len(run) + 1):
        if all(sentences[start + k] == text for k, text in enumerate(run)):
            return start
    return None
