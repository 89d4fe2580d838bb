"""Figure extraction: precision and recall of (value, unit) against the hand-written seed
expectations (tests/text/figures_expected), per seed and overall, and throughput in documents
per second over the seeds repeated.

    .venv/bin/python benchmarks/figures_quality.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.text.article_format import parse_article_text  # noqa: E402
from reader.text.figures import FIGURE_EXTRACTOR_VERSION, find_figures  # noqa: E402

EXPECTED = ROOT / "tests" / "text" / "figures_expected"
SEEDS = ROOT / "seeds"


def _load() -> list[tuple[str, str, str, list[tuple[Decimal, str]]]]:
    cases = []
    for path in sorted(EXPECTED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        body = parse_article_text((SEEDS / data["seed"]).read_text(encoding="utf-8")).body_text
        gold = [(Decimal(f["value"]), f["unit"]) for f in data["figures"]]
        cases.append((path.stem, data["language"], body, gold))
    return cases


def _held_out() -> None:
    """Hand-annotated sentences written after the extractor (not from the seeds)."""
    data = json.loads((EXPECTED / "heldout" / "cases.json").read_text(encoding="utf-8"))
    totals = Counter[str]()
    for case in data["cases"]:
        gold = [(Decimal(value), unit) for value, unit in case["figures"]]
        found = [(f.value, f.unit) for f in find_figures(case["text"], case["language"])]
        right = sum((Counter(found) & Counter(gold)).values())
        totals.update(gold=len(gold), found=len(found), right=right)
    print(f"{'held-out':8} {totals['gold']:5} {totals['found']:6} {totals['right']:6} "
          f"{totals['right'] / max(totals['found'], 1):10.3f} "
          f"{totals['right'] / max(totals['gold'], 1):7.3f}   "
          f"({len(data['cases'])} sentences, 5 languages)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="passes over the seeds")
    args = parser.parse_args()
    cases = _load()
    print(f"figure extractor version {FIGURE_EXTRACTOR_VERSION}")
    print(f"{'seed':8} {'gold':>5} {'found':>6} {'right':>6} {'precision':>10} {'recall':>7}")
    totals = Counter[str]()
    for name, language, body, gold in cases:
        found = [(f.value, f.unit) for f in find_figures(body, language)]
        right = sum((Counter(found) & Counter(gold)).values())
        totals.update(gold=len(gold), found=len(found), right=right)
        print(f"{name:8} {len(gold):5} {len(found):6} {right:6} "
              f"{right / max(len(found), 1):10.3f} {right / max(len(gold), 1):7.3f}")
    print(f"{'overall':8} {totals['gold']:5} {totals['found']:6} {totals['right']:6} "
          f"{totals['right'] / max(totals['found'], 1):10.3f} "
          f"{totals['right'] / max(totals['gold'], 1):7.3f}")
    _held_out()

    for _name, language, body, _gold in cases:  # warm the per-language tables (CLDR, regexes)
        find_figures(body, language)
    characters = sum(len(body) for _n, _l, body, _g in cases)
    started = time.perf_counter()
    for _ in range(args.repeat):
        for _name, language, body, _gold in cases:
            find_figures(body, language)
    elapsed = time.perf_counter() - started
    documents = args.repeat * len(cases)
    print(f"throughput: {documents} documents ({characters * args.repeat / 1e6:.1f} M chars) "
          f"in {elapsed:.2f} s = {documents / elapsed:.0f} documents/s, "
          f"{characters * args.repeat / elapsed / 1e6:.2f} M chars/s (warm, one thread)")
    started = time.perf_counter()
    from reader.text import figures

    figures._lexicon.cache_clear()
    for _name, language, body, _gold in cases:
        find_figures(body, language)
    print(f"cold start (build the five languages' tables from CLDR): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
