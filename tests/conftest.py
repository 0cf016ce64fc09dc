"""Shared fixtures: the bundled dialogue and small dialogue files written to a temp folder."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.paths import bundled_dialogue


@pytest.fixture(autouse=True, scope="session")
def own_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes the user's settings or recovered edits (the recovery folder
    is beside the settings file), not even from a window an earlier test left behind."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("user")
        patch.setenv("BRIEFING_SETTINGS", str(folder / "briefing.ini"))
        yield


SOURCE_TEXT = textwrap.dedent(
    """\
    A headline for the test article

    SEOUL, the two sides agreed on Saturday to work together on chips.

    They will invest at least US$5 million next year in the U.S. in “joint” research.

    Officials said R&D budgets would grow.
    """
)

MINIMAL = textwrap.dedent(
    """\
    format: briefing/1
    dialogue:
      title: Test dialogue
      place: Seoul
      date: Saturday
      evidence:
        - source: art
          quote: agreed on Saturday
    sources:
      - id: art
        title: Test article
        publisher: Test News
        file: art.txt
        headline: true
    sectors:
      - id: overview
        kind: overview
        title: Overview
        summary: The two sides agreed to work together.
        points:
          - lead: Chips
            text: They agreed to work together on chips.
            evidence:
              - source: art
                quote: agreed on Saturday to work together on chips
      - id: research
        title: Research
        summary: Money for joint research.
        points:
          - text: At least US$5 million next year.
            evidence:
              - source: art
                quote: They will invest at least US$5 million next year in the U.S. in "joint" research.
            commitment:
              actors: both
              kind: planned
              what: Invest in joint research
              timeframe: next year
              amount: {value: 5000000, currency: USD, qualifier: at least, stated: at least US$5 million}
    """
)

WriteDialogue = Callable[..., Path]


@pytest.fixture
def bundled() -> Path:
    return bundled_dialogue()


@pytest.fixture
def write_dialogue(tmp_path: Path) -> WriteDialogue:
    """Writes a dialogue file (default: MINIMAL) and its source text into tmp_path."""

    def write(text: str = MINIMAL, source: str = SOURCE_TEXT, name: str = "d.yaml") -> Path:
        (tmp_path / "art.txt").write_text(source, encoding="utf-8")
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
