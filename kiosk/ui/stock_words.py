"""How a stock figure is told to a shopper: a mark and words, its age, its restock date.

Shared by the product screen and the stores screen, so that a figure reads the same
wherever it appears. A level is never told by colour alone: each has a mark and words.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale, QObject

from kiosk.core.product_page import freshness, stock_level

MARKS = {"in_stock": "✓", "few_left": "!", "out_of_stock": "✕", "unknown": "?"}


def level_of(quantity: int | None, few_left: int) -> str:
    """'in_stock', 'few_left', 'out_of_stock', or 'unknown' without a figure."""
    return "unknown" if quantity is None else stock_level(quantity, few_left)


def level_words(quantity: int | None, few_left: int) -> str:
    """"✓ In stock", "! Only 2 left", "✕ Out of stock", "? No stock figure"."""
    return f"{MARKS[level_of(quantity, few_left)]} {level_text(quantity, few_left)}"


def level_text(quantity: int | None, few_left: int) -> str:
    """The words alone, for a place that draws the level's mark as an icon."""
    return _StockWords().level(level_of(quantity, few_left), quantity or 0)


def counted_words(taken_at: str | None, certain: bool, now: datetime) -> str:
    """"Counted 5 min ago"; "May have changed — counted 3 hours ago" for a figure past
    the age limit, which is never told as certain."""
    if not taken_at:
        return ""
    words = _StockWords()
    try:
        age = freshness(taken_at, now)
    except ValueError:
        return words.unreadable_time()
    return words.counted(age) if certain else words.uncertain(age)


def restock_words(restock_date: str | None, locale: QLocale, today: date) -> str:
    """"Back on 12 December", or nothing when no date is known or it has passed."""
    if not restock_date:
        return ""
    try:
        day = date.fromisoformat(restock_date)
    except ValueError:
        return ""
    if day < today:
        return ""
    shown = locale.toString(QDate(day.year, day.month, day.day), "d MMMM")
    return _StockWords().back_on(shown)


class _StockWords(QObject):
    """The words themselves, through tr() so that lupdate finds them with their plurals.

    (lupdate reads only plain names as counts, hence the variables.)
    """

    def level(self, level: str, left: int) -> str:
        if level == "in_stock":
            return self.tr("In stock")
        if level == "few_left":
            return self.tr("Only %n left", "", left)
        if level == "out_of_stock":
            return self.tr("Out of stock")
        return self.tr("No stock figure")

    def counted(self, age: timedelta) -> str:
        minutes, hours, days = age // timedelta(minutes=1), age // timedelta(hours=1), age.days
        if minutes < 1:
            return self.tr("Counted just now")
        if hours < 1:
            return self.tr("Counted %n min ago", "", minutes)
        if days < 1:
            return self.tr("Counted %n hour(s) ago", "", hours)
        return self.tr("Counted %n day(s) ago", "", days)

    def uncertain(self, age: timedelta) -> str:
        # Whole sentences rather than a prefix: each language words the pair its own way.
        minutes, hours, days = age // timedelta(minutes=1), age // timedelta(hours=1), age.days
        if hours < 1:
            return self.tr("May have changed — counted %n min ago", "", minutes)
        if days < 1:
            return self.tr("May have changed — counted %n hour(s) ago", "", hours)
        return self.tr("May have changed — counted %n day(s) ago", "", days)

    def unreadable_time(self) -> str:
        return self.tr("May have changed")

    def back_on(self, day: str) -> str:
        return self.tr("Back on %1").replace("%1", day)
