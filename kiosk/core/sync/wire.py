"""The change feed's JSON, read into catalog records, trusting nothing.

A page the kiosk cannot read is an error of the server or of the network (a truncated
body): it is refused whole, never half applied, with the path of the first faulty field.
The page's one declaration is the contract's (`kiosk_contract.change_feed`); this module
turns a checked page into what the cache's writer takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.core.changes import ProductRows, StockRow
from kiosk_contract.catalog import ChangeBatch
from kiosk_contract.change_feed import ProtocolError, validate_page


@dataclass(frozen=True)
class ChangesPage:
    batch: ChangeBatch
    cursor: str | None
    has_more: bool
    reset: bool
    # The page's products and stock figures as rows for `apply_changes`, made here, on
    # the fetching thread, rather than by the writer; a StockLevel for each of millions
    # of figures would cost more than the rest of the page.
    product_rows: ProductRows = field(default_factory=ProductRows)
    stock_rows: list[StockRow] = field(default_factory=list)

    @property
    def records(self) -> int:
        return len(self.batch) + len(self.product_rows) + len(self.stock_rows)


def read_changes_page(body: bytes | Any) -> ChangesPage:
    """The page in `body`: the answer's bytes, or JSON already parsed."""
    doc = validate_page(body)
    if doc["reset"]:
        return ChangesPage(ChangeBatch(), None, False, True)
    if doc["cursor"] is None:
        raise ProtocolError("page.cursor: expected a string")
    batch = ChangeBatch(categories=doc["categories"], stores=doc["stores"],
                        deletions=doc["deletions"])
    return ChangesPage(batch, doc["cursor"], doc["has_more"], False,
                       ProductRows.of(doc["products"]), doc["stock"])
