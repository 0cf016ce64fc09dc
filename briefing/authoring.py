"""Starting a briefing: a new dialogue file with its `sources/` folder, and source texts
stored there as UTF-8, under safe and unique names.

The new file is a draft (no sources, evidence or points yet): it opens, displays and saves,
and `briefing validate` reports what is still missing. Nothing here replaces a file.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date as calendar_date
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from briefing.atomic import write_new
from briefing.format import FORMAT, ID_PATTERN
from briefing.loader import MAX_SOURCE_BYTES, MAX_TOTAL_SOURCE_BYTES
from briefing.problems import quoted
from briefing.reader import CONTROL

SOURCES = "sources"
"""The folder next to the dialogue file that holds its source texts."""
COUNTRIES = ("KR", "US")
MAX_NAME = 60
"""Characters of a file or id made from a title."""
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ID = re.compile(ID_PATTERN)
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{n}" for n in range(1, 10)]
    + [f"LPT{n}" for n in range(1, 10)]
)


class AuthoringError(Exception):
    """A dialogue or source was not created; the message says why, in a user's words."""


class CoChair(NamedTuple):
    name: str
    role: str
    country: str  # "KR" or "US"


class Resolved(NamedTuple):
    """The calendar date the dialogue was held, from outside the sources, with the public
    source that gives it."""

    date: str  # YYYY-MM-DD
    text: str  # the context, in the briefing's own words
    cite_title: str
    cite_url: str = ""


def create_dialogue(
    folder: Path,
    file_name: str,
    title: str,
    place: str,
    date: str,
    co_chairs: Sequence[tuple[str, str, str]] = (),
    resolved: tuple[str, str, str, str] | None = None,
) -> Path:
    """Writes a new draft dialogue file `folder/file_name` (".yaml" added when it has no
    such ending) and creates `folder/sources/`; returns the file's path.

    `co_chairs` are (name, role, "KR" or "US"); `resolved` is a `Resolved`. Raises
    AuthoringError, never replacing an existing file.
    """
    path = folder / dialogue_file_name(file_name)
    data = dialogue_data(title, place, date, co_chairs, resolved)
    for made in (folder, folder / SOURCES):
        try:
            made.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file in the way, no permission, a bad name...
            raise AuthoringError(f"cannot make the folder {made}: {_why(exc)}") from None
    try:
        write_new(path, dialogue_yaml(data).encode("utf-8"))
    except FileExistsError:
        message = f"{path.name} already exists in {folder}; choose another name"
        raise AuthoringError(message) from None
    except OSError as exc:
        raise AuthoringError(f"cannot create {path}: {_why(exc)}") from None
    return path


def _why(exc: OSError) -> str:
    if isinstance(exc, FileExistsError):
        return "a file has that name"
    return str(exc.strerror or exc)


def dialogue_file_name(file_name: str) -> str:
    """`file_name` as the name of a dialogue file, ending in .yaml or .yml; AuthoringError
    when it is empty, names a folder, or cannot be a file name on every system."""
    name = file_name.strip()
    if not name:
        raise AuthoringError("give the new file a name")
    if _NOT_IN_FILE_NAMES.search(name) or name.startswith(".") or name.endswith((".", " ")):
        raise AuthoringError(
            f'{quoted(name)} cannot be a file name: leave out / \\ : * ? " < > | and '
            "control characters, and do not start it with a dot"
        )
    if not name.lower().endswith((".yaml", ".yml")):
        name += ".yaml"
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        raise AuthoringError(f"{quoted(name)} is a reserved name on Windows; choose another")
    if len(name) > 120:
        raise AuthoringError("the file name is too long (over 120 characters)")
    return name


def dialogue_data(
    title: str,
    place: str,
    date: str,
    co_chairs: Sequence[tuple[str, str, str]] = (),
    resolved: tuple[str, str, str, str] | None = None,
) -> dict[str, Any]:
    """The plain data of a new draft dialogue; AuthoringError when a field is unusable."""
    dialogue: dict[str, Any] = {
        "title": _text("Title", title),
        "place": _text("Place", place),
        "date": _text("Date", date),
    }
    if resolved is not None:
        dialogue["resolved_date"] = _resolved_date(Resolved(*resolved), dialogue["date"])
    people = [_co_chair(n, CoChair(*person)) for n, person in enumerate(co_chairs, 1)]
    if people:
        dialogue["co_chairs"] = people
    dialogue["evidence"] = []
    overview = {
        "id": "overview",
        "kind": "overview",
        "title": "Overview",
        "icon": "overview",
        "summary": "",
        "points": [],
    }
    return {"format": FORMAT, "dialogue": dialogue, "sources": [], "sectors": [overview]}


def dialogue_yaml(data: dict[str, Any]) -> str:
    """The text of a new dialogue file: a header, then each top-level key in a block of its
    own, values quoted where YAML would read them as anything but text."""
    title = data["dialogue"]["title"]
    header = (
        f"# {_one_line(title)}\n"
        "#\n"
        "# A briefing made with Briefing. Point texts and summaries are the briefing's own\n"
        "# words; every `quote` must be verbatim from the stored source it names.\n"
    )
    blocks = [
        yaml.dump(
            {key: value},
            Dumper=_IndentedDumper,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
            width=92,
        )
        for key, value in data.items()
    ]
    return header + "\n".join(blocks)


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the bundled dialogue file does."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _text(label: str, value: str) -> str:
    text = value.strip()
    if not text:
        raise AuthoringError(f"{label} is empty")
    bad = CONTROL.search(text)  # what the reader would refuse
    if bad:
        raise AuthoringError(f"{label} contains a control character (U+{ord(bad.group()):04X})")
    return text


def _resolved_date(resolved: Resolved, stated: str) -> dict[str, Any]:
    day_text = resolved.date.strip()
    try:
        day = calendar_date.fromisoformat(day_text)
    except ValueError:
        raise AuthoringError(
            f"resolved date {quoted(day_text)} is not a date; write it YYYY-MM-DD"
        ) from None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", day_text):
        raise AuthoringError(f"write the resolved date YYYY-MM-DD, not {quoted(day_text)}")
    weekday = _WEEKDAYS[day.weekday()]
    named = [d for d in _WEEKDAYS if d.casefold() in stated.casefold().split()]
    if named and weekday not in named:
        raise AuthoringError(f"{day_text} is a {weekday}, but the date as given says {named[0]}")
    cite: dict[str, str] = {"title": _text("Citation title", resolved.cite_title)}
    if resolved.cite_url.strip():
        cite["url"] = _text("Citation address", resolved.cite_url)
    return {
        "date": day_text,
        "text": _text("Resolved date note", resolved.text),
        "cites": [cite],
    }


def _co_chair(number: int, person: CoChair) -> dict[str, Any]:
    country = person.country.strip().upper()
    if country not in COUNTRIES:
        raise AuthoringError(f"co-chair {number}: country must be KR or US")
    return {
        "name": _text(f"Co-chair {number}'s name", person.name),
        "role": _text(f"Co-chair {number}'s role", person.role),
        "country": country,
        "evidence": [],
    }


# -- sources -------------------------------------------------------------------------------


def safe_name(text: str, fallback: str = "source") -> str:
    """A file name or id made from `text`: ASCII letters and digits in lower case, words
    joined by hyphens, at most MAX_NAME characters; `fallback` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    name = ""
    for word in words:
        joined = f"{name}-{word}" if name else word
        if len(joined) > MAX_NAME:
            break
        name = joined
    if not name:
        name = words[0][:MAX_NAME] if words else fallback
    return f"{name}-file" if name.upper() in _WINDOWS_RESERVED else name


def free_source_id(data: Any, wanted: str) -> str:
    """An id for a new source, made from `wanted` (an id or a title), that no source in
    the dialogue data `data` has yet: `wanted`, else `wanted-2`, `wanted-3`..."""
    base = wanted.strip() if _ID.fullmatch(wanted.strip()) else safe_name(wanted)
    base = base[:MAX_NAME]
    taken = {str(s.get("id")) for s in _sources(data)}
    return _first_free(base, taken.__contains__)


def store_source(folder: Path, name: str, text: str) -> str:
    """Writes `text` as UTF-8 to a new file in `folder/sources/`, named after `name`
    (made safe, and unique with -2, -3... when taken); returns its path relative to
    `folder` ("sources/name.txt"). Raises AuthoringError; never replaces a file."""
    if not text.strip():
        raise AuthoringError("the source has no text")
    if "\x00" in text:
        raise AuthoringError("the source contains NUL characters: it is not text")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise AuthoringError(f"the source text cannot be stored as UTF-8 ({exc.reason})") from None
    if len(data) > MAX_SOURCE_BYTES:
        limit = MAX_SOURCE_BYTES // (1024 * 1024)
        raise AuthoringError(f"the source text is over {limit} MiB; store a shorter one")
    sources = folder / SOURCES
    try:
        sources.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AuthoringError(f"cannot make the folder {sources}: {_why(exc)}") from None
    real = Path(os.path.realpath(sources))
    if not real.is_relative_to(os.path.realpath(folder)) or not real.is_dir():
        raise AuthoringError(f"{sources} leads out of the dialogue's folder; make it a folder")
    stem = safe_name(name)
    for _attempt in range(1000):
        file_name = _first_free(stem, lambda s: os.path.lexists(sources / f"{s}.txt")) + ".txt"
        try:
            write_new(sources / file_name, data)
        except FileExistsError:
            continue  # taken since we looked: try the next free name
        except OSError as exc:
            raise AuthoringError(f"cannot write {sources / file_name}: {_why(exc)}") from None
        return f"{SOURCES}/{file_name}"
    raise AuthoringError(f"no free file name for {stem!r} in {sources}")


def sources_size(folder: Path, data: Any) -> int:
    """Bytes of the source files the dialogue data lists (each file counted once, missing
    ones as 0), the total the loader limits to MAX_TOTAL_SOURCE_BYTES."""
    seen: set[str] = set()
    total = 0
    for source in _sources(data):
        file = source.get("file")
        if not isinstance(file, str) or not file:
            continue
        path = os.path.realpath(folder / file)
        if path in seen:
            continue
        seen.add(path)
        try:
            total += os.stat(path).st_size
        except OSError:
            continue
    return total


def check_room(folder: Path, data: Any, text: str) -> None:
    """Raises AuthoringError when adding `text` would take the dialogue's sources over the
    loader's total limit."""
    total = sources_size(folder, data) + len(text.encode("utf-8", "replace"))
    if total > MAX_TOTAL_SOURCE_BYTES:
        limit = MAX_TOTAL_SOURCE_BYTES // (1024 * 1024)
        raise AuthoringError(
            f"with this one, the dialogue's sources would be over {limit} MiB together; "
            "store a shorter text"
        )


def _sources(data: Any) -> list[Mapping[str, Any]]:
    """The source entries of dialogue data as read or edited (any mappings and lists)."""
    sources = data.get("sources") if isinstance(data, Mapping) else None
    if not isinstance(sources, Sequence) or isinstance(sources, str):
        return []
    return [s for s in sources if isinstance(s, Mapping)]


def _first_free(base: str, taken: Callable[[str], bool]) -> str:
    if not taken(base):
        return base
    number = 2
    while taken(f"{base}-{number}"):
        number += 1
    return f"{base}-{number}"
