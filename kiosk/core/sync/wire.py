"""The change feed's JSON, read into catalog records, trusting nothing.

A page the kiosk cannot read is an error of the server or of the network (a truncated
body): it is refused whole, never half applied.

A first sync reads millions of stock figures and hundreds of thousands of products, so
each record is first checked in one go, the common case; only a record that fails that
check goes through the field-by-field reader, which accepts it or names what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from kiosk.core.catalog import Category, ChangeBatch, Product, StockLevel, Store, Tombstone, Variant
from kiosk.core.changes import StockRow


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
    # The page's stock figures, as rows for `apply_changes(stock_rows=...)`: a StockLevel
    # for each of millions would cost more than the rest of the page.
    stock_rows: list[StockRow] = field(default_factory=list)

    @property
    def records(self) -> int:
        return len(self.batch) + len(self.stock_rows)


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
        products=_products(doc),
        stores=[_store(item) for item in doc.items("stores")],
        deletions=[_tombstone(item) for item in doc.items("deletions")],
    )
    return ChangesPage(batch, head.cursor, head.has_more, False, _stock_rows(doc))


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


def _products(doc: _Reader) -> list[Product]:
    products = []
    for n, item in enumerate(doc.raw_items("products")):
        product = _plain_product(item)
        if product is None:
            product = _product(_Reader(item, f"{doc.path}.products.{n}"))
        products.append(product)
    return products


def _plain_product(item: Any) -> Product | None:
    """The product `item` holds, if every field is plainly as the contract says (lists
    and flags present, not left out); else None."""
    if type(item) is not dict:
        return None
    get = item.get
    sku, name, price, special = get("sku"), get("name"), get("price_cents"), \
        get("special_price_cents")
    description, special_from, special_to, image = get("description_html"), \
        get("special_from"), get("special_to"), get("image")
    raw_variants, categories, gallery, attributes, featured = get("variants"), \
        get("categories"), get("gallery"), get("attributes"), get("featured")
    if not (type(sku) is str and type(name) is str and _is_cents(price)
            and (special is None or _is_cents(special)) and _is_text_or_none(description)
            and _is_text_or_none(special_from) and _is_text_or_none(special_to)
            and _is_text_or_none(image) and type(featured) is bool
            and type(categories) is list and set(map(type, categories)) <= _STR
            and type(gallery) is list and set(map(type, gallery)) <= _STR
            and type(attributes) is dict and set(map(type, attributes.values())) <= _STR
            and type(raw_variants) is list):
        return None
    variants = tuple(map(_plain_variant, raw_variants))
    if not all(variants):       # a variant is always true, None never (and `in` calls __eq__)
        return None
    return Product(sku=sku, name=name, price_cents=price, variants=variants,  # type: ignore[arg-type]
                   categories=tuple(categories), description_html=description or "",
                   special_price_cents=special, special_from=special_from,
                   special_to=special_to, image=image, gallery=tuple(gallery),
                   attributes=attributes, featured=featured)


def _plain_variant(item: Any) -> Variant | None:
    if type(item) is not dict:
        return None
    get = item.get
    sku, price, special = get("sku"), get("price_cents"), get("special_price_cents")
    size, color, barcode, image = get("size"), get("color"), get("barcode"), get("image")
    if (type(sku) is str and _is_cents(price) and (special is None or _is_cents(special))
            and _is_text_or_none(size) and _is_text_or_none(color)
            and _is_text_or_none(barcode) and _is_text_or_none(image)):
        return Variant(sku, price, size, color, barcode, special, image)
    return None


def _is_cents(value: Any) -> bool:
    return type(value) is int and value >= 0


def _is_text_or_none(value: Any) -> bool:
    return value is None or type(value) is str


def _store(r: _Reader) -> Store:
    return Store(r.text("id"), r.text("name"), r.text("address"), r.text("postal_code"),
                 r.text("city"), r.number("latitude"), r.number("longitude"),
                 r.optional_text("phone") or "", r.text_map("opening_hours"))


_STOCK_FIELDS = itemgetter("variant_sku", "store_id", "quantity", "taken_at", "restock_date")


def _stock_rows(doc: _Reader) -> list[StockRow]:
    items = doc.raw_items("stock")
    try:
        # Not a dict, or a key missing (restock_date may be left out): the slow path.
        rows = list(map(_STOCK_FIELDS, items))
    except (KeyError, TypeError):
        rows = None
    # Checked a column at a time, with the loops in C. type() rather than isinstance():
    # True is an int to isinstance, not to the contract.
    if rows:
        skus, stores, quantities, taken, restock = zip(*rows, strict=True)
        if (set(map(type, skus)) == _STR and set(map(type, stores)) == _STR
                and set(map(type, quantities)) == _INT and min(quantities) >= 0
                and set(map(type, taken)) == _STR and set(map(type, restock)) <= _STR_OR_NONE):
            return rows
    elif rows is not None:
        return rows
    return [_stock_row(_Reader(item, f"{doc.path}.stock.{n}")) for n, item in enumerate(items)]


_STR, _INT, _STR_OR_NONE = {str}, {int}, {str, type(None)}


def _stock_row(r: _Reader) -> StockRow:
    level = _stock(r)
    return (level.variant_sku, level.store_id, level.quantity, level.taken_at,
            level.restock_date)


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
