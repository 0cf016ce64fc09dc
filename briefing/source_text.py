"""Text taken from a file to be stored as a source: decoded, tidied into paragraphs
separated by blank lines (as the loader splits them), and PDF lines put back together.
"""

from __future__ import annotations

import codecs
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from briefing.problems import quoted

_NEWLINES = re.compile(r"\r\n?|\u2028|\x85")
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\ufeff\ufffc\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "'", "\u201d", "\u2019", ")", "]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID = "area base br col embed hr img input link meta param source track wbr"
_END_OPTIONAL = "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp"
_NOT_NESTED = frozenset(f"{_VOID} {_END_OPTIONAL} html head body".split())
"""Elements that hold nothing, or whose end tag may be left out."""


def html_shape(html: str) -> tuple[int, int]:
    """How many tags an HTML page has, and how deeply its elements nest as far as tags
    tell (elements whose end tag may be left out are not counted in the depth). Qt's parser
    takes a few microseconds a tag, and slows down with the square of the depth."""
    depth = deepest = tags = 0
    for match in _TAG.finditer(html):
        tags += 1
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _NOT_NESTED:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return tags, deepest


class Undecodable(ValueError):
    """Bytes that are not text in an encoding we can tell; the message says which byte."""


def decode_text(data: bytes, html: bool = False) -> str:
    """Text from bytes: UTF-8 (with or without a byte order mark), UTF-16 with one, or,
    for HTML, the encoding its `<meta charset>` names. Raises Undecodable."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise Undecodable(f"not {encoding.upper()} text, despite its mark") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        declared = _META_CHARSET.search(data[:4096]) if html else None
        if declared is not None:
            name = declared.group(1).decode("ascii")
            try:
                return data.decode(codecs.lookup(name).name)
            except LookupError:
                raise Undecodable(f"written in {quoted(name)}, an unknown encoding") from None
            except UnicodeDecodeError:
                raise Undecodable(f"not {quoted(name)} text, as it says it is") from None
        line = data.count(b"\n", 0, utf8_error.start) + 1
        byte = data[utf8_error.start]
        raise Undecodable(
            f"not UTF-8 text (byte 0x{byte:02x} on line {line}); save it as UTF-8 and try again"
        ) from None


def tidy_text(text: str) -> str:
    """`text` with line ends made "\\n", control and invisible characters (soft hyphens,
    object marks) removed, no-break spaces made spaces, trailing spaces cut, and paragraphs
    separated by exactly one blank line; "" or ending in one newline."""
    text = _NEWLINES.sub("\n", text).replace("\u2029", "\n\n").replace("\f", "\n\n")
    text = _JUNK.sub("", text).replace("\u00a0", " ")
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    text = _BLANK_LINES.sub(
        "\n\n", "\n".join(line if line.strip() else "" for line in text.split("\n"))
    )
    text = text.strip("\n")
    return text + "\n" if text.strip() else ""


def paragraphs_text(paragraphs: Sequence[str]) -> str:
    """Paragraphs as stored text: tidied, each separated from the next by a blank line."""
    kept = (_JUNK.sub("", paragraph).strip() for paragraph in paragraphs)
    return tidy_text("\n\n".join(paragraph for paragraph in kept if paragraph))


@dataclass(frozen=True, slots=True)
class PdfLine:
    """One line of text on a PDF page and where it stands (points, y downwards)."""

    text: str
    left: float
    top: float
    right: float


def pdf_paragraphs(lines: Sequence[PdfLine]) -> list[str]:
    """The paragraphs of one page's lines, in reading order.

    A new paragraph starts where the line spacing grows by a quarter or more, where the text goes
    back up the page (a new column), or after a line that ends a sentence well short of
    the right margin. Lines of a paragraph are joined with a space; a word broken with a
    hyphen at the line end is joined without one.
    """
    lines = [line for line in lines if line.text.strip()]
    if not lines:
        return []
    steps = [b.top - a.top for a, b in pairwise(lines) if b.top > a.top]
    step = statistics.median(steps) if steps else 0.0
    right = max(line.right for line in lines)
    width = right - min(line.left for line in lines)
    paragraphs: list[list[str]] = [[lines[0].text.strip()]]
    for before, line in pairwise(lines):
        gap = line.top - before.top
        ends = before.text.rstrip().endswith(_SENTENCE_END)
        if gap <= 0 or gap > step * 1.25 or (ends and before.right < right - 0.15 * width):
            paragraphs.append([])
        paragraphs[-1].append(line.text.strip())
    return [_join_lines(parts) for parts in paragraphs]


def _join_lines(lines: Sequence[str]) -> str:
    text = ""
    for line in lines:
        if not text:
            text = line
        elif text.endswith(("\u00ad", "\x02")):
            text = text[:-1] + line
        elif text.endswith("-") and text[-2:-1].isalpha() and line[:1].islower():
            text += line
        else:
            text += " " + line
    return text
