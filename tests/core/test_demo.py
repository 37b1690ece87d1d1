import sqlite3

from kiosk.core.barcodes import is_valid_gtin
from kiosk_demo.luma import DEMO_STORES


def connect(demo_cache_dir):
    return sqlite3.connect(f"file:{demo_cache_dir / 'cache.db'}?mode=ro", uri=True)


def test_the_demo_holds_the_whole_physical_luma_catalog(demo_cache_dir):
    conn = connect(demo_cache_dir)
    assert conn.execute("SELECT count(*) FROM products").fetchone()[0] == 147 + 44
    assert conn.execute("SELECT count(*) FROM variants").fetchone()[0] == 1847 + 44
    tops = {row[0] for row in conn.execute(
        "SELECT name FROM categories WHERE parent_path IS NULL AND in_menu = 1")}
    assert tops == {"Men", "Women", "Gear"}
    assert conn.execute("SELECT count(*) FROM products WHERE featured = 1").fetchone()[0] > 8
    assert (demo_cache_dir / "LUMA-LICENSE-NOTICE.md").exists()


def test_every_variant_has_a_unique_valid_ean13(demo_cache_dir):
    codes = [row[0] for row in connect(demo_cache_dir).execute("SELECT barcode FROM variants")]
    assert all(code and len(code) == 13 and is_valid_gtin(code) for code in codes)
    assert len(set(codes)) == len(codes)


def test_eight_stores_in_french_cities_with_hours_and_coordinates(demo_cache_dir):
    rows = connect(demo_cache_dir).execute(
        "SELECT city, latitude, longitude, opening_hours FROM stores").fetchall()
    assert len(rows) == 8 == len(DEMO_STORES)
    assert len({city for city, *_ in rows}) == 8
    assert all(41 < lat < 51.5 and -5 < lon < 10 for _, lat, lon, _ in rows)
    assert all('"mon"' in hours for *_, hours in rows)


def test_stock_tells_a_story_worth_demonstrating(demo_cache_dir):
    conn = connect(demo_cache_dir)
    here = "paris-rivoli"
    out_here_in_elsewhere = conn.execute(
        "SELECT count(*) FROM stock s WHERE s.store_id = ? AND s.quantity = 0 AND EXISTS "
        "(SELECT 1 FROM stock o WHERE o.variant_sku = s.variant_sku AND o.quantity > 0)",
        (here,)).fetchone()[0]
    out_everywhere_with_date = conn.execute(
        "SELECT count(*) FROM (SELECT variant_sku FROM stock GROUP BY variant_sku "
        "HAVING max(quantity) = 0 AND min(restock_date) IS NOT NULL)").fetchone()[0]
    assert out_here_in_elsewhere > 50
    assert out_everywhere_with_date > 10
    not_utc = conn.execute("SELECT count(*) FROM stock WHERE taken_at NOT LIKE '%Z'")
    assert not_utc.fetchone()[0] == 0
