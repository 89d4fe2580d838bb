"""Build the perturbed alignment cases from the hand-checked Cao Bang gold (es -> en).

    .venv/bin/python benchmarks/alignment_data/make_cases.py

Each case copies the seed pair's sentences and gold beads (tests/text/gold/cao_bang_es_en.json)
and applies random edits a translator or a sentence splitter could have made:

- merge: two consecutive sentences of one paragraph on one side become one (gives 2-1 / 1-2
  beads, or a 2-2 when the neighbour bead was already 1-2);
- split: one sentence of a 1-1 bead is cut at a ";" or "," near its middle (1-2 / 2-1);
- drop: one side of a 1-1 bead is left out (omissions: 1-0 / 0-1).

The gold of a case follows from the seed gold and the edits. Cases are written as
case_NN.json beside this script: sentences, paragraph numbers, gold beads and the edits made.
The random generator is seeded, so the files are the same at every run.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent.parent / "tests" / "text" / "gold" / "cao_bang_es_en.json"
RATES = (0.05, 0.1, 0.2, 0.3)
CASES_PER_RATE = 6
OPERATIONS = ("merge_source", "merge_target", "split_source", "split_target",
              "drop_source", "drop_target")
SHAPES = {(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)}


@dataclass
class WorkBead:
    """A bead while editing: its sentences and their paragraph numbers on each side."""

    source: list[str]
    target: list[str]
    source_paragraphs: list[int]
    target_paragraphs: list[int]
    edits: list[str] = field(default_factory=list)

    def side(self, name: str) -> tuple[list[str], list[int]]:
        if name == "source":
            return self.source, self.source_paragraphs
        return self.target, self.target_paragraphs

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.source), len(self.target)


def seed_beads(gold: dict[str, Any]) -> list[WorkBead]:
    return [
        WorkBead([gold["source_sentences"][i] for i in src],
                 [gold["target_sentences"][j] for j in tgt],
                 [gold["source_paragraphs"][i] for i in src],
                 [gold["target_paragraphs"][j] for j in tgt])
        for src, tgt in zip(gold["src"], gold["tgt"], strict=True)
    ]


def merge(beads: list[WorkBead], side: str, rng: random.Random) -> str | None:
    """Join two consecutive sentences of one paragraph on one side."""
    positions = [(k, s) for k, bead in enumerate(beads) for s in range(len(bead.side(side)[0]))]
    rng.shuffle(positions)
    for k, s in positions:
        texts, paragraphs = beads[k].side(side)
        if s + 1 < len(texts):  # both in this bead: its shape shrinks on this side
            if paragraphs[s] != paragraphs[s + 1]:
                continue
            texts[s : s + 2] = [texts[s] + " " + texts[s + 1]]
            paragraphs[s : s + 2] = [paragraphs[s]]
            return f"{side}: joined two sentences within a bead {k}"
        if k + 1 >= len(beads):
            continue
        following = beads[k + 1]
        next_texts, next_paragraphs = following.side(side)
        if not next_texts or next_paragraphs[0] != paragraphs[s]:
            continue
        joined = WorkBead(beads[k].source + following.source, beads[k].target + following.target,
                          beads[k].source_paragraphs + following.source_paragraphs,
                          beads[k].target_paragraphs + following.target_paragraphs)
        texts_j, paragraphs_j = joined.side(side)
        texts_j[s : s + 2] = [texts_j[s] + " " + texts_j[s + 1]]
        paragraphs_j[s : s + 2] = [paragraphs_j[s]]
        if joined.shape not in SHAPES:
            continue
        beads[k : k + 2] = [joined]
        return f"{side}: joined the last sentence of bead {k} with the first of the next"
    return None


def split(beads: list[WorkBead], side: str, rng: random.Random) -> str | None:
    """Cut one sentence of a 1-1 bead in two at a ";" or "," near its middle."""
    candidates = [k for k, bead in enumerate(beads) if bead.shape == (1, 1)]
    rng.shuffle(candidates)
    for k in candidates:
        texts, paragraphs = beads[k].side(side)
        text = texts[0]
        cuts = [i for i, c in enumerate(text) if c in ";," and 0.3 < i / len(text) < 0.7]
        if not cuts:
            continue
        cut = min(cuts, key=lambda i: abs(i - len(text) / 2))
        first, second = text[:cut].rstrip() + ".", text[cut + 1 :].strip()
        if len(second) < 10:
            continue
        texts[:] = [first, second[0].upper() + second[1:]]
        paragraphs[:] = [paragraphs[0], paragraphs[0]]
        return f"{side}: split the sentence of bead {k}"
    return None


def drop(beads: list[WorkBead], side: str, rng: random.Random) -> str | None:
    """Leave out one side of a 1-1 bead."""
    candidates = [k for k, bead in enumerate(beads) if bead.shape == (1, 1)]
    if not candidates:
        return None
    k = rng.choice(candidates)
    texts, paragraphs = beads[k].side(side)
    texts.clear()
    paragraphs.clear()
    return f"{side}: dropped the sentence of bead {k}"


def make_case(gold: dict[str, Any], rate: float, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    beads = seed_beads(gold)
    wanted = max(1, round(rate * len(beads)))
    edits: list[str] = []
    while len(edits) < wanted:
        operation = rng.choice(OPERATIONS)
        kind, side = operation.split("_")
        edit = {"merge": merge, "split": split, "drop": drop}[kind](beads, side, rng)
        if edit:
            edits.append(edit)
    return flatten(beads, rate, seed, edits)


def flatten(beads: list[WorkBead], rate: float, seed: int,
            edits: list[str]) -> dict[str, object]:
    source: list[str] = []
    target: list[str] = []
    source_paragraphs: list[int] = []
    target_paragraphs: list[int] = []
    src: list[list[int]] = []
    tgt: list[list[int]] = []
    for bead in beads:
        src.append(list(range(len(source), len(source) + len(bead.source))))
        tgt.append(list(range(len(target), len(target) + len(bead.target))))
        source += bead.source
        target += bead.target
        source_paragraphs += bead.source_paragraphs
        target_paragraphs += bead.target_paragraphs
    return {"rate": rate, "seed": seed, "edits": edits, "source_language": "es",
            "target_language": "en", "src": src, "tgt": tgt, "source_sentences": source,
            "target_sentences": target, "source_paragraphs": source_paragraphs,
            "target_paragraphs": target_paragraphs}


def main() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    number = 0
    for rate in RATES:
        for _ in range(CASES_PER_RATE):
            case = make_case(gold, rate, seed=1000 * number + 7)
            path = HERE / f"case_{number:02d}.json"
            path.write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
            number += 1
    print(f"wrote {number} cases to {HERE}")


if __name__ == "__main__":
    main()
