"""Paragraphs rebuilt from the lines of laid-out pages: running headers and page numbers
dropped, columns read in order, lines joined where the layout says a paragraph goes on,
words broken at line ends joined again unless the document writes them with a hyphen."""

from __future__ import annotations

from reader.text.pdf_layout import (
    PageLines,
    TextLine,
    drop_running_lines,
    is_page_number,
    layout_paragraphs,
)

WIDTH, HEIGHT = 595.0, 842.0
LINE = 12.0  # line pitch; each line is 10 points high


def _column(texts: list[str], left: float, top: float, right: float,
            full: bool = True) -> list[TextLine]:
    """Lines one under the other from `top`; each reaches `right` unless it ends a paragraph
    (a line of its text followed by "¶" ends one and is short)."""
    lines = []
    y = top
    for text in texts:
        ends = text.endswith("¶")
        text = text.removesuffix("¶")
        width = (right - left) * (0.5 if ends else 0.97 if full else 0.9)
        lines.append(TextLine(text, left, y, left + width, y + 10))
        y += LINE + (8 if ends else 0)
    return lines


def _page(lines: list[TextLine], number: int | None = None,
          header: str | None = None) -> PageLines:
    extra = []
    if header is not None:
        extra.append(TextLine(header, 56, 28, 200, 38))
    if number is not None:
        extra.append(TextLine(str(number), 295, 800, 300, 810))
    return PageLines(WIDTH, HEIGHT, tuple(extra + lines))


def test_page_numbers_are_bare_numbers_in_several_forms() -> None:
    for text in ("12", "- 12 -", "Page 3 of 9", "xii", "3/9", "стр. 4"):
        assert is_page_number(text), text
    for text in ("12 provinces met", "Chapter 3", "2025 was a good year."):
        assert not is_page_number(text), text


def test_running_headers_and_page_numbers_are_dropped_and_text_that_repeats_is_not() -> None:
    pages = [_page(_column([f"Body text of page {n} goes on here", "The end.¶"], 56, 110,
                           539), n, "Provincial Bulletin") for n in range(1, 4)]
    kept = drop_running_lines(pages)
    assert [[line.text for line in page] for page in kept] == [
        [f"Body text of page {n} goes on here", "The end."] for n in range(1, 4)]


def test_a_paragraph_goes_on_across_a_page_and_a_new_one_starts_after_a_gap() -> None:
    first = _column(["The conference opened in the morning and the delegates",
                     "discussed the results of the nine months."
                     "¶", "A second paragraph starts here and runs on to the"],
                    56, 80, 539)
    second = _column(["next page, where it ends.¶", "A third one."], 56, 80, 539)
    paragraphs = layout_paragraphs([_page(first, 1), _page(second, 2)])
    assert [p.text for p in paragraphs] == [
        "The conference opened in the morning and the delegates discussed the results of "
        "the nine months.",
        "A second paragraph starts here and runs on to the next page, where it ends.",
        "A third one."]


def test_two_columns_are_read_left_then_right_under_a_heading_across_both() -> None:
    heading = TextLine("Both Columns", 56, 60, 400, 80)
    left = _column([f"left line {n} of the column" for n in range(1, 9)], 56, 100, 285)
    right = _column([f"right line {n} of the column" for n in range(1, 8)] + ["right end.¶"],
                    310, 100, 539)
    # The file gives the lines row by row, as some writers do.
    rows = [line for pair in zip(left, right, strict=True) for line in pair]
    (title, body) = layout_paragraphs([PageLines(WIDTH, HEIGHT, (heading, *rows))])
    assert title.text == "Both Columns" and title.heading
    assert body.text == " ".join([f"left line {n} of the column" for n in range(1, 9)]
                                 + [f"right line {n} of the column" for n in range(1, 8)]
                                 + ["right end."])
    assert not body.heading


def test_words_broken_at_line_ends_are_joined_and_compounds_keep_their_hyphen() -> None:
    lines = _column([
        "The long-term plan of the provincial admin-",  # a break inside a word: joined
        "istration covers the long-",  # a compound the document writes elsewhere: kept
        "term and the Anglo-",  # the next part starts upper case: kept
        "Saxon terms for 2025-",  # a number: kept
        "2030 with a soft\u00ad",  # a soft hyphen: always joined
        "ware update and PDFium's hyphen\ufffe",  # PDFium's mark for a hyphen at a line end
        "ation mark.¶"], 56, 80, 539)
    (paragraph,) = layout_paragraphs([_page(lines)])
    assert paragraph.text == (
        "The long-term plan of the provincial administration covers the long-term and the "
        "Anglo-Saxon terms for 2025-2030 with a software update and PDFium's hyphenation mark.")


def test_a_compound_whose_hyphen_ends_a_line_keeps_it_by_the_documents_own_words() -> None:
    lines = _column([
        "The two sides at one level of the two-",  # both parts are words of the document
        "level model met in Guizhou. In Guizhou-",  # a name the document writes alone
        "provinsen the south-west and the south-",  # "south-" begins another compound
        "east met.¶"], 56, 80, 539)
    (paragraph,) = layout_paragraphs([_page(lines)])
    assert paragraph.text == (
        "The two sides at one level of the two-level model met in Guizhou. In "
        "Guizhou-provinsen the "
        "south-west and the south-east met.")


def test_an_indented_first_line_starts_a_paragraph_without_a_gap() -> None:
    lines = [TextLine("First paragraph runs over the whole", 56, 80, 536, 90),
             TextLine("line and ends here.", 56, 92, 300, 102),
             TextLine("Second paragraph is indented by a", 76, 104, 536, 114),
             TextLine("tab and goes on.", 56, 116, 250, 126)]
    paragraphs = layout_paragraphs([_page(lines)])
    assert [p.text for p in paragraphs] == [
        "First paragraph runs over the whole line and ends here.",
        "Second paragraph is indented by a tab and goes on."]


def test_larger_type_is_a_heading() -> None:
    lines = [TextLine("A Heading", 56, 60, 200, 78),
             *_column(["Body text that runs over the line", "and ends.¶"], 56, 90, 539)]
    paragraphs = layout_paragraphs([_page(lines)])
    assert [(p.text, p.heading) for p in paragraphs] == [
        ("A Heading", True), ("Body text that runs over the line and ends.", False)]


def test_pages_without_lines_give_no_paragraphs() -> None:
    assert layout_paragraphs([PageLines(WIDTH, HEIGHT, ())]) == []
