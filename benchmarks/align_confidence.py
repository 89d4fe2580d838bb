"""Fit the aligner's confidence (a logistic model over bead features) on seeded sets.

    .venv/bin/python benchmarks/align_confidence.py [--documents 240] [--long 16] [--seed 7]
        [--ntrex-seeds 11 ... 18] [--check-seeds 19 20] [--right-share 0.02]

Fitting sets:

- the hand-checked Cao Bang pair (tests/text/gold/cao_bang_es_en.json), each gold bead taken
  as one line, both directions (es → en and en → es), edited as `align_ntrex.py` edits its
  stories (lines joined into 1-2, 2-1, 1-3, 3-1 beads, lines dropped) at edit rates of one
  bead in ten to one in three, with fresh seeds; half of the documents with their digits
  removed and their letters lower-cased (no numbers or names to anchor them, so that the
  lengths and word stems alone decide) and a third of their target lines loosened (up to a
  third of the words dropped or repeated, as a free translation would), so that the aligner
  errs often enough to learn from; short (each edited copy aligned on its own, about 38
  lines) and long (twelve edited copies, each with its lines shuffled alike on both sides,
  about 450 lines);
- the FITTING half of the NTREX stories (`translation_check_common.story_half`: a hash of the
  story's name; 29 stories, 443 lines), all four pairs, per story and as one long document,
  edited with seeds 11–18 at the same four edit rates (seed k: EDIT_RATES[k % 4]).

The other half of the NTREX stories (33 stories, 564 lines) is never read here: it is held
out, and `align_ntrex.py --half held-out` measures the result on it. The check sets printed
last (the fitting half edited with `--check-seeds` at one bead in six, as `align_ntrex.py`
edits, and the perturbed cases of benchmarks/alignment_data/) are not fitted on: they are
what the design was chosen on.

Each bead the aligner gives is labelled right (a gold bead has exactly its sentences) or
wrong. The model is fitted by Newton's method (L2 penalty 1.0) to the beads' FEATURES
(`reader.text.alignment.bead_features`); its bias is then moved so that on the fitting sets a
bead below 0.5 is at most `--right-share` of the right ones: the UI's "unsure rows" are the
beads under 0.5, and a list of them is only read if most of its rows are worth reading.
The script prints the weights to paste into `reader/text/alignment.py` and the confidence
counts on every set.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import align_ntrex  # noqa: E402
from align_ntrex import Document, edited_story  # noqa: E402

from reader.text.alignment import (  # noqa: E402
    FEATURES,
    UNSURE_BELOW,
    aligned_with_features,
    confidence,
)  # noqa: E402

GOLD = ROOT / "tests" / "text" / "gold" / "cao_bang_es_en.json"
CASES = ROOT / "benchmarks" / "alignment_data"
EDIT_RATES = (0.1, 1 / 6, 0.25, 0.35)
_DIGITS = re.compile(r"\d+[.,]?")
PENALTY = 1.0

Sample = tuple[list[float], bool]


def gold_lines() -> tuple[list[str], list[str]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    source = [" ".join(gold["source_sentences"][i] for i in s) for s in gold["src"]]
    target = [" ".join(gold["target_sentences"][j] for j in t) for t in gold["tgt"]]
    return source, target


def without_anchors(lines: list[str]) -> list[str]:
    """The lines without digits and capitals: no numbers or names left to anchor them."""
    return [_DIGITS.sub("", line).lower() for line in lines]


def loosened(lines: list[str], rng: random.Random) -> list[str]:
    """A freer translation: a third of the lines lose or repeat up to a third of their words."""
    result = []
    for line in lines:
        words = line.split()
        if rng.random() < 1 / 3 and len(words) > 3:
            k = rng.randrange(1, max(2, len(words) // 3))
            start = rng.randrange(len(words) - k)
            if rng.random() < 0.5:
                words[start:start + k] = []
            else:
                words[start:start] = words[start:start + k]
        result.append(" ".join(words))
    return result


def training_documents(count: int, long_count: int, seed: int) -> list[tuple[Document, str, str]]:
    es, en = gold_lines()
    bare_es, bare_en = without_anchors(es), without_anchors(en)
    rng = random.Random(seed)
    documents = []
    directions = ((es, en, "es", "en"), (en, es, "en", "es"),
                  (bare_es, bare_en, "es", "en"), (bare_en, bare_es, "en", "es"))
    for number in range(count):
        source, target, sl, tl = directions[number % len(directions)]
        align_ntrex.EDIT_RATE = EDIT_RATES[number % len(EDIT_RATES)]
        if number % len(directions) >= 2:
            target = loosened(target, rng)
        documents.append((edited_story(source, target, rng), sl, tl))
    for number in range(long_count):
        source, target, sl, tl = directions[number % len(directions)]
        long = Document()
        for copy in range(12):
            align_ntrex.EDIT_RATE = EDIT_RATES[(number + copy) % len(EDIT_RATES)]
            order = list(range(len(source)))
            rng.shuffle(order)
            if number % len(directions) >= 2:
                target = loosened(target, rng)
            long.extend(edited_story([source[k] for k in order], [target[k] for k in order], rng),
                        copy)
        documents.append((long, sl, tl))
    return documents


def samples(document: Document, source_language: str, target_language: str,
            paragraphs: tuple[list[int], list[int]] | None = None) -> list[Sample]:
    gold = set(document.gold)
    found = aligned_with_features(document.source, document.target, source_language,
                                  target_language, *(paragraphs or (None, None)))
    return [(row, (tuple(range(i0, i1)), tuple(range(j0, j1))) in gold)
            for (i0, i1, j0, j1, _), row in found]


def ntrex_groups(seeds: list[int], half: str, varied: bool) -> dict[str, list[Sample]]:
    """Beads of one half of the NTREX stories, per pair, per story and long, per seed.

    Varied, seed k edits one bead in ten to one in three (EDIT_RATES[k % 4]); else one in six
    as `align_ntrex.py` does.
    """
    groups = {}
    for seed in seeds:
        align_ntrex.EDIT_RATE = EDIT_RATES[seed % len(EDIT_RATES)] if varied else 1 / 6
        for pair in align_ntrex.PAIRS:
            source_language, target_language = (align_ntrex.LANGUAGES[c] for c in pair.split("-"))
            per_story = align_ntrex.story_documents(pair, seed, half)
            groups[f"{pair} per story, seed {seed}"] = [
                s for d in per_story for s in samples(d, source_language, target_language)]
            groups[f"{pair} long, seed {seed}"] = [
                s for d in align_ntrex.long_documents(per_story)
                for s in samples(d, source_language, target_language)]
    return groups


def fit(data: list[Sample], iterations: int = 30) -> list[float]:
    """Weights (bias first) of the L2-penalised logistic regression, by Newton's method."""
    size = len(data[0][0]) + 1
    weights = [0.0] * size
    for _ in range(iterations):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for row, right in data:
            x = [1.0, *row]
            p = _sigmoid(sum(w * v for w, v in zip(weights, x, strict=True)))
            error = p - right
            curvature = p * (1 - p)
            for a in range(size):
                xa = x[a]
                gradient[a] += error * xa
                if xa:
                    ca, line = curvature * xa, hessian[a]
                    for b in range(a, size):
                        line[b] += ca * x[b]
        for a in range(size):
            for b in range(a):
                hessian[a][b] = hessian[b][a]
        for a in range(1, size):
            gradient[a] += PENALTY * weights[a]
            hessian[a][a] += PENALTY
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return weights


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    rows = [row[:] + [value] for row, value in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, n):
            factor = rows[r][col] / rows[col][col]
            for c in range(col, n + 1):
                rows[r][c] -= factor * rows[col][c]
    result = [0.0] * n
    for r in range(n - 1, -1, -1):
        result[r] = (rows[r][n] - sum(rows[r][c] * result[c] for c in range(r + 1, n))) / rows[r][r]
    return result


def scores(weights: list[float], data: list[Sample]) -> list[float]:
    return [confidence(row, weights[0], weights[1:]) for row, _ in data]


def shift_bias(weights: list[float], data: list[Sample], right_share: float) -> list[float]:
    """Move the bias so that at most `right_share` of the right beads score below 0.5."""
    low, high = weights[0] - 20, weights[0] + 20
    for _ in range(60):  # bisection: the share falls as the bias grows
        middle = (low + high) / 2
        shifted = [middle, *weights[1:]]
        right = [p for p, (_, ok) in zip(scores(shifted, data), data, strict=True) if ok]
        if sum(p < UNSURE_BELOW for p in right) > right_share * len(right):
            low = middle
        else:
            high = middle
    return [high, *weights[1:]]


def report(name: str, weights: list[float], data: list[Sample]) -> None:
    p = scores(weights, data)
    right = [s for s, (_, ok) in zip(p, data, strict=True) if ok]
    wrong = [s for s, (_, ok) in zip(p, data, strict=True) if not ok]
    wrong_low = sum(s < UNSURE_BELOW for s in wrong)
    right_low = sum(s < UNSURE_BELOW for s in right)
    print(f"  {name:28} wrong<0.5 {wrong_low}/{len(wrong)} ({wrong_low / max(len(wrong), 1):.0%})"
          f"  right<0.5 {right_low}/{len(right)} ({right_low / max(len(right), 1):.1%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=240)
    parser.add_argument("--long", type=int, default=16)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--right-share", type=float, default=0.02)
    parser.add_argument("--ntrex-seeds", type=int, nargs="*", default=list(range(11, 19)))
    parser.add_argument("--check-seeds", type=int, nargs="*", default=[19, 20],
                        help="also report the fitting half of NTREX edited with these seeds")
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the beads' features in this file (experiments)")
    parser.add_argument("--use", default=None, help="comma-separated features to fit on")
    arguments = parser.parse_args()
    if arguments.cache and arguments.cache.exists():
        groups = json.loads(arguments.cache.read_text(encoding="utf-8"))
    else:
        groups = collect(arguments)
        if arguments.cache:
            arguments.cache.write_text(json.dumps(groups), encoding="utf-8")
    used = arguments.use.split(",") if arguments.use else list(FEATURES)
    columns = [FEATURES.index(name) for name in used]
    data = {name: [([row[c] for c in columns], ok) for row, ok in rows]
            for name, rows in groups.items()}
    fitting = [s for name, rows in data.items() if name.startswith(("cao", "fit")) for s in rows]
    weights = shift_bias(fit(fitting), fitting, arguments.right_share)
    print(f"{len(fitting)} beads fitted on; {sum(not ok for _, ok in fitting)} wrong")
    print(f"CONFIDENCE_BIAS = {weights[0]:.3f}")
    print("CONFIDENCE_WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in weights[1:]) + ")")
    for name, value in zip(used, weights[1:], strict=True):
        print(f"  {name:26} {value:8.3f}")
    for name, rows in data.items():
        report(name, weights, rows)
    for prefix in ("fit eng", "check eng"):
        pooled = [s for name, rows in data.items() if name.startswith(prefix) for s in rows]
        if pooled:
            report(f"{prefix}: all", weights, pooled)


def collect(arguments: argparse.Namespace) -> dict[str, list[Sample]]:
    """The fitting sets' beads (features, right) by set; then the sets that only check."""
    documents = training_documents(arguments.documents, arguments.long, arguments.seed)
    groups = {"cao short": [s for d in documents[:arguments.documents] for s in samples(*d)],
              "cao long": [s for d in documents[arguments.documents:] for s in samples(*d)]}
    for name, rows in ntrex_groups(arguments.ntrex_seeds, "tune", True).items():
        groups[f"fit {name}"] = rows
    for name, rows in ntrex_groups(arguments.check_seeds, "tune", False).items():
        groups[f"check {name}"] = rows
    cases = []
    for path in sorted(CASES.glob("case_*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        document = Document(case["source_sentences"], case["target_sentences"])
        document.gold = [(tuple(s), tuple(t)) for s, t in zip(case["src"], case["tgt"],
                                                              strict=True)]
        cases += samples(document, "es", "en",
                         (case["source_paragraphs"], case["target_paragraphs"]))
    groups["check alignment_data cases"] = cases
    return groups


if __name__ == "__main__":
    main()
