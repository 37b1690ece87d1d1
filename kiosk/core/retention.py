"""How long the central server keeps each kind of customer data, as its heartbeat answer
says (docs/api.md, `POST /v1/heartbeat`, `retention_days`): the privacy notice the kiosk
shows states it, and so do the consent texts of a reservation and a back-in-stock alert.
A server that does not say (one from before these settings, or none heard since the
terminal started): each keeps its usual wording, true without a number."""

from __future__ import annotations

from dataclasses import dataclass, fields

# Days, as the server checks them (central/src/central/retention_settings.py), with room to spare.
_MOST_DAYS = 36500


@dataclass(frozen=True)
class RetentionDays:
    orders: int             # after delivery or cancellation
    reservations: int       # after collection, cancellation or expiry
    alerts: int             # from when they were asked
    refusals: int
    mail_messages: int      # once sent, refused or bounced


def retention_days_from(heartbeat_answer: object) -> RetentionDays | None:
    """The server's word in a heartbeat answer, or None when it says nothing readable."""
    told = heartbeat_answer.get("retention_days") \
        if isinstance(heartbeat_answer, dict) else None
    if not isinstance(told, dict):
        return None
    days = {field.name: told.get(field.name) for field in fields(RetentionDays)}
    if not all(type(value) is int and 1 <= value <= _MOST_DAYS for value in days.values()):
        return None
    return RetentionDays(**days)
