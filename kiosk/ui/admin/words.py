"""Times and ages in words for the admin pages, through tr() for lupdate."""

from __future__ import annotations

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
        seconds = round(seconds)
        if seconds < 60:
            return self.tr("%n second(s)", "", seconds)
        minutes = seconds // 60
        if minutes < 60:
            rest = seconds % 60
            if rest == 0:
                return self.tr("%n minute(s)", "", minutes)
            return self.tr("%n minute(s)", "", minutes) + " " + self.tr("%n second(s)", "", rest)
        hours = minutes // 60
        if hours < 48:
            rest = minutes % 60
            if rest == 0:
                return self.tr("%n hour(s)", "", hours)
            return self.tr("%n hour(s)", "", hours) + " " + self.tr("%n minute(s)", "", rest)
        return self.tr("%n day(s)", "", hours // 24)
