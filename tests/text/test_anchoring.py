"""Finding a quoted passage again after its text changed."""

from __future__ import annotations

import pytest

from reader.text.anchoring import CONTEXT, AnchorMethod, quote_at, reanchor

TEXT = ("Lorem ipsum. The budget of the province grew by 12 per cent last year. "
        "Other words follow here, and then the budget of the province again.")


def _quote_of(passage: str) -> tuple[int, int]:
    start = TEXT.index(passage)
    return start, start + len(passage)


def test_a_quote_keeps_its_words_and_context() -> None:
    start, end = _quote_of("grew by 12")
    quote = quote_at(TEXT, start, end)
    assert quote.exact == "grew by 12"
    assert TEXT.endswith(quote.prefix, 0, start) and len(quote.prefix) == CONTEXT
    assert TEXT.startswith(quote.suffix, end)


def test_a_passage_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError):
        quote_at(TEXT, 5, len(TEXT) + 1)


def test_unchanged_text_keeps_the_position() -> None:
    start, end = _quote_of("grew by 12 per cent")
    anchor = reanchor(TEXT, quote_at(TEXT, start, end), start)
    assert anchor is not None
    assert (anchor.start, anchor.end, anchor.method) == (start, end, AnchorMethod.POSITION)


def test_text_inserted_before_moves_the_passage_with_it() -> None:
    start, end = _quote_of("grew by 12 per cent")
    edited = "A new first sentence. " + TEXT
    anchor = reanchor(edited, quote_at(TEXT, start, end), start)
    assert anchor is not None and anchor.method is AnchorMethod.EXACT
    assert edited[anchor.start:anchor.end] == "grew by 12 per cent"


def test_of_two_occurrences_the_one_with_the_same_context_wins() -> None:
    second = TEXT.rindex("the budget of the province")
    quote = quote_at(TEXT, second, second + len("the budget of the province"))
    edited = "Inserted. " + TEXT
    anchor = reanchor(edited, quote, second)
    assert anchor is not None
    assert anchor.start == edited.rindex("the budget of the province")


def test_an_edited_passage_is_found_fuzzily() -> None:
    start, end = _quote_of("The budget of the province grew by 12 per cent last year.")
    edited = "New. " + TEXT.replace("grew by 12", "grew by 14")
    anchor = reanchor(edited, quote_at(TEXT, start, end), start)
    assert anchor is not None and anchor.method is AnchorMethod.FUZZY
    assert edited[anchor.start:anchor.end] == (
        "The budget of the province grew by 14 per cent last year.")


def test_a_passage_that_is_gone_is_not_placed() -> None:
    start, end = _quote_of("The budget of the province grew by 12 per cent last year.")
    assert reanchor("Something else entirely, about the weather in spring.",
                    quote_at(TEXT, start, end), start) is None
