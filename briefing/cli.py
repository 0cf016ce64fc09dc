"""Command line: `briefing [FILE]` opens the app, `briefing validate`, `briefing export`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    import argparse

# The loader, argparse and ReportLab are imported by the commands that use them, so that
# `briefing FILE` starts the app without them.


def validate(files: Sequence[str]) -> int:
    """Prints one line per valid file on stdout and its problems on stderr (the first 100
    and how many more), every control character escaped."""
    from briefing.loader import load_dialogue
    from briefing.problems import DialogueError, printable

    status = 0
    for file in files:
        try:
            dialogue = load_dialogue(file)
        except DialogueError as exc:
            print("\n".join(exc.lines()), file=sys.stderr)
            status = 1
            continue
        print(
            f"{printable(file)}: valid: {len(dialogue.cards)} cards, {dialogue.point_count} "
            f"points, all {dialogue.quote_count} quotes verified"
        )
    return status


def export(args: argparse.Namespace) -> int:
    """Writes the selected one-pagers and the book; prints each path, progress on stderr."""
    from briefing.loader import load_dialogue
    from briefing.model import CardKind
    from briefing.paths import bundled_dialogue
    from briefing.pdf import (  # ReportLab, only here
        DEFAULT_MARKING,
        CardTooLong,
        ExportError,
        export_pdfs,
    )
    from briefing.problems import DialogueError, printable, quoted, shorten

    file = args.file or str(bundled_dialogue())
    try:
        dialogue = load_dialogue(file)
    except DialogueError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return 1
    known = [card.id for card in dialogue.cards]
    unknown = [card_id for card_id in args.sectors if card_id not in known]
    if unknown:
        print(
            f"briefing export: {printable(file)}: no sector with id "
            f"{', '.join(map(quoted, unknown))}; the ids are: {shorten(', '.join(known), 400)}",
            file=sys.stderr,
        )
        return 1
    everything = not (args.sectors or args.overview or args.book)
    if everything:
        card_ids, book = known, True
    else:
        overview = [c.id for c in dialogue.cards if c.kind is CardKind.OVERVIEW]
        wanted = set(args.sectors) | (set(overview) if args.overview else set())
        card_ids, book = [c for c in known if c in wanted], args.book
        if not card_ids and not book:
            message = f"briefing export: {printable(file)}: the dialogue has no overview card"
            print(message, file=sys.stderr)
            return 1

    def progress(done: int, total: int, path: Path) -> None:
        if total > 3:
            print(f"[{done}/{total}] {printable(path.name)}", file=sys.stderr, flush=True)

    marking = DEFAULT_MARKING if args.marking is None else args.marking
    try:
        written = export_pdfs(
            dialogue,
            args.out,
            args.page_size,
            card_ids=card_ids,
            book=book,
            marking=marking,
            progress=progress,
        )
    except (CardTooLong, ExportError, ValueError) as exc:
        print(f"briefing export: {printable(str(exc))}", file=sys.stderr)
        return 1
    for path in written:
        print(printable(str(path)))
    return 0


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Briefing cards and one-page PDF briefings for diplomatic dialogues.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("validate", help="check dialogue files and every quote")
    check.add_argument("files", nargs="+", metavar="FILE")
    pdf = commands.add_parser(
        "export",
        help="write one-page PDF briefings and the briefing book",
        description="Writes PDFs into DIR. With no --sector, --overview or --book: the "
        "overview, every sector and the book.",
    )
    pdf.add_argument("file", nargs="?", metavar="FILE", help="dialogue file (default: bundled)")
    pdf.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    pdf.add_argument("--page-size", choices=("a4", "letter"), default="a4", help="default: a4")
    pdf.add_argument(
        "--sector", action="append", default=[], dest="sectors", metavar="ID", help="a card id"
    )
    pdf.add_argument("--overview", action="store_true", help="the overview one-pager")
    pdf.add_argument("--book", action="store_true", help="the briefing book")
    pdf.add_argument("--marking", metavar="TEXT", help="marking line at top and bottom")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in ("validate", "export", "-h", "--help", "--version"):
        from briefing.gui.start import open_app  # the GUI, only when asked for

        app, window = open_app(args)
        window.show()
        return int(app.exec())
    parsed = _parser().parse_args(args)
    if parsed.command == "validate":
        return validate(parsed.files)
    if parsed.command == "export":
        return export(parsed)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
