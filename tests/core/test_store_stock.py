import shutil
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.core.db.cache import open_cache
from kiosk.core.store_stock import (
    BadLiveAnswer,
    Certainty,
    StoreStock,
    certainty,
    great_circle_km,
    live_figures,
    merge_live,
    stock_in_stores,
    variant_in_stores,
    variant_named,
)

PARIS, LYON = (48.8603, 2.3447), (45.7620, 4.8358)


def test_paris_to_lyon_is_about_390_km_as_the_crow_flies():
    assert 385 < great_circle_km(PARIS, LYON) < 395
    assert great_circle_km(PARIS, PARIS) == 0


def test_this_store_comes_first_then_the_nearest(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    sku = conn.execute("SELECT sku FROM variants ORDER BY id LIMIT 1").fetchone()[0]
    stores = stock_in_stores(conn, sku, "lyon-republique")
    assert stores[0].store_id == "lyon-republique" and stores[0].is_here
    assert len(stores) == 8
    distances = [s.distance_km for s in stores[1:]]
    assert distances == sorted(distances) and distances[0] > 0
    # The demo counts every variant in every store, with the server's time.
    assert all(s.quantity is not None and s.taken_at for s in stores)
    assert stores[0].opening_hours["mon"]


def test_a_store_without_a_figure_says_so_rather_than_zero(demo_cache_dir, tmp_path):
    shutil.copytree(demo_cache_dir, tmp_path / "data")
    conn = open_cache(tmp_path / "data").conn
    sku = conn.execute("SELECT sku FROM variants ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute("DELETE FROM stock WHERE variant_sku = ? AND store_id = 'paris-rivoli'",
                 (sku,))
    paris = next(s for s in stock_in_stores(conn, sku, "lyon-republique")
                 if s.store_id == "paris-rivoli")
    assert paris.quantity is None and paris.taken_at is None


def test_the_variant_is_named_by_its_product_size_and_colour_and_an_unknown_by_its_sku(
        demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    sku, name, size, color = conn.execute(
        "SELECT v.sku, p.name, v.size, v.color FROM variants v "
        "JOIN products p ON p.id = v.product_id "
        "WHERE v.size IS NOT NULL AND v.color IS NOT NULL ORDER BY v.id LIMIT 1").fetchone()
    assert variant_named(conn, sku) == (name, size, color)
    assert variant_named(conn, sku.lower()) == (name, size, color)   # as the cache matches
    assert variant_named(conn, "NO-SUCH-SKU") == ("NO-SUCH-SKU", None, None)


def test_the_stores_screen_reads_the_variant_and_its_stores_together(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    sku = conn.execute("SELECT sku FROM variants ORDER BY id LIMIT 1").fetchone()[0]
    named, stores = variant_in_stores(conn, sku, "lyon-republique")
    assert named == variant_named(conn, sku)
    assert stores == stock_in_stores(conn, sku, "lyon-republique")
    # A SKU the cache does not know still lists the stores, none with a figure.
    named, stores = variant_in_stores(conn, "NO-SUCH-SKU", "lyon-republique")
    assert named == ("NO-SUCH-SKU", None, None)
    assert len(stores) == 8 and all(s.quantity is None for s in stores)


NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
HOUR = timedelta(hours=1)


def a_store(store_id, distance, quantity=5, taken_at="2026-11-25T09:00:00Z",
            restock_date=None):
    return StoreStock(store_id, store_id.title(), "1 rue X", "75001", "Paris", "01", {},
                      distance, quantity, taken_at, restock_date)


def test_a_figure_is_current_until_the_age_limit_then_may_have_changed():
    assert certainty(a_store("a", 0, taken_at="2026-11-25T09:30:00Z"), NOW, HOUR) \
        is Certainty.CURRENT
    assert certainty(a_store("a", 0, taken_at="2026-11-25T09:00:00Z"), NOW, HOUR) \
        is Certainty.CURRENT                                   # exactly at the limit
    assert certainty(a_store("a", 0, taken_at="2026-11-25T08:59:00Z"), NOW, HOUR) \
        is Certainty.MAY_HAVE_CHANGED
    # Counted "in the future" (the clocks disagree): as fresh as can be.
    assert certainty(a_store("a", 0, taken_at="2026-11-25T10:05:00+00:00"), NOW, HOUR) \
        is Certainty.CURRENT


def test_no_figure_is_not_a_certain_zero_and_an_unreadable_time_is_not_trusted():
    assert certainty(a_store("a", 0, quantity=None, taken_at=None), NOW, HOUR) \
        is Certainty.NO_FIGURE
    assert certainty(a_store("a", 0, taken_at="yesterday"), NOW, HOUR) \
        is Certainty.MAY_HAVE_CHANGED


def live_answer(*stores, sku="WJ01-L-Red"):
    return {"sku": sku, "server_time": "2026-11-25T10:00:00Z",
            "stores": [{"store_id": s, "quantity": q, "taken_at": t, "restock_date": r}
                       for s, q, t, r in stores]}


def test_live_figures_replace_the_cached_ones_store_by_store_in_the_same_order():
    cached = [a_store("here", 0, 5), a_store("near", 3, 7), a_store("far", 400, 2)]
    live = live_figures(live_answer(("far", 0, "2026-11-25T09:59:30Z", "2026-12-12"),
                                    ("here", 9, "2026-11-25T09:58:00Z", None),
                                    ("elsewhere", 4, "2026-11-25T09:58:00Z", None)),
                        "wj01-l-red")
    merged = merge_live(cached, live)
    assert [s.store_id for s in merged] == ["here", "near", "far"]
    here, near, far = merged
    assert (here.quantity, here.taken_at, here.live) == (9, "2026-11-25T09:58:00Z", True)
    assert near == cached[1] and not near.live        # not in the answer: the cache's figure
    assert (far.quantity, far.restock_date) == (0, "2026-12-12")
    assert far.address == "1 rue X"                   # the store's own facts are kept


@pytest.mark.parametrize("body", [
    None, [], {"sku": "WJ01-L-Red"}, live_answer(sku="MH01-XS-Black"),
    {"sku": "WJ01-L-Red", "stores": [{"store_id": "a"}]},
    live_answer(("a", "12", "2026-11-25T09:58:00Z", None)),
    live_answer(("a", 3, "not a time", None)),
    live_answer(("a", 3, None, None)),
])
def test_an_answer_that_is_not_this_variants_stock_is_refused_whole(body):
    with pytest.raises(BadLiveAnswer):
        live_figures(body, "WJ01-L-Red")
