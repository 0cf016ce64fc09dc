"""The core imports no Qt; the JSON Schema matches the format tables and the model."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

from briefing import format as fmt
from briefing import model
from briefing.paths import resources_dir

BLOCK_QT = """
import sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError(f"{name} is blocked in this test")
        return None
sys.meta_path.insert(0, BlockQt())
"""


def test_core_imports_and_loads_without_qt() -> None:
    code = BLOCK_QT + (
        "import briefing.cli, briefing.loader, briefing.model\n"
        "import briefing.search, briefing.document, briefing.edit, briefing.yaml_save\n"
        "from briefing.paths import bundled_dialogue\n"
        "d = briefing.loader.load_dialogue(bundled_dialogue())\n"
        "import briefing.pdf\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(len(d.cards))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stderr == ""
    assert result.stdout == "8\n"


def test_validate_does_not_import_reportlab_ruamel_or_qt() -> None:
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        "from briefing.paths import bundled_dialogue\n"
        "assert main(['validate', str(bundled_dialogue())]) == 0\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PySide6', 'ruamel')]\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "[]"


def test_schema_file_is_generated_from_the_format_tables() -> None:
    on_disk = (resources_dir() / "schema" / "briefing-1.schema.json").read_text("utf-8")
    assert on_disk == fmt.json_schema_text(), "run: python -m briefing.format > resources/..."
    schema = json.loads(on_disk)
    assert schema["properties"]["format"]["enum"] == ["briefing/1"]
    assert schema["required"] == ["format", "dialogue", "sources", "sectors"]


# How each record of the format maps to the model; a key the model lacks is drift.
RECORD_MODEL = {
    "Dialogue": model.Dialogue,
    "Person": model.Person,
    "Source": model.Source,
    "Card": model.Card,
    "Point": model.Point,
    "Evidence": model.Evidence,
    "Commitment": model.Commitment,
    "Amount": model.Amount,
    "Note": model.Note,
    "Citation": model.Citation,
}


def test_every_format_key_has_a_model_field() -> None:
    for record, cls in RECORD_MODEL.items():
        fields = {f.name for f in dataclasses.fields(cls)}
        missing = set(fmt.RECORDS[record]) - fields
        assert not missing, f"{record}: {missing} not in {cls.__name__}"
    quotation = {f.name for f in dataclasses.fields(model.Quotation)}
    assert quotation == {"speaker", "evidence"}
    assert set(fmt.RECORDS["Quotation"]) == {"speaker", "source", "quote"}
