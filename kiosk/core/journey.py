"""What shoppers do at the kiosk, as anonymous events for the central server.

Events go through the journal's outbox like orders, but they matter far less: when one
cannot be written (full or read-only disk) it is logged and dropped, and the shopper
carries on. Events carry no personal data; search text is the one free text sent, so
it is cut short and anything that looks like an e-mail address or a phone number is
removed first (shoppers do type such things into a search box).
"""

from __future__ import annotations

import json
import logging
import math
import re
import sqlite3
from datetime import datetime
from typing import Any

from kiosk.core import outbox

log = logging.getLogger(__name__)

SESSION_START = "session_start"
SESSION_END = "session_end"
SEARCH = "search"
ZERO_RESULT_SEARCH = "zero_result_search"
PRODUCT_VIEW = "product_view"
SCAN = "scan"

SEARCH_TEXT_LIMIT = 100
# What the central server accepts (docs/api.md, POST /v1/events).
_EVENT_TYPE = re.compile(r"[a-z_]{1,40}")
MAX_DATA_BYTES = 4096

_EMAIL = re.compile(r"\S+@\S+")
# International numbers (+33 6 12 34 56 78) and French ones (06 12 34 56 78, 0612345678).
# Exactly ten digits for the latter, so that 8- and 13-digit barcodes are kept.
_PHONE = re.compile(r"\+\d(?:[ .-]?\d){7,14}|(?<!\d)0\d(?:[ .-]?\d{2}){4}(?!\d)")
_SPACES = re.compile(r"\s+")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
REMOVED = "[removed]"


def record_event(journal_conn: sqlite3.Connection, store_id: str, event_type: str,
                 data: dict[str, Any] | None = None, now: datetime | None = None) -> str | None:
    """Queue one event for the server; its id, or None if the journal could not take it.

    A malformed type or oversized data is a programming error and raises ValueError:
    the server would refuse the event forever.
    """
    if not _EVENT_TYPE.fullmatch(event_type):
        raise ValueError(f"event type {event_type!r} is not a-z and '_', 1 to 40 long")
    data = json_safe(data or {})
    if len(json.dumps(data)) > MAX_DATA_BYTES:      # measured as the server measures it
        raise ValueError(f"{event_type} data exceeds {MAX_DATA_BYTES} bytes")
    moment = now or outbox.utc_now()
    event_id = outbox.new_uuid()
    # Local time with its offset: the store's hour of day reads directly, the instant is exact.
    occurred = moment.astimezone().isoformat(timespec="seconds")
    payload = {"id": event_id, "store_id": store_id, "type": event_type,
               "occurred_terminal_at": occurred, "data": data}
    try:
        outbox.enqueue(journal_conn, "event", event_id, payload, now=moment)
    except outbox.JournalWriteError as error:
        log.warning("%s event dropped, the journal refused it: %s", event_type, error)
        return None
    return event_id


def json_safe(value: Any) -> Any:
    """`value` with what standard JSON cannot carry made harmless: a NaN or infinite
    number becomes null (Python would write NaN, which the server refuses at every
    retry), half a UTF-16 pair becomes U+FFFD. An event is worth less than the shopper's
    session: it must never fail."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {json_safe(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    return value


def record_search(journal_conn: sqlite3.Connection, store_id: str, text: str,
                  result_count: int, now: datetime | None = None) -> str | None:
    """One event per search the shopper settled on (not per keystroke). A search that
    found nothing is its own type, so staff can list what shoppers did not find."""
    shown = search_text_for_event(text)
    if result_count == 0:
        return record_event(journal_conn, store_id, ZERO_RESULT_SEARCH, {"text": shown}, now)
    return record_event(journal_conn, store_id, SEARCH,
                        {"text": shown, "result_count": result_count}, now)


def record_product_view(journal_conn: sqlite3.Connection, store_id: str, sku: str,
                        now: datetime | None = None) -> str | None:
    return record_event(journal_conn, store_id, PRODUCT_VIEW, {"sku": sku}, now)


def record_scan(journal_conn: sqlite3.Connection, store_id: str, known: bool,
                now: datetime | None = None) -> str | None:
    """A barcode was scanned; the code itself is not sent (it could be a loyalty card)."""
    return record_event(journal_conn, store_id, SCAN, {"known": known}, now)


def search_text_for_event(text: str) -> str:
    """The search text as sent: no contact details, single spaces, at most 100 characters."""
    text = _EMAIL.sub(REMOVED, text)
    text = _PHONE.sub(REMOVED, text)
    return _SPACES.sub(" ", text).strip()[:SEARCH_TEXT_LIMIT]
