"""Read the numbers written in a text the way its language writes them.

The decimal mark and the digit-group separator come from CLDR (through babel) for the text's
language: "1.299" is 1299 in Spanish and 1.299 in English; "6,52" is 6.52 in Swedish, Russian,
Norwegian and Spanish and never 652; "9 503" is 9503 where CLDR groups digits with a space
(U+00A0 there; a plain space and U+202F are read the same way). A mark that cannot separate
groups (it is not followed by exactly three digits) is read as a decimal mark, whichever
convention wrote it: "6.5" in Spanish and "6,52" in English are both six and a half or so.

Only digit strings this module's own pattern accepted reach `Decimal`, so "1e3", "NaN" or
"1_000" are never read as numbers. `find_numbers` gives plain numbers: the figure reader builds
on it by looking at the words after a mention (scale words, units, "%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

_SPACES = " \u00a0\u202f"
_MINUS_SIGNS = "-\u2212"
_PLUS_SIGNS = "+"
# Languages whose usage also groups digits with a space where CLDR has another group symbol.
_ALSO_SPACE_GROUPS = frozenset({"es"})
# Languages whose news also groups digits with a dot where CLDR groups them with a space
# (Swedish and Norwegian "45.000"): there a dot before exactly three digits is a group mark.
_ALSO_DOT_GROUPS = frozenset({"sv", "nb", "no", "nn", "da"})
# Language for texts whose language is unknown or has no CLDR data ("und"): CLDR's root
# locale writes numbers like English.
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class NumberMention:
    """A number as written in a text: where it is, how it is written and what it is worth."""

    start: int
    end: int
    surface: str
    value: Decimal


@dataclass(frozen=True)
class NumberFormat:
    """How a language writes numbers, from CLDR: its decimal mark and digit-group separators."""

    decimal: str
    group: str
    # Spanish style guides (RAE, following ISO 80000) group long numbers with a space
    # ("250 000") although CLDR's group symbol is ".": both are read as groups there.
    also_space_groups: bool = False
    also_dot_groups: bool = False

    @property
    def groups_with_space(self) -> bool:
        """Whether digit groups are separated by a space (of any width)."""
        return self.group in _SPACES or self.group.isspace()

    @property
    def group_marks(self) -> str:
        """Characters read as a digit-group separator."""
        if self.groups_with_space:
            return _SPACES + ("." if self.also_dot_groups else "")
        return self.group + (_SPACES if self.also_space_groups else "")

    @property
    def decimal_marks(self) -> str:
        """Characters read as a decimal mark before digits that cannot be a group of three.

        Where groups are separated by spaces both "," and "." are decimal marks (CLDR's
        lenient reading: "1.299" is 1.299 in Swedish).
        """
        if self.also_dot_groups:
            return self.decimal
        return ",." if self.groups_with_space else self.decimal


@cache
def number_format(language: str) -> NumberFormat:
    """The CLDR number symbols of a language (ISO 639 code), English ones when CLDR has none."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        locale = Locale.parse(FALLBACK_LANGUAGE)
    return NumberFormat(decimal=get_decimal_symbol(locale), group=get_group_symbol(locale),
                        also_space_groups=locale.language in _ALSO_SPACE_GROUPS,
                        also_dot_groups=locale.language in _ALSO_DOT_GROUPS)


@cache
def _token_pattern(groups_with_space: bool) -> re.Pattern[str]:
    # A space separates digit groups only before exactly three digits: "9 503", never "2024 2025".
    space = rf"|[{_SPACES}](?=[0-9]{{3}}(?![0-9]))" if groups_with_space else ""
    return re.compile(
        # what a number starts with, looked at first: the engine skips to the next one
        rf"(?=[{_MINUS_SIGNS}{_PLUS_SIGNS}0-9])"
        r"(?<![\w.,])"  # not glued to a word ("G7") or to a mark before it (".5")
        rf"(?P<sign>[{_MINUS_SIGNS}{_PLUS_SIGNS}](?=[0-9]))?"
        rf"(?P<body>[0-9]+(?:(?:[.,]{space})[0-9]+)*)"
        r"(?![0-9_]|[.,][0-9]|[eE][+-]?[0-9])"  # no part of a longer token ("1e3", "1_000")
    )


def find_numbers(text: str, language: str) -> list[NumberMention]:
    """Every number written in the text, read in the language's own number format."""
    if not _DIGIT.search(text):  # what the pattern reads starts with a digit
        return []
    number = number_format(language)
    mentions: list[NumberMention] = []
    spaced = number.groups_with_space or number.also_space_groups
    for match in _token_pattern(spaced).finditer(text):
        sign = match.group("sign") or ""
        # the "-" of "2025 -2030" or "18-NQ" is a dash: a sign follows a space or a bracket
        if sign and match.start() > 0 and not _opens_number(text[match.start() - 1]):
            sign = ""
        for part_start, part, value in _parts(match.group("body"), number):
            part_sign = sign if part_start == 0 else ""
            if part_sign and part_sign in _MINUS_SIGNS:
                value = -value
            start = match.start("body") + part_start - len(part_sign)
            end = match.start("body") + part_start + len(part)
            mentions.append(NumberMention(start, end, text[start:end], value))
    return mentions


def parse_number(surface: str, language: str) -> Decimal | None:
    """The value of a string that is exactly one number in the language's format, else None."""
    text = surface.strip()
    mentions = find_numbers(text, language)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(text):
        return mentions[0].value
    return None


def _opens_number(character: str) -> bool:
    return character.isspace() or character in "([{«“\"'/:;=≈~<>"


def _parts(body: str, number: NumberFormat) -> list[tuple[int, str, Decimal]]:
    """The body as one number, or cut at spaces when its groups cannot be one ("2024 350"):
    each part's place in the body, its digits and its value (parts with none left out)."""
    value = _value(body, number)
    if value is not None:
        return [(0, body, value)]
    if not any(c in _SPACES for c in body):
        return []
    parts = []
    for piece in _NOT_SPACE.finditer(body):
        part = piece.group()
        if (part_value := _value(part, number)) is not None:
            parts.append((piece.start(), part, part_value))
    return parts


_RUN = re.compile(r"[0-9]+")
_DIGIT = re.compile(r"[0-9]")
_NOT_SPACE = re.compile(rf"[^{_SPACES}]+")


def _value(body: str, number: NumberFormat) -> Decimal | None:
    """Read digits and marks ("20 699,5") as a value, or None when no reading fits."""
    if body.isdigit():  # most numbers: digits alone (the pattern lets no other digit in)
        return Decimal(body)
    runs = _RUN.findall(body)
    marks = _RUN.sub("", body)
    if not marks:
        return Decimal(body)
    last = marks[-1]
    if last in number.decimal_marks and (
        len(marks) == 1 or _is_grouped(runs[:-1], marks[:-1], number)
    ):
        return Decimal("".join(runs[:-1]) + "." + runs[-1])
    if _is_grouped(runs, marks, number):
        return Decimal("".join(runs))
    if len(marks) == 1 and last in ".,":
        return Decimal(runs[0] + "." + runs[1])  # a decimal mark of the other convention
    return None


def _is_grouped(runs: list[str], marks: str, number: NumberFormat) -> bool:
    return (
        all(mark in number.group_marks for mark in marks)
        and 1 <= len(runs[0]) <= 3
        and all(len(run) == 3 for run in runs[1:])
    )


@cache
def scale_words(language: str) -> tuple[tuple[str, int], ...]:
    """The language's scale words and their powers of ten, longest first, from CLDR.

    Built from the compact decimal formats (long and short, every plural form): Spanish
    "mil millones" is 10^9 and "billones" 10^12, English "billion" 10^9, Russian "млрд" 10^9.
    One-letter short forms ("K", "M", "B", "k") are left out: in running text they are letters.
    """
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        locale = Locale.parse(FALLBACK_LANGUAGE)
    words: dict[str, int] = {}
    for forms in locale.compact_decimal_formats.values():
        for patterns in forms.values():
            for magnitude, pattern in patterns.items():
                text = str(getattr(pattern, "pattern", pattern)).replace("'", "")
                zeros = text.count("0")
                word = " ".join(text.replace("0", " ").replace("¤", " ").split())
                if zeros == 0 or len(word) < 2:
                    continue
                power = len(str(magnitude)) - 1 - (zeros - 1)
                words.setdefault(word.lower(), power)
    return tuple(sorted(words.items(), key=lambda item: (-len(item[0]), item[0])))


# Scale abbreviations and inflections news writes that CLDR's compact formats do not list:
# "bn", "tn", "mln", Russian "тыс." and every case of "тысяча", "миллион", "миллиард".
_EXTRA_SCALES: dict[str, list[tuple[str, int]]] = {
    "": [(r"bn\b", 9), (r"tn\b", 12), (r"mln\b\.?", 6), (r"mld\b\.?", 9)],
    "ru": [(r"тыс\.", 3), (r"тысяч[а-яё]*", 3), (r"млн\b\.?", 6), (r"млрд\b\.?", 9),
           (r"трлн\b\.?", 12), (r"миллион[а-яё]*", 6), (r"миллиард[а-яё]*", 9),
           (r"триллион[а-яё]*", 12)],
    "sv": [(r"mdr\b", 9), (r"mn\b", 6), (r"miljon\w*", 6), (r"miljard\w*", 9)],
    "nb": [(r"mrd\.?", 9), (r"mill\.", 6), (r"million\w*", 6), (r"milliard\w*", 9)],
}


@cache
def _extra_scales(language: str) -> tuple[re.Pattern[str], tuple[int, ...]]:
    """The language's extra scale words as one pattern, a group for each in order (the first
    that matches wins, as when they are tried one by one: each starts with a letter, so only
    after every space), and each group's power of ten."""
    entries = _EXTRA_SCALES.get(language, []) + _EXTRA_SCALES[""]
    alternatives = "|".join(f"({rx})" for rx, _power in entries)
    return (re.compile(rf"[{_SPACES}]*(?:{alternatives})", re.IGNORECASE),
            tuple(power for _rx, power in entries))


@cache
def _scale_pattern(language: str) -> re.Pattern[str] | None:
    words = scale_words(language)
    if not words:
        return None
    alternatives = "|".join(
        re.escape(word).replace(r"\ ", rf"[{_SPACES}]+") + ("" if word.endswith(".") else r"\b")
        for word, _power in words
    )
    return re.compile(rf"[{_SPACES}]*(?P<word>{alternatives})", re.IGNORECASE)


def read_scale(text: str, position: int, language: str) -> tuple[int, int] | None:
    """The scale word right after `position` ("1.299 millones"): its power of ten and end."""
    pattern = _scale_pattern(language)
    match = pattern.match(text, position) if pattern is not None else None
    if match is None:
        extra, powers = _extra_scales(language.split("-")[0].split("_")[0].lower())
        found = extra.match(text, position)
        if found is None:
            return None
        return powers[found.lastindex - 1], found.end()  # type: ignore[operator]
    word = " ".join(match.group("word").lower().split())
    power_of_word = dict(scale_words(language)).get(word)
    return (power_of_word, match.end()) if power_of_word is not None else None
