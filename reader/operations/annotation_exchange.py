"""Annotations taken out of the library and brought back in.

Out: any annotation writer of reader.formats (Markdown, CSV, W3C Web Annotation JSON-LD).
In: W3C JSON-LD, read by reader.formats.annotations_w3c and found again in the library's
texts by quote and position. An annotation keeps its uid on the way out and back (one
without an id gets a uid from its content), so importing the same file twice adds nothing the
second time; an id already given to a different annotation is reported, never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.formats.annotations_w3c import (
    InvalidAnnotation,
    W3CAnnotation,
    load_w3c,
    parse_w3c,
    w3c_collection,
)
from reader.formats.annotations_w3c import UnreadableAnnotations as UnreadableAnnotations
from reader.formats.exports import AnnotationExport
from reader.formats.registry import ANNOTATIONS, writer
from reader.store.records import COLOUR_CSS, COLOURS, Annotation
from reader.text.anchoring import TextQuote

if TYPE_CHECKING:
    from reader.store.library import Library

DEFAULT_LABEL = "Parallel Reader annotations"
DEFAULT_COLOUR = "yellow"


@dataclass(frozen=True)
class AnnotationImportReport:
    """What an import of W3C annotations did.

    `imported` counts every annotation added, `orphaned` those of them whose passage was not
    found in the text (kept with their quote), `already_present` those the library holds
    already (same id, same passage; its note and tags may have been edited since).
    `not_found`, `invalid` and `conflicts` hold one line per annotation that was not added; a
    conflict is an annotation whose id is that of a different one in the library (another
    passage): the library's is kept.
    """

    imported: int
    already_present: int
    orphaned: int
    not_found: tuple[str, ...]
    invalid: tuple[str, ...]
    conflicts: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether every annotation of the file is now in the library."""
        return not self.not_found and not self.invalid and not self.conflicts


# -- export ----------------------------------------------------------------------------------


def annotation_export(annotations: Sequence[Annotation],
                      label: str = DEFAULT_LABEL) -> AnnotationExport:
    """What an annotation writer is given: the annotations, a label and the colours' CSS."""
    return AnnotationExport(annotations, label, COLOUR_CSS)


def export_w3c(annotations: Sequence[Annotation], label: str) -> dict[str, Any]:
    """Annotations as a W3C Web Annotation collection (JSON-LD), all on one embedded page."""
    return w3c_collection(annotation_export(annotations, label))


def export_annotations(library: Library, file_format: str, article_id: int | None = None,
                       label: str = DEFAULT_LABEL) -> tuple[bytes, int]:
    """The library's (or one article's) annotations written in a format, newest first, as a
    file's bytes, and how many there are; ValueError for a format no annotation writer has."""
    chosen = writer(ANNOTATIONS, file_format)
    annotations = library.annotations.newest_first(article_id)
    if article_id is not None:
        documents = library.documents_of(article_id)
        label = f"{label}: {documents[0].title}" if documents else label
    return chosen.content(annotation_export(annotations, label)), len(annotations)


# -- import ----------------------------------------------------------------------------------


def read_w3c_file(path: Path) -> object:
    """The JSON data of a W3C annotation file; UnreadableAnnotations when it has none (also
    for a pipe, a device or a file over the size limit: it is never read past that)."""
    from reader.operations.file_reading import os_error_reason, read_regular_file
    from reader.text.file_check import UnreadableFile

    try:
        data = read_regular_file(path)
    except UnreadableFile as error:
        raise UnreadableAnnotations(str(error)) from None
    except OSError as error:
        raise UnreadableAnnotations(os_error_reason(error)) from None
    return load_w3c(data)


def import_w3c(library: Library, data: object) -> AnnotationImportReport:
    """Bring W3C Web Annotations (already decoded from JSON) into the library.

    `data` may be an AnnotationCollection (with embedded pages or bare items), an
    AnnotationPage, one Annotation, or a list of annotations. Each is found in its document
    by quote and position; one whose document is missing or which is malformed is reported,
    never raised. An annotation without an id is known by its content (the same one imported
    again adds nothing); one whose id is that of a different annotation is reported as a
    conflict and the library's is kept. ValueError only when `data` is none of those shapes.
    """
    items = parse_w3c(data)
    documents = {document.uri: document.id for document in library.all_documents()}
    known = _KnownAnnotations(library)
    imported = already_present = orphaned = 0
    not_found: list[str] = []
    invalid: list[str] = []
    conflicts: list[str] = []
    for item in items:
        if isinstance(item, InvalidAnnotation):
            invalid.append(f"{item.name}: {item.reason}")
            continue
        if item.uid in known:
            if known.same_as(item):
                already_present += 1
            else:
                conflicts.append(f"conflicting id: {item.name} (another passage), kept the "
                                 "one in the library")
            continue
        document_id = documents.get(item.source)
        if document_id is None:
            not_found.append(f"{item.name}: no document {item.source} in this library")
            continue
        try:
            added = _store(library, document_id, item)
        except (ValueError, KeyError) as error:
            invalid.append(f"{item.name}: cannot be stored ({error})")
            continue
        known.add(added)
        imported += 1
        if added.orphaned:
            orphaned += 1
    return AnnotationImportReport(imported, already_present, orphaned, tuple(not_found),
                                  tuple(invalid), tuple(conflicts))


class _KnownAnnotations:
    """The uids of a library's annotations, and (read once, on the first clash) what each of
    them says, to tell the same annotation again from another one under the same id."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._uids = library.annotations.uids()
        self._added: dict[str, Annotation] = {}
        self._stored: dict[str, Annotation] | None = None

    def __contains__(self, uid: str) -> bool:
        return uid in self._uids

    def add(self, annotation: Annotation) -> None:
        self._uids.add(annotation.uid)
        self._added[annotation.uid] = annotation

    def same_as(self, item: W3CAnnotation) -> bool:
        """Whether the library's annotation with this item's uid marks the same passage."""
        known = self._added.get(item.uid)
        if known is None:
            if self._stored is None:
                self._stored = {a.uid: a for a in self._library.annotations.newest_first()}
            known = self._stored.get(item.uid)
        if known is None:
            return True
        # The same passage is the same annotation, its note or tags perhaps edited since the
        # file was written (the library's, newer, is kept); another passage is a conflict.
        return known.document_uri == item.source and known.exact == item.exact



def _store(library: Library, document_id: int, item: W3CAnnotation) -> Annotation:
    """Add one read annotation to its document; a colour the reader lacks becomes yellow."""
    colour = item.colour if item.colour in COLOURS else DEFAULT_COLOUR
    return library.annotations.add_from_quote(
        document_id, TextQuote(item.exact, item.prefix, item.suffix), item.start, colour,
        item.note, item.tags, item.uid, item.created, item.modified,
    )
