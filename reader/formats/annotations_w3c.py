"""Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), out
and in: an AnnotationCollection written on one embedded page, and every shape other tools
write read back into plain items (finding them in a library is reader.operations' work)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from reader.formats.base import Writer
from reader.formats.exports import ANNOTATIONS, AnnotationExport, ExportedAnnotation
from reader.text.file_check import MAX_FILE_BYTES

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
W3C_PATTERNS = ("*.jsonld", "*.json")


class UnreadableAnnotations(Exception):
    """A file that cannot be read as W3C annotations; the message says why."""


@dataclass(frozen=True)
class W3CAnnotation:
    """One annotation of a W3C file, read but not yet placed in any text."""

    name: str  # its id, or "item N", for reports
    uid: str
    source: str  # the document's address
    exact: str
    prefix: str
    suffix: str
    start: int | None
    colour: str | None  # the styleClass as written
    note: str
    tags: tuple[str, ...]
    created: str | None
    modified: str | None


@dataclass(frozen=True)
class InvalidAnnotation:
    """An item of a W3C file that is no annotation the reader can use, and why."""

    name: str
    reason: str


# -- out -------------------------------------------------------------------------------------


def write_w3c(export: AnnotationExport) -> str:
    """The annotations as a JSON-LD file (UTF-8, indented)."""
    import json

    return json.dumps(w3c_collection(export), ensure_ascii=False, indent=2) + "\n"


def w3c_collection(export: AnnotationExport) -> dict[str, Any]:
    """Annotations as a W3C Web Annotation collection, all on one embedded page."""
    stylesheet = _stylesheet(export.colours)
    return {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": export.label,
        "total": len(export.annotations),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [w3c_annotation(a, stylesheet) for a in export.annotations],
        },
    }


def w3c_annotation(annotation: ExportedAnnotation, stylesheet: str) -> dict[str, Any]:
    """One annotation in the W3C Web Annotation model."""
    import uuid

    item: dict[str, Any] = {
        "id": f"urn:uuid:{uuid.UUID(hex=annotation.uid)}",
        "type": "Annotation",
        "created": annotation.created_at,
        "modified": annotation.updated_at,
        "motivation": "commenting" if annotation.note else "highlighting",
    }
    body = _body_of(annotation)
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
    item["stylesheet"] = {"type": "CssStylesheet", "value": stylesheet}
    return item


def _body_of(annotation: ExportedAnnotation) -> list[dict[str, str]]:
    body: list[dict[str, str]] = []
    if annotation.note:
        body.append({"type": "TextualBody", "value": annotation.note, "format": "text/plain",
                     "purpose": "commenting"})
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"}
             for tag in annotation.tags]
    return body


def _stylesheet(colours: Mapping[str, str]) -> str:
    return " ".join(f".{name} {{ background-color: {css} }}" for name, css in colours.items())


WRITER = Writer(ANNOTATIONS, "w3c", "W3C Web Annotation JSON-LD", ".jsonld", write_w3c,
                W3C_PATTERNS)


# -- in --------------------------------------------------------------------------------------


def load_w3c(data: bytes) -> object:
    """The JSON data of a W3C annotation file's bytes; UnreadableAnnotations when it has none."""
    import json

    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UnreadableAnnotations(
            f"not valid UTF-8 text (byte 0x{error.object[error.start]:02x} at offset "
            f"{error.start})") from None
    except (ValueError, RecursionError) as error:
        raise UnreadableAnnotations(f"not JSON ({error})") from None


def parse_w3c(data: object) -> list[W3CAnnotation | InvalidAnnotation]:
    """Every annotation of W3C data (decoded JSON), in order, each read or refused with why.

    `data` may be an AnnotationCollection (with embedded pages or bare items), an
    AnnotationPage, one Annotation, or a list of annotations; ValueError when it is none.
    """
    return [_parse(item, _name_of(item, position))
            for position, item in enumerate(_items_of(data), start=1)]


class _Invalid(Exception):
    """An item that cannot be imported, and why."""


@dataclass(frozen=True)
class _LinkedPage:
    """A page named by its address instead of embedded: not fetched, reported as invalid."""

    address: object


def _parse(item: object, name: str) -> W3CAnnotation | InvalidAnnotation:
    try:
        return _parse_item(item, name)
    except _Invalid as reason:
        return InvalidAnnotation(name, str(reason))


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


def _name_of(item: object, position: int) -> str:
    if isinstance(item, _LinkedPage):
        return f"page {item.address}"
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"].strip():
        return str(item["id"]).strip()
    return f"item {position}"


def _parse_item(item: object, name: str) -> W3CAnnotation:
    if isinstance(item, _LinkedPage):
        raise _Invalid("pages named by address are not fetched; embed them in the file")
    if not isinstance(item, dict):
        raise _Invalid("not an annotation object")
    types = _types(item)
    if types and "Annotation" not in types:
        raise _Invalid(f"of type {', '.join(sorted(types))}, not Annotation")
    target = _target_of(item)
    source = target.get("source")
    if not isinstance(source, str) or not source.strip():
        raise _Invalid("the target has no source")
    (exact, prefix, suffix), start = _selectors(target.get("selector"))
    style = target.get("styleClass")
    note, tags = _bodies(item)
    return W3CAnnotation(
        name=name,
        uid=_uid_of(item.get("id"))
        or content_uid(source.strip(), exact, prefix, suffix, start, note, tags),
        source=source.strip(),
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=start,
        colour=style if isinstance(style, str) else None,
        note=note,
        tags=tags,
        created=_text_or_none(item.get("created")),
        modified=_text_or_none(item.get("modified")),
    )


def _target_of(item: dict[str, Any]) -> dict[str, Any]:
    target = item.get("target")
    if isinstance(target, list) and len(target) == 1:
        target = target[0]
    if isinstance(target, str):
        raise _Invalid("no selector (the target is only an address)")
    if not isinstance(target, dict):
        raise _Invalid("no target" if target is None else "not exactly one target")
    return target


# No stored text is longer than the largest file the reader imports.
_MAX_OFFSET = MAX_FILE_BYTES


def _selectors(value: object) -> tuple[tuple[str, str, str], int | None]:
    selectors = value if isinstance(value, list) else [value] if value is not None else []
    quote: tuple[str, str, str] | None = None
    start: int | None = None
    for selector in selectors:
        if not isinstance(selector, dict):
            continue
        types = _types(selector)
        if "TextQuoteSelector" in types and quote is None:
            quote = _quote(selector)
        elif "TextPositionSelector" in types and start is None:
            begin = selector.get("start")
            if isinstance(begin, int) and not isinstance(begin, bool) and begin >= 0:
                if begin > _MAX_OFFSET:  # no document is that long (and SQLite's integers end)
                    raise _Invalid(f"TextPositionSelector start {begin} is out of range")
                start = begin
    if quote is None:
        raise _Invalid("no TextQuoteSelector" if selectors else "no selector")
    return quote, start


def _quote(selector: dict[str, Any]) -> tuple[str, str, str]:
    exact = selector.get("exact")
    prefix = selector.get("prefix", "")
    suffix = selector.get("suffix", "")
    if not isinstance(exact, str) or not exact:
        raise _Invalid("the TextQuoteSelector has no exact text")
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        raise _Invalid("the TextQuoteSelector's prefix or suffix is not text")
    return exact, prefix, suffix


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


def _uid_of(identifier: object) -> str | None:
    """The uid an imported annotation keeps: its own for urn:uuid ids, one derived from any
    other id (so that importing it again is noticed); None when it has no id."""
    import uuid

    if isinstance(identifier, str) and identifier.strip():
        identifier = identifier.strip()
        if identifier.lower().startswith("urn:uuid:"):
            try:
                return uuid.UUID(identifier[len("urn:uuid:"):]).hex
            except ValueError:
                pass
        return uuid.uuid5(uuid.NAMESPACE_URL, identifier).hex
    return None


CONTENT_NAMESPACE = "urn:parallel-reader:annotation-content:"


def content_uid(source: str, exact: str, prefix: str, suffix: str, start: int | None,
                note: str, tags: tuple[str, ...]) -> str:
    """The uid of an annotation without an id, from what it says: its target's source and
    selectors and its bodies, as canonical JSON (sorted keys, no spaces) in a uuid5. The same
    annotation read twice has the same uid, so importing its file again adds nothing."""
    import json
    import uuid

    canonical = json.dumps(
        {"source": source, "exact": exact, "prefix": prefix, "suffix": suffix,
         "start": start, "note": note, "tags": list(tags)},
        ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return uuid.uuid5(uuid.NAMESPACE_URL, CONTENT_NAMESPACE + canonical).hex


def _text_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None

