"""The `briefing/1` file format as data: each record's keys, their kinds, which are required.

The reader validates files against these tables and the JSON Schema in
`resources/schema/` is generated from them (`python -m briefing.format`), so the two
cannot drift apart.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

FORMAT = "briefing/1"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"


@dataclass(frozen=True, slots=True)
class Text:
    pattern: str | None = None


@dataclass(frozen=True, slots=True)
class IsoDate(Text):
    """A calendar date as text, YYYY-MM-DD (quoted in YAML); the loader checks it exists."""


@dataclass(frozen=True, slots=True)
class Number:
    pass


@dataclass(frozen=True, slots=True)
class Flag:
    pass


@dataclass(frozen=True, slots=True)
class Choice:
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Record:
    name: str


@dataclass(frozen=True, slots=True)
class ListOf:
    item: Record
    min_items: int = 0


Kind = Text | Number | Flag | Choice | Record | ListOf


@dataclass(frozen=True, slots=True)
class Key:
    kind: Kind
    required: bool
    doc: str


def req(kind: Kind, doc: str) -> Key:
    return Key(kind, True, doc)


def opt(kind: Kind, doc: str) -> Key:
    return Key(kind, False, doc)


ID = Text(ID_PATTERN)
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
EVIDENCE = ListOf(Record("Evidence"), min_items=1)

RECORDS: dict[str, dict[str, Key]] = {
    "Document": {
        "format": req(Choice((FORMAT,)), "File format and version; always 'briefing/1'."),
        "dialogue": req(Record("Dialogue"), "What the dialogue was: title, place, date."),
        "sources": req(ListOf(Record("Source"), 1), "Stored source documents quotes come from."),
        "sectors": req(ListOf(Record("Card"), 1), "The cards, the overview first."),
    },
    "Dialogue": {
        "title": req(Text(), "Full title of the dialogue."),
        "short_title": opt(Text(), "Short title for window titles and footers."),
        "place": req(Text(), "Where it was held, as the sources give it."),
        "date": req(Text(), "When it was held, as the sources give it."),
        "date_context": opt(
            Record("Note"), "Analyst context on the date, with its citation (no resolved date)."
        ),
        "resolved_date": opt(
            Record("ResolvedDate"),
            "The calendar date it was held, from outside the sources, with its citation; shown"
            " as 'Saturday [9 December 2023]' and gives relative years ('next year [2024]').",
        ),
        "publisher": opt(Text(), "Who publishes this briefing (the PDF author)."),
        "co_chairs": opt(ListOf(Record("Person")), "The co-chairs."),
        "evidence": req(EVIDENCE, "Quotes supporting the title, place and date."),
    },
    "Person": {
        "name": req(Text(), "Name in English."),
        "name_ko": opt(Text(), "Name in Korean (Hangul)."),
        "role": req(Text(), "Role or office, as the sources give it."),
        "country": req(Choice(("KR", "US")), "KR or US."),
        "evidence": req(EVIDENCE, "Quotes supporting the name and role."),
    },
    "Source": {
        "id": req(ID, "Identifier that evidence refers to."),
        "title": req(Text(), "Title of the document."),
        "publisher": req(Text(), "Who published it."),
        "file": req(Text(), "UTF-8 text file, relative to the dialogue file's folder."),
        "headline": opt(Flag(), "True if the first paragraph is a headline (not numbered)."),
        "url": opt(Text(), "Public address of the original."),
        "attribution": opt(Text(), "Credit line to show with the text."),
        "credit_line": opt(
            Flag(), "True if the last paragraph is a credit line ('Source: ...'), not numbered."
        ),
        "account": opt(
            Record("Account"), "Whose account the source gives, shown in every source line."
        ),
    },
    "Account": {
        "by": req(Text(), "Whose account it is, e.g. Seoul's presidential office."),
        "quote": opt(Text(), "Verbatim text of this source that names them (contains `by`)."),
        "cites": opt(
            ListOf(Record("Citation"), 1),
            "Without a quote: analyst context, the public sources saying whose account it is.",
        ),
    },
    "Card": {
        "id": req(ID, "Identifier, unique in the file."),
        "kind": opt(Choice(("overview", "sector")), "'overview' or 'sector' (the default)."),
        "title": req(Text(), "Card title."),
        "icon": opt(ID, "Icon name from resources/icons."),
        "summary": req(Text(), "One-sentence bottom line up front."),
        "points": req(ListOf(Record("Point"), 1), "Key points, each with evidence."),
        "notes": opt(ListOf(Record("Note")), "Analyst context from elsewhere, with citations."),
        "quote": opt(Record("Quotation"), "A quote block: a speaker's verified words."),
    },
    "Point": {
        "lead": opt(Text(), "Bold lead-in of a few words."),
        "text": req(Text(), "The point, in the briefing's own words."),
        "evidence": req(EVIDENCE, "Verbatim quotes that support the point."),
        "commitment": opt(Record("Commitment"), "Structured commitment, where stated."),
    },
    "Evidence": {
        "source": req(ID, "Id of a source in `sources`."),
        "quote": req(Text(), "Verbatim text of that source."),
    },
    "Commitment": {
        "actors": req(Choice(("KR", "US", "both")), "Who commits: KR, US or both."),
        "kind": req(
            Choice(("agreed", "pledged", "planned", "expected", "to explore")),
            "How firm it is, in the source's words.",
        ),
        "what": req(Text(), "What is committed, briefly."),
        "amount": opt(Record("Amount"), "Money, where stated."),
        "timeframe": opt(Text(), "When, verbatim from the point's evidence ('next year')."),
        "place": opt(Text(), "Where, verbatim from the point's evidence."),
    },
    "Amount": {
        "value": req(Number(), "The number (10000000)."),
        "currency": req(Text(), "ISO currency code (USD)."),
        "qualifier": opt(Choice(("at least", "up to", "about")), "Qualifier, if stated."),
        "stated": req(Text(), "The amount as stated, verbatim from the point's evidence."),
    },
    "Note": {
        "text": req(Text(), "The context, in the briefing's own words."),
        "cites": req(ListOf(Record("Citation"), 1), "Where the context comes from."),
    },
    "ResolvedDate": {
        "date": req(IsoDate(), 'The date, YYYY-MM-DD, in quotes ("2023-12-09").'),
        "text": req(Text(), "The context, in the briefing's own words."),
        "cites": req(ListOf(Record("Citation"), 1), "The public sources that give the date."),
    },
    "Citation": {
        "title": req(Text(), "Title of the cited work."),
        "url": opt(Text(), "Its public address."),
    },
    "Quotation": {
        "speaker": req(Text(), "Who said it."),
        "source": req(ID, "Id of a source in `sources`."),
        "quote": req(Text(), "Verbatim text of that source."),
    },
}


def _kind_schema(kind: Kind) -> dict[str, Any]:
    if isinstance(kind, IsoDate):
        return {"type": "string", "format": "date", "pattern": ISO_DATE_PATTERN}
    if isinstance(kind, Text):
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if kind.pattern:
            schema["pattern"] = kind.pattern
        return schema
    if isinstance(kind, Number):
        return {"type": "number"}
    if isinstance(kind, Flag):
        return {"type": "boolean"}
    if isinstance(kind, Choice):
        return {"enum": list(kind.values)}
    if isinstance(kind, Record):
        return {"$ref": f"#/$defs/{kind.name}"}
    return {"type": "array", "minItems": kind.min_items, "items": _kind_schema(kind.item)}


def _record_schema(name: str) -> dict[str, Any]:
    keys = RECORDS[name]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [k for k, key in keys.items() if key.required],
        "properties": {
            k: {**_kind_schema(key.kind), "description": key.doc} for k, key in keys.items()
        },
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, for editors (completion and checking)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://briefing.invalid/schema/briefing-1.schema.json",
        "title": "Briefing dialogue file (briefing/1)",
        **_record_schema("Document"),
        "$defs": {name: _record_schema(name) for name in RECORDS if name != "Document"},
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(json_schema_text())
