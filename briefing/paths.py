"""Where the app's own files are: resources and the bundled dialogue, installed or not."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """`briefing/resources` inside an installed wheel, else the checkout's `resources/`."""
    installed = _PACKAGE / "resources"
    return installed if installed.is_dir() else _PACKAGE.parent / "resources"


@cache
def data_dir() -> Path:
    installed = _PACKAGE / "data"
    return installed if installed.is_dir() else _PACKAGE.parent / "data"


def bundled_dialogue() -> Path:
    """The dialogue the app opens when given no file."""
    return data_dir() / "us-rok-ncet-dialogue.yaml"


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name
