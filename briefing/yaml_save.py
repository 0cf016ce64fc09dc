"""Writes edited data back into the text of the file it was read from, keeping what a person
wrote around it: comments, key order, quoting, folded text and blank lines.

Only what changed is rewritten: each top-level entry and each card that differs from the file
as last saved is read from its own lines into ruamel.yaml's round-trip tree, changed there
(`briefing.yaml_tree`) and written out; the rest of the text is copied as it is. A file laid
out otherwise is read and written whole the same way. ruamel.yaml is imported only here, when
a file is saved, never when the app starts.
"""

from __future__ import annotations

import io
import re
from typing import Any

from briefing.yaml_data import Layout, Map, Marks, Seq
from briefing.yaml_tree import (
    TreeWriter,
    attach_tail,
    detach_tail,
    pair_nodes,
    separator,
)

WIDTH = 4096
"""No line is wrapped by the writer: long lines stay as the person wrote them."""


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
    pair_nodes(base_data, tree, nodes)
    result = TreeWriter(nodes).value(data, tree)
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
    pair_nodes(base, tree[key], nodes)
    made = TreeWriter(nodes).value(value, tree[key])
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
    of the part of the file replaced; None when it does not apply. As in `TreeWriter.sequence`,
    what follows the last card stays last, and a card new among others is set off as the
    first one is from the next."""
    if not isinstance(old, Seq) or not isinstance(new, Seq) or len(old) < 2 or not new:
        return None
    if not all(isinstance(item, Map) for item in (*old, *new)):
        return None
    spans = _item_spans(base_text, old, marks)
    by_origin = {item.origin: i for i, item in enumerate(old)}
    if spans is None or len(by_origin) != len(old):
        return None
    chunks = [base_text[start:end] for start, end in spans]
    last = len(old) - 1
    tail: str | None = None
    old_last = None
    if new[-1].origin != old[-1].origin:  # what follows the list moves to the new last card
        old_last = _rendered(yaml, chunks[last], old[last], _find(new, old[last].origin))
        if old_last is None:
            return None
        tail = detach_tail(old_last[0])
    between: str | None = None
    pieces: list[str] = []
    used: set[int] = set()
    for at, item in enumerate(new):
        j = by_origin.get(item.origin)
        j = None if j in used else j
        if j is not None:
            used.add(j)
        is_last = at == len(new) - 1
        moved_last = j == last and old_last is not None
        if j is not None and item is old[j] and not moved_last and not (is_last and tail):
            pieces.append(chunks[j])
            continue
        if moved_last:
            tree = old_last
        elif j is not None:
            tree = _rendered(yaml, chunks[j], old[j], item)
        else:
            tree = _rendered(yaml, "", None, item)
        if tree is None:
            return None
        if is_last:
            attach_tail(tree[0], tail)
        elif j is None or j == last:
            if between is None:
                first = _item_tree(yaml, chunks[0])
                between = (separator(first[0]) if first is not None else None) or ""
            attach_tail(tree[0], between)
        pieces.append(_dumped(yaml, tree))
    return spans[0][0], spans[-1][1], "".join(pieces)


def _find(items: list[Any], origin: int) -> Any:
    return next((item for item in items if item.origin == origin), None)


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


def _rendered(yaml: Any, chunk: str, base: Any, item: Any) -> Any:
    """A list of one item: `item` written into the tree of its old lines `chunk` (of `base`),
    or anew; None if `chunk` does not read as one item. `item` None: the old one as it was."""
    from ruamel.yaml.comments import CommentedSeq

    nodes: dict[int, tuple[Any, Any]] = {}
    if not chunk:
        return CommentedSeq([TreeWriter(nodes).value(item, None)])
    tree = _item_tree(yaml, chunk)
    if tree is None or item is None:
        return tree
    pair_nodes(base, tree[0], nodes)
    made = TreeWriter(nodes).value(item, tree[0])
    if made is not tree[0]:
        tree[0] = made
    return tree


def _dumped(yaml: Any, tree: Any) -> str:
    out = io.StringIO()
    yaml.dump(tree, out)
    text: str = out.getvalue()
    return text
