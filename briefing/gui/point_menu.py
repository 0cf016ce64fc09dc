"""The right-click menu on a card's point: "Copy point with citation", as plain text."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from briefing.model import Dialogue, Evidence, Point
from briefing.provenance import paragraph_label

COPY_WITH_CITATION = "Copy Point with Citation"


def source_line(dialogue: Dialogue, evidence: Evidence) -> str:
    """'Yonhap News Agency, “S. Korea, U.S. agree …”, paragraph 5' for one quote."""
    try:
        source = dialogue.source(evidence.source)
    except KeyError:
        return evidence.source
    where = paragraph_label(evidence.paragraphs)
    parts = [source.publisher, f"\u201c{source.title}\u201d", where]
    return ", ".join(p for p in parts if p)


def point_with_citation(dialogue: Dialogue, point: Point) -> str:
    """The point as plain text: lead and text, then each quote with its source and paragraphs."""
    lines = [f"{point.lead}. {point.text}" if point.lead else point.text]
    for evidence in point.evidence:
        quote = " ".join(evidence.quote.split())
        lines.append(f"\u201c{quote}\u201d \u2014 {source_line(dialogue, evidence)}")
    return "\n".join(lines)


def show_menu(menu: QMenu, at: QPoint) -> QAction | None:
    """Shows `menu` at the global point `at` until the user picks (tests replace this)."""
    return menu.exec(at)


def point_menu(parent: QWidget, dialogue: Dialogue, point: Point) -> QMenu:
    """The menu for one point; its action copies the point with its citation."""
    menu = QMenu(parent)
    menu.setObjectName("pointMenu")
    copy = menu.addAction(COPY_WITH_CITATION)
    copy.setObjectName("copyPointWithCitation")
    text = point_with_citation(dialogue, point)
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(text))
    return menu
