"""Web pages and Markdown: how much of an article's text the readers recover, how much of the
site round it leaks in, and how many documents a second they read.

Articles are built from the NTREX news sentences (shared/data/ntrex-dev: one sentence a line,
DOCUMENT_IDS.tsv names each line's document); each becomes a page with a news site's
boilerplate round it (navigation, cookie banner, adverts inside the article, related list,
comments, footer) and a Markdown file with emphasis, links, lists and front matter.

    .venv/bin/python benchmarks/web_formats.py [--data DIR] [--language eng] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.formats.markdown_text import read_markdown  # noqa: E402
from reader.formats.web_page import read_page  # noqa: E402

BOILERPLATE = ("Subscribe to our newsletter", "We use cookies", "Accept all cookies",
               "Advertisement", "Most read this week", "Leave a comment",
               "Great article, thanks", "Copyright 2025", "Privacy policy")


def articles(data: Path, language: str) -> list[list[str]]:
    """The documents of the data set, each a list of paragraphs (three sentences each)."""
    lines = (data / f"ntrex-dev.{language}.txt").read_text(encoding="utf-8").splitlines()
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    documents: dict[str, list[str]] = {}
    for line, document in zip(lines, ids, strict=False):
        documents.setdefault(document.split("\t")[0], []).append(line.strip())
    return [[" ".join(s[i:i + 3]) for i in range(0, len(s), 3)]
            for s in documents.values() if len(s) >= 3]


def page(paragraphs: list[str]) -> str:
    body = []
    for index, paragraph in enumerate(paragraphs):
        body.append(f"<p>{escape(paragraph)}</p>")
        if index == 1:
            body.append('<div class="ad"><p>Advertisement: buy the new phone today</p></div>')
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>News | The Courier</title><meta name="author" content="A. Writer">
<link rel="canonical" href="https://courier.example/news/1"></head><body>
<div class="cookie-consent">We use cookies. <button>Accept all cookies</button></div>
<header><nav><a href="/">Home</a> <a href="/n">Subscribe to our newsletter</a></nav></header>
<main><article><h1>News of the day</h1>{"".join(body)}</article>
<aside><h3>Most read this week</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
<section class="comments"><h3>Leave a comment</h3><p>Great article, thanks</p></section></main>
<footer>Copyright 2025 The Courier · <a href="/p">Privacy policy</a></footer></body></html>"""


def markdown(paragraphs: list[str]) -> str:
    parts = ["---\ntitle: News of the day\nauthor: A. Writer\n---\n"]
    for index, paragraph in enumerate(paragraphs):
        words = paragraph.split(" ")
        if len(words) > 4:
            words[1] = f"*{words[1]}*"
            words[3] = f"[{words[3]}](https://example.org/{index})"
        prefix = "- " if index % 4 == 3 else ""
        parts.append(prefix + " ".join(words) + "\n")
    return "\n".join(parts)


def measure(name: str, documents: list[list[str]], make: object, read: object,
            repeat: int) -> None:
    sources = [make(d).encode("utf-8") for d in documents]  # type: ignore[operator]
    recovered = total = leaked = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for data, paragraphs in zip(sources, documents, strict=True):
            document = read(data)  # type: ignore[operator]
            got = {p.text for p in document.paragraphs}
            recovered += sum(p in got for p in paragraphs)
            total += len(paragraphs)
            leaked += sum(b in document.body_text for b in BOILERPLATE)
    seconds = time.perf_counter() - started
    count = len(sources) * repeat
    print(f"{name}: {len(sources)} documents x {repeat}: paragraphs recovered exactly "
          f"{recovered / total:.1%}, boilerplate pieces leaked {leaked} "
          f"(of {count * len(BOILERPLATE)}), {count / seconds:.0f} documents/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/ntrex-dev"))
    parser.add_argument("--language", default="eng")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    documents = articles(args.data, args.language)
    measure("HTML", documents, page, read_page, args.repeat)
    measure("Markdown", documents, markdown,
            lambda data: read_markdown(data, "a.md"), args.repeat)


if __name__ == "__main__":
    main()
