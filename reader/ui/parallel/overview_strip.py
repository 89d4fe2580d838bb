"""The overview strip beside the parallel text: a thin map of the whole article, top to bottom,
marking highlights, notes, bookmarks, rows the aligner is unsure of, rows whose figures differ
and the matches of a search or of Find. A click (or a drag) goes there; the part of the article
in view is shaded. Marks are placed by row, so a long article is mapped whole even while its
later rows wait to be laid out."""

from __future__ import annotations

from bisect import bisect_right
from enum import IntEnum
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from reader.ui.i18n import _
from reader.ui.parallel.highlights import BOOKMARK_COLOUR, SEARCH_COLOUR
from reader.ui.parallel.parallel_model import LOW_CONFIDENCE, ParallelTextModel
from reader.ui.parallel.parallel_view import MarginMark, ParallelTextView, TextMark

STRIP_WIDTH = 14
NEAR = 4  # pixels: a click this close to a mark goes to the mark's row


class OverviewKind(IntEnum):
    """What a mark on the strip stands for, least important first (drawn last wins)."""

    UNSURE = 0
    FOUND = 1
    HIGHLIGHT = 2
    NOTE = 3
    BOOKMARK = 4
    DIFFERS = 5


KIND_COLOURS: dict[OverviewKind, QColor] = {
    OverviewKind.UNSURE: QColor("#ffb300"),
    OverviewKind.FOUND: QColor(SEARCH_COLOUR.red(), SEARCH_COLOUR.green(), SEARCH_COLOUR.blue()),
    OverviewKind.NOTE: QColor("#6a1b9a"),
    OverviewKind.BOOKMARK: BOOKMARK_COLOUR,
    OverviewKind.DIFFERS: QColor("#c62828"),
}


def kind_label(kind: OverviewKind) -> str:
    """What a mark of this kind is, for its tooltip."""
    return {
        OverviewKind.UNSURE: _("Alignment unsure"),
        OverviewKind.FOUND: _("Found"),
        OverviewKind.HIGHLIGHT: _("Highlight"),
        OverviewKind.NOTE: _("Note"),
        OverviewKind.BOOKMARK: _("Bookmark"),
        OverviewKind.DIFFERS: _("A figure differs"),
    }[kind]


class OverviewMark(NamedTuple):
    """One mark on the strip: a row of the article and what is there."""

    row: int
    kind: OverviewKind
    colour: QColor


class OverviewStrip(QWidget):
    """A map of the whole article beside its text; click to go there."""

    def __init__(self, model: ParallelTextModel, view: ParallelTextView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._view = view
        self._marks: list[OverviewMark] = []
        self._found_rows: list[int] = []
        self._in_view: tuple[int, int] | None = None
        self.setFixedWidth(STRIP_WIDTH)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(_("Overview of the article"))
        self.setAccessibleDescription(_(
            "Highlights, notes, bookmarks, unsure rows, differing figures and matches; "
            "click to go there"))
        model.modelReset.connect(self.refresh)
        model.dataChanged.connect(self.refresh)
        view.marks_changed.connect(self.refresh)
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        view.verticalScrollBar().rangeChanged.connect(self._on_scrolled)

    # -- what it shows -----------------------------------------------------------------------

    def marks(self) -> list[OverviewMark]:
        """The marks on the strip, row by row."""
        return list(self._marks)

    def show_found_rows(self, rows: list[int]) -> None:
        """Mark the rows where Find found its words (none: no marks)."""
        self._found_rows = sorted(set(rows))
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Read the marks again from the model and the view."""
        marks: dict[tuple[int, OverviewKind], OverviewMark] = {}

        def put(row: int, kind: OverviewKind, colour: QColor | None = None) -> None:
            marks.setdefault((row, kind), OverviewMark(row, kind, colour or KIND_COLOURS[kind]))

        rows = self._model.rowCount()
        for row in range(rows):
            shown = self._model.row(row)
            if (len(shown.cells) == 2 and not shown.manual and shown.score is not None
                    and shown.score < LOW_CONFIDENCE):
                put(row, OverviewKind.UNSURE)
        for row in self._model.flagged_rows():
            put(row, OverviewKind.DIFFERS)
        for row in self._found_rows:
            if row < rows:
                put(row, OverviewKind.FOUND)
        starts = self._sentence_starts()
        for mark in self._view.marks():
            if mark.faint:
                continue  # the echo of a highlight on the other column: the row has it already
            marked = _row_of(starts, mark)
            if marked is None:
                continue
            if mark.key == "search":
                put(marked, OverviewKind.FOUND)
            elif mark.margin == MarginMark.BOOKMARK:
                put(marked, OverviewKind.BOOKMARK)
            elif mark.margin == MarginMark.NOTE:
                put(marked, OverviewKind.NOTE)
            else:
                put(marked, OverviewKind.HIGHLIGHT, QColor(mark.colour))
        self._marks = sorted(marks.values(), key=lambda m: (m.kind, m.row))
        self._on_scrolled()
        self.update()

    def _sentence_starts(self) -> list[tuple[list[int], list[int]]]:
        """Per column, the start offsets of its sentences in order and the row of each."""
        columns: list[tuple[list[int], list[int]]] = [([], []) for _ in self._model.documents()]
        for row in range(self._model.rowCount()):
            for column, cell in enumerate(self._model.row(row).cells):
                for sentence in cell:
                    columns[column][0].append(sentence.start)
                    columns[column][1].append(row)
        for starts, row_of in columns:  # rows keep the text's order, but a fix may swap two
            if any(a > b for a, b in zip(starts, starts[1:], strict=False)):
                pairs = sorted(zip(starts, row_of, strict=True))
                starts[:] = [s for s, _r in pairs]
                row_of[:] = [r for _s, r in pairs]
        return columns

    # -- where things are --------------------------------------------------------------------

    def row_at(self, y: int) -> int:
        """The row a point of the strip stands for: a mark's row when one is near."""
        rows = self._model.rowCount()
        if rows == 0:
            return -1
        near = [m for m in self._marks if abs(self._y_of(m.row) - y) <= NEAR]
        if near:
            return min(near, key=lambda m: (abs(self._y_of(m.row) - y), -m.kind)).row
        return max(0, min(rows - 1, int(y / max(1, self.height()) * rows)))

    def _y_of(self, row: int) -> int:
        rows = max(1, self._model.rowCount())
        return int((row + 0.5) / rows * self.height())

    def _on_scrolled(self, *_args: object) -> None:
        rows = self._model.rowCount()
        if rows == 0 or not self._view.isVisible():
            self._in_view = None
        else:
            top = max(0, self._view.top_row())
            bar = self._view.verticalScrollBar()
            # The rows in view: from the top row, as many as the page holds of those laid out.
            laid_out = max(1, self._view.rendered_rows())
            document_height = max(1, bar.maximum() + bar.pageStep())
            share = bar.pageStep() / document_height
            self._in_view = (top, min(rows, top + max(1, round(share * laid_out))))
        self.update()

    # -- drawing and clicks ------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(STRIP_WIDTH, 100)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        if self._in_view is not None:
            shade = QColor(palette.color(QPalette.ColorRole.Highlight))
            shade.setAlpha(60)
            top, end = self._in_view
            y0 = int(top / max(1, self._model.rowCount()) * self.height())
            y1 = max(y0 + 3, int(end / max(1, self._model.rowCount()) * self.height()))
            painter.fillRect(QRect(0, y0, self.width(), y1 - y0), shade)
        for mark in self._marks:
            y = self._y_of(mark.row)
            left, width = _lane(mark.kind, self.width())
            painter.fillRect(QRect(left, y - 1, width, 3), mark.colour)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._go_to(int(event.position().y()))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._go_to(int(event.position().y()))
        super().mouseMoveEvent(event)

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            text = self._tooltip_at(event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def _tooltip_at(self, y: int) -> str:
        near = [m for m in self._marks if abs(self._y_of(m.row) - y) <= NEAR]
        kinds = sorted({m.kind for m in near}, reverse=True)
        if not kinds:
            return _("Click to go to this part of the article")
        return " · ".join(kind_label(kind) for kind in kinds)

    def _go_to(self, y: int) -> None:
        row = self.row_at(y)
        if row < 0:
            return
        self._view.set_current_row(row)
        self._view.scroll_row_to_top(row)


def _lane(kind: OverviewKind, width: int) -> tuple[int, int]:
    """Where across the strip a kind is drawn: the alignment's marks on the left half, the
    reader's own on the right half, so that both show on one row."""
    half = width // 2
    if kind in (OverviewKind.UNSURE, OverviewKind.DIFFERS, OverviewKind.FOUND):
        return 1, half - 1
    return half, width - half - 1


def _row_of(starts: list[tuple[list[int], list[int]]], mark: TextMark) -> int | None:
    """The row holding the start of a mark's text."""
    if mark.column >= len(starts):
        return None
    offsets, rows = starts[mark.column]
    index = bisect_right(offsets, mark.start) - 1
    return rows[index] if index >= 0 else (rows[0] if rows else None)


def strip_point(strip: OverviewStrip, row: int) -> QPoint:
    """Where on the strip a row's mark is drawn (for tests and the tooltip)."""
    return QPoint(strip.width() // 2, strip._y_of(row))
