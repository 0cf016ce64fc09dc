"""Synthetic dialogues for benchmarks and tests: many cards, real evidence.

Quotes are cut from a generated source text, so provenance checking is part of what a
load of the synthetic file costs, as it is for a real one.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

WORDS = [
    "alliance",
    "research",
    "battery",
    "chip",
    "supply",
    "chain",
    "standards",
    "network",
    "security",
    "export",
    "control",
    "investment",
    "talent",
    "quantum",
    "foundry",
    "lithium",
    "cathode",
    "wafer",
    "packaging",
    "design",
    "model",
    "compute",
    "governance",
    "safety",
    "forum",
    "summit",
    "agency",
    "ministry",
    "council",
    "partnership",
    "pilot",
    "programme",
    "infrastructure",
    "spectrum",
    "satellite",
    "vaccine",
    "biologics",
    "reagent",
    "enzyme",
    "grid",
    "storage",
    "hydrogen",
    "reactor",
    "fusion",
    "sensor",
    "robotics",
    "platform",
    "dataset",
    "benchmark",
    "procurement",
    "financing",
]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def source_text(paragraphs: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(_sentence(rng, rng.randint(12, 24)) for _ in range(3)) for _ in range(paragraphs)
    ]


def dialogue_document(sectors: int, paragraphs: list[str], seed: int = 2) -> dict[str, object]:
    rng = random.Random(seed)

    def quote() -> str:
        paragraph = rng.choice(paragraphs)
        start = rng.randrange(0, max(1, len(paragraph) - 120))
        start = paragraph.rfind(" ", 0, start) + 1
        return paragraph[start : start + rng.randint(60, 110)].strip()

    def point(i: int) -> dict[str, object]:
        found: dict[str, object] = {
            "lead": f"Lead {i}",
            "text": _sentence(rng, 30),
            "evidence": [{"source": "src", "quote": quote()} for _ in range(rng.randint(1, 2))],
        }
        if i % 3 == 0:
            found["commitment"] = {"actors": "both", "kind": "agreed", "what": _sentence(rng, 6)}
        return found

    cards: list[dict[str, object]] = []
    for n in range(sectors):
        card: dict[str, object] = {
            "id": f"sector-{n:05d}",
            "title": f"Sector {n}: {rng.choice(WORDS)} and {rng.choice(WORDS)}",
            "summary": _sentence(rng, 24),
            "points": [point(i) for i in range(4)],
            "notes": [
                {
                    "text": _sentence(rng, 28),
                    "cites": [{"title": "A public report", "url": "https://example.org/r"}],
                }
            ],
        }
        if n == 0:
            card["kind"] = "overview"
        cards.append(card)
    return {
        "format": "briefing/1",
        "dialogue": {
            "title": "Synthetic dialogue",
            "place": "Nowhere",
            "date": "Someday",
            "evidence": [{"source": "src", "quote": quote()}],
        },
        "sources": [
            {"id": "src", "title": "Generated text", "publisher": "Benchmarks", "file": "src.txt"}
        ],
        "sectors": cards,
    }


def write_synthetic(folder: Path, sectors: int = 2000, paragraphs: int = 300) -> Path:
    """Writes `synthetic.yaml` and its source `src.txt` into folder; returns the YAML path."""
    folder.mkdir(parents=True, exist_ok=True)
    text = source_text(paragraphs)
    (folder / "src.txt").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    document = dialogue_document(sectors, text)
    path = folder / "synthetic.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(
            document, out, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100
        )
    return path
