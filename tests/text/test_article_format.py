"""The seed format: paragraphs, sections, headings, byline, source line and comment counter."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.text.article_format import ParagraphKind, parse_article_text
from tests.conftest import SEED_EN, SEED_ES, SEED_NB, SEED_RU, SEED_SV

CAO_BANG_URL = (
    "https://tuyengiaocaobang.vn/index.php/tin-trong-tinh/"
    "hoi-nghi-lan-thu-hai-ban-chap-hanh-dang-bo-tinh-khoa-xx-nhiem-ky-2025-2030-2058.html"
)


@pytest.mark.parametrize(
    ("seed", "paragraphs", "label", "url"),
    [
        (SEED_ES, 12, "Fuente", CAO_BANG_URL),
        (SEED_EN, 12, "Source", CAO_BANG_URL),
        (SEED_SV, 13, "Källa", "https://laichau.gov.vn/danh-muc/hoat-dong-trong-tinh/tin-tinh-uy/"
         "hoi-nghi-chuyen-de-ban-chap-hanh-dang-bo-tinh-khoa-xv.html"),
        (SEED_RU, 35, "Источник", "https://bacgiang.gov.vn/chi-tiet-tin-tuc/-/asset_publisher/"
         "St1DaeZNsp94/content/hoi-nghi-tong-ket-cong-toc-lanh-a-cua-tinh-uy-nam-2024-trien-khai-"
         "nhiem-vu-nam-2025"),
        (SEED_NB, 4, "Kilde", None),
    ],
)
def test_seed_paragraphs_and_source(seed: Path, paragraphs: int, label: str,
                                    url: str | None) -> None:
    parsed = parse_article_text(seed.read_text(encoding="utf-8"))
    assert len(parsed.paragraphs) == paragraphs
    assert parsed.source_label == label
    assert parsed.source_url == url
    assert parsed.comment_count == 0


@pytest.mark.parametrize("seed", [SEED_ES, SEED_EN, SEED_SV, SEED_RU, SEED_NB])
def test_source_and_comment_counter_are_not_body_text(seed: Path) -> None:
    parsed = parse_article_text(seed.read_text(encoding="utf-8"))
    body = parsed.body_text
    for metadata in ("http", "Fuente:", "Source:", "Källa:", "Источник:", "Kommentar (0)",
                     "Comment (0)", "Комментарий (0)"):
        assert metadata not in body
    assert not parsed.paragraphs[-1].text.startswith("Kilde")
    assert all(body[p.start:p.end] == p.text for p in parsed.paragraphs)


def test_leading_blank_lines_are_skipped() -> None:
    parsed = parse_article_text(SEED_SV.read_text(encoding="utf-8"))
    assert parsed.paragraphs[0].text.startswith("Vid konferensen deltog")
    assert parsed.paragraphs[0].start == 0


def test_russian_headings_and_byline() -> None:
    parsed = parse_article_text(SEED_RU.read_text(encoding="utf-8"))
    headings = [p.text for p in parsed.paragraphs if p.kind is ParagraphKind.HEADING]
    assert headings[0] == "Достичь позитивных, комплексных результатов во всех областях"
    assert parsed.byline == "Duong Thuy - Tran Khiem"
    assert "Duong Thuy" not in parsed.body_text


def test_blank_lines_start_sections() -> None:
    parsed = parse_article_text("First paragraph here.\nSecond one.\n\nThird, in a new section.\n")
    assert [p.section for p in parsed.paragraphs] == [0, 0, 1]
    assert parsed.body_text == "First paragraph here.\nSecond one.\n\nThird, in a new section."


def test_byte_order_mark_and_windows_line_ends() -> None:
    parsed = parse_article_text("\ufeffOne sentence here.\r\nAnother one.\r\nSource: https://x.vn/a\r\n")
    assert [p.text for p in parsed.paragraphs] == ["One sentence here.", "Another one."]
    assert parsed.source_url == "https://x.vn/a"


def test_source_line_without_address_and_trailing_blank_lines() -> None:
    parsed = parse_article_text("Text of the article.\nKilde\n\n\n\nKommentar (3)")
    assert parsed.source_label == "Kilde"
    assert parsed.source_url is None
    assert parsed.comment_count == 3
    assert [p.text for p in parsed.paragraphs] == ["Text of the article."]


def test_article_without_metadata() -> None:
    parsed = parse_article_text("Just a paragraph.")
    assert parsed.source_label is None and parsed.comment_count is None
    assert len(parsed.paragraphs) == 1
