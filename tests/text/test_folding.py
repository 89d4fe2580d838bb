"""Folding for search: one character for one, queries made safe for FTS5, matches found."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from reader.text.folding import (
    Term,
    cut_snippet,
    find_spans,
    fold,
    fts_match_expression,
    query_terms,
)
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Quản Minh Cường", "quan minh cuong"),
        ("Đắk Lắk", "dak lak"),
        ("ĐIỆN BIÊN PHỦ", "dien bien phu"),
        ("Ёлка и ёж", "елка и еж"),
        ("Йошкар-Ола, йод", "йошкар-ола, йод"),
        ("Sjöfart på Åland", "sjofart pa aland"),
        ("Økonomien i Tromsø", "okonomien i tromso"),
        ("Łódź, İstanbul, Kırıkkale", "lodz, istanbul, kirikkale"),
        ("Straße", "straße"),
        ("ΑΘΉΝΑ", "αθηνα"),
        ("Ça, déjà, naïve", "ca, deja, naive"),
        ("e\u0301", "e\u0301"),  # a lone combining mark stays: one character for one
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_every_offset_of_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        folded = fold(text)
        assert len(folded) == len(text), path.name
        assert all(len(fold(char)) == 1 for char in set(text))


def test_fold_keeps_one_character_for_one_everywhere() -> None:
    for code in range(0x3000):
        char = chr(code)
        if unicodedata.category(char) != "Cs":
            assert len(fold(char)) == 1, hex(code)


def test_fold_outside_the_table_lowers_case() -> None:
    assert fold("ԱՐՄԵՆԻԱ ＡＢＣ") == "արմենիա ａｂｃ"


def test_query_terms_words_phrases_and_the_prefix_being_typed() -> None:
    assert query_terms("Desastres natur") == [Term(("desastres",)),
                                              Term(("natur",), prefix=True)]
    assert query_terms("desastres ") == [Term(("desastres",))]
    assert query_terms('"Comité Provincial" del') == [
        Term(("comite", "provincial"), phrase=True), Term(("del",), prefix=True)
    ]
    assert query_terms('del "comité provin') == [
        Term(("del",)), Term(("comite", "provin"), phrase=True, prefix=True)
    ]
    assert query_terms('"2023" 11-NQ/TW.') == [Term(("2023",), phrase=True), Term(("11",)),
                                                Term(("nq",)), Term(("tw",))]
    assert query_terms("") == []
    assert query_terms(' " ; ') == []


def test_fts_match_expression_quotes_every_word() -> None:
    assert fts_match_expression(query_terms("Cao Bằng desastr")) == '"cao" "bang" "desastr"*'
    assert fts_match_expression(query_terms('"de la" xy')) == '"de la" "xy"*'
    assert fts_match_expression(query_terms('title: NEAR(a b) OR c* ')) == (
        '"title" "near" "a" "b" "or" "c"'
    )
    assert fts_match_expression([Term(('say "hi"',))]) == '"say ""hi"""'
    assert fts_match_expression([]) == ""


def test_hostile_queries_make_only_quoted_tokens() -> None:
    token = re.compile(r'"(?:[^"]|"")+"\*?')
    pieces = list('"*^-+():.,;!?/\\\'`{}[]') + ["NEAR", "AND", "OR", "NOT", "title:", "body:",
                                                 "{title body}:", "ё", "ß", " ", "  ", "x"]
    generator = random.Random(7)
    for _ in range(2000):
        query = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 12)))
        expression = fts_match_expression(query_terms(query))
        assert token.sub("", expression).strip() == "", (query, expression)


def test_find_spans_at_word_boundaries() -> None:
    folded = fold("Los desastres y el desastre; no: Desastroso. Comité Provincial del Partido")
    spans = find_spans(folded, query_terms("desastre "))
    assert [folded[a:b] for a, b in spans] == ["desastre"]
    spans = find_spans(folded, query_terms("desastr"))
    assert [folded[a:b] for a, b in spans] == ["desastres", "desastre", "desastroso"]
    spans = find_spans(folded, query_terms('"comite provincial" partido'))
    assert [folded[a:b] for a, b in spans] == ["comite provincial", "partido"]
    assert find_spans(folded, query_terms("")) == []


def test_cut_snippet_around_the_first_match() -> None:
    text = ("Palabra " * 20 + "los desastres naturales\ne inundaciones " + "otra " * 40).strip()
    snippet = cut_snippet(text, fold(text), query_terms("inundacion"))
    assert snippet.text.startswith("…Palabra ")  # cut between words
    assert snippet.text.endswith("…")
    assert "\n" not in snippet.text
    ((start, end),) = snippet.matches
    assert snippet.text[start:end] == "inundaciones"
    assert text[snippet.match_start:snippet.match_end] == "inundaciones"
    assert len(snippet.text) <= 60 + len("inundaciones") + 100 + 2


def test_cut_snippet_without_a_match_is_the_beginning() -> None:
    text = "Uno dos tres. " * 30
    snippet = cut_snippet(text, fold(text), query_terms("cuatro"))
    assert snippet.text.startswith("Uno dos tres.")
    assert snippet.matches == () and snippet.match_start == -1


def test_one_letter_is_not_yet_a_prefix() -> None:
    assert query_terms("cao b") == [Term(("cao",)), Term(("b",))]
    assert query_terms("cao ba") == [Term(("cao",)), Term(("ba",), prefix=True)]


def test_ascii_text_folds_as_every_character_alone() -> None:
    ascii_text = "".join(chr(code) for code in range(128)) * 2
    assert fold(ascii_text) == "".join(fold(char + "é")[0] for char in ascii_text)


def _by_table(text: str) -> str:
    """Folding as the table gives it, one character at a time (what `fold` must equal)."""
    from reader.text.folding import _fold_table

    return text.translate(_fold_table())


def test_fold_is_each_characters_folding_for_every_character() -> None:
    import sys

    for code in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        assert fold(char) == _by_table(char), hex(code)


@pytest.mark.parametrize("seed", range(4))
def test_fold_of_mixed_text_is_each_characters_folding(seed: int) -> None:
    # Letters that fold to letters that fold again (ǿ ø), whose lower case is two
    # characters (İ) or depends on the next one (Σ ς), other scripts, many and few of them.
    odd = "İıƗɨɃƀǾǿøØΣσςΟΔΟΣ K Ａ中文𝐀—«»ẞßĐđЁёЙйŁł"
    pool = [chr(code) for code in (*range(0x20, 0x250), *range(0x370, 0x500),
                                   *range(0x1E00, 0x1F00))] + list(odd) * 20
    generator = random.Random(seed)
    for _ in range(3000):
        text = "".join(generator.choice(pool) for _ in range(generator.randint(1, 60)))
        assert fold(text) == _by_table(text), repr(text)
    for text in (odd, "中文" * 400 + "Ó", "ΟΔΟΣ ΣΟΦΟΣ", "Ǿ ø ǿ", *(seed.read_text(encoding="utf-8")
                                                                for seed in SEEDS.iterdir())):
        assert fold(text) == _by_table(text)
