"""Bilingual files: TMX and XLIFF import throughput, a large translation memory, and the
export round trip.

    .venv/bin/python benchmarks/bilingual_formats.py [--files 200] [--units 10000]

1. Import: --files TMX files and --files XLIFF 2.1 files, each the seed pair (Spanish and
   English, a unit per paragraph) with a sentence of its own first so no two are duplicates,
   imported with `import_paths` into a new library (worker processes as `reader import` uses
   them). Reports documents/s (two a file), the share of the seed text recovered (the stored
   English text against the seed's paragraphs) and that every file's alignment is the file's.
2. One large TMX: --units translation units (the seed's sentences over and over, numbered),
   read and stored in this process: seconds, and the parse alone.
3. Round trip: the seed pair aligned by the aligner, written as TMX, XLIFF, TSV, HTML and DOCX
   (time each), the TMX and XLIFF read back into a new library: same beads or not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.app import open_library  # noqa: E402
from reader.formats.registry import TRANSLATION_PAIR, reader_for, writer  # noqa: E402
from reader.operations.aligning import ensure_alignment  # noqa: E402
from reader.operations.importer import import_paths  # noqa: E402
from reader.operations.pair_export import pair_export  # noqa: E402
from reader.store.library import Library  # noqa: E402
from reader.text.article_format import parse_article_text  # noqa: E402

SEED_ES = ROOT / "seeds" / "000_7430cda5143a47f5.txt"
SEED_EN = ROOT / "seeds" / "001_fa94e18b8108eba2.txt"


def seed_pairs() -> list[tuple[str, str]]:
    spanish = parse_article_text(SEED_ES.read_text(encoding="utf-8")).paragraphs
    english = parse_article_text(SEED_EN.read_text(encoding="utf-8")).paragraphs
    return [(es.text, en.text) for es, en in zip(spanish, english, strict=True)]


def tmx(pairs: list[tuple[str, str]]) -> str:
    units = "".join(f'<tu><tuv xml:lang="es"><seg>{escape(es)}</seg></tuv>'
                    f'<tuv xml:lang="en"><seg>{escape(en)}</seg></tuv></tu>\n'
                    for es, en in pairs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="es" '
            f'segtype="paragraph" datatype="plaintext" adminlang="en" o-tmf="b" '
            f'creationtool="b" creationtoolversion="1"/><body>\n{units}</body></tmx>\n')


def xliff(pairs: list[tuple[str, str]]) -> str:
    units = "".join(f'<unit id="u{n}"><segment><source>{escape(es)}</source>'
                    f"<target>{escape(en)}</target></segment></unit>\n"
                    for n, (es, en) in enumerate(pairs))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:'
            'document:2.0" version="2.1" srcLang="es" trgLang="en"><file id="f">\n'
            f"{units}</file></xliff>\n")


def import_files(kind: str, count: int, folder: Path) -> None:
    pairs = seed_pairs()
    make = tmx if kind == "tmx" else xliff
    suffix = ".tmx" if kind == "tmx" else ".xlf"
    files = folder / kind
    files.mkdir()
    for number in range(count):
        own = [(f"Artículo número {number}.", f"Article number {number}.")]
        (files / f"pair-{number:05d}{suffix}").write_text(make(own + pairs), encoding="utf-8")
    library = Library.open(folder / f"{kind}.sqlite")
    try:
        started = time.perf_counter()
        results = import_paths(library, [files])
        seconds = time.perf_counter() - started
        statuses = [r.status.value for r in results]
        expected_english = "\n".join(en for _, en in pairs)
        recovered = statistics.mean(
            1.0 if library.document_text(r.document_ids[1]).text.endswith(expected_english)
            else 0.0 for r in results if r.document_ids)
        from_file = sum(1 for r in results if r.document_ids and library.alignments.stamp(
            *r.document_ids) is not None and library.alignments.stamp(
            *r.document_ids)[2] == "file")  # type: ignore[index]
    finally:
        library.close()
    print(f"{kind}: {count} files ({2 * count} documents) in {seconds:.1f} s: "
          f"{2 * count / seconds:.0f} documents/s; {statuses.count('imported')} imported; "
          f"seed text recovered in {recovered:.0%}; file alignments {from_file}/{count}")


def large_memory(units: int, folder: Path) -> None:
    pairs = seed_pairs()
    numbered = [(f"{n}. {pairs[n % len(pairs)][0]}", f"{n}. {pairs[n % len(pairs)][1]}")
                for n in range(units)]
    path = folder / "large.tmx"
    path.write_text(tmx(numbered), encoding="utf-8")
    size = path.stat().st_size / 1_000_000
    reader = reader_for(path)
    assert reader is not None
    started = time.perf_counter()
    reader.read(path.read_bytes(), path.name)
    parsed = time.perf_counter() - started
    library = Library.open(folder / "large.sqlite")
    try:
        started = time.perf_counter()
        (result,) = import_paths(library, [path])
        stored = time.perf_counter() - started
    finally:
        library.close()
    print(f"one TMX of {units} units ({size:.1f} MB): read {parsed:.2f} s, read and stored "
          f"{stored:.2f} s ({result.status.value})")


def round_trip(folder: Path) -> None:
    library = open_library(folder / "seeded.sqlite")
    try:
        article = next(a for a in library.article_summaries() if len(a.languages) == 2)
        spanish, english = library.documents_of(article.id)
        ensure_alignment(library, spanish.id, english.id)
        pair = pair_export(library, article.id)
        beads = [(r.source, r.target) for r in pair.rows]
        timings = []
        for name in ("tmx", "xliff", "tsv", "html", "docx"):
            started = time.perf_counter()
            content = writer(TRANSLATION_PAIR, name).content(pair)
            timings.append(f"{name} {1000 * (time.perf_counter() - started):.1f} ms")
            (folder / f"pair.{name if name != 'xliff' else 'xlf'}").write_bytes(content)
    finally:
        library.close()
    print(f"written ({len(beads)} beads): " + ", ".join(timings))
    for name in ("tmx", "xlf"):
        other = Library.open(folder / f"back-{name}.sqlite")
        try:
            started = time.perf_counter()
            (result,) = import_paths(other, [folder / f"pair.{name}"])
            seconds = time.perf_counter() - started
            alignment = other.alignments.get(*result.document_ids)
            assert alignment is not None
            left = other.sentences(result.document_ids[0])
            right = other.sentences(result.document_ids[1])
            again = [(tuple(left[i].text for i in b.source), tuple(right[j].text for j in b.target))
                     for b in alignment.beads]
        finally:
            other.close()
        print(f"{name} read back in {1000 * seconds:.0f} ms: same beads: {again == beads}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--units", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bilingual-bench-") as name:
        folder = Path(name)
        import_files("tmx", args.files, folder)
        import_files("xliff", args.files, folder)
        large_memory(args.units, folder)
        round_trip(folder)


if __name__ == "__main__":
    main()
