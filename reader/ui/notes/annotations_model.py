"""The reader's highlights and notes as a Qt table model, and the filter the notes panel uses."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.store import Annotation
from reader.text.folding import fold  # the search index's folding: one rule for both
from reader.ui.i18n import _, format_moment, language_name
from reader.ui.notes.highlight_colours import colour_label, highlight_colour
from reader.ui.plain_text import escape

Index = QModelIndex | QPersistentModelIndex
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 40
# A quote longer than this is cut for its cell (the view elides it anyway); the tooltip has it all.
_CELL_CHARACTERS = 240


class AnnotationColumn:
    """Columns of the notes list."""

    QUOTE = 0
    NOTE = 1
    COLOUR = 2
    TAGS = 3
    ARTICLE = 4
    CREATED = 5
    COUNT = 6


def one_line(text: str, limit: int) -> str:
    """Text on one line, cut with an ellipsis past `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class AnnotationsModel(QAbstractTableModel):
    """One row per annotation, in the order given (the store gives them newest first)."""

    def __init__(self) -> None:
        super().__init__()
        self._annotations: list[Annotation] = []
        self._searchable: list[str] = []

    def set_annotations(self, annotations: list[Annotation]) -> None:
        """Show these annotations instead."""
        self.beginResetModel()
        self._annotations = list(annotations)
        self._searchable = [fold(" ".join((a.exact, a.note, *a.tags))) for a in annotations]
        self.endResetModel()

    def annotation(self, row: int) -> Annotation:
        """The annotation a row shows."""
        return self._annotations[row]

    def annotations(self) -> list[Annotation]:
        """Every annotation shown, in order."""
        return list(self._annotations)

    def searchable_text(self, row: int) -> str:
        """A row's quote, note and tags, folded for search."""
        return self._searchable[row]

    def row_of(self, annotation_id: int) -> int | None:
        """The row showing an annotation, if it is listed."""
        for row, annotation in enumerate(self._annotations):
            if annotation.id == annotation_id:
                return row
        return None

    def tags(self) -> list[str]:
        """Every tag the shown annotations use, alphabetically, each once."""
        seen: dict[str, str] = {}
        for annotation in self._annotations:
            for tag in annotation.tags:
                seen.setdefault(tag.casefold(), tag)
        return sorted(seen.values(), key=str.casefold)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._annotations)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else AnnotationColumn.COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < AnnotationColumn.COUNT:
            return None
        return (_("Quote"), _("Note"), _("Colour"), _("Tags"), _("Article"),
                _("Created"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._annotations):
            return None
        annotation = self._annotations[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(annotation, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column in (AnnotationColumn.QUOTE, AnnotationColumn.COLOUR):
                return highlight_colour(annotation.colour)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(annotation)
        if role == ANNOTATION_ROLE:
            return annotation
        return None


def quote_text(annotation: Annotation) -> str:
    """The quote as the list shows it, marked when the annotation lost its place."""
    quote = one_line(annotation.exact, _CELL_CHARACTERS)
    if annotation.orphaned:
        return _("(place lost) {quote}").format(quote=quote)
    return quote


def article_text(annotation: Annotation) -> str:
    """The annotated article's title and language: "Conferencia… (español)"."""
    return f"{annotation.article_title} ({language_name(annotation.language)})"


def _display(annotation: Annotation, column: int) -> str:
    if column == AnnotationColumn.QUOTE:
        return quote_text(annotation)
    if column == AnnotationColumn.NOTE:
        return one_line(annotation.note, _CELL_CHARACTERS)
    if column == AnnotationColumn.COLOUR:
        return colour_label(annotation.colour)
    if column == AnnotationColumn.TAGS:
        return ", ".join(annotation.tags)
    if column == AnnotationColumn.ARTICLE:
        return article_text(annotation)
    return format_moment(annotation.created_at)


def _tooltip(annotation: Annotation) -> str:
    # Rich text, so that the tooltip wraps long quotes instead of running off the screen.
    parts = []
    if annotation.orphaned:
        lost = escape(_("(place lost)"))
        why = escape(_("The text changed and this passage was not found."))
        parts.append(f"<p><b>{lost}</b> {why}</p>")
    parts.append(f"<p>{escape(annotation.exact)}</p>")
    if annotation.note:
        parts.append(f"<p><i>{escape(annotation.note)}</i></p>")
    if annotation.tags:
        parts.append(f"<p>{escape(', '.join(annotation.tags))}</p>")
    parts.append(f"<p>{escape(article_text(annotation))}</p>")
    return "".join(parts)


class AnnotationFilter(QSortFilterProxyModel):
    """Keeps the annotations whose quote, note or tags hold every word typed (ignoring case
    and accents), of one colour and one tag when those are chosen."""

    def __init__(self, model: AnnotationsModel) -> None:
        super().__init__()
        self._model = model
        self.setSourceModel(model)
        self._words: list[str] = []
        self._colour: str | None = None
        self._tag: str | None = None

    def set_text(self, text: str) -> None:
        """Show only annotations holding every word of this text."""
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_colour(self, colour: str | None) -> None:
        """Show only annotations of this colour (None: every colour)."""
        self.beginFilterChange()
        self._colour = colour
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_tag(self, tag: str | None) -> None:
        """Show only annotations with this tag (None: with or without any)."""
        self.beginFilterChange()
        self._tag = tag.casefold() if tag else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def annotation(self, index: Index) -> Annotation:
        """The annotation a row of this proxy shows."""
        return self._model.annotation(self.mapToSource(index).row())

    def filterAcceptsRow(self, source_row: int,  # noqa: N802
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        annotation = self._model.annotation(source_row)
        if self._colour is not None and annotation.colour != self._colour:
            return False
        if self._tag is not None and self._tag not in {t.casefold() for t in annotation.tags}:
            return False
        haystack = self._model.searchable_text(source_row)
        return all(word in haystack for word in self._words)
