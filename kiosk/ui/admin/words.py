"""Times and ages in words for the admin pages, through tr() for lupdate."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QObject


class AdminWords(QObject):
    def ago(self, moment: datetime | None, now: datetime | None = None) -> str:
        if moment is None:
            return self.tr("never")
        seconds = ((now or datetime.now(timezone.utc)) - moment).total_seconds()
        when = moment.astimezone().strftime("%H:%M:%S")
        if seconds < -5:
            return self.tr("%1 (in the future: check the clock)").replace("%1", when)
        return self.tr("%1, %2 ago").replace("%1", when).replace(
            "%2", self.duration(max(0.0, seconds)))

    def duration(self, seconds: float) -> str:
        """In its largest unit, then the next one down unless it is nought ("3 minutes
        20 seconds"); days alone."""
        seconds = round(seconds)
        minutes, hours = seconds // 60, seconds // 3600
        if seconds < 60:
            return self._seconds(seconds)
        if minutes < 60:
            return _and(self._minutes(minutes), seconds % 60, self._seconds)
        if hours < 48:
            return _and(self._hours(hours), minutes % 60, self._minutes)
        return self.tr("%n day(s)", "", hours // 24)

    def _seconds(self, count: int) -> str:
        return self.tr("%n second(s)", "", count)

    def _minutes(self, count: int) -> str:
        return self.tr("%n minute(s)", "", count)

    def _hours(self, count: int) -> str:
        return self.tr("%n hour(s)", "", count)


def _and(larger: str, rest: int, in_smaller_unit: Callable[[int], str]) -> str:
    return f"{larger} {in_smaller_unit(rest)}" if rest else larger
