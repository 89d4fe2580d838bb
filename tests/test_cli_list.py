"""`reader list` reads the library in one query and prints what it always printed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.app import open_library
from reader.cli import main
from reader.store.library import Library
from tests.conftest import SEED_NB


def _as_before(library: Library) -> tuple[str, str]:
    """What `reader list` printed before (one query per article), plain and JSON."""
    articles: list[dict[str, Any]] = []
    for summary in library.article_summaries():
        documents = library.documents_of(summary.id)
        articles.append({
            "id": summary.id,
            "title": documents[0].title if documents else "",
            "languages": [d.language for d in documents],
            "documents": [{"id": d.id, "language": d.language, "uri": d.uri,
                           "source_url": d.source_url, "paragraphs": d.paragraphs,
                           "sentences": d.sentences, "words": d.words} for d in documents],
        })
    plain = "".join(f"{a['id']:>6}  {' · '.join(a['languages']):<12} {a['title']}\n"
                    for a in articles)
    return plain, json.dumps(articles, ensure_ascii=False, indent=2) + "\n"


def _listed(library_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    capsys.readouterr()
    assert main(["list", "--db", str(library_path)]) == 0
    plain = capsys.readouterr().out
    assert main(["list", "--db", str(library_path), "--json"]) == 0
    return plain, capsys.readouterr().out


def test_the_list_of_the_seeds_is_unchanged(library_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    library = open_library(library_path)
    expected = _as_before(library)
    library.close()
    assert _listed(library_path, capsys) == expected
    assert len(json.loads(expected[1])) == 4


def test_the_list_is_unchanged_with_odd_titles_and_no_source(
    library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = open_library(library_path)
    lines = SEED_NB.read_text(encoding="utf-8").splitlines()
    # A title with quotes, a backslash and a tab; no source line, so no source address.
    lines[0] = 'Et «sitat», "anførsel" og \\ skråstrek\tfane'
    odd = tmp_path / "odd.txt"
    odd.write_text("\n".join(line for line in lines if not line.startswith("Kilde")) + "\n",
                   encoding="utf-8")
    assert main(["import", "--db", str(library_path), str(odd)]) == 0
    expected = _as_before(library)
    library.close()
    assert any(d["source_url"] is None for a in json.loads(expected[1])
               for d in a["documents"])
    assert _listed(library_path, capsys) == expected

