"""How long customers' personal data is kept, per kind (central/privacy.py erases it
past that time): read from the environment and checked at start, every error naming its
key."""

from __future__ import annotations

import os
from dataclasses import dataclass

from central.alert_settings import AlertSettings, alert_settings_from_env

ORDERS_KEY = "CENTRAL_KEEP_ORDERS_DAYS"
RESERVATIONS_KEY = "CENTRAL_KEEP_RESERVATIONS_DAYS"
REFUSALS_KEY = "CENTRAL_KEEP_REFUSALS_DAYS"
MAIL_KEY = "CENTRAL_KEEP_MAIL_DAYS"
MAX_DAYS = 3650


@dataclass(frozen=True)
class RetentionSettings:
    # Orders, after delivery or cancellation: three years covers the two-year legal
    # guarantee of conformity and matches the CNIL's advice for former customers.
    orders_days: int = 3 * 365
    # Reservations, after they were collected, cancelled or expired: no sale was made.
    reservations_days: int = 30
    # Back-in-stock alerts, from when they were asked (CENTRAL_ALERT_KEEP_DAYS).
    alerts_days: int = AlertSettings.keep_days
    # Refused orders (what the status page explains): a terminal retries within days.
    refusals_days: int = 90
    # Customer e-mails once sent, refused or bounced: staff follow up a bounce.
    mail_days: int = 90
    # `central serve` runs the purge daily; off where a test's server shares a database
    # whose rows it did not write (the settings read from the environment turn it on).
    purge_in_server: bool = False

    def as_days(self) -> dict[str, int]:
        """What the heartbeat tells terminals, for the privacy notice (docs/api.md)."""
        return {"orders": self.orders_days, "reservations": self.reservations_days,
                "alerts": self.alerts_days, "refusals": self.refusals_days,
                "mail_messages": self.mail_days}


def _days(env, key: str, default: int) -> int:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_DAYS:
        raise ValueError(f"{key} must be a whole number of days from 1 to {MAX_DAYS}, "
                         f"not {raw!r}")
    return int(raw)


def retention_settings_from_env(environ: dict[str, str] | None = None,
                                alerts: AlertSettings | None = None) -> RetentionSettings:
    """Each kind's time from its key; alerts keep theirs (CENTRAL_ALERT_KEEP_DAYS, read and
    checked by central/alert_settings.py)."""
    env = os.environ if environ is None else environ
    defaults = RetentionSettings()
    return RetentionSettings(
        orders_days=_days(env, ORDERS_KEY, defaults.orders_days),
        reservations_days=_days(env, RESERVATIONS_KEY, defaults.reservations_days),
        alerts_days=(alerts or alert_settings_from_env(env)).keep_days,
        refusals_days=_days(env, REFUSALS_KEY, defaults.refusals_days),
        mail_days=_days(env, MAIL_KEY, defaults.mail_days), purge_in_server=True)
