"""The translation check on real professional translations: NTREX news, en→es/sv/ru/nb, each
line pair a 1-1 bead, judged against the hand labels in translation_check_labels.tsv.

    .venv/bin/python benchmarks/translation_check_quality.py [--half held-out|tune|all] [-v]

Prints per language: pairs, pairs flagged per 1,000, false flags per 1,000 (a flagged pair
labelled false, or not labelled at all, counts as false), the share of flags that are real, the
real discrepancies missed, and how many real ones were flagged as "differs". The stories are
split in two by a hash of their name (benchmarks/translation_check_common.story_half): tune
the check on "tune", report on "held-out". `-v` lists every flagged or missed pair.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.translation_check_common import (  # noqa: E402
    LANGUAGES,
    Ntrex,
    load_labels,
    load_ntrex,
    story_half,
)
from reader.text.figure_check import Verdict, check_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", choices=("held-out", "tune", "all"), default="held-out")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--perturb", action="store_true",
                        help="also change one agreeing figure's digits in each translation that "
                             "has one and count how many of those errors are flagged")
    args = parser.parse_args()
    data = load_ntrex()
    labels = load_labels()
    print(f"half: {args.half}")
    print(f"{'lang':4} {'pairs':>6} {'flagged':>8} {'flags/1k':>9} {'false/1k':>9} "
          f"{'real share':>10} {'real':>5} {'missed':>6} {'as differs':>10}")
    totals = {"flagged": 0, "real_flagged": 0}
    started = time.perf_counter()
    for language in LANGUAGES:
        pairs = flagged = false = real_flagged = real = missed = as_differs = 0
        for index, (story, english, translation) in enumerate(
                zip(data.stories, data.lines["en"], data.lines[language], strict=True)):
            if args.half != "all" and story_half(story) != args.half:
                continue
            pairs += 1
            line = index + 1
            label = labels.get((language, line))
            is_real = label is not None and label.label == "real"
            checks = check_texts(english, "en", translation, language)
            real += is_real
            if checks:
                flagged += 1
                if is_real:
                    real_flagged += 1
                    as_differs += any(c.pair.verdict is Verdict.DIFFERS for c in checks)
                else:
                    false += 1
            elif is_real:
                missed += 1
            if args.verbose and (checks or is_real):
                state = label.label if label is not None else "UNLABELLED"
                print(f"  {language} {line} [{state}] " + " | ".join(c.describe() for c in checks))
        totals["flagged"] += flagged
        totals["real_flagged"] += real_flagged
        share = f"{real_flagged / flagged:.2f}" if flagged else "-"
        print(f"{language:4} {pairs:6} {flagged:8} {flagged * 1000 / pairs:9.1f} "
              f"{false * 1000 / pairs:9.1f} {share:>10} {real:5} {missed:6} {as_differs:10}")
    if args.perturb:
        _perturbed(data, args.half)
    overall = (f"{totals['real_flagged'] / totals['flagged']:.2f}" if totals["flagged"] else "-")
    print(f"all flags: {totals['flagged']}, real {totals['real_flagged']} (share {overall}); "
          f"checked in {time.perf_counter() - started:.1f} s")


def _perturbed(data: Ntrex, half: str) -> None:
    """Made errors: the first digit of one agreeing figure of the translation changed (3 → 4,
    a value off by a third or less), as a mistyped figure would be."""
    from reader.text.figure_check import pair_figures, written_numbers
    from reader.text.figures import find_figures

    print("made errors (one agreeing figure's first digit changed in the translation):")
    for language in LANGUAGES:
        made = caught = as_differs = 0
        for story, english, translation in zip(data.stories, data.lines["en"],
                                               data.lines[language], strict=True):
            if half != "all" and story_half(story) != half:
                continue
            pairs = pair_figures(find_figures(english, "en"), find_figures(translation, language),
                                 written_numbers(english, "en"),
                                 written_numbers(translation, language))
            agreeing = [p.target for p in pairs if p.verdict is Verdict.AGREES
                        and p.target is not None and p.target.kind in ("money", "percent",
                                                                       "measure")]
            if not agreeing:
                continue
            figure = agreeing[0]
            digit = next((i for i, c in enumerate(figure.surface) if c.isdigit()), None)
            if digit is None:
                continue
            old = figure.surface[digit]
            new = str((int(old) % 9) + 1)
            surface = figure.surface[:digit] + new + figure.surface[digit + 1:]
            changed = translation[:figure.start] + surface + translation[figure.end:]
            made += 1
            checks = check_texts(english, "en", changed, language)
            caught += bool(checks)
            as_differs += any(c.pair.verdict is Verdict.DIFFERS for c in checks)
        print(f"  {language}: {made} made, {caught} flagged ({as_differs} as differs)")


if __name__ == "__main__":
    main()
