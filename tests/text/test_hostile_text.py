"""Text functions on hostile input: any language, huge paragraphs, odd encodings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import sentences
from reader.text.figures import find_figures
from reader.text.file_check import MAX_FILE_BYTES, UnreadableFile, decode_article_bytes
from reader.text.folding import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    Term,
    find_spans,
    fts_match_expression,
    query_terms,
)
from reader.text.sentences import SentenceSpan, split_sentences
from tests.conftest import SEED_EN


def _seed_paragraph() -> str:
    return " ".join(SEED_EN.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("language", ["fr", "de", "it", "zz", "", "pt-BR"])
def test_figures_with_a_measure_word_in_any_language(language: str) -> None:
    figures = find_figures("La ferme a produit 5 tonnes de riz sur 3 hectares.", language)
    assert [(f.surface, f.unit, f.kind) for f in figures] == [
        ("5 tonnes", "tonne", "measure"), ("3 hectares", "hectare", "measure")]


def test_a_megabyte_paragraph_splits_like_its_parts() -> None:
    paragraph = _seed_paragraph()
    step = len(paragraph) + 1
    twice = split_sentences(f"{paragraph} {paragraph}", "en")
    thrice = split_sentences(f"{paragraph} {paragraph} {paragraph}", "en")
    per_copy = [s for s in twice if s.start >= step]  # the second copy's own sentences
    copies = 1_000_000 // len(paragraph) + 1
    spans = split_sentences(" ".join([paragraph] * copies), "en")
    assert len(spans) == len(twice) + (copies - 2) * (len(thrice) - len(twice))
    shift = step * (copies - 2)
    assert spans[-len(per_copy):] == [SentenceSpan(s.start + shift, s.end + shift)
                                      for s in per_copy]


def test_the_abbreviation_rules_look_at_a_bounded_tail(monkeypatch: pytest.MonkeyPatch) -> None:
    """The work per full stop does not grow with the paragraph (it made splitting quadratic)."""
    seen: list[int] = []
    rule = sentences._is_abbreviation

    def counting(head: str, following: str, language: str) -> bool:
        seen.append(len(head))
        return rule(head, following, language)

    monkeypatch.setattr(sentences, "_is_abbreviation", counting)
    split_sentences("Dr. Who went home. " * 20_000, "en")
    assert seen and max(seen) <= 100


def test_a_word_cut_by_the_tail_is_no_initial() -> None:
    # "...xA." is no initial: the full stop ends the sentence though only "A" is in view.
    text = "x" * 500 + "A. Then more."
    assert len(split_sentences(text, "en")) == 2
    assert len(split_sentences("Word A. Son came.", "en")) == 1


@pytest.mark.parametrize(
    "text",
    ["." * 200_000, "." * 200_000 + "x", "?!" * 100_000 + "x", "。" * 200_000,
     "." + "'" * 200_000 + "x", "a" * 2_000_000, " " * 2_000_000, ".'" * 100_000 + "x"],
    ids=["dots", "dots then a letter", "marks", "cjk marks", "quotes", "one word", "spaces",
         "dots and quotes"],
)
def test_runs_of_marks_split_at_once(text: str) -> None:
    """A run of marks is tried once (it was tried from each of its characters: hours)."""
    for span in split_sentences(text, "ru"):
        assert 0 <= span.start < span.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aA1 .!?…。\"'»)(«\n\tг")), max_size=300),
       st.sampled_from(["en", "ru", "es", "sv", "nb", "fr"]))
def test_spans_are_ordered_trimmed_and_inside(text: str, language: str) -> None:
    spans = split_sentences(text, language)
    end = 0
    for span in spans:
        assert end <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        end = span.end
    covered = "".join(text[s.start:s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_text(encoding: str) -> None:
    text = "Hej världen. Привет, мир.\n"
    data = text.encode(encoding)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding] + data
    assert decode_article_bytes(data) == text


def test_a_nul_byte_anywhere_is_binary() -> None:
    with pytest.raises(UnreadableFile, match="^binary file, not text$"):
        decode_article_bytes(b"Plain words. " * 1000 + b"\x00")


def test_a_file_just_over_the_limit_never_reads_as_the_limit() -> None:
    with pytest.raises(UnreadableFile) as error:
        decode_article_bytes(b"a" * (MAX_FILE_BYTES + 1))
    assert str(error.value) == "file is too large (20.1 MB; the limit is 20 MB)"


def test_a_pasted_page_is_searched_for_by_its_first_words() -> None:
    page = " ".join(f"word{n}" for n in range(2_000))  # about 18,000 characters
    terms = query_terms(page)
    assert [term.words for term in terms] == [(f"word{n}",) for n in range(MAX_QUERY_WORDS)]
    assert not any(term.prefix for term in terms)
    assert fts_match_expression(terms).count('"') == 2 * MAX_QUERY_WORDS


def test_a_long_phrase_is_cut_at_the_word_limit() -> None:
    terms = query_terms('"' + " ".join(["rice"] * 100) + '" farm')
    assert terms == [Term(("rice",) * MAX_QUERY_WORDS, phrase=True)]


def test_a_ten_thousand_character_word_is_read_up_to_the_limit() -> None:
    terms = query_terms("a" * 10_000)
    assert [len(term.words[0]) for term in terms] == [MAX_QUERY_CHARS]
    assert find_spans("a" * 50, terms) == []


def test_short_queries_are_unchanged() -> None:
    assert query_terms('"heavy rain" flo') == [Term(("heavy", "rain"), phrase=True),
                                               Term(("flo",), prefix=True)]


def test_figures_of_a_megabyte_paragraph_are_those_of_its_copies() -> None:
    """Each number looked for its word through the whole text: hours for a long one."""
    paragraph = _seed_paragraph()
    once = find_figures(paragraph, "en")
    copies = 1_000_000 // len(paragraph) + 1
    many = find_figures(" ".join([paragraph] * copies), "en")
    assert len(many) == len(once) * copies
    step = len(paragraph) + 1
    assert [(f.surface, f.start - step * (copies - 1)) for f in many[-len(once):]] == [
        (f.surface, f.start) for f in once]
