"""The catalog as the rest of the kiosk sees it: plain, immutable records.

The same records come from the Magento importer (demo data) and from the central
server's change feed, and both are written by `kiosk.core.changes.apply_changes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

CATEGORY_SEPARATOR = "/"

# A record's text in other languages than the chain's default, by language code ('fr'),
# each holding only the fields translated: {'fr': {'name': 'Vestes'}}. What a language
# leaves out is read in the default language.
Translations = dict[str, dict[str, Any]]
# The language codes translations are keyed by: 'fr', 'pt-BR', 'zh_Hant'.
LANGUAGE_CODE = r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?"


@dataclass(frozen=True)
class Category:
    path: str                  # 'Men/Tops/Jackets', unique
    name: str
    position: int = 0
    in_menu: bool = True
    image: str | None = None
    translations: Translations = field(default_factory=dict)     # name

    @property
    def parent_path(self) -> str | None:
        head, sep, _ = self.path.rpartition(CATEGORY_SEPARATOR)
        return head if sep else None


@dataclass(frozen=True)
class Variant:
    sku: str
    price_cents: int
    size: str | None = None
    color: str | None = None
    barcode: str | None = None
    special_price_cents: int | None = None
    image: str | None = None
    translations: Translations = field(default_factory=dict)     # size, color


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    price_cents: int
    variants: tuple[Variant, ...]
    categories: tuple[str, ...] = ()          # category paths
    description_html: str = ""                # sanitised again when written
    special_price_cents: int | None = None
    special_from: str | None = None           # ISO dates, inclusive
    special_to: str | None = None
    image: str | None = None                  # relative to the images directory
    gallery: tuple[str, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)
    featured: bool = False
    short_description_html: str = ""
    image_label: str | None = None            # the main image's caption
    # name, description_html, short_description_html, image_label, attributes (values)
    translations: Translations = field(default_factory=dict)


@dataclass(frozen=True)
class Store:
    id: str
    name: str
    address: str
    postal_code: str
    city: str
    latitude: float
    longitude: float
    phone: str = ""
    opening_hours: dict[str, str] = field(default_factory=dict)   # 'mon' -> '10:00-20:00'


@dataclass(frozen=True)
class StockLevel:
    variant_sku: str
    store_id: str
    quantity: int
    taken_at: str                   # server time, ISO 8601 UTC
    restock_date: str | None = None  # ISO date


TombstoneKind = Literal["product", "category", "store", "stock"]


@dataclass(frozen=True)
class Tombstone:
    """A deletion. For stock the key is 'SKU@STORE'."""

    kind: TombstoneKind
    key: str


@dataclass
class ChangeBatch:
    """Changes to apply together. A batch holds at most one change per record."""

    categories: list[Category] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    stores: list[Store] = field(default_factory=list)
    stock: list[StockLevel] = field(default_factory=list)
    deletions: list[Tombstone] = field(default_factory=list)

    def __len__(self) -> int:
        return (len(self.categories) + len(self.products) + len(self.stores)
                + len(self.stock) + len(self.deletions))
