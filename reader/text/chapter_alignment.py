"""Books: two long documents aligned chapter by chapter, then sentence by sentence inside.

Chapters are the documents' sections (an EPUB's chapters, an article's blank-line-separated
sections). They are paired first, by dynamic programming over whole chapters: their lengths
in characters (against the two texts' length ratio) and the numbers both hold (written in
digits, which survive translation whatever the language writes around them). A chapter may
pair with one or two of the other side's (a translation that splits or joins chapters), or
with none. The sentences of each pair of chapters are then aligned on their own, so the
work grows with the length of the book, not with its square root times its length.

Large books (PARALLEL_SENTENCES and more) have their chapters aligned in WORKERS processes
at once: the beads are the same as in one process, in the same order.

When chapters cannot be paired with confidence (whole chapters left without a counterpart),
the two texts are aligned as one, as `align_sentences` does.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from reader.text.alignment import Bead, align_sentences

# sentences aligned so far, of all the sentences of both sides
SentenceProgress = Callable[[int, int], None]
# (source chapters, target chapters) paired: indices into each side's list of chapters
ChapterPair = tuple[tuple[int, ...], tuple[int, ...]]

# Chapter shapes and their costs in nats: a chapter split or joined in translation is rarer
# than one kept, and a chapter left out rarer still.
CHAPTER_SHAPES: dict[tuple[int, int], float] = {(1, 1): 0.0, (2, 1): 3.0, (1, 2): 3.0,
                                                (1, 0): 6.0, (0, 1): 6.0}
# A chapter's length varies with its translation by about this much (standard deviation of
# the log of the ratio); a few characters more on each side keep short headings alike.
LENGTH_SPREAD = 0.15
LENGTH_PRIOR_CHARS = 200
# Cost of two chapters whose numbers do not agree at all (scaled by the share that does not).
NUMBER_DISAGREEMENT_COST = 4.0
# Chapters left out may hold at most this share of a side's characters; more, and the
# pairing is not trusted: the texts are aligned as one.
MOST_OMITTED_SHARE = 0.1
# Chapters are paired within this many of the diagonal (more for books of many chapters).
CHAPTER_BAND = 30
# Books of at least this many sentences (both sides) are aligned in WORKERS processes, one
# chapter pair at a time each; smaller ones in this process (starting a process costs
# about a tenth of a second, the work of a few hundred sentences).
PARALLEL_SENTENCES = 4000
WORKERS = 2
_DIGITS = re.compile(r"\d+")
# the arguments of align_sentences for one pair of chapters
_Task = tuple[Sequence[str], Sequence[str], str, str, Sequence[int] | None, Sequence[int] | None]


@dataclass(frozen=True)
class Chapter:
    """A run of sentences of one section: where it is, how long it is, its numbers."""

    start: int
    end: int
    characters: int
    numbers: frozenset[str]


def align_sections(
    source: Sequence[str],
    target: Sequence[str],
    source_language: str,
    target_language: str,
    source_sections: Sequence[int],
    target_sections: Sequence[int],
    source_paragraphs: Sequence[int] | None = None,
    target_paragraphs: Sequence[int] | None = None,
    progress: SentenceProgress | None = None,
    workers: int | None = None,
) -> list[Bead]:
    """Align two documents chapter by chapter: each sentence in one bead, in order.

    `source_sections[i]` is the section (chapter) number of source sentence i, likewise for
    the target. With one chapter or none on a side, the texts are aligned as one. `workers`
    processes align the chapters (by default WORKERS for books of PARALLEL_SENTENCES or more,
    as many as there are processors at most; 1: all in this process).
    """
    source_chapters = find_chapters(source, source_sections)
    target_chapters = find_chapters(target, target_sections)
    total = len(source) + len(target)
    pairs = (pair_chapters(source_chapters, target_chapters)
             if len(source_chapters) > 1 and len(target_chapters) > 1 else None)
    if pairs is None or not _trusted(pairs, source_chapters, target_chapters):
        whole = align_sentences(source, target, source_language, target_language,
                                source_paragraphs, target_paragraphs)
        if progress is not None:
            progress(total, total)
        return whole
    spans = [(_span(source_chapters, source_group), _span(target_chapters, target_group))
             for source_group, target_group in pairs]
    tasks: list[_Task] = [
        (source[s0:s1], target[t0:t1], source_language, target_language,
         None if source_paragraphs is None else source_paragraphs[s0:s1],
         None if target_paragraphs is None else target_paragraphs[t0:t1])
        for (s0, s1), (t0, t1) in spans if s1 > s0 and t1 > t0]
    if workers is None:
        workers = min(WORKERS, os.cpu_count() or 1) if total >= PARALLEL_SENTENCES else 1
    aligned = _aligned_chapters(tasks, workers)
    beads: list[Bead] = []
    done = 0
    for (s0, s1), (t0, t1) in spans:
        if s1 == s0 or t1 == t0:
            beads += [Bead((i,), (), 0.0) for i in range(s0, s1)]
            beads += [Bead((), (j,), 0.0) for j in range(t0, t1)]
        else:
            beads += [Bead(tuple(s0 + i for i in bead.source),
                           tuple(t0 + j for j in bead.target), bead.score)
                      for bead in next(aligned)]
        done += (s1 - s0) + (t1 - t0)
        if progress is not None:
            progress(done, total)
    return beads


def _aligned_chapters(tasks: list[_Task], workers: int) -> Iterator[list[Bead]]:
    """The beads of each task in order: in `workers` processes, or here when that is 1.

    Where processes cannot be started (or die), what is left is aligned here.
    """
    done = 0
    if workers > 1 and len(tasks) > 1:
        try:
            # spawned, not forked: the window's threads are not copied into the workers
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(min(workers, len(tasks)), mp_context=context) as pool:
                futures = [pool.submit(align_sentences, *task) for task in tasks]
                for future in futures:
                    result = future.result()
                    done += 1
                    yield result
        except (OSError, BrokenProcessPool):
            pass
    for task in tasks[done:]:
        yield align_sentences(*task)


def pair_chapters(source: Sequence[Chapter], target: Sequence[Chapter]) -> list[ChapterPair]:
    """The least-cost monotonic pairing of two sides' chapters.

    Within a band of chapters around the diagonal: CHAPTER_BAND or, for books of very many
    chapters, the root of their number (a book's chapters rarely drift further).
    """
    n, m = len(source), len(target)
    width = max(CHAPTER_BAND, math.ceil(math.sqrt(max(n, m))))
    ratio = ((sum(c.characters for c in target) + LENGTH_PRIOR_CHARS)
             / (sum(c.characters for c in source) + LENGTH_PRIOR_CHARS))
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        centre = round(i * m / n) if n else 0
        for j in range(max(0, centre - width), min(m, centre + width) + 1):
            for (a, b), shape_cost in CHAPTER_SHAPES.items():
                if i < a or j < b or best[i - a][j - b] == math.inf:
                    continue
                total = (best[i - a][j - b] + shape_cost
                         + _pair_cost(source[i - a:i], target[j - b:j], ratio))
                if total < best[i][j]:
                    best[i][j], back[i][j] = total, (a, b)
    if best[n][m] == math.inf:  # drifted out of the band: one pair of everything
        return [(tuple(range(n)), tuple(range(m)))]
    pairs: list[ChapterPair] = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]
        pairs.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    pairs.reverse()
    return pairs


def find_chapters(sentences: Sequence[str], sections: Sequence[int]) -> list[Chapter]:
    """A side's chapters: runs of consecutive sentences of one section."""
    found: list[Chapter] = []
    start = 0
    for i in range(1, len(sentences) + 1):
        if i == len(sentences) or sections[i] != sections[start]:
            text = sentences[start:i]
            found.append(Chapter(start, i, sum(len(s.strip()) for s in text),
                                  frozenset(_DIGITS.findall(" ".join(text)))))
            start = i
    return found


def _pair_cost(source: Sequence[Chapter], target: Sequence[Chapter], ratio: float) -> float:
    if not source or not target:
        return 0.0
    source_chars = sum(c.characters for c in source)
    target_chars = sum(c.characters for c in target)
    spread = math.log((target_chars + LENGTH_PRIOR_CHARS)
                      / (ratio * (source_chars + LENGTH_PRIOR_CHARS))) / LENGTH_SPREAD
    cost = spread * spread / 2
    source_numbers = frozenset().union(*(c.numbers for c in source))
    target_numbers = frozenset().union(*(c.numbers for c in target))
    if source_numbers or target_numbers:
        shared = len(source_numbers & target_numbers)
        agreement = 2 * shared / (len(source_numbers) + len(target_numbers))
        cost += NUMBER_DISAGREEMENT_COST * (1 - agreement)
    return cost


def _span(chapters: Sequence[Chapter], group: tuple[int, ...]) -> tuple[int, int]:
    if not group:
        return 0, 0
    return chapters[group[0]].start, chapters[group[-1]].end


def _trusted(pairs: list[ChapterPair], source: Sequence[Chapter],
             target: Sequence[Chapter]) -> bool:
    """Whether the chapters left out of the pairing hold little enough of either side."""
    for side, chapters in ((0, source), (1, target)):
        total = sum(c.characters for c in chapters) or 1
        omitted = sum(chapters[k].characters for pair in pairs if not pair[1 - side]
                      for k in pair[side])
        if omitted / total > MOST_OMITTED_SHARE:
            return False
    return True
