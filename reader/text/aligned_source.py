"""Two language versions as a bilingual file gives them (a translation memory, a two-column
table): the file's segments are the sentences, and its translation units the alignment."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from reader.text.source_document import Block, SourceDocument, normalise_text, place_blocks

# Sentence spans of one version: per paragraph, (start, end) offsets into its body text.
SentenceSpans = tuple[tuple[tuple[int, int], ...], ...]
# One row of a file's alignment: sentence positions of the source and of the target.
FileBead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class TranslationUnit:
    """One unit of a bilingual file: its source and target sentences (either may be none),
    and whether each side goes on the paragraph before it rather than starting one."""

    source: tuple[str, ...]
    target: tuple[str, ...]
    source_continues: bool = False
    target_continues: bool = False


@dataclass(frozen=True)
class AlignedSource:
    """The two versions of a bilingual file, their sentences and the file's own alignment."""

    source: SourceDocument
    target: SourceDocument
    source_sentences: SentenceSpans
    target_sentences: SentenceSpans
    beads: tuple[FileBead, ...]


def build_aligned_source(units: Sequence[TranslationUnit], source_language: str,
                         target_language: str, file_format: str,
                         title: str | None = None) -> AlignedSource:
    """The two versions of a file's units: a paragraph per unit unless a side continues the
    one before, the segments as sentences (one space between two of a paragraph), a bead
    per unit. Units with no text on either side are left out; ValueError when none is left."""
    kept = [u for u in units if any(_clean(s) for s in (*u.source, *u.target))]
    if not kept:
        raise ValueError("no translation units with text")
    source, source_spans, source_beads = _version(
        [tuple(_clean(s) for s in u.source) for u in kept],
        [u.source_continues for u in kept], source_language, file_format, title)
    target, target_spans, target_beads = _version(
        [tuple(_clean(s) for s in u.target) for u in kept],
        [u.target_continues for u in kept], target_language, file_format, title)
    return AlignedSource(source, target, source_spans, target_spans,
                         tuple(zip(source_beads, target_beads, strict=True)))


def _clean(segment: str) -> str:
    """A segment as one line: line ends and runs of spaces become one space."""
    return " ".join(normalise_text(segment).split())


def _version(units: Sequence[tuple[str, ...]], continues: Sequence[bool], language: str,
             file_format: str, title: str | None
             ) -> tuple[SourceDocument, SentenceSpans, list[tuple[int, ...]]]:
    """One side: its paragraphs, sentence spans and each unit's sentence positions."""
    paragraphs: list[list[str]] = []
    beads: list[tuple[int, ...]] = []
    count = 0
    for sentences, joins in zip(units, continues, strict=True):
        sentences = tuple(s for s in sentences if s)
        if sentences and (not joins or not paragraphs):
            paragraphs.append([])
        if sentences:
            paragraphs[-1].extend(sentences)
        beads.append(tuple(range(count, count + len(sentences))))
        count += len(sentences)
    placed, body = place_blocks(Block(" ".join(p)) for p in paragraphs)
    spans: list[tuple[tuple[int, int], ...]] = []
    for paragraph, texts in zip(placed, paragraphs, strict=True):
        offset = paragraph.start
        row = []
        for sentence in texts:
            row.append((offset, offset + len(sentence)))
            offset += len(sentence) + 1
        spans.append(tuple(row))
    # The sentence units are part of the text's identity: the same text split otherwise (or
    # in another language) is another document.
    fingerprint = json.dumps([language, paragraphs], ensure_ascii=False)
    document = SourceDocument(
        body_text=body, paragraphs=placed,
        content_hash=hashlib.sha256(fingerprint.encode("utf-8")).hexdigest(),
        title=title, language=language, metadata={"format": file_format})
    return document, tuple(spans), beads
