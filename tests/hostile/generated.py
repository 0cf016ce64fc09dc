"""The hostile files too large or too machine-specific to commit, made into a corpus copy."""

from __future__ import annotations

import os
from pathlib import Path


def add_generated(folder: Path) -> None:
    """Adds big-string.yaml, ten-thousand-sectors.yaml, sources/huge.txt and a link out."""
    base = (folder / "valid-base.yaml").read_text(encoding="utf-8")
    big = "x" * (10 * 1024 * 1024)
    (folder / "big-string.yaml").write_text(
        base.replace("  title: Hostile corpus base", f"  title: {big}", 1), encoding="utf-8"
    )
    card = (
        "  - id: s{n}\n    title: Sector {n}\n    summary: Sector {n} in brief.\n    points:\n"
        "      - text: Point.\n        evidence:\n          - source: art\n"
        "            quote: agreed on Saturday\n"
    )
    cards = "".join(card.format(n=n) for n in range(10_000))
    (folder / "ten-thousand-sectors.yaml").write_text(
        base + cards.replace("  - id: s0\n", "  - id: s0\n", 1), encoding="utf-8"
    )
    (folder / "sources" / "huge.txt").write_text("word " * 1_100_000, encoding="utf-8")
    outside = folder.parent / "outside.txt"
    outside.write_text("outside the corpus folder\n", encoding="utf-8")
    os.symlink(outside, folder / "sources" / "link-out.txt")
