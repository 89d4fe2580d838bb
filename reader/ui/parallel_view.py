"""A text view of the parallel model: each model row is a one-row table of the document, so
counterparts sit side by side by construction. Text is selectable and copyable; the row under
the pointer and the current row (Up/Down) light up in every column.

A table per row rather than one table: lighting a row up then lays out that row alone, and the
view lays out a long article bit by bit instead of all at once before it can paint.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from reader.ui.parallel_model import (
    FLAGGED_ROLE,
    LOW_CONFIDENCE,
    MANUAL_ROLE,
    PARAGRAPH_START_ROLE,
    SCORE_ROLE,
    SENTENCES_ROLE,
    ParallelTextModel,
)

CELL_PADDING = 6
PARAGRAPH_GAP = 14
LOW_CONFIDENCE_TINT = QColor(255, 196, 0, 40)
MANUAL_TINT = QColor(0, 150, 255, 22)
DISAGREEMENT_TINT = QColor(220, 40, 40, 40)


@dataclass(frozen=True)
class CellPlace:
    """Where a pointer or cursor is: row, column and sentence within the cell (or -1)."""

    row: int
    column: int
    sentence: int


class ParallelTextView(QTextBrowser):
    """Shows a ParallelTextModel as a two-column table of text.

    It asks the model through `model.data(index, role)`, never `index.data(role)`: in
    PySide6 6.12 the latter loses a reference to None each time a role has no value, and
    enough of those crash the interpreter.
    """

    hovered_row_changed = Signal(int)
    current_row_changed = Signal(int)
    context_menu_requested = Signal(object, QPoint)  # CellPlace, global position

    def __init__(self, model: ParallelTextModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._tables: list[QTextTable] = []
        self._table_starts: list[int] = []
        self._sentence_starts: dict[tuple[int, int], list[int]] = {}
        self._hovered = -1
        self._current = -1
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.document().setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._model.modelReset.connect(self._render)
        self._model.dataChanged.connect(self._on_model_data_changed)
        self._render()

    # -- state -------------------------------------------------------------------------------

    def hovered_row(self) -> int:
        """The row under the pointer, or -1."""
        return self._hovered

    def current_row(self) -> int:
        """The row chosen with a click or Up/Down, or -1."""
        return self._current

    def set_current_row(self, row: int) -> None:
        """Make a row current, light it up and scroll it into view."""
        if not 0 <= row < self._model.rowCount():
            row = -1
        if row == self._current:
            return
        previous, self._current = self._current, row
        self._paint_row(previous)
        self._paint_row(row)
        if row >= 0:
            self._scroll_to_row(row)
        self.current_row_changed.emit(row)

    def is_lit(self, row: int, column: int) -> bool:
        """Whether a cell is drawn lit up (hovered or current)."""
        if not 0 <= row < len(self._tables):
            return False
        background = self._tables[row].cellAt(0, column).format().background()
        return background.style() != Qt.BrushStyle.NoBrush and background.color() in (
            self._hover_colour(), self._current_colour())

    def select_text(self, row: int, column: int, sentence: int, offset: int,
                    length: int) -> bool:
        """Select `length` characters from `offset` in a cell's sentence, and show them."""
        starts = self._sentence_starts.get((row, column))
        if not starts or not 0 <= sentence < len(starts):
            return False
        self.set_current_row(row)
        cursor = QTextCursor(self.document())
        cursor.setPosition(starts[sentence] + offset)
        cursor.setPosition(starts[sentence] + offset + length, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def cell_rect_center(self, row: int, column: int) -> QPoint:
        """The viewport position of the middle of a cell's first line (for tests and tools)."""
        cursor = self._tables[row].cellAt(0, column).firstCursorPosition()
        return self.cursorRect(cursor).center()

    def place_at(self, position: QPoint) -> CellPlace | None:
        """The row, column and sentence at a viewport position."""
        if not self._tables:
            return None
        cursor = self.cursorForPosition(position)
        table = cursor.currentTable()
        if table is None:
            return None
        cell = table.cellAt(cursor)
        if not cell.isValid():
            return None
        row = bisect_right(self._table_starts, table.firstPosition()) - 1
        starts = self._sentence_starts.get((row, cell.column()), [])
        sentence = -1
        for index, start in enumerate(starts):
            if cursor.position() >= start:
                sentence = index
        return CellPlace(row, cell.column(), sentence)

    # -- drawing -----------------------------------------------------------------------------

    def _render(self, *_args: object) -> None:
        document = self.document()
        document.clear()
        self._tables, self._table_starts = [], []
        self._sentence_starts = {}
        self._hovered = self._current = -1
        rows, columns = self._model.rowCount(), self._model.columnCount()
        if not rows or not columns:
            return
        table_format = QTextTableFormat()
        table_format.setBorder(0)
        table_format.setCellSpacing(0)
        table_format.setCellPadding(CELL_PADDING)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 / columns)] * columns)
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        # The empty block the document keeps between two tables takes no room.
        between = QTextBlockFormat()
        between.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        cursor = QTextCursor(document)
        cursor.setBlockFormat(between)
        for row in range(rows):
            cursor.movePosition(QTextCursor.MoveOperation.End)
            table = cursor.insertTable(1, columns, table_format)
            self._tables.append(table)
            self._table_starts.append(table.firstPosition())
            for column in range(columns):
                self._fill_cell(row, column)
            self._paint_row(row)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.setBlockFormat(between)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _fill_cell(self, row: int, column: int) -> None:
        index = self._model.index(row, column)
        cell = self._tables[row].cellAt(0, column)
        cursor = cell.firstCursorPosition()
        starts = []
        plain = QTextCharFormat()
        for number, sentence in enumerate(self._model.data(index, SENTENCES_ROLE) or ()):
            if number:
                cursor.insertText(" ", plain)
            starts.append(cursor.position())
            cursor.insertText(sentence.text, plain)
        self._sentence_starts[(row, column)] = starts

    def _paint_row(self, row: int) -> None:
        if not 0 <= row < len(self._tables):
            return
        table = self._tables[row]
        for column in range(table.columns()):
            index = self._model.index(row, column)
            cell = table.cellAt(0, column)
            cell_format = QTextTableCellFormat()
            cell_format.setPadding(CELL_PADDING)
            if self._model.data(index, PARAGRAPH_START_ROLE):
                cell_format.setTopPadding(CELL_PADDING + PARAGRAPH_GAP)
            colour = self._row_colour(row, index)
            if colour is not None:
                cell_format.setBackground(QBrush(colour))
            cell.setFormat(cell_format)

    def _row_colour(self, row: int, index: QModelIndex) -> QColor | None:
        if row == self._current:
            return self._current_colour()
        if row == self._hovered:
            return self._hover_colour()
        score = self._model.data(index, SCORE_ROLE)
        if self._model.data(index, FLAGGED_ROLE):
            return DISAGREEMENT_TINT
        if self._model.data(index, MANUAL_ROLE):
            return MANUAL_TINT
        if score is not None and score < LOW_CONFIDENCE:
            return LOW_CONFIDENCE_TINT
        return None

    def _hover_colour(self) -> QColor:
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(45)
        return colour

    def _current_colour(self) -> QColor:
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(80)
        return colour

    def _scroll_to_row(self, row: int) -> None:
        table = self._tables[row]
        top = min(self.cursorRect(table.cellAt(0, c).firstCursorPosition()).top()
                  for c in range(table.columns()))
        bottom = max(self.cursorRect(table.cellAt(0, c).lastCursorPosition()).bottom()
                     for c in range(table.columns()))
        bar = self.verticalScrollBar()
        if top < 0:
            bar.setValue(bar.value() + top - CELL_PADDING)
        elif bottom > self.viewport().height():
            bar.setValue(bar.value() + min(top, bottom - self.viewport().height()) + CELL_PADDING)

    def _set_hovered(self, row: int) -> None:
        if row == self._hovered:
            return
        previous, self._hovered = self._hovered, row
        self._paint_row(previous)
        self._paint_row(row)
        self.hovered_row_changed.emit(row)

    def _on_model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                               _roles: object = None) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._paint_row(row)

    # -- events ------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        place = self.place_at(event.position().toPoint())
        self._set_hovered(place.row if place else -1)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._set_hovered(-1)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        place = self.place_at(event.position().toPoint())
        if place is not None:
            self.set_current_row(place.row)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            start = self._current if self._current >= 0 else (-1 if step > 0 else 0)
            target = max(0, min(self._model.rowCount() - 1, start + step))
            self.set_current_row(target)
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        place = self.place_at(event.pos())
        if place is None:
            super().contextMenuEvent(event)
            return
        self.set_current_row(place.row)
        self.context_menu_requested.emit(place, event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            place = self.place_at(event.pos())
            tip = (self._model.data(self._model.index(place.row, place.column),
                                    Qt.ItemDataRole.ToolTipRole) if place else None)
            if tip:
                QToolTip.showText(event.globalPos(), str(tip), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
