"""Magento import benchmark: a chain-sized catalog file and its French store view.

Prints figures; asserts nothing. Builds once, under benchmarks/out/magento-100000/, a
product CSV in Magento's standard format (100,000 products: Luma's and synthetic ones,
configurable parents after their simple variants) and a file of store-view rows only
(store view `fr`: every product's name, description and attribute values, every variant's
colour label), as a chain exports its default catalog and its store view on different
days. Then, into a fresh SQLite central database, times:

- the catalog's first import (rows/s);
- the store view imported apart: translations only (rows/s);
- the catalog imported again, default rows only, and how many products kept their French.

    .venv/bin/python benchmarks/magento_import.py
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sync import in_french  # noqa: E402  (benchmarks/sync.py: its French words)

from kiosk_demo.datasets import luma_dir  # noqa: E402

OUT = ROOT / "benchmarks/out/magento-100000"
PRODUCTS = 100_000
STORE_VIEWS = {"fr": "fr"}
COLUMNS = ["sku", "store_view_code", "product_type", "categories", "name", "description",
           "visibility", "price", "base_image", "additional_attributes",
           "configurable_variations"]


def attribute_pairs(values: dict[str, str]) -> str:
    # Every value quoted, as Magento writes values holding commas.
    return ",".join(f'{key}="{value.replace(chr(34), chr(34) * 2)}"'
                    for key, value in values.items() if value)


def write_files(catalog: Path, store_view: Path) -> None:
    from kiosk_demo.luma import read_luma
    from kiosk_demo.synthetic import synthetic_products

    luma = read_luma(luma_dir()).products
    products = luma + list(synthetic_products(luma, PRODUCTS - len(luma)))
    with catalog.open("w", encoding="utf-8", newline="") as default_file, \
            store_view.open("w", encoding="utf-8", newline="") as french_file:
        default_rows, french_rows = csv.writer(default_file), csv.writer(french_file)
        default_rows.writerow(COLUMNS)
        french_rows.writerow(COLUMNS)
        for product in products:
            write_product(default_rows, product)
            write_translation(french_rows, product, in_french(product))


def write_product(rows, product) -> None:
    categories = ",".join(f"Default Category/{path}" for path in product.categories)
    price = f"{product.price_cents / 100:.2f}"
    [only] = product.variants if len(product.variants) == 1 else [None]
    if only is not None and only.sku == product.sku:       # a simple product on its own
        labels = {"size": only.size or "", "color": only.color or ""}
        rows.writerow([product.sku, "", "simple", categories, product.name,
                       product.description_html, "Catalog, Search", price, product.image or "",
                       attribute_pairs(product.attributes | labels), ""])
        return
    for variant in product.variants:
        labels = {"size": variant.size or "", "color": variant.color or ""}
        rows.writerow([variant.sku, "", "simple", categories, variant.sku, "",
                       "Not Visible Individually", f"{variant.price_cents / 100:.2f}",
                       variant.image or "", attribute_pairs(labels), ""])
    variations = "|".join(
        ",".join(f"{key}={value}" for key, value in
                 (("sku", v.sku), ("size", v.size), ("color", v.color)) if value)
        for v in product.variants)
    rows.writerow([product.sku, "", "configurable", categories, product.name,
                   product.description_html, "Catalog, Search", price, product.image or "",
                   attribute_pairs(product.attributes), variations])


def write_translation(rows, product, french) -> None:
    text = french.translations["fr"]
    rows.writerow([product.sku, "fr", "", "", text["name"], text["description_html"], "", "",
                   "", attribute_pairs(text.get("attributes", {})), ""])
    for variant in french.variants:
        color = variant.translations.get("fr", {}).get("color")
        if color:
            rows.writerow([variant.sku, "fr", "", "", "", "", "", "", "",
                           attribute_pairs({"color": color}), ""])


def files() -> tuple[Path, Path]:
    catalog, store_view = OUT / "products.csv", OUT / "fr_store_view.csv"
    if not (catalog.exists() and store_view.exists()):
        OUT.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        building = [path.with_name(path.name + ".building") for path in (catalog, store_view)]
        write_files(*building)
        for built, path in zip(building, (catalog, store_view), strict=True):
            built.replace(path)
        print(f"files written in {time.perf_counter() - started:.0f} s")
    return catalog, store_view


def rows_in(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def timed_import(label: str, db, path: Path) -> None:
    from central.importers import import_magento

    rows = rows_in(path)
    started = time.perf_counter()
    result = import_magento(db, path, None, None, STORE_VIEWS)
    spent = time.perf_counter() - started
    print(f"{label}: {rows:,} rows in {spent:.1f} s = {rows / spent:,.0f} rows/s "
          f"({len(result.problems)} rows skipped)")


def french_products(db) -> int:
    from sqlalchemy import text

    with db.reading() as session:
        return session.scalar(text("SELECT count(*) FROM products WHERE translations "
                                   "LIKE '%\"fr\"%'"))


def main() -> int:
    from central.db.engine import Database
    from central.db.schema import upgrade

    catalog, store_view = files()
    database = OUT / "central.db"
    for leftover in ("", "-wal", "-shm"):
        Path(f"{database}{leftover}").unlink(missing_ok=True)
    db = Database(f"sqlite:///{database}")
    upgrade(db)
    try:
        timed_import("catalog, first import", db, catalog)
        timed_import("store view apart (translations only)", db, store_view)
        print(f"  products in French: {french_products(db):,}")
        timed_import("catalog again, default rows only", db, catalog)
        print(f"  products in French after it: {french_products(db):,}")
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
