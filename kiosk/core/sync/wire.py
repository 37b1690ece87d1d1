"""The change feed's JSON, read into catalog records, trusting nothing.

A page the kiosk cannot read is an error of the server or of the network (a truncated
body): it is refused whole, never half applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.core.catalog import Category, ChangeBatch, Product, StockLevel, Store, Tombstone, Variant


class ProtocolError(ValueError):
    """The server's answer does not follow the contract (docs/api.md)."""


@dataclass(frozen=True)
class PageHead:
    cursor: str | None
    has_more: bool
    reset: bool


@dataclass(frozen=True)
class ChangesPage:
    batch: ChangeBatch
    cursor: str | None
    has_more: bool
    reset: bool


def read_page_head(body: Any) -> PageHead:
    """Where a page ends and whether more follow: enough to ask for the next page
    before reading this one's records."""
    doc = _Reader(body, "page")
    if doc.boolean("reset"):
        return PageHead(None, False, True)
    return PageHead(doc.text("cursor"), doc.boolean("has_more"), False)


def read_changes_page(body: Any) -> ChangesPage:
    head = read_page_head(body)
    if head.reset:
        return ChangesPage(ChangeBatch(), None, False, True)
    doc = _Reader(body, "page")
    batch = ChangeBatch(
        categories=[_category(item) for item in doc.items("categories")],
        products=[_product(item) for item in doc.items("products")],
        stores=[_store(item) for item in doc.items("stores")],
        stock=_stock_levels(doc),
        deletions=[_tombstone(item) for item in doc.items("deletions")],
    )
    return ChangesPage(batch, head.cursor, head.has_more, False)


def _category(r: _Reader) -> Category:
    return Category(r.text("path"), r.text("name"), r.integer("position", default=0),
                    r.boolean("in_menu", default=True), r.optional_text("image"))


def _variant(r: _Reader) -> Variant:
    return Variant(r.text("sku"), r.cents("price_cents"), r.optional_text("size"),
                   r.optional_text("color"), r.optional_text("barcode"),
                   r.optional_cents("special_price_cents"), r.optional_text("image"))


def _product(r: _Reader) -> Product:
    return Product(
        sku=r.text("sku"), name=r.text("name"), price_cents=r.cents("price_cents"),
        variants=tuple(_variant(v) for v in r.items("variants")),
        categories=tuple(r.texts("categories")),
        description_html=r.optional_text("description_html") or "",
        special_price_cents=r.optional_cents("special_price_cents"),
        special_from=r.optional_text("special_from"), special_to=r.optional_text("special_to"),
        image=r.optional_text("image"), gallery=tuple(r.texts("gallery")),
        attributes=r.text_map("attributes"), featured=r.boolean("featured", default=False))


def _store(r: _Reader) -> Store:
    return Store(r.text("id"), r.text("name"), r.text("address"), r.text("postal_code"),
                 r.text("city"), r.number("latitude"), r.number("longitude"),
                 r.optional_text("phone") or "", r.text_map("opening_hours"))


def _stock_levels(doc: _Reader) -> list[StockLevel]:
    # A first sync reads millions of these: each is checked in one go, and only one that
    # fails goes through the field-by-field reader, which names what is wrong with it.
    levels = []
    for n, item in enumerate(doc.raw_items("stock")):
        level = _plain_stock(item)
        if level is None:
            level = _stock(_Reader(item, f"{doc.path}.stock.{n}"))
        levels.append(level)
    return levels


def _plain_stock(item: Any) -> StockLevel | None:
    """The stock figure `item` holds, if it is exactly as the contract says; else None."""
    if type(item) is not dict:
        return None
    sku, store, quantity = item.get("variant_sku"), item.get("store_id"), item.get("quantity")
    taken_at, restock_date = item.get("taken_at"), item.get("restock_date")
    # type() rather than isinstance(): True is an int to isinstance, not to the contract.
    if type(sku) is str and type(store) is str and type(quantity) is int and quantity >= 0 \
            and type(taken_at) is str and (restock_date is None or type(restock_date) is str):
        return StockLevel(sku, store, quantity, taken_at, restock_date)
    return None


def _stock(r: _Reader) -> StockLevel:
    return StockLevel(r.text("variant_sku"), r.text("store_id"), r.cents("quantity"),
                      r.text("taken_at"), r.optional_text("restock_date"))


def _tombstone(r: _Reader) -> Tombstone:
    kind = r.text("kind")
    if kind not in ("product", "category", "store", "stock"):
        raise ProtocolError(f"{r.path}.kind: unknown kind {kind!r}")
    return Tombstone(kind, r.text("key"))   # type: ignore[arg-type]


class _Reader:
    """Typed access to one JSON object, naming the faulty field's path on error."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise ProtocolError(f"{path}: expected an object")
        self.value, self.path = value, path

    def _get(self, key: str, default: Any = ..., *, optional: bool = False) -> Any:
        if key not in self.value or (optional and self.value[key] is None):
            if default is ...:
                if optional:
                    return None
                raise ProtocolError(f"{self.path}.{key}: missing")
            return default
        return self.value[key]

    def _fail(self, key: str, expected: str) -> ProtocolError:
        return ProtocolError(f"{self.path}.{key}: expected {expected}")

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, optional=True)
        if value is not None and not isinstance(value, str):
            raise self._fail(key, "a string or null")
        return value

    def boolean(self, key: str, default: Any = ...) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def integer(self, key: str, default: Any = ...) -> int:
        value = self._get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._fail(key, "an integer")
        return value

    def cents(self, key: str) -> int:
        value = self.integer(key)
        if value < 0:
            raise self._fail(key, "a non-negative integer")
        return value

    def optional_cents(self, key: str) -> int | None:
        return None if self._get(key, optional=True) is None else self.cents(key)

    def number(self, key: str) -> float:
        value = self._get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self._fail(key, "a number")
        return float(value)

    def texts(self, key: str) -> list[str]:
        value = self._get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fail(key, "a list of strings")
        return value

    def text_map(self, key: str) -> dict[str, str]:
        value = self._get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self._fail(key, "an object of strings")
        return dict(value)

    def raw_items(self, key: str) -> list[Any]:
        value = self._get(key, [])
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return value

    def items(self, key: str) -> list[_Reader]:
        return [_Reader(item, f"{self.path}.{key}.{n}")
                for n, item in enumerate(self.raw_items(key))]
