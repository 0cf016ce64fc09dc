"""Property tests on arbitrary Unicode: dump/load round trip, PDF rendering, search; and
any YAML scalar, with any tag, in any field of a dialogue."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefing.dump import dialogue_document
from briefing.loader import load_dialogue
from briefing.model import Dialogue
from briefing.problems import DialogueError, Problem
from briefing.provenance import quote_spans
from briefing.search import SearchIndex
from tests.conftest import MINIMAL, SOURCE_TEXT

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# Text a person could type: any assigned character but controls and lone surrogates.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=80
).filter(lambda s: s.strip() != "")
SHORT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=24
).filter(lambda s: s.strip() != "")


pytestmark = pytest.mark.slow  # 1,000 examples each: run with `./dev test -m slow`

PROPERTY = settings(
    max_examples=1000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """A dialogue document of arbitrary text, and the quotes its source text must hold."""
    quotes: list[str] = []

    def evidence() -> list[dict[str, str]]:
        quote = draw(TEXT)
        quotes.append(quote)
        return [{"source": "src", "quote": quote}]

    def point() -> dict[str, Any]:
        found: dict[str, Any] = {"text": draw(TEXT), "evidence": evidence()}
        if draw(st.booleans()):
            found = {"lead": draw(SHORT), **found}
        return found

    cards = []
    for n in range(draw(st.integers(1, 3))):
        card: dict[str, Any] = {
            "id": f"card-{n}",
            "title": draw(SHORT),
            "summary": draw(TEXT),
            "points": [point() for _ in range(draw(st.integers(1, 3)))],
        }
        if draw(st.booleans()):
            card["notes"] = [{"text": draw(TEXT), "cites": [{"title": draw(SHORT)}]}]
        cards.append(card)
    document = {
        "format": "briefing/1",
        "dialogue": {
            "title": draw(TEXT),
            "place": draw(SHORT),
            "date": draw(SHORT),
            "evidence": evidence(),
        },
        "sources": [{"id": "src", "title": draw(SHORT), "publisher": draw(SHORT), "file": "s.txt"}],
        "sectors": cards,
    }
    return document, quotes


def write(document: dict[str, Any], quotes: list[str], folder: Path) -> Path:
    (folder / "s.txt").write_text("\n\n".join(quotes) + "\n", encoding="utf-8")
    path = folder / "d.yaml"
    path.write_text(
        yaml.dump(document, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path


def load(document: dict[str, Any], quotes: list[str]) -> Dialogue:
    with tempfile.TemporaryDirectory() as folder:
        return load_dialogue(write(document, quotes, Path(folder)))


@PROPERTY
@given(documents())
def test_arbitrary_text_survives_dump_and_load(drawn: tuple[dict[str, Any], list[str]]) -> None:
    document, quotes = drawn
    dialogue = load(document, quotes)
    assert dialogue_document(dialogue) == document
    again = load(dialogue_document(dialogue), quotes)
    assert again.cards == dialogue.cards


def drawable_only(value: Any, have: frozenset[str]) -> Any:
    """`value` with every character the PDF fonts lack replaced by '?' (keys unchanged)."""
    if isinstance(value, str):
        return "".join(ch if ch in have else "?" for ch in value)
    if isinstance(value, list):
        return [drawable_only(item, have) for item in value]
    if isinstance(value, dict):
        return {key: drawable_only(item, have) for key, item in value.items()}
    return value


def all_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    items = value.values() if isinstance(value, dict) else value
    return "".join(all_text(item) for item in items)


@PROPERTY
@given(documents())
def test_any_card_renders_one_page_or_says_why_not(
    drawn: tuple[dict[str, Any], list[str]],
) -> None:
    """Text with characters the fonts lack is refused by name; any other text renders on
    exactly one page or is refused as too long."""
    from briefing.pdf import CardTooLong, UncoveredCharacters, render_card
    from briefing.pdf.coverage import covered
    from briefing.pdf.fonts import DATA_FONTS, register_fonts

    register_fonts()
    have = covered(*DATA_FONTS)
    document, quotes = drawn
    drawable = drawable_only(document, have), drawable_only(quotes, have)
    if drawable != drawn:
        dialogue = load(document, quotes)
        try:
            render_card(dialogue, dialogue.cards[-1].id, "letter")
        except UncoveredCharacters as refused:
            assert refused.characters
            assert not have & set(refused.characters)
            assert set(refused.characters) <= set(all_text(drawn))
        except CardTooLong:
            pass
    dialogue = load(*drawable)  # now every character can be drawn: never refused for that
    card = dialogue.cards[-1]
    try:
        pdf = render_card(dialogue, card.id, "letter")
    except CardTooLong as exc:
        assert card.id in str(exc)
        return
    with tempfile.TemporaryFile() as handle:
        handle.write(pdf)
        handle.seek(0)
        assert len(PdfReader(handle).pages) == 1


@PROPERTY
@given(documents(), st.text(max_size=30))
def test_search_never_raises(drawn: tuple[dict[str, Any], list[str]], query: str) -> None:
    dialogue = load(*drawn)
    index = SearchIndex(dialogue)
    matching = index.matching(query)
    assert set(matching) <= set(range(len(dialogue.cards)))
    for i in matching:
        index.spans(i, query)
    source = dialogue.sources[0]
    for evidence in dialogue.cards[0].evidence:
        assert quote_spans(source.paragraphs, evidence.quote)


# -- any scalar in any field -------------------------------------------------------------

TAGS = (
    "",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!str ",
    "!!null ",
    "!!binary ",
    "!!timestamp ",
    "!!map ",
    "!!seq ",
    "!!python/object:os.system ",
    "!foo ",
    "!<tag:example.com,2000:x> ",
)
# Plain scalars as a person or an attacker could write them, YAML 1.1 forms included.
YAML_1_1_FORMS = [
    *[
        ".nan",
        ".inf",
        "-.Inf",
        "0x1F",
        "0b101",
        "0o17",
        "017",
        "1:20",
        "1_000",
        "1e400",
        "9007199254740993",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "maybe",
        "~",
        "null",
        "2024-06-01",
        "2001-12-14t21:59:43.10-05:00",
        "=",
        "<<",
        "research\\n",
        "-",
        "true",
        "False",
        "1.5",
        "+12",
        "-0",
        "0.",
        ".5",
        "1e5",
    ],
    "",
    "9" * 400,
]
PLAIN = st.one_of(
    st.sampled_from(YAML_1_1_FORMS),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
)


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    """Where each scalar value (not key) of a dialogue text stands, as character offsets."""
    spans: list[tuple[int, int]] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for _key, value in node.value:
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        else:
            spans.append((node.start_mark.index, node.end_mark.index))

    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    assert root is not None
    walk(root)
    return spans


FIELDS = _scalar_spans(MINIMAL)


@st.composite
def scalars(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(TAGS))
    text = draw(PLAIN)
    if draw(st.booleans()):
        return tag + json.dumps(text)  # double-quoted: any text at all, escaped
    return tag + text


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(st.one_of(st.none(), st.none(), scalars()), min_size=len(FIELDS), max_size=len(FIELDS))
)
def test_any_scalar_in_any_field_is_loaded_or_gets_documented_problems(
    drawn: list[str | None],
) -> None:
    """Each field keeps its value (None) or gets a drawn scalar: a third of them, on average."""
    text = MINIMAL
    for (start, end), scalar in reversed(list(zip(FIELDS, drawn, strict=True))):
        if scalar is not None:
            text = text[:start] + scalar + text[end:]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "art.txt").write_text(SOURCE_TEXT, encoding="utf-8")
        path = Path(folder) / "d.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            dialogue = load_dialogue(path)
        except DialogueError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert isinstance(problem, Problem)
                assert problem.file == str(path)
                assert 0 <= problem.line <= text.count("\n") + 2
                assert problem.message
                assert not UNSAFE.search(str(problem)), str(problem)
            return
    # Loaded: text fields hold text, never a value converted from another type.
    assert all(isinstance(v, str) for v in (dialogue.title, dialogue.place, dialogue.date))
    assert all(isinstance(card.title, str) for card in dialogue.cards)
