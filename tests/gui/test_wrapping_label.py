"""The card's wrapping labels give the heights a plain QLabel gives, however their text, font
or margins change, while their size hints never lay the text out."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from briefing.gui.wrapping_label import MIN_WIDTH, WrappingLabel

LONG = "The two sides agreed to strengthen cooperation in next-generation technologies. " * 6


def pair(qtbot: Any, text: str) -> tuple[WrappingLabel, QLabel]:
    ours, plain = WrappingLabel(), QLabel()
    for label in (ours, plain):
        qtbot.addWidget(label)
        label.setWordWrap(True)
        label.setText(text)
    return ours, plain


def test_heights_are_a_qlabels_through_every_change(qtbot: Any) -> None:
    ours, plain = pair(qtbot, LONG)
    seen = []
    for change in (
        lambda label: None,
        lambda label: label.setText("Short."),
        lambda label: label.setText(LONG),
        lambda label: label.setFont(QFont(label.font().family(), 18)),
        lambda label: label.setContentsMargins(0, 12, 0, 12),
        lambda label: label.setMargin(6),
        lambda label: label.setText("<b>One</b><br>two<br>three<br>four"),
        lambda label: label.setTextFormat(label.textFormat().PlainText),
        lambda label: label.setText(LONG),
        lambda label: label.setWordWrap(False),
    ):
        change(ours)
        change(plain)
        for width in (640, 120, 300, 640):  # first the width asked last, before the change
            assert ours.heightForWidth(width) == plain.heightForWidth(width)
            seen.append(ours.heightForWidth(width))
    assert len(set(seen)) > 8, "the changes changed the heights"


def test_size_hints_are_one_line_while_wrapping_and_a_qlabels_otherwise(qtbot: Any) -> None:
    ours, plain = pair(qtbot, LONG)
    line = ours.fontMetrics().height()
    assert ours.sizeHint().width() == ours.minimumSizeHint().width() == MIN_WIDTH
    assert ours.sizeHint().height() == line < plain.sizeHint().height()
    for label in (ours, plain):
        label.setWordWrap(False)
        label.setText("Chip")
    assert ours.sizeHint() == plain.sizeHint()
    assert ours.minimumSizeHint() == plain.minimumSizeHint()
