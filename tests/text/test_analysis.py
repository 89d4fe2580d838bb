"""Language, title, place, sentences and statistics of the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.text.analysis import NotAnArticle, analyse_document, content_hash
from reader.text.language import detect_language
from reader.text.sentences import split_sentences
from reader.text.statistics import count_words, reading_minutes
from tests.conftest import SEED_EN, SEED_ES, SEED_NB, SEED_RU, SEED_SV


@pytest.mark.parametrize(
    ("seed", "language"),
    [(SEED_ES, "es"), (SEED_EN, "en"), (SEED_SV, "sv"), (SEED_RU, "ru"), (SEED_NB, "nb")],
)
def test_seed_languages(seed: Path, language: str) -> None:
    assert analyse_document(seed.read_text(encoding="utf-8")).language == language


def test_short_norwegian_is_bokmal_not_swedish_or_danish() -> None:
    assert detect_language("Kamerater: Tran Quoc Cuong, medlem av partiets sentralkomité") == "nb"


def test_text_without_words_has_no_language() -> None:
    assert detect_language("2025 - 2030 12,5 %") == "und"


@pytest.mark.parametrize(
    ("seed", "place"),
    [(SEED_ES, "Cao Bang"), (SEED_SV, "Lai Chau"), (SEED_RU, "Bac Giang")],
)
def test_place_from_source_address(seed: Path, place: str) -> None:
    assert analyse_document(seed.read_text(encoding="utf-8")).place == place


def test_place_from_text_when_there_is_no_address() -> None:
    text = "The Dien Bien provincial committee met. Dien Bien grew 9 %.\nKilde"
    assert analyse_document(text, language="en").place == "Dien Bien"


def test_title_skips_the_roll_call_and_is_short() -> None:
    document = analyse_document(SEED_EN.read_text(encoding="utf-8"))
    assert document.title.startswith("Conference to evaluate the results of 9 months")
    assert len(document.title) <= 90
    russian = analyse_document(SEED_RU.read_text(encoding="utf-8"))
    assert russian.title.startswith("Утром 14 января Исполнительный комитет партии")


def test_sentences_do_not_split_numbers_or_abbreviations() -> None:
    text = "Resolution No. 18-NQ/TW was adopted. Revenue reached 1.299 million USD. Done."
    spans = split_sentences(text, "en")
    assert [text[s.start:s.end] for s in spans] == [
        "Resolution No. 18-NQ/TW was adopted.", "Revenue reached 1.299 million USD.", "Done."
    ]
    russian = "Утром 14 января 2025 г. прошла конференция. Рост составил 6,52 %."
    assert len(split_sentences(russian, "ru")) == 2


def test_sentence_offsets_point_into_the_body() -> None:
    document = analyse_document(SEED_ES.read_text(encoding="utf-8"))
    body = document.parsed.body_text
    first = document.sentences[0][0]
    assert body[first.start:first.end].startswith("Camaradas: Quan Minh Cuong")
    assert document.sentence_count == sum(len(s) for s in document.sentences) > 30


def test_statistics() -> None:
    assert count_words("Tăng trưởng 6,52 % — năm 2025.") == 5
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(1341) == 6


def test_content_hash_ignores_bom_and_line_ends() -> None:
    assert content_hash("\ufeffA line.\r\nB line.\r\n") == content_hash("A line.\nB line.\n")
    assert content_hash("A line.") != content_hash("B line.")


def test_only_metadata_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle):
        analyse_document("Source: https://example.vn/a\nComment (0)")


def test_a_file_that_opens_with_its_headline_is_called_by_it() -> None:
    text = ("Floods close two mountain passes\n\n"
            "Heavy rain closed two passes on Tuesday. Traffic was turned back at the border.\n"
            "Crews expect to reopen one road by Friday.\n")
    assert analyse_document(text, "en").title == "Floods close two mountain passes"


def test_a_dateline_or_a_lone_short_line_is_no_headline() -> None:
    body = "Heavy rain closed two passes on Tuesday. Traffic was turned back at the border.\n"
    assert analyse_document("12 May 2025\n" + body, "en").title.startswith("Heavy rain closed")
    assert analyse_document("Hanoi\n" + body, "en").title.startswith("Heavy rain closed")


@pytest.mark.parametrize("seed", [SEED_ES, SEED_EN, SEED_SV, SEED_RU, SEED_NB])
def test_title_from_the_analysis_sentences_is_the_title_split_again(seed: Path) -> None:
    from reader.text.title import derive_title

    document = analyse_document(seed.read_text(encoding="utf-8"))
    paragraphs = document.parsed.paragraphs
    assert derive_title(paragraphs, document.language, document.sentences) == derive_title(
        paragraphs, document.language) == document.title
