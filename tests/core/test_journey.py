import json
import logging
from datetime import datetime, timezone

import pytest

from central.schemas import EventIn
from kiosk.core import journey
from kiosk.core.db.journal import open_journal

NOON = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
STORE = "paris-rivoli"


@pytest.fixture
def journal(tmp_path):
    return open_journal(tmp_path).conn


def queued(journal):
    """The events waiting in the outbox, as the server will read them."""
    return [(row["uuid"], json.loads(row["payload"])) for row in journal.execute(
        "SELECT uuid, payload FROM outbox WHERE kind = 'event' AND state = 'pending' "
        "ORDER BY id")]


def test_an_event_is_queued_in_the_shape_the_server_accepts(journal):
    event_id = journey.record_event(journal, STORE, journey.SESSION_START, now=NOON)
    [(stored_id, payload)] = queued(journal)
    assert stored_id == event_id == payload["id"]
    event = EventIn.model_validate(payload)
    assert (event.store_id, event.type, event.data) == (STORE, "session_start", {})
    assert datetime.fromisoformat(event.occurred_terminal_at) == NOON


def test_each_event_gets_its_own_id(journal):
    first = journey.record_event(journal, STORE, journey.SESSION_END, now=NOON)
    second = journey.record_event(journal, STORE, journey.SESSION_END, now=NOON)
    assert first != second and len(queued(journal)) == 2


def test_a_search_records_its_text_and_result_count(journal):
    journey.record_search(journal, STORE, "  rain   jacket ", 12, now=NOON)
    [(_, payload)] = queued(journal)
    assert (payload["type"], payload["data"]) == ("search",
                                                  {"text": "rain jacket", "result_count": 12})


def test_a_search_that_found_nothing_is_a_zero_result_search(journal):
    journey.record_search(journal, STORE, "parapluie", 0, now=NOON)
    [(_, payload)] = queued(journal)
    assert (payload["type"], payload["data"]) == ("zero_result_search", {"text": "parapluie"})
    EventIn.model_validate(payload)


def test_product_views_and_scans_say_what_without_saying_who(journal):
    journey.record_product_view(journal, STORE, "WJ01", now=NOON)
    journey.record_scan(journal, STORE, known=False, now=NOON)
    assert [(p["type"], p["data"]) for _, p in queued(journal)] == [
        ("product_view", {"sku": "WJ01"}), ("scan", {"known": False})]


@pytest.mark.parametrize("typed, sent", [
    ("jeanne.dupont@example.fr", "[removed]"),
    ("send to jd@x.fr please", "send to [removed] please"),
    ("06 12 34 56 78", "[removed]"),
    ("call 0612345678 now", "call [removed] now"),
    ("+33 6 12 34 56 78", "[removed]"),
    ("2000000000015", "2000000000015"),          # a barcode is not a phone number
    ("MH01-XS-Black", "MH01-XS-Black"),
    ("hoodie size 42", "hoodie size 42"),
])
def test_contact_details_typed_into_search_are_not_sent(typed, sent):
    assert journey.search_text_for_event(typed) == sent


def test_long_search_text_is_cut_short():
    assert journey.search_text_for_event("x" * 500) == "x" * journey.SEARCH_TEXT_LIMIT


@pytest.mark.parametrize("event_type", ["Search", "zero-result", "", "a" * 41, "search 2"])
def test_a_type_the_server_would_refuse_is_a_programming_error(journal, event_type):
    with pytest.raises(ValueError, match="event type"):
        journey.record_event(journal, STORE, event_type, now=NOON)
    assert queued(journal) == []


def test_data_over_four_kib_is_a_programming_error(journal):
    with pytest.raises(ValueError, match="4096"):
        journey.record_event(journal, STORE, "search", {"text": "x" * 5000}, now=NOON)


def test_an_event_the_journal_cannot_take_is_logged_and_dropped(journal, caplog):
    journal.execute("PRAGMA query_only = ON")          # as a read-only disk would
    with caplog.at_level(logging.WARNING, logger="kiosk.core.journey"):
        assert journey.record_search(journal, STORE, "hoodie", 3, now=NOON) is None
    assert "search event dropped" in caplog.text
    journal.execute("PRAGMA query_only = OFF")
    assert queued(journal) == []
    assert journey.record_scan(journal, STORE, known=True, now=NOON) is not None


def test_data_json_cannot_carry_is_made_harmless_not_sent_as_nan(journal):
    data = {"ratio": float("nan"), "spread": [float("inf"), -float("inf"), 0.5],
            "text": "veste\ud800 pluie"}
    journey.record_event(journal, STORE, journey.SEARCH, data, now=NOON)
    [raw] = [row["payload"] for row in journal.execute("SELECT payload FROM outbox")]
    assert "NaN" not in raw and "Infinity" not in raw
    payload = json.loads(raw)
    assert payload["data"] == {"ratio": None, "spread": [None, None, 0.5],
                               "text": "veste\ufffd pluie"}
    EventIn.model_validate(payload)
