"""Command line: `briefing [FILE]` opens the app, `briefing validate`, `briefing export`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefing import __version__
from briefing.loader import load_dialogue
from briefing.problems import DialogueError


def validate(files: Sequence[str]) -> int:
    """Prints one line per valid file on stdout and every problem on stderr."""
    status = 0
    for file in files:
        try:
            dialogue = load_dialogue(file)
        except DialogueError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            status = 1
            continue
        print(
            f"{file}: valid: {len(dialogue.cards)} cards, {dialogue.point_count} points, "
            f"all {dialogue.quote_count} quotes verified"
        )
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Briefing cards and one-page PDF briefings for diplomatic dialogues.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("validate", help="check dialogue files and every quote")
    check.add_argument("files", nargs="+", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in ("validate", "export", "-h", "--help", "--version"):
        from briefing.gui.app import run_app  # the GUI, only when asked for

        status: int = run_app(args)
        return status
    parsed = _parser().parse_args(args)
    if parsed.command == "validate":
        return validate(parsed.files)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
