"""The province an article reports on, and the shortcuts of finding it."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import places


def _fold_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aBcĐđ é\u0301ñÅ ﬁ12\n", max_size=40))
def test_fold_as_decomposed_without_marks(text: str) -> None:
    assert places._fold(text) == _fold_slowly(text)
    assert places._fold(text.encode("ascii", "ignore").decode()) == _fold_slowly(
        text.encode("ascii", "ignore").decode())


def test_the_text_names_a_province_most_often() -> None:
    text = ("Flooding hit Cao Bang on Monday. In Cao Bang, 300 homes were cut off; "
            "Lang Son sent help.")
    assert places.find_place(None, text) == "Cao Bang"
    assert places.find_place(None, "Lũ lụt ở Cao Bằng và Lạng Sơn, Cao Bằng mất điện.") \
        == "Cao Bang"
    assert places.find_place(None, "Ha Noi and Da Nang") is None  # a tie
    assert places.find_place("https://baocaobang.vn/a", "Ha Noi") == "Cao Bang"


def test_province_pattern_finds_what_it_found_without_its_first_letters() -> None:
    plain = re.compile(places._TEXT_PATTERN.pattern.split("])", 1)[1])
    assert places._TEXT_PATTERN.pattern.startswith("(?=[")
    text = places._fold("Cao Bang, ha noi; xcao bang; Thua Thien Hue e Ho Chi Minh City. "
                        "Ba Ria - Vung Tau, Đắk Lắk")
    assert [m.span() for m in places._TEXT_PATTERN.finditer(text)] == [
        m.span() for m in plain.finditer(text)]
    assert len(plain.findall(text)) >= 5
