"""Why a card cannot be exported or printed yet, in a few words for the person writing it:
"no bottom line yet", "point 2 has no quote". A card is ready when neither it nor the
dialogue around it (details, sources) has a problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from briefing.problem_words import describe_problem
from briefing.problems import Problem

_CARD = re.compile(r"^sectors\[(\d+)\](?:\.(.*))?$")
_POINT = re.compile(r"^points\[(\d+)\](?:\.(.*))?$")
_MISSING = ("missing (required)", "is empty", "needs at least 1 item(s)")

_CARD_FIELDS = {
    "summary": "no bottom line yet",
    "points": "no points yet",
    "title": "no title yet",
    "id": "no id yet",
}
_POINT_FIELDS = {
    "text": "point {n} has no text yet",
    "evidence": "point {n} has no quote",
}
_DIALOGUE_FIELDS = {
    "sources": "no sources yet",
    "dialogue": "the dialogue has no title, place and date yet",
    "dialogue.title": "the dialogue has no title yet",
    "dialogue.place": "the dialogue has no place yet",
    "dialogue.date": "the dialogue has no date yet",
    "dialogue.evidence": "the dialogue's title, place and date have no quote yet",
}


def card_reasons(problems: Iterable[Problem], data: Any, index: int) -> tuple[str, ...]:
    """The reasons card `index` is not ready, each once, the card's own first."""
    own: list[str] = []
    around: list[str] = []
    for problem in problems:
        found = _CARD.match(problem.path)
        if found is None:
            around.append(_dialogue_reason(problem, data))
        elif int(found[1]) == index:
            own.append(_card_reason(found[2] or "", problem, data))
    return tuple(dict.fromkeys(own + around))


def _card_reason(rest: str, problem: Problem, data: Any) -> str:
    missing = problem.message in _MISSING
    if missing and rest in _CARD_FIELDS:
        return _CARD_FIELDS[rest]
    point = _POINT.match(rest)
    if point is not None:
        number = int(point[1]) + 1
        field = point[2] or ""
        if missing and field in _POINT_FIELDS:
            return _POINT_FIELDS[field].format(n=number)
        if field.startswith("evidence[") and problem.message.startswith("not found in source"):
            return f"point {number} has a quote not found in its source"
        if field.startswith("evidence[") and problem.message.startswith("unknown source"):
            return f"point {number} cites a source that is not in the sources"
        if field.startswith("commitment"):
            return f"point {number}'s commitment: {problem.message}"
    if rest.startswith("quote") and problem.message.startswith("not found in source"):
        return "the card's quote is not in its source"
    return _without_card_name(describe_problem(problem, data))


def _dialogue_reason(problem: Problem, data: Any) -> str:
    if problem.message in _MISSING and problem.path in _DIALOGUE_FIELDS:
        return _DIALOGUE_FIELDS[problem.path]
    return describe_problem(problem, data)


def _without_card_name(description: str) -> str:
    """A description names the card first ("Overview, point 2: ..."); the card is shown."""
    head, _, tail = description.partition(", ")
    return tail if tail and ":" not in head else description
