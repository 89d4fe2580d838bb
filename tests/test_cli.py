"""The `reader` command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SEED_NB, SEED_SV, SEEDS


def _reader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def test_import_prints_one_line_per_file_and_fails_on_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xc3\x28 not utf-8")
    status = main(["import", str(SEED_SV), str(bad), str(tmp_path / "missing"), "--db", str(db)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    # A new library starts with the seeds, so the Swedish seed is already there.
    assert lines == [
        f"failed: {tmp_path / 'missing'}: no such file or folder",
        f"duplicate: {SEED_SV}: already in the library",
        f"failed: {bad}: not valid UTF-8 text (byte 0xc3 at offset 0)",
    ]


def test_import_of_good_files_exits_zero(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "nb.txt"
    copy.write_text("Dette er en helt ny artikkel om Dien Bien.\n"
                    + SEED_NB.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--db", str(tmp_path / "lib.sqlite"), "import", str(copy)]) == 0
    assert capsys.readouterr().out == f"imported: {copy}\n"


def test_list_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(tmp_path / "lib.sqlite"), "--json"]) == 0
    articles = json.loads(capsys.readouterr().out)
    assert len(articles) == 4
    cao_bang = articles[0]
    assert set(cao_bang) == {"id", "title", "languages", "documents"}
    assert cao_bang["languages"] == ["es", "en"]
    spanish = cao_bang["documents"][0]
    assert set(spanish) == {"id", "language", "uri", "source_url", "paragraphs", "sentences",
                            "words"}
    assert spanish["paragraphs"] == 12 and spanish["words"] == 1341
    assert spanish["uri"].endswith("#lang=es")
    assert [a["languages"] for a in articles[1:]] == [["sv"], ["ru"], ["nb"]]


def test_uri_is_the_same_after_reimport(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["list", "--db", str(tmp_path / "a.sqlite"), "--json"])
    first = json.loads(capsys.readouterr().out)
    main(["import", str(SEEDS), "--db", str(tmp_path / "b.sqlite")])
    capsys.readouterr()
    main(["list", "--db", str(tmp_path / "b.sqlite"), "--json"])
    second = json.loads(capsys.readouterr().out)
    uris = [[d["uri"] for a in listing for d in a["documents"]] for listing in (first, second)]
    assert uris[0] == uris[1]


def test_library_that_is_not_ours_is_reported_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("my notes\n")
    assert main(["list", "--db", str(notes)]) == 3  # the library cannot be used
    error = capsys.readouterr().err
    assert str(notes) in error and "not an SQLite file" in error
    assert notes.read_text() == "my notes\n"


def test_screenshot_renders_the_window(tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    result = _reader("screenshot", str(out), "--db", str(tmp_path / "lib.sqlite"),
                     "--article", "1", "--size", "1000x700")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)


def test_screenshot_of_a_missing_article_fails(tmp_path: Path) -> None:
    result = _reader("screenshot", str(tmp_path / "x.png"), "--db", str(tmp_path / "lib.sqlite"),
                     "--article", "999")
    assert result.returncode == 2  # a usage error: nothing to show
    assert "no article 999" in result.stderr


def test_window_without_a_display_explains_itself(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = _reader("--db", str(tmp_path / "lib.sqlite"), env=env)
    assert result.returncode == 2
    assert "no display" in result.stderr


def test_align_json_on_the_seed_pair_equals_the_gold() -> None:
    gold = json.loads((Path(__file__).parent / "text" / "gold" / "cao_bang_es_en.json")
                      .read_text(encoding="utf-8"))
    result = _reader("align", str(SEEDS / "000_7430cda5143a47f5.txt"),
                     str(SEEDS / "001_fa94e18b8108eba2.txt"), "--json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert set(output) == {"beads", "src_sentences", "tgt_sentences"}
    assert [bead["src"] for bead in output["beads"]] == gold["src"]
    assert [bead["tgt"] for bead in output["beads"]] == gold["tgt"]
    assert all(0.0 <= bead["score"] <= 1.0 for bead in output["beads"])
    assert output["src_sentences"] == gold["source_sentences"]


def test_align_presegmented(tmp_path: Path) -> None:
    source = tmp_path / "es.txt"
    target = tmp_path / "en.txt"
    source.write_text("El PIB creció un 6,52 %.\nLas exportaciones sumaron 1.299 millones.\n",
                      encoding="utf-8")
    target.write_text("GDP grew by 6.52%.\nExports totalled 1,299 million.\n", encoding="utf-8")
    result = _reader("align", str(source), str(target), "--presegmented", "--src-lang", "es",
                     "--tgt-lang", "en", "--json")
    output = json.loads(result.stdout)
    assert [(b["src"], b["tgt"]) for b in output["beads"]] == [([0], [0]), ([1], [1])]
    assert output["tgt_sentences"][1] == "Exports totalled 1,299 million."


def test_figures_json_from_a_file_and_from_standard_input(tmp_path: Path) -> None:
    result = _reader("figures", str(SEEDS / "000_7430cda5143a47f5.txt"), "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    text = (SEEDS / "000_7430cda5143a47f5.txt").read_text(encoding="utf-8")
    budget = next(f for f in figures if f["unit"] == "VND")
    assert budget["value"] == 3312000000000000
    assert text[budget["start"]:budget["end"]] == budget["surface"] == "3.312 billones de VND"
    assert set(budget) == {"surface", "start", "end", "value", "unit", "qualifier", "label"}
    piped = subprocess.run(
        [sys.executable, "-m", "reader", "figures", "-", "--lang", "en", "--json"],
        input="Exports reached more than 1,299 million USD, up 6.52%.", capture_output=True,
        text=True, timeout=120,
    )
    readings = [(f["value"], f["unit"], f["qualifier"]) for f in json.loads(piped.stdout)]
    assert readings == [(1299000000, "USD", "over"), (6.52, "percent", "exact")]


def test_delete_removes_articles_keeps_their_notes_and_names_unknown_ids(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.app import open_library

    db = tmp_path / "lib.sqlite"
    library = open_library(db)
    article = next(a for a in library.article_summaries() if len(a.languages) == 2)
    document = library.documents_of(article.id)[0]
    library.annotations.add(document.id, 0, 5, "yellow", "a note")
    count = len(library.article_summaries())
    library.close()
    capsys.readouterr()

    assert main(["delete", str(article.id), "999999", "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert f"deleted {article.id}: " in out and "(2 versions; 1 highlight kept)" in out
    assert "no article 999999" in err
    library = open_library(db)
    assert len(library.article_summaries()) == count - 1
    assert [note.note for note in library.kept_notes()] == ["a note"]
    library.close()
