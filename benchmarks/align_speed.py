"""Time the sentence aligner on long documents built from the seeds.

    .venv/bin/python benchmarks/align_speed.py [--sizes 200 1000 5000] [--runs 5]

A document of about N sentences is the perturbed Cao Bang cases (alignment_data/) laid end
to end, es on one side and en on the other, each case's paragraphs shuffled, until the Spanish
side has N sentences; it holds merges, splits and omissions and its gold is known. Each size
is timed `--runs` times after one untimed run (the median is printed, with the minimum), for
the aligner with paragraph numbers; the F1 of the timed alignment against the concatenated
gold shows that the band did not cost quality.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.text.alignment import align_sentences  # noqa: E402

CASES = ROOT / "benchmarks" / "alignment_data"


def long_document(size: int) -> dict[str, Any]:
    """Whole cases end to end until the source side has `size` sentences.

    Each case's paragraphs are shuffled (alike on both sides, so the gold holds), or the
    document would repeat itself every 38 sentences and a path shifted by one copy would look
    as good as the right one.
    """
    cases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("case_*.json"))]
    document: dict[str, Any] = {"source": [], "target": [], "source_paragraphs": [],
                                "target_paragraphs": [], "gold": set()}
    shuffler = random.Random(size)
    number = 0
    while len(document["source"]) < size:
        beads = _case_beads(cases[number % len(cases)])
        groups = _paragraph_groups(beads)
        shuffler.shuffle(groups)
        for group_number, group in enumerate(groups):
            _append(document, group, paragraph=1000 * number + group_number)
        number += 1
    return document


Bead = tuple[list[str], list[str], list[int], list[int]]  # texts and paragraphs of each side


def _case_beads(case: dict[str, Any]) -> list[Bead]:
    return [([case["source_sentences"][i] for i in src], [case["target_sentences"][j] for j in tgt],
             [case["source_paragraphs"][i] for i in src],
             [case["target_paragraphs"][j] for j in tgt])
            for src, tgt in zip(case["src"], case["tgt"], strict=True)]


def _paragraph_groups(beads: list[Bead]) -> list[list[Bead]]:
    """Runs of beads in one paragraph (by the first sentence of the bead's source or target)."""
    groups: list[list[Bead]] = []
    previous = None
    for bead in beads:
        paragraph = (bead[2] or bead[3])[0]
        if paragraph != previous or not groups:
            groups.append([])
        groups[-1].append(bead)
        previous = paragraph
    return groups


def _append(document: dict[str, Any], group: list[Bead], paragraph: int) -> None:
    for source, target, _, _ in group:
        s0, t0 = len(document["source"]), len(document["target"])
        document["source"] += source
        document["target"] += target
        document["source_paragraphs"] += [paragraph] * len(source)
        document["target_paragraphs"] += [paragraph] * len(target)
        document["gold"].add((tuple(range(s0, s0 + len(source))),
                              tuple(range(t0, t0 + len(target)))))


def time_alignment(document: dict[str, Any], runs: int) -> tuple[float, float, float]:
    def align() -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
        beads = align_sentences(document["source"], document["target"], "es", "en",
                                document["source_paragraphs"], document["target_paragraphs"])
        return {(bead.source, bead.target) for bead in beads}

    align()  # warm-up: imports, CLDR data, regular expressions
    times = []
    predicted: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for _ in range(runs):
        start = time.perf_counter()
        predicted = align()
        times.append(time.perf_counter() - start)
    correct = len(predicted & document["gold"])
    precision, recall = correct / len(predicted), correct / len(document["gold"])
    f1 = 2 * precision * recall / (precision + recall) if correct else 0.0
    return statistics.median(times), min(times), f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    print(f"{'sentences (es x en)':>20} {'median s':>9} {'min s':>7} {'F1':>6}")
    for size in arguments.sizes:
        document = long_document(size)
        median, fastest, f1 = time_alignment(document, arguments.runs)
        shape = f"{len(document['source'])} x {len(document['target'])}"
        print(f"{shape:>20} {median:9.3f} {fastest:7.3f} {f1:6.3f}")


if __name__ == "__main__":
    main()
