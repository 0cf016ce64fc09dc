"""Builds a displayable dialogue from a draft, part by part, so that an edit rebuilds only
what it changed.

The same checks as `load_dialogue` run on every part (reader, then loader), but nothing is
refused: each problem is kept, with the line and column where the data came from, and a card
or point with problems is still built, in its place. The parts are the top level, the
dialogue's details, the sources and each card; a card is rebuilt when its data changed, or when
a source its quotes name was rebuilt differently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from briefing.format import ListOf, Record
from briefing.loader import Builder
from briefing.model import Card, CardKind, Dialogue, Source
from briefing.problems import DialogueError, Problem
from briefing.reader import Rec, Walker
from briefing.safe_open import Folder
from briefing.yaml_data import NO_MARK, Map, Marks, Seq, mark_of, to_node

_CARD_PATH = re.compile(r"^sectors\[(\d+)\]")
_PARTS = ("dialogue", "sources", "sectors")
"""The top-level keys built as parts of their own."""


@dataclass(frozen=True, slots=True)
class CardBuild:
    """One card as built from its data, with its problems (key paths at `index`)."""

    data: Any
    rec: Rec
    card: Card
    problems: tuple[Problem, ...]
    index: int
    sources: frozenset[str]

    def at(self, index: int) -> CardBuild:
        """The same build for the card moved to `index`: its problems' key paths follow."""
        if index == self.index:
            return self
        prefix = f"sectors[{index}]"
        moved = tuple(replace(p, path=_CARD_PATH.sub(prefix, p.path, 1)) for p in self.problems)
        return replace(self, problems=moved, index=index)


@dataclass(frozen=True, slots=True)
class Build:
    """Everything built for one state of a document's data."""

    data: Any
    builder: Builder
    top: tuple[Problem, ...]
    dialogue_walked: tuple[Problem, ...]
    sources_data: Any
    sources: tuple[Source, ...]
    source_problems: tuple[Problem, ...]
    dialogue_data: Any
    dialogue_rec: Rec
    cards: tuple[CardBuild, ...]
    dialogue: Dialogue | None
    problems: tuple[Problem, ...]


def build_all(
    path: Path, data: Any, marks: Marks, node: yaml.Node | None = None, seed: Builder | None = None
) -> Build:
    """Builds every part of `data` (read from `node` when given, for its exact marks).
    Raises DialogueError when the data is not a mapping."""
    name = str(path)
    if node is None:
        node = to_node(data, marks, name)
    walker = Walker(name, keep_all=True)
    document = walker.value(node, Record("Document"), "")
    if not isinstance(document, Rec):
        raise DialogueError(walker.problems)  # not a mapping: nothing to show
    by_part = _partition(walker.problems)
    with Folder(path.parent) as folder:
        builder = _builder(path, folder, seed)
        sources = builder.sources(document.get("sources") or [])
    source_problems = tuple(by_part.get("sources", ())) + tuple(builder.problems)
    card_recs: list[Rec] = document.get("sectors") or []
    card_data = _items(data, "sectors")
    cards = []
    for index, (rec, item) in enumerate(zip(card_recs, card_data, strict=False)):
        cards.append(_card(builder, item, rec, index, tuple(by_part.get(index, ()))))
    dialogue_rec = document.get("dialogue") or Rec("dialogue", document.node)
    top = tuple(by_part.get("top", ()))
    walked = tuple(by_part.get("dialogue", ()))
    return _finish(data, builder, top, walked, sources, source_problems, dialogue_rec, cards)


def rebuild(old: Build, path: Path, data: Any, marks: Marks) -> Build:
    """`old` brought up to `data`, rebuilding only the parts that changed."""
    if _top_changed(old.data, data):
        return build_all(path, data, marks, seed=old.builder)
    name = str(path)
    builder, sources, source_problems = old.builder, old.sources, old.source_problems
    stale: Callable[[frozenset[str]], bool] = _never
    if data.get("sources") is not old.sources_data:
        walker = Walker(name, keep_all=True)
        kind = ListOf(Record("Source"), 1)
        node = to_node(data["sources"], marks, name, mark_of(data, marks, "sources") or NO_MARK)
        recs = walker.value(node, kind, "sources") or []
        with Folder(path.parent) as folder:
            builder = _builder(path, folder, old.builder)
            sources = builder.sources(recs)
        source_problems = tuple(walker.problems) + tuple(builder.problems)
        stale = _stale(old.builder, builder)
    dialogue_rec, walked = old.dialogue_rec, old.dialogue_walked
    if data.get("dialogue") is not old.dialogue_data:
        walker = Walker(name, keep_all=True)
        node = to_node(data["dialogue"], marks, name, mark_of(data, marks, "dialogue") or NO_MARK)
        dialogue_rec = walker.value(node, Record("Dialogue"), "dialogue") or Rec("dialogue", node)
        walked = tuple(walker.problems)
    previous = {id(c.data): c for c in old.cards}
    near = mark_of(data.get("sectors"), marks) or NO_MARK
    cards = []
    for index, card_data in enumerate(_items(data, "sectors")):
        built = previous.get(id(card_data))
        if built is None or stale(built.sources):
            walker = Walker(name, keep_all=True)
            where = f"sectors[{index}]"
            node = to_node(card_data, marks, name, near)
            rec = walker.value(node, Record("Card"), where) or Rec(where, node)
            built = _card(builder, card_data, rec, index, tuple(walker.problems))
        cards.append(built.at(index))
    return _finish(data, builder, old.top, walked, sources, source_problems, dialogue_rec, cards)


def _finish(
    data: Any,
    builder: Builder,
    top: tuple[Problem, ...],
    dialogue_walked: tuple[Problem, ...],
    sources: tuple[Source, ...],
    source_problems: tuple[Problem, ...],
    dialogue_rec: Rec,
    card_list: list[CardBuild],
) -> Build:
    cards = tuple(card_list)
    builder.problems = []
    builder.scanned = 0
    document = Rec("", dialogue_rec.node, {"dialogue": dialogue_rec})
    dialogue = builder.dialogue(document, sources, tuple(c.card for c in cards))
    problems = top + dialogue_walked + tuple(builder.problems) + source_problems
    problems += _card_set_problems(builder.name, cards)
    problems += tuple(p for c in cards for p in c.problems)
    return Build(
        data=data,
        builder=builder,
        top=top,
        dialogue_walked=dialogue_walked,
        sources_data=data.get("sources"),
        sources=sources,
        source_problems=source_problems,
        dialogue_data=data.get("dialogue"),
        dialogue_rec=dialogue_rec,
        cards=cards,
        dialogue=dialogue if cards else None,
        problems=problems,
    )


def _card(
    builder: Builder, data: Any, rec: Rec, index: int, walked: tuple[Problem, ...]
) -> CardBuild:
    builder.problems = []
    builder.scanned = 0  # the bound on quote checking is for one whole load
    card = builder.card(rec)
    cited = frozenset(e.source for e in card.evidence)
    problems = tuple(sorted(walked + tuple(builder.problems), key=lambda p: (p.line, p.column)))
    return CardBuild(data, rec, card, problems, index, cited)


def _card_set_problems(name: str, cards: Iterable[CardBuild]) -> tuple[Problem, ...]:
    """Card ids are unique, and there is one overview card at most (as the loader says)."""
    found: list[Problem] = []
    seen: set[str] = set()
    overview: CardBuild | None = None
    for built in cards:
        card_id = built.card.id
        where = f"sectors[{built.index}]"
        if card_id and card_id in seen:
            line, column = built.rec.mark_of("id")
            message = f"duplicate card id {card_id!r}"
            found.append(Problem(name, line, column, f"{where}.id", message))
        seen.add(card_id)
        if built.card.kind is CardKind.OVERVIEW and built.rec.get("kind") == "overview":
            if overview is None:
                overview = built
            else:
                first = overview.rec.mark_of("kind")[0]
                line, column = built.rec.mark_of("kind")
                message = f"a second overview card (the first is at line {first}); one only"
                found.append(Problem(name, line, column, f"{where}.kind", message))
    return tuple(found)


def _builder(path: Path, folder: Folder, seed: Builder | None) -> Builder:
    """A builder reading sources from `folder`; with a `seed`, its source texts and quote
    finders are reused (no file is read again), so that cards citing unchanged sources need
    no rebuilding."""
    builder = Builder(path, folder)
    if seed is not None:
        builder.texts = dict(seed.texts)
        builder.source_bytes = seed.source_bytes
        builder.shared_finders = dict(seed.shared_finders)
    return builder


def _stale(old: Builder, new: Builder) -> Callable[[frozenset[str]], bool]:
    """Whether a card citing these source ids must be built again with the new sources:
    one of them is found differently now, or is unknown and the known ones changed (the
    problem lists them)."""
    ids = set(old.finders) | set(new.finders)
    changed = {i for i in ids if old.finders.get(i) is not new.finders.get(i)}
    changed |= old.declared ^ new.declared
    if list(old.finders) == list(new.finders):
        return lambda cited: not cited.isdisjoint(changed)
    known = set(old.finders) & set(new.finders)
    return lambda cited: not cited.isdisjoint(changed) or not cited <= known


def _never(cited: frozenset[str]) -> bool:
    return False


def _top_changed(old: Any, new: Any) -> bool:
    """Whether the top level changed beyond the parts: then everything is built again."""
    if not isinstance(old, dict) or not isinstance(new, dict) or list(old) != list(new):
        return True
    for key, value in new.items():
        before = old[key]
        if key not in _PARTS:
            if value is not before:
                return True
        elif (
            type(value) is not type(before)
            or bool(value) != bool(before)
            or (key != "sectors" and not isinstance(value, Map | Seq))
        ):
            return True
    return not isinstance(new.get("sectors", []), Seq | list)


def _items(data: Any, key: str) -> list[Any]:
    items = data.get(key) if isinstance(data, dict) else None
    return items if isinstance(items, list) else []


def _part(path: str) -> str | int:
    """Which part a problem belongs to, by its key path."""
    found = _CARD_PATH.match(path)
    if found:
        return int(found[1])
    for part in ("dialogue", "sources"):
        if path.startswith((f"{part}.", f"{part}[")):
            return part
    return "top"


def _partition(problems: Iterable[Problem]) -> dict[str | int, list[Problem]]:
    parts: dict[str | int, list[Problem]] = {}
    for problem in problems:
        parts.setdefault(_part(problem.path), []).append(problem)
    return parts
