"""WCAG AA: every small text of the light and dark looks has a contrast of at least 4.5:1.

The colours are read from the theme (`briefing/gui/theme.py`) and the QSS files the app
loads, so changing a colour there is what this test checks.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from briefing.gui.theme import DARK, LIGHT, Colors
from briefing.paths import resources_dir

AA_SMALL_TEXT = 4.5

# (what, text colour: selector, background: selector) in the QSS of each look.
QSS_PAIRS = [
    ("evidence line", 'QLabel[role="evidenceCaption"]', "QFrame#cardSheet"),
    ("evidence line, hovered point", 'QLabel[role="evidenceCaption"]', "QFrame#pointRow:hover"),
    (
        "evidence line, selected point",
        'QLabel[role="evidenceCaption"]',
        'QFrame#pointRow[selected="true"]',
    ),
    ("card footer", 'QLabel[role="footer"]', "QFrame#cardSheet"),
    ("citation", 'QLabel[role="noteCites"]', "QFrame#noteBox"),
    ("note text", 'QLabel[role="noteText"]', "QFrame#noteBox"),
    ("place and date", 'QLabel[role="meta"]', "QFrame#cardSheet"),
    ("section heading", 'QLabel[role="sectionHeading"]', "QFrame#cardSheet"),
    ("card overline", 'QLabel[role="overline"]', "QFrame#cardSheet"),
    ("navigator overline", 'QLabel[role="overline"]', "QWidget#navigatorHeader"),
    ("preview overline", 'QLabel[role="overline"]', "QWidget#previewBar"),
    ("bottom line label", 'QLabel[role="boxLabel"]', "QFrame#bottomLine"),
    ("quotation speaker", 'QLabel[role="quoteSpeaker"]', "QFrame#quoteBlock"),
    ("speaker, selected", 'QLabel[role="quoteSpeaker"]', 'QFrame#quoteBlock[selected="true"]'),
    ("point number", 'QLabel[role="pointNumber"]', 'QLabel[role="pointNumber"]'),
    ("navigator place and date", 'QLabel[role="navigatorMeta"]', "QWidget#navigatorHeader"),
    ("source details", 'QLabel[role="sourceMeta"]', "QFrame#sourceHeader"),
    ("where the quote is", 'QLabel[role="evidenceWhere"]', "QFrame#sourceHeader"),
    ("source attribution", 'QLabel[role="attribution"]', 'QLabel[role="attribution"]'),
    ("preview message", "QLabel#previewMessage", "QLabel#previewMessage"),
    ("preview buttons", "QWidget#previewBar QToolButton", "QWidget#previewBar QToolButton"),
    ("zoom level", "QLabel#previewZoom", "QWidget#previewZoomBar"),
    ("zoom buttons", "QWidget#previewZoomBar QToolButton", "QWidget#previewZoomBar QToolButton"),
    (
        "fit button, on",
        "QWidget#previewZoomBar QToolButton:checked",
        "QWidget#previewZoomBar QToolButton:checked",
    ),
    ("empty card", "QLabel#emptyCard", "QWidget#cardPage"),
    ("no search match", "QLabel#noMatch", "QLabel#noMatch"),
    ("status bar", "QStatusBar QLabel", "QStatusBar"),
    ("side tab", "QTabWidget#sideTabs QTabBar::tab", "QTabWidget#sideTabs QTabBar::tab"),
    ("chip", 'QLabel[role="chip"]', 'QLabel[role="chip"]'),
    *(
        (
            f"{kind} chip",
            f'QLabel[role="chip"][chip="{kind}"]',
            f'QLabel[role="chip"][chip="{kind}"]',
        )
        for kind in ("both", "kr", "us", "amount")
    ),
]

# (what, text colour, background) from the theme's own colours, for painted text.
COLOR_PAIRS = [
    ("navigator point count", "muted", "window"),
    ("navigator point count, selected row", "muted", "base"),
    ("navigator title", "text", "window"),
    ("selected navigator title", "selection_text", "selection"),
    ("search match", "match_text", "match_back"),
    ("link in a note", "accent", "base"),
]


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour (WCAG 2.1)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@cache
def qss_rules(name: str) -> dict[str, dict[str, str]]:
    """Every selector of a QSS file with its properties (later rules win, as in Qt)."""
    text = re.sub(
        r"/\*.*?\*/", "", (resources_dir() / "styles" / name).read_text("utf-8"), flags=re.S
    )
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        props = dict(
            (key.strip(), value.strip())
            for key, _, value in (p.partition(":") for p in body.split(";"))
            if value.strip()
        )
        for selector in selectors.split(","):
            rules.setdefault(" ".join(selector.split()), {}).update(props)
    return rules


def qss_colour(look: str, selector: str, prop: str) -> str:
    rule = qss_rules(f"{look}.qss")[selector]
    value = rule.get(prop) or (rule.get("background-color") if prop == "background" else None)
    assert value is not None and re.fullmatch(r"#[0-9a-f]{6}", value), (look, selector, prop)
    return value


def test_the_contrast_formula_matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just fails AA


@pytest.mark.parametrize("look", ["light", "dark"])
@pytest.mark.parametrize(("what", "text", "back"), QSS_PAIRS, ids=[p[0] for p in QSS_PAIRS])
def test_small_text_of_the_style_sheets_meets_aa(
    look: str, what: str, text: str, back: str
) -> None:
    fore, ground = qss_colour(look, text, "color"), qss_colour(look, back, "background")
    assert contrast(fore, ground) >= AA_SMALL_TEXT, f"{look} {what}: {fore} on {ground}"


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(("what", "text", "back"), COLOR_PAIRS, ids=[p[0] for p in COLOR_PAIRS])
def test_painted_text_meets_aa(colors: Colors, what: str, text: str, back: str) -> None:
    fore, ground = getattr(colors, text), getattr(colors, back)
    assert contrast(fore, ground) >= AA_SMALL_TEXT, f"{what}: {fore} on {ground}"


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_the_theme_muted_colour_is_the_style_sheets_muted_colour(colors: Colors) -> None:
    look = "dark" if colors.dark else "light"
    assert qss_colour(look, 'QLabel[role="evidenceCaption"]', "color") == colors.muted
