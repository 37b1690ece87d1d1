"""What a sync round changed in the cache the screens read, told to the open screens.

Small and immutable: it crosses from the sync worker to the GUI thread, and every open
screen asks it whether what it shows is concerned. Past a few hundred SKUs (a first
fill, a big page) it says only that everything changed: a screen re-reads as much
either way, and a list of 100,000 SKUs would cost more than it saves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# The most SKUs (products and variants together) a change lists before it says
# "everything".
MAX_LISTED_SKUS = 1_000


@dataclass(frozen=True)
class CatalogChange:
    everything: bool = False
    # SKUs in lower case: the cache compares SKUs without regard to case.
    products: frozenset[str] = frozenset()   # products changed (name, prices, variants...)
    stock: frozenset[str] = frozenset()      # variants whose figure changed in some store
    stores: bool = False                     # a store added, changed or closed
    categories: bool = False                 # the menu or a product's place in it

    @classmethod
    def listing(cls, products: Iterable[str] = (), stock: Iterable[str] = (), *,
                stores: bool = False, categories: bool = False) -> CatalogChange:
        """The change naming these SKUs, or EVERYTHING if they are too many to list."""
        product_skus = frozenset(sku.lower() for sku in products)
        stock_skus = frozenset(sku.lower() for sku in stock)
        if len(product_skus) + len(stock_skus) > MAX_LISTED_SKUS:
            return EVERYTHING
        return cls(products=product_skus, stock=stock_skus, stores=stores,
                   categories=categories)

    def __or__(self, other: CatalogChange) -> CatalogChange:
        """Both changes (two pages of one round), still bounded."""
        if self.everything or other.everything:
            return EVERYTHING
        return CatalogChange.listing(self.products | other.products, self.stock | other.stock,
                                     stores=self.stores or other.stores,
                                     categories=self.categories or other.categories)

    def __bool__(self) -> bool:
        return (self.everything or self.stores or self.categories or bool(self.products)
                or bool(self.stock))

    def product(self, sku: str) -> bool:
        """The product's own data (name, prices, pictures, variants) may have changed."""
        return self.everything or sku.lower() in self.products

    def stock_of(self, variant_skus: Iterable[str]) -> bool:
        """Where these variants are, and how many, may have changed. A store that opens
        or closes changes where every variant is."""
        if self.everything or self.stores:
            return True
        return any(sku.lower() in self.stock for sku in variant_skus)

    @property
    def products_or_stock(self) -> bool:
        """Some product's price, name, picture or stock may have changed: lists of
        product cards re-read theirs."""
        return self.everything or self.stores or bool(self.products) or bool(self.stock)


NO_CHANGE = CatalogChange()
EVERYTHING = CatalogChange(everything=True, stores=True, categories=True)
