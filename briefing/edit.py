"""Edits to a dialogue's YAML data as pure functions: each returns a `Change`, which
`briefing.document.apply` applies to give a new document and the change that undoes it.

A change replaces one mapping or list of the data (the one holding what was edited) with an
edited copy; its inverse puts the original back, so undo restores the data exactly, key order
and all. Nothing here checks the content: the document reports what is missing or wrong as
problems, and drafts are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.format import RECORDS, ListOf, Record
from briefing.problem_words import FIELD_NAMES, ITEM_NAMES
from briefing.yaml_data import Map, Seq, adopt

if TYPE_CHECKING:
    from briefing.document import Document

KeyPath = tuple[str | int, ...]
"""Where a value stands in the data: ("sectors", 2, "points", 0, "text")."""

_SCALARS = (str, int, float, bool)


class EditError(Exception):
    """An edit that cannot be made: a path that leads nowhere, a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class Change:
    """One edit: the mapping or list at `path` goes from `before` to `after`."""

    label: str
    """What it did, for the Undo menu ("Edit point text")."""
    path: KeyPath
    before: Any
    after: Any

    def inverse(self) -> Change:
        return Change(self.label, self.path, self.after, self.before)

    @property
    def card(self) -> int | None:
        """The index of the card the change is in, if it is in one card."""
        if len(self.path) >= 2 and self.path[0] == "sectors" and isinstance(self.path[1], int):
            return self.path[1]
        return None


def value_at(data: Any, path: KeyPath) -> Any:
    """The value at `path`; EditError if there is none."""
    value = data
    for step in path:
        in_map = isinstance(value, dict) and isinstance(step, str) and step in value
        in_list = isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value)
        if not (in_map or in_list):
            raise EditError(f"nothing at {_shown(path)}")
        value = value[step]
    return value


def get_at(data: Any, path: KeyPath) -> Any:
    """The value at `path`, or None where there is none (a form showing an absent field)."""
    try:
        return value_at(data, path)
    except EditError:
        return None


def replaced(data: Any, path: KeyPath, value: Any) -> Any:
    """`data` with the value at `path` replaced: copies along the path (keeping their
    origins), everything else shared."""
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(data, dict) and isinstance(step, str):
        copy = Map.made(data.items(), getattr(data, "origin", None))
        copy[step] = replaced(data[step], rest, value)
        return copy
    if isinstance(data, list) and isinstance(step, int):
        seq = Seq.made(data, getattr(data, "origin", None))
        seq[step] = replaced(data[step], rest, value)
        return seq
    raise EditError(f"nothing at {_shown(path)}")


def set_field(doc: Document, path: KeyPath, value: object | None) -> Change:
    """Sets the value at `path` (a key of a record, new or not, or an item of a list);
    None removes an optional key. Mappings and lists given are copied in."""
    if not path:
        raise EditError("give the path of a field")
    _check_value(value)
    parent_path, key = path[:-1], path[-1]
    parent = value_at(doc.data, parent_path)
    label = f"Edit {_describe(path)}"
    if isinstance(parent, dict) and isinstance(key, str):
        if value is None:
            if key not in parent:
                raise EditError(f"nothing at {_shown(path)}")
            return _change(
                label.replace("Edit", "Remove", 1), doc, parent_path, _without(parent, key)
            )
        keys = _record_keys(parent_path)
        if key not in parent and keys is not None and key not in keys:
            raise EditError(f"{key!r} is not a field here; expected one of: {', '.join(keys)}")
        new = adopt(_in_order(value, path))
        return _change(label, doc, parent_path, _with(parent, key, new, keys))
    if isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
        if value is None:
            return delete(doc, path)
        items = Seq.made(parent, parent.origin if isinstance(parent, Seq) else None)
        items[key] = adopt(_in_order(value, path))
        return _change(label, doc, parent_path, items)
    raise EditError(f"nothing at {_shown(path)}")


def new_card(doc: Document, index: int, title: str) -> Change:
    """A new sector card, a draft, at `index` of the cards, with an id made from `title`."""
    cards = _list_at(doc, ("sectors",), create=True)
    if not 0 <= index <= len(cards):
        raise EditError(f"no place {index} among {len(cards)} cards")
    taken = {c.get("id") for c in cards if isinstance(c, dict)}
    card = adopt({"id": _fresh_id(title, taken), "title": title})
    items = Seq.made(cards, getattr(cards, "origin", None))
    items.insert(index, card)
    return _list_change("New card", doc, ("sectors",), items)


def new_point(
    doc: Document, card: int, source: str, quote: str, index: int | None = None
) -> Change:
    """A new point of card `card` with no text yet and the one quote, at `index` (the end
    when None)."""
    path = ("sectors", card, "points")
    _card_at(doc, card)
    points = _list_at(doc, path, create=True)
    where = len(points) if index is None else index
    if not 0 <= where <= len(points):
        raise EditError(f"no place {where} among {len(points)} points")
    point = adopt({"text": "", "evidence": [_evidence(source, quote)]})
    items = Seq.made(points, getattr(points, "origin", None))
    items.insert(where, point)
    return _list_change("New point", doc, path, items)


def add_evidence(doc: Document, card: int, point: int, source: str, quote: str) -> Change:
    """Adds a quote to the evidence of a point."""
    path = ("sectors", card, "points", point, "evidence")
    value_at(doc.data, path[:-1])
    quotes = _list_at(doc, path, create=True)
    items = Seq.made(quotes, getattr(quotes, "origin", None))
    items.append(adopt(_evidence(source, quote)))
    return _list_change("Add quote", doc, path, items)


def add_dialogue_evidence(
    doc: Document, source: str, quote: str, co_chair: int | None = None
) -> Change:
    """Adds a quote supporting the dialogue's title, place and date, or with `co_chair`
    the name and role of that co-chair."""
    if co_chair is None:
        path: KeyPath = ("dialogue", "evidence")
        label = "Add quote for the dialogue"
    else:
        path = ("dialogue", "co_chairs", co_chair, "evidence")
        label = "Add quote for a co-chair"
    value_at(doc.data, path[:-1])
    quotes = _list_at(doc, path, create=True)
    items = Seq.made(quotes, getattr(quotes, "origin", None))
    items.append(adopt(_evidence(source, quote)))
    return _list_change(label, doc, path, items)


def set_card_quote(doc: Document, card: int, source: str, quote: str, speaker: str = "") -> Change:
    """Sets the card's quote block; with no speaker given, the one it had stays."""
    found = _card_at(doc, card)
    old = found.get("quote")
    if not speaker and isinstance(old, dict) and isinstance(old.get("speaker"), str):
        speaker = old["speaker"]
    block = {"speaker": speaker, "source": source, "quote": quote}
    keys = _record_keys(("sectors", card))
    changed = _with(found, "quote", adopt(block), keys)
    return _change("Set card quote", doc, ("sectors", card), changed)


def delete(doc: Document, path: KeyPath) -> Change:
    """Deletes an item of a list (a card, point, quote, note, citation...) or a key."""
    if not path:
        raise EditError("give the path of what to delete")
    parent_path, key = path[:-1], path[-1]
    parent = value_at(doc.data, parent_path)
    label = f"Delete {_describe(path)}"
    if isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
        items = Seq.made(parent, getattr(parent, "origin", None))
        del items[key]
        return _list_change(label, doc, parent_path, items)
    if isinstance(parent, dict) and isinstance(key, str) and key in parent:
        return _change(label, doc, parent_path, _without(parent, key))
    raise EditError(f"nothing at {_shown(path)}")


def move(doc: Document, path: KeyPath, new_index: int) -> Change:
    """Moves an item of a list to `new_index` of the same list."""
    if not path or not isinstance(path[-1], int):
        raise EditError("give the path of an item of a list")
    parent_path, index = path[:-1], path[-1]
    parent = value_at(doc.data, parent_path)
    if not isinstance(parent, list) or not 0 <= index < len(parent):
        raise EditError(f"nothing at {_shown(path)}")
    if not 0 <= new_index < len(parent):
        raise EditError(f"no place {new_index} among {len(parent)} items")
    items = Seq.made(parent, getattr(parent, "origin", None))
    items.insert(new_index, items.pop(index))
    return _list_change(f"Move {_describe(path)}", doc, parent_path, items)


def add_source(doc: Document, entry: dict[str, object]) -> Change:
    """Adds an entry to `sources` (id, title, publisher, file, url...)."""
    _check_value(entry)
    sources = _list_at(doc, ("sources",), create=True)
    wanted = entry.get("id")
    if any(isinstance(s, dict) and s.get("id") == wanted for s in sources):
        raise EditError(f"there is a source with id {wanted!r} already")
    keys = RECORDS["Source"]
    ordered = {k: entry[k] for k in keys if k in entry} | entry
    items = Seq.made(sources, getattr(sources, "origin", None))
    items.append(adopt(ordered))
    return _list_change("Add source", doc, ("sources",), items)


# -- helpers ---------------------------------------------------------------------------


def _change(label: str, doc: Document, path: KeyPath, after: Any) -> Change:
    return Change(label, path, value_at(doc.data, path), after)


def _list_change(label: str, doc: Document, path: KeyPath, items: Seq) -> Change:
    """A change to the list at `path`, or to its record when the list is new."""
    try:
        return _change(label, doc, path, items)
    except EditError:
        parent = value_at(doc.data, path[:-1])
        key = path[-1]
        assert isinstance(parent, dict) and isinstance(key, str)
        return _change(label, doc, path[:-1], _with(parent, key, items, _record_keys(path[:-1])))


def _list_at(doc: Document, path: KeyPath, create: bool = False) -> list[Any]:
    parent = value_at(doc.data, path[:-1])
    value = parent.get(path[-1]) if isinstance(parent, dict) else None
    if value is None and create and isinstance(parent, dict):
        return Seq.made(())
    if not isinstance(value, list):
        raise EditError(f"{_shown(path)} is not a list")
    return value


def _card_at(doc: Document, card: int) -> dict[str, Any]:
    found = value_at(doc.data, ("sectors", card))
    if not isinstance(found, dict):
        raise EditError(f"card {card + 1} is not a card")
    return found


def _evidence(source: str, quote: str) -> dict[str, str]:
    return {"source": source, "quote": quote}


def _with(record: dict[str, Any], key: str, value: Any, keys: Sequence[str] | None) -> Map:
    """`record` with `key` set; a new key goes where the format puts it among the others."""
    items = [(k, value if k == key else v) for k, v in record.items()]
    if key not in record:
        at = len(items)
        if keys is not None and key in keys:
            rank = {k: i for i, k in enumerate(keys)}
            later = [i for i, (k, _) in enumerate(items) if rank.get(k, -1) > rank[key]]
            at = later[0] if later else at
        items.insert(at, (key, value))
    return Map.made(items, getattr(record, "origin", None))


def _without(record: dict[str, Any], key: str) -> Map:
    return Map.made(
        ((k, v) for k, v in record.items() if k != key), getattr(record, "origin", None)
    )


def _record_keys(path: KeyPath) -> tuple[str, ...] | None:
    """The keys the format allows in the record at `path`, in the format's order."""
    name = "Document"
    for step in path:
        if isinstance(step, int):
            continue
        key = RECORDS[name].get(step)
        if key is None:
            return None
        kind = key.kind
        if isinstance(kind, ListOf):
            kind = kind.item
        if not isinstance(kind, Record):
            return None
        name = kind.name
    return tuple(RECORDS[name])


def _in_order(value: Any, path: KeyPath) -> Any:
    """A record given as a dict, its keys in the format's order (others after them), so
    that it reads in the file like the rest."""
    if isinstance(value, list | tuple):
        return [_in_order(item, path) for item in value]
    if not isinstance(value, dict):
        return value
    keys = _record_keys(path) or ()
    rank = {k: i for i, k in enumerate(keys)}
    ordered = sorted(value, key=lambda k: rank.get(k, len(rank)))
    return {k: _in_order(value[k], (*path, k)) for k in ordered}


def _fresh_id(title: str, taken: set[Any]) -> str:
    base = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:40].strip("-") or "card"
    wanted, number = base, 2
    while wanted in taken:
        wanted = f"{base}-{number}"
        number += 1
    return wanted


def _check_value(value: object) -> None:
    if value is None or isinstance(value, _SCALARS):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise EditError(f"keys must be text, not {key!r}")
            _check_value(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_value(item)
    else:
        raise EditError(f"cannot write a {type(value).__name__} into the file")


def _describe(path: KeyPath) -> str:
    """The last record and field of a path in words: "point text", "card", "quote"."""
    words = []
    for step in path[-3:]:
        if isinstance(step, str):
            words.append(ITEM_NAMES.get(step) or FIELD_NAMES.get(step) or step.replace("_", " "))
    if isinstance(path[-1], int) or (len(words) > 1 and words[-1].startswith(words[-2])):
        words = words[-1:]  # "quote", "amount as stated"
    return " ".join(words[-2:]) or "value"


def _shown(path: KeyPath) -> str:
    return "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path).lstrip(".")
