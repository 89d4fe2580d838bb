"""Quality of the sentence aligner against hand-checked gold, next to plain Gale–Church.

    .venv/bin/python benchmarks/align_quality.py [--verbose]

Sets: the seed pair Cao Bang es -> en (tests/text/gold/cao_bang_es_en.json) and the perturbed
copies of it in benchmarks/alignment_data/ (merged, split and dropped sentences; see
make_cases.py there). Scores are strict: a predicted bead counts only if its source and target
sentence sets equal a gold bead's, omissions (1-0, 0-1) included. Precision, recall and F1
are summed over the beads of all cases of a set (micro average). Recall by gold bead shape
says which kinds of edit are recovered.

Systems: the aligner with the paragraph numbers of the sentences, the aligner without them
(as for presegmented input), and Gale & Church's length-only alignment.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.text.alignment import Bead, align_sentences, gale_church_baseline  # noqa: E402

GOLD = ROOT / "tests" / "text" / "gold" / "cao_bang_es_en.json"
CASES = ROOT / "benchmarks" / "alignment_data"

BeadKey = tuple[tuple[int, ...], tuple[int, ...]]
Aligner = Callable[[dict[str, Any]], list[Bead]]


@dataclass
class Tally:
    """Counts of one system on one set."""

    predicted: int = 0
    gold: int = 0
    correct: int = 0
    gold_by_shape: Counter[tuple[int, int]] = field(default_factory=Counter)
    found_by_shape: Counter[tuple[int, int]] = field(default_factory=Counter)

    def add(self, predicted: set[BeadKey], gold: set[BeadKey]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.correct += len(predicted & gold)
        for bead in gold:
            shape = (len(bead[0]), len(bead[1]))
            self.gold_by_shape[shape] += 1
            self.found_by_shape[shape] += bead in predicted

    def scores(self) -> tuple[float, float, float]:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.correct / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def aligner_with_paragraphs(case: dict[str, Any]) -> list[Bead]:
    return align_sentences(case["source_sentences"], case["target_sentences"],
                           case["source_language"], case["target_language"],
                           case["source_paragraphs"], case["target_paragraphs"])


def aligner_without_paragraphs(case: dict[str, Any]) -> list[Bead]:
    return align_sentences(case["source_sentences"], case["target_sentences"],
                           case["source_language"], case["target_language"])


def baseline(case: dict[str, Any]) -> list[Bead]:
    return gale_church_baseline(case["source_sentences"], case["target_sentences"])


SYSTEMS: dict[str, Aligner] = {
    "aligner (paragraphs)": aligner_with_paragraphs,
    "aligner (no paragraphs)": aligner_without_paragraphs,
    "Gale-Church baseline": baseline,
}


def gold_beads(case: dict[str, Any]) -> set[BeadKey]:
    return {(tuple(s), tuple(t)) for s, t in zip(case["src"], case["tgt"], strict=True)}


def predicted_beads(beads: Sequence[Bead]) -> set[BeadKey]:
    return {(bead.source, bead.target) for bead in beads}


def load_sets() -> dict[str, list[dict[str, Any]]]:
    seed = json.loads(GOLD.read_text(encoding="utf-8"))
    cases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("case_*.json"))]
    return {"seed pair es-en": [seed], f"perturbed ({len(cases)} cases)": cases}


def report(verbose: bool) -> None:
    for set_name, cases in load_sets().items():
        gold_total = sum(len(case["src"]) for case in cases)
        print(f"\n{set_name}: {gold_total} gold beads")
        print(f"  {'system':26} {'P':>6} {'R':>6} {'F1':>6}   recall by gold shape")
        for system_name, system in SYSTEMS.items():
            tally = Tally()
            for number, case in enumerate(cases):
                predicted, gold = predicted_beads(system(case)), gold_beads(case)
                tally.add(predicted, gold)
                if verbose and predicted != gold:
                    print(f"    {system_name} case {number}: missed "
                          f"{sorted(gold - predicted)} predicted {sorted(predicted - gold)}")
            precision, recall, f1 = tally.scores()
            shapes = "  ".join(
                f"{a}-{b} {tally.found_by_shape[(a, b)]}/{tally.gold_by_shape[(a, b)]}"
                for a, b in sorted(tally.gold_by_shape)
            )
            print(f"  {system_name:26} {precision:6.3f} {recall:6.3f} {f1:6.3f}   {shapes}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list the beads each case misses")
    report(parser.parse_args().verbose)


if __name__ == "__main__":
    main()
