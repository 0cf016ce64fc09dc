"""Loads a dialogue file into the immutable model, checking ids, sources and every quote.

`load_dialogue(path)` returns a `Dialogue` or raises `DialogueError` listing every problem
of the file, each as `file:line:col: key.path: what is wrong`.
"""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path, PurePosixPath, PureWindowsPath

from briefing.citations import first_paragraph_number
from briefing.model import (
    Account,
    Actor,
    Amount,
    Card,
    CardKind,
    Citation,
    Commitment,
    CommitmentKind,
    Dialogue,
    Evidence,
    Note,
    Person,
    Point,
    Quotation,
    ResolvedDate,
    Source,
)
from briefing.problems import DialogueError, Problem, quoted, shorten
from briefing.provenance import QuoteFinder, normalise, split_paragraphs
from briefing.reader import Rec, decode_utf8, read_document, too_large
from briefing.safe_open import Folder, LeadsOut, Refused

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_SOURCE_BYTES = 4 * 1024 * 1024
"""One source text file."""
MAX_TOTAL_SOURCE_BYTES = 16 * 1024 * 1024
"""All the source text files of one dialogue together, each file counted once."""
MAX_QUOTE_SCAN = 1 << 30
"""Characters of source text searched for quotes in one load (0.3 s or so): enough for 250
quotes missing from a 4 MiB source, or 10,000 from a 100 KiB one."""


def load_dialogue(path: str | os.PathLike[str]) -> Dialogue:
    """Reads, validates and verifies a dialogue file."""
    path = Path(path)
    with gc_paused(), Folder(path.parent) as folder:
        return Builder(path, folder).build()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pauses the cycle collector: a YAML node tree has no cycles, but its hundreds of
    thousands of new objects would set off repeated full collections (measured: a 2,000-card
    file loads in 0.8 s instead of 2.3 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Builder:
    """Builds the model from checked records, collecting every problem; `build` reads the
    file and refuses it if any, the document module builds drafts from the parts."""

    def __init__(self, path: Path, folder: Folder) -> None:
        self.path = path
        self.folder = folder
        self.name = str(path)
        self.problems: list[Problem] = []
        self.finders: dict[str, QuoteFinder] = {}
        self.declared: set[str] = set()
        self.texts: dict[Path, tuple[str, tuple[str, ...]] | str] = {}  # or why not read
        self.shared_finders: dict[tuple[Path, int, int], QuoteFinder] = {}
        self.source_bytes = 0
        self.scanned = 0

    def problem(self, rec: Rec, key: str, message: str) -> None:
        line, column = rec.mark_of(key)
        where = f"{rec.path}.{key}" if rec.path else key
        self.problems.append(Problem(self.name, line, column, where, message))

    def build(self) -> Dialogue:
        document, self.problems, omitted = read_document(self.path)
        sources = self.sources(document.get("sources", ()))
        result = self.dialogue(document, sources, self.cards(document.get("sectors", ())))
        if self.problems or omitted:
            ordered = sorted(self.problems, key=lambda p: (p.line, p.column))
            raise DialogueError(ordered, omitted)
        return result

    def dialogue(
        self, document: Rec, sources: tuple[Source, ...], cards: tuple[Card, ...]
    ) -> Dialogue:
        """The dialogue of `document`, with its sources and cards already built."""
        dialogue: Rec = document.get("dialogue") or Rec("dialogue", document.node)
        return Dialogue(
            path=self.path,
            title=dialogue["title"],
            short_title=dialogue.get("short_title"),
            place=dialogue["place"],
            date=dialogue["date"],
            date_context=self.note(dialogue.get("date_context")),
            resolved_date=self.resolved_date(dialogue),
            publisher=dialogue.get("publisher"),
            co_chairs=tuple(self.person(p) for p in dialogue.get("co_chairs", ())),
            evidence=self.evidence(dialogue.get("evidence", ())),
            sources=sources,
            cards=cards,
        )

    # -- sources -------------------------------------------------------------------------

    def sources(self, recs: list[Rec]) -> tuple[Source, ...]:
        found: list[Source] = []
        for rec in recs:
            source_id = rec["id"]
            if not source_id:
                continue
            if source_id in self.declared:
                self.problem(rec, "id", f"duplicate source id {source_id!r}")
                continue
            self.declared.add(source_id)
            source = self.source(rec)
            if source is not None:
                numbered = source.paragraphs[: -1 if source.credit_line is not None else None]
                key = (source.path, first_paragraph_number(source), len(numbered))
                if key not in self.shared_finders:
                    self.shared_finders[key] = QuoteFinder(numbered, key[1])
                self.finders[source_id] = self.shared_finders[key]
                account = self.account(rec.get("account"), source_id)
                found.append(dataclasses.replace(source, account=account))
        return tuple(found)

    def source(self, rec: Rec) -> Source | None:
        file = rec["file"]
        if not file:
            return None
        path = self.source_path(rec, file)
        if path is None:
            return None
        read = self.texts.get(path)
        if read is None:
            read = self.texts[path] = self.read_source(path)
        if isinstance(read, str):
            self.problem(rec, "file", f"{shorten(file)}: {read}")
            return None
        text, paragraphs = read
        headline = paragraphs[0] if rec.get("headline", False) and paragraphs else None
        credit_line = None
        if rec.get("credit_line", False):
            if len(paragraphs) < (3 if headline is not None else 2):
                self.problem(rec, "credit_line", "the source has no paragraph before its last")
            else:
                credit_line = paragraphs[-1]
        return Source(
            id=rec["id"],
            title=rec["title"],
            publisher=rec["publisher"],
            file=file,
            path=path,
            text=text,
            paragraphs=paragraphs,
            headline=headline,
            url=rec.get("url"),
            attribution=rec.get("attribution"),
            credit_line=credit_line,
            account=None,  # set once the source's quotes can be found
        )

    def account(self, rec: Rec | None, source_id: str) -> Account | None:
        """Whose account: a quote of the source naming them, or analyst context with cites."""
        if rec is None:
            return None
        by: str = rec["by"]
        quote: str | None = rec.get("quote")
        cites = tuple(Citation(c["title"], c.get("url")) for c in rec.get("cites", ()))
        if quote is None and not cites:
            self.problem(rec, "by", "give a `quote` of the source naming them, or `cites`")
            return None
        evidence = None
        if quote is not None:
            evidence = self.one_evidence(
                Rec(rec.path, rec.node, {"source": source_id, "quote": quote}, rec.nodes)
            )
            if by and normalise(by).casefold() not in normalise(quote).casefold():
                self.problem(rec, "by", f"{by!r} is not in the account's quote")
        return Account(by=by, evidence=evidence, cites=cites)

    def read_source(self, path: Path) -> tuple[str, tuple[str, ...]] | str:
        """The text and paragraphs of a source file, read once per load; or why not."""
        left = MAX_TOTAL_SOURCE_BYTES - self.source_bytes
        limit = min(MAX_SOURCE_BYTES, left)
        try:
            data = self.folder.read(path, "source text", limit)
        except Refused as exc:
            return str(exc)
        if len(data) > limit:
            if limit == MAX_SOURCE_BYTES:
                return too_large(limit, "source text")
            total = MAX_TOTAL_SOURCE_BYTES // (1024 * 1024)
            return f"the source texts together are over {total} MiB; cite fewer or shorter ones"
        self.source_bytes += len(data)
        try:
            text = decode_utf8(data, str(path))
        except DialogueError as exc:
            return exc.problems[0].message
        return text, split_paragraphs(text)

    def source_path(self, rec: Rec, file: str) -> Path | None:
        """A source file must stay inside the dialogue file's folder, links included."""
        if PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute():
            message = f"{quoted(file)} is an absolute path; give it relative to the file"
            self.problem(rec, "file", message)
            return None
        if ".." in PurePosixPath(file.replace("\\", "/")).parts:
            self.problem(rec, "file", f"{quoted(file)} leads out of the dialogue file's folder")
            return None
        try:
            return self.folder.resolve(file)
        except LeadsOut as exc:
            self.problem(rec, "file", f"{quoted(file)} {exc}")
            return None
        except Refused as exc:
            self.problem(rec, "file", f"{shorten(file)}: {exc}")
            return None

    # -- cards ---------------------------------------------------------------------------

    def cards(self, recs: list[Rec]) -> tuple[Card, ...]:
        self.check_cards(recs)
        return tuple(self.card(rec) for rec in recs)

    def check_cards(self, recs: list[Rec]) -> None:
        """Card ids are unique, and there is one overview card at most."""
        seen: set[str] = set()
        overview: Rec | None = None
        for rec in recs:
            card_id = rec["id"]
            if card_id and card_id in seen:
                self.problem(rec, "id", f"duplicate card id {card_id!r}")
            seen.add(card_id)
            if rec.get("kind") == "overview":
                if overview is None:
                    overview = rec
                else:
                    first = overview.mark_of("kind")[0]
                    message = f"a second overview card (the first is at line {first}); one only"
                    self.problem(rec, "kind", message)

    def card(self, rec: Rec) -> Card:
        return Card(
            id=rec["id"],
            kind=CardKind(rec.get("kind", "sector")),
            title=rec["title"],
            icon=rec.get("icon"),
            summary=rec["summary"],
            points=tuple(self.point(p) for p in rec.get("points", ())),
            notes=tuple(n for n in map(self.note, rec.get("notes", ())) if n),
            quote=self.quotation(rec.get("quote")),
        )

    def point(self, rec: Rec) -> Point:
        evidence = self.evidence(rec.get("evidence", ()))
        commitment = rec.get("commitment")
        return Point(
            lead=rec.get("lead"),
            text=rec["text"],
            evidence=evidence,
            commitment=self.commitment(commitment, evidence) if commitment else None,
        )

    def commitment(self, rec: Rec, evidence: tuple[Evidence, ...]) -> Commitment:
        said = " ".join(normalise(e.quote) for e in evidence)
        for key in ("timeframe", "place"):
            value = rec.get(key)
            if value and normalise(value) not in said:
                self.problem(rec, key, f"{quoted(value)} is not in the point's evidence")
        amount_rec: Rec | None = rec.get("amount")
        amount = None
        if amount_rec is not None:
            stated = amount_rec["stated"]
            if normalise(stated) not in said:
                message = f"{quoted(stated)} is not in the point's evidence"
                self.problem(amount_rec, "stated", message)
            amount = Amount(
                value=amount_rec["value"],
                currency=amount_rec["currency"],
                qualifier=amount_rec.get("qualifier"),
                stated=stated,
            )
        return Commitment(
            actors=Actor(rec.get("actors", "both")),
            kind=CommitmentKind(rec.get("kind", "agreed")),
            what=rec["what"],
            amount=amount,
            timeframe=rec.get("timeframe"),
            place=rec.get("place"),
        )

    def quotation(self, rec: Rec | None) -> Quotation | None:
        if rec is None:
            return None
        return Quotation(speaker=rec["speaker"], evidence=self.one_evidence(rec))

    def person(self, rec: Rec) -> Person:
        return Person(
            name=rec["name"],
            name_ko=rec.get("name_ko"),
            role=rec["role"],
            country=Actor(rec.get("country", "KR")),
            evidence=self.evidence(rec.get("evidence", ())),
        )

    def resolved_date(self, dialogue: Rec) -> ResolvedDate | None:
        rec: Rec | None = dialogue.get("resolved_date")
        if rec is None:
            return None
        if dialogue.get("date_context") is not None:
            self.problem(dialogue, "date_context", "give the date's context in resolved_date only")
        try:
            day = date.fromisoformat(rec["date"])
        except (TypeError, ValueError):
            if rec["date"]:
                self.problem(rec, "date", f"{rec['date']!r} is not a date (YYYY-MM-DD)")
            return None
        weekday = _WEEKDAYS[day.weekday()]
        stated = str(dialogue["date"] or "")
        named = [d for d in _WEEKDAYS if d.casefold() in stated.casefold().split()]
        if named and weekday not in named:
            self.problem(rec, "date", f"{day.isoformat()} is a {weekday}, not a {named[0]}")
        note = self.note(rec)
        return ResolvedDate(day=day, note=note) if note else None

    def note(self, rec: Rec | None) -> Note | None:
        if rec is None:
            return None
        cites = tuple(Citation(c["title"], c.get("url")) for c in rec.get("cites", ()))
        return Note(text=rec["text"], cites=cites)

    # -- provenance ----------------------------------------------------------------------

    def evidence(self, recs: list[Rec]) -> tuple[Evidence, ...]:
        return tuple(self.one_evidence(rec) for rec in recs)

    def one_evidence(self, rec: Rec) -> Evidence:
        source_id: str = rec["source"]
        quote: str = rec["quote"]
        finder = self.finders.get(source_id)
        paragraphs: tuple[int, ...] = ()
        if not source_id or not quote or (finder is None and source_id in self.declared):
            pass  # the source itself failed to load, and said so
        elif finder is None:
            known = ", ".join(repr(k) for k in self.finders) or "none"
            message = f"unknown source {source_id!r} (known: {shorten(known)})"
            self.problem(rec, "source", message)
        elif self.scanned > MAX_QUOTE_SCAN and not finder.knows(quote):
            if self.scanned < MAX_QUOTE_SCAN * 2:  # said once, first: it bears on the rest
                self.scanned = MAX_QUOTE_SCAN * 2
                line = rec.mark_of("quote")[0]
                limit = MAX_QUOTE_SCAN // (1024 * 1024)
                message = (
                    f"quotes from line {line} on were not checked: checking stops after "
                    f"searching {limit:,} MiB of source text; cite fewer quotes or shorter sources"
                )
                self.problems.append(Problem(self.name, 0, 0, "", message))
        else:
            before = finder.scanned
            located = finder.locate(quote)
            self.scanned += finder.scanned - before
            if located is None:
                self.problem(rec, "quote", f"not found in source {source_id!r}")
            else:
                paragraphs = located
        return Evidence(source=source_id, quote=quote, paragraphs=paragraphs)
