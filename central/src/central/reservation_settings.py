"""How long a reservation holds its units, and when its customer is reminded: read from
the environment and checked at start, every error naming its key."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta

HOLD_HOURS_KEY = "CENTRAL_RESERVATION_HOLD_HOURS"
REMINDER_HOURS_KEY = "CENTRAL_RESERVATION_REMINDER_HOURS"
MAX_HOLD_HOURS = 14 * 24


@dataclass(frozen=True)
class ReservationSettings:
    hold_hours: int = 48
    # The customer is reminded this long before the hold ends (when it was made longer
    # before than that).
    reminder_hours: int = 12

    @property
    def hold(self) -> timedelta:
        return timedelta(hours=self.hold_hours)

    @property
    def reminder_lead(self) -> timedelta:
        return timedelta(hours=self.reminder_hours)


def _whole_hours(env: dict[str, str] | os._Environ[str], key: str, default: int,
                 low: int, high: int) -> int:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise ValueError(f"{key} must be a whole number of hours from {low} to {high}, "
                         f"not {raw!r}")
    return int(raw)


def reservation_settings_from_env(environ: dict[str, str] | None = None) -> ReservationSettings:
    env = os.environ if environ is None else environ
    hold = _whole_hours(env, HOLD_HOURS_KEY, ReservationSettings.hold_hours, 1, MAX_HOLD_HOURS)
    reminder = _whole_hours(env, REMINDER_HOURS_KEY,
                            min(ReservationSettings.reminder_hours, hold - 1), 0, MAX_HOLD_HOURS)
    if reminder >= hold:
        raise ValueError(f"{REMINDER_HOURS_KEY} must be less than {HOLD_HOURS_KEY} "
                         f"({hold}), not {reminder}")
    return ReservationSettings(hold, reminder)
