"""How a stock figure is told to a shopper: a mark and words, its age, its restock date.

Shared by the product screen and the stores screen, so that a figure reads the same
wherever it appears. A level is never told by colour alone: each has a mark and words.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from kiosk.core.product_page import freshness, stock_level

MARKS = {"in_stock": "✓", "few_left": "!", "out_of_stock": "✕", "unknown": "?"}


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("StockWords", text, disambiguation, n)


def level_of(quantity: int | None, few_left: int) -> str:
    """'in_stock', 'few_left', 'out_of_stock', or 'unknown' without a figure."""
    return "unknown" if quantity is None else stock_level(quantity, few_left)


def level_words(quantity: int | None, few_left: int) -> str:
    """"✓ In stock", "! Only 2 left", "✕ Out of stock", "? No figure"."""
    level = level_of(quantity, few_left)
    words = {
        "in_stock": _tr("In stock"),
        "few_left": _tr("Only %n left", "", quantity or 0),
        "out_of_stock": _tr("Out of stock"),
        "unknown": _tr("No stock figure"),
    }[level]
    return f"{MARKS[level]} {words}"


def age_words(taken_at: str | None, now: datetime | None = None) -> str:
    """"updated 3 min ago", from the server time the figure was counted at."""
    if not taken_at:
        return ""
    age = freshness(taken_at, now or datetime.now(timezone.utc))
    if age < timedelta(minutes=1):
        return _tr("updated just now")
    if age < timedelta(hours=1):
        return _tr("updated %n min ago", "", age // timedelta(minutes=1))
    if age < timedelta(days=1):
        return _tr("updated %n hour(s) ago", "", age // timedelta(hours=1))
    return _tr("updated %n day(s) ago", "", age.days)


def restock_words(restock_date: str | None, locale: QLocale, today: date | None = None) -> str:
    """"Back on 12 December", or nothing when no date is known or it has passed."""
    if not restock_date:
        return ""
    try:
        day = date.fromisoformat(restock_date)
    except ValueError:
        return ""
    if day < (today or date.today()):
        return ""
    shown = locale.toString(QDate(day.year, day.month, day.day), "d MMMM")
    return _tr("Back on %1").replace("%1", shown)
