"""Reads a dialogue file into checked plain records, each value with its position.

libyaml (C) composes the node tree; this module walks it against the tables in
`briefing.format`, so that every problem is reported with file:line:col and key path, all in
one pass. Duplicate keys, unknown keys, aliases and non-standard tags are refused; nothing is
ever constructed from a tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.format import RECORDS, Choice, Flag, Kind, ListOf, Number, Record, Text
from briefing.numbers import parse_flag, parse_number
from briefing.problems import MAX_PROBLEMS, DialogueError, Problem, quoted, shorten
from briefing.safe_open import Refused, read_file

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 200_000
"""YAML values (keys included) in one file: enough for 10,000 cards, read in about a second."""

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SCALAR_NAMES = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:timestamp": "a date",
    _NULL: "nothing",
    _STR: "text",
}
_ALLOWED_TAGS = frozenset(_SCALAR_NAMES) | {_MAP, _SEQ}
_TEXT_TAGS = ("tag:yaml.org,2002:value", "tag:yaml.org,2002:merge")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""Characters no text in a dialogue file may hold (tab and line ends may)."""
_PATTERNS: dict[str, re.Pattern[str]] = {}

Mark = tuple[int, int]


@dataclass(slots=True)
class Rec:
    """A checked record: its values by key, the nodes they came from, and its own node.

    Positions are worked out from the nodes only when a problem needs one.
    """

    path: str
    node: yaml.Node
    values: dict[str, Any] = field(default_factory=dict)
    nodes: dict[str, yaml.Node] = field(default_factory=dict)

    @property
    def mark(self) -> Mark:
        return _mark(self.node)

    def mark_of(self, key: str) -> Mark:
        """Where the value of `key` stands, or the record itself when it has none."""
        return _mark(self.nodes.get(key, self.node))

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def __getitem__(self, key: str) -> Any:
        """A required value; "" when it failed its check (the problem is already reported)."""
        return self.values.get(key, "")


def read_text(
    path: Path,
    what: str = "file",
    limit: int = MAX_FILE_BYTES,
) -> str:
    """Reads a UTF-8 text file or raises DialogueError with a plain message (no traceback)."""
    name = str(path)
    try:
        data = read_file(path, what, limit)
    except Refused as exc:
        raise DialogueError([Problem(name, 0, 0, "", str(exc))]) from None
    if len(data) > limit:
        raise DialogueError([Problem(name, 0, 0, "", too_large(limit, what))])
    return decode_utf8(data, name)


def too_large(limit: int, what: str) -> str:
    return f"too large (over {limit // (1024 * 1024)} MiB); is this the right {what}?"


def decode_utf8(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = f"not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)"
        raise DialogueError([Problem(name, line, column, "", problem)]) from None
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        nul = Problem(name, line, column, "", "contains NUL bytes: not a text file")
        raise DialogueError([nul])
    return text


def compose(text: str, name: str) -> yaml.Node:
    """Parses YAML text into a node tree with libyaml; syntax errors become a Problem."""
    loader = _CountingLoader(text)
    try:
        node = loader.get_single_node()
    except _TooManyNodes:
        message = f"too many values (over {MAX_NODES:,}); is this the right dialogue file?"
        raise DialogueError([Problem(name, 0, 0, "", message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or "invalid YAML"
        if exc.context:
            problem = f"{problem} ({exc.context})"
        raise DialogueError([Problem(name, line, column, "", f"YAML syntax: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise DialogueError([Problem(name, 0, 0, "", f"YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise DialogueError([Problem(name, 1, 1, "", "the file is empty")])
    return node


class _TooManyNodes(Exception):
    pass


class _CountingLoader(yaml.CSafeLoader):
    """libyaml's composer, stopped once the file holds more than MAX_NODES values: tiny
    values by the million would otherwise take seconds and gigabytes to compose."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.nodes = 0

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        self.nodes += 1  # libyaml's composer calls this once for every node
        if self.nodes > MAX_NODES:
            raise _TooManyNodes


class Walker:
    """Walks a node tree against the format tables, collecting every problem."""

    def __init__(self, name: str, keep_all: bool = False) -> None:
        self.name = name
        self.keep_all = keep_all
        """Keep a list's items that are not records as empty records (for drafts), so that
        the items keep their places."""
        self.problems: list[Problem] = []
        self.omitted = 0
        self._seen: set[int] = set()

    def problem(self, mark: Mark, path: str, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.name, mark[0], mark[1], path, message))
        else:
            self.omitted += 1

    def record(self, node: yaml.Node, name: str, path: str) -> Rec | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(_mark(node), path, f"expected a mapping of keys, got {_describe(node)}")
            return None
        if not self._fresh(node, path):
            return None
        keys = RECORDS[name]
        rec = Rec(path, node)
        key_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.problem(_mark(key_node), path, "keys must be plain words")
                continue
            key = key_node.value
            where = f"{path}.{shorten(key)}" if path else shorten(key)
            if key in key_nodes:
                first = _mark(key_nodes[key])[0]
                message = f"duplicate key (first at line {first})"
                self.problem(_mark(key_node), where, message)
                continue
            key_nodes[key] = key_node
            spec = keys.get(key)
            if spec is None:
                message = f"unknown key; expected one of: {', '.join(keys)}"
                self.problem(_mark(key_node), where, message)
                continue
            if id(value_node) in self._seen:
                line = value_node.start_mark.line + 1
                message = (
                    f"aliases (*name) are not supported; this repeats the value at line {line}"
                )
                self.problem(_mark(key_node), where, message)
                continue
            value = self.value(value_node, spec.kind, where)
            if value is not None:
                rec.values[key] = value
                rec.nodes[key] = value_node
        for key, spec in keys.items():
            if spec.required and key not in key_nodes:
                where = f"{path}.{key}" if path else key
                self.problem(_mark(node), where, "missing (required)")
        return rec

    def value(self, node: yaml.Node, kind: Kind, path: str) -> Any:
        if not self._standard_tag(node, path):
            return None
        if isinstance(kind, Record):
            return self.record(node, kind.name, path)
        if isinstance(kind, ListOf):
            return self.sequence(node, kind, path)
        if not isinstance(node, yaml.ScalarNode):
            self.problem(_mark(node), path, f"expected {_expected(kind)}, got {_describe(node)}")
            return None
        if isinstance(kind, Text):
            return self.text(node, kind, path)
        if isinstance(kind, Number | Flag):
            if node.tag not in (_NUMBERS if isinstance(kind, Number) else (_BOOL,)):
                return self._wrong(node, kind, path)
            parse = parse_number if isinstance(kind, Number) else parse_flag
            value, problem = parse(node.value)
            if problem:
                self.problem(_mark(node), path, problem)
            return value
        if node.tag != _STR or node.value not in kind.values:
            allowed = ", ".join(repr(v) for v in kind.values)
            self.problem(_mark(node), path, f"{quoted(node.value)} is not one of: {allowed}")
            return None
        return node.value

    def text(self, node: yaml.ScalarNode, kind: Text, path: str) -> str | None:
        if node.tag != _STR:
            self._wrong(node, kind, path)
            return None
        value: str = node.value
        if not value.strip():
            self.problem(_mark(node), path, "is empty")
            return None
        bad = CONTROL.search(value)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            self.problem(_mark(node), path, f"contains a control character ({code})")
            return None
        if kind.pattern:
            pattern = _PATTERNS.get(kind.pattern) or _PATTERNS.setdefault(
                kind.pattern, re.compile(kind.pattern)
            )
            if not pattern.fullmatch(value):
                message = f"{quoted(value)} is not a valid id (letters, digits, '-' and '_')"
                self.problem(_mark(node), path, message)
                return None
        return value

    def sequence(self, node: yaml.Node, kind: ListOf, path: str) -> list[Any] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(_mark(node), path, f"expected a list, got {_describe(node)}")
            return None
        if not self._fresh(node, path):
            return None
        if len(node.value) < kind.min_items:
            self.problem(_mark(node), path, f"needs at least {kind.min_items} item(s)")
        items = [self.value(item, kind.item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        if self.keep_all:
            return [
                Rec(f"{path}[{i}]", node.value[i]) if item is None else item
                for i, item in enumerate(items)
            ]
        return [item for item in items if item is not None]

    def _fresh(self, node: yaml.Node, path: str) -> bool:
        """Refuses a collection met twice: YAML aliases could otherwise multiply work."""
        if id(node) in self._seen:
            self.problem(_mark(node), path, "aliases (*name) are not supported")
            return False
        self._seen.add(id(node))
        return True

    def _standard_tag(self, node: yaml.Node, path: str) -> bool:
        if node.tag in _ALLOWED_TAGS:
            return True
        if node.tag in _TEXT_TAGS and isinstance(node, yaml.ScalarNode):
            node.tag = _STR  # a plain `=` or `<<` as a value is text, whatever YAML 1.1 says
            return True
        self.problem(_mark(node), path, f"tag {quoted(node.tag)} is not allowed")
        return False

    def _wrong(self, node: yaml.ScalarNode, kind: Kind, path: str) -> None:
        hint = "; put it in quotes" if isinstance(kind, Text) and node.tag != _NULL else ""
        got = _SCALAR_NAMES.get(node.tag, "a value")
        self.problem(_mark(node), path, f"expected {_expected(kind)}, got {got}{hint}")


def read_document(path: Path) -> tuple[Rec, list[Problem], int]:
    """Reads and checks a dialogue file's structure.

    Unreadable or unparsable files raise DialogueError. Otherwise returns the checked
    records, without the values that failed, the problems found and the number of problems
    past MAX_PROBLEMS, so that later checks can report theirs in the same pass.
    """
    name = str(path)
    node = compose(read_text(path, "dialogue file"), name)
    walker = Walker(name)
    document = walker.value(node, Record("Document"), "")
    if document is None:
        raise DialogueError(walker.problems, walker.omitted)
    return document, walker.problems, walker.omitted


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _SCALAR_NAMES.get(node.tag, "a value")


def _expected(kind: Kind) -> str:
    if isinstance(kind, Text):
        return "text"
    if isinstance(kind, Number):
        return "a number"
    if isinstance(kind, Flag):
        return "true or false"
    if isinstance(kind, Choice):
        return "one of " + ", ".join(repr(v) for v in kind.values)
    return "a mapping" if isinstance(kind, Record) else "a list"
