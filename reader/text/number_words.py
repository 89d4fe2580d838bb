"""Numbers written as words ("three", "tres", "tre", "три", "tolv", "twenty-five"), per language.

No library covers all five languages: text2num (MIT) has English and Spanish but no Swedish,
Norwegian or Russian, number-parser (BSD, last release 2023) has no Swedish or Norwegian, and
babel carries no CLDR spell-out rules. So each language has a small table of the words from one
to ninety-nine and the hundreds; the scale words after them ("dos millones", "три миллиона")
come from CLDR through `reader.text.numbers.read_scale`. Russian words are matched by stem so
that every case reads ("трёх", "сорока восьми"). Words that are also ordinary words ("one" as a
pronoun, Swedish "en"/"ett", Spanish "un") are left out: the check only uses number words to
see that a figure of the other side is there.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from reader.text.numbers import NumberMention, read_scale

# Units (2–19) and tens (20–90) as written; a compound is tens + units.
_UNITS: dict[str, dict[str, int]] = {
    "en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
           "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
           "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
           "veintiuno": 21, "veintiún": 21, "veintidós": 22, "veintitrés": 23,
           "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintisiete": 27,
           "veintiocho": 28, "veintinueve": 29},
    "sv": {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
           "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
           "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19},
    "nb": {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8,
           "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14,
           "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19},
    # Russian stems: every case form starts with them ("двух", "трём", "пятью", "сорока").
    "ru": {"два": 2, "двух": 2, "двум": 2, "двумя": 2, "две": 2, "три": 3, "трех": 3,
           "трёх": 3, "трем": 3, "трём": 3, "тремя": 3, "четыр": 4, "пят": 5, "шест": 6,
           "сем": 7, "восем": 8, "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11,
           "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
           "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19},
}
_TENS: dict[str, dict[str, int]] = {
    "en": {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90, "hundred": 100},
    "es": {"veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
           "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100},
    "sv": {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70,
           "åttio": 80, "nittio": 90, "hundra": 100},
    "nb": {"tjue": 20, "tretti": 30, "førti": 40, "femti": 50, "seksti": 60, "sytti": 70,
           "åtti": 80, "nitti": 90, "hundre": 100},
    "ru": {"двадцат": 20, "тридцат": 30, "сорок": 40, "пятьдесят": 50, "пятидесят": 50,
           "шестьдесят": 60, "шестидесят": 60, "семьдесят": 70, "семидесят": 70,
           "восемьдесят": 80, "восьмидесят": 80, "девяност": 90, "сто": 100, "ста": 100},
}
# Words that join tens and units ("treinta y dos"); the Germanic languages glue them.
_JOINERS = {"en": r"[-\s]", "es": r"\s+y\s+", "sv": "", "nb": "", "ru": r"\s+"}
# Whole phrases: one and a half, and "a"/"one" before a unit of measure ("about a mile").
_PHRASES: dict[str, list[tuple[str, str]]] = {
    "en": [(r"one and a half|a mile and a half", "1.5"),
           (r"(?:a|an|one)(?=\s+(?:mile|foot|inch|yard|pound|acre|gallon|kilomet|metre|meter"
            r"|kilo|hectare|ton)\w*\b)", "1")],
    "es": [(r"uno y medio|una y media|kilómetro y medio|metro y medio", "1.5")],
    "sv": [(r"en och en halv|ett och ett halvt|en och halv|halvannan", "1.5")],
    "nb": [(r"en og en halv|ett og et halvt|halvannen", "1.5")],
    "ru": [(r"полтор[аы]\w*", "1.5")],
}
_STEMMED = frozenset({"ru"})
# The case endings of Russian cardinals after their stems ("пят-ь", "пят-и", "четыр-ьмя").
_RUSSIAN_ENDINGS = r"(?:ьмя|ью|ех|ёх|ем|ём|ь|и|е|а|о)?"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


@cache
def _pattern(language: str) -> re.Pattern[str] | None:
    units, tens = _UNITS.get(language), _TENS.get(language)
    if units is None or tens is None:
        return None
    ending = _RUSSIAN_ENDINGS if language in _STEMMED else ""
    unit_words = rf"(?:{_alternation(list(units))}){ending}"
    ten_words = rf"(?:{_alternation(list(tens))}){ending}"
    joiner = _JOINERS[language]
    # the letters a number word starts with, looked at first: the engine skips ahead to them
    firsts = "".join(sorted({re.escape(word[0]) for word in (*units, *tens)}))
    return re.compile(
        rf"(?=[{firsts}])"
        rf"(?<![\w-])(?:(?P<tens>{ten_words})(?:{joiner}(?P<unit_after>{unit_words}))?"
        rf"|(?P<unit>{unit_words}))(?![\w])", re.IGNORECASE)


def _value_of(word: str, table: dict[str, int], stemmed: bool) -> int:
    lowered = word.lower().replace("ё", "е") if stemmed else word.lower()
    if not stemmed:
        return table[lowered]
    for stem in sorted(table, key=len, reverse=True):
        if lowered.startswith(stem.replace("ё", "е")):
            return table[stem]
    return 0


def find_number_words(text: str, language: str) -> list[NumberMention]:
    """Numbers written as words, with a scale word after them read in ("dos millones")."""
    pattern = _pattern(language)
    if pattern is None:
        return []
    stemmed = language in _STEMMED
    mentions = []
    for match in pattern.finditer(text):
        if match.group("unit"):
            value = _value_of(match.group("unit"), _UNITS[language], stemmed)
        else:
            value = _value_of(match.group("tens"), _TENS[language], stemmed)
            if match.group("unit_after"):
                value += _value_of(match.group("unit_after"), _UNITS[language], stemmed)
        if value <= 0:
            continue
        amount = Decimal(value)
        end = match.end()
        scale = read_scale(text, end, language)
        if scale is not None:
            amount, end = amount.scaleb(scale[0]), scale[1]
        mentions.append(NumberMention(match.start(), end, text[match.start():end], amount))
    for phrase, written in _phrases(language):
        for match in phrase.finditer(text):
            mentions.append(NumberMention(match.start(), match.end(), match.group(),
                                          Decimal(written)))
    return sorted(mentions, key=lambda mention: mention.start)


@cache
def _phrases(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])", re.IGNORECASE), value)
                 for rx, value in _PHRASES.get(language, []))
