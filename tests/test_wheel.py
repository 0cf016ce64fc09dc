"""A non-editable install works: the wheel holds resources and data, and loads from a copy."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_holds_resources_and_data_and_loads_installed(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--disable-pip-version-check",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("briefing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "briefing/resources/fonts/NanumGothic.ttf",
        "briefing/resources/fonts/NanumGothicBold.ttf",
        "briefing/resources/fonts/OFL.txt",
        "briefing/resources/schema/briefing-1.schema.json",
        "briefing/data/us-rok-ncet-dialogue.yaml",
        "briefing/data/sources/yonhap-us-rok-ncet-dialogue.txt",
    ):
        assert needed in names, needed

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r})\n"
        "import briefing, briefing.paths, briefing.loader\n"
        f"assert briefing.__file__.startswith({str(site)!r}), briefing.__file__\n"
        "d = briefing.loader.load_dialogue(briefing.paths.bundled_dialogue())\n"
        "print(briefing.paths.bundled_dialogue().is_relative_to("
        f"{str(site)!r}), d.quote_count)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout == "True 36\n"
