import json
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.core import outbox
from kiosk.core.db.journal import open_journal

NOON = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
WAIT = timedelta(minutes=10)


@pytest.fixture
def journal(tmp_path):
    return open_journal(tmp_path).conn


def order(reference="R1"):
    return {"reference": reference, "customer": {"first_name": "Jeanne", "email": "j@x.fr"},
            "lines": [{"sku": "MJ01-XS-Red", "quantity": 1}]}


def test_an_item_is_stored_once_with_the_exact_bytes_every_retry_will_send(journal):
    key = outbox.new_uuid()
    outbox.enqueue(journal, "order", key, order(), now=NOON)
    [item] = outbox.due(journal, "order", NOON, 10, longest_wait=WAIT)
    assert item.uuid == key and json.loads(item.body) == order()
    with pytest.raises(Exception, match="UNIQUE"):
        outbox.enqueue(journal, "order", key, order(), now=NOON)


def test_an_item_json_cannot_carry_is_refused_before_it_is_queued(journal):
    # The server would refuse NaN at every retry: better the caller hears of it now.
    with pytest.raises(ValueError):
        outbox.enqueue(journal, "rating", outbox.new_uuid(), {"score": float("nan")}, now=NOON)
    assert outbox.due(journal, "rating", NOON, 10, longest_wait=WAIT) == []


def test_a_retry_waits_its_turn_unless_the_clock_was_wrong_when_it_was_set(journal):
    outbox.enqueue(journal, "rating", "r1", {"score": 4}, now=NOON)
    [item] = outbox.due(journal, "rating", NOON, 10, longest_wait=WAIT)
    outbox.retry_later(journal, item.id, NOON + timedelta(minutes=2), "HTTP 503")
    assert outbox.due(journal, "rating", NOON + timedelta(minutes=1), 10, longest_wait=WAIT) == []
    assert len(outbox.due(journal, "rating", NOON + timedelta(minutes=3), 10,
                          longest_wait=WAIT)) == 1
    # The clock was three days ahead when the retry was set, then corrected: due now.
    outbox.retry_later(journal, item.id, NOON + timedelta(days=3), "HTTP 503")
    assert len(outbox.due(journal, "rating", NOON, 10, longest_wait=WAIT)) == 1


def test_sent_dead_and_discarded_items_stay_in_the_journal(journal):
    for key in ("a", "b", "c"):
        outbox.enqueue(journal, "event", key, {"type": "search"}, now=NOON)
    a, b, c = outbox.due(journal, "event", NOON, 10, longest_wait=WAIT)
    outbox.mark_sent(journal, a.id, {"status": "created"}, NOON)
    outbox.mark_dead(journal, b.id, "HTTP 422 · validation_failed")
    assert outbox.queue_depths(journal) == {"order": 0, "rating": 0, "event": 1, "dead": 1}
    [dead] = outbox.dead_letters(journal)
    assert dead["uuid"] == "b" and "validation_failed" in dead["last_error"]
    with pytest.raises(ValueError):
        outbox.discard_dead(journal, b.id, "  ")
    assert outbox.discard_dead(journal, b.id, "test item sent by IT")
    assert outbox.queue_depths(journal)["dead"] == 0
    states = dict(journal.execute("SELECT uuid, state FROM outbox"))
    assert states == {"a": "sent", "b": "discarded", "c": "pending"}


def test_a_dead_letter_retried_by_staff_goes_back_in_the_queue(journal):
    outbox.enqueue(journal, "order", "o1", order(), now=NOON)
    [item] = outbox.due(journal, "order", NOON, 10, longest_wait=WAIT)
    outbox.mark_dead(journal, item.id, "HTTP 422")
    assert outbox.due(journal, "order", NOON, 10, longest_wait=WAIT) == []
    assert outbox.retry_dead(journal, item.id)
    assert [i.uuid for i in outbox.due(journal, "order", NOON, 10, longest_wait=WAIT)] == ["o1"]


def test_customer_details_of_orders_sent_long_ago_are_purged_and_lines_kept(journal):
    outbox.enqueue(journal, "order", "old", order("R1"), now=NOON)
    outbox.enqueue(journal, "order", "recent", order("R2"), now=NOON)
    outbox.enqueue(journal, "order", "unsent", order("R3"), now=NOON)
    old, recent, _ = outbox.due(journal, "order", NOON, 10, longest_wait=WAIT)
    outbox.mark_sent(journal, old.id, {}, NOON - timedelta(days=40))
    outbox.mark_sent(journal, recent.id, {}, NOON - timedelta(days=2))

    assert outbox.purge_personal_data(journal, NOON - timedelta(days=30), NOON) == 1

    payloads = {u: json.loads(p) for u, p in journal.execute("SELECT uuid, payload FROM outbox")}
    assert payloads["old"]["customer"] == {"purged": True}
    assert payloads["old"]["lines"] == order()["lines"]
    assert payloads["recent"]["customer"]["first_name"] == "Jeanne"
    assert payloads["unsent"]["customer"]["first_name"] == "Jeanne"   # never before sent


def test_a_full_disk_refuses_the_order_whole_and_the_journal_still_works(journal):
    outbox.enqueue(journal, "order", "before", order("R0"), now=NOON)
    pages = journal.execute("PRAGMA page_count").fetchone()[0]
    journal.execute(f"PRAGMA max_page_count = {pages}")       # the disk is now full
    big = order("R1") | {"note": "x" * 20_000}
    with pytest.raises(outbox.JournalWriteError, match="full"):
        outbox.enqueue(journal, "order", "refused", big, now=NOON)
    assert [u for (u,) in journal.execute("SELECT uuid FROM outbox")] == ["before"]
    journal.execute(f"PRAGMA max_page_count = {pages + 100}")  # space is freed
    outbox.enqueue(journal, "order", "after", big, now=NOON)
    assert outbox.queue_depths(journal)["order"] == 2
