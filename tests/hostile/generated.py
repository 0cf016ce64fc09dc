"""The hostile files too large or too machine-specific to commit, made into a corpus copy."""

from __future__ import annotations

import os
from pathlib import Path


def add_generated(folder: Path) -> None:
    """Adds big-string.yaml, ten-thousand-sectors.yaml, too-many-values.yaml,
    sources/huge.txt, five big sources, a link out, a loop of links and a hard link."""
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
    os.symlink("loop-b.txt", folder / "sources" / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "sources" / "loop-b.txt")
    linked = folder.parent / "outside-linked.txt"  # a hard link can point anywhere on the disk
    linked.write_text("agreed on Saturday, outside the corpus folder\n", encoding="utf-8")
    os.link(linked, folder / "sources" / "hard-link.txt")
    for n in range(5):  # 3.5 MiB each: under the limit for one, over it for all together
        (folder / "sources" / f"big{n}.txt").write_bytes(b"word " * (700 * 1024 + 200))
    items = "  - a\n" * ((8 * 1024 * 1024 - 100) // 6)  # 1.4 million values, in 8 MiB
    (folder / "too-many-values.yaml").write_text(f"format: briefing/1\nsectors:\n{items}")
