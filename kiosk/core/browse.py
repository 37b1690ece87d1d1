"""A category browsed with filters: the price bands offered, and the products a page at a
time (a category may hold ten thousand)."""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from kiosk.core.catalog_text import text_sql
from kiosk.core.products import ProductCard, cards_by_id
from kiosk.core.search import Facets, SearchFilters, facets, search

PRICE_BANDS = 4
PriceBand = tuple[int | None, int | None]      # lowest and highest price in cents, inclusive


@dataclass(frozen=True)
class OptionWords:
    """Sizes and colours, as the catalog writes them, in the shopper's language where it
    translates them: the filter chips' words. A choice is kept by the catalog's word."""

    sizes: dict[str, str] = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)


def option_words(conn: sqlite3.Connection, sizes: Iterable[str], colors: Iterable[str],
                 language: str | None) -> OptionWords:
    """The words of `sizes` and `colors` in `language`. A catalog names an option the same
    on every variant (Magento translates an attribute's option once), so the first variant
    holding it answers: one index look-up each, whatever the catalog's size."""
    return OptionWords(_option_words(conn, "size", sizes, language),
                       _option_words(conn, "color", colors, language))


def _option_words(conn: sqlite3.Connection, column: str, values: Iterable[str],
                  language: str | None) -> dict[str, str]:
    wanted = [value for value in values if value]
    if not wanted or text_sql("v", column, language) == f"v.{column}":
        return {}
    rows = conn.execute(
        f"SELECT value, (SELECT {text_sql('v', column, language)} FROM variants v "
        f"               WHERE v.{column} = value LIMIT 1) "
        "FROM json_each(?)", (json.dumps(wanted),))
    return {value: word for value, word in rows if word and word != value}


def price_bands(low: int | None, high: int | None, most: int = PRICE_BANDS) -> list[PriceBand]:
    """At most `most` bands covering low..high, cut at round amounts (10, 20, 50, 100...).

    Each band starts a cent above the previous one's end, so that no price is in two.
    """
    if low is None or high is None or high - low < 100:
        return []
    # The least round step that leaves at most most - 1 cuts strictly between low and high.
    step = next(step for step in _round_amounts() if (high - 1) // step - low // step < most)
    edges = list(range((low // step + 1) * step, high, step))
    if not edges:
        return []
    starts = [None, *(edge + 1 for edge in edges)]
    return list(zip(starts, [*edges, None], strict=True))


def _round_amounts() -> Iterator[int]:
    """1, 2, 5, 10, 20, 50, 100... whole currency units, in cents."""
    for unit in (100 * 10 ** power for power in itertools.count()):
        yield from (unit, unit * 2, unit * 5)


def band_key(band: PriceBand) -> str:
    """The band as a chip's key: '4001-6000', '-4000', '8001-'."""
    low, high = band
    return f"{'' if low is None else low}-{'' if high is None else high}"


def products_page(conn: sqlite3.Connection, filters: SearchFilters, offset: int, size: int,
                  store_id: str, today: date, language: str | None = None
                  ) -> tuple[list[ProductCard], bool]:
    """One page of cards named in `language`, and whether it is the last. `today`, the
    terminal clock's day, decides which special prices run (the price filter and sort
    go by them too)."""
    ids = search(conn, "", filters, today=today, limit=size, offset=offset).product_ids
    return cards_by_id(conn, ids, store_id, today, language), len(ids) < size


def first_page(conn: sqlite3.Connection, filters: SearchFilters, size: int,
               store_id: str, today: date, language: str | None = None
               ) -> tuple[Facets, OptionWords, list[ProductCard], bool]:
    """What the filters leave (the count, sizes, colours and prices, with the words of
    the sizes and colours in `language`) and the first page of their cards, in one read,
    all priced on `today`."""
    found = facets(conn, "", filters, today=today)
    return (found, option_words(conn, found.sizes, found.colors, language),
            *products_page(conn, filters, 0, size, store_id, today, language))
