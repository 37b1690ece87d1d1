"""Product cards that come a page at a time, as the grid nears the end of those it has."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from kiosk.core.products import ProductCard
from kiosk.ui.formatting import Formatter
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.product_grid import ProductGridModel


class PagedCardModel(ProductGridModel):
    """Cards a page at a time: the grid asks for more (Qt's fetchMore) as it nears the end.

    `load_page(offset)` asks for the page from `offset` on; its answer comes back through
    `add_page`, or `restart` when the filters changed."""

    def __init__(self, thumbnails: ThumbnailCache, formatter: Formatter,
                 load_page: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(thumbnails, formatter, parent)
        self._load_page = load_page
        self.complete = True
        self.loading = False

    def restart(self, cards: list[ProductCard], complete: bool) -> None:
        self.set_cards(cards)
        self.complete, self.loading = complete, False

    def add_page(self, cards: list[ProductCard], complete: bool) -> None:
        self.append_cards(cards)
        self.complete, self.loading = complete, False

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self.complete and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self.loading = True
            self._load_page(self.rowCount())
