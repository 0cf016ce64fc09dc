"""Line icons from `resources/icons`, drawn in the theme's colours at the screen's pixel ratio."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from briefing.paths import resources_dir


@cache
def _svg(name: str) -> bytes | None:
    try:
        return (resources_dir() / "icons" / f"{name}.svg").read_bytes()
    except OSError:
        return None


def has_icon(name: str | None) -> bool:
    return name is not None and _svg(name) is not None


@cache
def line_pixmap(name: str, color: str, size: int, ratio: float) -> QPixmap:
    """Icon `name` with its `currentColor` strokes in `color`, `size` logical pixels square.

    An unknown name draws the overview icon, so a typo in a data file never breaks a view.
    """
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    svg = _svg(name) or _svg("overview") or b""
    renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", color.encode())))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class _LineIconEngine(QIconEngine):
    """Draws on demand at whatever size and pixel ratio Qt asks for; nothing at start-up."""

    def __init__(self, name: str, colors: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self._name = name
        self._colors = colors

    def _color(self, mode: QIcon.Mode) -> str:
        return self._colors.get(mode, self._colors[QIcon.Mode.Normal])

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        app = QGuiApplication.instance()
        ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
        pixmap = line_pixmap(self._name, self._color(mode), side, ratio)
        painter.drawPixmap(QRect(rect.topLeft(), QSize(side, side)), pixmap)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        return line_pixmap(self._name, self._color(mode), min(size.width(), size.height()), scale)

    def clone(self) -> QIconEngine:
        return _LineIconEngine(self._name, dict(self._colors))


def line_icon(name: str, normal: QColor, disabled: QColor, selected: QColor) -> QIcon:
    """A tinted icon for toolbars, menus and lists."""
    colors = {
        QIcon.Mode.Normal: normal.name(),
        QIcon.Mode.Active: normal.name(),
        QIcon.Mode.Disabled: disabled.name(),
        QIcon.Mode.Selected: selected.name(),
    }
    return QIcon(_LineIconEngine(name, colors))


def app_icon() -> QIcon:
    """The application icon, in full colour."""
    return QIcon(str(resources_dir() / "icons" / "briefing.svg"))
