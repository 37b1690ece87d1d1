"""The catalog in several languages on the server: Magento store views imported as
translations, the change feed sending them only where there are some, a terminal of
before reading on, the order keeping the words the shopper saw. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from catalog_helpers import line, with_lines
from sqlalchemy import text
from staff_helpers import staff_account
from test_api import order, post_order

from central.catalog import CatalogWriter
from central.cli import main
from central.db.engine import Database
from central.db.schema import upgrade
from central.feed import read_page
from central.importers import import_magento
from kiosk.core.sync.wire import read_changes_page
from kiosk_contract.catalog import Product, Variant
from kiosk_contract.change_feed import validate_page

DATA = Path(__file__).resolve().parents[1] / "data" / "magento"
STORE_VIEWS = {"fr_store": "fr", "ja_store": "ja"}
# A product's fields before translations existed: what a terminal of then expects.
PRODUCT_FIELDS = {"sku", "name", "price_cents", "special_price_cents", "special_from",
                  "special_to", "description_html", "categories", "image", "gallery",
                  "attributes", "featured", "variants"}
VARIANT_FIELDS = {"sku", "price_cents", "special_price_cents", "size", "color", "barcode",
                  "image"}


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres").new_database("translations")
    db = Database(url)
    upgrade(db)
    yield db
    db.dispose()


def feed(db: Database, cursor: str | None = None) -> dict:
    with db.reading() as session:
        return json.loads(read_page(session, cursor, 1000))


def by_key(records: list[dict], key: str) -> dict[str, dict]:
    return {record[key]: record for record in records}


def test_a_store_view_file_imports_with_its_translations_and_the_feed_sends_them(database):
    imported = import_magento(database, DATA / "configurable_with_store_views.csv", None, None,
                              STORE_VIEWS)
    assert [p.row for p in imported.problems] == [6, 15, 16]
    page = feed(database)
    products = by_key(page["products"], "sku")
    shell = products["WJ-AURORA"]
    assert shell["name"] == "Aurora Rain Shell"
    assert shell["translations"]["fr"]["name"] == "Coupe-pluie Aurora"
    assert shell["translations"]["ja"] == {"name": "オーロラ レインシェル"}
    assert shell["short_description_html"] == "<p>Light, packable, dry.</p>"
    assert shell["image_label"] == "Aurora shell, front"
    variants = by_key(shell["variants"], "sku")
    assert variants["WJ-AURORA-S-Black"]["translations"] == {"fr": {"color": "Noir"},
                                                             "ja": {"color": "ブラック"}}
    categories = by_key(page["categories"], "path")
    assert categories["Women/Tops/Jackets"]["translations"] == {"fr": {"name": "Vestes"}}
    # Nothing translated, nothing more sent: the flask's record is as it always was.
    flask = products["WB-FLASK"]
    assert set(flask) == PRODUCT_FIELDS
    assert all(set(v) == VARIANT_FIELDS for v in flask["variants"])
    assert "translations" not in categories["Gear"]


def test_a_translated_page_follows_the_published_schema(database):
    import_magento(database, DATA / "configurable_with_store_views.csv", None, None,
                   STORE_VIEWS)
    page = validate_page(feed(database))
    shell = next(p for p in page["products"] if p.sku == "WJ-AURORA")
    assert shell.translations["fr"]["short_description_html"] == \
        "<p>Léger, compressible, au sec.</p>"


def test_a_terminal_reads_every_language_of_the_page(database):
    import_magento(database, DATA / "configurable_with_store_views.csv", None, None,
                   STORE_VIEWS)
    with database.reading() as session:
        body = read_page(session, None, 1000).encode()
    page = read_changes_page(body)
    texts = {row[0]: json.loads(row[14]) for row in page.product_rows.products}
    assert texts["WJ-AURORA"]["fr"]["description_html"].startswith("<p>Une coquille légère")
    assert texts["WB-FLASK"] == {}
    jackets = next(c for c in page.batch.categories if c.path == "Women/Tops/Jackets")
    assert jackets.translations == {"fr": {"name": "Vestes"}}


def test_a_later_file_adds_its_language_to_categories_already_known(database, tmp_path):
    import_magento(database, DATA / "configurable_with_store_views.csv", None, None,
                   STORE_VIEWS)
    cursor = feed(database)["cursor"]
    later = tmp_path / "german.csv"
    later.write_text(
        "sku,store_view_code,product_type,name,price,categories\n"
        "WJ-NORD,,simple,Nord Parka,120,Default Category/Women/Tops/Jackets\n"
        "WJ-NORD,de_store,,Nord-Parka,,Standardkategorie/Damen/Oberteile/Jacken\n",
        encoding="utf-8")
    import_magento(database, later, None, None, {"de_store": "de"})
    page = feed(database, cursor)
    categories = by_key(page["categories"], "path")
    assert categories["Women/Tops/Jackets"]["translations"] == {"fr": {"name": "Vestes"},
                                                                "de": {"name": "Jacken"}}
    assert categories["Women"]["translations"] == {"fr": {"name": "Femmes"},
                                                   "de": {"name": "Damen"}}
    assert [p["sku"] for p in page["products"]] == ["WJ-NORD"]


def test_a_catalog_from_before_translations_is_served_as_it_was(database_at):
    db = database_at("0008")
    record = {"path": "Men", "name": "Men", "position": 0, "in_menu": True, "image": None}
    with db.writing() as session:
        session.execute(text("INSERT INTO meta (key, value) VALUES ('epoch', 'e1'), "
                             "('pruned_through', '0')"))
        session.execute(text("INSERT INTO categories (path, name, position, in_menu) "
                             "VALUES ('Men', 'Men', 0, true)"))
        session.execute(text(
            "INSERT INTO products (sku, name, price_cents, description_html, gallery, "
            "attributes, categories, featured) VALUES ('H', 'Hoodie', 5000, '', '[]', '{}', "
            "'[\"Men\"]', false)"))
        session.execute(text("INSERT INTO variants (sku, product_sku, position, price_cents) "
                             "VALUES ('H-S', 'H', 0, 5000)"))
        session.execute(text(
            "INSERT INTO change_log (kind, key, seq, deleted, changed_at, record) VALUES "
            "('category', 'Men', 1, false, CURRENT_TIMESTAMP, :record), "
            "('product', 'H', 2, false, CURRENT_TIMESTAMP, NULL)"),
            {"record": json.dumps(record)})
    upgrade(db)
    page = feed(db)
    assert page["categories"] == [record]
    [hoodie] = page["products"]
    assert set(hoodie) == PRODUCT_FIELDS and hoodie["name"] == "Hoodie"
    with db.reading() as session:
        kept = session.execute(text("SELECT translations, short_description_html, image_label "
                                    "FROM products")).one()
    assert (kept[0] in ({}, "{}"), kept[1], kept[2]) == (True, "", None)


def test_the_order_keeps_the_words_the_shopper_read(api):
    sku = "ZZ-" + uuid.uuid4().hex[:8].upper()
    with api.db.writing(catalog=True) as session:
        CatalogWriter(session).products([Product(
            sku, "Test jacket", 4000,
            (Variant(sku + "-M", 4000, size="M", color="Blue",
                     translations={"fr": {"color": "Bleu"}}),),
            translations={"fr": {"name": "Veste d'essai"}})])
    shown = line(sku + "-M", 4000, name="Veste d'essai") | {"color": "Bleu"}
    body = with_lines(order(language="fr"), shown)
    answer, _ = post_order(api, api.terminal(), body)
    assert answer.status_code == 201, answer.text
    _, staff = staff_account(api)
    stored = api.client.get(f"/v1/staff/orders/{body['reference']}", headers=staff).json()
    assert stored["language"] == "fr"
    [kept] = stored["lines"]
    assert (kept["name"], kept["size"], kept["color"]) == ("Veste d'essai", "M", "Bleu")
    assert kept["known_sku"] and kept["server_unit_price_cents"] == 4000


def test_central_import_magento_takes_store_views_from_options_and_the_environment(
        tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'central.db'}"
    assert main(["--database-url", url, "init-db"]) == 0
    monkeypatch.setenv("CENTRAL_STORE_VIEWS", "ja=ja_store, de=it_store")
    capsys.readouterr()
    assert main(["--database-url", url, "import-magento",
                 str(DATA / "configurable_with_store_views.csv"),
                 "--store-view", "fr=fr_store", "--store-view", "it=it_store"]) == 0
    out, err = capsys.readouterr()
    assert "16 rows read: 2 products, 1 in 'fr', 1 in 'it', 1 in 'ja', 5 variants" in out
    assert "2 rows skipped" in out
    assert "row 16 (line 19): store-view row for unknown SKU 'WJ-GHOST'" in err
    db = Database(url)
    try:
        shell = by_key(feed(db)["products"], "sku")["WJ-AURORA"]
    finally:
        db.dispose()
    assert set(shell["translations"]) == {"fr", "ja", "it"}
    assert shell["translations"]["it"] == {"name": "Guscio antipioggia Aurora"}


def test_a_store_view_given_wrong_is_refused_before_anything_is_imported(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'central.db'}"
    assert main(["--database-url", url, "init-db"]) == 0
    assert main(["--database-url", url, "import-magento",
                 str(DATA / "configurable_with_store_views.csv"),
                 "--store-view", "fr_store"]) == 1
    assert "LANGUAGE=CODE (fr=fr_store), not 'fr_store'" in capsys.readouterr().err
    db = Database(url)
    try:
        assert feed(db)["products"] == []
    finally:
        db.dispose()
