"""A product of its own for one test, and order lines for it."""

from __future__ import annotations

import uuid

from central.catalog import CatalogWriter
from kiosk_contract.catalog import Product, StockLevel, Variant


def own_product(api, price_cents: int, stock: dict[str, int] | None = None,
                name: str = "Test jacket", translations: dict | None = None,
                variant_translations: dict | None = None) -> str:
    """A product of one variant that only the calling test uses; its variant's SKU."""
    sku = "ZZ-" + uuid.uuid4().hex[:8].upper()
    variant = Variant(sku + "-M", price_cents, size="M", color="Blue",
                      translations=variant_translations or {})
    with api.db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        writer.products([Product(sku, name, price_cents, (variant,),
                                 translations=translations or {})])
        writer.stock([StockLevel(sku + "-M", store, quantity, "2026-11-24T10:00:00Z")
                      for store, quantity in (stock or {}).items()])
    return sku + "-M"


def reprice(api, variant_sku: str, price_cents: int) -> None:
    product_sku = variant_sku.removesuffix("-M")
    with api.db.writing(catalog=True) as session:
        CatalogWriter(session).products([Product(
            product_sku, "Test jacket", price_cents,
            (Variant(variant_sku, price_cents, size="M", color="Blue"),))])


def line(sku: str, unit_price_cents: int, quantity: int = 1, name: str = "Test jacket"
         ) -> dict:
    return {"sku": sku, "name": name, "size": "M", "color": "Blue", "quantity": quantity,
            "unit_price_cents": unit_price_cents}


def with_lines(body: dict, *lines: dict) -> dict:
    total = sum(item["quantity"] * item["unit_price_cents"] for item in lines) \
        + body["delivery"]["fee_cents"]
    return body | {"lines": list(lines), "total_cents": total}
