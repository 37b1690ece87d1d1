"""Side-by-side comparison of two or three products, and the tray that collects them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from kiosk.core.product_page import ProductPage, attribute_label

MAX_COMPARED = 3

RowKind = Literal["price", "sizes", "colors", "attribute"]
CellValue = int | str | tuple[str, ...] | None


@dataclass(frozen=True)
class CompareRow:
    kind: RowKind
    key: str                        # 'price', 'sizes', 'colors', or the attribute's source key
    label: str                      # English; the UI translates the labels it knows
    values: tuple[CellValue, ...]   # one per product, in the order given; None: it has none
    differs: bool


def compare_rows(pages: Sequence[ProductPage]) -> list[CompareRow]:
    """Price, sizes, colours, then every attribute any of the products has.

    Attributes come in the order they first appear in the products as given, so the
    table keeps the catalog's own order (style, material, pattern...) and never shuffles.
    """
    if not 2 <= len(pages) <= MAX_COMPARED:
        raise ValueError(f"compare 2 to {MAX_COMPARED} products, not {len(pages)}")
    rows = [
        _row("price", "price", "Price", [page.price_cents for page in pages]),
        _row("sizes", "sizes", "Sizes", [page.sizes for page in pages]),
        _row("colors", "colors", "Colours", [page.colors for page in pages]),
    ]
    keys = dict.fromkeys(key for page in pages for key in page.attributes)
    rows.extend(_row("attribute", key, attribute_label(key),
                     [page.attributes.get(key) for page in pages]) for key in keys)
    return rows


def _row(kind: RowKind, key: str, label: str, values: list[CellValue]) -> CompareRow:
    return CompareRow(kind, key, label, tuple(values), differs=len(set(values)) > 1)


class TrayAdd(Enum):
    ADDED = "added"
    ALREADY_IN = "already_in"
    FULL = "full"            # the UI says so: remove one before adding another


class CompareTray:
    """The products a shopper set aside to compare, in the order they were added."""

    def __init__(self) -> None:
        self._ids: list[int] = []

    @property
    def product_ids(self) -> tuple[int, ...]:
        return tuple(self._ids)

    @property
    def is_full(self) -> bool:
        return len(self._ids) >= MAX_COMPARED

    @property
    def can_compare(self) -> bool:
        return len(self._ids) >= 2

    def add(self, product_id: int) -> TrayAdd:
        if product_id in self._ids:
            return TrayAdd.ALREADY_IN
        if self.is_full:
            return TrayAdd.FULL
        self._ids.append(product_id)
        return TrayAdd.ADDED

    def remove(self, product_id: int) -> bool:
        if product_id not in self._ids:
            return False
        self._ids.remove(product_id)
        return True

    def clear(self) -> None:
        self._ids.clear()

    def __contains__(self, product_id: object) -> bool:
        return product_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)
