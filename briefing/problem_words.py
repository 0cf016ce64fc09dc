"""A file's problems in words for people: which card, point and quote, named as the card shows
them ("Overview, point 4 'Areas covered', 2nd quote '…for vaccines': not found in the Yonhap
News Agency source"). The exact `file:line:col: key.path: message` form stays in `str(problem)`.

Every string taken from the file is treated as hostile: white space is collapsed, control and
format characters are escaped (`\\u202e`), and each piece is shortened with an ellipsis. The
result is plain text; a view must show it as plain text, never as markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from briefing.problems import Problem
from briefing.safe_open import Refused, read_file

MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
NAME_CHARS = 40
"""How much of a title, lead-in or name is quoted before an ellipsis."""
QUOTE_CHARS = 30
"""How much of the end of a quote is shown, after an ellipsis."""
MESSAGE_CHARS = 240
DESCRIPTION_CHARS = 400

_STEP = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")
_SOURCE_NOT_FOUND = re.compile(r"^not found in source '([^']*)'$")
_KEEP = frozenset("\u200d")  # the zero-width joiner that holds emoji together

FIELD_NAMES = {
    "title": "title",
    "short_title": "short title",
    "summary": "bottom line",
    "lead": "lead-in",
    "text": "text",
    "id": "id",
    "kind": "kind",
    "icon": "icon",
    "source": "source",
    "file": "file",
    "url": "link",
    "publisher": "publisher",
    "headline": "headline",
    "attribution": "attribution",
    "speaker": "speaker",
    "place": "place",
    "date": "date",
    "name": "name",
    "name_ko": "Korean name",
    "role": "role",
    "country": "country",
    "actors": "who commits",
    "what": "what is committed",
    "timeframe": "timeframe",
    "stated": "amount as stated",
    "value": "number",
    "currency": "currency",
    "qualifier": "qualifier",
    "format": "format line",
    "sectors": "cards",
    "points": "points",
    "evidence": "quotes",
    "notes": "notes",
    "cites": "citations",
    "co_chairs": "co-chairs",
    "sources": "sources",
}
ITEM_NAMES = {
    "sectors": "card",
    "points": "point",
    "evidence": "quote",
    "notes": "note",
    "cites": "citation",
    "co_chairs": "co-chair",
    "sources": "source",
}
_RECORDS = {
    "dialogue": "the dialogue",
    "date_context": "date note",
    "commitment": "commitment",
    "amount": "amount",
    "quote": "quotation",
}


def clean(text: object, limit: int = NAME_CHARS, keep_end: bool = False) -> str:
    """`text` from the file made safe to show: one line, no control characters, shortened."""
    words = " ".join(str(text).split())
    out = []
    for char in words:
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") and (
            char not in _KEEP
        ):
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    safe = "".join(out)
    if len(safe) <= limit:
        return safe
    if keep_end:
        tail = safe[-(limit - 1) :]
        cut = tail.find(" ")
        return "\u2026" + (tail[cut + 1 :] if 0 <= cut < len(tail) // 2 else tail)
    head = safe[: limit - 1]
    cut = head.rfind(" ")
    return (head[:cut] if cut > len(head) // 2 else head).rstrip(" ,;:.") + "\u2026"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def read_document(path: str | Path) -> Any:
    """The file's YAML as plain data (safe loader), or None when it cannot be read or parsed."""
    try:
        data = read_file(Path(path), "dialogue file", MAX_DOCUMENT_BYTES)  # no FIFO, no device
        if len(data) > MAX_DOCUMENT_BYTES:
            return None
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(data, Loader=loader)  # a safe loader: no tag builds an object
    except (OSError, Refused, yaml.YAMLError, RecursionError):
        return None
    except Exception:  # PyYAML's constructors raise anything on hostile tags (!!bool maybe)
        return None


def describe_problems(problems: Sequence[Problem]) -> tuple[str, ...]:
    """`describe_problem` for each problem, reading each file once."""
    documents: dict[str, Any] = {}
    described = []
    for problem in problems:
        if problem.file not in documents:
            documents[problem.file] = read_document(problem.file) if problem.path else None
        described.append(describe_problem(problem, documents[problem.file]))
    return tuple(described)


def describe_problem(problem: Problem, document: Any = None) -> str:
    """One problem in words for people, found by its key path in `document`.

    `document` is the file's YAML as plain data (see `read_document`); with None (a broken
    file) the card, point and quote are named by number only. Anything that cannot be
    resolved falls back to the plainest words, never to an error.
    """
    try:
        where = _where(problem.path, document)
    except Exception:  # a description must never fail; the key path still helps
        where = []
    message = _message(problem.message, document)
    if not where:
        text = message if not problem.path else f"{clean(problem.path, 80)}: {message}"
    else:
        text = f"{', '.join(where)}: {message}"
    return clean(text, DESCRIPTION_CHARS)


def card_number(problem: Problem) -> int | None:
    """The position of the card a problem is in, from its key path, or None."""
    steps = _steps(problem.path)
    return steps[0][1] if steps and steps[0][0] == "sectors" else None


def _steps(path: str) -> list[tuple[str, int | None]]:
    steps = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            return []
        steps.append((match[1], int(match[2]) if match[2] is not None else None))
    return steps


def _get(node: Any, key: str, index: int | None) -> Any:
    value = node.get(key) if isinstance(node, dict) else None
    if index is None:
        return value
    return value[index] if isinstance(value, list) and 0 <= index < len(value) else None


def _text(node: Any, key: str) -> str | None:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def _where(path: str, document: Any) -> list[str]:
    """The places along `path`, each named as the user sees it."""
    steps = _steps(path)
    names: list[str] = []
    node = document
    for at, (key, index) in enumerate(steps):
        last = at == len(steps) - 1
        container = node
        node = _get(container, key, index)
        if index is not None:
            siblings = _get(container, key, None)
            count = len(siblings) if isinstance(siblings, list) else 0
            names.append(_item_name(key, index, node, count))
        elif key == "quote" and last and at and steps[at - 1][0] in ("evidence", "quote"):
            if isinstance(node, str):  # the quote of a quote item or of a quotation
                names[-1] = _quote_name(names[-1], node)
            elif names[-1] == "quotation" or names[-1].startswith("quotation by"):
                names.append("quote")
        elif key in _RECORDS and not (last and key in FIELD_NAMES):
            names.append(_RECORDS[key] if key != "quote" else _quotation_name(node))
        elif at == 0 and key == "format":
            names.append("the format line")
        else:
            names.append(FIELD_NAMES.get(key, clean(key.replace("_", " "), 30)))
    names = [n for n in names if n]
    if names and not (
        steps[0][0] == "sectors" and _text(_get(document, "sectors", steps[0][1]), "title")
    ):
        names[0] = names[0][:1].upper() + names[0][1:]  # our words, never a title from the file
    return names


def _item_name(key: str, index: int, node: Any, count: int) -> str:
    """'Overview', "point 4 'Areas covered'", "2nd quote '…for vaccines'", …"""
    noun = ITEM_NAMES.get(key, clean(key.replace("_", " "), 30))
    number = index + 1
    if key == "sectors":
        title = _text(node, "title")
        return clean(title) if title else f"card {number}"
    if key == "points":
        label = _text(node, "lead") or _text(node, "text")
        return f"point {number} '{clean(label)}'" if label else f"point {number}"
    if key == "evidence":
        quote = _text(node, "quote")
        name = "quote" if count == 1 else f"{ordinal(number)} quote"
        return f"{name} '{clean(quote, QUOTE_CHARS, keep_end=True)}'" if quote else name
    if key == "co_chairs":
        person = _text(node, "name")
        return f"co-chair {number} '{clean(person)}'" if person else f"co-chair {number}"
    if key == "sources":
        title = _text(node, "title") or _text(node, "id")
        return f"source {number} '{clean(title)}'" if title else f"source {number}"
    if key in ("notes", "cites"):
        label = _text(node, "title") if key == "cites" else _text(node, "text")
        return f"{noun} {number} '{clean(label)}'" if label else f"{noun} {number}"
    return f"{noun} {number}"


def _quote_name(evidence: str, quote: str) -> str:
    """The evidence item's name keeps its quote; a quotation's quote gets one."""
    if "'" in evidence:
        return evidence
    return f"{evidence} '{clean(quote, QUOTE_CHARS, keep_end=True)}'"


def _quotation_name(node: Any) -> str:
    speaker = _text(node, "speaker")
    return f"quotation by {clean(speaker)}" if speaker else "quotation"


def _message(message: str, document: Any) -> str:
    """The loader's message, with a source id turned into the source's name."""
    found = _SOURCE_NOT_FOUND.match(message)
    if found is None:
        return clean(message, MESSAGE_CHARS)
    source_id = found[1]
    sources = document.get("sources") if isinstance(document, dict) else None
    for source in sources if isinstance(sources, list) else ():
        if isinstance(source, dict) and source.get("id") == source_id:
            publisher = _text(source, "publisher")
            if publisher:
                return f"not found in the {clean(publisher)} source"
            title = _text(source, "title")
            if title:
                return f"not found in the source '{clean(title)}'"
    return f"not found in the source '{clean(source_id)}'"
