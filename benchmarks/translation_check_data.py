"""The labelled data of the translation check: every sentence pair of the real NTREX news
translations (en→es/sv/ru/nb, line i ↔ line i as a 1-1 bead) that the check flags, or whose
numbers differ, listed for labelling by hand.

    .venv/bin/python benchmarks/translation_check_data.py [--language es] [--unlabelled]

Prints one block per pair: language, line number (1-based), story, whether it is in the tuning
or the held-out half, the flags of the check, and the two sentences (read here, never stored).
The labels live in benchmarks/translation_check_labels.tsv: language, line, label (real or
false), and a short reason in the labeller's words. `--unlabelled` lists only pairs with no label.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.translation_check_common import (  # noqa: E402
    LANGUAGES,
    check_line,
    differing_numbers,
    load_labels,
    load_ntrex,
    story_half,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--unlabelled", action="store_true")
    args = parser.parse_args()
    data = load_ntrex()
    labels = load_labels()
    for language in args.language or LANGUAGES:
        for index, (story, english, translation) in enumerate(
                zip(data.stories, data.lines["en"], data.lines[language], strict=True)):
            flags = check_line(english, translation, language)
            numbers = differing_numbers(english, translation, language)
            if not flags and not numbers:
                continue
            line = index + 1
            if args.unlabelled and (language, line) in labels:
                continue
            label = labels.get((language, line))
            print(f"== {language} {line} {story} {story_half(story)}"
                  f" label={label.label + ': ' + label.reason if label else '-'}")
            for flag in flags:
                print(f"   flag: {flag}")
            if numbers:
                print(f"   numbers: {numbers}")
            print(f"   en: {english}")
            print(f"   {language}: {translation}")


if __name__ == "__main__":
    main()
