"""A translation pair written out: two language versions of an article and their alignment,
as a file of one of the translation-pair writers (TMX, XLIFF, TSV, HTML, DOCX)."""

from __future__ import annotations

from collections.abc import Sequence

from reader import __version__
from reader.formats.exports import PairExport, PairRow
from reader.operations.aligning import ensure_alignment
from reader.store.library import Library
from reader.store.records import DocumentInfo, SentenceRecord


class NoPair(ValueError):
    """An article that has no such pair of language versions; the message says why."""


def choose_pair(documents: Sequence[DocumentInfo],
                languages: Sequence[str] | None = None) -> tuple[DocumentInfo, DocumentInfo]:
    """The two versions to write: those of the languages asked for, in that order, else the
    article's first two; NoPair saying why there are none."""
    if languages is None:
        if len(documents) < 2:
            raise NoPair("the article has one language version: a pair needs two")
        return documents[0], documents[1]
    if len(languages) != 2 or languages[0] == languages[1]:
        raise NoPair("name two different languages, such as es,en")
    found = {document.language: document for document in documents}
    missing = [code for code in languages if code not in found]
    if missing:
        have = ", ".join(found) or "none"
        raise NoPair(f"the article has no {', '.join(missing)} version (it has {have})")
    return found[languages[0]], found[languages[1]]


def pair_export(library: Library, article_id: int,
                languages: Sequence[str] | None = None) -> PairExport:
    """An article's pair of versions with their alignment (aligned first when it is not
    current), a row per bead."""
    if not library.article_exists(article_id):
        raise NoPair(f"no article {article_id} in the library")
    source, target = choose_pair(library.documents_of(article_id), languages)
    alignment = ensure_alignment(library, source.id, target.id)
    left = library.sentences(source.id)
    right = library.sentences(target.id)
    rows: list[PairRow] = []
    last_left: SentenceRecord | None = None
    last_right: SentenceRecord | None = None
    for bead in alignment.beads:
        sources = [left[i] for i in bead.source]
        targets = [right[j] for j in bead.target]
        rows.append(PairRow(
            tuple(s.text for s in sources), tuple(t.text for t in targets), bead.score,
            bead.manual, _continues(last_left, sources), _continues(last_right, targets)))
        last_left = sources[-1] if sources else last_left
        last_right = targets[-1] if targets else last_right
    return PairExport(source.title, source.language, target.language, rows, __version__)


def _continues(previous: SentenceRecord | None, sentences: Sequence[SentenceRecord]) -> bool:
    """Whether a bead's side goes on the paragraph of the sentence before it."""
    return bool(previous is not None and sentences
                and sentences[0].paragraph == previous.paragraph)


def export_pair(library: Library, article_id: int, file_format: str,
                languages: Sequence[str] | None = None) -> tuple[bytes, int]:
    """An article's translation pair as a file of a format (a writer's name), and its rows."""
    from reader.formats.registry import TRANSLATION_PAIR, writer

    chosen = writer(TRANSLATION_PAIR, file_format)
    pair = pair_export(library, article_id, languages)
    return chosen.content(pair), len(pair.rows)
