"""A translated catalog from Magento store views, through the real central server, into
a terminal's cache: every language it receives is kept, and a later import reaches it."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

from kiosk.core.db.cache import open_cache
from kiosk.core.sync.client import CentralClient
from kiosk.core.sync.engine import SyncEngine

DATA = Path(__file__).resolve().parents[1] / "data" / "magento"


def test_store_view_translations_reach_the_terminal_s_cache(central, tmp_path, luma_dir):
    out = central.cli("import-magento", str(DATA / "configurable_with_store_views.csv"),
                      "--store-view", "fr=fr_store", "--store-view", "ja=ja_store")
    assert "2 products, 1 in 'fr', 1 in 'ja', 5 variants" in out
    token = central.add_terminal(f"t-{tmp_path.name}"[:60]).read_text().strip()
    data_dir = tmp_path / "terminal"
    data_dir.mkdir()
    engine = SyncEngine(data_dir, CentralClient(central.url, token, total_timeout_s=10),
                        version="test", interval_s=30, purge_after=timedelta(days=30),
                        images_dir=luma_dir / "images", rng=random.Random(7))
    try:
        status = engine.run_round()
        assert status.online and not status.problem
        cache = open_cache(data_dir).conn
        name, label, texts = cache.execute(
            "SELECT name, image_label, translations FROM products "
            "WHERE sku = 'WJ-AURORA'").fetchone()
        assert (name, label) == ("Aurora Rain Shell", "Aurora shell, front")
        assert json.loads(texts)["fr"]["name"] == "Coupe-pluie Aurora"
        assert json.loads(texts)["ja"] == {"name": "オーロラ レインシェル"}
        colours = dict(cache.execute("SELECT sku, translations FROM variants "
                                     "WHERE sku LIKE 'WJ-AURORA-%'"))
        assert json.loads(colours["WJ-AURORA-M-Teal"]) == {"fr": {"color": "Bleu canard"}}
        # The demo's products came down with the demo's French only, nothing else beside them.
        texts, short = cache.execute("SELECT translations, short_description_html "
                                     "FROM products WHERE sku = 'MH01'").fetchone()
        assert list(json.loads(texts)) == ["fr"] and short == ""
        assert json.loads(texts)["fr"]["name"] == "Sweat à capuche Chaz Kangeroo"

        later = tmp_path / "german.csv"
        later.write_text(
            "sku,store_view_code,product_type,name,price,categories\n"
            "WJ-NORD,,simple,Nord Parka,120,Default Category/Women/Tops/Jackets\n"
            "WJ-NORD,de_store,,Nord-Parka,,Standardkategorie/Damen/Oberteile/Jacken\n",
            encoding="utf-8")
        central.cli("import-magento", str(later), "--store-view", "de=de_store")
        assert engine.run_round().catalog_changed
        jackets = cache.execute("SELECT name, translations FROM categories "
                                "WHERE path = 'Women/Tops/Jackets'").fetchone()
        assert jackets[0] == "Jackets"
        assert json.loads(jackets[1]) == {"fr": {"name": "Vestes"}, "de": {"name": "Jacken"}}
        cache.close()
    finally:
        engine.close()
