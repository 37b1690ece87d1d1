"""The demo chain's central catalog carries our French (assets/demo/luma_fr_store_view.csv),
so every terminal that syncs with it gets the catalog in French."""

import csv
import json
from pathlib import Path

from sqlalchemy import select

from central.cli import main
from central.db import models
from central.db.engine import Database
from central.feed import read_page

FRENCH_FILE = Path(__file__).resolve().parents[2] / "assets" / "demo" / "luma_fr_store_view.csv"


def test_the_seeded_demo_catalog_is_in_french_too(seeded_database):
    with seeded_database.reading() as session:
        products = {p.sku: p for p in session.scalars(select(models.Product))}
        variants = {v.sku: v for v in session.scalars(
            select(models.Variant).where(models.Variant.sku.in_(
                ["WJ06-XS-Blue", "MP01-36-Gray", "24-WG085", "24-MB01"])))}
        categories = {c.path: c for c in session.scalars(select(models.Category))}
    # Other tests add products of their own to this shared database: the demo's are those
    # the French file names.
    with FRENCH_FILE.open(encoding="utf-8", newline="") as rows:
        demo_skus = {row["sku"] for row in csv.DictReader(rows)}
    assert all("fr" in products[sku].translations for sku in demo_skus if sku in products)
    assert sum(sku in products for sku in demo_skus) >= 191    # every demo product is there
    juno = products["WJ06"]
    assert juno.name == "Juno Jacket"
    assert juno.translations["fr"]["name"] == "Veste Juno"
    assert juno.translations["fr"]["description_html"].startswith("<p>")
    assert juno.translations["fr"]["attributes"]["pattern"] == "Uni"
    assert products["24-MB01"].translations["fr"]["name"] == "Sac polochon Joust"
    assert variants["WJ06-XS-Blue"].translations == {"fr": {"color": "Bleu"}}
    assert variants["MP01-36-Gray"].translations == {"fr": {"color": "Gris"}}
    assert variants["24-WG085"].translations == {"fr": {"size": "1,8 m"}}
    assert variants["24-MB01"].translations == {}
    assert categories["Men/Tops/Hoodies & Sweatshirts"].translations == {
        "fr": {"name": "Sweats à capuche et sweat-shirts"}}
    assert categories["Gear/Fitness Equipment"].translations == {
        "fr": {"name": "Matériel de fitness"}}


def test_a_file_of_store_view_rows_only_translates_the_catalog_held_already(tmp_path, capsys):
    """As Magento exports a store view: the default rows imported before, their
    translations in a file of their own, imported with `central import-magento`."""
    url = f"sqlite:///{tmp_path / 'central.db'}"
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(
        "sku,store_view_code,product_type,name,price,categories,additional_attributes,"
        "configurable_variations\n"
        "J1-S-Black,,simple,Test Jacket-S-Black,50,Default Category/Men/Jackets,"
        "\"size=S,color=Black\",\n"
        "J1,,configurable,Test Jacket,50,Default Category/Men/Jackets,material=Wool,"
        "\"sku=J1-S-Black,size=S,color=Black\"\n"
        "J1,de_store,,Testjacke,,,,\n", encoding="utf-8")
    french = tmp_path / "french.csv"
    french.write_text(
        "sku,store_view_code,name,categories,additional_attributes\n"
        "J1,fr,Veste test,Default Category/Homme/Vestes,material=Laine\n"
        "J1-S-Black,fr,Veste test-S-Noir,,\"size=S,color=Noir\"\n"
        "GHOST,fr,Fantôme,,\n", encoding="utf-8")
    assert main(["--database-url", url, "init-db"]) == 0
    assert main(["--database-url", url, "import-magento", str(catalog),
                 "--store-view", "de=de_store"]) == 0
    capsys.readouterr()
    assert main(["--database-url", url, "import-magento", str(french),
                 "--store-view", "fr=fr"]) == 0
    out, err = capsys.readouterr()
    assert "3 rows read: 1 products, 1 in 'de', 1 in 'fr', 1 variants" in out
    assert "row 3 (line 4): store-view row for unknown SKU 'GHOST'" in err
    db = Database(url)
    try:
        with db.reading() as session:
            jacket = session.get(models.Product, "J1")
            variant = session.get(models.Variant, "J1-S-Black")
            men = session.get(models.Category, "Men/Jackets")
            assert (jacket.name, jacket.price_cents) == ("Test Jacket", 5000)
            assert jacket.translations == {
                "de": {"name": "Testjacke"},
                "fr": {"name": "Veste test", "attributes": {"material": "Laine"}}}
            assert variant.translations == {"fr": {"color": "Noir"}}
            assert men.translations == {"fr": {"name": "Vestes"}}
        # Terminals are sent the translated product.
        with db.reading() as session:
            sent = json.loads(read_page(session, None, 1000))["products"]
        shell = next(product for product in sent if product["sku"] == "J1")
        assert shell["translations"]["fr"]["name"] == "Veste test"
    finally:
        db.dispose()
