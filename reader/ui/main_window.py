"""The main window: builds the three panes, wires them and remembers their state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from reader import APP_NAME
from reader.bundled import resource_path
from reader.locations import default_library_path
from reader.operations.changes import LibraryChange
from reader.operations.session import LibrarySession
from reader.store import Annotation, LibraryError
from reader.store.records import ListKind, SearchHit
from reader.ui.background import BackgroundJob, start_job
from reader.ui.figures.metrics_sidebar import MetricsSidebar
from reader.ui.focus_mode import FocusMode
from reader.ui.i18n import _, format_count, ngettext, ui_language
from reader.ui.import_controller import ImportController
from reader.ui.library.library_model import LibraryTableModel
from reader.ui.library.library_pane import LibraryPane
from reader.ui.library.read_marks import ReadMarks
from reader.ui.library.search_pane import SearchPane
from reader.ui.library_events import LibraryEvents
from reader.ui.library_health import LibraryHealth
from reader.ui.navigator import Navigator
from reader.ui.notes.pending_writes import PendingWrites
from reader.ui.parallel.parallel_pane import ParallelPane
from reader.ui.parallel.reading_style import ReadingStyle
from reader.ui.plain_text import as_rich_text
from reader.ui.startup import StartUp
from reader.ui.themes import Theme, Themes
from reader.ui.upkeep import LibraryUpkeep
from reader.ui.window_state import WindowState

if TYPE_CHECKING:
    from reader.ui.figures.figures_dialog import FiguresDialog
    from reader.ui.notes.annotations_panel import AnnotationsPanel
    from reader.ui.notes.bookmarks_panel import BookmarksPanel
    from reader.ui.notes.kept_notes_panel import KeptNotesPanel

DEFAULT_DOCK_HEIGHT = 210
FOCUS_STYLE = ("QAbstractItemView:focus, QTextBrowser:focus, QLineEdit:focus "
               "{ border: 2px solid palette(highlight); }")


class MainWindow(QMainWindow):
    """Library on the left, the parallel pane in the middle, metrics on the right."""

    # The quick filter to go back to when "translations differ" is turned off.
    _filter_before_disagreeing = ListKind.ALL.value

    def __init__(self, library: LibrarySession, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.events = LibraryEvents(self)
        self.setWindowTitle(f"{APP_NAME} — {library.path.name}")

        self.health = LibraryHealth(library, self)
        self.health.hold_writes()  # until the file's check passes (after the first paint)
        self.undo_stack = QUndoStack(self)  # one for the window: commands carry their ids
        self.library_model = LibraryTableModel(library, ui_language())
        self.library_pane = LibraryPane(self.library_model)
        self.parallel_pane = ParallelPane(library, self.events, self.undo_stack)
        self.reading_style = ReadingStyle(settings, self)
        self.parallel_pane.view.set_reading_font(self.reading_style.font())
        self.themes = Themes(settings, self)
        self.metrics_sidebar = MetricsSidebar(library)
        self.importer = ImportController(library.path, self.events, self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.search_pane = SearchPane(library, self.library_pane)
        for pane in (self.search_pane, self.parallel_pane, self.metrics_sidebar):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.setAcceptDrops(True)  # files and folders dropped on the window are imported
        self._build_docks()
        self.navigator = Navigator(library, self.library_pane, self.parallel_pane,
                                   self._set_notes_article, self._show_message, self)
        self.upkeep = LibraryUpkeep(library, self.events, self)
        self.read_marks = ReadMarks(
            library, self.events,
            lambda: self.library_model.list_filter().kind is ListKind.UNREAD,
            self._show_message, self)
        self.pending_writes = PendingWrites(library, self.events, self,
                                            default_library_path().parent / "pending")
        self._waiting_label = QLabel(self)
        self._waiting_label.setObjectName("pendingWrites")
        self._waiting_label.hide()
        self.statusBar().addPermanentWidget(self._waiting_label)
        self._build_menus()
        self._connect_signals()
        if library.read_only:
            self.pending_writes.read_only_for_good = True
            self._take_no_new_notes()
        self._settings = settings
        self._state = WindowState(settings, library.path)
        self._state.restore(self, self.splitter, self.library_pane)
        # On the first start the notes panels stay closed until there is a note.
        self.first_start = self._state.first_start  # nothing remembered: a first window
        self._notes_closed_at_first = self.first_start and not library.annotation_count()
        if self._notes_closed_at_first:
            self.annotations_dock.hide()
            self.bookmarks_dock.hide()
        if not all(dock.isHidden() for dock in self._notes_docks()):
            self._build_notes_panels()  # a notes panel open last time is in the first paint
        self.focus_mode = FocusMode(self, [self.search_pane, self.metrics_sidebar,
                                           self.annotations_dock, self.bookmarks_dock,
                                           self.kept_notes_dock, self.menuBar(),
                                           self.statusBar()],
                                    self.parallel_pane.view)
        self.addActions([self.find_action, self.help_action])
        # The article read last is in the first paint; what can wait runs after it: the
        # translation check of its pair, the file's check, loading what writes use.
        self.parallel_pane.hold_background_work()
        self._open_initial_article()
        self._startup = StartUp(self, then=[self._show_icon, self._show_focus_frame,
                                            self.parallel_pane.release_background_work,
                                            self.health.start, self._load_writing_code])
        self._update_status()

    # -- building ----------------------------------------------------------------------------

    def _build_docks(self) -> None:
        """The notes panels' docks; the panels themselves are made when one first shows
        (`_build_notes_panels`): most starts show none, and they cost the first paint ~8 ms."""
        self._notes_panels: tuple[AnnotationsPanel, BookmarksPanel, KeptNotesPanel] | None = None
        self.annotations_dock = QDockWidget(_("Highlights and notes"), self)
        self.annotations_dock.setObjectName("annotationsDock")
        self.bookmarks_dock = QDockWidget(_("Bookmarks"), self)
        self.bookmarks_dock.setObjectName("bookmarksDock")
        self.kept_notes_dock = QDockWidget(_("Notes of deleted articles"), self)
        self.kept_notes_dock.setObjectName("keptNotesDock")
        area = Qt.DockWidgetArea.BottomDockWidgetArea
        for dock in self._notes_docks():
            self.addDockWidget(area, dock)
            dock.visibilityChanged.connect(self._on_notes_dock_visibility_changed)
        self.tabifyDockWidget(self.annotations_dock, self.bookmarks_dock)
        self.tabifyDockWidget(self.bookmarks_dock, self.kept_notes_dock)
        self.kept_notes_dock.hide()
        self.annotations_dock.raise_()
        self.resizeDocks([self.annotations_dock], [DEFAULT_DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _notes_docks(self) -> tuple[QDockWidget, QDockWidget, QDockWidget]:
        return self.annotations_dock, self.bookmarks_dock, self.kept_notes_dock

    def _on_notes_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._build_notes_panels()

    def _build_notes_panels(self) -> tuple[AnnotationsPanel, BookmarksPanel, KeptNotesPanel]:
        """The three notes panels, made and put in their docks the first time one is needed."""
        if self._notes_panels is not None:
            return self._notes_panels
        from reader.ui.notes.annotations_panel import AnnotationsPanel
        from reader.ui.notes.bookmarks_panel import BookmarksPanel
        from reader.ui.notes.kept_notes_panel import KeptNotesPanel

        annotations = AnnotationsPanel(self.library, self.events, self.undo_stack)
        bookmarks = BookmarksPanel(self.library, self.events, self.undo_stack,
                                   preferred_language=ui_language())
        kept_notes = KeptNotesPanel(self.library, self.events)
        self._notes_panels = annotations, bookmarks, kept_notes
        for dock, panel in zip(self._notes_docks(), self._notes_panels, strict=True):
            dock.setWidget(panel)
        annotations.open_requested.connect(self.navigator.open_annotation)
        annotations.edit_requested.connect(self._on_annotation_edit_requested)
        bookmarks.open_article_requested.connect(self.navigator.open_article)
        bookmarks.open_bookmark_requested.connect(self.navigator.open_bookmark)
        if self.parallel_pane.article_id is not None:
            annotations.set_current_article(self.parallel_pane.article_id)
        return self._notes_panels

    @property
    def annotations_panel(self) -> AnnotationsPanel:
        """The highlights and notes panel (made when first asked for)."""
        return self._build_notes_panels()[0]

    @property
    def bookmarks_panel(self) -> BookmarksPanel:
        """The bookmarks panel (made when first asked for)."""
        return self._build_notes_panels()[1]

    @property
    def kept_notes_panel(self) -> KeptNotesPanel:
        """The panel of the notes of deleted articles (made when first asked for)."""
        return self._build_notes_panels()[2]

    def _set_notes_article(self, article_id: int) -> None:
        """The notes panel lists the article shown (once it is made: it then reads it)."""
        if self._notes_panels is not None:
            self._notes_panels[0].set_current_article(article_id)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.import_files_action = QAction(_("&Import files…"), self)
        self.import_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_folder_action = QAction(_("Import &folder…"), self)
        self.import_folder_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_address_action = QAction(_("Open &address…"), self)
        self.open_address_action.setShortcut(QKeySequence("Ctrl+L"))
        self.quit_action = QAction(_("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.export_notes_action = QAction(_("&Export highlights and notes…"), self)
        self.export_notes_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_article_notes_action = QAction(_("Export this article's highlights…"), self)
        self.export_pair_action = QAction(_("Export &translation pair…"), self)
        self.import_notes_action = QAction(_("Import &highlights (W3C)…"), self)
        self.restore_action = QAction(_("&Restore the library from a backup…"), self)
        file_menu.addAction(self.import_files_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addAction(self.open_address_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_notes_action)
        file_menu.addAction(self.export_article_notes_action)
        file_menu.addAction(self.import_notes_action)
        file_menu.addAction(self.export_pair_action)
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, _("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, _("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        pane = self.parallel_pane
        edit_menu.addSeparator()
        for action in pane.note_actions():
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        # Ctrl+F finds where the keyboard is: in the article's text, or in the library.
        self.find_action = QAction(_("&Find in this article"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(pane.merge_action)
        edit_menu.addAction(pane.reset_action)
        edit_menu.addSeparator()
        self.preferences_action = QAction(_("&Preferences…"), self)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.preferences_action)
        library_menu = self.menuBar().addMenu(_("&Library"))
        self.figures_action = QAction(_("&Figures in the library…"), self)
        self.figures_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.disagreeing_action = QAction(_("Only articles whose &translations differ"), self)
        self.disagreeing_action.setCheckable(True)
        self.star_action = QAction(_("&Star or unstar the article"), self)
        self.star_action.setShortcut(QKeySequence("Ctrl+D"))
        self.read_action = QAction(_("Mark as &unread or read"), self)
        self.read_action.setShortcut(QKeySequence("Ctrl+U"))
        self.search_action = QAction(_("&Search all articles"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.delete_article_action = QAction(_("&Delete the article"), self)
        self.delete_article_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Del deletes an article only where the list has the keyboard.
        self.delete_article_action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.library_pane.view.addAction(self.delete_article_action)
        library_menu.addAction(self.search_action)
        library_menu.addAction(self.star_action)
        library_menu.addAction(self.read_action)
        library_menu.addAction(self.delete_article_action)
        library_menu.addSeparator()
        library_menu.addAction(self.figures_action)
        library_menu.addAction(self.disagreeing_action)
        view_menu = self.menuBar().addMenu(_("&View"))
        self.notes_panel_action = QAction(_("&Highlights and notes"), self)
        self.notes_panel_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.bookmarks_panel_action = QAction(_("&Bookmarks"), self)
        self.bookmarks_panel_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        view_menu.addAction(self.notes_panel_action)
        view_menu.addAction(self.bookmarks_panel_action)
        self.kept_notes_action = QAction(_("Notes of &deleted articles"), self)
        view_menu.addAction(self.kept_notes_action)
        view_menu.addSeparator()
        self.zoom_in_action = QAction(_("&Larger text"), self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out_action = QAction(_("&Smaller text"), self)
        self.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
        self.zoom_reset_action = QAction(_("&Original text size"), self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.reading_font_action = QAction(_("Reading &font…"), self)
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action,
                       self.reading_font_action):
            view_menu.addAction(action)
        theme_menu = view_menu.addMenu(_("&Theme"))
        self.theme_actions: dict[Theme, QAction] = {}
        themes = QActionGroup(self)
        for theme, label in ((Theme.SYSTEM, _("As the &system")), (Theme.LIGHT, _("&Light")),
                             (Theme.DARK, _("&Dark")), (Theme.SEPIA, _("S&epia"))):
            action = QAction(label, themes)
            action.setCheckable(True)
            action.setChecked(theme == self.themes.theme)
            action.setData(theme.value)
            theme_menu.addAction(action)
            self.theme_actions[theme] = action
        themes.triggered.connect(lambda action: self.themes.choose(Theme(action.data())))
        view_menu.addSeparator()
        self.next_pane_action = QAction(_("&Next pane"), self)
        self.next_pane_action.setShortcut(QKeySequence("F6"))
        self.previous_pane_action = QAction(_("&Previous pane"), self)
        self.previous_pane_action.setShortcut(QKeySequence("Shift+F6"))
        view_menu.addAction(self.next_pane_action)
        view_menu.addAction(self.previous_pane_action)
        self.focus_action = QAction(_("&Focus mode"), self)
        self.focus_action.setShortcut(QKeySequence("F11"))
        self.focus_action.setCheckable(True)
        view_menu.addAction(self.focus_action)
        # Esc leaves focus mode; the action is enabled only there, so Esc works as ever elsewhere.
        self.leave_focus_action = QAction(_("Leave focus mode"), self)
        self.leave_focus_action.setShortcut(QKeySequence("Esc"))
        self.leave_focus_action.setEnabled(False)
        # In focus mode the menu bar is hidden: the window holds the shortcuts itself.
        self.addActions([self.focus_action, self.leave_focus_action, self.zoom_in_action,
                         self.zoom_out_action, self.zoom_reset_action])
        help_menu = self.menuBar().addMenu(_("&Help"))
        self.help_action = QAction(_("Parallel Reader &Help and keyboard shortcuts"), self)
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        help_menu.addAction(self.help_action)
        self.diagnostics_action = QAction(_("Copy &diagnostics"), self)
        self.diagnostics_action.setToolTip(_("Put what a bug report needs on the clipboard"))
        help_menu.addAction(self.diagnostics_action)
        self.about_action = QAction(_("&About Parallel Reader"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def _on_about_action_triggered(self) -> None:
        from reader.ui.about import show_about

        show_about(self, self.library.path)

    def _on_preferences_action_triggered(self) -> None:
        from reader.ui.preferences import PreferencesDialog

        PreferencesDialog(self._settings, self).exec()

    def _connect_signals(self) -> None:
        self.library_pane.article_selected.connect(self._on_library_article_selected)
        self.reading_style.changed.connect(self._on_reading_style_changed)
        self.themes.changed.connect(self._on_themes_changed)
        self.parallel_pane.view.zoom_requested.connect(self._on_view_zoom_requested)
        self.zoom_in_action.triggered.connect(self.reading_style.zoom_in)
        self.zoom_out_action.triggered.connect(self.reading_style.zoom_out)
        self.zoom_reset_action.triggered.connect(self.reading_style.reset_zoom)
        self.reading_font_action.triggered.connect(self._on_reading_font_action_triggered)
        self.focus_action.triggered.connect(self._on_focus_action_triggered)
        self.next_pane_action.triggered.connect(lambda: self.cycle_panes(1))
        self.previous_pane_action.triggered.connect(lambda: self.cycle_panes(-1))
        self.leave_focus_action.triggered.connect(self._on_leave_focus_action_triggered)
        self.delete_article_action.triggered.connect(self.delete_selected_article)
        self.kept_notes_action.triggered.connect(lambda: self.bring_forward(
            self.kept_notes_dock))
        self.notes_panel_action.triggered.connect(lambda: self.bring_forward(
            self.annotations_dock))
        self.bookmarks_panel_action.triggered.connect(lambda: self.bring_forward(
            self.bookmarks_dock))
        self.parallel_pane.documents_shown.connect(self.metrics_sidebar.show_documents)
        self.parallel_pane.message.connect(self._show_message)
        self.parallel_pane.figures_checked.connect(self.metrics_sidebar.show_translation_check)
        self.metrics_sidebar.figure_activated.connect(self.parallel_pane.locate_figure)
        self.metrics_sidebar.fetch_requested.connect(self.import_address)
        self.events.changed.connect(self._on_events_changed)
        self.upkeep.message.connect(self._on_upkeep_message)
        self.pending_writes.message.connect(self._show_message)
        self.health.message.connect(self._show_message)
        # What writes waits for the file's check: kept notes, then the upkeep.
        self.health.writable_again.connect(self.pending_writes.start)
        self.health.writable_again.connect(self.upkeep.start)
        self.health.writable_again.connect(self._on_health_writable_again)
        self.pending_writes.waiting_changed.connect(self._on_pending_writes_waiting_changed)
        self.library_pane.filter_changed.connect(self._update_status)
        self.library_pane.star_clicked.connect(self.toggle_star)
        self.search_action.triggered.connect(self._on_search_action_triggered)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        self.search_pane.hit_opened.connect(self._on_search_pane_hit_opened)
        self.search_pane.searching_changed.connect(self._on_search_pane_searching_changed)
        self.export_notes_action.triggered.connect(self._on_export_notes_triggered)
        self.export_article_notes_action.triggered.connect(
            self._on_export_article_notes_triggered)
        self.import_notes_action.triggered.connect(self._on_import_notes_triggered)
        self.export_pair_action.triggered.connect(self._on_export_pair_triggered)
        self.restore_action.triggered.connect(self._on_restore_action_triggered)
        self.star_action.triggered.connect(self._on_star_action_triggered)
        self.read_action.triggered.connect(self._on_read_action_triggered)
        self.parallel_pane.article_shown.connect(self.read_marks.article_shown)
        self.import_files_action.triggered.connect(self._on_import_files_triggered)
        self.open_address_action.triggered.connect(self._on_open_address_triggered)
        self.import_folder_action.triggered.connect(self._on_import_folder_triggered)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.help_action.triggered.connect(self.show_help)
        self.preferences_action.triggered.connect(self._on_preferences_action_triggered)
        self.diagnostics_action.triggered.connect(self._on_diagnostics_action_triggered)
        self.figures_action.triggered.connect(self.show_figures_dialog)
        self.disagreeing_action.toggled.connect(self._on_disagreeing_action_toggled)
        self.library_pane.filter_changed.connect(self._on_disagreements_filter_changed)

    # -- state -------------------------------------------------------------------------------

    def _open_initial_article(self) -> None:
        """Open the article read last time, else the first one listed."""
        last = self._state.last_article()
        if not (last is not None and self.navigator.open_article(last)):
            self.library_pane.select_first()

    def _load_writing_code(self) -> None:
        # After the first paint (the article's text is in it): an import in another thread
        # holds the interpreter and would delay that paint by tens of milliseconds.
        start_job(BackgroundJob(lambda _report: LibrarySession.load_writing_code()))

    def initial_article_opened(self) -> bool:
        """Whether the window's start is over: its first article was opened before it was
        shown, and the steps that wait for the first paint (the file's check) have begun."""
        return not self._startup.pending

    def use_default_split(self) -> None:
        """Share the window's width between the panes as a first window does."""
        from reader.ui.window_state import DEFAULT_SPLIT

        self.splitter.setSizes([int(self.width() * share) for share in DEFAULT_SPLIT])

    def save_state(self) -> None:
        """Remember geometry, pane sizes, column layout, the open article and where in it."""
        if self.focus_mode.active:
            self._on_leave_focus_action_triggered()  # remember the window, not focus mode
        self._remember_reading_place()
        self._state.save(self, self.splitter, self.library_pane, self.library_model)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _dropped_paths(event.mimeData()) or _dropped_address(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = _dropped_paths(event.mimeData())
        address = _dropped_address(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
        elif address:  # a link dragged from a web browser: the page is fetched and imported
            event.acceptProposedAction()
            self.import_address(address)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.upkeep.stop()
        self.read_marks.leave()
        self.save_state()
        self.health.note_sound_file()
        super().closeEvent(event)

    # -- actions -----------------------------------------------------------------------------

    def open_article(self, article_id: int) -> bool:
        """Select an article in the library and show it afresh; False if it is not there."""
        return self.navigator.open_article(article_id)

    def delete_selected_article(self) -> bool:
        """Delete the article selected in the library (undoable); False when none is."""
        from reader.ui.library.article_commands import DeleteArticle

        article_id = self.library_pane.selected_article()
        if article_id is None or self.library.read_only:
            return False
        title = next((d.title for d in self.library.documents_of(article_id)), "")
        command = DeleteArticle(self.library, self.events, article_id, title,
                                lambda text: self._show_message(text),
                                self.navigator.open_article)
        self.undo_stack.push(command)
        return command.removed is not None

    def toggle_star(self, article_id: int) -> None:
        """Star an article, or unstar it (undoable)."""
        from reader.ui.notes.note_commands import SetStar

        starred = self.library.is_starred(article_id)
        self.undo_stack.push(SetStar(self.library, self.events, article_id,
                                                   not starred))
        self.statusBar().showMessage(_("Unstarred") if starred else _("Starred"), 3000)

    def show_figures_dialog(self) -> FiguresDialog:
        """Open the list of every figure in the library."""
        from reader.ui.figures.figures_dialog import FiguresDialog

        dialog = FiguresDialog(self.library, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.figure_activated.connect(self.navigator.open_figure)
        dialog.show()
        return dialog

    def import_paths(self, paths: list[Path]) -> bool:
        """Import files and folders in the background (what the File menu does)."""
        return self.importer.import_paths(paths)

    def import_address(self, address: str) -> bool:
        """Fetch a web page and import it in the background (File → Open address…)."""
        return self.importer.import_address(address)

    def _on_open_address_triggered(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        address, accepted = QInputDialog.getText(
            self, _("Open address"), _("Web address of the article (https://…):"),
            QLineEdit.EchoMode.Normal, "")
        if accepted and address.strip():
            self.import_address(address.strip())

    def _update_status(self) -> None:
        count = self.library_model.total_count()
        shown = self.library_pane.shown_count()
        text = ngettext("{n} article", "{n} articles", count).format(n=format_count(count))
        if shown != count:
            text = _("{shown} of {text}").format(shown=format_count(shown), text=text)
        self.statusBar().showMessage(text)

    # -- slots -------------------------------------------------------------------------------

    def _on_library_article_selected(self, article_id: int) -> None:
        self._remember_reading_place()
        self.parallel_pane.clear_search_matches()
        self.parallel_pane.show_article(article_id)
        self._set_notes_article(article_id)
        place = self._state.reading_place(article_id)
        if place is not None:
            self.parallel_pane.go_to_reading_place(*place)

    def _remember_reading_place(self) -> None:
        article_id = self.parallel_pane.article_id
        place = self.parallel_pane.reading_place()
        if article_id is not None and place is not None:
            self._state.remember_reading_place(article_id, *place)

    def show_help(self) -> None:
        """Open the help window (F1): how to read, and every keyboard shortcut."""
        from reader.ui.help_window import HelpWindow

        self.help_window = HelpWindow(self)
        self.help_window.show()

    def _on_find_action_triggered(self) -> None:
        focused = QApplication.focusWidget()
        in_library = focused is not None and (self.search_pane is focused
                                              or self.search_pane.isAncestorOf(focused))
        if in_library or self.parallel_pane.model.rowCount() == 0:
            self._on_search_action_triggered()
        else:
            self.parallel_pane.find_bar.open()

    def panes(self) -> list[QWidget]:
        """The panes F6 goes through, in order: where the keyboard lands in each."""
        return [self.library_pane.view, self.parallel_pane.view,
                self.metrics_sidebar.focus_target(), self.annotations_panel,
                self.bookmarks_panel, self.kept_notes_panel]

    def cycle_panes(self, step: int) -> None:
        """Give the keyboard to the next (or previous) pane on screen."""
        panes = self.panes()
        focused = QApplication.focusWidget()
        current = next((number for number, pane in enumerate(panes) if focused is not None
                        and (focused is pane or pane.isAncestorOf(focused))), -1)
        for offset in range(1, len(panes) + 1):
            pane = panes[(current + step * offset) % len(panes)]
            if pane.isVisible() and not pane.visibleRegion().isEmpty():
                pane.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def bring_forward(self, dock: QDockWidget) -> None:
        """Show a notes panel in front (also when it is a background tab); hide it when it is
        already in front."""
        in_front = dock.isVisible() and not dock.visibleRegion().isEmpty()
        if in_front:
            dock.hide()
            return
        self._build_notes_panels()
        dock.show()
        dock.raise_()
        dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_icon(self) -> None:
        """The window's icon, and its dialogs' (the application's): after the first paint,
        which does not need it (the icon's SVG costs ~3 ms to load, more where the desktop
        asks for it in several sizes)."""
        from PySide6.QtGui import QIcon

        icon = QIcon(str(resource_path("icons/parallel-reader.svg")))
        QApplication.setWindowIcon(icon)
        self.setWindowIcon(icon)

    def _show_focus_frame(self) -> None:
        """Where the keyboard is shows plainly: a frame in the theme's highlight colour. A style
        sheet on the window makes every widget polish itself through it (about 12 ms of the
        start), so it is set right after the first paint: the frame shows a moment later."""
        self.setStyleSheet(FOCUS_STYLE)

    def _on_themes_changed(self, _theme: str) -> None:
        # A style sheet keeps the palette its widgets had: set it again with the new one.
        self.setStyleSheet("")
        self.setStyleSheet(FOCUS_STYLE)

    def _on_reading_style_changed(self) -> None:
        self.parallel_pane.view.set_reading_font(self.reading_style.font())
        self._show_message(_("Text size: {size} pt").format(
            size=f"{self.reading_style.point_size():g}"))

    def _on_view_zoom_requested(self, step: int) -> None:
        if step > 0:
            self.reading_style.zoom_in()
        else:
            self.reading_style.zoom_out()

    def _on_reading_font_action_triggered(self) -> None:
        from PySide6.QtWidgets import QFontDialog

        ok, chosen = QFontDialog.getFont(self.reading_style.font(), self,
                                         _("The font articles are read in"))
        if ok:
            self.reading_style.set_font(chosen)

    def _on_focus_action_triggered(self) -> None:
        self.focus_mode.toggle()
        self.focus_action.setChecked(self.focus_mode.active)
        self.leave_focus_action.setEnabled(self.focus_mode.active)

    def _on_leave_focus_action_triggered(self) -> None:
        self.focus_mode.leave()
        self.focus_action.setChecked(False)
        self.leave_focus_action.setEnabled(False)

    def _on_annotation_edit_requested(self, annotation: Annotation) -> None:
        self.parallel_pane.edit_annotation(annotation)

    def _on_export_notes_triggered(self) -> None:
        from reader.ui.notes.notes_files import export_notes

        export_notes(self, self.library)

    def _on_export_article_notes_triggered(self) -> None:
        from reader.ui.notes.notes_files import export_notes

        article_id = self.library_pane.selected_article()
        if article_id is not None:
            export_notes(self, self.library, article_id)

    def _on_export_pair_triggered(self) -> None:
        from reader.ui.pair_files import export_pair

        article_id = self.library_pane.selected_article()
        if article_id is not None:
            languages = self.parallel_pane.shown_languages()
            export_pair(self, self.library, self.events, article_id,
                        languages if len(languages) == 2 else None)

    def _on_import_notes_triggered(self) -> None:
        from reader.ui.notes.notes_files import import_notes

        import_notes(self, self.library, self.events)

    def _on_search_action_triggered(self) -> None:
        self.search_pane.focus_field()

    def _on_search_pane_searching_changed(self, searching: bool) -> None:
        if not searching:
            self.parallel_pane.clear_search_matches()

    def _on_star_action_triggered(self) -> None:
        article_id = self.library_pane.selected_article()
        if article_id is not None:
            self.toggle_star(article_id)

    def _on_read_action_triggered(self) -> None:
        article_id = self.library_pane.selected_article()
        if article_id is not None:
            self.read_marks.toggle(article_id)

    def _on_disagreeing_action_toggled(self, checked: bool) -> None:
        # Each article keeps whether its translations differ: the list filters in SQL, at once.
        pane = self.library_pane
        differing = ListKind.DIFFERING.value
        if checked and pane.quick_filter() != differing:
            self._filter_before_disagreeing = pane.quick_filter()
            pane.set_quick_filter(differing)
            if pane.selected_article() is None:
                pane.select_first()
        elif not checked and pane.quick_filter() == differing:
            pane.set_quick_filter(self._filter_before_disagreeing)

    def _on_disagreements_filter_changed(self) -> None:
        # The quick filter chosen in the library pane is the one the menu item shows.
        shown = self.library_pane.quick_filter() == ListKind.DIFFERING.value
        if self.disagreeing_action.isChecked() != shown:
            self.disagreeing_action.blockSignals(True)
            self.disagreeing_action.setChecked(shown)
            self.disagreeing_action.blockSignals(False)

    def _on_events_changed(self, change: LibraryChange) -> None:
        selected = self.library_pane.selected_article()
        rows_before = self.library_model.rowCount()
        self.library_model.refresh(change)  # the pane keeps the selected article selected
        if change.everything or change.articles_came_or_went:
            if selected is not None and self.library_pane.selected_article() == selected:
                self.parallel_pane.show_article(selected)  # its text may have changed
            elif selected is None or not self.library_pane.select_article(selected):
                self.library_pane.select_first()
        elif change.figures and selected is not None and change.touches_documents(
                self.parallel_pane.shown_document_ids()):
            self.parallel_pane.show_article(selected)
        if change.everything or self.library_model.rowCount() != rows_before:
            self._update_status()
        if change.annotations and self._notes_closed_at_first:
            # The first note: the panel that lists it opens (once; then the layout is kept).
            self._notes_closed_at_first = False
            self.annotations_dock.show()
            self.annotations_dock.raise_()

    def _on_upkeep_message(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message)
        else:
            self._update_status()

    def _on_search_pane_hit_opened(self, hit: SearchHit) -> None:
        self.navigator.open_search_hit(hit, self.search_pane.query())

    def _on_pending_writes_waiting_changed(self, count: int) -> None:
        self._waiting_label.setText(ngettext("{n} change waiting to be saved",
                                             "{n} changes waiting to be saved",
                                             count).format(n=format_count(count)))
        self._waiting_label.setVisible(count > 0)
        if self.pending_writes.read_only_for_good:
            self._take_no_new_notes()

    def _take_no_new_notes(self) -> None:
        """A library that cannot be written takes no new notes; reading and export work."""
        for action in (*self.parallel_pane.note_actions(), self.star_action):
            action.setEnabled(False)

    def restore_from_backup(self, backup: Path) -> bool:
        """Put a backup in place of the library (the library as it was is kept beside it)."""
        from PySide6.QtWidgets import QMessageBox

        try:
            kept, change = self.library.restore_from(backup)
        except LibraryError as error:
            self.restore_box = QMessageBox(
                QMessageBox.Icon.Warning, _("Restore from a backup"),
                as_rich_text(_("Nothing was restored: {reason}").format(reason=error)),
                QMessageBox.StandardButton.Close, self)
            self.restore_box.open()
            return False
        self.events.announce(change)
        self._show_message(_("Restored from {backup}; the library as it was is kept in "
                             "{kept}.").format(backup=backup.name, kept=kept.name))
        return True

    def _on_restore_action_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        name = self.library.path.name
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from a backup"), str(self.library.path.parent),
            _("Backups of this library ({patterns});;All files (*)").format(
                patterns=f"{name}.*backup {name}.*.before-restore"))
        if not chosen:
            return
        answer = QMessageBox.question(self, _("Restore from a backup"), as_rich_text(_(
            "Replace the library with the backup {backup}?\n\nThe library as it is now is "
            "kept beside it first.").format(backup=Path(chosen).name)))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from_backup(Path(chosen))

    def _on_diagnostics_action_triggered(self) -> None:
        from reader.ui.diagnostics import copy_diagnostics

        copy_diagnostics(self.library, self.pending_writes.waiting())
        self._show_message(_("Diagnostics copied: paste them into your bug report."))

    def _on_health_writable_again(self) -> None:
        self.library_model.use_title_language(ui_language())

    def _show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _on_import_files_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs load when first used

        from reader.formats.registry import open_filter

        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Import files"), str(Path.home()), open_filter(_),
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def _on_import_folder_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, _("Import folder"), str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])


def _dropped_address(mime: QMimeData | None) -> str | None:
    """The web address a drag carries (a link from a browser), if it carries one."""
    from reader.operations.fetching import is_web_address

    if mime is None:
        return None
    candidates = [url.toString() for url in mime.urls()] if mime.hasUrls() else []
    if mime.hasText():
        candidates.append(mime.text().strip())
    return next((text.strip() for text in candidates
                 if is_web_address(text) and len(text.split()) == 1), None)


def _dropped_paths(mime: QMimeData | None) -> list[Path]:
    """The local folders, and files in a format the reader imports, that a drag carries."""
    from reader.formats.registry import is_importable

    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_dir() or is_importable(path)]
