"""What a sync round tells the open screens: which products and which variants' stock
changed, whether stores or categories did, or, past a bound, that everything did."""

import dataclasses
import json

from kiosk.core.catalog_change import EVERYTHING, MAX_LISTED_SKUS, NO_CHANGE, CatalogChange
from kiosk.core.changes import ProductRows, describe_change
from kiosk.core.db.cache import open_cache
from kiosk.core.sync.client import Answer, Verdict
from kiosk.core.sync.pull import pull
from kiosk_contract.catalog import (
    Category,
    ChangeBatch,
    Product,
    StockLevel,
    Store,
    Tombstone,
    Variant,
)

TAKEN = "2026-11-24T10:00:00Z"
PARIS = Store("paris", "Paris", "1 rue", "75001", "Paris", 48.8, 2.3)


def hoodie(price=5000):
    return Product("MH01", "Hoodie", price, (Variant("MH01-S", price, size="S"),
                                             Variant("MH01-M", price, size="M")),
                   categories=("Men",))


def test_a_stock_page_names_the_variants_whose_figures_changed_and_nothing_else():
    change = describe_change(ChangeBatch(stock=[StockLevel("MH01-S", "paris", 4, TAKEN)]),
                             stock_rows=[("MH01-s", "lyon", 2, TAKEN, None)])
    assert change.stock == {"mh01-s"}
    assert change.stock_of(["MH01-S"]) and not change.stock_of(["MH01-M"])
    assert not change.product("MH01")
    assert not (change.stores or change.categories or change.everything)
    assert change.products_or_stock


def test_a_product_page_names_its_products_not_their_stock():
    change = describe_change(ChangeBatch(products=[hoodie(price=4500)]))
    assert change.product("mh01") and change.product("MH01")
    assert not change.product("MH02")
    assert not change.stock_of(["MH01-S", "MH01-M"])
    assert change.products_or_stock and not change.categories
    # Products come from the feed as rows made ahead, too.
    rows = ProductRows.of([hoodie(), dataclasses.replace(hoodie(), sku="MH02")])
    assert describe_change(ChangeBatch(), product_rows=rows).products == {"mh01", "mh02"}


def test_deletions_name_what_they_delete():
    change = describe_change(ChangeBatch(deletions=[
        Tombstone("stock", "MH01-M@paris"), Tombstone("product", "MJ02")]))
    assert change.stock == {"mh01-m"} and change.products == {"mj02"}
    # A store that opens or closes changes where every variant is.
    for batch in (ChangeBatch(deletions=[Tombstone("store", "lyon")]),
                  ChangeBatch(stores=[PARIS])):
        change = describe_change(batch)
        assert change.stores and change.stock_of(["ANY-SKU"]) and not change.product("MH01")
    assert describe_change(ChangeBatch(categories=[Category("Men", "Men")])).categories
    assert describe_change(ChangeBatch(deletions=[Tombstone("category", "Men")])).categories
    assert not describe_change(ChangeBatch())


def test_a_page_too_big_to_list_says_everything_changed():
    # The bound counts variants, not figures: a figure per store is still one variant.
    rows = [(f"V{n}", store, 1, TAKEN, None)
            for n in range(MAX_LISTED_SKUS) for store in ("paris", "lyon")]
    assert len(describe_change(ChangeBatch(), stock_rows=rows).stock) \
        == MAX_LISTED_SKUS
    rows = [(f"V{n}", "paris", 1, TAKEN, None) for n in range(MAX_LISTED_SKUS + 1)]
    change = describe_change(ChangeBatch(), stock_rows=rows)
    assert change is EVERYTHING
    assert change.stock_of(["whatever"]) and change.product("whatever") and change.stores
    # Ten times the bound in records: the SKUs are not even gathered.
    many = [(f"V{n}", "paris", 1, TAKEN, None) for n in range(MAX_LISTED_SKUS * 10 + 1)]
    assert describe_change(ChangeBatch(), stock_rows=many) is EVERYTHING


def test_two_pages_of_a_round_add_up_within_the_bound():
    first = CatalogChange.listing(stock=["A-S"], products=["A"])
    second = CatalogChange.listing(stock=["B-S"], stores=True)
    both = first | second
    assert both.stock == {"a-s", "b-s"} and both.products == {"a"} and both.stores
    assert (NO_CHANGE | NO_CHANGE) == NO_CHANGE and not NO_CHANGE
    half = MAX_LISTED_SKUS // 2 + 1
    big = CatalogChange.listing(stock=[f"X{n}" for n in range(half)])
    other = CatalogChange.listing(stock=[f"Y{n}" for n in range(half)])
    assert big.stock and other.stock and (big | other) is EVERYTHING


class Feed:
    """Answers `changes` from pages made up front, as the client does."""

    total_timeout_s = 60.0

    def __init__(self, pages: list[dict]) -> None:
        self.pages = pages

    def changes(self, cursor: str | None, limit: int, max_bytes: int | None = None,
                compressed: bool = True) -> Answer:
        number = int(cursor or 0)
        if number == len(self.pages):      # up to date: an empty page
            body = {"reset": False, "cursor": cursor, "has_more": False}
        else:
            body = dict(self.pages[number], reset=False, cursor=str(number + 1),
                        has_more=number + 1 < len(self.pages))
        return Answer(Verdict.OK, 200, json.dumps(body).encode())


def figures(*skus: str) -> dict:
    return {"stock": [[sku, "paris", 3, TAKEN, None] for sku in skus]}


def test_a_first_fill_changes_everything_and_a_later_pull_lists_its_pages(tmp_path):
    conn = open_cache(tmp_path).conn
    first = pull(conn, Feed([figures("A-S")]))
    assert first.change is EVERYTHING         # the screens showed an empty cache
    later = Feed([figures("A-S"), figures("B-M"), figures("C-L")])
    result = pull(conn, later)                # from the stored cursor: pages 2 and 3
    assert result.pages == 2 and result.change.stock == {"b-m", "c-l"}
    assert pull(conn, later).change == NO_CHANGE
