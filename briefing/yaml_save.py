"""Writes edited data back into the text of the file it was read from, keeping what a person
wrote around it: comments, key order, quoting, folded text and blank lines.

ruamel.yaml reads the text as last saved into its round-trip tree; each mapping and list of
the edited data finds its own node there by its origin (see `briefing.yaml_data`) and the
tree is changed only where the data differs, then written out. ruamel.yaml is imported here
only, when a file is saved, never when the app starts.
"""

from __future__ import annotations

import io
import re
from typing import Any

from briefing.yaml_data import Layout, Map, Marks, Seq

WIDTH = 4096
"""No line is wrapped by the writer: long lines stay as the person wrote them."""
FOLD_WIDTH = 88
"""Where an edited folded (`>`) text is wrapped when its old lines give no width."""


class _Writer:
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
        tail = _detach_tail(node) if last is not None and last != _last(value) else None
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
        _attach_tail(node, tail)
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
            tail = _detach_tail(old[-1]) if isinstance(old[-1], dict | list) else None
        between = _separator(old[0]) if len(old) > 1 else None
        known = {id(item) for item in old[:-1]}
        for i, item in enumerate(new):
            if i < len(new) - 1 and id(item) not in known:
                _attach_tail(item, between)  # a new item, or the old last one, among others
            if i >= len(node):
                node.append(item)
            elif node[i] is not item:
                node[i] = item
        while len(node) > len(new):
            node.pop()
        if new:
            _attach_tail(new[-1], tail)
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


def _separator(node: Any) -> str | None:
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
    if not _block(value):
        text = text.partition("\n")[2]  # the comment ends the value's own line first
    return text or None


def _detach_tail(node: Any) -> str | None:
    """Removes and returns what `_tail_text` gives, leaving a comment on the last line."""
    text = _tail_text(node)
    slot = _tail_slot(node)
    if text is None or slot is None:
        return None
    entry, at, value = slot
    if _block(value):
        entry[at] = None
    else:
        line = entry[at].value.partition("\n")[0]
        if line.strip():
            entry[at].value = line + "\n"
        else:
            entry[at] = None
    return text


def _attach_tail(node: Any, text: str | None) -> None:
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
        entry[at] = CommentToken(text if _block(value) else "\n" + text, CommentMark(0), None)


def _block(value: Any) -> bool:
    """Whether a scalar is written as a block (`>` or `|`), ending its own last line."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, FoldedScalarString | LiteralScalarString)


def _scalar(value: Any, old: Any) -> Any:
    """`value` as the tree should hold it: the old scalar when equal (its quoting kept), the
    old scalar's style for new text."""
    from ruamel.yaml.scalarstring import FoldedScalarString, ScalarString

    if _kind(old) == _kind(value) and old == value:
        return old
    if isinstance(value, str) and isinstance(old, ScalarString):
        if isinstance(old, FoldedScalarString):
            return _folded(value, old)
        return type(old)(value)
    return value


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


def _index(data: Any, node: Any, out: dict[int, tuple[Any, Any]]) -> None:
    """Pairs each mapping and list of `data` with its node of the tree read from the same text."""
    if isinstance(data, Map | Seq) and data.origin in out:
        return  # an alias, paired where first met
    if isinstance(data, Map) and isinstance(node, dict):
        out[data.origin] = (data, node)
        for key, item in data.items():
            if key in node:
                _index(item, node[key], out)
    elif isinstance(data, Seq) and isinstance(node, list):
        out[data.origin] = (data, node)
        for item, item_node in zip(data, node, strict=False):
            _index(item, item_node, out)


def _yaml(layout: Layout) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = WIDTH
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = True
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


def render(base_text: str, base_data: Any, data: Any, layout: Layout, marks: Marks) -> str:
    """The text of `data`, written into `base_text` (the text `base_data` was read from,
    `marks` saying where each part stands in it)."""
    yaml = _yaml(layout)
    text = _spliced(yaml, base_text, base_data, data, marks)
    if text is None:
        text = _whole(yaml, base_text, base_data, data)
    line = base_text[: base_text.find("\n") + 1]
    if line.endswith("\r\n"):  # line ends as they were (ruamel.yaml writes \n)
        return text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def _whole(yaml: Any, base_text: str, base_data: Any, data: Any) -> str:
    """The whole file read and written by ruamel.yaml."""
    nodes: dict[int, tuple[Any, Any]] = {}
    try:
        tree = yaml.load(base_text)
    except Exception:  # a value ruamel.yaml will not read (`!!int five`): the data is written anew
        tree = None
    _index(base_data, tree, nodes)
    result = _Writer(nodes).value(data, tree)
    out = io.StringIO()
    yaml.dump(result, out)
    return out.getvalue()


_DASH = re.compile(r" *- +")


def _spliced(yaml: Any, base_text: str, base_data: Any, data: Any, marks: Marks) -> str | None:
    """The file's own text with only what changed written anew by ruamel.yaml: each changed
    top-level entry from its own lines, and of the cards only those that changed. The same
    text as `_whole` gives, in a fraction of the time on a long file; None when the file's
    layout does not allow it (then `_whole` writes it)."""
    if not isinstance(base_data, Map) or not isinstance(data, Map) or list(base_data) != list(data):
        return None
    begins = _entry_starts(base_text, base_data, marks)
    if begins is None:
        return None
    pieces = [base_text[: begins[0]]]
    for key, begin, end in zip(base_data, begins, [*begins[1:], len(base_text)], strict=True):
        old, new = base_data[key], data[key]
        if new is old:
            pieces.append(base_text[begin:end])
            continue
        piece = None
        if key == "sectors":
            cards = _spliced_items(yaml, base_text, old, new, marks)
            if cards is not None and begin <= cards[0] and cards[1] <= end:
                piece = base_text[begin : cards[0]] + cards[2] + base_text[cards[1] : end]
        if piece is None:
            piece = _entry_text(yaml, base_text[begin:end], key, old, new)
        if piece is None:
            return None
        pieces.append(piece)
    return "".join(pieces)


def _entry_starts(base_text: str, base_data: Map, marks: Marks) -> list[int] | None:
    """Where each top-level key starts, each at the start of its line, in order; None if
    not so, or if anything but comments follows the top-level mapping."""
    place = marks.get(base_data.origin)
    starts = place.key_starts if place is not None else None
    if place is None or not starts or len(starts) != len(base_data):
        return None
    begins = [starts.get(key, -1) for key in base_data]
    for at in begins:
        if at < 0 or (at and base_text[at - 1] != "\n"):
            return None
    if begins != sorted(begins):
        return None
    after = base_text[place.span[1] :].splitlines()
    if any(line.strip() and not line.lstrip().startswith("#") for line in after):
        return None  # a document end (`...`) or the like, which ruamel would not keep
    return begins


def _entry_text(yaml: Any, chunk: str, key: Any, base: Any, value: Any) -> str | None:
    """The lines of a changed top-level entry, written into its old lines `chunk`."""
    try:
        tree = yaml.load(chunk)
    except Exception:
        return None
    if not isinstance(tree, dict) or list(tree) != [key]:
        return None
    nodes: dict[int, tuple[Any, Any]] = {}
    _index(base, tree[key], nodes)
    made = _Writer(nodes).value(value, tree[key])
    if made is not tree[key]:
        tree[key] = made
    out = io.StringIO()
    yaml.dump(tree, out)
    text: str = out.getvalue()
    return text


def _spliced_items(
    yaml: Any, base_text: str, old: Any, new: Any, marks: Marks
) -> tuple[int, int, str] | None:
    """The cards' lines with only the changed cards written anew: (start, end, new text)
    of the part of the file replaced; None when it does not apply."""
    if not isinstance(old, Seq) or not isinstance(new, Seq) or len(old) < 2 or not new:
        return None
    if not all(isinstance(item, Map) for item in (*old, *new)) or new[-1].origin != old[-1].origin:
        return None  # the last card keeps what follows the list: `_whole` moves that
    spans = _item_spans(base_text, old, marks)
    by_origin = {item.origin: i for i, item in enumerate(old)}
    if spans is None or len(by_origin) != len(old):
        return None
    pieces: list[str] = []
    between: str | None = None
    used: set[int] = set()
    for at, item in enumerate(new):
        j = by_origin.get(item.origin)
        j = None if j in used else j
        if j is not None:
            used.add(j)
            if item is old[j]:
                pieces.append(base_text[spans[j][0] : spans[j][1]])
                continue
        chunk = base_text[spans[j][0] : spans[j][1]] if j is not None else ""
        piece = _item_text(yaml, chunk, old[j] if j is not None else None, item)
        if piece is None:
            return None
        if j is None and at < len(new) - 1:  # a new card among others, set off like them
            if between is None:
                first = _item_tree(yaml, base_text[spans[0][0] : spans[0][1]])
                between = (_separator(first[0]) if first is not None else None) or ""
            piece += between
        pieces.append(piece)
    return spans[0][0], spans[-1][1], "".join(pieces)


def _item_spans(base_text: str, items: Seq, marks: Marks) -> list[tuple[int, int]] | None:
    """Where each item of a block list stands in the text, from the line of its dash to the
    line of the next one's (comments and blank lines after an item go with it)."""
    places = [marks.get(item.origin) for item in items]
    whole = marks.get(items.origin)
    if whole is None or any(p is None for p in places):
        return None
    starts = []
    for place in places:
        assert place is not None
        begin = base_text.rfind("\n", 0, place.span[0]) + 1
        if not _DASH.fullmatch(base_text, begin, place.span[0]):
            return None  # not `- key: value` on one line
        starts.append(begin)
    end = whole.span[1]
    if end < len(base_text) and base_text[end - 1] != "\n":
        return None
    return list(zip(starts, [*starts[1:], end], strict=True))


def _item_tree(yaml: Any, chunk: str) -> Any:
    """The list of one item that `chunk`, an item's lines, reads as; None if it does not."""
    from ruamel.yaml.comments import CommentedSeq

    try:
        tree = yaml.load(chunk)
    except Exception:
        return None
    return tree if isinstance(tree, CommentedSeq) and len(tree) == 1 else None


def _item_text(yaml: Any, chunk: str, base: Any, item: Any) -> str | None:
    """The lines of a changed or new item, written into its old lines `chunk`."""
    from ruamel.yaml.comments import CommentedSeq

    nodes: dict[int, tuple[Any, Any]] = {}
    if chunk:
        tree = _item_tree(yaml, chunk)
        if tree is None:
            return None
        _index(base, tree[0], nodes)
        made = _Writer(nodes).value(item, tree[0])
        if made is not tree[0]:
            tree[0] = made
    else:
        tree = CommentedSeq([_Writer(nodes).value(item, None)])
    out = io.StringIO()
    yaml.dump(tree, out)
    text: str = out.getvalue()
    return text
