"""Numbers and yes/no values as a dialogue file may write them: plain decimal digits and
true/false only, so that no YAML 1.1 form (hexadecimal, sexagesimal, `.nan`, `yes`) is
silently read as something else."""

from __future__ import annotations

import re
from decimal import Decimal, DecimalException

from briefing.problems import quoted

MAX_DIGITS = 18
"""Digits a number may have before the decimal point: up to 999,999,999,999,999,999."""
_LIMIT = Decimal(10) ** MAX_DIGITS
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_OCTAL_LOOKING = re.compile(r"[-+]?0[0-9]+")
_NOT_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)")
_TRUE = ("true", "True", "TRUE")
_FALSE = ("false", "False", "FALSE")

Number = int | float


def parse_number(text: str) -> tuple[Number | None, str | None]:
    """The number `text` writes in decimal digits (underscores between digits allowed),
    exact when whole; or None and the problem."""
    plain = re.sub(r"(?<=[0-9])_+(?=[0-9])", "", text.strip())
    if _NOT_FINITE.fullmatch(plain):
        return None, f"{quoted(text)} is not a finite number"
    if _OCTAL_LOOKING.fullmatch(plain):
        return None, f"{quoted(text)} starts with 0 (an octal number in YAML 1.1); drop the 0"
    if not _DECIMAL.fullmatch(plain):
        return None, f"{quoted(text)} is not a number in decimal digits (like 5000000 or 2.5)"
    out_of_range = f"{quoted(text)} is out of range (more than {MAX_DIGITS} digits)"
    try:
        value = Decimal(plain)
        if abs(value) >= _LIMIT:
            return None, out_of_range
    except DecimalException:  # an exponent past what Decimal holds
        return None, out_of_range
    if value == value.to_integral_value():
        return int(value), None
    return float(value), None


def parse_flag(text: str) -> tuple[bool | None, str | None]:
    """True or False from `true` or `false`; anything else (`yes`, `on`, `maybe`) is refused,
    since YAML 1.1 and 1.2 read them differently."""
    if text in _TRUE:
        return True, None
    if text in _FALSE:
        return False, None
    return None, f"{quoted(text)} is not true or false; write true or false"
