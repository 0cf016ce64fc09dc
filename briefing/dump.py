"""Writes a Dialogue back as a `briefing/1` YAML document: the loader's inverse."""

from __future__ import annotations

from typing import Any

import yaml

from briefing.format import FORMAT
from briefing.model import (
    Account,
    Card,
    CardKind,
    Citation,
    Commitment,
    Dialogue,
    Evidence,
    Note,
    Point,
    ResolvedDate,
)


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != []}


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"source": e.source, "quote": e.quote} for e in items]


def _cites(cites: tuple[Citation, ...]) -> list[dict[str, Any]]:
    return [_drop_none({"title": c.title, "url": c.url}) for c in cites]


def _note(note: Note | None) -> dict[str, Any] | None:
    if note is None:
        return None
    return {"text": note.text, "cites": _cites(note.cites)}


def _resolved_date(resolved: ResolvedDate | None) -> dict[str, Any] | None:
    if resolved is None:
        return None
    return {"date": resolved.day.isoformat(), **(_note(resolved.note) or {})}


def _account(account: Account | None) -> dict[str, Any] | None:
    if account is None:
        return None
    quote = account.evidence.quote if account.evidence is not None else None
    return _drop_none({"by": account.by, "quote": quote, "cites": _cites(account.cites)})


def _commitment(c: Commitment | None) -> dict[str, Any] | None:
    if c is None:
        return None
    amount = None
    if c.amount is not None:
        a = c.amount
        amount = _drop_none(
            {"value": a.value, "currency": a.currency, "qualifier": a.qualifier, "stated": a.stated}
        )
    return _drop_none(
        {
            "actors": c.actors.value,
            "kind": c.kind.value,
            "what": c.what,
            "amount": amount,
            "timeframe": c.timeframe,
            "place": c.place,
        }
    )


def _point(p: Point) -> dict[str, Any]:
    return _drop_none(
        {
            "lead": p.lead,
            "text": p.text,
            "evidence": _evidence(p.evidence),
            "commitment": _commitment(p.commitment),
        }
    )


def _card(card: Card) -> dict[str, Any]:
    quote = None
    if card.quote is not None:
        e = card.quote.evidence
        quote = {"speaker": card.quote.speaker, "source": e.source, "quote": e.quote}
    return _drop_none(
        {
            "id": card.id,
            "kind": card.kind.value if card.kind is CardKind.OVERVIEW else None,
            "title": card.title,
            "icon": card.icon,
            "summary": card.summary,
            "points": [_point(p) for p in card.points],
            "notes": [_note(n) for n in card.notes],
            "quote": quote,
        }
    )


def dialogue_document(d: Dialogue) -> dict[str, Any]:
    """The plain data of a dialogue file; source paths are given as they were written."""
    people = [
        _drop_none(
            {
                "name": p.name,
                "name_ko": p.name_ko,
                "role": p.role,
                "country": p.country.value,
                "evidence": _evidence(p.evidence),
            }
        )
        for p in d.co_chairs
    ]
    return {
        "format": FORMAT,
        "dialogue": _drop_none(
            {
                "title": d.title,
                "short_title": d.short_title,
                "place": d.place,
                "date": d.date,
                "date_context": _note(d.date_context),
                "resolved_date": _resolved_date(d.resolved_date),
                "publisher": d.publisher,
                "co_chairs": people,
                "evidence": _evidence(d.evidence),
            }
        ),
        "sources": [
            _drop_none(
                {
                    "id": s.id,
                    "title": s.title,
                    "publisher": s.publisher,
                    "file": s.file,
                    "headline": True if s.headline is not None else None,
                    "url": s.url,
                    "attribution": s.attribution,
                    "credit_line": True if s.credit_line is not None else None,
                    "account": _account(s.account),
                }
            )
            for s in d.sources
        ],
        "sectors": [_card(c) for c in d.cards],
    }


def dump_dialogue(d: Dialogue) -> str:
    """YAML text that loads back into an equal Dialogue (given the same source files)."""
    return yaml.dump(
        dialogue_document(d),
        Dumper=yaml.CSafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
