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


def test_words_that_now_run_on_are_not_found_at_the_old_place() -> None:
    text = "Det er viktig for å sikre at alle deltar i arbeidet med planen."
    start = text.index("for å")
    quote = quote_at(text, start, start + len("for å"))
    edited = text.replace("for å sikre", "for år framover")
    anchor = reanchor(edited, quote, start)
    assert anchor is None or edited[anchor.start:anchor.end] != "for å"


def test_a_short_passage_with_a_changed_word_is_found_between_its_context() -> None:
    text = ("El comité destacó la labor combativa de las organizaciones de base en todas "
            "las comunas de la provincia durante el año.")
    passage = "combativa de las organizaciones de base"
    start = text.index(passage)
    edited = "Una frase nueva al principio. " + text.replace("organizaciones", "asociaciones")
    anchor = reanchor(edited, quote_at(text, start, start + len(passage)), start)
    assert anchor is not None and anchor.method is AnchorMethod.FUZZY
    assert edited[anchor.start:anchor.end] == "combativa de las asociaciones de base"


def test_a_fuzzy_match_ends_on_whole_words() -> None:
    text = "Las autoridades y myndigheter och la gente trabajaron juntas en el proyecto común."
    passage = "trabajaron juntas en el proyecto común."
    start = text.index(passage)
    edited = "Nuevo. " + text.replace("juntas", "unidas")
    anchor = reanchor(edited, quote_at(text, start, start + len(passage)), start)
    assert anchor is not None
    assert edited[anchor.start:anchor.end] == "trabajaron unidas en el proyecto común."


def test_a_deleted_short_passage_is_not_put_on_similar_words_elsewhere() -> None:
    text = ("Primero se habló del presupuesto. Luego se trató garantizando el orden público "
            "en la ciudad. Después se discutió organizando el trabajo de las comunas.")
    passage = "garantizando el"
    start = text.index(passage)
    deleted = text.replace("Luego se trató garantizando el orden público en la ciudad. ", "")
    assert reanchor(deleted, quote_at(text, start, start + len(passage)), start) is None
