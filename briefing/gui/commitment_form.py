"""The commitment of a point, as a form: who, how firm, what, the amount, when and where.

When, where and the amount as stated must be words of the point's evidence, so those
fields offer the phrases the evidence holds (and take any other words, reported as a
problem until the evidence has them).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QVBoxLayout, QWidget

from briefing.edit import KeyPath, get_at
from briefing.gui.edit_fields import Binding, combo_field, line_field, set_suggestions
from briefing.model import Actor, CommitmentKind

NEW_COMMITMENT = {"actors": "both", "kind": "agreed", "what": ""}
NEW_AMOUNT = {"value": 0, "currency": "USD", "stated": ""}


def amount_value(text: str) -> int | float | None:
    """'10000000' -> 10000000, '1.5' -> 1.5; None for anything that is not a number."""
    cleaned = text.replace(",", "").replace("_", "").strip()
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return int(number) if number.is_integer() and "." not in cleaned else number


class CommitmentForm(QGroupBox):
    """Edits `<point>.commitment`; `edited(path, value)` for each change (None removes)."""

    edited = Signal(object, object)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Commitment", parent)
        self.setObjectName("commitmentForm")
        self.setCheckable(True)
        self.setChecked(False)
        self.toggled.connect(self._switched)
        self._path: KeyPath = ()
        self.actors, actors = combo_field("commitmentActors", tuple(a.value for a in Actor))
        self.kind, kind = combo_field("commitmentKind", tuple(k.value for k in CommitmentKind))
        self.what, what = line_field("commitmentWhat", "What is committed, briefly")
        self.timeframe, timeframe = combo_field("commitmentTimeframe", editable=True)
        self.place, place = combo_field("commitmentPlace", editable=True)
        self.has_amount = QCheckBox("Amount of money")
        self.has_amount.setObjectName("commitmentHasAmount")
        self.has_amount.clicked.connect(self._amount_switched)
        self.value, value = line_field("amountValue", "10000000", live=False)
        self.currency, currency = line_field("amountCurrency", "USD")
        self.qualifier, qualifier = line_field("amountQualifier", "at least (optional)")
        self.stated, stated = combo_field("amountStated", editable=True)
        self._fields: dict[str, Binding] = {
            "actors": actors,
            "kind": kind,
            "what": what,
            "timeframe": timeframe,
            "place": place,
            "amount.value": value,
            "amount.currency": currency,
            "amount.qualifier": qualifier,
            "amount.stated": stated,
        }
        for binding in self._fields.values():
            binding.edited.connect(self._typed)
        self.amount = QWidget()
        amount_form = QFormLayout(self.amount)
        amount_form.setContentsMargins(0, 0, 0, 0)
        amount_form.addRow("Value", self.value)
        amount_form.addRow("Currency", self.currency)
        amount_form.addRow("Qualifier", self.qualifier)
        amount_form.addRow("As stated", self.stated)
        form = QFormLayout()
        form.addRow("Who", self.actors)
        form.addRow("How firm", self.kind)
        form.addRow("What", self.what)
        form.addRow("When", self.timeframe)
        form.addRow("Where", self.place)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.has_amount)
        layout.addWidget(self.amount)

    def show_commitment(self, path: KeyPath, data: Any, phrases: tuple[str, ...]) -> None:
        """Shows the commitment at `path` (the point's key path + 'commitment') in `data`."""
        self._path = path
        commitment = get_at(data, path)
        present = isinstance(commitment, dict)
        self.blockSignals(True)
        self.setChecked(present)
        self.blockSignals(False)
        for field in (self.timeframe, self.place, self.stated):
            set_suggestions(field, ("", *phrases))
        for name, binding in self._fields.items():
            binding.show((*path, *name.split(".")), get_at(data, (*path, *name.split("."))))
        has_amount = present and isinstance(get_at(data, (*path, "amount")), dict)
        self.has_amount.setChecked(has_amount)
        self.amount.setVisible(has_amount)
        for widget in (self.actors, self.kind, self.what, self.timeframe, self.place):
            widget.setEnabled(present)
        self.has_amount.setEnabled(present)

    def _switched(self, on: bool) -> None:
        if self._path:
            self.edited.emit(self._path, dict(NEW_COMMITMENT) if on else None)

    def _amount_switched(self, on: bool) -> None:
        if self._path:
            self.edited.emit((*self._path, "amount"), dict(NEW_AMOUNT) if on else None)

    def _typed(self, path: KeyPath, text: str) -> None:
        key = path[-1]
        if key == "value":
            number = amount_value(text)
            if number is None:
                self.refused.emit(f"{text!r} is not a number; give the amount in figures.")
                return
            self.edited.emit(path, number)
        elif key in ("actors", "kind", "what", "currency", "stated"):
            self.edited.emit(path, text)
        else:
            self.edited.emit(path, text if text.strip() else None)  # optional: empty removes it
