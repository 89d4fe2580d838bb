"""Find the figures a text reports: percentages, money, measures, counts, ranks and ratios.

Numbers are read by `reader.text.numbers` in the text's own format (CLDR separators), scale words
come from CLDR's compact decimal formats ("mil millones" 10^9, "billones" 10^12, "billion"
10^9), measures and currency names from CLDR unit and currency names where babel has them, plus
the short forms news text uses ("VND", "dólares", "донгов"). Every value is read as written: the
Spanish seed's "3.312 billones de VND" is a thousand times the English "3,312 billion VND".

Not figures: dates and years, periods ("2025–2030"), document numbers ("18-NQ/TW"), ordinals of
congresses and terms ("13th", "15:e", "12-го созыва"), identifiers ("riksvei 279", "fase 1") and
numbers inside addresses. A number without a unit is a figure only when a scale word or a
qualifier ("more than 500") says it is a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from reader.text.numbers import NumberMention, find_numbers, read_scale
from reader.text.versions import FIGURE_EXTRACTOR_VERSION as FIGURE_EXTRACTOR_VERSION

LABEL_MAX_CHARS = 60


@dataclass(frozen=True)
class Figure:
    """A figure the text reports: where it is, its expanded value, unit, kind and label."""

    surface: str
    start: int
    end: int
    value: Decimal
    unit: str
    kind: str  # percent, money, measure, count, rank or ratio
    qualifier: str  # over, nearly, about, under or exact
    label: str

    def __reduce__(self) -> tuple[type[Figure], tuple[str, int, int, Decimal, str, str, str,
                                                      str]]:
        """Pickled as its fields in order, without their names (an import's workers send
        a few dozen a file)."""
        return Figure, (self.surface, self.start, self.end, self.value, self.unit, self.kind,
                        self.qualifier, self.label)


# ---------------------------------------------------------------- per-language word lists

_PERCENT_WORDS = {
    "en": ["percent", "per cent", "pc"], "es": ["por ciento"], "sv": [r"procent\w*"],
    "nb": [r"prosent\w*"], "ru": [r"процент\w*"],
}
# Short currency names of news text; CLDR's formal names are added from babel.
_CURRENCY_WORDS: dict[str, list[tuple[str, str]]] = {
    "en": [(r"US dollars?|dollars?|USD|\$", "USD"), (r"(?:Vietnamese )?(?:dong|đồng)", "VND"),
           (r"euros?", "EUR"), (r"pounds? sterling", "GBP")],
    "es": [(r"dólares(?: estadounidenses)?|dólar(?: estadounidense)?", "USD"),
           (r"dongs?|đồng", "VND"), (r"euros?", "EUR"),
           (r"libras(?: esterlinas)?|libra(?: esterlina)?", "GBP"), (r"dolares", "USD")],
    "sv": [(r"(?:amerikanska )?dollar", "USD"), (r"dong|đồng", "VND"), (r"euro", "EUR"),
           (r"kronor|kr\.?", "SEK"), (r"pund", "GBP")],
    "nb": [(r"(?:amerikanske )?dollar", "USD"), (r"dong|đồng", "VND"), (r"euro", "EUR"),
           (r"kroner|kr\.?", "NOK"), (r"pund", "GBP")],
    "ru": [(r"(?:доллар\w*|долл\.) США|доллар\w*|долл\.", "USD"),
           (r"(?:вьетнамских )?донг\w*", "VND"), (r"евро", "EUR"), (r"рубл\w*|руб\.", "RUB"),
           (r"фунт\w*(?: стерлингов)?", "GBP")],
}
# Codes read glued to digits ("GBP7.50"); every ISO code CLDR knows is read after a number.
_CURRENCY_CODES = ("VND", "USD", "EUR", "GBP", "JPY", "CNY", "SEK", "NOK", "RUB", "DKK", "CHF",
                   "CAD", "AUD", "HKD", "INR", "NZD")
# Words that name both a currency and a mass ("libras", "pund", "фунтов"): money after a
# scale word ("2800 billones de libras"), a mass otherwise ("250 libras").
_CURRENCY_OR_MASS = re.compile(r"(?:pounds?|libras?|pund|фунт\w*)$", re.IGNORECASE)
# Symbols CLDR does not give in these languages' data, as news writes them.
_SYMBOL_ALIASES = {"C$": "CAD", "NZ$": "NZD", "S$": "SGD"}
_MEASURES = {  # CLDR unit id -> unit of the figure (a name reader.text.figure_check converts)
    "mass-tonne": "tonne", "area-hectare": "hectare", "power-megawatt": "MW",
    "power-kilowatt": "kW", "length-kilometer": "km", "area-square-kilometer": "km2",
    "mass-kilogram": "kg", "energy-kilowatt-hour": "kWh", "volume-cubic-meter": "m3",
    "length-mile": "mi", "length-foot": "ft", "length-inch": "in", "length-yard": "yd",
    "length-meter": "m", "length-centimeter": "cm", "length-millimeter": "mm",
    "mass-pound": "lb", "area-acre": "acre", "volume-gallon": "gal", "volume-liter": "L",
    "temperature-fahrenheit": "°F", "temperature-celsius": "°C", "temperature-generic": "°",
    "speed-mile-per-hour": "mph", "speed-kilometer-per-hour": "km/h",
    "area-square-mile": "mi2", "area-square-meter": "m2",
}
# Short CLDR unit forms that are ordinary words in running text ("in", Spanish "mi").
_MEASURE_STOP = {"en": {"in", "ac"}, "es": {"mi", "ac"}, "sv": {"ac"}, "nb": {"ac"},
                 "ru": {"ми"}}
_MEASURE_WORDS: dict[str, list[tuple[str, str]]] = {
    "en": [(r"tonnes?|tons?", "tonne"), (r"hectares?|ha", "hectare"), (r"degrees?", "°"),
           (r"kilos?", "kg"), (r"metres?", "m"), (r"centimetres?", "cm"),
           (r"kilometres?", "km"), (r"litres?", "L")],
    "es": [(r"toneladas?", "tonne"), (r"hectáreas?", "hectare"), (r"grados?", "°"),
           (r"kilos?", "kg"), (r"kilómetros? por hora|km/h", "km/h")],
    "sv": [(r"ton", "tonne"), (r"hektar", "hectare"), (r"grader", "°"), (r"kilo", "kg"),
           (r"km/tim|km/t", "km/h"), (r"mil", "mil")],
    "nb": [(r"tonn", "tonne"), (r"hektar|dekar", "hectare"), (r"grader", "°"),
           (r"kilo", "kg"), (r"km/t", "km/h"), (r"mil", "mil")],
    "ru": [(r"тонн\w*", "tonne"), (r"гектар\w*|га", "hectare"), (r"км/ч", "km/h"),
           (r"градус\w*(?: тепла)?", "°"), (r"килограмм\w*|кг|кило", "kg"),
           (r"сантиметр\w*|см", "cm"), (r"километр\w*|км(?!/)", "km"), (r"метр\w*|м", "m"),
           (r"мил[ьяие]\w*", "mi"), (r"фут\w*", "ft"), (r"дюйм\w*", "in")],
}
# Counted things: a noun (after at most two modifiers) and the lemma the figure is counted in.
_COUNT_WORDS: dict[str, list[tuple[str, str]]] = {
    "en": [(r"administrative procedures?", "administrative procedure"),
           (r"administrative units?", "administrative unit"), (r"communes?", "commune"),
           (r"wards?", "ward"), (r"groups? of tasks", "task group"),
           (r"tourists?|visitors?", "tourist"), (r"people|persons?", "person"),
           (r"party members?", "party member"), (r"households?", "household"),
           (r"enterprises?|businesses|companies|firms", "enterprise"), (r"projects?", "project"),
           (r"schools?", "school"), (r"jobs?", "job"), (r"workers?", "worker")],
    "es": [(r"procedimientos administrativos|procedimientos?", "administrative procedure"),
           (r"unidades administrativas?|unidad administrativa", "administrative unit"),
           (r"comunas?", "commune"), (r"distritos?|barrios?", "ward"),
           (r"grupos? de tareas", "task group"), (r"turistas?|visitantes?", "tourist"),
           (r"personas?", "person"), (r"militantes|miembros del partido", "party member"),
           (r"hogares|familias", "household"), (r"empresas?", "enterprise"),
           (r"proyectos?", "project"), (r"escuelas?", "school"), (r"empleos?", "job"),
           (r"trabajadores", "worker")],
    "sv": [(r"administrativa förfaranden", "administrative procedure"),
           (r"kommuner", "commune"), (r"turister", "tourist"), (r"personer|människor", "person"),
           (r"partimedlemmar", "party member"), (r"hushåll", "household"),
           (r"företag", "enterprise"), (r"projekt", "project"), (r"skolor", "school"),
           (r"arbetstillfällen|jobb", "job"), (r"vattenkraftverk", "hydropower plant")],
    "nb": [(r"kommuner", "commune"), (r"turister", "tourist"), (r"personer|mennesker", "person"),
           (r"partimedlemmer", "party member"), (r"husholdninger", "household"),
           (r"bedrifter|foretak", "enterprise"), (r"prosjekter", "project"),
           (r"skoler", "school"), (r"arbeidsplasser|jobber", "job")],
    "ru": [(r"административн\w+ процедур\w*", "administrative procedure"),
           (r"коммун\w*", "commune"), (r"групп\w* задач", "task group"),
           (r"туристов|туриста", "tourist"), (r"человек", "person"),
           (r"член\w* партии", "party member"), (r"ячейк\w*|ячеек", "party cell"),
           (r"организаци\w*", "organization"), (r"ограничени\w*", "limitation"),
           (r"урок\w*", "lesson"), (r"домохозяйств\w*|семей", "household"),
           (r"предприяти\w*", "enterprise"), (r"проект\w*", "project"), (r"школ\w*", "school")],
}
_QUALIFIERS: dict[str, dict[str, list[str]]] = {
    "en": {"over": ["over", "more than", "above", "in excess of", "upwards of"],
           "nearly": ["nearly", "almost", "close to"],
           "about": ["about", "around", "approximately", "some", "roughly"],
           "under": ["under", "less than", "below", "fewer than"]},
    "es": {"over": ["más de", "superior al", "superior a", "por encima del?"],
           "nearly": ["casi", "cerca del?"],
           "about": ["alrededor del?", "aproximadamente", "unos", "unas", "cerca de unos"],
           "under": ["menos de", "inferior al", "inferior a", "por debajo del?"]},
    "sv": {"over": ["över", "mer än", "drygt", "fler än"], "nearly": ["nästan", "närmare"],
           "about": ["cirka", r"ca\.?", "omkring", "ungefär", "runt"],
           "under": ["under", "mindre än", "färre än"]},
    "nb": {"over": ["over", "mer enn", "drøyt", "flere enn"], "nearly": ["nesten", "nærmere"],
           "about": ["cirka", r"ca\.?", "omtrent", "rundt"],
           "under": ["under", "mindre enn", "færre enn"]},
    "ru": {"over": ["более", "свыше", "больше", "более чем"], "nearly": ["почти", "практически"],
           "about": ["около", "примерно", "приблизительно", "порядка"],
           "under": ["менее", "меньше", "не более"]},
}
# Words after a number that make it a duration or an age, not a figure.
_DURATION_WORDS = {
    "en": r"(?:months?|years?|days?|weeks?|hours?|minutes?|decades?)(?:'s?)?",
    "es": r"(?:meses|mes|años?|días?|semanas?|horas?|décadas?)",
    "sv": r"(?:månader|månad|år|dagar|dag|veckor|timmar|decennier)",
    "nb": r"(?:måneder|måned|år|dager|dag|uker|timer|tiår)",
    "ru": r"(?:месяц\w*|год\w*|гг\.|г\.|лет|дн\w*|недел\w*|час\w*)",
}
# Words before a number that make it an identifier (resolution, road, phase, house number).
_IDENTIFIER_WORDS = (
    r"(?:No|Nr|nr|n\.º|nº|núm|№|Resolution|Resolución|resolusjon|resolutionen|Decree|Decreto"
    r"|riksvei|riksväg|väg|fase|phase|etapa|fas|street|road|route|highway|calle|avenida|gatan"
    r"|gate|veien|улица|ул|трасс\w*|шоссе|дорог\w*|этап|Quốc lộ|National Highway|lộ)\.?\s*$"
)
_RANK_AFTER = {  # after the digits of a rank: an ordinal ending and the word "place"
    "en": r"(?:st|nd|rd|th)\s+(?:place|position)\b",
    "es": r"\.?[º°]?\s+(?:puesto|lugar)\b",
    "sv": r":(?:a|e)\s+plats\w*",
    "nb": r"\.\s+plass\w*",
    "ru": r"-?(?:е|й|ое|ом|го)?\s+мест\w*",
}
_RANK_BEFORE = {  # before the digits of a rank ("ranked 4th", "puesto 4", "plats 4")
    "en": r"\b(?:ranked|ranking|ranks|rank)\s+(?:No\.\s*)?$",
    "es": r"\b(?:puesto|lugar|posición)\s+(?:n\.º\s*)?$",
    "sv": r"\b(?:plats|placering)\s+$",
    "nb": r"\b(?:plass|plassering)\s+$",
    "ru": r"\bмест\w*\s+(?:№\s*)?$",
}
_RANK_WORDS = {  # ranks written as words: "первое место", "first place"
    "en": [(r"first|top", 1), ("second", 2), ("third", 3)],
    "es": [(r"primer|primera", 1), ("segundo|segunda", 2), ("tercer|tercera", 3)],
    "sv": [(r"första", 1), ("andra", 2), ("tredje", 3)],
    "nb": [(r"første", 1), ("andre", 2), ("tredje", 3)],
    "ru": [(r"перв\w+", 1), (r"втор\w+", 2), (r"трет\w+", 3)],
}
_RANK_NOUN = {"en": r"(?:place|position)", "es": r"(?:puesto|lugar)", "sv": r"plats\w*",
              "nb": r"plass\w*", "ru": r"мест\w*"}
_ORDINAL_ENDING = (r"(?:st|nd|rd|th|:e|:a|\.?[º°ª]|-(?:[а-яё]{1,3})\b|-?(?:е|й|го|ом)\b"
                   r"|\.(?=\s+[a-zæøåäöа-я]))")
_CONNECTORS = {"en": r"(?:of\s+)?", "es": r"(?:de\s+)?", "sv": "", "nb": "", "ru": ""}
_LABEL_STOP = {
    "en": "a an the and of to by in at on for with from was were is are has have had been be "
          "reached reaching reach increased increasing increase rose fell exceeding exceeded "
          "totaled totalled estimated over more than nearly about under which that this",
    "es": "a al el la los las un una unos unas y de del en con por para que se ha han fue "
          "alcanzó alcanzaron aumentó aumentaron aumentando superando superior más casi "
          "respecto sobre",
    "sv": "och i på med av till för som är var har hade den det de en ett nådde ökade "
          "vilket översteg över nästan cirka uppgick uppskattat",
    "nb": "og i på med av til for som er var har hadde den det de en et nådde økte over "
          "nesten cirka anslått sunket",
    "ru": "и в на с по от до для что это был была были было составил составила составили "
          "достиг достигла достигли достигло увеличился увеличилась увеличившись превысил "
          "превышает более почти около заняв занял заняла заняло имеется принял выявлено было",
}
_MONTHS_EXTRA = {"ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                        "августа", "сентября", "октября", "ноября", "декабря"]}
_BOUNDARY = re.compile(r"[.;:!?](?=\s)|[\n()\[\]«»\"“”]|,(?=\s)|\s[-–—]\s")
_PARENTHESES = re.compile(r"\([^()]*\)")
_SPACE = re.compile(r"[\s\u00a0\u202f]*")
_WORD = r"[^\W\d_][\w-]*"
# The patterns of the extraction's hot paths, compiled once (re's own cache costs a lookup a
# call, and a text has hundreds of numbers to look around).
_IDENTIFIER = re.compile(_IDENTIFIER_WORDS)
_ORDINAL = re.compile(_ORDINAL_ENDING)
_MINUTES_AFTER = re.compile(r":[0-5][0-9](?![0-9])")
_WEB_PAGE = re.compile(r"\.html?\b")
_DASH_LETTER = re.compile(r"-[^\W\d_]")
_SLASH_LETTER = re.compile(r"/[^\W\d_]")
_LETTER_DASH_END = re.compile(r"[^\W\d_]-$")
_DASH_YEAR = re.compile(r"\s*[-–—]\s*[0-9]{4}(?![0-9])")
_YEAR_DASH_END = re.compile(r"[0-9]{4}\s*[-–—]\s*$")
_DATE_AFTER = re.compile(r"[./][0-9]{1,2}[./][0-9]{2,4}")
_DATE_MARK = re.compile(r"[/.-][0-9]")
_CURRENCY_END = re.compile(r"(?:US\$|\$|€|[A-Z]{3})\s?$")
_SENTENCE_BREAK = re.compile(r"[.;:!?](?=\s)|\n")
_WORD_WITH_DIGIT = re.compile(r"(?<!\S)\S*[0-9]")
_NOT_A_WORD = re.compile(r"[0-9%$€/]")
_BREAK = re.compile(r"[ \n\t]")


@dataclass(frozen=True)
class _Lexicon:
    percent: re.Pattern[str]
    currency_after: re.Pattern[str]
    currency_names: dict[str, str]
    currency_symbols: dict[str, str]
    currency_before: re.Pattern[str]
    measure: re.Pattern[str]
    measure_names: dict[str, str]
    count: re.Pattern[str]
    count_lemmas: list[tuple[re.Pattern[str], str]]
    connector: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifier_of: dict[str, str]
    duration: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    rank_after: re.Pattern[str]
    rank_before: re.Pattern[str]
    rank_words: re.Pattern[str]
    rank_noun: re.Pattern[str]  # the end of every rank_words match: none, no rank word
    rank_word_values: list[tuple[re.Pattern[str], int]]
    stop_words: frozenset[str]
    month_words: frozenset[str]
    # The longest match of currency_before, and of month_before without its trailing space:
    # both end where the text before a number ends, so they are searched for only that far
    # back (the same match, found without trying every earlier position).
    currency_before_reach: int
    month_before_reach: int


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


def _first_letters(alternatives: list[str]) -> str:
    """The letters the alternatives of these patterns start with (each alternative starts
    with a plain letter), for a character class."""
    letters = {word[0] for rx in alternatives for word in rx.split("|")}
    assert all(letter.isalpha() for letter in letters)
    return "".join(sorted(letters))


def _cldr_names(language: str) -> tuple[dict[str, str], dict[str, str]]:
    """Currency and measure names from CLDR for every plural form, mapped to code and unit."""
    from babel.numbers import get_currency_name, list_currencies
    from babel.units import format_unit

    currencies: dict[str, str] = {}
    measures: dict[str, str] = {}
    samples = (1, 2, 5, 21, Decimal("1.5"))
    # The common currencies first, so that a name two share ("dollars") names the common one.
    codes = list(_CURRENCY_CODES) + sorted(set(list_currencies()) - set(_CURRENCY_CODES))
    for code in codes:
        for count in samples:
            try:
                name = get_currency_name(code, count, locale=language)
            except Exception:  # noqa: BLE001 - babel raises several kinds for unknown data
                continue
            if name and name != code:
                currencies.setdefault(name.lower(), code)
    stop = _MEASURE_STOP.get(language, set())
    for unit_id, unit in _MEASURES.items():
        for count in samples:
            for length in ("long", "short"):
                try:
                    formatted = format_unit(count, unit_id, length=length, locale=language)
                except Exception:  # noqa: BLE001
                    continue
                name = " ".join(re.sub(r"[0-9.,\u00a0\u202f]+", " ", str(formatted)).split())
                if len(name) >= 2 and name not in stop or name in ("°", "m", "м"):
                    measures.setdefault(name, unit)
    return currencies, measures


def _currency_symbols(language: str) -> dict[str, str]:
    """Currency symbols CLDR gives in the language and in English ("£", "€", "A$", "HK$",
    "CA$", "₽"), each to its code; symbols that are letters only ("kr", "RUB") are left out,
    they are read as names or codes."""
    from babel import Locale
    from babel.numbers import list_currencies

    symbols: dict[str, str] = dict(_SYMBOL_ALIASES)
    codes = list(_CURRENCY_CODES) + sorted(set(list_currencies()) - set(_CURRENCY_CODES))
    for locale_name in (language, "en", "en_GB"):
        try:
            table = Locale.parse(locale_name).currency_symbols
        except Exception:  # noqa: BLE001 - no CLDR data for the language
            continue
        for code in codes:
            symbol = table.get(code, "")
            if symbol and not symbol.isalpha() and not symbol.isdigit():
                symbols.setdefault(symbol, code)
    return symbols


def _lexicon_language(language: str) -> str:
    """The language whose word lists read figures: its own, or English when it has none."""
    return language if language in _QUALIFIERS else "en"


@cache
def _lexicon(language: str) -> _Lexicon:
    lang = _lexicon_language(language)
    cldr_currencies, cldr_measures = _cldr_names(lang)
    symbols = _currency_symbols(lang)
    symbol_alt = _alternation([re.escape(symbol) for symbol in symbols])
    currency_words = [rx for rx, _code in _CURRENCY_WORDS[lang]]
    currency_words += [re.escape(name) for name in cldr_currencies]
    from babel.numbers import list_currencies

    code_set = set(list_currencies()) | set(_CURRENCY_CODES)
    codes = "|".join(sorted(code_set))
    measure_words = [rx for rx, _unit in _MEASURE_WORDS[lang]]
    measure_words += [re.escape(name) for name in cldr_measures]
    qualifier_of: dict[str, str] = {}
    for qualifier, phrases in _QUALIFIERS[lang].items():
        for phrase in phrases:
            qualifier_of.setdefault(phrase, qualifier)
    counts = _COUNT_WORDS[lang]
    months = _month_names(lang)
    month_alt = _alternation([re.escape(m) for m in months])
    rank_words = _RANK_WORDS[lang]
    return _Lexicon(
        percent=re.compile(rf"(?:%|(?:{_alternation(_PERCENT_WORDS[lang])})\b)", re.I),
        currency_after=re.compile(rf"(?:(?-i:{codes})\b|(?:{_alternation(currency_words)})"
                                  rf"(?![^\W\d_])|(?:{symbol_alt}))", re.I),
        currency_names=cldr_currencies,
        currency_symbols=symbols,
        currency_before=re.compile(rf"(?:(?<![\w$])(?:{codes})[\s\u00a0]?|(?:{symbol_alt})"
                                   r"[\s\u00a0]?)$"),
        measure=re.compile(rf"(?:{_alternation(measure_words)})(?![^\W\d_])"),
        measure_names=cldr_measures,
        count=re.compile(rf"(?:{_WORD}\s+){{0,2}}?(?:{_alternation([rx for rx, _ in counts])})"
                         r"(?![\w-])", re.I),
        count_lemmas=[(re.compile(rf"(?:{rx})$", re.I), lemma) for rx, lemma in counts],
        connector=re.compile(_CONNECTORS[lang], re.I),
        qualifier=re.compile(
            rf"(?:^|(?<=[\s(]))(?P<q>{_alternation(list(qualifier_of))})\s+$", re.I),
        qualifier_of=qualifier_of,
        duration=re.compile(rf"{_DURATION_WORDS[lang]}(?![^\W\d_])", re.I),
        month_before=re.compile(rf"(?:{month_alt})\.?\s*$", re.I),
        month_after=re.compile(rf"(?:\.|\s+de)?\s+(?:{month_alt})(?![^\W\d_])", re.I),
        rank_after=re.compile(_RANK_AFTER[lang], re.I),
        rank_before=re.compile(_RANK_BEFORE[lang], re.I),
        rank_words=re.compile(
            # the first letter of a rank word looked at first: the engine skips to the next one
            rf"(?=[{_first_letters([rx for rx, _ in rank_words])}])"
            rf"(?<![^\W\d_])(?P<w>{_alternation([rx for rx, _ in rank_words])})\s+"
            rf"{_RANK_NOUN[lang]}(?![^\W\d_])", re.I),
        rank_noun=re.compile(rf"\s{_RANK_NOUN[lang]}(?![^\W\d_])", re.I),
        rank_word_values=[(re.compile(rf"(?:{rx})$", re.I), v) for rx, v in rank_words],
        stop_words=frozenset(_LABEL_STOP[lang].split()),
        month_words=frozenset(m.lower() for m in months),
        currency_before_reach=max(map(len, [*code_set, *symbols]), default=0) + 1,
        month_before_reach=max(map(len, months), default=0) + 1,
    )


def _month_names(language: str) -> list[str]:
    from babel import Locale

    names = list(_MONTHS_EXTRA.get(language, []))
    months = Locale.parse(language).months
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names += [n.rstrip(".") for n in months[context][width].values() if len(n) > 2]
    return names


# ---------------------------------------------------------------- extraction


def find_figures(text: str, language: str) -> list[Figure]:
    """The figures the text reports, in the order they are written."""
    lang = language.split("-")[0].split("_")[0].lower()
    lex = _lexicon(lang)
    mentions = sorted(find_numbers(text, lang) + _glued_to_codes(text, lang),
                      key=lambda mention: mention.start)
    figures: list[Figure] = []
    skip: set[int] = set()
    for index, mention in enumerate(mentions):
        if index in skip or _excluded(text, mention, lex):
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        ratio = _ratio(text, mention, following)
        if ratio is not None:
            skip.add(index + 1)
            figures.append(_figure(text, mention.start, ratio[1], ratio[0], "ratio", "ratio",
                                   lex, lang))
            continue
        found = _read_after(text, mention, lex, lang)
        if found is not None:
            figures.append(found)
    figures += _word_ranks(text, lex, lang)
    return sorted(figures, key=lambda f: f.start)


def extract_figures_json(text: str, language: str | None) -> list[dict[str, Any]]:
    """The figures as JSON-ready dicts (value as a number) for `reader figures --json`."""
    if not language:
        from reader.text.language import detect_language

        language = detect_language(text)
    return [
        {"surface": f.surface, "start": f.start, "end": f.end, "value": json_number(f.value),
         "unit": f.unit, "kind": f.kind, "qualifier": f.qualifier, "label": f.label}
        for f in find_figures(text, language)
    ]


# Values longer than this are written as strings: JSON readers (and Python's own int to str,
# past 4,300 digits) refuse integers of thousands of digits.
_LONGEST_JSON_NUMBER = 300


def json_number(value: Decimal) -> int | float | str:
    """A Decimal as a JSON number: an int when it is integral, else a float; a string when
    it is too long for a number."""
    if not value.is_finite() or abs(value.adjusted()) > _LONGEST_JSON_NUMBER:
        return str(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


_CAPITAL_DIGIT = re.compile(r"[A-Z][0-9]")
# (A capital looked at first: every code starts with one, and the engine skips to the next.)
_GLUED_CODE = re.compile(rf"(?=[A-Z])(?<![\w$])(?:{'|'.join(_CURRENCY_CODES)})(?=[0-9])")


def _glued_to_codes(text: str, lang: str) -> list[NumberMention]:
    """Amounts glued to a currency code ("GBP7.50"), which the number reader leaves alone
    (a number glued to letters is a name there: "G7", "COP26")."""
    if _CAPITAL_DIGIT.search(text) is None:
        return []  # every code ends in a capital letter before the digit
    mentions = []
    for match in _GLUED_CODE.finditer(text):
        found = find_numbers(" " + text[match.end():match.end() + 40], lang)
        if found and found[0].start == 1:
            first = found[0]
            mentions.append(NumberMention(match.end(), match.end() + first.end - 1,
                                          first.surface, first.value))
    return mentions


# Clock times: "10:15", "7.55am", "3 p.m.", "kl. 15.00", "a las 15:00", "в 15:00".
_CLOCK_AFTER = re.compile(r"(?:[:.][0-5][0-9](?![0-9]))?\s*(?:[ap]\.?\s?m\b\.?|BST|GMT|CET|"
                          r"UTC|ET\b|EST|EDT|PST|PDT|h\b|horas\b|hrs?\b|час)", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"(?:\bkl\.?|\bklockan|\bklokka|\bkloka|\ba las|\bhacia las|"
                           r"\bsobre las|\bde las|\bdesde las|\bhasta las)\s*$", re.IGNORECASE)
_CLOCK_MINUTES = re.compile(r"(?<![0-9.,])[0-2]?[0-9]:$")
# The longest matches of _CLOCK_MINUTES and of _CLOCK_BEFORE without its trailing space
# ("hacia las"), for _ends_with.
_CLOCK_MINUTES_REACH = 3
_CLOCK_BEFORE_REACH = 9


def _clock_time(text: str, mention: NumberMention, before: str) -> bool:
    """Whether a number is (part of) a time of day rather than a quantity."""
    after = text[mention.end:mention.end + 20]
    if _ends_with(_CLOCK_MINUTES, before, _CLOCK_MINUTES_REACH):
        return True  # the minutes of "10:15"
    hour = mention.value < 25 and mention.value >= 0
    if hour and _MINUTES_AFTER.match(after):
        return True
    if hour and _CLOCK_AFTER.match(after):
        return True
    return bool(hour and _ends_with(_CLOCK_BEFORE, before,
                                    _CLOCK_BEFORE_REACH + _trailing_space(before)))


# How far from a number its word (an address, a file name) is looked for.
_TOKEN_REACH = 1000


def _excluded(text: str, mention: NumberMention, lex: _Lexicon) -> bool:
    start, end = mention.start, mention.end
    # The word around the number, looked for within a bounded reach (looking through the
    # whole text for each number made a long text's figures quadratic).
    low = max(0, start - _TOKEN_REACH)
    token_start = _last_break(text, low, start) + 1 or low
    high = min(len(text), end + _TOKEN_REACH)
    token_end = _next_break(text, end, high)
    token = text[token_start:token_end]
    if "://" in token or "www." in token or "@" in token or _WEB_PAGE.search(token):
        return True
    before = text[max(0, start - 30):start]
    after = text[end:end + 40]
    if _IDENTIFIER.search(before) or _clock_time(text, mention, before):
        return True
    if (_DASH_LETTER.match(after) and not lex.rank_after.match(after)
            and not lex.percent.match(after, 1)):
        return True  # "18-NQ/TW", "12-го созыва"; not "14-процентном", "5-procentig"
    if _SLASH_LETTER.match(after) or _LETTER_DASH_END.search(before):
        return True  # "381/QĐ", "NQ-18"
    if _DASH_YEAR.match(after) and _year_like(mention.value):
        return True  # a period "2025–2030"
    if _YEAR_DASH_END.search(before) and _year_like(mention.value):
        return True
    if _ends_with(lex.month_before, before, lex.month_before_reach + _trailing_space(before)) \
            or lex.month_after.match(after):
        return True  # a date: "25 de octubre", "October 25", "14 января"
    # "12.10.2025", "25/10/2017"
    return _DATE_AFTER.match(after) is not None


def _last_break(text: str, low: int, high: int) -> int:
    """Where the last space, line end, tab or no-break space of text[low:high] is, -1 if none:
    the other three looked for only after the last space, as they come after it or not at all
    (what was max(text.rfind(c, low, high) for c in " \\n\\t\\u00a0"))."""
    space = text.rfind(" ", low, high)
    after = max(space + 1, low)
    return max(space, text.rfind("\n", after, high), text.rfind("\t", after, high),
               text.rfind("\u00a0", after, high))


def _next_break(text: str, low: int, high: int) -> int:
    """Where the first space, line end or tab of text[low:high] is, `high` if none."""
    found = _BREAK.search(text, low, high)
    return high if found is None else found.start()


def _ends_with(pattern: re.Pattern[str], text: str, reach: int) -> re.Match[str] | None:
    """pattern.search(text) for a pattern that matches only at the end of the text, and
    never more than `reach` characters: looked for in those last characters alone (what
    comes before them still counts for the pattern's look-behinds). One more character, as
    `$` also matches before a final line break."""
    return pattern.search(text, max(0, len(text) - reach - 1))


def _trailing_space(text: str) -> int:
    return len(text) - len(text.rstrip())


def _year_like(value: Decimal) -> bool:
    return value == value.to_integral_value() and 1900 <= value <= 2100


def _ratio(text: str, mention: NumberMention,
           following: NumberMention | None) -> tuple[Decimal, int] | None:
    """'159/182' read as a ratio (value numerator / denominator, 6 significant digits)."""
    if following is None or text[mention.end:following.start] != "/":
        return None
    if _DATE_MARK.match(text[following.end:following.end + 2]):
        return None  # a date "25/10/2017"
    numerator, denominator = mention.value, following.value
    if not (0 <= numerator <= denominator) or denominator == 0:
        return None
    if _year_like(denominator) and len(text[following.start:following.end]) == 4:
        return None
    quotient = (numerator / denominator).quantize(Decimal("0.000001")).normalize()
    return quotient, following.end


def _read_after(text: str, mention: NumberMention, lex: _Lexicon, lang: str) -> Figure | None:
    value, end = mention.value, mention.end
    before = text[max(0, mention.start - 40):mention.start]
    after = text[end:end + 80]
    # ranks: "4-е место", "ranked 4th", "12th place"
    rank = lex.rank_after.match(after)
    if rank is not None or lex.rank_before.search(before):
        stop = end + (rank.end() if rank is not None else _ordinal_end(after))
        return _figure(text, mention.start, stop, value, "rank", "rank", lex, lang)
    if _ORDINAL.match(after):
        return None  # "13th", "15:e", "12.º mandato"
    scale = read_scale(text, end, lang)
    scaled = False
    if scale is not None:
        value = value.scaleb(scale[0])
        end, scaled = scale[1], True
    position = _SPACE.match(text, end).end()  # type: ignore[union-attr]
    prefix = _ends_with(lex.currency_before, before, lex.currency_before_reach)
    if prefix is not None:
        if not scaled:  # "£125m", "$5k": a one-letter scale glued to an amount of money
            glued = _GLUED_SCALE.match(text, end)
            if glued is not None:
                value, end = value.scaleb(_GLUED_POWERS[glued.group(1).lower()]), glued.end()
        start = mention.start - len(prefix.group())
        value, end = _minor_units(text, end, value, lex)
        return _figure(text, start, end, value, _currency_code(prefix.group(), lex), "money",
                       lex, lang)
    percent = lex.percent.match(text, position)
    if percent is None and text.startswith("-", end):
        percent = lex.percent.match(text, end + 1)  # "14-процентном", "5-procentig"
    if percent is not None:
        return _figure(text, mention.start, percent.end(), value, "percent", "percent", lex,
                       lang)
    unit_at = position
    if scaled:
        connector = lex.connector.match(text, position)
        if connector is not None:
            unit_at = connector.end()
    currency = lex.currency_after.match(text, unit_at)
    if currency is not None and not (_CURRENCY_OR_MASS.match(currency.group()) and not scaled):
        value, stop = _minor_units(text, currency.end(), value, lex)
        return _figure(text, mention.start, stop, value,
                       _currency_code(currency.group(), lex), "money", lex, lang)
    measure = lex.measure.match(text, unit_at)
    if measure is not None:
        return _figure(text, mention.start, measure.end(), value,
                       _measure_unit(measure.group(), lex, lang), "measure", lex, lang)
    if lex.duration.match(text, position):
        return None
    count = lex.count.match(text, unit_at)
    if count is not None:
        return _figure(text, mention.start, count.end(), value, _count_lemma(count.group(), lex),
                       "count", lex, lang)
    if _year_like(mention.value) and not scaled:
        return None
    if scaled or _qualifier(text, mention.start, lex) != "exact":
        return _figure(text, mention.start, end, value, "", "count", lex, lang)
    return None


_GLUED_SCALE = re.compile(r"(m|k|bn|tn)\b", re.IGNORECASE)
_GLUED_POWERS = {"k": 3, "m": 6, "bn": 9, "tn": 12}
# The hundredth part after an amount: "2 kroner og 40 øre", "5 dollars and 50 cents".
_MINOR_UNITS = re.compile(r"\s+(?:og|och|and|y|и)\s+([0-9]{1,2})\s+"
                          r"(?:øre|öre|cents?|pence|céntimos?|копе[а-яё]*)(?![^\W\d_])",
                          re.IGNORECASE)


def _minor_units(text: str, end: int, value: Decimal, lex: _Lexicon) -> tuple[Decimal, int]:
    """An amount with its hundredths added when they follow ("2 kroner og 40 øre" is 2.40)."""
    match = _MINOR_UNITS.match(text, end, min(len(text), end + 40))
    if match is None:
        return value, end
    return value + Decimal(match.group(1)) / 100, match.end()


def _ordinal_end(after: str) -> int:
    match = _ORDINAL.match(after)
    return match.end() if match is not None else 0


def _currency_code(surface: str, lex: _Lexicon) -> str:
    word = " ".join(surface.strip().split())
    if re.fullmatch(r"[A-Z]{3}", word):
        return word
    if word in lex.currency_symbols:
        return lex.currency_symbols[word]
    if word.lower() in lex.currency_names:
        return lex.currency_names[word.lower()]
    for lang_words in _CURRENCY_WORDS.values():
        for rx, code in lang_words:
            if re.fullmatch(rx, word, re.I):
                return code
    return "USD" if "$" in word else ("EUR" if "€" in word else word)


def _measure_unit(surface: str, lex: _Lexicon, lang: str) -> str:
    if surface in lex.measure_names:
        return lex.measure_names[surface]
    for rx, unit in _MEASURE_WORDS[_lexicon_language(lang)]:
        if re.fullmatch(rx, surface, re.I):
            return unit
    return surface


def _count_lemma(surface: str, lex: _Lexicon) -> str:
    for pattern, lemma in lex.count_lemmas:
        if pattern.search(surface):
            return lemma
    return surface


def _word_ranks(text: str, lex: _Lexicon, lang: str) -> list[Figure]:
    if lex.rank_noun.search(text) is None:
        return []  # most texts: found at once, without trying the rank words everywhere
    ranks = []
    for match in lex.rank_words.finditer(text):
        word = match.group("w")
        rank = next(v for pattern, v in lex.rank_word_values if pattern.match(word))
        ranks.append(_figure(text, match.start(), match.end(), Decimal(rank), "rank", "rank",
                             lex, lang))
    return ranks


def _qualifier(text: str, start: int, lex: _Lexicon) -> str:
    before = text[max(0, start - 30):start]
    before = _CURRENCY_END.sub("", before)
    match = lex.qualifier.search(before)
    if match is None:
        return "exact"
    phrase = " ".join(match.group("q").lower().split())
    for candidate, qualifier in lex.qualifier_of.items():
        if re.fullmatch(candidate, phrase, re.I):
            return qualifier
    return "exact"


def _figure(text: str, start: int, end: int, value: Decimal, unit: str, kind: str,
            lex: _Lexicon, lang: str) -> Figure:
    value = Decimal(int(value)) if value == value.to_integral_value() else value.normalize()
    return Figure(surface=text[start:end], start=start, end=end, value=value, unit=unit,
                  kind=kind, qualifier=_qualifier(text, start, lex), label=_label(text, start, lex))


def _label(text: str, start: int, lex: _Lexicon) -> str:
    """What the figure measures: the words of its clause before it, without verbs and links."""
    window = _PARENTHESES.sub(" ", text[max(0, start - 300):start])
    words = _clean(_last_clause(window), lex)
    if not words:
        # a figure in a list ("53 communes, 3 wards"): the subject of the sentence
        sentence = _SENTENCE_BREAK.split(window)[-1]
        words = _clean(_BOUNDARY.split(sentence)[0], lex, until_number=True)
    if not words:
        # the figure opens its sentence ("95 % av befolkningen har ..."): what follows it
        following = _BOUNDARY.split(text[start:start + 200])[0]
        words = _clean(following, lex)
    label = ""
    for word in words:
        if len(label) + len(word) + 1 > LABEL_MAX_CHARS:
            break
        label = f"{label} {word}".strip()
    return label[:1].upper() + label[1:]


# How much of a label's window is looked through first for the clause's boundary.
_CLAUSE_TAIL = 64


def _last_clause(window: str) -> str:
    """_BOUNDARY.split(window)[-1], the text after the window's last boundary, looked for in
    the window's last _CLAUSE_TAIL characters first (most clauses end there). Where neither of
    the two characters before them is a space, no boundary (at most three characters, the
    longest starting with a space) can straddle their start, so the boundaries found from
    there are those a search from the start finds; else, or when there are none, the whole
    window is split."""
    tail = len(window) - _CLAUSE_TAIL
    if tail >= 2 and not window[tail - 1].isspace() and not window[tail - 2].isspace():
        ends = [boundary.end() for boundary in _BOUNDARY.finditer(window, tail)]
        if ends:
            return window[ends[-1]:]
    return _BOUNDARY.split(window)[-1]


def _clean(clause: str, lex: _Lexicon, until_number: bool = False) -> list[str]:
    if until_number:
        clause = _WORD_WITH_DIGIT.split(clause)[0]
    words = [w for w in clause.split()
             if not _NOT_A_WORD.search(w) and w.lower().strip(".,") not in lex.month_words]
    while words and words[-1].lower().strip(",") in lex.stop_words:
        words.pop()
    while words and words[0].lower() in lex.stop_words:
        words.pop(0)
    return words
