"""The parallel pane: an article's language versions side by side, sentence by sentence."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.operations.corrections import merge_with_next, move_sentence, split_before
from reader.operations.session import CheckedFigures, LibrarySession
from reader.store import AlignedBead, Annotation, DocumentInfo, FigureRecord
from reader.text.figure_check import FigurePair, Verdict
from reader.ui.background import BackgroundJob, ReportProgress, library_job, start_job
from reader.ui.i18n import _, language_name
from reader.ui.library_events import LibraryEvents
from reader.ui.parallel.find_bar import FindBar
from reader.ui.parallel.highlights import HighlightLayer
from reader.ui.parallel.overview_strip import OverviewStrip
from reader.ui.parallel.parallel_model import ParallelTextModel
from reader.ui.parallel.parallel_view import CellPlace, ParallelTextView

ONE_LANGUAGE = -1  # the right-hand selector's "show one language" entry


class AlignmentEdit(QUndoCommand):
    """One correction of the shown alignment, undoable."""

    def __init__(self, pane: ParallelPane, text: str, before: Sequence[AlignedBead],
                 after: Sequence[AlignedBead]) -> None:
        super().__init__(text)
        self._pane = pane
        self._pair = pane.shown_pair()
        self._before, self._after = tuple(before), tuple(after)

    def redo(self) -> None:
        self._pane.store_beads(self._pair, self._after)

    def undo(self) -> None:
        self._pane.store_beads(self._pair, self._before)


class Unlink(QUndoCommand):
    """Take a language version out of its article into one of its own; undo links it back."""

    def __init__(self, pane: ParallelPane, article_id: int, document_id: int) -> None:
        super().__init__(_("Unlink"))
        self._pane = pane
        self._article_id = article_id
        self._document_id = document_id
        self._new_article: int | None = None

    def redo(self) -> None:
        self._new_article = self._pane.unlink_document(self._article_id, self._document_id)

    def undo(self) -> None:
        if self._new_article is not None:
            self._pane.link_back(self._article_id, self._new_article, self._document_id)


class ParallelPane(QWidget):
    """Shows one article: two chosen languages aligned row by row, or one column."""

    documents_shown = Signal(object)
    article_shown = Signal(int)  # an article now on screen, by id
    figures_checked = Signal(object)  # [(row, FigurePair)], disagreements first; [] for one text
    message = Signal(str)  # for the window's status bar

    def __init__(self, library: LibrarySession, events: LibraryEvents, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._events = events
        self._article_id: int | None = None
        self._compared: DocumentInfo | None = None
        self._documents: list[DocumentInfo] = []
        self._beads: tuple[AlignedBead, ...] = ()
        self._pending: tuple[int, int] | None = None
        self._checking: tuple[int, int] | None = None
        self._checks = 0  # checks started: only the latest one's result is shown
        # Background work (alignment, translation check) held until the window has painted:
        # a thread started before would share the interpreter with the first paint.
        self._held_jobs: list[BackgroundJob] | None = None
        self.undo_stack = undo_stack
        self.model = ParallelTextModel()

        self.left_language = QComboBox(self)
        self.left_language.setAccessibleName(_("Left language"))
        self.right_language = QComboBox(self)
        self.right_language.setAccessibleName(_("Right language"))
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip(_("Swap the two languages"))
        self.swap_button.setAccessibleName(_("Swap the two languages"))
        self.compare_button = QToolButton(self)
        self.compare_button.setText(_("Compare with…"))
        self.compare_button.setToolTip(_("Show another article beside this one, aligned"))
        self.link_button = QToolButton(self)
        self.link_button.setText(_("Link as translation"))
        self.link_button.setToolTip(_("Keep the compared article as a translation of this one"))
        self.unlink_button = QToolButton(self)
        self.unlink_button.setText(_("Unlink"))
        self.unlink_button.setToolTip(_("Make the right-hand version an article of its own "
                                        "(Undo links it back)"))
        self.stop_compare_button = QToolButton(self)
        self.stop_compare_button.setText(_("Stop comparing"))
        self.stop_compare_button.setToolTip(_("Show this article's own languages again"))
        self.compared_label = QLabel(self)
        self.compared_label.setObjectName("comparedArticle")
        self.compared_label.setTextFormat(Qt.TextFormat.PlainText)
        self.compared_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                          QSizePolicy.Policy.Preferred)  # a long title is cut
        self._status = QLabel(self)
        self._status.setObjectName("alignmentStatus")
        self._heading = QLabel(self)
        self._heading.setObjectName("articleHeading")
        self._heading.setWordWrap(True)
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self._heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        self._heading.setFont(heading_font)
        self._heading.setContentsMargins(4, 6, 4, 6)
        self.view = ParallelTextView(self.model, self)
        self.view.setObjectName("parallelView")
        self.view.setAccessibleName(_("Article text"))
        self._build_actions()
        self.highlights = HighlightLayer(library, events, self.model, self.view,
                                         self.undo_stack, self)

        bar = QHBoxLayout()
        bar.addWidget(self.left_language)
        bar.addWidget(self.swap_button)
        bar.addWidget(self.right_language)
        bar.addWidget(self.compare_button)
        bar.addWidget(self.link_button)
        bar.addWidget(self.unlink_button)
        bar.addWidget(self.compared_label, 1)
        bar.addWidget(self.stop_compare_button)
        bar.addStretch(1)
        bar.addWidget(self._status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._heading)
        self.overview = OverviewStrip(self.model, self.view, self)
        text_row = QHBoxLayout()
        text_row.setSpacing(0)
        text_row.addWidget(self.view, 1)
        text_row.addWidget(self.overview)
        layout.addLayout(text_row, 1)
        self.find_bar = FindBar(self.model, self.view, self)
        self.find_bar.matches_changed.connect(self.overview.show_found_rows)
        layout.addWidget(self.find_bar)
        self._connect_signals()
        self._show_controls()

    def _build_actions(self) -> None:
        self.merge_action = QAction(_("Merge with the next row"), self)
        self.merge_action.setShortcut(QKeySequence("Ctrl+J"))
        self.reset_action = QAction(_("Reset the alignment to automatic"), self)
        # The window's stack: its Edit menu holds the shortcuts; these serve the context menu.
        self.undo_action = self.undo_stack.createUndoAction(self, _("Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, _("Redo"))
        for action in (self.merge_action,):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def _connect_signals(self) -> None:
        self.left_language.activated.connect(self._on_left_language_activated)
        self.right_language.activated.connect(self._on_right_language_activated)
        self.swap_button.clicked.connect(self._on_swap_button_clicked)
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.link_button.clicked.connect(self._on_link_button_clicked)
        self.unlink_button.clicked.connect(self._on_unlink_button_clicked)
        self.stop_compare_button.clicked.connect(self.stop_comparing)
        self.view.context_menu_requested.connect(self._on_view_context_menu_requested)
        self.merge_action.triggered.connect(self._on_merge_action_triggered)
        self.reset_action.triggered.connect(self._on_reset_action_triggered)

    # -- what is shown -----------------------------------------------------------------------

    def show_article(self, article_id: int) -> None:
        """Show an article: its first two languages side by side, or its only one."""
        self._article_id = article_id
        self.article_shown.emit(article_id)
        self._compared = None
        self._documents = self._library.documents_of(article_id)
        self.left_language.clear()
        self.right_language.clear()
        for document in self._documents:
            self.left_language.addItem(language_name(document.language), document.id)
            self.right_language.addItem(language_name(document.language), document.id)
        self.right_language.addItem(_("(one language)"), ONE_LANGUAGE)
        self.left_language.setCurrentIndex(0)
        self.right_language.setCurrentIndex(1 if len(self._documents) > 1 else 0)
        self._show_controls()
        self._show_chosen()

    @property
    def article_id(self) -> int | None:
        """The article shown, if any."""
        return self._article_id

    def reading_place(self) -> tuple[int, int] | None:
        """Where the reader is: the left column's document and the position of the first of
        its sentences at the top of the view; None when nothing is shown."""
        documents = self.model.documents()
        top = self.view.top_row()
        if not documents or top < 0:
            return None
        for row in range(top, self.model.rowCount()):
            cell = self.model.row(row).cells[0]
            if cell:
                return documents[0].id, cell[0].position
        return None

    def go_to_reading_place(self, document_id: int, position: int) -> bool:
        """Scroll the row holding a sentence of a shown document to the top: both columns
        are back where the reader left them. False when that document is not shown."""
        columns = [document.id for document in self.model.documents()]
        if document_id not in columns:
            return False
        column = columns.index(document_id)
        for row in range(self.model.rowCount()):
            cell = self.model.row(row).cells[column]
            if cell and cell[0].position <= position <= cell[-1].position:
                self.view.scroll_row_to_top(row)
                return True
        return False

    def shown_languages(self) -> list[str]:
        """Language codes of the columns, left to right."""
        return [document.language for document in self.model.documents()]

    def shown_pair(self) -> tuple[int, int] | None:
        """(left, right) document ids when two languages are shown."""
        documents = self.model.documents()
        return (documents[0].id, documents[1].id) if len(documents) == 2 else None

    def choose_languages(self, left: str, right: str | None = None) -> None:
        """Show the given languages of the current article (one column when right is None)."""
        codes = [document.language for document in self._documents]
        self.left_language.setCurrentIndex(codes.index(left))
        self.right_language.setCurrentIndex(
            codes.index(right) if right is not None else len(codes))
        self._show_chosen()

    def locate_figure(self, figure: FigureRecord) -> bool:
        """Scroll to a figure of a shown language version and select it in the text."""
        columns = [document.id for document in self.model.documents()]
        if figure.document_id not in columns:
            return False
        column = columns.index(figure.document_id)
        for row in range(self.model.rowCount()):
            for number, sentence in enumerate(self.model.row(row).cells[column]):
                if sentence.start <= figure.start < sentence.end:
                    return self.view.select_text(row, column, number,
                                                 figure.start - sentence.start,
                                                 figure.end - figure.start)
        return False

    def show_document(self, document_id: int) -> bool:
        """Make sure a language version of the shown article is one of the columns."""
        ids = [document.id for document in self._documents]
        if document_id not in ids:
            return False
        if document_id in [document.id for document in self.model.documents()]:
            return True
        codes = [document.language for document in self._documents]
        language = codes[ids.index(document_id)]
        shown = self.shown_languages()
        other = next((code for code in shown if code != language), None)
        self.choose_languages(language, other)
        return True

    def note_actions(self) -> list[QAction]:
        """Highlight, highlight with a note, bookmark: for the window's Edit menu."""
        return [self.highlights.highlight_action, self.highlights.note_action,
                self.highlights.bookmark_action]

    def shown_document_ids(self) -> set[int]:
        """The language versions in the shown columns."""
        return {document.id for document in self.model.documents()}

    def show_search_matches(self, document_id: int, spans: Sequence[tuple[int, int]]) -> None:
        """Mark where a search's words occur in a shown language version."""
        self.highlights.show_search_matches(document_id, spans)

    def clear_search_matches(self) -> None:
        """Take the search's marks away."""
        self.highlights.clear_search_matches()

    def edit_annotation(self, annotation: Annotation) -> None:
        """Open a highlight's colour, note and tags dialog."""
        self.highlights.edit_with_dialog(annotation)

    def locate_passage(self, document_id: int, start: int, end: int) -> bool:
        """Show a language version of the shown article and select a stretch of its text."""
        return self.show_document(document_id) and self.highlights.locate(document_id, start,
                                                                            end)

    def store_beads(self, pair: tuple[int, int] | None, beads: Sequence[AlignedBead]) -> None:
        """Store corrected beads of a pair and show them (used by undoable edits)."""
        if pair is None:
            return
        self._events.announce(self._library.save_alignment(pair[0], pair[1], beads))
        if pair == self.shown_pair():
            self._show_chosen(keep_row=True)

    def compare_with(self, document_id: int) -> None:
        """Show another article's language version beside the current article (not linked)."""
        self._compared = self._library.document(document_id)
        self._show_controls()
        self._show_chosen()

    def link_compared(self) -> bool:
        """Link the compared article to the shown one as a translation; False if refused."""
        if self._compared is None or self._article_id is None:
            return False
        try:
            change = self._library.link_articles(self._article_id, self._compared.article_id)
        except ValueError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, _("Link as translation"), str(error))
            return False
        right = self._compared.id
        self.show_article(self._article_id)
        self._events.announce(change)
        ids = [document.id for document in self._documents]
        self.right_language.setCurrentIndex(ids.index(right))
        self._show_chosen()
        return True

    def stop_comparing(self) -> None:
        """Leave compare mode: the article's own languages again."""
        if self._compared is not None and self._article_id is not None:
            self.show_article(self._article_id)

    def unlink_right(self) -> bool:
        """Make the right-hand language version an article of its own (undoable)."""
        pair = self.shown_pair()
        if pair is None or self._compared is not None or self._article_id is None:
            return False
        self.undo_stack.push(Unlink(self, self._article_id, pair[1]))
        return True

    def unlink_document(self, article_id: int, document_id: int) -> int:
        """Take a version out of an article (for Unlink): the new article's id."""
        language = language_name(self._library.document(document_id).language)
        new, change = self._library.unlink_document(document_id)
        if self._article_id == article_id:
            self.show_article(article_id)
        self._events.announce(change)
        self.message.emit(_("{language} is now an article of its own. Undo (Ctrl+Z) links it "
                            "back.").format(language=language))
        return new

    def link_back(self, article_id: int, new_article_id: int, document_id: int) -> None:
        """Undo an unlink: the version joins its article again, shown beside it."""
        change = self._library.link_articles(article_id, new_article_id)
        self._events.announce(change)
        if self._article_id in (article_id, new_article_id):
            self.show_article(article_id)
            ids = [document.id for document in self._documents]
            if document_id in ids and len(ids) > 1:
                self.right_language.setCurrentIndex(ids.index(document_id))
                self._show_chosen()

    def _show_controls(self) -> None:
        several = len(self._documents) > 1
        comparing = self._compared is not None
        self.left_language.setVisible(bool(self._documents))
        self.left_language.setEnabled(several)
        self.right_language.setVisible(several and not comparing)
        self.swap_button.setVisible(several and not comparing)
        self.compare_button.setVisible(bool(self._documents))
        self.link_button.setVisible(comparing)
        self.unlink_button.setVisible(several and not comparing)
        self.stop_compare_button.setVisible(comparing)
        self.compared_label.setVisible(comparing)
        if self._compared is not None:
            # The right column is another article: say which.
            self.compared_label.setText(_("Right: {title} ({language})").format(
                title=self._compared.title, language=language_name(self._compared.language)))
            self.compared_label.setToolTip(self._compared.title)

    def _chosen_ids(self) -> list[int]:
        if not self._documents:
            return []
        left = int(self.left_language.currentData())
        if self._compared is not None:
            return [left, self._compared.id]
        right = self.right_language.currentData()
        if len(self._documents) < 2 or right is None or int(right) in (ONE_LANGUAGE, left):
            return [left]
        return [left, int(right)]

    def _show_chosen(self, keep_row: bool = False) -> None:
        row = self.view.current_row()
        ids = self._chosen_ids()
        self._checked: list[tuple[int, FigurePair[FigureRecord]]] = []
        self._checking = None
        documents = {document.id: document for document in self._documents}
        if self._compared is not None:
            documents[self._compared.id] = self._compared
        shown = [documents[i] for i in ids]
        self._status.clear()
        if len(ids) == 2:
            self._show_pair(shown[0], shown[1])
        elif ids:
            self._beads = ()
            self.model.show_single(shown[0], self._library.sentences(ids[0]))
        else:
            self._beads = ()
            self.model.clear()
        self._heading.setText(shown[0].title if shown else "")
        if not keep_row:
            self.view.verticalScrollBar().setValue(0)
        elif row >= 0:
            self.view.set_current_row(min(row, self.model.rowCount() - 1))
        self.highlights.refresh()
        self.documents_shown.emit(shown)
        self.figures_checked.emit(self._checked)

    def _show_pair(self, left: DocumentInfo, right: DocumentInfo) -> None:
        alignment = self._library.current_alignment(left.id, right.id)
        if alignment is None:  # never aligned, or the text or the aligner changed since
            self._align_in_background(left.id, right.id)
            self.model.show_single(left, self._library.sentences(left.id))
            return
        self._beads = alignment.beads
        self.model.show_aligned(left, right, self._library.sentences(left.id),
                                self._library.sentences(right.id), alignment)
        self._check_in_background(left.id, right.id)
        manual = sum(1 for bead in alignment.beads if bead.manual)
        if manual:
            self._status.setText(_("{n} rows aligned by you").format(n=manual))

    def _align_in_background(self, left_id: int, right_id: int) -> None:
        self._status.setText(_("Aligning sentences…"))
        if self._pending == (left_id, right_id):
            return
        self._pending = (left_id, right_id)

        def work(library: LibrarySession, report: ReportProgress) -> tuple[int, int]:
            library.align(left_id, right_id, report)
            return left_id, right_id

        job = library_job(self._library.path, work)
        job.signals.progress.connect(self._on_alignment_progress)
        job.signals.finished.connect(self._on_alignment_finished)
        job.signals.failed.connect(self._on_alignment_failed)
        self._start(job)

    def _check_in_background(self, left_id: int, right_id: int) -> None:
        """Check the pair's figures off the GUI thread; the rows are tinted when it ends."""
        self._checking = (left_id, right_id)
        self._checks += 1
        number = self._checks

        def work(library: LibrarySession, _report: ReportProgress) -> object:
            return number, library.check_translation(left_id, right_id)

        job = library_job(self._library.path, work)
        job.signals.finished.connect(self._on_check_finished)
        self._start(job)

    def hold_background_work(self) -> None:
        """Keep the alignment and translation check of what is shown from starting until
        `release_background_work` (the window holds them until its first paint), and the
        laying out of a long article's later rows."""
        if self._held_jobs is None:
            self._held_jobs = []
        self.view.hold_more_rows()

    def release_background_work(self) -> None:
        """Start the background work held since `hold_background_work`, in order."""
        held, self._held_jobs = self._held_jobs or [], None
        for job in held:
            start_job(job)
        self.view.release_more_rows()

    def _start(self, job: BackgroundJob) -> None:
        if self._held_jobs is not None:
            self._held_jobs.append(job)
        else:
            start_job(job)

    def translation_checked(self) -> bool:
        """Whether the shown pair is aligned and its figures checked (True for one language
        chosen); False while an alignment of it is still being made."""
        return self._checking is None and self._pending is None

    def _on_check_finished(self, result: tuple[int, CheckedFigures]) -> None:
        number, checked = result
        if number != self._checks or self._checking != self.shown_pair():
            return  # another pair, or the same one read again since
        self._checking = None
        self._checked = checked
        self.model.set_flagged_rows({row for row, figure_pair in checked
                                     if figure_pair.verdict is Verdict.DIFFERS})
        self.figures_checked.emit(checked)

    # -- corrections -------------------------------------------------------------------------

    def _edit(self, text: str, beads: tuple[AlignedBead, ...]) -> None:
        self.undo_stack.push(AlignmentEdit(self, text, self._beads, beads))

    def merge_row_with_next(self, row: int) -> bool:
        """Merge a row with the one below it (undoable); False when there is none."""
        if not self._beads or not 0 <= row < len(self._beads) - 1:
            return False
        self._edit(_("Merge rows"), merge_with_next(self._beads, row))
        return True

    def split_row_before(self, place: CellPlace) -> bool:
        """Split a row before a sentence of one column (undoable)."""
        try:
            beads = split_before(self._beads, place.row, place.column, place.sentence)
        except (ValueError, IndexError):
            return False
        self._edit(_("Split row"), beads)
        return True

    def move_sentence(self, place: CellPlace, direction: int) -> bool:
        """Move a row's first sentence up or its last sentence down (undoable)."""
        try:
            beads = move_sentence(self._beads, place.row, place.column, direction)
        except (ValueError, IndexError):
            return False
        self._edit(_("Move sentence"), beads)
        return True

    def reset_alignment(self) -> None:
        """Forget the corrections of the shown pair (undoable)."""
        pair = self.shown_pair()
        if pair is None:
            return
        automatic, change = self._library.reset_alignment(*pair)
        self._events.announce(change)
        before = self._beads
        self._beads = automatic.beads
        self.undo_stack.push(AlignmentEdit(self, _("Reset alignment"), before, automatic.beads))

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
        if right >= len(self._documents):
            return
        self.left_language.setCurrentIndex(right)
        self.right_language.setCurrentIndex(left)
        self._show_chosen()

    def _on_compare_button_clicked(self) -> None:
        from reader.ui.parallel.compare_picker import pick_document

        document_id = pick_document(self._library, self, exclude_article=self._article_id)
        if document_id is not None:
            self.compare_with(document_id)

    def _on_link_button_clicked(self) -> None:
        self.link_compared()

    def _on_unlink_button_clicked(self) -> None:
        self.unlink_right()

    def _on_merge_action_triggered(self) -> None:
        self.merge_row_with_next(self.view.current_row())

    def _on_reset_action_triggered(self) -> None:
        self.reset_alignment()

    def _on_view_context_menu_requested(self, place: CellPlace, position: QPoint) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        self.highlights.add_to_menu(menu, place)
        menu.addSeparator()
        if self.shown_pair() is not None:
            menu.addAction(self.merge_action)
            split = menu.addAction(_("Split the row before this sentence"))
            split.triggered.connect(lambda: self.split_row_before(place))
            up = menu.addAction(_("Move this sentence to the row above"))
            up.triggered.connect(lambda: self.move_sentence(place, -1))
            down = menu.addAction(_("Move this sentence to the row below"))
            down.triggered.connect(lambda: self.move_sentence(place, +1))
            menu.addSeparator()
            menu.addAction(self.undo_action)
            menu.addAction(self.redo_action)
            menu.addAction(self.reset_action)
            menu.addSeparator()
        copy = menu.addAction(_("Copy"))
        copy.setEnabled(self.view.textCursor().hasSelection())
        copy.triggered.connect(self.view.copy)
        menu.popup(position)

    def _on_alignment_progress(self, done: int, total: int, _what: str) -> None:
        if self._pending is not None and 0 < done < total:  # a book, chapter by chapter
            self._status.setText(_("Aligning sentences… {percent} %").format(
                percent=done * 100 // total))

    def _on_alignment_finished(self, pair: tuple[int, int]) -> None:
        if self._pending == pair:
            self._pending = None
        if self.shown_pair() == pair or self._chosen_ids() == list(pair):
            self._show_chosen()

    def _on_alignment_failed(self, message: str) -> None:
        self._pending = None
        self._status.setText(_("Could not align: {message}").format(message=message))

    def _other_than(self, index: int) -> int:
        return next(i for i in range(len(self._documents)) if i != index)
