"""How the window shares its width: the card keeps priority, the side panels give way first.

Pure arithmetic, so that it is tested without a window.
"""

from __future__ import annotations

from typing import NamedTuple

CARD_MIN = 440
"""The card's width below which a panel gives way rather than the card."""
LIST_MIN = 170
SIDE_MIN = 240
DEFAULT_LIST = 270
DEFAULT_SIDE = 390


class Widths(NamedTuple):
    card_list: int
    card: int
    side: int


def fit_widths(total: int, wanted: tuple[int, int], shown: tuple[bool, bool]) -> Widths:
    """Widths of the card list, the card and the side panel in `total` pixels.

    Each panel shown has the width the user wanted. When the card would be narrower than
    CARD_MIN, the side panel shrinks to its minimum, then the card list; if that is not
    enough the side panel, then the card list, is left out (width 0). Only then does the
    card itself get narrower.
    """
    card_list = max(wanted[0], LIST_MIN) if shown[0] else 0
    side = max(wanted[1], SIDE_MIN) if shown[1] else 0
    excess = card_list + side + CARD_MIN - total
    if excess > 0 and side:
        cut = min(excess, side - SIDE_MIN)
        side, excess = side - cut, excess - cut
    if excess > 0 and card_list:
        cut = min(excess, card_list - LIST_MIN)
        card_list, excess = card_list - cut, excess - cut
    if excess > 0 and side:
        side, excess = 0, excess - side
    if excess > 0 and card_list:
        card_list = 0
    return Widths(card_list, max(total - card_list - side, 0), side)
