"""Find the Vietnamese province an article reports on, from its source address or its text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from urllib.parse import urlsplit

# Provinces and centrally governed cities as they were before the 2025 merger (news archives
# use these names), written without diacritics as the translations spell them.
PROVINCES = (
    "An Giang", "Ba Ria - Vung Tau", "Bac Giang", "Bac Kan", "Bac Lieu", "Bac Ninh", "Ben Tre",
    "Binh Dinh", "Binh Duong", "Binh Phuoc", "Binh Thuan", "Ca Mau", "Can Tho", "Cao Bang",
    "Da Nang", "Dak Lak", "Dak Nong", "Dien Bien", "Dong Nai", "Dong Thap", "Gia Lai",
    "Ha Giang", "Ha Nam", "Ha Noi", "Ha Tinh", "Hai Duong", "Hai Phong", "Hau Giang",
    "Hoa Binh", "Hung Yen", "Khanh Hoa", "Kien Giang", "Kon Tum", "Lai Chau", "Lam Dong",
    "Lang Son", "Lao Cai", "Long An", "Nam Dinh", "Nghe An", "Ninh Binh", "Ninh Thuan",
    "Phu Tho", "Phu Yen", "Quang Binh", "Quang Nam", "Quang Ngai", "Quang Ninh", "Quang Tri",
    "Soc Trang", "Son La", "Tay Ninh", "Thai Binh", "Thai Nguyen", "Thanh Hoa",
    "Thua Thien Hue", "Tien Giang", "Ho Chi Minh City", "Tra Vinh", "Tuyen Quang", "Vinh Long",
    "Vinh Phuc", "Yen Bai",
)


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose, no marks: the same as below, at once
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    # Each distinct character is looked at once (a text has few), not each character.
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return decomposed.translate(marks).lower()


def _squash(name: str) -> str:
    return re.sub(r"[^a-z]", "", _fold(name))


_BY_SQUASHED = {_squash(name): name for name in PROVINCES}
# The provinces by their squashed names, the longest first (as a host is searched).
_LONGEST_FIRST = sorted(_BY_SQUASHED.items(), key=lambda item: -len(item[0]))
# (The first letter of a province looked at first: the engine skips to the next one.)
_TEXT_PATTERN = re.compile(
    "(?=[" + "".join(sorted({_fold(name)[0] for name in PROVINCES})) + "])"
    r"\b(" + "|".join(re.escape(_fold(name)) for name in PROVINCES) + r")\b"
)


def find_place(source_url: str | None, text: str) -> str | None:
    """The province named by the source's host, else the one the text names most often."""
    if source_url:
        host = _squash(urlsplit(source_url).hostname or "")
        for squashed, name in _LONGEST_FIRST:
            if squashed in host:
                return name
    counts = Counter(m.group(1) for m in _TEXT_PATTERN.finditer(_fold(text)))
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    folded_name = ranked[0][0]
    return next(name for name in PROVINCES if _fold(name) == folded_name)
