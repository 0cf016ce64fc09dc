"""The About text: what the app is, where the bundled text comes from, and the licences."""

from __future__ import annotations

from html import escape

from briefing import __version__
from briefing.model import Dialogue

LICENCES = (
    ("Briefing", "MIT licence"),
    ("Nanum Gothic fonts, \u00a9 2010 NAVER Corporation", "SIL Open Font License 1.1"),
    ("Qt for Python (PySide6), \u00a9 The Qt Company", "LGPL 3.0"),
    ("ReportLab, \u00a9 ReportLab Europe Ltd", "BSD licence"),
    ("PyYAML", "MIT licence"),
)


def about_html(dialogue: Dialogue | None) -> str:
    """Rich text for the About box; every string from data is escaped."""
    parts = [
        f"<h3>Briefing {escape(__version__)}</h3>",
        "<p>Briefing cards and one-page PDF briefings for diplomatic dialogues. Every point "
        "carries a quote verified word for word against its stored source.</p>",
    ]
    if dialogue is not None:
        parts.append(f"<p><b>Open dialogue:</b> {escape(dialogue.title)}</p>")
        for source in dialogue.sources:
            credit = source.attribution or f"Source: {source.publisher}"
            line = f"\u201c{escape(source.title)}\u201d, {escape(source.publisher)}"
            if source.url:
                line += f" ({escape(source.url)})"
            parts.append(
                f"<p><b>Source text:</b> {line}. {escape(credit)}. The article text is "
                f"quoted for briefing purposes; all rights remain with its publisher.</p>"
            )
    rows = "".join(f"<li>{escape(what)}: {escape(licence)}</li>" for what, licence in LICENCES)
    parts.append(f"<p><b>Licences</b></p><ul>{rows}</ul>")
    return "".join(parts)
