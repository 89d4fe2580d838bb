"""The metrics sidebar: statistics of the language versions shown in the parallel pane."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.operations.session import LibrarySession
from reader.store import DocumentInfo
from reader.text.statistics import reading_minutes
from reader.ui.figures.figure_check_model import Checked, FigureCheckModel
from reader.ui.figures.figures_model import FiguresModel
from reader.ui.i18n import _, format_count, format_reading_time, language_name
from reader.ui.scroll_areas import viewport_size


class MetricsSidebar(QWidget):
    """Document statistics (language, paragraphs, sentences, words, characters, reading time)."""

    ROWS = ("language", "paragraphs", "sentences", "words", "characters", "reading_time")
    figure_activated = Signal(object)  # FigureRecord
    fetch_requested = Signal(str)  # the web address of a language version the page names

    def __init__(self, library: LibrarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._documents: list[DocumentInfo] = []
        self._box = QGroupBox(_("Document"), self)
        self._grid = QGridLayout(self._box)
        self._grid.setColumnStretch(0, 1)
        self._values: dict[tuple[str, int], QLabel] = {}
        labels = {
            "language": _("Language"),
            "paragraphs": _("Paragraphs"),
            "sentences": _("Sentences"),
            "words": _("Words"),
            "characters": _("Characters"),
            "reading_time": _("Reading time"),
        }
        for row, key in enumerate(self.ROWS):
            self._grid.addWidget(QLabel(labels[key], self._box), row, 0)
            for column in (0, 1):
                value = QLabel(self._box)
                value.setObjectName(f"metric_{key}_{column}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self._grid.addWidget(value, row, column + 1)
                self._values[(key, column)] = value
        self._source = QLabel(self)
        self._source.setObjectName("sourceLink")
        self._source.setWordWrap(True)
        self._source.setOpenExternalLinks(True)
        self._source.setTextFormat(Qt.TextFormat.RichText)
        # The language versions the article's pages name that the library lacks.
        self._versions_box = QGroupBox(_("Other language versions"), self)
        self._versions_layout = QVBoxLayout(self._versions_box)
        self.fetch_buttons: list[QPushButton] = []
        self._placeholder = QLabel(_("Select an article to see its statistics."), self)
        self._placeholder.setWordWrap(True)
        self.figures_model = FiguresModel()
        self._figures_box = QGroupBox(_("Figures"), self)
        self.figures_view = QTreeView(self._figures_box)
        self.figures_view.setObjectName("figuresView")
        self.figures_view.setModel(self.figures_model)
        self.figures_view.setRootIsDecorated(False)
        self.figures_view.setUniformRowHeights(True)
        self.figures_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures_view.setAccessibleName(_("Figures"))
        self.figures_view.header().setStretchLastSection(True)
        # The value column is fitted once per article (show_documents): fitted at every
        # layout it read each figure's texts 40 times at the first paint (7,000 reads for an
        # article of 150 figures).
        self.figures_view.header().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Interactive)
        self._no_figures = QLabel(_("No figures found in this text."), self._figures_box)
        self.check_model = FigureCheckModel()
        self._check_box = QGroupBox(_("Translation check"), self)
        self._check_summary = QLabel(self._check_box)
        self._check_summary.setObjectName("checkSummary")
        self._check_summary.setWordWrap(True)
        self.check_view = QListView(self._check_box)
        self.check_view.setObjectName("checkView")
        self.check_view.setModel(self.check_model)
        self.check_view.setWordWrap(True)
        self.check_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.check_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.check_view.setAccessibleName(_("Translation check"))
        check_layout = QVBoxLayout(self._check_box)
        check_layout.addWidget(self._check_summary)
        check_layout.addWidget(self.check_view)
        figures_layout = QVBoxLayout(self._figures_box)
        figures_layout.addWidget(self.figures_view)
        figures_layout.addWidget(self._no_figures)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self._placeholder)
        layout.addWidget(self._box)
        layout.addWidget(self._source)
        layout.addWidget(self._versions_box)
        layout.addWidget(self._check_box)
        layout.addWidget(self._figures_box, 1)
        self.figures_view.activated.connect(self._on_figures_view_activated)
        self.figures_view.clicked.connect(self._on_figures_view_activated)
        self.check_view.activated.connect(self._on_check_view_activated)
        self.check_view.clicked.connect(self._on_check_view_activated)
        self._check_box.hide()
        self.show_documents([])


    def focus_target(self) -> QWidget:
        """Where the keyboard lands when F6 comes to the sidebar: the translation check when
        it shows, else the figures."""
        return self.check_view if self.check_view.isVisible() else self.figures_view
    def show_documents(self, documents: list[DocumentInfo]) -> None:
        """Show the statistics of these language versions, one column each."""
        self._documents = list(documents)
        self._placeholder.setVisible(not documents)
        self._box.setVisible(bool(documents))
        for column in (0, 1):
            document = documents[column] if column < len(documents) else None
            for key in self.ROWS:
                label = self._values[(key, column)]
                label.setVisible(document is not None)
                label.setText(_metric_text(document, key) if document else "")
        self._source.setText(_source_html(documents[0]) if documents else "")
        self._show_missing_versions(documents[0].article_id if documents else None)
        figures = self._library.figures_of(documents[0].id) if documents else []
        self.figures_model.show_figures(figures)
        self.figures_view.expandAll()
        self.figures_view.resizeColumnToContents(0)
        self._figures_box.setVisible(bool(documents))
        self.figures_view.setVisible(bool(figures))
        self._no_figures.setVisible(not figures)

    def _show_missing_versions(self, article_id: int | None) -> None:
        for button in self.fetch_buttons:
            self._versions_layout.removeWidget(button)
            button.deleteLater()
        self.fetch_buttons = []
        missing = self._library.missing_translations(article_id) if article_id else []
        for version in missing:
            button = QPushButton(_("Fetch {language}").format(
                language=language_name(version.language)), self._versions_box)
            button.setToolTip(version.address)
            button.clicked.connect(
                lambda _checked=False, address=version.address: self.fetch_requested.emit(address))
            self._versions_layout.addWidget(button)
            self.fetch_buttons.append(button)
        self._versions_box.setVisible(bool(missing))

    def show_translation_check(self, checked: list[Checked]) -> None:
        """Show how the figures of the two shown languages compare (hidden for one text)."""
        self.check_model.show_check(checked, self._documents)
        self._check_box.setVisible(len(self._documents) == 2 and bool(checked))
        differing = self.check_model.disagreements()
        to_check = self.check_model.rowCount() - differing
        self._check_summary.setText(
            _("{differ} differ, {check} to check, {agree} agree").format(
                differ=differing, check=to_check, agree=self.check_model.agreements))
        self.check_view.setVisible(self.check_model.rowCount() > 0)
        self._fit_check_view()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_check_view()

    def _fit_check_view(self) -> None:
        """Room for the first rows of the check as they wrap at the list's width (up to a
        third of the sidebar); the figures below get the rest, the list scrolls the others."""
        view = self.check_view
        metrics = view.fontMetrics()
        width = max(80, viewport_size(view).width() - 2 * view.spacing() - 8)
        needed = 0
        for row in range(min(6, self.check_model.rowCount())):
            text = str(self.check_model.data(self.check_model.index(row)) or "")
            bounds = metrics.boundingRect(QRect(0, 0, width, 100_000),
                                          int(Qt.TextFlag.TextWordWrap), text)
            needed += bounds.height() + 2 * view.spacing() + 4
        cap = max(metrics.lineSpacing() * 3, self.height() // 3)
        height = max(metrics.lineSpacing() + 8, min(needed, cap))
        view.setFixedHeight(height + 2 * view.frameWidth())

    def _on_check_view_activated(self, index: QModelIndex) -> None:
        item = self.check_model.pair(index)
        if item is not None:
            pair = item[1]
            figure = pair.source if pair.source is not None else pair.target
            self.figure_activated.emit(figure)

    def _on_figures_view_activated(self, index: QModelIndex) -> None:
        figure = self.figures_model.figure(index)
        if figure is not None:
            self.figure_activated.emit(figure)

    def statistic_text(self, key: str, column: int = 0) -> str:
        """The text shown for a statistic (for tests and accessibility)."""
        return self._values[(key, column)].text()


def _metric_text(document: DocumentInfo, key: str) -> str:
    if key == "language":
        return language_name(document.language)
    if key == "reading_time":
        return format_reading_time(reading_minutes(document.words))
    value = {"paragraphs": document.paragraphs, "sentences": document.sentences,
             "words": document.words, "characters": document.characters}[key]
    return format_count(value)


def _source_html(document: DocumentInfo) -> str:
    parts = []
    if document.byline:
        parts.append(_("By {byline}").format(byline=_escape(document.byline)))
    if document.source_url:
        address = urlsplit(document.source_url)
        host = address.hostname or document.source_url
        if address.scheme in ("http", "https"):  # a link opens a browser, nothing else
            url = _escape(document.source_url)
            link = f'<a href="{url}">{_escape(host)}</a>'
            parts.append(_("Source: {source}").format(source=link))
        else:
            parts.append(_("Source: {source}").format(source=_escape(document.source_url)))
    return "<br>".join(parts)


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
