"""Words more than one screen says the same way, kept here so that no screen takes them
from another: the basket's refusals, and a delivery day written out in full.

The refusals keep the tr() context they had on the basket screen (`BasketLimits`), so
their .ts entries stay as they are.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject

from kiosk.core.orders import BasketChange, OrderLimits
from kiosk.ui.formatting import Formatter

if TYPE_CHECKING:
    from kiosk.ui.screens.context import ShopperContext


class BasketLimits(QObject):
    """The basket's refusals in the shopper's words (a QObject for plural-aware tr)."""

    def message(self, change: BasketChange, limits: OrderLimits) -> str:
        if change is BasketChange.LINE_LIMIT:
            count = limits.max_quantity_per_line
            return self.tr("You can order up to %n of the same item.", "", count)
        if change is BasketChange.ITEMS_LIMIT:
            count = limits.max_items
            return self.tr("An order can hold up to %n items.", "", count)
        if change is BasketChange.LINES_LIMIT:
            count = limits.max_lines
            return self.tr("An order can hold up to %n different items.", "", count)
        return ""


def limit_message(change: BasketChange, context: ShopperContext) -> str:
    """Why the basket refused `change`, in the shopper's words; '' when it did not."""
    return BasketLimits().message(change, context.session.basket.limits)


def long_date(formatter: Formatter, day: date) -> str:
    """'lundi 30 novembre' / 'Monday 30 November'."""
    return formatter.locale.toString(QDate(day.year, day.month, day.day), "dddd d MMMM")


def sentences(parts: list[str]) -> str:
    """Words for speech: each part (a line of its own is a part too) ended as a sentence,
    and the middle dot that separates words on screen said as a pause."""
    ended = []
    for line in (line.strip() for part in parts for line in part.splitlines()):
        if line:
            line = line.replace(" · ", ", ")
            ended.append(line if line[-1] in ".?!…:" else f"{line}.")
    return " ".join(ended)
