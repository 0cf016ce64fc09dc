"""What went wrong with a dialogue file, each problem pinned to file:line:col, and how a
value from a file is shown in a message: control characters escaped, length capped."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PROBLEMS = 100
"""Problems kept and reported for one file; the rest are only counted."""
MAX_SHOWN = 80
"""Characters of a key or value from a file quoted in a message."""

# C0, DEL and C1 controls, line and paragraph separators and the bidirectional controls,
# which could move the cursor, retitle or clear a terminal, forge a line or reorder text.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character escaped (`\\x1b`, `\\u0085`), safe to print."""
    return _UNSAFE.sub(_escape, text)


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value: str, limit: int = MAX_SHOWN) -> str:
    """A value from a file as a message quotes it: in quotes, escaped, at most `limit` long."""
    return printable(repr(shorten(value, limit)))


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a file. `line` and `column` are 1-based; 0 means not known."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        file, path, message = printable(self.file), printable(self.path), printable(self.message)
        where = f"{file}:{self.line}:{self.column}" if self.line else file
        return f"{where}: {path}: {message}" if path else f"{where}: {message}"


class DialogueError(Exception):
    """A dialogue file could not be loaded; `problems` lists the first `MAX_PROBLEMS`
    problems found and `omitted` counts the others."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], omitted: int = 0) -> None:
        self.problems = tuple(problems[:MAX_PROBLEMS])
        self.omitted = omitted + max(0, len(problems) - MAX_PROBLEMS)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """Each problem as a printable line, and a last line counting those left out."""
        lines = [str(p) for p in self.problems]
        if self.omitted:
            noun = "problem" if self.omitted == 1 else "problems"
            lines.append(f"... and {self.omitted} more {noun}")
        return lines
