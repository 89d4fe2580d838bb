"""Identify the language of a text with lingua, as ISO 639-1 codes (Norwegian Bokmål is "nb")."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import Language, LanguageDetector

UNDETERMINED = "und"
# The five languages of the seeds, their close neighbours (so that Danish or Nynorsk is not
# forced into Bokmål) and a few languages readers of regional news import alongside them,
# Arabic, Persian and Hebrew among them (shown right to left).
DETECTABLE_LANGUAGES = (
    "en", "es", "sv", "ru", "nb", "nn", "da", "de", "fr", "pt", "it", "nl", "fi", "pl", "uk",
    "vi", "ar", "fa", "he",
)
# Below this many characters the light models guess; the full models are worth their memory.
SHORT_TEXT_CHARS = 200
# Language is clear well before the end of an article: reading more only costs time.
# (1,000 characters took 4 Bokmål files in 10,000 for Swedish; 2,000 took none.)
SAMPLE_CHARS = 2000
# Most languages are plain from the first 400 characters, read in a quarter of the time of
# SAMPLE_CHARS. The Scandinavian ones are not (400 characters of a Bokmål article can read as
# Swedish or Nynorsk): they are told apart on SAMPLE_CHARS, by a detector of those four only
# (twice as fast, the same answers) when the family itself is beyond doubt. A text the
# detector hesitates over is read on SAMPLE_CHARS by the full detector. (So every file of a
# 10,000-file corpus and 35,000 windows of the seeds get the language SAMPLE_CHARS alone
# gives them; 300 characters took some Spanish for Portuguese.)
QUICK_SAMPLE_CHARS = 400
QUICK_CONFIDENCE = 0.95
CLOSE_NEIGHBOURS = ("nb", "nn", "sv", "da")
# Before each of those steps, glances: the first GLANCE_CHARS, and for the four neighbours the
# first NEIGHBOUR_GLANCES characters, settle a text where they are certain (every other
# language's confidence below the last digit of 1.0, CERTAIN); else the step is taken as
# above. On every file of two corpora (5,000 and 10,000 files) and 2,830 texts of the NTREX
# stories (whole stories, and windows of 2,000 characters from every other line) the glances
# change no answer (a confidence of 0.95 at 200 characters took a Spanish text for
# Portuguese and another for English; certainty took none). They settle three texts in
# four, most Swedish on 600 characters and most Bokmål on 1,400: identification takes three
# quarters of its time before.
GLANCE_CHARS = 200
NEIGHBOUR_GLANCES = (600, 1400)
CERTAIN = 1.0


@cache
def _detector(high_accuracy: bool, codes: tuple[str, ...] = DETECTABLE_LANGUAGES
              ) -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes
    ]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    if not high_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or "und" when it has no words to judge."""
    sample = text[:SAMPLE_CHARS]
    if not any(character.isalpha() for character in sample):
        return UNDETERMINED
    short = len(sample.strip()) < SHORT_TEXT_CHARS
    detector = _detector(high_accuracy=short)
    if not short and len(sample) > QUICK_SAMPLE_CHARS:
        neighbours = False
        for chars, least in ((GLANCE_CHARS, CERTAIN), (QUICK_SAMPLE_CHARS, QUICK_CONFIDENCE)):
            values = detector.compute_language_confidence_values(sample[:chars])
            if not values:
                continue
            top = _code(values[0].language)
            if values[0].value >= least and top not in CLOSE_NEIGHBOURS:
                return top
            family = sum(v.value for v in values if _code(v.language) in CLOSE_NEIGHBOURS)
            if family >= least:
                neighbours = True
                break
        if neighbours:
            detector = _detector(False, CLOSE_NEIGHBOURS)
            for chars in NEIGHBOUR_GLANCES:
                values = detector.compute_language_confidence_values(sample[:chars])
                if values and values[0].value >= CERTAIN:
                    return _code(values[0].language)
    language = detector.detect_language_of(sample)
    return UNDETERMINED if language is None else _code(language)


def _code(language: Language) -> str:
    return str(language.iso_code_639_1.name).lower()
