"""The terminal's sense of time, in one object that tests replace.

Screens and core functions ask a `Clock` for the current instant and for today's date
instead of calling `datetime.now()` or `date.today()` themselves, so that what a shopper
reads (a delivery date, the age of a stock figure) can be checked on any chosen day.
"""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...      # an aware instant, in UTC
    def today(self) -> date: ...        # the date on the store's wall calendar


class SystemClock:
    """The machine's clock, with the day in the machine's own time zone (the store's)."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def today(self) -> date:
        return datetime.now().astimezone().date()


class FixedClock:
    """Time standing still at one instant, seen from one time zone (tests, screenshots)."""

    def __init__(self, instant: datetime, zone: tzinfo = timezone.utc) -> None:
        if instant.tzinfo is None:
            raise ValueError("a fixed clock needs an aware instant")
        self.instant = instant.astimezone(timezone.utc)
        self.zone = zone

    def now(self) -> datetime:
        return self.instant

    def today(self) -> date:
        return self.instant.astimezone(self.zone).date()


SYSTEM_CLOCK = SystemClock()
