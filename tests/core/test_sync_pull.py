"""The pull loop's own behaviour, on a feed served from memory: pages fetched ahead on
another thread are written in order, and a fault on that thread reaches the caller."""

import json
import threading

import pytest

from kiosk.core.db.cache import open_cache
from kiosk.core.sync.client import Answer, Verdict
from kiosk.core.sync.pull import PAGES_AHEAD, pull, read_cursor


def page(number: int, last: int) -> dict:
    return {"reset": False, "cursor": str(number + 1), "has_more": number + 1 < last,
            "stock": [[f"V{number}-{n}", "paris", n, "2026-11-24T10:00:00Z", None]
                      for n in range(3)]}


class MemoryFeed:
    """Answers `changes` as the client does, from pages made up front."""

    def __init__(self, pages: int, broken_at: int | None = None) -> None:
        self.pages = [json.dumps(page(n, pages)).encode() for n in range(pages)]
        self.broken_at = broken_at
        self.asked: list[str | None] = []

    def changes(self, cursor: str | None, limit: int) -> Answer:
        self.asked.append(cursor)
        number = int(cursor or 0)
        if number == self.broken_at:
            raise RuntimeError("a bug in the fetching code")
        return Answer(Verdict.OK, 200, self.pages[number])


def test_pages_fetched_ahead_are_written_in_order_to_the_end(tmp_path):
    conn = open_cache(tmp_path).conn
    feed = MemoryFeed(pages=3 * PAGES_AHEAD)
    result = pull(conn, feed)
    assert result.complete and result.pages == 3 * PAGES_AHEAD
    assert feed.asked == [None, *(str(n) for n in range(1, 3 * PAGES_AHEAD))]
    assert read_cursor(conn) == str(3 * PAGES_AHEAD)
    assert conn.execute("SELECT count(*) FROM stock").fetchone()[0] == 9 * PAGES_AHEAD


def test_a_fault_on_the_fetching_thread_is_raised_by_pull_after_the_pages_before_it(tmp_path):
    conn = open_cache(tmp_path).conn
    threads_before = threading.active_count()
    with pytest.raises(RuntimeError, match="a bug in the fetching code"):
        pull(conn, MemoryFeed(pages=10, broken_at=5))
    assert read_cursor(conn) == "5"       # the five pages before it are kept
    assert threading.active_count() == threads_before
