"""Re-anchoring: how often `reader.text.anchoring.reanchor` finds an annotated passage again
after its document's text changed, and how long a call takes.

For each seed (es, en, sv, ru, nb) passages are picked at random (a fixed seed, so the run is
the same every time): a few words, a whole sentence or two sentences of one paragraph, each
starting at a word. Each passage is quoted in the old text (`quote_at`), then each scenario
edits the text and knows where the passage is now (or that it is gone):

  1 insert before     a sentence of the document inserted at a sentence start at or before it
  2 insert after      a sentence of the document inserted at a sentence end at or after it
  3 delete before     a sentence before the passage deleted (passages in the first sentence
                      of a document have none and are left out)
  4 one word          one word of the passage replaced by a word of similar length
  5 30% words         about 30% of the passage's words replaced likewise (at least one)
  6 delete sentence   the sentences holding the passage deleted: the right answer is None
  7 dup paragraph     the passage's paragraph copied just before itself; the copy starts where
                      the paragraph used to start, so the occurrence nearest the old position
                      is the copy, which is what counts as right (a note line tells how many
                      calls landed on the copy and how many on the original)
  8 normalise         the old text is the seed made "typographic" (two spaces between
                      sentences, curly quotes and apostrophes, en dashes, ellipsis
                      characters); the new text is normalised (one space, straight quotes,
                      "-", "...", and also the Russian seed's own « »)

A placed passage is right when its span equals the truth; near when it overlaps the truth by
at least half (overlap / the longer of the two spans) without being equal; wrong when it
overlaps less, or when the truth is "gone". A None while the passage still exists is missed.

    .venv/bin/python benchmarks/reanchor_quality.py [--passages 100] [--seed 0] [--examples N]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.text.anchoring import Anchor, quote_at, reanchor  # noqa: E402
from reader.text.article_format import parse_article_text  # noqa: E402
from reader.text.sentences import split_sentences  # noqa: E402

SEEDS = ROOT / "seeds"
LANGUAGE_OF_LABEL = {"fuente": "es", "source": "en", "källa": "sv", "источник": "ru",
                     "kilde": "nb"}
SHARE_CHANGED = 0.3  # scenario 5

# An edit: replace text[start:end] by the string.
Op = tuple[int, int, str]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Doc:
    name: str
    language: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    words_by_length: dict[int, tuple[str, ...]]


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    first: int  # index of its first and last sentence
    last: int
    kind: str  # "words", "sentence" or "two sentences"


@dataclass(frozen=True)
class Case:
    old: str
    start: int
    end: int
    new: str
    truth: tuple[int, int] | None
    other: tuple[int, int] | None = None  # scenario 7: the original occurrence


def _load() -> list[Doc]:
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        parsed = parse_article_text(path.read_text(encoding="utf-8"))
        language = LANGUAGE_OF_LABEL[(parsed.source_label or "").lower()]
        sentences = tuple(
            Sentence(span.start, span.end, index)
            for index, p in enumerate(parsed.paragraphs)
            for span in split_sentences(p.text, language, offset=p.start)
        )
        words: dict[int, set[str]] = {}
        for word in re.findall(r"[^\W\d_]+", parsed.body_text):
            words.setdefault(len(word), set()).add(word)
        docs.append(Doc(
            f"{path.name[:3]}_{language}", language, parsed.body_text,
            tuple((p.start, p.end) for p in parsed.paragraphs), sentences,
            {length: tuple(sorted(ws)) for length, ws in words.items()},
        ))
    return docs


# -- edits and where offsets go -----------------------------------------------------------


def _apply(text: str, ops: Sequence[Op]) -> str:
    parts, at = [], 0
    for start, end, new in sorted(ops):
        assert at <= start <= end, "edits overlap"
        parts += [text[at:start], new]
        at = end
    return "".join(parts) + text[at:]


def _map_span(ops: Sequence[Op], start: int, end: int) -> tuple[int, int]:
    """Where text[start:end] is after the edits: an insertion at `start` goes before the
    passage, one at `end` after it; an edit inside the passage is part of it."""
    new_start, new_end = start, end
    for a, b, new in ops:
        delta = len(new) - (b - a)
        assert b <= start or a >= end or start <= a <= b <= end, "edit across a boundary"
        if b <= start:
            new_start += delta
        if b <= end and a < end:
            new_end += delta
    return new_start, new_end


def _sentence_text(doc: Doc, index: int) -> str:
    s = doc.sentences[index]
    return doc.text[s.start:s.end]


def _delete_sentences(doc: Doc, first: int, last: int) -> Op:
    """Delete sentences first..last (one paragraph) with the space that separates them."""
    sents = doc.sentences
    paragraph = sents[first].paragraph
    if last + 1 < len(sents) and sents[last + 1].paragraph == paragraph:
        return sents[first].start, sents[last + 1].start, ""
    if first > 0 and sents[first - 1].paragraph == paragraph:
        return sents[first - 1].end, sents[last].end, ""
    start, end = doc.paragraphs[paragraph]
    if paragraph + 1 < len(doc.paragraphs):
        return start, doc.paragraphs[paragraph + 1][0], ""
    if paragraph > 0:
        return doc.paragraphs[paragraph - 1][1], end, ""
    return start, end, ""


def _other_sentence(doc: Doc, rng: random.Random, p: Passage) -> str:
    choices = [i for i in range(len(doc.sentences)) if not p.first <= i <= p.last]
    return _sentence_text(doc, rng.choice(choices))


def _word_swaps(doc: Doc, rng: random.Random, p: Passage, count: int) -> list[Op]:
    words = [m for m in re.finditer(r"\w+", doc.text[p.start:p.end])]
    lettered = [m for m in words if re.search(r"[^\W\d_]", m.group())]
    chosen = rng.sample(lettered or words, min(count, len(lettered or words)))
    ops = []
    for m in chosen:
        word = m.group()
        pool: list[str] = []
        spread = 1
        while not pool:  # the nearest lengths that have a word (long words are rare)
            pool = [w for length in range(len(word) - spread, len(word) + spread + 1)
                    for w in doc.words_by_length.get(length, ()) if w.lower() != word.lower()]
            spread += 1
        ops.append((p.start + m.start(), p.start + m.end(), rng.choice(pool)))
    return ops


# -- the scenarios ------------------------------------------------------------------------


def insert_before(doc: Doc, rng: random.Random, p: Passage) -> Case:
    at = rng.choice([s.start for s in doc.sentences if s.start <= p.start])
    ops = [(at, at, _other_sentence(doc, rng, p) + " ")]
    return Case(doc.text, p.start, p.end, _apply(doc.text, ops), _map_span(ops, p.start, p.end))


def insert_after(doc: Doc, rng: random.Random, p: Passage) -> Case:
    at = rng.choice([s.end for s in doc.sentences if s.end >= p.end])
    ops = [(at, at, " " + _other_sentence(doc, rng, p))]
    return Case(doc.text, p.start, p.end, _apply(doc.text, ops), _map_span(ops, p.start, p.end))


def delete_before(doc: Doc, rng: random.Random, p: Passage) -> Case | None:
    if p.first == 0:
        return None
    ops = [_delete_sentences(doc, (index := rng.randrange(p.first)), index)]
    return Case(doc.text, p.start, p.end, _apply(doc.text, ops), _map_span(ops, p.start, p.end))


def one_word(doc: Doc, rng: random.Random, p: Passage) -> Case:
    ops = _word_swaps(doc, rng, p, 1)
    return Case(doc.text, p.start, p.end, _apply(doc.text, ops), _map_span(ops, p.start, p.end))


def many_words(doc: Doc, rng: random.Random, p: Passage) -> Case:
    count = max(1, round(SHARE_CHANGED * len(re.findall(r"\w+", doc.text[p.start:p.end]))))
    ops = _word_swaps(doc, rng, p, count)
    return Case(doc.text, p.start, p.end, _apply(doc.text, ops), _map_span(ops, p.start, p.end))


def delete_sentence(doc: Doc, rng: random.Random, p: Passage) -> Case:
    ops = [_delete_sentences(doc, p.first, p.last)]
    return Case(doc.text, p.start, p.end, _apply(doc.text, ops), None)


def duplicate_paragraph(doc: Doc, rng: random.Random, p: Passage) -> Case:
    start, end = doc.paragraphs[doc.sentences[p.first].paragraph]
    ops = [(start, start, doc.text[start:end] + "\n")]
    return Case(doc.text, p.start, p.end, _apply(doc.text, ops), (p.start, p.end),
                other=_map_span(ops, p.start, p.end))


_TYPOGRAPHIC = re.compile(r'"|(?<=\w)\'(?=\w)|(?<= )-(?= )|\.\.\.')
_PLAIN = re.compile(r" {2,}|[“”„«»]|[‘’]|–|…")
_PLAIN_OF = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
             "–": "-", "…": "..."}


def _typographic_ops(doc: Doc) -> list[Op]:
    ops: list[Op] = []
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        if a.paragraph == b.paragraph and doc.text[a.end:b.start] == " ":
            ops.append((a.end, b.start, "  "))
    opening = True
    for m in _TYPOGRAPHIC.finditer(doc.text):
        mark = m.group()
        if mark == '"':
            ops.append((m.start(), m.end(), "“" if opening else "”"))
            opening = not opening
        else:
            ops.append((m.start(), m.end(), {"'": "’", "-": "–", "...": "…"}[mark]))
    return sorted(ops)


def _plain_ops(text: str) -> list[Op]:
    return [(m.start(), m.end(), " " if m.group().startswith(" ") else _PLAIN_OF[m.group()])
            for m in _PLAIN.finditer(text)]


_normalised: dict[str, tuple[list[Op], str, list[Op], str]] = {}


def normalise(doc: Doc, rng: random.Random, p: Passage) -> Case:
    if doc.name not in _normalised:
        to_old = _typographic_ops(doc)
        old = _apply(doc.text, to_old)
        to_new = _plain_ops(old)
        _normalised[doc.name] = to_old, old, to_new, _apply(old, to_new)
    to_old, old, to_new, new = _normalised[doc.name]
    start, end = _map_span(to_old, p.start, p.end)
    return Case(old, start, end, new, _map_span(to_new, start, end))


SCENARIOS: list[tuple[str, Callable[[Doc, random.Random, Passage], Case | None]]] = [
    ("1 insert before", insert_before),
    ("2 insert after", insert_after),
    ("3 delete before", delete_before),
    ("4 one word", one_word),
    ("5 30% words", many_words),
    ("6 delete sentence", delete_sentence),
    ("7 dup paragraph", duplicate_paragraph),
    ("8 normalise", normalise),
]


def _check(name: str, case: Case) -> None:
    """The truth must hold the passage's words, edited as the scenario says."""
    if case.truth is None:
        return
    words = case.old[case.start:case.end]
    found = case.new[case.truth[0]:case.truth[1]]
    if name.startswith(("4", "5")):
        assert found != words and len(found.split()) == len(words.split()), (words, found)
    elif name.startswith("8"):
        assert found == _apply(words, _plain_ops(words)), (words, found)
    else:
        assert found == words, (words, found)


# -- passages -----------------------------------------------------------------------------


def pick_passages(doc: Doc, rng: random.Random, count: int) -> list[Passage]:
    sents = doc.sentences
    pairs = [i for i in range(len(sents) - 1) if sents[i].paragraph == sents[i + 1].paragraph]
    passages: dict[tuple[int, int], Passage] = {}
    while len(passages) < count:
        kind = rng.choice(("words", "sentence", "two sentences"))
        if kind == "words":
            index = rng.randrange(len(sents))
            s = sents[index]
            tokens = list(re.finditer(r"\S+", doc.text[s.start:s.end]))
            size = min(rng.randint(2, 6), len(tokens))
            first = rng.randrange(len(tokens) - size + 1)
            p = Passage(s.start + tokens[first].start(),
                        s.start + tokens[first + size - 1].end(), index, index, kind)
        elif kind == "sentence":
            index = rng.randrange(len(sents))
            p = Passage(sents[index].start, sents[index].end, index, index, kind)
        else:
            index = rng.choice(pairs)
            p = Passage(sents[index].start, sents[index + 1].end, index, index + 1, kind)
        passages.setdefault((p.start, p.end), p)
    return list(passages.values())


# -- scoring ------------------------------------------------------------------------------


def _verdict(anchor: Anchor | None, truth: tuple[int, int] | None) -> str:
    if anchor is None:
        return "correct" if truth is None else "missed"
    if truth is None:
        return "wrong"
    if (anchor.start, anchor.end) == truth:
        return "correct"
    overlap = min(anchor.end, truth[1]) - max(anchor.start, truth[0])
    longer = max(anchor.end - anchor.start, truth[1] - truth[0])
    return "near" if overlap >= 0.5 * longer else "wrong"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=100, help="passages per seed")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument("--examples", type=int, default=0,
                        help="print up to N missed or wrong cases per scenario")
    args = parser.parse_args()
    docs = _load()
    rng = random.Random(args.seed)
    passages = {doc.name: pick_passages(doc, rng, args.passages) for doc in docs}
    kinds = Counter(p.kind for doc in docs for p in passages[doc.name])
    print(f"{sum(len(v) for v in passages.values())} passages in {len(docs)} seeds "
          f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), seed {args.seed}")
    reanchor("warm up", quote_at("warm up", 0, 4), 3)  # rapidfuzz's first call

    header = (f"{'scenario':18} {'passages':>8} {'correct':>8} {'near':>5} {'wrong':>6} "
              f"{'missed':>6} {'pos':>5} {'exact':>5} {'fuzzy':>5} {'none':>5} "
              f"{'median µs':>9} {'p95 µs':>8} {'total ms':>8}")
    print(header)
    notes = []
    by_kind: dict[str, Counter[tuple[str, bool]]] = {name: Counter() for name, _ in SCENARIOS}
    started = time.perf_counter()
    for name, scenario in SCENARIOS:
        verdicts, methods, times = Counter[str](), Counter[str](), []
        landed, examples, off = Counter[str](), [], Counter[str]()
        scenario_rng = random.Random(f"{args.seed}:{name}")
        for doc in docs:
            for p in passages[doc.name]:
                case = scenario(doc, scenario_rng, p)
                if case is None:
                    continue
                _check(name, case)
                quote = quote_at(case.old, case.start, case.end)
                before = time.perf_counter_ns()
                anchor = reanchor(case.new, quote, case.start)
                times.append((time.perf_counter_ns() - before) / 1000)
                verdict = _verdict(anchor, case.truth)
                verdicts[verdict] += 1
                by_kind[name][p.kind, verdict in ("correct", "near")] += 1
                if verdict == "near" and anchor is not None and case.truth is not None:
                    error = max(abs(anchor.start - case.truth[0]),
                                abs(anchor.end - case.truth[1]))
                    off["1" if error <= 1 else "2-5" if error <= 5 else ">5"] += 1
                methods[anchor.method.value if anchor else "none"] += 1
                if case.other is not None and anchor is not None:
                    spot = (anchor.start, anchor.end)
                    landed["copy" if spot == case.truth else
                           "original" if spot == case.other else "elsewhere"] += 1
                if verdict in ("missed", "wrong", "near") and len(examples) < args.examples:
                    examples.append((doc.name, verdict, case, anchor))
        print(f"{name:18} {len(times):8} {verdicts['correct']:8} {verdicts['near']:5} "
              f"{verdicts['wrong']:6} {verdicts['missed']:6} {methods['position']:5} "
              f"{methods['exact']:5} {methods['fuzzy']:5} {methods['none']:5} "
              f"{statistics.median(times):9.0f} {_percentile(times, 0.95):8.0f} "
              f"{sum(times) / 1000:8.1f}")
        if off:
            notes.append(f"{name}: near ones off by (worse end) 1 char {off['1']}, "
                         f"2-5 chars {off['2-5']}, more {off['>5']}")
        if landed:
            notes.append(f"{name}: landed on the copy {landed['copy']}, on the original "
                         f"{landed['original']}, elsewhere {landed['elsewhere']}")
        for doc_name, verdict, case, anchor in examples:
            notes.append(f"{name} {doc_name} {verdict}: {case.old[case.start:case.end]!r}")
            if case.truth is not None:
                notes.append(f"    truth   {case.truth} "
                             f"{case.new[case.truth[0]:case.truth[1]]!r}")
            if anchor is not None:
                notes.append(f"    found   {(anchor.start, anchor.end)} {anchor.method.value} "
                             f"{case.new[anchor.start:anchor.end]!r}")
    for note in notes:
        print(note)
    print("right place (correct + near) by passage kind:")
    names = ("words", "sentence", "two sentences")
    print(f"{'scenario':18} " + " ".join(f"{k:>13}" for k in names))
    for name, counts in by_kind.items():
        print(f"{name:18} " + " ".join(
            f"{f'{counts[k, True]}/{counts[k, True] + counts[k, False]}':>13}" for k in names))
    print(f"wall time {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
