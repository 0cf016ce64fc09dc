"""What is wrong with the file on disk: a lasting banner over the card, and the Problems
panel that lists each problem (clicking one goes to its card); or, when the file reads, what
the open document (a draft) still lacks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.card_parts import text_label
from briefing.problem_words import card_number, describe_problem, describe_problems
from briefing.problems import Problem

if TYPE_CHECKING:
    from briefing.document import Document


def count_text(count: int) -> str:
    return "1 problem" if count == 1 else f"{count} problems"


class ProblemBanner(QFrame):
    """Says, for as long as it is true, that the cards are not what the file on disk says."""

    show_problems = Signal()
    reload = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.text = QLabel()
        self.text.setObjectName("problemBannerText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        show = QPushButton("Show Problems")
        show.setObjectName("showProblems")
        show.clicked.connect(self.show_problems)
        again = QPushButton("Reload")
        again.setObjectName("reloadFile")
        again.clicked.connect(self.reload)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(show)
        row.addWidget(again)
        self.hide()

    def set_problems(self, file_name: str, count: int, showing_old: bool) -> None:
        if not count:
            self.hide()
            return
        if showing_old:
            self.text.setText(
                f"The file on disk ({file_name}) has {count_text(count)}; "
                "showing the last good version."
            )
        else:
            self.text.setText(f"{file_name} could not be opened: it has {count_text(count)}.")
        self.show()


class ProblemsPanel(QWidget):
    """Each problem of the file on disk, in the words people use and as file:line:col."""

    go_to_card = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.setAccessibleName("Problems")
        self.summary = text_label("sourceMeta", selectable=False)
        self.list = QListWidget()
        self.list.setObjectName("problemList")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.copy = QPushButton("Copy All")
        self.copy.setObjectName("copyProblems")
        self.copy.clicked.connect(self.copy_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignRight)
        self._problems: tuple[Problem, ...] = ()
        self._omitted = 0
        self.set_problems(())

    def set_problems(
        self,
        problems: Sequence[Problem],
        described: Sequence[str] = (),
        omitted: int = 0,
        in_file: bool = True,
    ) -> None:
        """Lists `problems`; `described` holds the same in people's words, where known, and
        `omitted` counts the problems found but not listed. `in_file`: they are the file
        on disk's (it could not be read), not the open document's (a draft's)."""
        self._problems = tuple(problems)
        self._omitted = omitted
        self.list.clear()
        for i, problem in enumerate(self._problems):
            words = described[i] if i < len(described) else problem.message
            item = QListWidgetItem(f"{words}\n{problem}")
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.list.addItem(item)
        if omitted:
            self.list.addItem(QListWidgetItem(self._more()))
        count = count_text(len(self._problems) + omitted)
        if not self._problems:
            self.summary.setText("No problems: every quote is in its source.")
        elif in_file:
            self.summary.setText(f"The file on disk has {count}.")
        else:
            self.summary.setText(
                f"This dialogue is a draft with {count}; "
                "it saves as it is, and a card prints once it has none."
            )
        self.copy.setEnabled(bool(self._problems))

    def _more(self) -> str:
        return f"... and {self._omitted} more {'problem' if self._omitted == 1 else 'problems'}"

    def text(self) -> str:
        """Every problem as file:line:col, one a line (what Copy All copies)."""
        lines = [str(p) for p in self._problems]
        return "\n".join([*lines, self._more()] if self._omitted else lines)

    def copy_all(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.text())

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole) is None:
            return  # the "and N more" line
        number = card_number(self._problems[int(item.data(Qt.ItemDataRole.UserRole))])
        if number is not None:
            self.go_to_card.emit(number)


class ProblemsShown:
    """Keeps the banner, the Problems tab and its list in step: the file on disk's problems
    when it could not be read (the cards are its last good version), else the open
    document's (a draft's)."""

    def __init__(self, side: QTabWidget, panel: ProblemsPanel, banner: ProblemBanner) -> None:
        self._side, self._panel, self._banner = side, panel, banner
        self.listed: tuple[Problem, ...] = ()
        """The open document's problems as listed (none while the file on disk's are)."""

    def show(
        self,
        file_name: str,
        on_disk: tuple[Problem, ...],
        omitted: int,
        document: Document | None,
        showing_old: bool,
    ) -> bool:
        """Updates the banner, list and tab; True when the tab should be brought forward
        (the file could not be read and no older version is on screen)."""
        self._banner.set_problems(file_name, len(on_disk) + omitted, showing_old)
        self.listed = ()
        problems = on_disk
        if on_disk or document is None:
            self._panel.set_problems(on_disk, describe_problems(on_disk), omitted)
        else:
            problems = self.listed = document.problems
            described = [describe_problem(p, document.data) for p in problems]
            self._panel.set_problems(problems, described, in_file=False)
        at = self._side.indexOf(self._panel)
        if problems and at < 0:
            at = self._side.addTab(self._panel, "Problems")
        elif not problems and at >= 0:
            self._side.removeTab(at)
        if problems:
            self._side.setTabText(at, f"Problems ({len(problems) + omitted})")
        return bool(on_disk) and not showing_old
