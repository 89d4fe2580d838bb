"""A text view of the parallel model: each model row is a one-row table of the document, so
counterparts sit side by side by construction. Text is selectable and copyable; the row under
the pointer and the current row (Up/Down) light up in every column.

A table per row rather than one table: lighting a row up then lays out that row alone, and the
view lays out a long article bit by bit instead of all at once before it can paint.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from reader.ui.contrast import readable_text_on
from reader.ui.i18n import is_right_to_left
from reader.ui.parallel.parallel_model import (
    FLAGGED_ROLE,
    LOW_CONFIDENCE,
    MANUAL_ROLE,
    PARAGRAPH_START_ROLE,
    SCORE_ROLE,
    SENTENCES_ROLE,
    ParallelTextModel,
)
from reader.ui.parallel.reading_style import LINE_HEIGHT, MEASURE_CHARACTERS
from reader.ui.scroll_areas import viewport_size

CELL_PADDING = 6
PARAGRAPH_GAP = 14
MARGIN = 14  # room left of each column's text for note and bookmark markers
LOW_CONFIDENCE_TINT = QColor(255, 196, 0, 40)
MANUAL_TINT = QColor(0, 150, 255, 22)
DISAGREEMENT_TINT = QColor(220, 40, 40, 40)
FAINT_ALPHA = 90  # a highlight's echo in the other column
# Rows laid out at once when a text is shown: as many as the screen could show (a row is at least
# a line high), and never fewer than FIRST_ROWS; then at least MORE_ROWS more each time the
# event loop is free, so that a long document shows its beginning at once and never freezes the
# window. Qt lays out the whole document again after each chunk, so a chunk grows until adding
# its rows takes about as long as that (the window then waits at most twice that long). Laying
# out 400 rows before the first paint cost an 800-row article ~80 ms of its start.
FIRST_ROWS = 40
MORE_ROWS = 200
# A text with a word this long wraps anywhere: Qt looks for a place to break such a word again
# for each line, which took 37 s for a word of a million characters (0.5 s wrapping anywhere).
LONG_WORD = 1000
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{LONG_WORD}}}")  # from a word's start: each word once


class CellPlace(NamedTuple):
    """Where a pointer or cursor is: row, column and sentence within the cell (or -1), and
    the document offset there (or -1)."""

    row: int
    column: int
    sentence: int
    offset: int = -1


class MarginMark:
    """What a margin marker stands for."""

    NONE = ""
    NOTE = "note"
    BOOKMARK = "bookmark"


class TextMark(NamedTuple):
    """Something drawn on a column's text, by document offsets: a highlight, or the faint
    echo of one on the aligned sentences of the other column; maybe a margin marker."""

    column: int
    start: int
    end: int
    colour: QColor
    faint: bool = False
    tooltip: str = ""
    margin: str = MarginMark.NONE
    key: object = None
    fill: bool = True  # False: only a margin marker (a bookmark), the text stays as it is


class Passage(NamedTuple):
    """A stretch of one column's document text, by document offsets."""

    column: int
    start: int
    end: int


class _Placed(NamedTuple):
    """A sentence as the view shows it: its document offsets and where it starts here."""

    start: int
    end: int
    view_start: int


class ParallelTextView(QTextBrowser):
    """Shows a ParallelTextModel as a two-column table of text.

    It asks the model through `model.data(index, role)`, never `index.data(role)`: in
    PySide6 6.12 the latter loses a reference to None each time a role has no value, and
    enough of those crash the interpreter.
    """

    hovered_row_changed = Signal(int)
    marks_changed = Signal()  # set_marks drew other marks
    current_row_changed = Signal(int)
    context_menu_requested = Signal(object, QPoint)  # CellPlace, global position
    zoom_requested = Signal(int)  # Ctrl+wheel: +1 larger, -1 smaller
    painted = Signal()  # the text was painted (the start-up benchmark waits for it)

    def __init__(self, model: ParallelTextModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._tables: list[QTextTable] = []
        self._table_starts: list[int] = []
        self._sentence_starts: dict[tuple[int, int], list[int]] = {}
        self._placed: dict[int, list[_Placed]] = {}
        self._marks: list[TextMark] = []
        self._marked_ranges: list[tuple[int, int]] = []
        self._marker_rects: list[tuple[QRect, TextMark]] = []
        self._margin_marks: list[tuple[int, TextMark]] = []  # (view position, mark)
        self._hovered = -1
        self._current = -1
        self._rendered = 0  # rows laid out so far; the rest follow while the window is idle
        self._chunk_rows = MORE_ROWS
        self._more_held = False  # hold_more_rows
        self._margined: set[int] = set()  # the marks whose margin marker is placed
        self._table_format = QTextTableFormat()
        self._between = QTextBlockFormat()
        self._lines = QTextBlockFormat()  # the spacing of the text's lines
        self._lines.setLineHeight(LINE_HEIGHT,
                                  QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self._measure_margin = -1.0
        self._top_row_at_show = -1  # a reading place to go back to once the view is shown
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._render_more)
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.document().setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._model.modelReset.connect(self._render)
        self._model.dataChanged.connect(self._on_model_data_changed)
        self._render()

    # -- state -------------------------------------------------------------------------------

    def set_reading_font(self, font: QFont) -> None:
        """Set the text in this font (the interface keeps its own) and fit its measure."""
        self.document().setDefaultFont(font)
        self._fit_measure()

    def measure_margin(self) -> float:
        """The room left on each side of the text so that its lines keep a readable length."""
        return max(0.0, self._measure_margin)

    def _fit_measure(self) -> None:
        """Keep each column's lines to about MEASURE_CHARACTERS characters: on a wide window
        the text stands in the middle instead of running to 150 characters a line."""
        columns = max(1, self._model.columnCount())
        character = QFontMetricsF(self.document().defaultFont()).averageCharWidth()
        widest = columns * (MEASURE_CHARACTERS * character + 2 * CELL_PADDING + MARGIN)
        margin = max(0.0, (viewport_size(self).width() - widest) / 2)
        if abs(margin - self._measure_margin) < 1:
            return
        self._measure_margin = margin
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        frame_format.setLeftMargin(margin)
        frame_format.setRightMargin(margin)
        root.setFrameFormat(frame_format)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._marks:
            self.set_marks(self._marks)  # text colours on highlights follow the theme

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_measure()
        self._scroll_to_top_row_at_show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._scroll_to_top_row_at_show()

    def _scroll_to_top_row_at_show(self) -> None:
        """A reading place given before the view was shown: the window's layout settles in a
        few resizes (splitter, scroll bars) before the first paint, and the row is scrolled
        to the top at each, so that the first paint shows it there."""
        row = self._top_row_at_show
        if row >= 0 and self.isVisible():
            self._top_row_at_show = -1
            self.scroll_row_to_top(row)
            self._top_row_at_show = row

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = event.angleDelta().y()
            if step:
                self.zoom_requested.emit(1 if step > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

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
        self._ensure_rendered(row)
        self._paint_row(previous)
        self._paint_row(row)
        if row >= 0:
            self._scroll_to_row(row)
        self.current_row_changed.emit(row)

    def rendered_rows(self) -> int:
        """How many rows are laid out (a long article lays out its later rows as it goes)."""
        return len(self._tables)

    def top_row(self) -> int:
        """The row at the top of the view (-1 when nothing is shown)."""
        if not self._tables:
            return -1
        inside = int(self.measure_margin()) + CELL_PADDING + MARGIN + 2
        for y in (CELL_PADDING + 2, viewport_size(self).height() // 4):
            found = self._cell_of(self.cursorForPosition(QPoint(inside, y)).position())
            if found is not None:
                return found[0]
        return 0

    def scroll_row_to_top(self, row: int) -> None:
        """Scroll so that a row stands at the top of the view."""
        if not 0 <= row < self._model.rowCount():
            return
        if not self.isVisible():  # its place is known once the view has its size
            self._top_row_at_show = row
            return
        self._ensure_rendered(row)
        table = self._tables[row]
        top = min(self.cursorRect(table.cellAt(0, c).firstCursorPosition()).top()
                  for c in range(table.columns()))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - CELL_PADDING)

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
        self._ensure_rendered(row)
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

    def select_passage(self, passage: Passage) -> bool:
        """Select a stretch of a column's document text, and show it."""
        self._ensure_rendered(self._model.rowCount() - 1)  # rare: everything, to find it
        ranges = self._view_ranges(passage.column, passage.start, passage.end)
        if not ranges:
            return False
        row = bisect_right(self._table_starts, ranges[0][0]) - 1
        self.set_current_row(row)
        cursor = QTextCursor(self.document())
        cursor.setPosition(ranges[0][0])
        cursor.setPosition(ranges[-1][1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def selected_passage(self) -> Passage | None:
        """The selected text as a stretch of one column's document (the column the selection
        starts in), or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        first = self._document_place(cursor.selectionStart(), at_end=False)
        last = self._document_place(cursor.selectionEnd(), at_end=True)
        if first is None or last is None:
            return None
        column, start = first
        if last[0] == column:
            end = last[1]
        else:
            # The selection ran into the other column: stop at the last sentence of this one
            # that comes before the selection's end.
            placed = self._placed.get(column, [])
            before = [p for p in placed if p.view_start < cursor.selectionEnd()]
            end = before[-1].end if before else start
        return Passage(column, start, end) if end > start else None

    def cell_rect_center(self, row: int, column: int) -> QPoint:
        """The viewport position of the middle of a cell's first line (for tests and tools)."""
        self._ensure_rendered(row)
        cursor = self._tables[row].cellAt(0, column).firstCursorPosition()
        return self.cursorRect(cursor).center()

    def place_at(self, position: QPoint) -> CellPlace | None:
        """The row, column and sentence at a viewport position."""
        if not self._tables:
            return None
        cursor = self.cursorForPosition(position)
        found = self._cell_of(cursor.position())
        if found is None:
            return None
        row, column = found
        starts = self._sentence_starts.get((row, column), [])
        sentence = -1
        for index, start in enumerate(starts):
            if cursor.position() >= start:
                sentence = index
        place = self._document_place(cursor.position(), at_end=False)
        return CellPlace(row, column, sentence, place[1] if place else -1)

    def _cell_of(self, position: int) -> tuple[int, int] | None:
        """The row and column of the cell holding a view position."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        table = cursor.currentTable()
        if table is None:
            return None
        cell = table.cellAt(cursor)
        if not cell.isValid():
            return None
        return bisect_right(self._table_starts, table.firstPosition()) - 1, cell.column()

    def current_sentence(self) -> tuple[int, int, int] | None:
        """The sentence at the text cursor, else the current row's first: (column, document
        start, document end)."""
        place = self._document_place(self.textCursor().selectionStart(), at_end=False)
        if place is None and self._current >= 0:
            cells = self._model.row(self._current).cells
            column = next((c for c, cell in enumerate(cells) if cell), None)
            if column is None:
                return None
            return column, cells[column][0].start, cells[column][0].end
        if place is None:
            return None
        column, offset = place
        for placed in self._placed.get(column, []):
            if placed.start <= offset <= placed.end:
                return column, placed.start, placed.end
        return None

    # -- drawing -----------------------------------------------------------------------------

    def _render(self, *_args: object) -> None:
        self._more.stop()
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._rendered = 0
        self._chunk_rows = MORE_ROWS
        self._margined = set()
        document = self.document()
        document.clear()
        self._measure_margin = -1.0
        self._fit_measure()  # the number of columns may have changed
        self._tables, self._table_starts = [], []
        self._sentence_starts = {}
        self._placed = {}
        self._marks, self._marked_ranges, self._marker_rects = [], [], []
        self._margin_marks = []
        self._hovered = self._current = -1
        self._top_row_at_show = -1
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
        self._table_format, self._between = table_format, between
        self._render_rows(self.first_rows())
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _render_more(self) -> None:
        self._render_rows(self._rendered + self._chunk_rows)

    def first_rows(self) -> int:
        """How many rows are laid out at once: what the screen could show, at least FIRST_ROWS."""
        screen = self.screen()
        height = screen.availableGeometry().height() if screen is not None else 1080
        line = QFontMetricsF(self.document().defaultFont()).lineSpacing()
        return max(FIRST_ROWS, int(height / max(line, 1.0)) + 1)

    def _ensure_rendered(self, row: int) -> None:
        """Lay out the rows up to `row` now (to go to a row still waiting its turn), and a
        screen's worth after it, so that the row can stand at the top of a filled view."""
        if row >= self._rendered:
            self._render_rows(row + self.first_rows())

    def _render_rows(self, until: int) -> None:
        """Lay out the rows from the last laid out to `until`, with the marks they show; the
        timer comes back for the rest."""
        rows, columns = self._model.rowCount(), self._model.columnCount()
        until = min(until, rows)
        if self._rendered >= until or not columns:
            return
        placed_before = {column: len(self._placed.get(column, [])) for column in range(columns)}
        cursor = QTextCursor(self.document())
        started = time.perf_counter()
        cursor.beginEditBlock()  # the layout hears of the rows once, not after each
        for row in range(self._rendered, until):
            cursor.movePosition(QTextCursor.MoveOperation.End)
            table = cursor.insertTable(1, columns, self._table_format)
            self._tables.append(table)
            self._table_starts.append(table.firstPosition())
            for column in range(columns):
                self._fill_cell(row, column)
            self._paint_row(row)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.setBlockFormat(self._between)
        inserted = time.perf_counter()
        cursor.endEditBlock()
        laid_out = time.perf_counter()
        per_row = (inserted - started) / (until - self._rendered)
        self._chunk_rows = max(MORE_ROWS, int((laid_out - inserted) / max(per_row, 1e-7)))
        self._rendered = until
        if self._marks:
            self._apply_marks(placed_before)
            self._repaint_text()
        if until < rows:
            if not self._more_held:
                self._more.start()
        else:
            self._more.stop()

    def hold_more_rows(self) -> None:
        """Lay out no more rows while the window is idle until `release_more_rows` (the
        window holds them until its first paint: Qt's idle time comes before that paint, and a
        long article's next rows would delay it by tens of milliseconds)."""
        self._more_held = True
        self._more.stop()

    def release_more_rows(self) -> None:
        """Go on laying out the rows still waiting, while the window is idle."""
        self._more_held = False
        if self._rendered < self._model.rowCount():
            self._more.start()

    def _fill_cell(self, row: int, column: int) -> None:
        index = self._model.index(row, column)
        cell = self._tables[row].cellAt(0, column)
        cursor = cell.firstCursorPosition()
        cursor.setBlockFormat(self._column_lines(column))
        starts = []
        plain = QTextCharFormat()
        for number, sentence in enumerate(self._model.data(index, SENTENCES_ROLE) or ()):
            if number:
                cursor.insertText(" ", plain)
            starts.append(cursor.position())
            self._placed.setdefault(column, []).append(
                _Placed(sentence.start, sentence.end, cursor.position()))
            if len(sentence.text) >= LONG_WORD and _LONG_WORD.search(sentence.text):
                self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
            cursor.insertText(sentence.text, plain)
        self._sentence_starts[(row, column)] = starts

    def _column_lines(self, column: int) -> QTextBlockFormat:
        """The line format of a column: right to left for a language written so."""
        documents = self._model.documents()
        if column < len(documents) and is_right_to_left(documents[column].language):
            lines = QTextBlockFormat(self._lines)
            lines.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            return lines
        return self._lines

    def _paint_row(self, row: int) -> None:
        if not 0 <= row < len(self._tables):
            return
        table = self._tables[row]
        for column in range(table.columns()):
            index = self._model.index(row, column)
            cell = table.cellAt(0, column)
            cell_format = QTextTableCellFormat()
            cell_format.setPadding(CELL_PADDING)
            cell_format.setLeftPadding(CELL_PADDING + MARGIN)
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

    # -- marks -------------------------------------------------------------------------------

    def set_marks(self, marks: Sequence[TextMark]) -> None:
        """Draw these highlights and markers instead of the ones drawn before."""
        plain = QTextCharFormat()
        cursor = QTextCursor(self.document())
        for start, end in self._marked_ranges:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(plain)
        self._marks, self._marked_ranges = list(marks), []
        self._margin_marks, self._margined = [], set()
        self._apply_marks({})
        self._repaint_text()
        self.marks_changed.emit()

    def _apply_marks(self, placed_before: dict[int, int]) -> None:
        """Draw the marks over the sentences laid out after the first `placed_before[column]`
        of each column (all of them when it is empty)."""
        cursor = QTextCursor(self.document())
        # Where each margin marker goes, found once here rather than at every paint.
        for number, mark in enumerate(self._marks):
            if mark.margin != MarginMark.NONE and not mark.faint and number not in self._margined:
                ranges = self._view_ranges(mark.column, mark.start, mark.end,
                                           placed_before.get(mark.column, 0))
                if ranges:
                    self._margin_marks.append((ranges[0][0], mark))
                    self._margined.add(number)
        # Echoes first, so that a highlight of the column itself is drawn over its echo.
        base = self.palette().color(QPalette.ColorRole.Base)
        text = self.palette().color(QPalette.ColorRole.Text)
        for mark in sorted(self._marks, key=lambda m: not m.faint):
            if not mark.fill:
                continue
            mark_format = QTextCharFormat()
            colour = QColor(mark.colour)
            if mark.faint:
                colour.setAlpha(FAINT_ALPHA)
                mark_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                mark_format.setUnderlineColor(mark.colour.darker(160))
            mark_format.setBackground(QBrush(colour))
            # Light text on a yellow highlight is unreadable on a dark theme: the text takes
            # the colour that reads on the highlight as it shows over the page.
            mark_format.setForeground(QBrush(readable_text_on(colour, base, text)))
            for start, end in self._view_ranges(mark.column, mark.start, mark.end,
                                                placed_before.get(mark.column, 0)):
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(mark_format)
                self._marked_ranges.append((start, end))

    def marks(self) -> list[TextMark]:
        """The marks drawn now."""
        return list(self._marks)

    def marks_at(self, position: QPoint) -> list[TextMark]:
        """The marks under a viewport position: a margin marker's, else the highlights'
        (own highlights before echoes)."""
        for rect, mark in self._marker_rects:
            if rect.adjusted(-2, -2, 2, 2).contains(position):
                return [mark]
        place = self._document_place(self.cursorForPosition(position).position(),
                                     at_end=False)
        if place is None:
            return []
        column, offset = place
        found = [m for m in self._marks
                 if m.fill and m.column == column and m.start <= offset < m.end]
        return sorted(found, key=lambda m: m.faint)

    def background_at(self, column: int, offset: int) -> QColor | None:
        """The background drawn behind a document offset of a column (for tests and tools)."""
        ranges = self._view_ranges(column, offset, offset + 1)
        if not ranges:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(ranges[0][0] + 1)
        brush = cursor.charFormat().background()
        return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color()

    def marker_rects(self) -> list[tuple[QRect, TextMark]]:
        """Where the margin markers were last painted (viewport coordinates)."""
        return list(self._marker_rects)

    def _view_ranges(self, column: int, start: int, end: int,
                     first_placed: int = 0) -> list[tuple[int, int]]:
        """The view positions showing a stretch of a column's document text (among the
        sentences laid out from the `first_placed`th of the column on)."""
        ranges: list[tuple[int, int]] = []
        placed_sentences = self._placed.get(column, [])
        for index in range(first_placed, len(placed_sentences)):
            placed = placed_sentences[index]
            if placed.start >= end or placed.end <= start:
                continue
            first = placed.view_start + max(start, placed.start) - placed.start
            last = placed.view_start + min(end, placed.end) - placed.start
            if ranges and first - ranges[-1][1] <= 1 and start <= placed.start:
                ranges[-1] = (ranges[-1][0], last)  # over the space between two sentences
            else:
                ranges.append((first, last))
        return ranges

    def _document_place(self, position: int, at_end: bool) -> tuple[int, int] | None:
        """The column and document offset shown at a view position."""
        found = self._cell_of(position)
        if found is None:
            return None
        row, column = found
        starts = self._sentence_starts.get((row, column), [])
        if not starts:
            return None
        sentences = self._model.row(row).cells[column]
        index = max(0, bisect_right(starts, position) - 1)
        if at_end and index and position == starts[index]:
            index -= 1  # a selection ending where a sentence starts ends the one before
        sentence = sentences[index]
        offset = min(max(0, position - starts[index]), sentence.end - sentence.start)
        return column, sentence.start + offset

    def _repaint_text(self) -> None:
        """Paint the text again (its margin markers): not before the view shows, which
        paints it anyway and would not need Qt's own viewport yet (reader.ui.scroll_areas)."""
        if self.isVisible():
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted.emit()
        self._top_row_at_show = -1  # painted at its place: the reader scrolls from here
        self._marker_rects = []
        if not self._margin_marks:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for position, mark in self._margin_marks:
            cursor = QTextCursor(self.document())
            cursor.setPosition(position)
            table = cursor.currentTable()
            if table is None:
                continue
            line = self.cursorRect(cursor)
            text_left = self.cursorRect(table.cellAt(cursor).firstCursorPosition()).left()
            rect = QRect(text_left - MARGIN + 1, line.top() + 2, MARGIN - 5,
                         max(8, line.height() - 4))
            if rect.intersects(event.rect()):
                self._draw_marker(painter, rect, mark)
            self._marker_rects.append((rect, mark))
        painter.end()

    def _draw_marker(self, painter: QPainter, rect: QRect, mark: TextMark) -> None:
        painter.setPen(QPen(mark.colour.darker(170), 1))
        painter.setBrush(QBrush(mark.colour))
        if mark.margin == MarginMark.BOOKMARK:
            left, right = float(rect.left()), float(rect.right())
            top, bottom = float(rect.top()), float(rect.bottom())
            middle = (left + right) / 2
            painter.drawPolygon(QPolygonF([
                QPointF(left, top), QPointF(right, top), QPointF(right, bottom),
                QPointF(middle, bottom - (right - left) / 2), QPointF(left, bottom)]))
        else:
            painter.drawRoundedRect(rect, 2, 2)
            painter.setPen(QPen(mark.colour.darker(220), 1))
            for step in (0.3, 0.55, 0.8):
                y = rect.top() + rect.height() * step
                painter.drawLine(QPointF(rect.left() + 2.5, y), QPointF(rect.right() - 2, y))

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
        height = viewport_size(self).height()
        if top < 0:
            bar.setValue(bar.value() + top - CELL_PADDING)
        elif bottom > height:
            bar.setValue(bar.value() + min(top, bottom - height) + CELL_PADDING)

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
            tips = [mark.tooltip for mark in self.marks_at(event.pos()) if mark.tooltip]
            place = self.place_at(event.pos())
            tip = "\n\n".join(dict.fromkeys(tips)) if tips else (
                self._model.data(self._model.index(place.row, place.column),
                                 Qt.ItemDataRole.ToolTipRole) if place else None)
            if tip:
                QToolTip.showText(event.globalPos(), str(tip), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
