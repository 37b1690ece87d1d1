"""Side-by-side comparison of two or three products, and the tray that collects them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from kiosk.core.config import ShownAttribute
from kiosk.core.product_page import ProductPage, shown_attributes

MAX_COMPARED = 3

RowKind = Literal["price", "sizes", "colors", "attribute"]
CellValue = int | str | tuple[str, ...] | None


@dataclass(frozen=True)
class CompareRow:
    kind: RowKind
    key: str                        # 'price', 'sizes', 'colors', or the attribute's source key
    label: str                      # English; the UI names its own rows in the language
    values: tuple[CellValue, ...]   # one per product, in the order given; None: it has none
    differs: bool
    attribute: ShownAttribute | None = None     # an attribute row's labels, from the config


def compare_rows(pages: Sequence[ProductPage],
                 shown: Sequence[ShownAttribute]) -> list[CompareRow]:
    """Price, sizes, colours, then each attribute IT lists for shoppers that any of the
    products shows, in IT's order (as on a product page, a flag the prices contradict is
    left out)."""
    if not 2 <= len(pages) <= MAX_COMPARED:
        raise ValueError(f"compare 2 to {MAX_COMPARED} products, not {len(pages)}")
    rows = [
        _row("price", "price", "Price", [page.price_cents for page in pages]),
        # In the words of the language the pages were read in.
        _row("sizes", "sizes", "Sizes",
             [tuple(map(page.size_word, page.sizes)) for page in pages]),
        _row("colors", "colors", "Colours",
             [tuple(map(page.color_word, page.colors)) for page in pages]),
    ]
    values = [{attribute.key: value for attribute, value in shown_attributes(page, shown)}
              for page in pages]
    rows.extend(_row("attribute", attribute.key, attribute.label("en"),
                     [of_page.get(attribute.key) for of_page in values], attribute)
                for attribute in shown if any(attribute.key in of_page for of_page in values))
    return rows


def _row(kind: RowKind, key: str, label: str, values: list[CellValue],
         attribute: ShownAttribute | None = None) -> CompareRow:
    return CompareRow(kind, key, label, tuple(values), differs=len(set(values)) > 1,
                      attribute=attribute)


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
