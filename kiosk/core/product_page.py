"""Read-side queries for the product screen: the whole page in one call, and its neighbours.

`load_product` answers in a few cheap indexed reads (the product, its variants with this
store's stock, its category), so the screen can call it on every tap without a cache.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import Literal

from kiosk.core.catalog_text import in_language, translated
from kiosk.core.config import AGREES_WITH_SPECIAL_PRICE, ShownAttribute
from kiosk.core.orders import BasketLine
from kiosk.core.products import ProductCard, cards_by_id
from kiosk_contract.richtext import clean_label

DEFAULT_FEW_LEFT = 3
StockLevelName = Literal["in_stock", "few_left", "out_of_stock"]
# Where what fits a choice can be had: on this store's shelves, only in other stores, nowhere.
Availability = Literal["here", "elsewhere", "nowhere"]

_LETTER_SIZES = {size: rank for rank, size in enumerate(("XS", "S", "M", "L", "XL", "XXL"))}
# How catalogs write a yes/no flag.
_YES, _NO = frozenset({"yes", "true", "1", "oui"}), frozenset({"no", "false", "0", "non"})


@dataclass(frozen=True)
class VariantOption:
    sku: str
    size: str | None
    color: str | None
    barcode: str | None
    price_cents: int              # what the shopper pays today
    regular_price_cents: int
    image: str | None
    quantity_here: int            # 0 when this store has no figure for it
    taken_at: str | None          # server time of this store's figure, None without one
    restock_date: str | None      # ISO date, when this store expects more
    in_stock_anywhere: bool       # in this store or any other

    @property
    def in_stock_here(self) -> bool:
        return self.quantity_here > 0

    @property
    def on_special(self) -> bool:
        return self.price_cents < self.regular_price_cents


@dataclass(frozen=True)
class ProductPage:
    id: int
    sku: str
    name: str
    description_html: str              # sanitised when it was written to the cache
    attributes: dict[str, str]         # source key -> value, in catalog order
    gallery: tuple[str, ...]           # the main image first, no repeats
    price_cents: int                   # what the shopper pays today
    regular_price_cents: int
    special_until: date | None         # last day of a running special price, if it has one
    category_path: str | None          # the deepest menu category it is in (for breadcrumbs)
    variants: tuple[VariantOption, ...]
    sizes: tuple[str, ...]             # XS..XXL, then numbers ascending, then the others
    colors: tuple[str, ...]            # in catalog order
    # Sizes and colours as the shopper reads them, where their language names them
    # otherwise. A choice is kept by the catalog's own word, whatever the language.
    size_words: dict[str, str] = field(default_factory=dict)
    color_words: dict[str, str] = field(default_factory=dict)
    short_description_html: str = ""   # sanitised too; "" when the catalog gives none
    # What the main picture (gallery[0]) shows, in words: its name for a screen reader.
    image_label: str | None = None

    def picture_labels(self) -> dict[str, str]:
        """Pictures' descriptions by image, for those the catalog describes."""
        return {self.gallery[0]: self.image_label} if self.gallery and self.image_label \
            else {}

    def size_word(self, size: str) -> str:
        return self.size_words.get(size, size)

    def color_word(self, color: str) -> str:
        return self.color_words.get(color, color)

    def option_word(self, option: str) -> str:
        """A size or a colour (as options_here gives them) in the shopper's words."""
        return self.color_words.get(option) or self.size_word(option)

    @property
    def on_special(self) -> bool:
        return self.price_cents < self.regular_price_cents

    def variant_for(self, size: str | None, color: str | None) -> VariantOption | None:
        return next((v for v in self.variants if v.size == size and v.color == color), None)

    def sizes_for_color(self, color: str | None) -> tuple[str, ...]:
        """The sizes that exist in `color`, in the order of `sizes`."""
        available = {v.size for v in self.variants if v.color == color}
        return tuple(size for size in self.sizes if size in available)

    def colors_for_size(self, size: str | None) -> tuple[str, ...]:
        """The colours that exist in `size`, in the order of `colors`."""
        available = {v.color for v in self.variants if v.size == size}
        return tuple(color for color in self.colors if color in available)

    def fitting(self, size: str | None, color: str | None) -> tuple[VariantOption, ...]:
        """The variants that fit a choice; None leaves that option open."""
        return tuple(v for v in self.variants
                     if (size is None or v.size == size) and (color is None or v.color == color))

    def availability(self, size: str | None, color: str | None) -> Availability:
        fitting = self.fitting(size, color)
        if any(v.in_stock_here for v in fitting):
            return "here"
        return "elsewhere" if any(v.in_stock_anywhere for v in fitting) else "nowhere"

    def initial_choice(self, scanned_sku: str | None = None) -> tuple[str | None, str | None]:
        """(size, colour) to show chosen when the page opens: those of the variant scanned,
        else only what leaves no choice (a single size, a single colour). A size or colour
        the shopper did not pick is never shown as theirs."""
        if scanned_sku:
            wanted = scanned_sku.lower()     # SKUs are case-insensitive in the cache
            scanned = next((v for v in self.variants if v.sku.lower() == wanted), None)
            if scanned is not None:
                return scanned.size, scanned.color
        return self._narrowed(None, None)

    def choose_color(self, size: str | None, color: str) -> tuple[str | None, str | None]:
        """The choice after a tap on a colour: the size stays if the colour comes in it."""
        return self._narrowed(size if size in self.sizes_for_color(color) else None, color)

    def choose_size(self, size: str, color: str | None) -> tuple[str | None, str | None]:
        """The choice after a tap on a size: the colour stays if it comes in that size."""
        return self._narrowed(size, color if color in self.colors_for_size(size) else None)

    def kept_choice(self, size: str | None, color: str | None
                    ) -> tuple[str | None, str | None]:
        """A choice made on an earlier reading of this page: a size or colour no longer
        sold is no longer chosen."""
        return (size if size in self.sizes else None, color if color in self.colors else None)

    def still_to_choose(self, size: str | None, color: str | None) -> tuple[bool, bool]:
        """(a size, a colour): which the shopper must still pick to name a variant."""
        return size is None and bool(self.sizes), color is None and bool(self.colors)

    def options_here(self, size: str | None, color: str | None) -> tuple[str, ...]:
        """Before the choice names a variant, the open options on this store's shelves:
        the sizes while none is chosen, else the colours."""
        if size is None and self.sizes:
            return tuple(s for s in self.sizes if self.availability(s, color) == "here")
        return tuple(c for c in self.colors if self.availability(size, c) == "here")

    def size_may_become(self, sizes: Iterable[str]) -> dict[str, set[Availability]]:
        """Each size with every availability it may be told in once a colour is chosen
        (or none): its chip keeps room for the longest of those words."""
        return {size: {self.availability(size, other)
                       for other in (None, *self.colors_for_size(size))}
                for size in sizes}

    def price_for(self, size: str | None, color: str | None) -> ShownPrice:
        """The price a choice shows: the variant's once it names one; before, the lowest
        of the variants that fit it, a lowest ("from") only where they differ."""
        variant = self.variant_for(size, color)
        fitting = self.fitting(size, color) or self.variants
        shown = variant or min(fitting, key=lambda v: v.price_cents, default=None)
        if shown is None:
            return ShownPrice(self.price_cents, self.regular_price_cents, False)
        return ShownPrice(shown.price_cents, shown.regular_price_cents,
                          variant is None and len({v.price_cents for v in fitting}) > 1)

    def pictures_for(self, size: str | None, color: str | None) -> list[str]:
        """The gallery with the chosen colour's picture first, once a colour is chosen."""
        shown = self.variant_for(size, color)
        if shown is None and color is not None:
            shown = next((v for v in self.fitting(None, color) if v.image), None)
        if shown is None or not shown.image:
            return list(self.gallery)
        return [shown.image, *(image for image in self.gallery if image != shown.image)]

    def basket_line(self, variant: VariantOption) -> BasketLine:
        """One of `variant`, as the basket holds it, pictured by its own image if it has
        one."""
        return BasketLine(sku=variant.sku, product_id=self.id, name=self.name,
                          size=variant.size and self.size_word(variant.size),
                          color=variant.color and self.color_word(variant.color),
                          unit_price_cents=variant.price_cents, quantity=1,
                          image=variant.image or (self.gallery[0] if self.gallery else None))

    def same_apart_from_variants(self, other: ProductPage) -> bool:
        """Whether `other` shows the same as this page but for what a choice picks from
        (variants, sizes, colours): a page read again that is, needs no redrawing."""
        by_variant = {"variants": (), "sizes": (), "colors": (), "size_words": {},
                      "color_words": {}}
        return replace(self, **by_variant) == replace(other, **by_variant)

    def _narrowed(self, size: str | None, color: str | None) -> tuple[str | None, str | None]:
        # An option left with one possibility is no choice: it is filled in.
        if size is None:
            sizes = self.sizes if color is None else self.sizes_for_color(color)
            size = sizes[0] if len(sizes) == 1 else None
        if color is None:
            colors = self.colors if size is None else self.colors_for_size(size)
            color = colors[0] if len(colors) == 1 else None
        return size, color


@dataclass(frozen=True)
class ShownPrice:
    price_cents: int
    regular_price_cents: int
    lowest_of_several: bool         # said as "from" this price

    @property
    def on_special(self) -> bool:
        return self.price_cents < self.regular_price_cents


# The product, None if it is gone, and products like it on this store's shelves.
ProductPageRead = tuple[ProductPage | None, list[ProductCard]]


def read_product_page(conn: sqlite3.Connection, product_id: int, store_id: str, today: date,
                      sku: str | None = None, language: str | None = None
                      ) -> ProductPageRead:
    """The product screen's one read: the page and its similar products. Found by `sku`
    when given: ids are the cache's own, and a cache rebuilt by sync numbers its products
    anew. Its text is in `language` where the catalog translates it."""
    if sku is not None:
        row = conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()
        if row is None:
            return None, []
        product_id = row[0]
    page = load_product(conn, product_id, store_id, today, language)
    similar = (similar_in_stock(conn, product_id, store_id, today=today, language=language)
               if page else [])
    return page, similar


_PRODUCT_SQL = """
SELECT id, sku, name, description_html, price_cents, special_price_cents, special_from,
       special_to, image, gallery, attributes, translations, short_description_html,
       image_label
FROM products WHERE id = ?
"""

# Stock is the left operand so its BINARY key serves the joins (variant SKUs are NOCASE).
_VARIANTS_SQL = """
SELECT v.sku, v.size, v.color, v.barcode, v.price_cents, v.special_price_cents, v.image,
       here.quantity, here.taken_at, here.restock_date, v.translations,
       EXISTS (SELECT 1 FROM stock s WHERE s.variant_sku = v.sku AND s.quantity > 0)
FROM variants v
LEFT JOIN stock here ON here.variant_sku = v.sku AND here.store_id = ?
WHERE v.product_id = ?
ORDER BY v.id
"""

# Menu categories before hidden ones (collections, promotions), then the deepest.
_DEEPEST_CATEGORY_SQL = """
SELECT c.path FROM product_categories pc JOIN categories c ON c.id = pc.category_id
WHERE pc.product_id = ?
ORDER BY c.in_menu DESC, length(c.path) - length(replace(c.path, '/', '')) DESC,
         c.position, c.path
LIMIT 1
"""

_SIMILAR_SQL = """
SELECT p.id, p.price_cents, p.special_price_cents, p.special_from, p.special_to, p.attributes
FROM categories c
JOIN product_categories pc ON pc.category_id = c.id
JOIN products p ON p.id = pc.product_id
WHERE c.path = ? AND p.id != ?
  AND EXISTS (SELECT 1 FROM variants v JOIN stock s ON s.variant_sku = v.sku
              WHERE v.product_id = p.id AND s.store_id = ? AND s.quantity > 0)
"""


def load_product(conn: sqlite3.Connection, product_id: int, store_id: str,
                 today: date, language: str | None = None
                 ) -> ProductPage | None:
    """Everything the product screen shows, with this store's stock, its text in
    `language` where the catalog translates it; None if it is gone."""
    row = conn.execute(_PRODUCT_SQL, (product_id,)).fetchone()
    if row is None:
        return None
    special_runs = _special_runs(row["special_from"], row["special_to"], today)
    price = price_today(row["price_cents"], row["special_price_cents"], special_runs)
    variant_rows = conn.execute(_VARIANTS_SQL, (store_id, product_id)).fetchall()
    variants = tuple(_variant(v, special_runs, row["price_cents"], row["special_price_cents"])
                     for v in variant_rows)
    texts = in_language(row["translations"], language)
    size_words, color_words = _option_words(variant_rows, language)
    return ProductPage(
        id=row["id"], sku=row["sku"], name=translated(texts, "name", row["name"]),
        description_html=translated(texts, "description_html", row["description_html"]),
        attributes=_attributes(row["attributes"], texts.get("attributes")),
        gallery=tuple(dict.fromkeys(
            image for image in (row["image"], *json.loads(row["gallery"])) if image)),
        price_cents=price,
        regular_price_cents=row["price_cents"],
        special_until=(date.fromisoformat(row["special_to"])
                       if price < row["price_cents"] and row["special_to"] else None),
        category_path=_deepest_category(conn, product_id),
        variants=variants,
        sizes=ordered_sizes(v.size for v in variants),
        colors=tuple(dict.fromkeys(v.color for v in variants if v.color)),
        size_words=size_words,
        color_words=color_words,
        short_description_html=translated(texts, "short_description_html",
                                          row["short_description_html"]),
        # The label describes the main image: none to give without one.
        image_label=translated(texts, "image_label", row["image_label"]) if row["image"]
        else None,
    )


def _option_words(variant_rows: list[sqlite3.Row], language: str | None
                  ) -> tuple[dict[str, str], dict[str, str]]:
    """Each size and colour the variants translate into `language`, by the catalog's word."""
    sizes: dict[str, str] = {}
    colors: dict[str, str] = {}
    for variant in variant_rows:
        texts = in_language(variant["translations"], language)
        if variant["size"] and translated(texts, "size", None):
            sizes.setdefault(variant["size"], texts["size"])
        if variant["color"] and translated(texts, "color", None):
            colors.setdefault(variant["color"], texts["color"])
    return sizes, colors


def similar_in_stock(conn: sqlite3.Connection, product_id: int, store_id: str,
                     limit: int = 6, *, today: date,
                     language: str | None = None) -> list[ProductCard]:
    """Products of the same category the shopper can take home from this store today.

    Closest in price first; among equally close ones, those sharing more attribute
    values (material, activity, climate...) with the product come first.
    """
    row = conn.execute(_PRODUCT_SQL, (product_id,)).fetchone()
    path = _deepest_category(conn, product_id) if row is not None else None
    if path is None:
        return []
    price = _product_price_today(row, today)
    values = _attribute_values(row["attributes"])
    ranked = sorted(
        conn.execute(_SIMILAR_SQL, (path, product_id, store_id)),
        key=lambda other: (abs(_product_price_today(other, today) - price),
                           -len(values & _attribute_values(other["attributes"])),
                           other["id"]))
    return cards_by_id(conn, [other["id"] for other in ranked[:limit]], store_id, today,
                       language)


def price_today(price_cents: int, special_price_cents: int | None, special_runs: bool) -> int:
    """The special price while it runs, if it is really lower."""
    if special_runs and special_price_cents is not None and special_price_cents < price_cents:
        return special_price_cents
    return price_cents


def ordered_sizes(sizes: Iterable[str | None]) -> tuple[str, ...]:
    """Distinct sizes: XS, S, M, L, XL, XXL, then numbers ascending, then the rest as given."""
    distinct = list(dict.fromkeys(size for size in sizes if size))
    return tuple(sorted(distinct, key=_size_rank))    # stable: the rest keep their order


def shown_attributes(page: ProductPage, shown: Sequence[ShownAttribute]
                     ) -> list[tuple[ShownAttribute, str]]:
    """The attributes a shopper reads, each with its value: those IT listed that the
    product has, in IT's order. A flag checked against the prices is left out unless they
    agree: "sale = Yes" on a product without a running special price says something false."""
    on_special = page.on_special or any(v.on_special for v in page.variants)
    chosen = []
    for attribute in shown:
        value = page.attributes.get(attribute.key)
        if not value:
            continue
        if attribute.agrees_with == AGREES_WITH_SPECIAL_PRICE \
                and _flag(value) is not on_special:      # None (not yes or no) never agrees
            continue
        chosen.append((attribute, value))
    return chosen


def freshness(taken_at: str, now: datetime) -> timedelta:
    """How old a stock figure is. `taken_at` is the server's clock and `now` the terminal's:
    a figure that seems to come from the future (clocks apart) counts as just taken."""
    taken = datetime.fromisoformat(taken_at)
    if taken.tzinfo is None:         # the server writes UTC; an unmarked figure is UTC too
        taken = taken.replace(tzinfo=timezone.utc)
    return max(now - taken, timedelta(0))


def is_current(taken_at: str, now: datetime, max_age: timedelta) -> bool:
    """Whether a figure counted at `taken_at` may still be told as certain. A time that
    cannot be read is no better than an old one."""
    try:
        return freshness(taken_at, now) <= max_age
    except ValueError:
        return False


def stock_level(quantity: int, few_threshold: int = DEFAULT_FEW_LEFT) -> StockLevelName:
    if quantity <= 0:
        return "out_of_stock"
    return "few_left" if quantity <= few_threshold else "in_stock"


def _variant(row: sqlite3.Row, special_runs: bool, product_price: int,
             product_special: int | None) -> VariantOption:
    (sku, size, color, barcode, price, special, image, quantity, taken_at, restock_date,
     _translations, anywhere) = row
    # A special price set on the product covers its variants at the product's price
    # (Magento's simple products carry it that way); a variant's own one wins.
    if special is None and price == product_price:
        special = product_special
    return VariantOption(sku=sku, size=size, color=color, barcode=barcode,
                         price_cents=price_today(price, special, special_runs),
                         regular_price_cents=price, image=image,
                         quantity_here=quantity or 0, taken_at=taken_at,
                         restock_date=restock_date, in_stock_anywhere=bool(anywhere))


def _special_runs(special_from: str | None, special_to: str | None, today: date) -> bool:
    day = today.isoformat()
    return (special_from or "0000") <= day <= (special_to or "9999")


def _product_price_today(row: sqlite3.Row, today: date) -> int:
    return price_today(row["price_cents"], row["special_price_cents"],
                       _special_runs(row["special_from"], row["special_to"], today))


def _deepest_category(conn: sqlite3.Connection, product_id: int) -> str | None:
    row = conn.execute(_DEEPEST_CATEGORY_SQL, (product_id,)).fetchone()
    return row[0] if row else None


def _attributes(text: str, translated_values: object = None) -> dict[str, str]:
    """The attributes by key in catalog order, each value in the shopper's language where
    `translated_values` (by key) holds it."""
    values = json.loads(text)
    if isinstance(translated_values, dict):
        values.update((key, value) for key, value in translated_values.items()
                      if key in values and value)
    # Some sources write entities into values ('Cocona&reg;'): decode them as names are.
    cleaned = {key: clean_label(str(value)) for key, value in values.items()}
    return {key: value for key, value in cleaned.items() if value}


def _flag(value: str) -> bool | None:
    word = value.strip().lower()
    return True if word in _YES else False if word in _NO else None


def _attribute_values(text: str) -> set[tuple[str, str]]:
    """(key, value) pairs, one per item of a listed value ('Yoga, Gym' gives two)."""
    return {(key, item.strip()) for key, value in json.loads(text).items()
            for item in str(value).split(",") if item.strip()}


def _size_rank(size: str) -> tuple[int, float]:
    letter = _LETTER_SIZES.get(size.upper())
    if letter is not None:
        return (0, letter)
    try:
        number = float(size)
    except ValueError:
        return (2, 0)
    return (1, number) if math.isfinite(number) else (2, 0)
