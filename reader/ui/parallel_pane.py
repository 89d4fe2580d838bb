"""The parallel pane: an article's language versions side by side, paragraph by paragraph."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.store import DocumentInfo, Library
from reader.ui.i18n import _, language_name
from reader.ui.parallel_model import SECTION_START_ROLE, ParallelTextModel

PADDING = 8
SECTION_GAP = 14


class ParagraphDelegate(QStyledItemDelegate):
    """Draws a paragraph with breathing room, and a wider gap where a new section starts."""

    def _margins(self, index: QModelIndex | QPersistentModelIndex) -> tuple[int, int]:
        top = PADDING + (SECTION_GAP if index.data(SECTION_START_ROLE) else 0)
        return top, PADDING

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(PADDING, 0, -PADDING, 0)
        size = super().sizeHint(inner, index)
        top, bottom = self._margins(index)
        return QSize(size.width() + 2 * PADDING, size.height() + top + bottom)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        top, bottom = self._margins(index)
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(PADDING, top, -PADDING, -bottom)
        super().paint(painter, inner, index)


class ParallelPane(QWidget):
    """Shows one article: two chosen languages side by side, or one column."""

    documents_shown = Signal(list)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._documents: list[DocumentInfo] = []
        self.model = ParallelTextModel()

        self.left_language = QComboBox(self)
        self.left_language.setAccessibleName(_("Left language"))
        self.right_language = QComboBox(self)
        self.right_language.setAccessibleName(_("Right language"))
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip(_("Swap the two languages"))
        self._heading = QLabel(self)
        self._heading.setObjectName("articleHeading")
        self._heading.setWordWrap(True)
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self._heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        self._heading.setFont(heading_font)
        self._heading.setContentsMargins(4, 6, 4, 6)

        self.view = QTableView(self)
        self.view.setObjectName("parallelView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ParagraphDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setShowGrid(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setAccessibleName(_("Article text"))
        self._row_fit = QTimer(self)
        self._row_fit.setSingleShot(True)
        self._row_fit.setInterval(0)

        bar = QHBoxLayout()
        bar.addWidget(self.left_language)
        bar.addWidget(self.swap_button)
        bar.addWidget(self.right_language)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._heading)
        layout.addWidget(self.view, 1)
        self._connect_signals()
        self._show_controls()

    def _connect_signals(self) -> None:
        self.left_language.activated.connect(self._on_left_language_activated)
        self.right_language.activated.connect(self._on_right_language_activated)
        self.swap_button.clicked.connect(self._on_swap_button_clicked)
        self.view.horizontalHeader().sectionResized.connect(self._row_fit.start)
        self.model.modelReset.connect(self._row_fit.start)
        self._row_fit.timeout.connect(self.view.resizeRowsToContents)

    # -- what is shown -----------------------------------------------------------------------

    def show_article(self, article_id: int) -> None:
        """Show an article: its first two languages side by side, or its only one."""
        self._documents = self._library.documents_of(article_id)
        for combo in (self.left_language, self.right_language):
            combo.clear()
            for document in self._documents:
                combo.addItem(language_name(document.language), document.id)
        self.left_language.setCurrentIndex(0)
        self.right_language.setCurrentIndex(1 if len(self._documents) > 1 else 0)
        self._show_controls()
        self._show_chosen()

    def shown_languages(self) -> list[str]:
        """Language codes of the columns, left to right."""
        return [document.document.language for document in self.model.documents()]

    def choose_languages(self, left: str, right: str | None = None) -> None:
        """Show the given languages of the current article (one column when right is None)."""
        codes = [document.language for document in self._documents]
        self.left_language.setCurrentIndex(codes.index(left))
        if right is not None:
            self.right_language.setCurrentIndex(codes.index(right))
        self._show_chosen()

    def _show_controls(self) -> None:
        several = len(self._documents) > 1
        self.left_language.setVisible(bool(self._documents))
        self.left_language.setEnabled(several)
        self.right_language.setVisible(several)
        self.swap_button.setVisible(several)

    def _chosen_ids(self) -> list[int]:
        if not self._documents:
            return []
        left = int(self.left_language.currentData())
        if len(self._documents) < 2:
            return [left]
        right = int(self.right_language.currentData())
        return [left] if left == right else [left, right]

    def _show_chosen(self) -> None:
        texts = [self._library.document_text(document_id) for document_id in self._chosen_ids()]
        self.model.show_documents(texts)
        self.view.scrollToTop()
        self._heading.setText(texts[0].document.title if texts else "")
        self.documents_shown.emit([text.document for text in texts])

    # -- slots -------------------------------------------------------------------------------

    def _on_left_language_activated(self, index: int) -> None:
        if index == self.right_language.currentIndex() and len(self._documents) > 1:
            self.right_language.setCurrentIndex(self._other_than(index))
        self._show_chosen()

    def _on_right_language_activated(self, index: int) -> None:
        if index == self.left_language.currentIndex():
            self.left_language.setCurrentIndex(self._other_than(index))
        self._show_chosen()

    def _on_swap_button_clicked(self) -> None:
        left, right = self.left_language.currentIndex(), self.right_language.currentIndex()
        self.left_language.setCurrentIndex(right)
        self.right_language.setCurrentIndex(left)
        self._show_chosen()

    def _other_than(self, index: int) -> int:
        return next(i for i in range(len(self._documents)) if i != index)
