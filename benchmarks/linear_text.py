"""Time the text paths on long inputs: each must grow linearly with its input (or be bounded).

    .venv/bin/python benchmarks/linear_text.py [--sizes 100000 1000000 5000000] [--quadratic]

For each size (in characters) it times:

- sentence splitting of one paragraph of real text (the English seed, laid end to end);
- sentence splitting of one run of full stops ("......"), the worst case of the mark pattern;
- the full analysis and the figures of one file holding that paragraph (as an import does);
- the search query of a pasted text of that size (words and the highlight pattern).

Time per character should stay about the same from size to size; the last column shows it in
microseconds per 1,000 characters. `--quadratic` adds the splitter as it was before the fix
(the whole paragraph before each full stop looked at), on the first size only: it takes
seconds at 100 KB and would take hours at 15 MB.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.formats.article_text import READER  # noqa: E402
from reader.text import sentences  # noqa: E402
from reader.text.analysis import analyse_source  # noqa: E402
from reader.text.figures import find_figures  # noqa: E402
from reader.text.folding import query_terms, terms_pattern  # noqa: E402
from reader.text.sentences import split_sentences  # noqa: E402

SEED = ROOT / "seeds" / "001_fa94e18b8108eba2.txt"


def _paragraph(size: int) -> str:
    text = " ".join(SEED.read_text(encoding="utf-8").split())
    return " ".join([text] * (size // len(text) + 1))[:size]


def _analyse(paragraph: str) -> None:
    document = READER.read(f"A long article\n\n{paragraph}\n".encode(), "long.txt")
    analysed = analyse_source(document)
    find_figures(analysed.parsed.body_text, analysed.language)


def _query(paragraph: str) -> None:
    terms = query_terms(paragraph)
    pattern = terms_pattern(terms)
    assert pattern is not None
    pattern.findall(paragraph[:100_000])


def _quadratic_split(paragraph: str) -> None:
    """The splitter before the fix: the whole head of the paragraph split at each full stop."""
    for match in sentences._SENTENCE_MARK.finditer(paragraph):
        paragraph[: match.start()].split()


def _time(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--quadratic", action="store_true")
    args = parser.parse_args()
    paths: list[tuple[str, Callable[[str], object]]] = [
        ("split, real text", lambda text: split_sentences(text, "en")),
        ("split, full stops", lambda text: split_sentences("." * len(text), "en")),
        ("analysis + figures", _analyse),
        ("search query", _query),
    ]
    if args.quadratic:
        paths.append(("split before the fix", _quadratic_split))
    print(f"{'path':<22}{'characters':>12}{'seconds':>10}{'µs/1,000 chars':>16}")
    for name, work in paths:
        for size in args.sizes[:1] if name == "split before the fix" else args.sizes:
            text = _paragraph(size)
            seconds = _time(lambda: work(text))  # noqa: B023 -- run at once, in the loop
            print(f"{name:<22}{size:>12,}{seconds:>10.3f}{seconds / size * 1e9:>16.1f}")


if __name__ == "__main__":
    re.purge()
    main()
