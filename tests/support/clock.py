"""The one moment the UI tests live in, whatever the machine's clock says.

The demo cache's stock figures are counted just before it, and every kiosk and screen in
the tests reads the time from `TEST_CLOCK`: what a shopper would read (a figure's age, a
delivery date) is then the same on any day the suite runs.
"""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from kiosk.core.clock import FixedClock

PARIS = ZoneInfo("Europe/Paris")
TEST_NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)     # a Wednesday morning
TEST_CLOCK = FixedClock(TEST_NOW, PARIS)


def clock_at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> FixedClock:
    """A clock standing at this UTC moment, with the day seen from Paris."""
    return FixedClock(datetime(year, month, day, hour, minute, tzinfo=timezone.utc), PARIS)
