"""The translation check stays linear on pathological lines: a 1 MB line of news text with
figures, a 200 KB line without spaces, a 200 KB run of digits and one of "£1bn" glued together,
at two sizes each; the time per 1,000 characters should stay about the same.

    .venv/bin/python benchmarks/translation_check_linear.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.text.figure_check import check_texts  # noqa: E402

SENTENCE = ("The storm, 385 miles south of the coast with winds of 85 mph, cost £2.8bn and "
            "about three per cent of output at 10:15 BST; 1,127 people left. ")
CASES = {
    "news line": lambda size: (SENTENCE * (size // len(SENTENCE) + 1))[:size],
    "no spaces": lambda size: ("£2.8bn-85mph/10:15," * (size // 19 + 1))[:size],
    "digit run": lambda size: "9" * size,
    "glued £1bn": lambda size: ("£1bn" * (size // 4 + 1))[:size],
}
SIZES = {"news line": (100_000, 1_000_000), "no spaces": (20_000, 200_000),
         "digit run": (20_000, 200_000), "glued £1bn": (20_000, 200_000)}


def main() -> None:
    check_texts(SENTENCE, "en", SENTENCE, "en")  # warm the tables (CLDR, pint)
    print(f"{'case':12} {'chars':>9} {'seconds':>8} {'µs/1k chars':>12}")
    for name, make in CASES.items():
        for size in SIZES[name]:
            text = make(size)
            started = time.perf_counter()
            check_texts(text, "en", text, "en")
            elapsed = time.perf_counter() - started
            print(f"{name:12} {size:9} {elapsed:8.2f} {elapsed / size * 1e9:12.0f}")


if __name__ == "__main__":
    main()
