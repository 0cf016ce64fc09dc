"""The dialogue's co-chairs as a form: name, name in Korean, role and country of each.

A co-chair rests on quotes of the source like a point; those stay as they are here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QVBoxLayout, QWidget

from briefing.edit import KeyPath, get_at
from briefing.gui.edit_fields import Binding, combo_field, line_field

OPTIONAL = {"name_ko"}


class _CoChair(QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("coChairEditor")
        self.name, name = line_field("coChairName", "Name in English")
        self.name_ko, name_ko = line_field("coChairNameKo", "Name in Korean (optional)")
        self.role, role = line_field("coChairRole", "Role, as the sources give it")
        self.country, country = combo_field("coChairCountry", ("KR", "US"))
        self.bindings: dict[str, Binding] = {
            "name": name,
            "name_ko": name_ko,
            "role": role,
            "country": country,
        }
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("In Korean", self.name_ko)
        form.addRow("Role", self.role)
        form.addRow("Country", self.country)


class CoChairsForm(QWidget):
    """Every co-chair of the dialogue; `edited(path, value)` for each change."""

    edited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: list[_CoChair] = []
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)

    def show_co_chairs(self, data: Any) -> None:
        people = get_at(data, ("dialogue", "co_chairs"))
        people = people if isinstance(people, list) else []
        while len(self.editors) < len(people):
            editor = _CoChair()
            for binding in editor.bindings.values():
                binding.edited.connect(self._typed)
            self.editors.append(editor)
            self._box.addWidget(editor)
        for n, editor in enumerate(self.editors):
            editor.setVisible(n < len(people))
            if n < len(people):
                editor.setTitle(f"Co-chair {n + 1}")
                for key, binding in editor.bindings.items():
                    path: KeyPath = ("dialogue", "co_chairs", n, key)
                    binding.show(path, get_at(data, path))

    def _typed(self, path: KeyPath, text: str) -> None:
        optional = path[-1] in OPTIONAL
        self.edited.emit(path, (text if text.strip() else None) if optional else text)
