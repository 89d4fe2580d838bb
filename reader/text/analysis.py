"""Turn an article file's text into everything the library stores about one language version."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reader.text.article_format import ParsedText, normalise_text, parse_article_text
from reader.text.language import UNDETERMINED, detect_language
from reader.text.places import find_place
from reader.text.sentences import SentenceSpan, split_sentences
from reader.text.statistics import count_characters, count_words
from reader.text.title import derive_title


class NotAnArticle(ValueError):
    """The text holds no article body (for example only a source line)."""


@dataclass(frozen=True)
class AnalysedDocument:
    """One language version of an article, ready to be stored."""

    parsed: ParsedText
    language: str
    title: str
    place: str | None
    sentences: tuple[tuple[SentenceSpan, ...], ...]  # per paragraph
    word_count: int
    character_count: int
    content_hash: str

    @property
    def sentence_count(self) -> int:
        """Number of sentences over all paragraphs."""
        return sum(len(spans) for spans in self.sentences)


def content_hash(text: str) -> str:
    """A fingerprint of a file's text that ignores BOM, line-end style and accent encoding."""
    return hashlib.sha256(normalise_text(text).strip().encode("utf-8")).hexdigest()


def analyse_document(text: str, language: str | None = None) -> AnalysedDocument:
    """Parse the text, identify its language (unless given) and split it into sentences."""
    parsed = parse_article_text(text)
    if not parsed.paragraphs:
        raise NotAnArticle("no article text, only metadata")
    body = parsed.body_text
    code = language or detect_language(body)
    sentences = tuple(
        tuple(split_sentences(p.text, code, offset=p.start)) for p in parsed.paragraphs
    )
    return AnalysedDocument(
        parsed=parsed,
        language=code if code else UNDETERMINED,
        title=derive_title(parsed.paragraphs, code),
        place=find_place(parsed.source_url, body),
        sentences=sentences,
        word_count=count_words(body),
        character_count=count_characters(body),
        content_hash=content_hash(text),
    )
