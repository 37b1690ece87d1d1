"""Filling the central catalog: a Magento CSV, a stock CSV."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import select

from central.catalog import CatalogWriter
from central.db import models
from central.db.engine import Database, iso, utc_now
from central.magento import (
    HeldTranslations,
    ImportResult,
    read_standard_products,
    read_store_view_file,
)
from central.progress import Progress
from kiosk_contract.catalog import Category, Product, StockLevel, Variant

BATCH = 1000


def import_magento(db: Database, csv_path: Path, images_dir: Path | None,
                   server_images: Path | None, store_views: dict[str, str] | None = None,
                   progress: Progress | None = None) -> ImportResult:
    """`store_views` maps store-view codes to languages: their rows are translations. A file
    of store-view rows only translates the products the catalog holds already. The
    translations held that a file's store-view rows do not replace are kept
    (`central.magento.StoreViewTexts`): a file of default rows alone keeps
    them all."""
    skus = _translated_skus(csv_path)
    if skus is not None:
        return _import_translations(db, csv_path, store_views or {}, skus)
    reading = (lambda rows, fraction: progress.step("rows read", rows, fraction)) \
        if progress else None

    def held(product_skus: list[str], paths: list[str]) -> HeldTranslations:
        with db.reading() as session:
            return _held_translations(session, product_skus, paths)

    imported = read_standard_products(csv_path, store_views, reading, held)
    with db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        known = {path: translations for path, translations in session.execute(
            select(models.Category.path, models.Category.translations))}
        writer.categories([c for c in imported.categories.values() if c.path not in known])
        writer.category_translations({c.path: c.translations
                                      for c in imported.categories.values()
                                      if c.path in known and c.translations != known[c.path]})
        total = len(imported.products)
        for start in range(0, total, BATCH):
            writer.products(imported.products[start:start + BATCH])
            if progress:
                written = min(total, start + BATCH)
                progress.step("products written", written, written / total)
    if images_dir is not None and server_images is not None:
        _copy_images(imported, images_dir, server_images)
    return imported


def _held_translations(session, product_skus: list[str], paths: list[str]) -> HeldTranslations:
    """The translations stored for these products, their variants and these categories
    (only those that hold some)."""
    products, variants, categories = {}, {}, {}
    for chunk in _chunks(product_skus):
        products.update(
            (sku, translations) for sku, translations in session.execute(
                select(models.Product.sku, models.Product.translations)
                .where(models.Product.sku.in_(chunk))) if translations)
        variants.update(
            (sku, (size, color, translations)) for sku, size, color, translations in
            session.execute(select(models.Variant.sku, models.Variant.size,
                                   models.Variant.color, models.Variant.translations)
                            .where(models.Variant.product_sku.in_(chunk))) if translations)
    for chunk in _chunks(paths):
        categories.update(
            (path, translations) for path, translations in session.execute(
                select(models.Category.path, models.Category.translations)
                .where(models.Category.path.in_(chunk))) if translations)
    return HeldTranslations(products, variants, categories)


def _translated_skus(csv_path: Path) -> set[str] | None:
    """The SKUs of a file that holds store-view rows only (as Magento exports a store
    view), else None: a file with a default row is a catalog."""
    skus = set()
    with csv_path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle, skipinitialspace=True)     # as the importer reads it
        if "store_view_code" not in (reader.fieldnames or []):
            return None
        for row in reader:
            if not (row.get("store_view_code") or "").strip():
                return None
            skus.add((row.get("sku") or "").strip())
    return skus or None


def _import_translations(db: Database, csv_path: Path, store_views: dict[str, str],
                         skus: set[str]) -> ImportResult:
    """Give the products, variants and categories stored the translations of a file of
    store-view rows; what its rows do not replace is kept."""
    with db.reading() as session:
        catalog = _stored_catalog(session, skus)
    before = {p.sku: p for p in catalog.products}
    categories_before = dict(catalog.categories)
    read_store_view_file(csv_path, store_views, catalog)
    changed = [p for p in catalog.products if p != before[p.sku]]
    with db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        for start in range(0, len(changed), BATCH):
            writer.product_translations(changed[start:start + BATCH])
        writer.category_translations({path: c.translations
                                      for path, c in catalog.categories.items()
                                      if c != categories_before[path]})
    return catalog


def _stored_catalog(session, skus: set[str]) -> ImportResult:
    """The stored products the SKUs name, as themselves or by one of their variants, with
    what a store-view row translates, and their categories."""
    catalog = ImportResult()
    owners = set()
    for chunk in _chunks(sorted(skus)):
        owners |= set(session.scalars(select(models.Variant.product_sku)
                                      .where(models.Variant.sku.in_(chunk))))
        owners |= set(session.scalars(select(models.Product.sku)
                                      .where(models.Product.sku.in_(chunk))))
    paths = set()
    product = models.Product
    for chunk in _chunks(sorted(owners)):
        # Two queries a chunk, the variants in their order: not an ORM load per product.
        variants: dict[str, list[Variant]] = {}
        for row in session.execute(
                select(models.Variant.product_sku, models.Variant.sku,
                       models.Variant.price_cents, models.Variant.size, models.Variant.color,
                       models.Variant.translations)
                .where(models.Variant.product_sku.in_(chunk))
                .order_by(models.Variant.product_sku, models.Variant.position)):
            variants.setdefault(row.product_sku, []).append(Variant(
                row.sku, row.price_cents, size=row.size, color=row.color,
                translations=row.translations))
        for row in session.execute(
                select(product.sku, product.name, product.price_cents, product.categories,
                       product.description_html, product.attributes,
                       product.short_description_html, product.image_label,
                       product.translations).where(product.sku.in_(chunk))):
            catalog.products.append(Product(
                sku=row.sku, name=row.name, price_cents=row.price_cents,
                variants=tuple(variants.get(row.sku, ())), categories=tuple(row.categories),
                description_html=row.description_html, attributes=dict(row.attributes),
                short_description_html=row.short_description_html,
                image_label=row.image_label, translations=row.translations))
            paths |= {"/".join(path.split("/")[:depth]) for path in row.categories
                      for depth in range(1, path.count("/") + 2)}
    for chunk in _chunks(sorted(paths)):
        for row in session.scalars(select(models.Category)
                                   .where(models.Category.path.in_(chunk))):
            catalog.categories[row.path] = Category(row.path, row.name,
                                                    translations=row.translations)
    return catalog


def _chunks(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _copy_images(imported: ImportResult, source: Path, target: Path) -> None:
    names = {p.image for p in imported.products if p.image}
    names |= {g for p in imported.products for g in p.gallery}
    for name in names:
        origin = source / name
        if origin.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target / name)


@dataclass
class StockImport:
    imported: int = 0
    problems: list[str] = field(default_factory=list)


def import_stock(db: Database, csv_path: Path, progress: Progress | None = None) -> StockImport:
    """Columns store, sku, quantity, restock_date. Bad rows are reported; good ones kept."""
    result = StockImport()
    levels = []
    taken = iso(utc_now())
    with db.reading() as session:
        stores = set(session.scalars(select(models.Store.id)))
        variants = set(session.scalars(select(models.Variant.sku)))
    size = max(1, csv_path.stat().st_size)
    with csv_path.open("rb") as raw, \
            io.TextIOWrapper(raw, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"store", "sku", "quantity", "restock_date"} - set(reader.fieldnames or [])
        if missing:
            result.problems.append(f"{csv_path}: missing columns: {', '.join(sorted(missing))}")
            return result
        for number, row in enumerate(reader, start=1):
            if progress:
                progress.step("rows read", number, min(1.0, raw.tell() / size))
            line = reader.line_num
            problem = _stock_problem(row, stores, variants)
            if problem:
                result.problems.append(f"{csv_path}:{line}: {problem}")
                continue
            levels.append(StockLevel(row["sku"], row["store"], int(row["quantity"]), taken,
                                     row["restock_date"].strip() or None))
    if levels:
        with db.writing(catalog=True) as session:
            writer = CatalogWriter(session)
            for start in range(0, len(levels), BATCH * 5):
                writer.stock(levels[start:start + BATCH * 5])
                if progress:
                    written = min(len(levels), start + BATCH * 5)
                    progress.step("figures written", written, written / len(levels))
    result.imported = len(levels)
    return result


def _stock_problem(row: dict, stores: set[str], variants: set[str]) -> str | None:
    if row["store"] not in stores:
        return f"unknown store {row['store']!r}"
    if row["sku"] not in variants:
        return f"unknown SKU {row['sku']!r}"
    quantity = row["quantity"].strip()
    if not quantity.isdigit():
        return f"quantity must be a whole number of 0 or more, got {quantity!r}"
    restock = row["restock_date"].strip()
    if restock:
        try:
            date.fromisoformat(restock)
        except ValueError:
            return f"restock_date must be a date like 2026-12-12, got {restock!r}"
    return None


def prune_deletions(db: Database, older_than_days: int) -> int:
    """Forget deletions older than the retention; terminals further behind will reset."""
    from datetime import timedelta

    from sqlalchemy import delete, func

    cutoff = datetime.now(timezone.utc) - timedelta(days=older_than_days)
    with db.writing(catalog=True) as session:
        old = (models.ChangeLog.deleted.is_(True)) & (models.ChangeLog.changed_at < cutoff)
        highest = session.scalar(select(func.max(models.ChangeLog.seq)).where(old))
        if highest is None:
            return 0
        removed = session.execute(delete(models.ChangeLog).where(old)).rowcount
        mark = session.get(models.Meta, "pruned_through")
        mark.value = str(max(int(mark.value), highest))
        return removed
