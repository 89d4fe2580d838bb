"""Annotations taken out of the library and brought back in.

Out: Markdown to read, CSV for a spreadsheet, and W3C Web Annotation JSON-LD
(https://www.w3.org/TR/annotation-model/) for other annotation tools. In: W3C JSON-LD, found
again in the library's texts by quote and position. An annotation keeps its uid on the way
out and back, so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.store.records import COLOUR_CSS, COLOURS, Annotation
from reader.text.anchoring import TextQuote

if TYPE_CHECKING:
    from reader.store.library import Library

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ORPHANED_MARK = "(place lost when the text changed)"
CSV_FIELDS = ("id", "uid", "article_id", "article_title", "document_id", "language",
              "document_uri", "start", "end", "quote", "prefix", "suffix", "colour", "note",
              "tags", "orphaned", "created_at", "updated_at")

_STYLESHEET = " ".join(f".{name} {{ background-color: {css} }}"
                       for name, css in COLOUR_CSS.items())


@dataclass(frozen=True)
class AnnotationImportReport:
    """What an import of W3C annotations did.

    `imported` counts every annotation added, `orphaned` those of them whose passage was not
    found in the text (kept with their quote). `not_found` and `invalid` hold one line per
    annotation that was not added.
    """

    imported: int
    already_present: int
    orphaned: int
    not_found: tuple[str, ...]
    invalid: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Whether every annotation of the file is now in the library."""
        return not self.not_found and not self.invalid


# -- export ----------------------------------------------------------------------------------


def export_markdown(annotations: Sequence[Annotation]) -> str:
    """Annotations as Markdown to read: a section per article, each passage quoted, then its
    colour, tags and note; articles in order of first appearance, annotations as given."""
    articles: dict[int, list[Annotation]] = {}
    for annotation in annotations:
        articles.setdefault(annotation.article_id, []).append(annotation)
    lines = ["# Annotations", ""]
    if not articles:
        lines += ["No annotations.", ""]
    for group in articles.values():
        languages = list(dict.fromkeys(a.language for a in group))
        title = group[0].article_title or "Untitled"
        lines += [f"## {_one_line(title)} ({', '.join(languages)})", ""]
        for annotation in group:
            lines += [_blockquote(annotation.exact), ""]
            details = [f"*{annotation.colour}*", annotation.language]
            if annotation.tags:
                details.append("tags: " + ", ".join(annotation.tags))
            if annotation.orphaned:
                details.append(ORPHANED_MARK)
            lines += [" · ".join(details), ""]
            if annotation.note.strip():
                lines += [annotation.note.strip(), ""]
    return "\n".join(lines)


def export_csv(annotations: Sequence[Annotation]) -> str:
    """Annotations as CSV, one row each, tags joined by "; "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for a in annotations:
        writer.writerow([a.id, a.uid, a.article_id, a.article_title, a.document_id, a.language,
                         a.document_uri, a.start, a.end, a.exact, a.prefix, a.suffix, a.colour,
                         a.note, "; ".join(a.tags), "true" if a.orphaned else "false",
                         a.created_at, a.updated_at])
    return out.getvalue()


def export_w3c(annotations: Sequence[Annotation], label: str) -> dict[str, Any]:
    """Annotations as a W3C Web Annotation collection (JSON-LD), all on one embedded page."""
    return {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(annotations),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [w3c_annotation(annotation) for annotation in annotations],
        },
    }


def w3c_annotation(annotation: Annotation) -> dict[str, Any]:
    """One annotation in the W3C Web Annotation model."""
    body: list[dict[str, str]] = []
    if annotation.note:
        body.append({"type": "TextualBody", "value": annotation.note, "format": "text/plain",
                     "purpose": "commenting"})
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"}
             for tag in annotation.tags]
    item: dict[str, Any] = {
        "id": f"urn:uuid:{uuid.UUID(hex=annotation.uid)}",
        "type": "Annotation",
        "created": annotation.created_at,
        "modified": annotation.updated_at,
        "motivation": "commenting" if annotation.note else "highlighting",
    }
    if body:
        item["body"] = body
    item["target"] = {
        "source": annotation.document_uri,
        "styleClass": annotation.colour,
        "selector": [
            {"type": "TextQuoteSelector", "exact": annotation.exact,
             "prefix": annotation.prefix, "suffix": annotation.suffix},
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ],
    }
    item["stylesheet"] = {"type": "CssStylesheet", "value": _STYLESHEET}
    return item


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines() or [""])


# -- import ----------------------------------------------------------------------------------


class _Invalid(Exception):
    """An item that cannot be imported, and why."""


@dataclass(frozen=True)
class _Parsed:
    uid: str
    source: str
    quote: TextQuote
    start: int | None
    colour: str
    note: str
    tags: tuple[str, ...]
    created: str | None
    modified: str | None


def import_w3c(library: Library, data: object) -> AnnotationImportReport:
    """Bring W3C Web Annotations (already decoded from JSON) into the library.

    `data` may be an AnnotationCollection (with embedded pages or bare items), an
    AnnotationPage, one Annotation, or a list of annotations. Each is found in its document
    by quote and position; one whose document is missing or which is malformed is reported,
    never raised. ValueError only when `data` is none of those shapes.
    """
    items = _items_of(data)
    documents = {document.uri: document.id for document in library.all_documents()}
    known = library.annotations.uids()
    imported = already_present = orphaned = 0
    not_found: list[str] = []
    invalid: list[str] = []
    for position, item in enumerate(items, start=1):
        name = _name_of(item, position)
        try:
            parsed = _parse_item(item)
        except _Invalid as reason:
            invalid.append(f"{name}: {reason}")
            continue
        if parsed.uid in known:
            already_present += 1
            continue
        document_id = documents.get(parsed.source)
        if document_id is None:
            not_found.append(f"{name}: no document {parsed.source} in this library")
            continue
        try:
            added = library.annotations.add_from_quote(
                document_id, parsed.quote, parsed.start, parsed.colour, parsed.note,
                parsed.tags, parsed.uid, parsed.created, parsed.modified,
            )
        except (ValueError, KeyError) as error:
            invalid.append(f"{name}: cannot be stored ({error})")
            continue
        known.add(parsed.uid)
        imported += 1
        if added.orphaned:
            orphaned += 1
    return AnnotationImportReport(imported, already_present, orphaned, tuple(not_found),
                                  tuple(invalid))


def _types(value: object) -> set[str]:
    """The JSON-LD types of an object (`type` may be one name or a list of them)."""
    if not isinstance(value, dict):
        return set()
    kind = value.get("type", value.get("@type"))
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def _items_of(data: object) -> list[object]:
    if isinstance(data, list):
        return list(data)
    if not isinstance(data, dict):
        raise ValueError("not W3C annotations: expected a JSON object or list")
    types = _types(data)
    if "Annotation" in types or (not types and "target" in data):
        return [data]
    if "AnnotationPage" in types:
        return list(_page_items(data))
    if "AnnotationCollection" in types or (not types and ("first" in data or "items" in data)):
        return list(_collection_items(data))
    raise ValueError("not W3C annotations: expected an AnnotationCollection, an "
                     "AnnotationPage, an Annotation or a list of annotations")


def _collection_items(collection: dict[str, Any]) -> Iterator[object]:
    if isinstance(collection.get("items"), list):
        yield from collection["items"]
    first = collection.get("first")
    pages = first if isinstance(first, list) else [first] if first is not None else []
    for page in pages:
        if isinstance(page, dict):
            yield from _page_items(page)
        else:
            yield _LinkedPage(page)


def _page_items(page: dict[str, Any]) -> Iterator[object]:
    seen: set[int] = set()
    current: object = page
    while isinstance(current, dict) and id(current) not in seen:
        seen.add(id(current))
        items = current.get("items")
        if isinstance(items, list):
            yield from items
        current = current.get("next")
    if current is not None and not isinstance(current, dict):
        yield _LinkedPage(current)


@dataclass(frozen=True)
class _LinkedPage:
    """A page named by its address instead of embedded: not fetched, reported as invalid."""

    address: object


def _name_of(item: object, position: int) -> str:
    if isinstance(item, _LinkedPage):
        return f"page {item.address}"
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"].strip():
        return str(item["id"]).strip()
    return f"item {position}"


def _parse_item(item: object) -> _Parsed:
    if isinstance(item, _LinkedPage):
        raise _Invalid("pages named by address are not fetched; embed them in the file")
    if not isinstance(item, dict):
        raise _Invalid("not an annotation object")
    types = _types(item)
    if types and "Annotation" not in types:
        raise _Invalid(f"of type {', '.join(sorted(types))}, not Annotation")
    target = item.get("target")
    if isinstance(target, list) and len(target) == 1:
        target = target[0]
    if isinstance(target, str):
        raise _Invalid("no selector (the target is only an address)")
    if not isinstance(target, dict):
        raise _Invalid("no target" if target is None else "not exactly one target")
    source = target.get("source")
    if not isinstance(source, str) or not source.strip():
        raise _Invalid("the target has no source")
    quote, start = _selectors(target.get("selector"))
    style = target.get("styleClass")
    colour = style if isinstance(style, str) and style in COLOURS else "yellow"
    note, tags = _bodies(item)
    return _Parsed(
        uid=_uid_of(item.get("id")),
        source=source.strip(),
        quote=quote,
        start=start,
        colour=colour,
        note=note,
        tags=tags,
        created=_text_or_none(item.get("created")),
        modified=_text_or_none(item.get("modified")),
    )


def _selectors(value: object) -> tuple[TextQuote, int | None]:
    selectors = value if isinstance(value, list) else [value] if value is not None else []
    quote: TextQuote | None = None
    start: int | None = None
    for selector in selectors:
        if not isinstance(selector, dict):
            continue
        types = _types(selector)
        if "TextQuoteSelector" in types and quote is None:
            exact = selector.get("exact")
            prefix = selector.get("prefix", "")
            suffix = selector.get("suffix", "")
            if not isinstance(exact, str) or not exact:
                raise _Invalid("the TextQuoteSelector has no exact text")
            if not isinstance(prefix, str) or not isinstance(suffix, str):
                raise _Invalid("the TextQuoteSelector's prefix or suffix is not text")
            quote = TextQuote(exact, prefix, suffix)
        elif "TextPositionSelector" in types and start is None:
            begin = selector.get("start")
            if isinstance(begin, int) and not isinstance(begin, bool) and begin >= 0:
                start = begin
    if quote is None:
        raise _Invalid("no TextQuoteSelector" if selectors else "no selector")
    return quote, start


def _bodies(item: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    value = item.get("body", [])
    bodies = value if isinstance(value, list) else [value]
    default_purpose = "tagging" if item.get("motivation") == "tagging" else "commenting"
    notes: list[str] = []
    tags: list[str] = []
    body_value = item.get("bodyValue")
    if isinstance(body_value, str) and body_value.strip():
        notes.append(body_value)
    for body in bodies:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        types = _types(body)
        if types and "TextualBody" not in types:
            continue
        purpose = body.get("purpose", default_purpose)
        purposes = {p for p in (purpose if isinstance(purpose, list) else [purpose])
                    if isinstance(p, str)}
        text = str(body["value"])
        if not text.strip():
            continue
        if "tagging" in purposes:
            tags.append(text)
        elif "commenting" in purposes:
            notes.append(text)
    return "\n\n".join(notes), tuple(tags)


def _uid_of(identifier: object) -> str:
    """The uid an imported annotation keeps: its own for urn:uuid ids, one derived from any
    other id (so that importing it again is noticed), else a new one."""
    if isinstance(identifier, str) and identifier.strip():
        identifier = identifier.strip()
        if identifier.lower().startswith("urn:uuid:"):
            try:
                return uuid.UUID(identifier[len("urn:uuid:"):]).hex
            except ValueError:
                pass
        return uuid.uuid5(uuid.NAMESPACE_URL, identifier).hex
    return uuid.uuid4().hex


def _text_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


EXPORT_FORMATS = ("md", "csv", "w3c")


def export_text(library: Library, file_format: str, article_id: int | None = None,
                label: str = "Parallel Reader annotations") -> tuple[str, int]:
    """The library's (or one article's) annotations written in a format, newest first, and
    how many there are."""
    if file_format not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {file_format!r}; choose md, csv or w3c")
    annotations = library.annotations.newest_first(article_id)
    if article_id is not None:
        documents = library.documents_of(article_id)
        label = f"{label}: {documents[0].title}" if documents else label
    if file_format == "md":
        return export_markdown(annotations), len(annotations)
    if file_format == "csv":
        return export_csv(annotations), len(annotations)
    text = json.dumps(export_w3c(annotations, label), ensure_ascii=False, indent=2) + "\n"
    return text, len(annotations)


class UnreadableAnnotations(Exception):
    """A file that cannot be read as W3C annotations; the message says why."""


def read_w3c_file(path: Path) -> object:
    """The JSON data of a W3C annotation file; UnreadableAnnotations when it has none."""
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        raise UnreadableAnnotations(f"cannot be read ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise UnreadableAnnotations(
            f"not valid UTF-8 text (byte 0x{error.object[error.start]:02x} at offset "
            f"{error.start})") from None
    except (ValueError, RecursionError) as error:
        raise UnreadableAnnotations(f"not JSON ({error})") from None
