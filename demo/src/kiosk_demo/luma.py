"""The Luma demo chain: a terminal's cache, or the central server's catalog, from the
Luma sample catalog.

Luma has no barcodes, stores or per-store stock, so they are generated here with fixed
seeds: the same dataset always gives the same codes and the same stock pattern (some
variants out of stock in one store but not in others, some out everywhere with a
restock date). Dates are relative to the day of the build so the demo never looks stale.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

from central.catalog import CatalogWriter
from central.db.engine import Database, utc_now
from central.magento import (
    ImportResult,
    read_categories,
    read_image_lists,
    read_sample_data_products,
    read_standard_products,
    read_store_view_file,
)
from kiosk.core.barcodes import in_store_ean13
from kiosk.core.changes import ApplyReport, apply_changes
from kiosk.core.db.cache import open_cache
from kiosk_contract.catalog import Category, ChangeBatch, Product, StockLevel, Store
from kiosk_demo import CHECKOUT

log = logging.getLogger(__name__)

BATCH_SIZE = 500
STOCK_SEED = "luma-demo-stock-1"
FEATURED_CATEGORY = "Collections/Erin Recommends"
LUMA_GEAR_FILES = ("bags", "fitness_equipment", "fitness_equipment_ball",
                   "fitness_equipment_strap", "watches")

# The catalog in French: our translation of Luma, a Magento store-view file (written by
# scripts/make-luma-french), whose store view `fr` is in French.
LUMA_FRENCH_STORE_VIEW = CHECKOUT / "assets" / "demo" / "luma_fr_store_view.csv"
LUMA_STORE_VIEWS = {"fr": "fr"}

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _hours(weekday: str, saturday: str, sunday: str = "") -> dict[str, str]:
    return {day: weekday for day in _WEEKDAYS[:5]} | {"sat": saturday, "sun": sunday}


# Eight stores in real French city centres. Phone numbers are in the range ARCEP keeps
# for fiction (01 99 00 ...), so no real line is ever rung from a demo.
DEMO_STORES = (
    Store("paris-rivoli", "Luma Paris Rivoli", "112 rue de Rivoli", "75001", "Paris",
          48.8603, 2.3447, "+33 1 99 00 10 01",
          _hours("10:00-20:00", "10:00-20:00", "11:00-19:00")),
    Store("lyon-republique", "Luma Lyon République", "45 rue de la République", "69002", "Lyon",
          45.7620, 4.8358, "+33 1 99 00 10 02", _hours("10:00-19:30", "10:00-19:30")),
    Store("marseille-canebiere", "Luma Marseille Canebière", "52 La Canebière", "13001",
          "Marseille", 43.2973, 5.3790, "+33 1 99 00 10 03", _hours("10:00-19:00", "10:00-19:30")),
    Store("toulouse-capitole", "Luma Toulouse Capitole", "18 rue d'Alsace-Lorraine", "31000",
          "Toulouse", 43.6040, 1.4450, "+33 1 99 00 10 04", _hours("10:00-19:30", "10:00-19:30")),
    Store("bordeaux-sainte-catherine", "Luma Bordeaux Sainte-Catherine",
          "90 rue Sainte-Catherine", "33000", "Bordeaux", 44.8378, -0.5737, "+33 1 99 00 10 05",
          _hours("10:00-19:30", "10:00-20:00")),
    Store("lille-neuve", "Luma Lille Rue Neuve", "30 rue Neuve", "59800", "Lille",
          50.6362, 3.0640, "+33 1 99 00 10 06", _hours("10:00-19:30", "10:00-19:30")),
    Store("nantes-crebillon", "Luma Nantes Crébillon", "8 rue Crébillon", "44000", "Nantes",
          47.2131, -1.5613, "+33 1 99 00 10 07", _hours("10:00-19:00", "10:00-19:30")),
    Store("strasbourg-kleber", "Luma Strasbourg Kléber", "15 place Kléber", "67000",
          "Strasbourg", 48.5836, 7.7456, "+33 1 99 00 10 08", _hours("10:00-19:00", "09:30-19:00")),
)


def read_luma(luma_dir: Path, store_view_file: Path | None = None) -> ImportResult:
    """Every physical product of the Luma catalog, apparel and gear, in English, and in
    French too when given our store view (LUMA_FRENCH_STORE_VIEW): the demo reads it."""
    result = ImportResult()
    for tree in ("categories_configurable.csv", "categories_catalog.csv"):
        result.merge(read_categories(luma_dir / tree))
    result.merge(read_standard_products(luma_dir / "products.csv"))
    images, image_problems = read_image_lists(sorted(luma_dir.glob("images_catalog_*.csv")))
    result.problems.extend(image_problems)
    for name in LUMA_GEAR_FILES:
        result.merge(read_sample_data_products(
            luma_dir / f"products_catalog_simple_gear_{name}.csv", images))
    if store_view_file is not None:
        read_store_view_file(store_view_file, LUMA_STORE_VIEWS, result)
    return result


def with_barcodes(products: list[Product]) -> list[Product]:
    taken: set[str] = set()
    return [
        dataclasses.replace(product, variants=tuple(
            dataclasses.replace(v, barcode=v.barcode or in_store_ean13(v.sku, taken))
            for v in product.variants))
        for product in products
    ]


def with_featured(products: list[Product]) -> list[Product]:
    return [dataclasses.replace(p, featured=FEATURED_CATEGORY in p.categories) for p in products]


def with_category_images(categories: dict[str, Category],
                         products: list[Product]) -> list[Category]:
    """Give each category the image of its first featured (else first) product."""
    ordered = sorted(products, key=lambda p: not p.featured)
    image_of: dict[str, str] = {}
    for product in ordered:
        for path in product.categories:
            parts = path.split("/")
            for depth in range(1, len(parts) + 1):
                if product.image:
                    image_of.setdefault("/".join(parts[:depth]), product.image)
    return [dataclasses.replace(c, image=c.image or image_of.get(c.path))
            for c in categories.values()]


def demo_stock(products: list[Product], stores: tuple[Store, ...],
               now: datetime) -> Iterator[StockLevel]:
    """Plausible stock for every variant in every store, the same on every build."""
    for product in products:
        rng = random.Random(f"{STOCK_SEED}:{product.sku}")
        out_everywhere = rng.random() < 0.06
        for variant in product.variants:
            for store in stores:
                if out_everywhere:
                    quantity = 0
                else:
                    roll = rng.random()
                    quantity = 0 if roll < 0.22 else rng.randint(1, 3) if roll < 0.4 \
                        else rng.randint(4, 25)
                restock = None
                if quantity == 0 and (out_everywhere or rng.random() < 0.5):
                    restock = (now.date() + timedelta(days=rng.randint(4, 40))).isoformat()
                taken = now - timedelta(minutes=rng.randint(1, 180))
                yield StockLevel(variant.sku, store.id, quantity,
                                 taken.isoformat(timespec="seconds").replace("+00:00", "Z"),
                                 restock)


def build_demo_cache(luma_dir: Path, data_dir: Path, *,
                     now: datetime | None = None) -> tuple[ImportResult, ApplyReport]:
    """Import Luma into `data_dir/cache.db` through the same path sync uses."""
    now = now or datetime.now(timezone.utc)
    imported = read_luma(luma_dir, LUMA_FRENCH_STORE_VIEW)
    products = with_featured(with_barcodes(imported.products))
    categories = with_category_images(imported.categories, products)
    opened = open_cache(data_dir)
    total = ApplyReport()
    try:
        _add(total, apply_changes(opened.conn, ChangeBatch(categories=categories,
                                                           stores=list(DEMO_STORES))))
        for start in range(0, len(products), BATCH_SIZE):
            _add(total, apply_changes(opened.conn,
                                      ChangeBatch(products=products[start:start + BATCH_SIZE])))
        stock = list(demo_stock(products, DEMO_STORES, now))
        for start in range(0, len(stock), BATCH_SIZE * 20):
            _add(total, apply_changes(opened.conn,
                                      ChangeBatch(stock=stock[start:start + BATCH_SIZE * 20])))
    finally:
        opened.conn.close()
    notice = luma_dir / "LICENSE-NOTICE.md"
    if notice.exists():   # the licence asks that the notice travel with derived copies
        shutil.copyfile(notice, data_dir / "LUMA-LICENSE-NOTICE.md")
    return imported, total


def seed_central(db: Database, luma_dir: Path) -> ImportResult:
    """The demo chain: eight stores, the Luma catalog in English and French, stock
    everywhere. Rerunnable."""
    imported = read_luma(luma_dir, LUMA_FRENCH_STORE_VIEW)
    products = with_featured(with_barcodes(imported.products))
    categories = with_category_images(imported.categories, products)
    with db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        writer.stores(DEMO_STORES)
        writer.categories(categories)
        for start in range(0, len(products), BATCH_SIZE):
            writer.products(products[start:start + BATCH_SIZE])
        stock = list(demo_stock(products, DEMO_STORES, utc_now()))
        for start in range(0, len(stock), BATCH_SIZE * 10):
            writer.stock(stock[start:start + BATCH_SIZE * 10])
    return imported



def _add(total: ApplyReport, part: ApplyReport) -> None:
    for field in dataclasses.fields(ApplyReport):
        setattr(total, field.name, getattr(total, field.name) + getattr(part, field.name))

