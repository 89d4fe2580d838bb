"""Proper names and acronyms of a sentence, in a spelling that survives translation.

A name written in Cyrillic is transliterated ("Нгуен Ван Гау" reads "nguen van gau"), Latin
letters lose their diacritics ("Đồng Đăng" reads "dong dang") and the spelling is made loose
where transcriptions disagree ("kh" is "h", "c", "k" and "q" are "k", "y" is "i", a final
"nh" is "n"), so that "Nguyen Van Gau" and "Нгуен Ван Гау", "Bac Giang" and "Бакзянг", or
"Le Minh" and "Ле Минь" can be matched. Matching is fuzzy (`similar_names`): "nguien" and
"nguen" are one name, "nguien" and "ngan" are not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj",
    "ћ": "c", "ђ": "dj", "џ": "dz", "ѕ": "dz",
}
# Letters that Unicode does not decompose into a base letter and an accent.
_LATIN_LETTERS = {"đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "þ": "th",
                  "ð": "d", "ı": "i", "ħ": "h"}
_LOOSE_SPELLINGS = (
    (re.compile(r"kh"), "h"), (re.compile(r"th"), "t"), (re.compile(r"ph"), "f"),
    (re.compile(r"gi(?=[aeiouy])"), "z"), (re.compile(r"ck|[cqk]"), "k"), (re.compile(r"w"), "v"),
    (re.compile(r"[yj]"), "i"), (re.compile(r"nh$"), "n"), (re.compile(r"(.)\1+"), r"\1"),
)
_VOWELS = re.compile(r"[aeiou]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Capital letters of the Latin, Greek and Cyrillic blocks (re has no \p{Lu}).
_CAPITALS = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper())
# (the capital first, then the look back at the letter before it: the regular expression
# engine then skips ahead to the next capital instead of trying every position)
_CAPITALISED = re.compile(rf"[{_CAPITALS}](?<![^\W\d_].)[^\W\d_]*(?:['’][^\W\d_]+)*")
# A run of names continues over spaces and hyphens only: "Dong Dang - Tra Linh" is two runs.
_NAME_GAP = re.compile(r"[ \u00a0]+")
MIN_FUZZY_LENGTH = 3
FUZZY_THRESHOLD = 0.75


def transliterate(text: str) -> str:
    """Lower-case Latin letters without diacritics for any Latin or Cyrillic text."""
    lowered = text.lower()
    latin = "".join(_CYRILLIC_TO_LATIN.get(c, _LATIN_LETTERS.get(c, c)) for c in lowered)
    decomposed = unicodedata.normalize("NFKD", latin)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def loose_spelling(word: str) -> str:
    """A word's letters in a spelling where transcriptions of one name agree."""
    form = re.sub(r"[^a-z]", "", transliterate(word))
    for pattern, replacement in _LOOSE_SPELLINGS:
        form = pattern.sub(replacement, form)
    return form


def name_block(form: str) -> str:
    """A coarse key of a loose spelling (its vowels merged): only names in one block can match."""
    return _VOWELS.sub("a", form)


def similar_names(first: str, second: str) -> bool:
    """Whether two loose spellings name the same thing (short ones must be equal)."""
    if first == second:
        return True
    if min(len(first), len(second)) < MIN_FUZZY_LENGTH:
        return False
    longest = max(len(first), len(second))
    return 1 - _edit_distance(first, second) / longest >= FUZZY_THRESHOLD


def find_names(sentence: str) -> list[str]:
    """Loose spellings of the sentence's names and acronyms, and of each run of several names.

    A name is a capitalised word that does not open the sentence (the opening word is
    capitalised anyway) or an acronym of two letters or more anywhere.
    """
    first = _WORD.search(sentence)
    names: list[str] = []
    run: list[str] = []
    previous_end = -1
    for match in _CAPITALISED.finditer(sentence):
        word = match.group()
        if first is not None and match.start() == first.start() and not _is_acronym(word):
            continue
        if previous_end < 0 or not _NAME_GAP.fullmatch(sentence, previous_end, match.start()):
            _close_run(run, names)
        form = loose_spelling(word)
        if form:
            names.append(form)
            run.append(form)
        previous_end = match.end()
    _close_run(run, names)
    return names


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _close_run(run: list[str], names: list[str]) -> None:
    if len(run) > 1:
        names.append("".join(run))
    run.clear()


def _edit_distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]
