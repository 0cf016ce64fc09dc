"""The exported PDFs pass the checks of independent tools: qpdf, pdffonts, pdftotext.

Each tool is optional on a developer's machine, but required in CI (CI=true): there a
missing tool fails the test instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from briefing.loader import load_dialogue
from briefing.paths import bundled_dialogue
from briefing.pdf import export_pdfs

DAY = date(2024, 5, 1)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is required in CI")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module", params=["a4", "letter"])
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> list[Path]:
    out = tmp_path_factory.mktemp(f"pdf-{request.param}")
    return export_pdfs(load_dialogue(bundled_dialogue()), out, request.param, generated=DAY)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)


def test_qpdf_check_passes(exported: list[Path]) -> None:
    qpdf = tool("qpdf")
    for pdf in exported:
        result = run(qpdf, "--check", str(pdf))
        assert result.returncode == 0, f"{pdf.name}: {result.stdout}{result.stderr}"
        assert "No syntax or stream encoding errors found" in result.stdout


def test_pdffonts_shows_every_font_embedded_and_subset(exported: list[Path]) -> None:
    pdffonts = tool("pdffonts")
    for pdf in exported:
        rows = run(pdffonts, str(pdf)).stdout.splitlines()[2:]
        assert rows, pdf.name
        for row in rows:
            name, kind, _, emb, sub, uni = row.split()[:6]
            assert "+NanumGothic" in name and kind == "TrueType", row
            assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_pdftotext_extracts_hangul(exported: list[Path]) -> None:
    pdftotext = tool("pdftotext")
    overview = next(p for p in exported if "-overview-" in p.name)
    text = run(pdftotext, "-enc", "UTF-8", str(overview), "-").stdout
    assert "조태용" in text
    assert "제이크 설리번" in text
