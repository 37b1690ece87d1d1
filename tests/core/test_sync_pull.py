"""The pull loop's own behaviour, on a feed served from memory: pages fetched ahead on
another thread are written in order, and a fault on that thread reaches the caller."""

import json
import threading
from datetime import date

import pytest

from kiosk.core.db.cache import open_cache
from kiosk.core.sync.client import Answer, Verdict
from kiosk.core.sync.pull import (
    MIN_PAGE_BYTES,
    PAGES_AHEAD,
    SERVER_PAGE_BYTES,
    PageSize,
    pull,
    read_cursor,
)
from kiosk.core.sync.trouble import Trouble

TODAY = date(2026, 11, 25)     # a fixed day: it decides which special prices run


def page(number: int, last: int) -> dict:
    return {"reset": False, "cursor": str(number + 1), "has_more": number + 1 < last,
            "stock": [[f"V{number}-{n}", "paris", n, "2026-11-24T10:00:00Z", None]
                      for n in range(3)]}


class MemoryFeed:
    """Answers `changes` as the client does, from pages made up front."""

    total_timeout_s = 60.0

    def __init__(self, pages: int, broken_at: int | None = None) -> None:
        self.pages = [json.dumps(page(n, pages)).encode() for n in range(pages)]
        self.broken_at = broken_at
        self.asked: list[str | None] = []
        self.sizes_asked: list[int | None] = []

    def changes(self, cursor: str | None, limit: int, max_bytes: int | None = None,
                compressed: bool = True) -> Answer:
        self.asked.append(cursor)
        self.sizes_asked.append(max_bytes)
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
    with pytest.raises(RuntimeError, match="a bug in the fetching code"):
        pull(conn, MemoryFeed(pages=10, broken_at=5))
    assert read_cursor(conn) == "5"       # the five pages before it are kept
    # The fetching thread is gone (other tests' threads may come and go meanwhile).
    assert not any(thread.name == "pull" for thread in threading.enumerate())


class SlowFeed(MemoryFeed):
    """A link on which a page bigger than `fits` bytes never arrives in time."""

    def __init__(self, pages: int, fits: int) -> None:
        super().__init__(pages)
        self.fits = fits

    def changes(self, cursor: str | None, limit: int, max_bytes: int | None = None,
                compressed: bool = True) -> Answer:
        if (max_bytes or SERVER_PAGE_BYTES) > self.fits:
            self.sizes_asked.append(max_bytes)
            return Answer(Verdict.UNREACHABLE, None, reason="the answer took too long",
                          trouble=Trouble.TIMEOUT)
        return super().changes(cursor, limit, max_bytes)


def test_a_page_too_big_for_the_link_is_asked_again_smaller_until_one_arrives(tmp_path):
    conn = open_cache(tmp_path).conn
    feed, size = SlowFeed(pages=3, fits=200_000), PageSize(page_seconds=15)
    rounds = 0
    while not pull(conn, feed, page_size=size).complete:
        rounds += 1
        assert rounds < 10, "the page never got small enough"
    # A timeout with nothing received asks for a quarter of the page before (the server's
    # 4 MiB cap at first): 1 MiB, 256 KiB, 64 KiB; a page that arrives lets the next be
    # twice as big, no more: 128 KiB arrives, 256 KiB would not.
    assert feed.sizes_asked[:5] == [None, 1024 * 1024, 256 * 1024, 64 * 1024, 128 * 1024]
    assert read_cursor(conn) == "3"


def test_the_page_size_follows_what_the_link_brings_in_its_share_of_the_time():
    size = PageSize(page_seconds=15)
    size.after_page(100_000, seconds=10.0)        # 10 kB/s: 150 kB arrive in 15 s
    assert size.max_bytes == 150_000
    size.after_page(100, seconds=10.0)            # never below what is worth a round trip
    assert size.max_bytes == MIN_PAGE_BYTES
    size.after_page(4_000_000, seconds=0.5)       # a fast link: twice as much each page...
    assert size.max_bytes == 2 * MIN_PAGE_BYTES
    for _ in range(10):
        size.after_page(4_000_000, seconds=0.5)
    assert size.max_bytes is None                 # ...up to as much as the server likes


def test_a_page_given_up_on_tells_how_much_the_link_brought_in_time():
    size = PageSize(page_seconds=15)
    size.after_timeout(received_bytes=480_000, seconds=60)     # 8 kB/s
    assert size.max_bytes == 120_000


def test_a_pull_that_makes_way_for_an_order_keeps_the_pages_it_applied(tmp_path):
    conn = open_cache(tmp_path).conn
    feed = MemoryFeed(pages=10)
    applied = []
    result = pull(conn, feed, interrupted=lambda: applied.append(1) or len(applied) >= 2)
    assert not result.complete and result.failure is None
    assert result.pages == 2 and read_cursor(conn) == "2"
    assert pull(conn, feed).complete           # the next round goes on from there
    assert read_cursor(conn) == "10"


def test_pages_come_plain_over_a_link_faster_than_gzip_and_gzipped_again_when_it_slows():
    size = PageSize(page_seconds=15)
    assert size.compressed                            # a link not timed yet: gzipped
    size.after_transfer(4_000_000, seconds=0.05)      # 80 MB/s gzipped: a slower link
    assert size.compressed
    size.after_transfer(3_000_000, seconds=0.01)      # 300 MB/s: the server's own host
    assert not size.compressed
    size.after_transfer(100_000, seconds=1.0)         # too short an answer to tell
    assert not size.compressed
    size.after_transfer(4_000_000, seconds=0.05)      # 80 MB/s plain: still fast
    assert not size.compressed
    size.after_transfer(4_000_000, seconds=2.0)       # 2 MB/s: worth compressing again
    assert size.compressed


class ListedFeed(MemoryFeed):
    """Serves the pages it is given, one after the other, then more added later."""

    def __init__(self, *pages: dict) -> None:
        self.pages, self.asked, self.sizes_asked, self.broken_at = [], [], [], None
        self.add(*pages)

    def add(self, *pages: dict) -> None:
        for content in pages:
            number = len(self.pages)
            self.pages.append(json.dumps({"reset": False, "cursor": str(number + 1),
                                          "has_more": False, **content}).encode())
        # Only the last page says there is no more.
        self.pages = [json.dumps({**json.loads(body), "has_more": n + 1 < len(self.pages)})
                      .encode() for n, body in enumerate(self.pages)]


def category(path: str, french: str | None = None) -> dict:
    return {"path": path, "name": path.rpartition("/")[2],
            **({"translations": {"fr": {"name": french}}} if french else {})}


def jacket(sku: str, path: str) -> dict:
    return {"sku": sku, "name": f"Juno {sku}", "price_cents": 5000,
            "categories": [path], "variants": [{"sku": f"{sku}-M", "price_cents": 5000}]}


def test_a_category_translated_after_its_products_reaches_their_search_index(tmp_path):
    from kiosk.core.search import search

    conn = open_cache(tmp_path).conn
    found = lambda typed: [row[0] for row in conn.execute(  # noqa: E731
        "SELECT sku FROM products WHERE id IN (%s) ORDER BY sku"
        % ",".join(map(str, search(conn, typed, language="fr", today=TODAY).product_ids)))]
    feed = ListedFeed({"categories": [category("Men"), category("Men/Jackets")],
                       "products": [jacket("J1", "Men/Jackets")]},
                      {"products": [jacket("J2", "Men")]},
                      # A product arrives before its category, which comes translated.
                      {"products": [jacket("G1", "Gear")]})
    assert pull(conn, feed).complete
    assert found("homme ") == [] and found("vestes ") == []
    # The categories are translated; the products do not change.
    feed.add({"categories": [category("Men", "Homme"), category("Men/Jackets", "Vestes"),
                             category("Gear", "Équipement")]})
    assert pull(conn, feed).complete
    assert found("homme ") == ["J1", "J2"]       # J1 by the category above its own
    assert found("vestes ") == ["J1"]
    assert found("equipement ") == ["G1"]
    assert found("jackets ") == ["J1"]           # the default names stay
    # Translated again: the old name no longer finds them.
    feed.add({"categories": [category("Men", "Masculin")]})
    assert pull(conn, feed).complete
    assert found("masculin ") == ["J1", "J2"]
    assert found("homme ") == [] and found("vestes ") == ["J1"]
    # A translated category goes: its products are no longer in it, nor below Men.
    feed.add({"deletions": [{"kind": "category", "key": "Men/Jackets"}]})
    assert pull(conn, feed).complete
    assert found("vestes ") == [] and found("masculin ") == ["J2"]
    assert found("juno ") == ["G1", "J1", "J2"]  # the names are still indexed
