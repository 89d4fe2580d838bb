"""Books and documents: EPUB, PDF, DOCX and ODT import throughput and the share of the text
recovered, on real news in five languages.

    .venv/bin/python benchmarks/books_import.py [--files 10]

The NTREX-128 development set (/work/shared/data/ntrex-dev: 1,007 news sentences in English,
Spanish, Swedish, Russian and Norwegian Bokmål, each line a sentence, DOCUMENT_IDS.tsv naming
each line's news story) is made into documents: one story a paragraph, its first sentence
(the headline) a heading. For each format, --files documents per language, each a different
run of stories, are written as the tests write them (an EPUB of two chapters with zipfile, a
PDF printed by Qt with a running header, page numbers, pages in two columns and soft hyphens
where long words may break, a DOCX by python-docx, an ODT with zipfile) and imported with
`import_paths` into a new library (worker processes, as `reader import`).

Reported per format: documents/s for the whole import (analysis, figures, storing) and for
the reader alone (in this process); the share of the written paragraphs stored exactly as
written (and with non-breaking spaces taken as spaces, which a PDF does not keep), and
the similarity of the stored text to the written one (rapidfuzz ratio, 0-100).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from reader.formats.registry import reader_for  # noqa: E402
from reader.operations.importer import import_paths  # noqa: E402
from reader.store.library import Library  # noqa: E402
from reader.text.source_document import ParagraphKind, one_line  # noqa: E402
from tests.formats.document_files import (  # noqa: E402
    PDF_TITLE,
    docx_file,
    epub_file,
    odt_file,
    pdf_file,
)

DATA = Path("/work/shared/data/ntrex-dev")
LANGUAGES = {"eng": "en", "spa": "es", "swe": "sv", "rus": "ru", "nob": "nb"}
STORIES_PER_DOCUMENT = 6
Blocks = list[tuple[str, ParagraphKind]]


def stories(code: str) -> list[Blocks]:
    """Each news story of a language: its headline as a heading, the rest one paragraph."""
    lines = (DATA / f"ntrex-dev.{code}.txt").read_text(encoding="utf-8").splitlines()
    ids = (DATA / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    grouped: list[Blocks] = []
    for _story, numbered in groupby(zip(ids, lines, strict=True), key=lambda pair: pair[0]):
        sentences = [line.strip() for _, line in numbered if line.strip()]
        if len(sentences) >= 2:
            grouped.append([(sentences[0], ParagraphKind.HEADING),
                            (" ".join(sentences[1:]), ParagraphKind.BODY)])
    return grouped


def documents(code: str, count: int) -> list[Blocks]:
    """`count` documents of a language, each a different run of stories (wrapping round)."""
    all_stories = stories(code)
    made = []
    for number in range(count):
        start = number * STORIES_PER_DOCUMENT
        picked = [all_stories[(start + i) % len(all_stories)]
                  for i in range(STORIES_PER_DOCUMENT)]
        own = [(f"Document {code} {number}", ParagraphKind.HEADING)]
        made.append(own + [block for story in picked for block in story])
    return made


def write_epub(path: Path, blocks: Blocks, language: str) -> list[str]:
    half = len(blocks) // 2
    epub_file(path, chapters_given=[("One", blocks[:half]), ("Two", blocks[half:])],
              language=language)
    return ["One", *(t for t, _ in blocks[:half]), "Two", *(t for t, _ in blocks[half:])]


def write_pdf(path: Path, blocks: Blocks, language: str) -> list[str]:
    texts = [text for text, _ in blocks]
    pdf_file(path, paragraphs=texts)  # a PDF declares no language: it is recognised
    return [PDF_TITLE, *texts]


def write_docx(path: Path, blocks: Blocks, language: str) -> list[str]:
    docx_file(path, blocks=blocks, language=language)
    return ["Итоги конференции", *(t for t, _ in blocks)]


def write_odt(path: Path, blocks: Blocks, language: str) -> list[str]:
    odt_file(path, blocks=blocks, language=language)
    return ["Konferens i Cao Bang", *(t for t, _ in blocks)]


WRITERS: dict[str, Callable[[Path, Blocks, str], list[str]]] = {
    "epub": write_epub, "pdf": write_pdf, "docx": write_docx, "odt": write_odt}


def measure(name: str, count: int, folder: Path) -> None:
    files = folder / name
    files.mkdir()
    expected: dict[str, list[str]] = {}
    for code in LANGUAGES:
        for number, blocks in enumerate(documents(code, count)):
            path = files / f"{code}-{number:03d}.{name}"
            expected[path.name] = WRITERS[name](path, blocks, LANGUAGES[code])
    paths = sorted(files.iterdir())
    started = time.perf_counter()
    for path in paths:
        reader = reader_for(path)
        assert reader is not None
        reader.read(path.read_bytes(), path.name)
    read_seconds = time.perf_counter() - started
    library = Library.open(folder / f"{name}.sqlite")
    try:
        started = time.perf_counter()
        results = import_paths(library, [files])
        seconds = time.perf_counter() - started
        failed = [r for r in results if r.status.value != "imported"]
        exact: list[float] = []
        loose: list[float] = []
        similar: list[float] = []
        languages_right = 0
        for document in library.all_documents():
            stored = [p.text for p in library.document_text(document.id).paragraphs]
            # Runs of spaces are one space in XHTML, ODF, DOCX and on a printed page.
            written = [one_line(text) for text in expected[document.file_name]]
            exact.append(sum(1 for text in written if text in set(stored)) / len(written))
            # A PDF keeps no non-breaking spaces (Qt prints them with the space's glyph).
            loose_stored = {text.replace("\u00a0", " ") for text in stored}
            loose.append(sum(1 for text in written if text.replace("\u00a0", " ")
                             in loose_stored) / len(written))
            similar.append(fuzz.ratio("\n".join(stored), "\n".join(written)))
            languages_right += document.language == LANGUAGES[document.file_name[:3]]
        documents_stored = library.document_count()
    finally:
        library.close()
    print(f"{name}: {len(paths)} documents ({sum(p.stat().st_size for p in paths) / 1e6:.1f} "
          f"MB): import {len(paths) / seconds:.1f} documents/s, read alone "
          f"{len(paths) / read_seconds:.1f} documents/s; {documents_stored} stored, "
          f"{len(failed)} failed; paragraphs exact {statistics.mean(exact):.1%} "
          f"(worst {min(exact):.1%}), non-breaking spaces aside {statistics.mean(loose):.1%}; "
          f"text similarity {statistics.mean(similar):.1f} "
          f"(worst {min(similar):.1f}); language right {languages_right}/{documents_stored}")
    for result in failed[:3]:
        print(f"  failed: {result.path.name}: {result.reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=10, help="documents per language")
    parser.add_argument("--formats", default="epub,pdf,docx,odt")
    args = parser.parse_args()
    application = QApplication([])  # Qt's PDF writer needs one
    with tempfile.TemporaryDirectory(prefix="books-bench-") as name:
        for format_name in args.formats.split(","):
            measure(format_name, args.files, Path(name))
    del application


if __name__ == "__main__":
    main()
