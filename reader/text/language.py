"""Identify the language of a text with lingua, as ISO 639-1 codes (Norwegian Bokmål is "nb")."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

UNDETERMINED = "und"
# The five languages of the seeds, their close neighbours (so that Danish or Nynorsk is not
# forced into Bokmål) and a few languages readers of regional news import alongside them.
DETECTABLE_LANGUAGES = (
    "en", "es", "sv", "ru", "nb", "nn", "da", "de", "fr", "pt", "it", "nl", "fi", "pl", "uk",
    "vi",
)
# Below this many characters the light models guess; the full models are worth their memory.
SHORT_TEXT_CHARS = 200
# Language is clear well before the end of an article: reading more only costs time.
# (1,000 characters took 4 Bokmål files in 10,000 for Swedish; 2,000 took none.)
SAMPLE_CHARS = 2000


@cache
def _detector(high_accuracy: bool) -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        for code in DETECTABLE_LANGUAGES
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
    detector = _detector(high_accuracy=len(sample.strip()) < SHORT_TEXT_CHARS)
    language = detector.detect_language_of(sample)
    if language is None:
        return UNDETERMINED
    return str(language.iso_code_639_1.name).lower()
