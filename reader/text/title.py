"""Derive a library title from an article's paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.text.article_format import Paragraph, ParagraphKind
from reader.text.sentences import SentenceSpan, split_sentences

TITLE_MAX_CHARS = 90
# "Comrades: Quan Minh Cuong, Secretary of ..." opens many reports: a roll-call, not a topic.
_ROLL_CALL = re.compile(r"^\w+\s*:\s")


def derive_title(paragraphs: tuple[Paragraph, ...], language: str,
                 sentences: Sequence[Sequence[SentenceSpan]] | None = None) -> str:
    """The opening sentence that says what the article is about, shortened to fit a list.

    `sentences` are the paragraphs' sentences as split_sentences gave them in `language`
    (offsets into the enclosing text, one sequence per paragraph), when they are known
    already: they are not split again.

    A file that opens with its own headline (a short first line without final punctuation,
    followed by the body) is called by it. Otherwise: reports often open with a roll-call
    ("Comrades: ...") and a one-sentence list of who attended; the lead is the first paragraph
    of several sentences after those.
    """
    headline = _headline(paragraphs)
    if headline:
        return shorten(" ".join(headline.split()), TITLE_MAX_CHARS)
    candidates = [index for index, p in enumerate(paragraphs) if p.kind is ParagraphKind.BODY]
    topical = [index for index in candidates if not _ROLL_CALL.match(paragraphs[index].text)]
    split = [(paragraphs[index], _spans(paragraphs[index], language,
                                        None if sentences is None else sentences[index]))
             for index in topical or candidates]
    leads = [(p, spans) for p, spans in split if len(spans) > 1]
    ranked = leads or split
    if not ranked:
        return paragraphs[0].text if paragraphs else ""
    chosen, spans = ranked[0]
    first = chosen.text[spans[0].start : spans[0].end] if spans else chosen.text
    return shorten(first.rstrip(".").strip(), TITLE_MAX_CHARS)


def _spans(paragraph: Paragraph, language: str,
           known: Sequence[SentenceSpan] | None) -> list[SentenceSpan]:
    """A paragraph's sentences as offsets into its own text."""
    if known is None:
        return split_sentences(paragraph.text, language)
    shift = paragraph.start
    return [SentenceSpan(span.start - shift, span.end - shift) for span in known]


def _headline(paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The file's own headline: its first paragraph when that is a heading of two words or more
    with letters in it (not a date or a number alone) and body text follows."""
    if len(paragraphs) < 2 or paragraphs[0].kind is not ParagraphKind.HEADING:
        return None
    text = paragraphs[0].text.strip()
    words = [word for word in text.split() if any(c.isalpha() for c in word)]
    if len(words) < 2 or not any(p.kind is ParagraphKind.BODY for p in paragraphs[1:]):
        return None
    return text


def shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary so that it fits in `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"
