import shutil

from kiosk.core.db.cache import open_cache
from kiosk.core.store_stock import great_circle_km, stock_in_stores

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
