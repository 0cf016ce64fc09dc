"""The main window: navigator, card, source and preview side by side, menus from the command
table, and the status bar. File and PDF commands are collaborators (file_commands.py,
pdf_commands.py); the window only lays them out and reports what they say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefing.gui import dialogs, shortcuts
from briefing.gui.card_view import CardView
from briefing.gui.edit_commands import EditCommands
from briefing.gui.edit_session import EditSession
from briefing.gui.edit_wiring import install_editing, make_edit_panel
from briefing.gui.file_commands import FileCommands
from briefing.gui.icons import line_icon
from briefing.gui.layout import DEFAULT_LIST, DEFAULT_SIDE, LIST_MIN, SIDE_MIN, fit_widths
from briefing.gui.navigator import NavigatorPanel
from briefing.gui.pdf_commands import PdfCommands
from briefing.gui.problems_panel import ProblemBanner, ProblemsPanel, ProblemsShown
from briefing.gui.recovery import Autosave
from briefing.gui.save_commands import SaveCommands
from briefing.gui.settings import AppSettings
from briefing.gui.source_panel import SourcePanel
from briefing.gui.state import Navigation, NavigationState
from briefing.gui.theme import Colors, Theme
from briefing.gui.window_text import status_text, window_title

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent

    from briefing.document import Document
    from briefing.gui.cite_selection import SelectionCiting
    from briefing.gui.edit_actions import EditActions
    from briefing.gui.edit_panel import EditPanel
    from briefing.gui.preview import PreviewPane

PROBLEMS_TAB = 2
NOTICE_MS = 8000
INDEX_DELAY = 200
"""ms after a file is read and painted that its search index is made, not at a keystroke."""


class MainWindow(QMainWindow):
    navigation: Navigation
    edit_session: EditSession
    files: FileCommands
    saving: SaveCommands
    edits: EditCommands
    pdf: PdfCommands
    edit_actions: EditActions
    citing: SelectionCiting

    def __init__(self, settings: AppSettings, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self.theme = theme
        self.navigation = Navigation(settings.page_size, self)
        self.edit_session = EditSession(self)
        self.files = FileCommands(self, self.navigation, settings, self.edit_session)
        self.autosave = Autosave(self.edit_session, self)
        self.saving = SaveCommands(self, self.files, self.edit_session, self.autosave)
        self.pdf = PdfCommands(self, self.navigation, self.files, settings)
        self._preview: PreviewPane | None = None

        # Each part made inside its final parent: moved after Qt styled it, it is styled again.
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.setCentralWidget(self.splitter)
        self.navigator_panel = NavigatorPanel(self.navigation, theme, self.splitter)
        self.navigator = self.navigator_panel.navigator
        middle = QWidget(self.splitter)
        middle.setObjectName("cardColumn")
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.files.conflict)
        self.banner = ProblemBanner(middle)
        column.addWidget(self.banner)
        self.card_split = QSplitter(Qt.Orientation.Vertical, middle)  # the edit panel under it
        self.card_split.setObjectName("cardSplit")
        self.card_split.setChildrenCollapsible(False)
        column.addWidget(self.card_split, 1)
        self.card_view = CardView(self.navigation, theme, self.card_split)
        self.card_view.open_requested.connect(self.files.open_file)
        column.addWidget(self.pdf.notification)
        self.side = QTabWidget(self.splitter)
        self.side.setObjectName("sideTabs")
        self.side.setDocumentMode(True)
        self.source_panel = SourcePanel(self.navigation, theme)
        self.side.addTab(self.source_panel, "Source")
        self._preview_page = QWidget()
        self._preview_page.setObjectName("previewPage")
        QVBoxLayout(self._preview_page).setContentsMargins(0, 0, 0, 0)
        self.side.addTab(self._preview_page, "PDF preview")
        self.problems_panel = ProblemsPanel()  # a tab only while there are problems
        self.problems_panel.go_to_card.connect(self.navigation.go_to)
        self.banner.show_problems.connect(lambda: self.show_side(PROBLEMS_TAB))
        self.banner.reload.connect(self.files.reload)
        self.problems_shown = ProblemsShown(self.side, self.problems_panel, self.banner)
        self.files.problems_changed.connect(self._problems_changed)
        make_index = self.navigation.prepare_search
        self.files.read.connect(lambda: QTimer.singleShot(INDEX_DELAY, make_index))
        self.edit_session.changed.connect(self._document_changed)
        self.edit_session.modified_changed.connect(self.setWindowModified)
        self.side.currentChanged.connect(self._side_changed)
        for index, stretch in enumerate((0, 1, 0)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setCollapsible(1, False)
        self.navigator_panel.setMinimumWidth(LIST_MIN)
        self.side.setMinimumWidth(SIDE_MIN)
        self._wanted = (DEFAULT_LIST, DEFAULT_SIDE)  # the panels' widths the user chose
        self._fitting = False
        self.splitter.splitterMoved.connect(self._splitter_moved)

        self.actions_by_name, self.menus = shortcuts.build_actions(
            self, self.menuBar(), self.navigator
        )
        self.menus["&File"].insertMenu(self.actions_by_name["reloadFile"], self.files.recent_menu)
        self.menus["&File"].setToolTipsVisible(True)  # why a draft's export is greyed out
        self.edits = EditCommands(
            self,
            self.actions_by_name,
            self.files,
            self.edit_session,
            self.navigation,
            self.autosave,
        )
        column.insertWidget(0, self.edits.recovery_bar)
        self._edit_panel: EditPanel | None = None
        install_editing(self, self.card_split)
        self._build_toolbar()
        self._build_status_bar()
        for source in (self.files, self.saving, self.edits, self.autosave, self.edit_actions):
            source.notice.connect(self._notify)
        self.pdf.notice.connect(self._notify)
        self.pdf.progress.connect(self._progress)
        self.navigation.changed.connect(self._state_changed)
        self.apply_colors(theme.colors)
        theme.changed.connect(self.apply_colors)
        self._state_changed(self.navigation.state, self.navigation.state)

    # -- building --------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar("Navigation")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("previousCard", "nextCard"):
            bar.addAction(self.actions_by_name[name])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search = QLineEdit()
        self.search.setObjectName("searchField")
        self.search.setAccessibleName("Search cards")
        self.search.setPlaceholderText("Search cards")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        self.search.setMaximumWidth(360)
        self.search.textChanged.connect(self.navigation.set_query)
        self._search_icon = QAction(self)
        self.search.addAction(self._search_icon, QLineEdit.ActionPosition.LeadingPosition)
        bar.addWidget(self.search)
        bar.addSeparator()
        for name in ("exportCard", "print"):
            bar.addAction(self.actions_by_name[name])
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        self.status = QLabel()
        self.status.setObjectName("cardStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.notice)
        self.statusBar().addPermanentWidget(self.progress)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice.clear)

    @property
    def edit_panel(self) -> EditPanel:
        """The edit panel under the card, made when Edit Mode is first used."""
        if self._edit_panel is None:
            self._edit_panel = make_edit_panel(self, self.card_split)
        return self._edit_panel

    @property
    def has_edit_panel(self) -> bool:
        return self._edit_panel is not None

    def apply_colors(self, colors: Colors) -> None:
        """Icons are drawn in the theme's colours; called again when the scheme changes."""
        normal, disabled = QColor(colors.text), QColor(colors.muted)
        for command in shortcuts.COMMANDS:
            if command.icon:
                icon = line_icon(command.icon, normal, disabled, QColor(colors.accent))
                self.actions_by_name[command.name].setIcon(icon)
        self._search_icon.setIcon(line_icon("search", disabled, disabled, disabled))

    @property
    def preview(self) -> PreviewPane:
        """The PDF preview, made the first time it is shown (it loads QtPdf)."""
        if self._preview is None:
            from briefing.gui.preview import PreviewPane

            self._preview = PreviewPane(self.navigation, self.pdf.output)
            layout = self._preview_page.layout()
            assert layout is not None
            layout.addWidget(self._preview)
        return self._preview

    # -- sharing the width -------------------------------------------------------------

    def panels_shown(self) -> tuple[bool, bool]:
        """Whether the card list and the side panel are switched on (View menu)."""
        return (not self.navigator_panel.isHidden(), not self.side.isHidden())

    def set_panel_shown(self, panel: int, shown: bool) -> None:
        """Switches the card list (0) or the side panel (1) on or off."""
        (self.navigator_panel, self.side)[panel].setVisible(shown)
        self._fit()
        self._update_checks()

    def toggle_panel(self, panel: int) -> None:
        self.set_panel_shown(panel, not self.panels_shown()[panel])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Shares the splitter's width: the card keeps priority (see layout.fit_widths)."""
        handles = self.splitter.handleWidth() * sum(self.panels_shown())
        widths = fit_widths(self.splitter.width() - handles, self._wanted, self.panels_shown())
        self._fitting = True
        try:
            self.splitter.setSizes(list(widths))
        finally:
            self._fitting = False

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        """Keeps the widths the user dragged the panels to."""
        if self._fitting:
            return
        card_list, _card, side = self.splitter.sizes()
        self._wanted = (card_list or self._wanted[0], side or self._wanted[1])

    def _document_changed(self, document: Document | None) -> None:
        problems = document.problems if document is not None else ()
        if problems != self.problems_shown.listed and not self.files.problems:
            self._problems_changed()  # which also updates the title, status and commands
        else:
            self._state_changed(self.navigation.state, self.navigation.state)

    def _problems_changed(self) -> None:
        """The file on disk gained or lost problems, or the open document (a draft) did."""
        name = self.files.path.name if self.files.path else ""
        showing_old = self.navigation.state.dialogue is not None
        document = self.edit_session.document
        if self.problems_shown.show(
            name, self.files.problems, self.files.omitted, document, showing_old
        ):
            self.show_side(PROBLEMS_TAB)
        self._state_changed(self.navigation.state, self.navigation.state)

    def _side_changed(self, index: int) -> None:
        if index == 1:
            self.preview.refresh()
        self._update_checks()

    # -- reacting to the navigation --------------------------------------------------------

    def _state_changed(self, new: NavigationState, old: NavigationState) -> None:
        self.setWindowTitle(window_title(new, self.files.path.name if self.files.path else ""))
        document = self.edit_session.document
        on_disk = len(self.files.problems) + self.files.omitted
        drafts = len(document.problems) if document is not None else 0
        self.status.setText(status_text(new, on_disk, self.edits.update_outputs(new), drafts))
        self._update_checks()

    def _update_checks(self) -> None:
        shortcuts.update_checks(self, self.actions_by_name, self.navigation.state)

    # -- commands (run from the table in shortcuts.py) -------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        self.search.clear()

    def side_tab(self) -> int:
        return self.side.currentIndex()

    def show_side(self, index: int) -> None:
        """Shows side tab `index`, making room for the side panel when it was left out."""
        self.side.setCurrentIndex(index)
        if self.side.isHidden():
            self.set_panel_shown(1, True)
        card_list, card, side = self.splitter.sizes()
        if side == 0 and self.isVisible():
            room = card_list + card + side
            given = min(max(self._wanted[1], SIDE_MIN), room // 2)
            self._fitting = True
            try:
                self.splitter.setSizes([0, room - given, given])
            finally:
                self._fitting = False

    def show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self, shortcuts.shortcut_rows())

    def show_about(self) -> None:
        from briefing.gui.about import about_html

        dialogs.show_about(self, "About Briefing", about_html(self.navigation.state.dialogue))

    def _progress(self, done: int, total: int) -> None:
        if total == 0:
            self.progress.hide()
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()

    def _notify(self, message: str, busy: bool = False) -> None:
        self.notice.setText(message)
        if busy:
            self._notice_timer.stop()
        else:
            self._notice_timer.start(NOTICE_MS)

    # -- window state ----------------------------------------------------------------------

    def restore_state(self) -> None:
        """Geometry, toolbar, panels and side tab from the settings (defaults otherwise);
        never larger than the screen."""
        s = self.settings
        screen = self.screen().availableGeometry()
        if s.geometry is None or not self.restoreGeometry(s.geometry):
            self.resize(min(1280, screen.width() * 9 // 10), min(800, screen.height() * 9 // 10))
        if self.width() > screen.width() or self.height() > screen.height():
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height()))
        if s.window_state is not None:
            self.restoreState(s.window_state)
        self._wanted = s.panel_widths or (DEFAULT_LIST, DEFAULT_SIDE)
        self.navigator_panel.setVisible(s.panels_shown[0])
        self.side.setVisible(s.panels_shown[1])
        self.side.setCurrentIndex(s.side_tab)
        self._fit()
        self._update_checks()

    def save_state(self) -> None:
        s = self.settings
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.panel_widths = self._wanted
        s.panels_shown = self.panels_shown()
        s.side_tab = self.side_tab()
        s.page_size = self.navigation.state.page_size
        card = self.navigation.state.current
        if self.files.path is not None and card is not None:
            s.set_last(str(self.files.path.resolve()), card.id)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.saving.may_discard():
            event.ignore()
            return
        self.save_state()
        self.files.stop()
        self.pdf.wait(5000)  # an export in progress finishes writing its file
        super().closeEvent(event)
