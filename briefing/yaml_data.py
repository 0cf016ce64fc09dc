"""A dialogue file's YAML as plain data for editing: dicts and lists that remember which part
of the file they came from, so that problems keep their line numbers and saving keeps the
comments and layout around what did not change.

Every mapping is a `Map` and every list a `Seq` (subclasses of dict and list, equal to plain
ones), each with an `origin`: a number naming the YAML node it was read from. A copy made by
an edit keeps the origin of what it replaces; anything new gets a fresh one. Where each
origin stands in the file (its `Mark`, and the marks of a mapping's values) is kept beside the
data, in `Marks`, since positions change whenever the file is saved and origins do not.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from briefing.numbers import parse_flag, parse_number

Mark = tuple[int, int]
"""1-based line and column; (0, 0) when not known."""
NO_MARK: Mark = (0, 0)

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"

_origins = itertools.count(1)


def fresh_origin() -> int:
    return next(_origins)


class Map(dict[Any, Any]):
    """A YAML mapping: a dict with the origin of the node it stands for."""

    __slots__ = ("origin",)
    origin: int

    @classmethod
    def made(cls, items: Iterable[tuple[Any, Any]], origin: int | None = None) -> Map:
        made = cls(items)
        made.origin = fresh_origin() if origin is None else origin
        return made


class Seq(list[Any]):
    """A YAML sequence: a list with the origin of the node it stands for."""

    __slots__ = ("origin",)
    origin: int

    @classmethod
    def made(cls, items: Iterable[Any], origin: int | None = None) -> Seq:
        made = cls(items)
        made.origin = fresh_origin() if origin is None else origin
        return made


@dataclass(slots=True)
class Place:
    """Where a mapping or list stands in the file, and where each of a mapping's values does."""

    mark: Mark
    keys: dict[Any, Mark] = field(default_factory=dict)
    span: tuple[int, int] = (0, 0)
    """Where it starts and ends in the text, in characters."""
    key_starts: dict[Any, int] | None = None
    """Where each key starts in the text, kept for the top-level mapping only."""


Marks = dict[int, Place]
"""Where each origin stands in the file as last read or saved."""


@dataclass(frozen=True, slots=True)
class Layout:
    """How the file indents: a mapping's keys, a list's items and its dashes (ruamel's terms)."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


def _span(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.index, node.end_mark.index)


def node_mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def scalar_value(node: yaml.ScalarNode) -> Any:
    """A scalar's value as the format reads it; text for anything it would refuse."""
    if node.tag in (_INT, _FLOAT):
        number, problem = parse_number(node.value)
        return node.value if problem else number
    if node.tag == _BOOL:
        flag, problem = parse_flag(node.value)
        return node.value if problem else flag
    if node.tag == _NULL:
        return None
    return node.value


class _Reader:
    def __init__(self, marks: Marks) -> None:
        self.marks = marks
        self.seen: dict[int, Any] = {}  # an alias gives the same object, not a copy
        self.mapping: int | None = None
        self.sequence: tuple[int, int] | None = None

    def data(self, node: yaml.Node) -> Any:
        known = self.seen.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.ScalarNode):
            return scalar_value(node)
        origin = fresh_origin()
        place = Place(node_mark(node), span=_span(node))
        self.marks[origin] = place
        if isinstance(node, yaml.SequenceNode):
            seq = Seq.made((), origin)
            self.seen[id(node)] = seq
            seq.extend(self.data(item) for item in node.value)
            return seq
        assert isinstance(node, yaml.MappingNode)
        mapping = Map.made((), origin)
        self.seen[id(node)] = mapping
        for key_node, value_node in node.value:
            key = self.data(key_node)
            if isinstance(key, Map | Seq) or key in mapping:
                continue  # the reader reports it; the first value stands
            mapping[key] = self.data(value_node)
            place.keys[key] = node_mark(value_node)
            self._learn_layout(key_node, value_node)
        return mapping

    def _learn_layout(self, key: yaml.Node, value: yaml.Node) -> None:
        """Indentation, from the first nested block mapping and list of the file."""
        if not isinstance(value, yaml.CollectionNode) or value.flow_style:
            return
        column = key.start_mark.column
        if isinstance(value, yaml.MappingNode) and self.mapping is None and value.value:
            self.mapping = value.start_mark.column - column
        elif isinstance(value, yaml.SequenceNode) and self.sequence is None and value.value:
            dash = value.start_mark.column - column
            self.sequence = (dash, value.value[0].start_mark.column - column)

    def layout(self) -> Layout:
        mapping = self.mapping if self.mapping and self.mapping > 0 else 2
        offset, sequence = self.sequence or (mapping, mapping + 2)
        if sequence <= offset:
            return Layout(mapping)
        return Layout(mapping, sequence, offset)


def read_data(node: yaml.Node) -> tuple[Any, Marks, Layout]:
    """The data a node tree holds, where each part stands, and how the file indents."""
    marks: Marks = {}
    reader = _Reader(marks)
    data = reader.data(node)
    _note_key_starts(node, data, marks)
    return data, marks, reader.layout()


def _note_key_starts(node: yaml.Node, data: Any, marks: Marks) -> None:
    if isinstance(data, Map) and isinstance(node, yaml.MappingNode) and data.origin in marks:
        starts: dict[Any, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                starts.setdefault(scalar_value(key_node), key_node.start_mark.index)
        marks[data.origin].key_starts = starts


def adopt(value: Any) -> Any:
    """`value` (plain dicts, lists and scalars) as new data: fresh origins throughout."""
    if isinstance(value, dict):
        return Map.made((k, adopt(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return Seq.made(adopt(v) for v in value)
    return value


def to_node(value: Any, marks: Marks, name: str, near: Mark = NO_MARK) -> yaml.Node:
    """A node tree for `value` that the reader can walk, each node placed where its data
    came from, or else at its nearest placed parent (`near`). A mapping or list met twice
    (a YAML alias) gives the same node, as reading the file did."""
    return _NodeMaker(marks, name).node(value, near)


class _NodeMaker:
    def __init__(self, marks: Marks, name: str) -> None:
        self.marks = marks
        self.name = name
        self.made: dict[int, yaml.Node] = {}

    def node(self, value: Any, near: Mark) -> yaml.Node:
        if not isinstance(value, dict | list):
            return _scalar_node(value, _yaml_mark(self.name, near))
        made = self.made.get(id(value))
        if made is not None:
            return made
        place = self.marks.get(value.origin) if isinstance(value, Map | Seq) else None
        if place is not None:
            near = place.mark
        start = _yaml_mark(self.name, near)
        node: yaml.Node
        if isinstance(value, dict):
            keys = place.keys if place is not None else {}
            node = yaml.MappingNode(_MAP, [], start, start)
            self.made[id(value)] = node
            node.value = [
                (_scalar_node(k, start), self.node(v, keys.get(k, near))) for k, v in value.items()
            ]
        else:
            node = yaml.SequenceNode(_SEQ, [], start, start)
            self.made[id(value)] = node
            node.value = [self.node(v, near) for v in value]
        return node


def _scalar_node(value: Any, start: yaml.Mark) -> yaml.ScalarNode:
    if isinstance(value, bool):
        return yaml.ScalarNode(_BOOL, "true" if value else "false", start, start)
    if isinstance(value, int):
        return yaml.ScalarNode(_INT, str(value), start, start)
    if isinstance(value, float):
        return yaml.ScalarNode(_FLOAT, repr(value), start, start)
    if value is None:
        return yaml.ScalarNode(_NULL, "null", start, start)
    return yaml.ScalarNode(_STR, str(value), start, start)


def _yaml_mark(name: str, mark: Mark) -> yaml.Mark:
    return yaml.Mark(name, 0, mark[0] - 1, mark[1] - 1, None, 0)


def mark_of(value: Any, marks: Marks, key: Any = None) -> Mark | None:
    """Where a mapping, list or one of a mapping's values stood in the file, if known."""
    if not isinstance(value, Map | Seq):
        return None
    place = marks.get(value.origin)
    if place is None:
        return None
    return place.keys.get(key, place.mark) if key is not None else place.mark


def place(node: yaml.Node, data: Any) -> Marks:
    """Where each part of `data` stands in `node`, a tree read from the text `data` was just
    saved as (so the two have the same shape)."""
    marks: Marks = {}
    _place(node, data, marks)
    _note_key_starts(node, data, marks)
    return marks


def _place(node: yaml.Node, data: Any, marks: Marks) -> None:
    if isinstance(data, Map | Seq) and data.origin in marks:
        return  # an alias: placed where first met
    if isinstance(data, Map) and isinstance(node, yaml.MappingNode):
        here = Place(node_mark(node), span=_span(node))
        marks[data.origin] = here
        for key_node, value_node in node.value:
            key = scalar_value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if key in data and key not in here.keys:
                here.keys[key] = node_mark(value_node)
                _place(value_node, data[key], marks)
    elif isinstance(data, Seq) and isinstance(node, yaml.SequenceNode):
        marks[data.origin] = Place(node_mark(node), span=_span(node))
        for item_node, item in zip(node.value, data, strict=False):
            _place(item_node, item, marks)
