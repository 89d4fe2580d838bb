"""Turn a source document into everything the library stores about one language version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.text.article_format import parse_article_text
from reader.text.folding import fold
from reader.text.language import UNDETERMINED, detect_language
from reader.text.packing import pack_structure, pack_text
from reader.text.places import find_place
from reader.text.reasons import Reason, ReasonCode
from reader.text.sentences import SentenceSpan, split_sentences
from reader.text.source_document import SourceDocument
from reader.text.source_document import content_hash as content_hash
from reader.text.statistics import count_characters, count_words
from reader.text.title import TITLE_MAX_CHARS, derive_title, shorten


class NotAnArticle(ValueError):
    """The text holds no article body (for example only a source line)."""


@dataclass(frozen=True)
class AnalysedDocument:
    """One language version of an article, ready to be stored."""

    parsed: SourceDocument  # as its file gave it
    language: str
    title: str
    place: str | None
    sentences: tuple[tuple[SentenceSpan, ...], ...]  # per paragraph
    word_count: int
    character_count: int
    content_hash: str
    # The title and the body text folded for the search index (reader.text.folding.fold),
    # done here so that an import's workers fold, not its one writer.
    folded_title: str
    folded_text: str
    # The body text, and its paragraphs and sentences, packed as the library stores them
    # (reader.text.packing), likewise done by the workers.
    packed_text: bytes
    packed_structure: bytes

    @property
    def sentence_count(self) -> int:
        """Number of sentences over all paragraphs."""
        return sum(len(spans) for spans in self.sentences)


def analyse_source(document: SourceDocument, language: str | None = None,
                   sentences: Sequence[Sequence[tuple[int, int]]] | None = None
                   ) -> AnalysedDocument:
    """Identify a document's language (unless given or declared) and split it into sentences,
    unless the file gave them (spans per paragraph, as a bilingual file's segments are)."""
    if not document.paragraphs:
        raise NotAnArticle(Reason(ReasonCode.ONLY_METADATA))
    body = document.body_text
    code = language or document.language or detect_language(body)
    split = sentences is None
    if sentences is None:
        spans = tuple(
            tuple(split_sentences(p.text, code, offset=p.start)) for p in document.paragraphs
        )
    else:
        spans = tuple(tuple(SentenceSpan(start, end) for start, end in paragraph)
                      for paragraph in sentences)
    title = _title(document, code, spans if split else None)
    return AnalysedDocument(
        parsed=document,
        language=code if code else UNDETERMINED,
        title=title,
        place=find_place(document.source_url, body),
        sentences=spans,
        word_count=count_words(body),
        character_count=count_characters(body),
        content_hash=document.content_hash,
        folded_title=fold(title),
        folded_text=fold(body),
        packed_text=pack_text(body),
        packed_structure=pack_structure(
            ((p.kind, p.section, p.start, p.end) for p in document.paragraphs),
            ((p.position, span.start, span.end)
             for p, paragraph in zip(document.paragraphs, spans, strict=True)
             for span in paragraph)),
    )


def _title(document: SourceDocument, language: str,
           sentences: Sequence[Sequence[SentenceSpan]] | None = None) -> str:
    """The title the file declares, else the opening sentence that says what it is about
    (from the sentences split already, when they were split in `language`)."""
    if document.title and document.title.strip():
        return shorten(" ".join(document.title.split()), TITLE_MAX_CHARS)
    return derive_title(document.paragraphs, language, sentences)


def analyse_document(text: str, language: str | None = None) -> AnalysedDocument:
    """Analyse the text of a plain-text article file (the seeds' format)."""
    return analyse_source(parse_article_text(text), language)
