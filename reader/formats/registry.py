"""Every format the reader knows, by name and file pattern: the one list the command line,
the import, the File menu and the drop handler ask. A new format is a module with a READER
or a WRITER, and one line here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any, TypeVar, cast

from reader.formats import (
    annotations_csv,
    annotations_markdown,
    annotations_w3c,
    article_text,
    bilingual_table,
    docx_document,
    epub,
    figures_csv,
    markdown_text,
    odt_document,
    pair_print,
    pdf_document,
    tmx,
    web_page,
    xliff,
)
from reader.formats.base import DocumentReader, Writer, WriterKind, file_filter, matches
from reader.formats.exports import ANNOTATIONS as ANNOTATIONS
from reader.formats.exports import FIGURES as FIGURES
from reader.formats.exports import TRANSLATION_PAIR as TRANSLATION_PAIR
from reader.text.reasons import Reason, ReasonCode

Records = TypeVar("Records")
Translate = Callable[[str], str]

# The formats documents are imported from, in the order file dialogs list them.
READERS: tuple[DocumentReader, ...] = (
    article_text.READER,
    web_page.READER,
    markdown_text.READER,
    epub.READER,
    pdf_document.READER,
    docx_document.READER,
    odt_document.READER,
    tmx.READER,
    xliff.READER,
    bilingual_table.READER,
)

# The formats records are written in; per kind, the first is the default.
WRITERS: tuple[Writer[Any], ...] = (
    annotations_markdown.WRITER,
    annotations_csv.WRITER,
    annotations_w3c.WRITER,
    figures_csv.WRITER,
    tmx.WRITER,
    xliff.WRITER,
    bilingual_table.WRITER,
    pair_print.HTML_WRITER,
    pair_print.DOCX_WRITER,
)

ALL_FILES = "All files (*)"


def _as_is(text: str) -> str:
    return text


def readers() -> tuple[DocumentReader, ...]:
    """Every document reader, in the order file dialogs list them."""
    return READERS


def reader_for(path: PurePath | str) -> DocumentReader | None:
    """The reader of a file, by its name; None when no format claims it."""
    name = PurePath(path).name
    return next((reader for reader in READERS if reader.claims(name)), None)


def is_importable(path: PurePath | str) -> bool:
    """Whether a file's name is one of a format the reader can import."""
    return reader_for(path) is not None


def importable_patterns() -> tuple[str, ...]:
    """The file names of every format the reader can import: ("*.txt", "*.text")."""
    return tuple(dict.fromkeys(p for reader in READERS for p in reader.patterns))


def unsupported(path: PurePath | str) -> str:
    """Why a file is not imported when no format claims it, in one line."""
    suffix = PurePath(path).suffix
    if suffix:
        return Reason(ReasonCode.UNSUPPORTED_FORMAT, suffix=suffix)
    return Reason(ReasonCode.NO_EXTENSION)


def open_filter(translate: Translate = _as_is) -> str:
    """The filter of a dialog that opens documents: each format, then every file."""
    filters = [file_filter(translate(r.label), r.patterns) for r in READERS]
    if len(READERS) > 1:
        filters.insert(0, file_filter(translate("All supported files"), importable_patterns()))
    return ";;".join([*filters, translate(ALL_FILES)])


def writers(kind: WriterKind[Records]) -> tuple[Writer[Records], ...]:
    """The writers of one kind, the default first."""
    return tuple(cast(Writer[Records], w) for w in WRITERS if w.kind == kind)


def writer_names(kind: WriterKind[Any]) -> tuple[str, ...]:
    """The names of one kind's writers: ("md", "csv", "w3c")."""
    return tuple(w.name for w in writers(kind))


def writer(kind: WriterKind[Records], name: str) -> Writer[Records]:
    """The writer of a kind by name; ValueError naming the choices when there is none."""
    found = next((w for w in writers(kind) if w.name == name), None)
    if found is None:
        choices = ", ".join(writer_names(kind))
        raise ValueError(f"unknown {kind.name} format {name!r}; choose {choices}")
    return found


def save_filter(kind: WriterKind[Any], translate: Translate = _as_is) -> str:
    """The filter of a dialog that saves records of a kind: one entry per format."""
    return ";;".join(file_filter(translate(w.label), w.file_patterns()) for w in writers(kind))


def read_back_filter(kind: WriterKind[Any], name: str, translate: Translate = _as_is) -> str:
    """The filter of a dialog that opens a file one writer wrote: its format, then every file."""
    chosen = writer(kind, name)
    return ";;".join([file_filter(translate(chosen.label), chosen.file_patterns()),
                      translate(ALL_FILES)])


def writer_for_file(kind: WriterKind[Records], path: PurePath | str, chosen_filter: str = "",
                    translate: Translate = _as_is) -> Writer[Records] | None:
    """The writer a save dialog's answer stands for: the filter chosen, else the file name."""
    choices = writers(kind)
    by_filter = (w for w in choices
                 if file_filter(translate(w.label), w.file_patterns()) == chosen_filter)
    name = PurePath(path).name
    by_name = (w for w in choices if matches(name, w.file_patterns()))
    return next(by_filter, None) or next(by_name, None)
