"""The plain-text article reader on the real seeds: what the import always made of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats.registry import reader_for
from reader.text.analysis import analyse_document, analyse_source
from reader.text.file_check import UnreadableFile
from reader.text.source_document import SourceDocument
from tests.conftest import SEED_EN, SEED_ES, SEED_NB, SEED_RU, SEED_SV


def _read(path: Path) -> SourceDocument:
    reader = reader_for(path)
    assert reader is not None
    return reader.read(path.read_bytes(), path.name)


@pytest.mark.parametrize(
    ("seed", "language", "paragraphs", "title"),
    [
        (SEED_ES, "es", 12, "Conferencia para evaluar los resultados de 9 meses de trabajo"),
        (SEED_EN, "en", 12, "Conference to evaluate the results of 9 months' work"),
        (SEED_SV, "sv", 13, "Vid konferensen lyssnade delegaterna till den provinsiella"),
        (SEED_RU, "ru", 35, "Утром 14 января Исполнительный комитет партии провинции"),
        (SEED_NB, "nb", 4, "Lemannen for den provinsielle folkekomiteen, Le Thanh Do"),
    ],
)
def test_seeds_read_as_before(seed: Path, language: str, paragraphs: int, title: str) -> None:
    document = _read(seed)
    assert (document.title, document.language) == (None, None)  # the format declares neither
    assert len(document.paragraphs) == paragraphs
    analysed = analyse_source(document)
    assert (analysed.language, len(analysed.parsed.paragraphs)) == (language, paragraphs)
    assert analysed.title.startswith(title) and analysed.title.endswith("…")
    before = analyse_document(seed.read_text(encoding="utf-8"))
    assert analysed == before


def test_metadata_lines_are_read_as_metadata() -> None:
    document = _read(SEED_RU)
    assert (document.source_label, document.comment_count) == ("Источник", 0)
    assert document.source_url and document.source_url.startswith("https://bacgiang.gov.vn/")
    assert document.byline == "Duong Thuy - Tran Khiem"
    assert all(document.body_text[p.start:p.end] == p.text for p in document.paragraphs)


def test_the_same_text_in_another_encoding_of_lines_has_the_same_hash(tmp_path: Path) -> None:
    copy = tmp_path / "copy.text"
    copy.write_bytes(b"\xef\xbb\xbf" + SEED_NB.read_bytes().replace(b"\n", b"\r\n"))
    assert _read(copy).content_hash == _read(SEED_NB).content_hash


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file"),
    (b"\x00\x01binary", "binary file, not text"),
    ("Señor".encode("latin-1"), "not valid UTF-8 text (byte 0xf1 at offset 2)"),
])
def test_bad_bytes_are_refused_with_a_reason(tmp_path: Path, content: bytes,
                                             reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(UnreadableFile) as refused:
        _read(bad)
    assert str(refused.value) == reason


def test_a_declared_title_and_language_are_used() -> None:
    document = _read(SEED_EN)
    declared = SourceDocument(document.body_text, document.paragraphs, document.content_hash,
                              title="Cao Bang: the ninth month", language="en")
    analysed = analyse_source(declared)
    assert (analysed.title, analysed.language) == ("Cao Bang: the ninth month", "en")


def test_a_long_declared_title_is_shortened_to_fit_the_list() -> None:
    document = _read(SEED_EN)
    long_title = "A title that goes on " * 10
    declared = SourceDocument(document.body_text, document.paragraphs, document.content_hash,
                              title=long_title)
    title = analyse_source(declared).title
    assert len(title) <= 90 and title.endswith("…") and title.startswith("A title that")
