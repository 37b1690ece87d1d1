"""Where a rating or event falls on the store's clock, worked out once when it arrives.

Two clocks meet here. The terminal's says what time it was in the store (its offset is
the store's), which is what "busy at lunch" is about; the server's says when the row
arrived, and it alone decides which dates a report covers, since a terminal's clock can
be days off. So the hour and day of week come from the terminal's wall clock when it is
believable, and the report day is the server's time told in the store's offset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

# The chain's own zone: used when a terminal's time carries no usable offset.
CHAIN_ZONE = ZoneInfo("Europe/Paris")
# A terminal time further than this from the server's is not believed (unless the
# terminal's heartbeats show its clock is right: then the item was simply sent late).
TRUST_WINDOW = timedelta(hours=36)
_MAX_OFFSET = timedelta(hours=14)


@dataclass(frozen=True)
class LocalTimes:
    local_date: date          # the store's date when it happened
    local_hour: int           # 0..23, store wall clock
    local_dow: int            # 0 Monday .. 6 Sunday
    day: date                 # the store's date when the server received it
    week: date                # the Monday of `day`


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def local_times(terminal_at: str, received_at: datetime,
                clock_drift_s: float | None = None) -> LocalTimes:
    """`terminal_at` as the terminal sent it (ISO 8601 with offset); `received_at` the
    server's time; `clock_drift_s` the terminal's last measured drift, if any."""
    received = received_at if received_at.tzinfo else received_at.replace(tzinfo=timezone.utc)
    wall = _parse(terminal_at)
    offset = wall.utcoffset() if wall is not None else None
    if offset is None:
        offset = received.astimezone(CHAIN_ZONE).utcoffset()
    if wall is None or not _believable(wall, received, clock_drift_s):
        wall = received.astimezone(timezone(offset))
    day = received.astimezone(timezone(offset)).date()
    return LocalTimes(local_date=wall.date(), local_hour=wall.hour, local_dow=wall.weekday(),
                      day=day, week=week_of(day))


def _parse(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None
    offset = moment.utcoffset()
    if offset is None or abs(offset) > _MAX_OFFSET:
        return None
    return moment


def _believable(wall: datetime, received: datetime, clock_drift_s: float | None) -> bool:
    try:
        gap = received - wall
    except OverflowError:
        return False
    if gap < -TRUST_WINDOW:
        return False                 # after its own arrival: the clock runs ahead
    if gap <= TRUST_WINDOW:
        return True
    # Older than the window: an item queued while the store was offline, if the
    # terminal's clock is known to be right; a clock running days behind otherwise.
    return clock_drift_s is not None and abs(clock_drift_s) <= TRUST_WINDOW.total_seconds()
