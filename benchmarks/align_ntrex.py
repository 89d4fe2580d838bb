"""Alignment quality on real news: harder sets made from NTREX, next to Gale–Church.

    .venv/bin/python benchmarks/align_ntrex.py [--pairs eng-spa ...] [--seed 1] [--no-baseline]
        [--half tune|held-out]
    .venv/bin/python benchmarks/align_ntrex.py --speed [--sentences 20000] [--workers N]

Data: ../shared/data/ntrex-dev (1,007 English news sentences in 62 stories, translated line for
line into es, sv, ru and nb; its README). The gold there is line i = line i, so this script
makes harder sets from it, seeded and reproducible:

- edits per story: about one gold bead in six is edited: two or three lines joined into one
  on one side (1-2, 2-1, 1-3, 3-1 beads) or a line dropped on one side (1-0, 0-1);
- **per story**: each edited story aligned on its own (62 alignments per pair);
- **long**: the same edited stories joined in order into documents of 500 to 1,000 lines;
- **chapters**: the long documents with each story as a section (chapter), aligned by
  `align_sections` (chapters paired first, then sentences inside);
- **speed** (`--speed`): stories drawn at random with fresh edits until each side has about
  20,000 sentences, twenty stories (about 300 sentences) a chapter; time and peak memory.

Scores are strict, as vecalign's scorer counts them: a predicted bead is right only if a gold
bead has exactly its source and target sentences; precision over every predicted bead (1-0 and
0-1 included), recall over the gold beads with sentences on both sides. Counts are summed over
a set (micro average). Gale–Church is nltk's implementation (`align_blocks`, characters per
sentence), run on the same inputs; its links are grouped into beads, sentences it leaves
unlinked become 1-0 / 0-1 beads.

Confidence: of the aligner's beads that are wrong, the share scored below 0.5; of those that
are right, the share scored below 0.5. The confidence model is fitted on the "tune" half of
the stories (`align_confidence.py`); `--half held-out` measures it on the other half only
(the same edits as on every story: the stories are edited first, then one half is kept).
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from translation_check_common import story_half  # noqa: E402

from reader.text.alignment import UNSURE_BELOW, Bead, align_sentences  # noqa: E402
from reader.text.chapter_alignment import WORKERS, align_sections  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ntrex-dev"
if not DATA.exists():
    DATA = Path("/work/shared/data/ntrex-dev")
LANGUAGES = {"eng": "en", "spa": "es", "swe": "sv", "rus": "ru", "nob": "nb"}
PAIRS = ("eng-spa", "eng-swe", "eng-rus", "eng-nob")
EDIT_RATE = 1 / 6
# edit kinds and how often each is drawn: (source lines, target lines) of the bead made
EDITS = {(1, 2): 3, (2, 1): 3, (1, 3): 1, (3, 1): 1, (1, 0): 1, (0, 1): 1}
LONG_MIN, LONG_MAX = 500, 1000
# speed: a book's chapter is this many stories (about 300 sentences)
STORIES_PER_CHAPTER = 20

BeadKey = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Document:
    """Two sides' sentences, their section (story) numbers and the gold beads."""

    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_sections: list[int] = field(default_factory=list)
    target_sections: list[int] = field(default_factory=list)
    gold: list[BeadKey] = field(default_factory=list)

    def extend(self, other: Document, section: int) -> None:
        s0, t0 = len(self.source), len(self.target)
        self.source += other.source
        self.target += other.target
        self.source_sections += [section] * len(other.source)
        self.target_sections += [section] * len(other.target)
        self.gold += [(tuple(s0 + i for i in s), tuple(t0 + j for j in t)) for s, t in other.gold]


@dataclass
class Tally:
    """Strict counts (vecalign) and confidence counts of one system on one set."""

    predicted: int = 0
    correct: int = 0
    gold_paired: int = 0
    recalled: int = 0
    wrong_low: int = 0
    right_low: int = 0

    def add(self, predicted: Sequence[Bead], gold: Sequence[BeadKey]) -> None:
        gold_set = set(gold)
        keys = [(b.source, b.target) for b in predicted]
        self.predicted += len(keys)
        self.correct += sum(key in gold_set for key in keys)
        predicted_paired = {key for key in keys if key[0] and key[1]}
        gold_paired = [key for key in gold if key[0] and key[1]]
        self.gold_paired += len(gold_paired)
        self.recalled += sum(key in predicted_paired for key in gold_paired)
        for bead, key in zip(predicted, keys, strict=True):
            if bead.score < UNSURE_BELOW:
                if key in gold_set:
                    self.right_low += 1
                else:
                    self.wrong_low += 1

    def f1(self) -> float:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.recalled / self.gold_paired if self.gold_paired else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def confidence(self) -> str:
        wrong, right = self.predicted - self.correct, self.correct
        wrong_share = self.wrong_low / wrong if wrong else 1.0
        right_share = self.right_low / right if right else 0.0
        return (f"wrong<0.5 {self.wrong_low}/{wrong} ({wrong_share:.0%})  "
                f"right<0.5 {self.right_low}/{right} ({right_share:.1%})")


def read_lines(code: str) -> list[str]:
    return (DATA / f"ntrex-dev.{code}.txt").read_text(encoding="utf-8").splitlines()


def stories() -> list[range]:
    ids = (DATA / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    result, start = [], 0
    for i in range(1, len(ids) + 1):
        if i == len(ids) or ids[i] != ids[start]:
            result.append(range(start, i))
            start = i
    return result


def edited_story(source: list[str], target: list[str], rng: random.Random) -> Document:
    """A story with lines joined or dropped on one side; its gold follows from the edits."""
    document = Document()
    kinds, weights = list(EDITS), list(EDITS.values())
    i, n = 0, len(source)
    while i < n:
        kind = rng.choices(kinds, weights)[0] if rng.random() < EDIT_RATE else (1, 1)
        span = max(kind)
        if i + span > n:
            kind, span = (1, 1), 1
        s0, t0 = len(document.source), len(document.target)
        lines = range(i, i + span)
        if kind == (1, 0):
            document.source.append(source[i])
        elif kind == (0, 1):
            document.target.append(target[i])
        elif kind[0] == 1:
            document.source.append(" ".join(source[k] for k in lines))
            document.target += [target[k] for k in lines]
        else:
            document.source += [source[k] for k in lines]
            document.target.append(" ".join(target[k] for k in lines))
        document.gold.append((tuple(range(s0, len(document.source))),
                              tuple(range(t0, len(document.target)))))
        i += span
    return document


def story_halves() -> list[str]:
    """Each story's half ('tune' or 'held-out'), split by a hash of its name as the
    translation check splits them (translation_check_common.story_half)."""
    ids = (DATA / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    return [story_half(ids[r.start].split("\t")[0]) for r in stories()]


def story_documents(pair: str, seed: int, half: str | None = None) -> list[Document]:
    """Every story edited (the same edits whichever half is asked for), or one half's."""
    source_code, target_code = pair.split("-")
    source, target = read_lines(source_code), read_lines(target_code)
    rng = random.Random(f"{seed}-{pair}")
    documents = [edited_story(source[r.start:r.stop], target[r.start:r.stop], rng)
                 for r in stories()]
    if half is None:
        return documents
    return [d for d, h in zip(documents, story_halves(), strict=True) if h == half]


def long_documents(per_story: list[Document]) -> list[Document]:
    """Stories joined in order into documents of LONG_MIN to LONG_MAX lines."""
    documents, current = [], Document()
    for number, story in enumerate(per_story):
        if len(current.source) + len(story.source) > LONG_MAX:
            documents.append(current)
            current = Document()
        current.extend(story, number)
        if len(current.source) >= LONG_MIN and number < len(per_story) - 1:
            remaining = sum(len(s.source) for s in per_story[number + 1:])
            if remaining >= LONG_MIN:
                documents.append(current)
                current = Document()
    if current.source:
        documents.append(current)
    return documents


def gale_church(source: Sequence[str], target: Sequence[str]) -> list[Bead]:
    """nltk's Gale–Church on characters; links grouped into beads, the unlinked as omissions."""
    from nltk.translate.gale_church import align_blocks

    links = align_blocks([len(s) for s in source], [len(t) for t in target])
    beads: list[Bead] = []
    linked_s = {i for i, _ in links}
    linked_t = {j for _, j in links}
    # links are monotonic: consecutive links sharing a sentence form one bead
    groups: list[tuple[set[int], set[int]]] = []
    for i, j in sorted(links):
        if groups and (i in groups[-1][0] or j in groups[-1][1]):
            groups[-1][0].add(i)
            groups[-1][1].add(j)
        else:
            groups.append(({i}, {j}))
    paired = [(tuple(sorted(s)), tuple(sorted(t))) for s, t in groups]
    singles = [((i,), ()) for i in range(len(source)) if i not in linked_s]
    singles += [((), (j,)) for j in range(len(target)) if j not in linked_t]
    for s, t in paired + singles:
        beads.append(Bead(s, t, 1.0))
    return beads


def ours(document: Document, chapters: bool, source_language: str,
         target_language: str) -> list[Bead]:
    if chapters:
        return align_sections(document.source, document.target, source_language,
                              target_language, document.source_sections,
                              document.target_sections)
    return align_sentences(document.source, document.target, source_language, target_language)


def quality(pairs: Sequence[str], seed: int, baseline: bool, half: str | None = None) -> None:
    stories_of = "every story" if half is None else f"the {half} half of the stories"
    print(f"NTREX dev, seed {seed}, {stories_of}, strict F1 (vecalign); "
          "confidence of the aligner's beads")
    print(f"  {'pair':8} {'set':22} {'aligner':>8} {'G-C':>6}   confidence")
    for pair in pairs:
        source_language, target_language = (LANGUAGES[c] for c in pair.split("-"))
        per_story = story_documents(pair, seed, half)
        longs = long_documents(per_story)
        sets = {
            f"per story ({len(per_story)})": (per_story, False),
            f"long ({'+'.join(str(len(d.source)) for d in longs)})": (longs, False),
            "long, chapters": (longs, True),
        }
        for name, (documents, chapters) in sets.items():
            mine, theirs = Tally(), Tally()
            for document in documents:
                mine.add(ours(document, chapters, source_language, target_language),
                         document.gold)
                if baseline and not chapters:
                    theirs.add(gale_church(document.source, document.target), document.gold)
            gc_f1 = f"{theirs.f1():6.3f}" if theirs.predicted else f"{'':6}"
            print(f"  {pair:8} {name:22} {mine.f1():8.3f} {gc_f1}   {mine.confidence()}",
                  flush=True)


def speed(pair: str, sentences: int, seed: int, workers: int | None) -> None:
    """Time and peak memory of aligning about `sentences` × `sentences`, one story a chapter."""
    source_language, target_language = (LANGUAGES[c] for c in pair.split("-"))
    source_code, target_code = pair.split("-")
    source, target = read_lines(source_code), read_lines(target_code)
    rng = random.Random(f"speed-{seed}")
    spans = stories()
    document = Document()
    number = 0
    while len(document.source) < sentences:
        span = spans[rng.randrange(len(spans))]
        story = edited_story(source[span.start:span.stop], target[span.start:span.stop], rng)
        document.extend(story, number // STORIES_PER_CHAPTER)
        number += 1
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    beads = align_sections(document.source, document.target, source_language, target_language,
                           document.source_sections, document.target_sections,
                           workers=workers)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    tally = Tally()
    tally.add(beads, document.gold)
    chapters = (number + STORIES_PER_CHAPTER - 1) // STORIES_PER_CHAPTER
    print(f"{pair} {len(document.source)} x {len(document.target)} sentences in {chapters} "
          f"chapters: {elapsed:.2f} s, peak RSS {peak:.0f} MB (before {before:.0f} MB), "
          f"each worker process at most {worker:.0f} MB (all together at most "
          f"{peak + WORKERS * worker:.0f} MB), strict F1 {tally.f1():.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", nargs="*", default=list(PAIRS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true", help="skip Gale–Church (slow)")
    parser.add_argument("--half", choices=("tune", "held-out"), default=None,
                        help="only the stories of this half (split by a hash of their name)")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for --speed (default: as the reader chooses)")
    arguments = parser.parse_args()
    if arguments.speed:
        speed(arguments.pairs[0], arguments.sentences, arguments.seed, arguments.workers)
    else:
        quality(arguments.pairs, arguments.seed, not arguments.no_baseline, arguments.half)


if __name__ == "__main__":
    main()
