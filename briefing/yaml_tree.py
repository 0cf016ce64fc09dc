"""Changing a ruamel.yaml round-trip tree to hold edited data, node by node, where the data
differs: an unchanged mapping or list keeps its node (and its comments), an edited text keeps
the style it was written in, and the comments and blank lines after a list's last item stay
last. Used by `briefing.yaml_save`; ruamel.yaml is imported only when a file is saved.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from briefing.yaml_data import Map, Seq

FOLD_WIDTH = 88
"""Where an edited folded (`>`) text is wrapped when its old lines give no width."""


class TreeWriter:
    """Changes the tree to hold the edited data, node by node, where the data differs."""

    def __init__(self, nodes: dict[int, tuple[Any, Any]]) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        self.nodes = nodes
        self.made: dict[int, Any] = {}  # a mapping or list met again (an alias) is one node
        self.map_type = CommentedMap
        self.seq_type = CommentedSeq

    def value(self, value: Any, old: Any) -> Any:
        if not isinstance(value, dict | list):
            return _scalar(value, old)
        if id(value) in self.made:
            return self.made[id(value)]
        node = None
        if isinstance(value, Map | Seq):
            base, node = self.nodes.pop(value.origin, (None, None))
            if value is base:
                self.made[id(value)] = node
                return node  # unchanged since read or saved: the same node
        if isinstance(value, dict):
            made = self.mapping(value, node if isinstance(node, self.map_type) else None)
        else:
            made = self.sequence(value, node if isinstance(node, self.seq_type) else None)
        self.made[id(value)] = made
        return made

    def mapping(self, value: dict[Any, Any], node: Any) -> Any:
        if node is None:
            node = self.map_type()
        last = next(reversed(node), None) if node else None
        tail = detach_tail(node) if last is not None and last != _last(value) else None
        for key in [k for k in node if k not in value]:
            del node[key]
        for at, (key, item) in enumerate(value.items()):
            if key in node:
                old = node[key]
                new = self.value(item, old)
                if new is not old:
                    node[key] = new
            else:
                node.insert(at, key, self.value(item, None))
        attach_tail(node, tail)
        return node

    def sequence(self, value: list[Any], node: Any) -> Any:
        if node is None:
            node = self.seq_type()
        old = list(node)
        if not old:
            node.extend(self.value(item, None) for item in value)
            return node
        new = [self.value(item, old[i] if i < len(old) else None) for i, item in enumerate(value)]
        if new and new[-1] is old[-1]:
            tail = None
        else:
            tail = detach_tail(old[-1]) if isinstance(old[-1], dict | list) else None
        between = separator(old[0]) if len(old) > 1 else None
        known = {id(item) for item in old[:-1]}
        for i, item in enumerate(new):
            if i < len(new) - 1 and id(item) not in known:
                attach_tail(item, between)  # a new item, or the old last one, among others
            if i >= len(node):
                node.append(item)
            elif node[i] is not item:
                node[i] = item
        while len(node) > len(new):
            node.pop()
        if new:
            attach_tail(new[-1], tail)
        return node


def _last(mapping: dict[Any, Any]) -> Any:
    return next(reversed(mapping), None) if mapping else None


def _tail_slot(node: Any) -> tuple[list[Any], int, Any] | None:
    """Where the comments and blank lines after the last value of `node` are kept: ruamel
    keeps them with the deepest last scalar (its comment entry, that entry's slot, the
    scalar)."""
    while isinstance(node, dict | list) and node:
        if isinstance(node, dict):
            key = next(reversed(node))
            value, slot = node[key], 2
        else:
            key, value, slot = len(node) - 1, node[-1], 0
        if isinstance(value, dict | list) and value:
            node = value
            continue
        comments = getattr(node, "ca", None)
        if comments is None:
            return None
        entry = comments.items.setdefault(key, [None, None, None, None])
        return entry, slot, value
    return None


def separator(node: Any) -> str | None:
    """The blank lines after `node`, which set off the items of its list; not comments."""
    text = _tail_text(node)
    return text if text is not None and not text.strip() else None


def _tail_text(node: Any) -> str | None:
    """The comment lines and blank lines after `node` (not a comment on its last line)."""
    slot = _tail_slot(node)
    if slot is None or slot[0][slot[1]] is None:
        return None
    entry, at, value = slot
    text: str = entry[at].value
    if not block_style(value):
        text = text.partition("\n")[2]  # the comment ends the value's own line first
    return text or None


def detach_tail(node: Any) -> str | None:
    """Removes and returns what `_tail_text` gives, leaving a comment on the last line."""
    text = _tail_text(node)
    slot = _tail_slot(node)
    if text is None or slot is None:
        return None
    entry, at, value = slot
    if block_style(value):
        entry[at] = None
    else:
        line = entry[at].value.partition("\n")[0]
        if line.strip():
            entry[at].value = line + "\n"
        else:
            entry[at] = None
    return text


def attach_tail(node: Any, text: str | None) -> None:
    """Puts comment and blank lines after the last value of `node`."""
    slot = _tail_slot(node) if text else None
    if slot is None or text is None:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry, at, value = slot
    if entry[at] is not None:
        entry[at].value += text
    else:
        entry[at] = CommentToken(text if block_style(value) else "\n" + text, CommentMark(0), None)


def block_style(value: Any) -> bool:
    """Whether a scalar is written as a block (`>` or `|`), ending its own last line."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, FoldedScalarString | LiteralScalarString)


def _scalar(value: Any, old: Any) -> Any:
    """`value` as the tree should hold it: the old scalar when equal (its quoting kept), the
    old scalar's style for new text."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        ScalarString,
        SingleQuotedScalarString,
    )

    if _kind(old) == _kind(value) and old == value:
        return old
    if not isinstance(value, str):
        return value
    if not _PRINTABLE.fullmatch(value) or (block_style(old) and not _BLOCK_SAFE.fullmatch(value)):
        return DoubleQuotedScalarString(value)  # the one style that escapes anything
    if isinstance(old, ScalarString):
        return _folded(value, old) if isinstance(old, FoldedScalarString) else type(old)(value)
    read_as = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if read_as != _STR:
        return SingleQuotedScalarString(value)  # `yes`, `1e3`, `~`: text, not what YAML 1.1 reads
    return value  # ruamel.yaml picks a style, quoting as it must


_RESOLVER = yaml.resolver.Resolver()
"""How the app reads a plain scalar (YAML 1.1, as libyaml does), whatever ruamel.yaml thinks."""
_STR = "tag:yaml.org,2002:str"
_PRINTABLE = re.compile("[^\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*")
"""Text that may be written as it is in the style it had; other text is escaped in quotes."""
_BLOCK_SAFE = re.compile("(?:[^\\s][^\t]*[^\\s]|[^\\s])?")


def _kind(value: Any) -> str:
    """Which kind of scalar: equal values of different kinds (1, 1.0, True, "1") differ."""
    if isinstance(value, bool) or type(value).__name__ == "ScalarBoolean":
        return "flag"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__ if not isinstance(value, str) else "text"


def _folded(value: str, old: Any) -> Any:
    """New text in the folded style, wrapped as wide as the old text was."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    width, start = 0, 0
    for at in [*getattr(old, "fold_pos", ()), len(old)]:
        width, start = max(width, at - start), at + 1
    if not getattr(old, "fold_pos", ()):
        width = FOLD_WIDTH
    folds, start, last_space = [], 0, -1
    for at, char in enumerate(value):
        if char == " " and 0 < at < len(value) - 1 and value[at - 1] != " " != value[at + 1]:
            if at - start > width and last_space > start:
                folds.append(last_space)
                start = last_space + 1
            last_space = at
    if len(value) - start > width and last_space > start:
        folds.append(last_space)
    made = FoldedScalarString(value)
    made.fold_pos = folds
    return made


def pair_nodes(data: Any, node: Any, out: dict[int, tuple[Any, Any]]) -> None:
    """Pairs each mapping and list of `data` with its node of the tree read from the same text."""
    if isinstance(data, Map | Seq) and data.origin in out:
        return  # an alias, paired where first met
    if isinstance(data, Map) and isinstance(node, dict):
        out[data.origin] = (data, node)
        for key, item in data.items():
            if key in node:
                pair_nodes(item, node[key], out)
    elif isinstance(data, Seq) and isinstance(node, list):
        out[data.origin] = (data, node)
        for item, item_node in zip(data, node, strict=False):
            pair_nodes(item, item_node, out)
