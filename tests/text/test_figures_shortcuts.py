"""The figure reader's shortcuts give what the plain searches they replace give.

Each shortcut (a search bounded to the end of a text, the clause after a label window's last
boundary found in its tail first, the words around a number found with fewer scans, the extra
scale words as one pattern) is compared with the plain expression on texts drawn from the
characters that matter to it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import figures, numbers

_CLAUSE_CHARS = " \n\t.,;:!?-–—()[]«»\"“”ab1"
_CLOCK_CHARS = " \n\t.:,0123456789klKLockanhasdeobrlcia"
_BREAK_CHARS = " \n\t\u00a0ab1/."


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CLAUSE_CHARS, max_size=160))
def test_last_clause_is_the_split_s_last_piece(window: str) -> None:
    assert figures._last_clause(window) == figures._BOUNDARY.split(window)[-1]


def test_last_clause_when_a_boundary_straddles_the_tail() -> None:
    for gap in range(0, 6):
        window = "x" * 100 + " - " + "y" * (figures._CLAUSE_TAIL - gap)
        assert figures._last_clause(window) == figures._BOUNDARY.split(window)[-1]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CLOCK_CHARS, max_size=40))
def test_clock_patterns_searched_at_the_end(before: str) -> None:
    minutes = figures._ends_with(figures._CLOCK_MINUTES, before, figures._CLOCK_MINUTES_REACH)
    assert bool(minutes) == bool(figures._CLOCK_MINUTES.search(before))
    reach = figures._CLOCK_BEFORE_REACH + figures._trailing_space(before)
    assert bool(figures._ends_with(figures._CLOCK_BEFORE, before, reach)) == bool(
        figures._CLOCK_BEFORE.search(before))


def test_clock_before_reach_is_its_longest_word() -> None:
    words = re.findall(r"\\b([a-z ]+)", figures._CLOCK_BEFORE.pattern)
    assert max(map(len, words)) == figures._CLOCK_BEFORE_REACH
    for phrase in ("hacia las ", "kl. ", "A LAS\n", "klockan  "):
        assert figures._ends_with(figures._CLOCK_BEFORE, "at " + phrase,
                                  figures._CLOCK_BEFORE_REACH + len(phrase)
                                  - len(phrase.rstrip()))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_BREAK_CHARS, max_size=60), st.data())
def test_words_around_a_number(text: str, data: st.DataObject) -> None:
    low = data.draw(st.integers(0, len(text)))
    high = data.draw(st.integers(low, len(text)))
    assert figures._last_break(text, low, high) == max(
        text.rfind(c, low, high) for c in " \n\t\u00a0")
    assert figures._next_break(text, low, high) == min(
        (i for i in (text.find(c, low, high) for c in " \n\t") if i != -1), default=high)


def test_extra_scale_words_in_their_order() -> None:
    for language in ("en", "ru", "sv", "nb", "es"):
        pattern, powers = numbers._extra_scales(language)
        entries = numbers._EXTRA_SCALES.get(language, []) + numbers._EXTRA_SCALES[""]
        assert len(powers) == len(entries) == pattern.groups
        for text in ("5 mln.", "5 bn", "3\u00a0тыс. рублей", "7 миллиардов", "2 mdr kronor",
                     "4 mrd. kroner", "9 tn", "1 mill. kroner", "8 miljoner", "6 apples",
                     "5 BN", "2  mld"):
            position = 1
            expected = None
            cldr = numbers._scale_pattern(language)
            if cldr is None or cldr.match(text, position) is None:
                for rx, power in entries:  # as they were tried, one by one
                    found = re.compile(rf"[{numbers._SPACES}]*(?:{rx})", re.IGNORECASE).match(
                        text, position)
                    if found is not None:
                        expected = (power, found.end())
                        break
                assert numbers.read_scale(text, position, language) == expected, text


def test_numbers_read_with_and_without_marks() -> None:
    mentions = numbers.find_numbers("In 2024 350 people paid 1 299,5 kr", "sv")
    assert [m.surface for m in mentions] == ["2024", "350", "1 299,5"]
    assert [str(m.value) for m in mentions] == ["2024", "350", "1299.5"]
    assert [m.surface for m in numbers.find_numbers("1,299 and 7", "en")] == ["1,299", "7"]


def test_patterns_that_look_first_for_a_letter_find_the_same() -> None:
    texts = ["We took first place, then Second  Position.", "ſecond place and top position",
             "Заняли первое место и второе  место", "första plats", "GBP7.50 and xUSD5, $EUR9",
             "the EUR5 fee"]
    for language in ("en", "es", "sv", "nb", "ru"):
        rank_words = figures._lexicon(language).rank_words
        plain = re.compile(rank_words.pattern.split(")", 1)[1], rank_words.flags)
        assert rank_words.pattern.startswith("(?=[")
        for text in texts:
            assert [m.span() for m in rank_words.finditer(text)] == [
                m.span() for m in plain.finditer(text)]
    plain_code = re.compile(figures._GLUED_CODE.pattern.removeprefix("(?=[A-Z])"))
    for text in texts:
        assert [m.span() for m in figures._GLUED_CODE.finditer(text)] == [
            m.span() for m in plain_code.finditer(text)]
