"""Handing files and web links to the desktop's own programs, and tooltips that stay plain.

Every hand-over goes through `open_url`, so tests replace that one function.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, Qt

WEB_SCHEMES = ("http", "https")


def open_url(url: QUrl) -> bool:
    """Opens `url` with the desktop's program for it; False when there is none."""
    return QDesktopServices.openUrl(url)


def web_url(text: str) -> QUrl | None:
    """`text` as an http or https address with a host, or None (no file:, javascript:, ...)."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    if url.isValid() and url.scheme().lower() in WEB_SCHEMES and url.host():
        return url
    return None


def open_web_link(text: str) -> bool:
    """Opens a web address from a data file in the browser; anything else is refused."""
    url = web_url(text)
    return url is not None and open_url(url)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` exactly: Qt reads a tooltip that starts with a tag as rich
    text, so data is always converted (escaped) first."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
