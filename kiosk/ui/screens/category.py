"""A category: where it sits, its sub-categories, and its products with filters and sort.

The products come a page at a time as the shopper scrolls: a category may hold ten
thousand. Every answer from the database worker carries the generation of the filters
it was asked for; an answer for filters the shopper has since changed is dropped.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.browse import OptionWords, first_page, option_words, products_page
from kiosk.core.catalog_change import CatalogChange
from kiosk.core.categories import (
    CategoryTile,
    Crumb,
    breadcrumb,
    category,
    named_breadcrumb,
    sub_categories,
)
from kiosk.core.products import ProductCard
from kiosk.core.search import Facets, SearchFilters
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.breadcrumb import Breadcrumb
from kiosk.ui.widgets.chips import ChipRow
from kiosk.ui.widgets.filter_panel import FilterPanel
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.paged_cards import PagedCardModel
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGrid
from kiosk.ui.widgets.status_pane import StatusPane
from kiosk.ui.widgets.text import show_text, wrapped_label

# A category, its children and its breadcrumb, in the shopper's language.
CategoryNames = tuple[CategoryTile | None, list[CategoryTile], list[Crumb]]

PAGE_SIZE = 60          # about three screenfuls of cards


class CategoryScreen(Restyling, Screen):
    def __init__(self, context: ShopperContext, path: str, parent: QWidget | None = None,
                 *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.path = path
        self._context = context
        self._formatter = context.formatter
        self._page_size = page_size
        self._tile: CategoryTile | None = None
        self._children: list[CategoryTile] = []
        self._crumbs: list[Crumb] = breadcrumb(path)   # named by the path until read
        self._generation = 0
        self._count: int | None = None
        theme = context.theme

        self.breadcrumb = Breadcrumb(theme)
        self.breadcrumb.crumb_tapped.connect(context.navigator.open_category)
        self.heading = wrapped_label("ScreenTitle")
        self.sub_categories = ChipRow(theme)
        self.sub_categories.chosen.connect(context.navigator.open_category)
        self.sub_categories.hide()
        self.filters_button = QPushButton(objectName="FiltersButton")
        self.filters_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.filters_button.clicked.connect(self.open_filters)
        self.summary = wrapped_label("FilterSummary")
        filter_bar = self._filter_bar = QHBoxLayout()
        filter_bar.addWidget(self.filters_button)
        filter_bar.addStretch()

        self.model = PagedCardModel(context.thumbnails, context.formatter, self._load_page, self)
        self.delegate = ProductCardDelegate(theme, context.formatter, self)
        self.grid = ProductGrid(theme, self.model, self.delegate)
        self.grid.card_tapped.connect(context.navigator.open_product)
        self.grid.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.status = StatusPane(self._status_texts, "loading")
        self.clear_button = QPushButton(objectName="PrimaryButton")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.clear_filters)
        message = QWidget()
        message_layout = QVBoxLayout(message)
        message_layout.addStretch()
        message_layout.addWidget(self.status)
        message_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(2)
        self.body = QStackedWidget()
        self.body.addWidget(message)
        self.body.addWidget(self.grid)

        # The whole screen scrolls under the finger where it does not fit (large type on a
        # wide screen); the products keep at least a row of cards laid on their side.
        content = QWidget(objectName="CategoryContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.heading)
        layout.addWidget(self.sub_categories)
        layout.addLayout(filter_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.body, 1)
        self.scroll = finger_scroll_area(content, "CategoryScroller")
        # Whatever width it is given, its content follows: what that content would like
        # (read once, when first shown) is no claim on the window's width.
        self.scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.grid.installEventFilter(self)      # the keypad on a card: the grid comes into view
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.restyle(theme)

        # Over the screen, not a window of its own: the shopper stays on this screen.
        self.panel = FilterPanel(theme, context.formatter, context.store_id, self)
        self.panel.changed.connect(self._on_filters_changed)
        self.panel.done.connect(self.close_filters)
        self.panel.hide()

        self.retranslate()
        self._show_filter_controls(False)
        self._show_status("loading")
        self._read_names(self._show_category, self._on_error)

    # --- what the shopper does --------------------------------------------------------

    def open_filters(self) -> None:
        self.panel.setGeometry(self.rect())
        self.panel.raise_()
        self.panel.show()

    def close_filters(self) -> None:
        self.panel.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The grid is looked up: the collector may have emptied a screen it is deleting.
        if watched is vars(self).get("grid") and event.type() == QEvent.Type.FocusIn:
            self.scroll.ensureWidgetVisible(self.grid, 0, 0)
        return False

    def clear_filters(self) -> None:
        self.panel.clear()

    def filters(self) -> SearchFilters:
        return dataclasses.replace(self.panel.filters(), category_path=self.path)

    # --- answers from the database worker ---------------------------------------------

    def _read_names(self, then: Callable[[CategoryNames], None],
                    on_error: Callable[[BaseException], None] | None) -> None:
        """The category, its children and its breadcrumb, named in the shopper's language."""
        path, language = self.path, self._context.language
        self._context.catalog.fetch(
            self, lambda conn: (category(conn, path, language),
                                sub_categories(conn, path, language),
                                named_breadcrumb(conn, path, language)),
            then, on_error)

    def _show_category(self, answer: CategoryNames) -> None:
        self._tile, self._children, self._crumbs = answer
        if self._tile is None:
            self._show_status("unknown")
            show_text(self.heading, self.title())
        else:
            self._show_names()
            self._reload()
        self.title_changed.emit()

    def _show_names(self) -> None:
        # The catalog's names, read in the shopper's language.
        show_text(self.heading, self.title())
        self.breadcrumb.set_crumbs([(crumb.path, crumb.name) for crumb in self._crumbs])
        self.sub_categories.set_chips([(child.path, child.name) for child in self._children])

    def _reload(self) -> None:
        """Count, facets and the first page for the current filters, in one answer."""
        self._generation += 1
        generation, filters = self._generation, self.filters()
        size, store = self._page_size, self._context.store_id
        today, language = self._context.clock.today(), self._context.language

        def query(conn: sqlite3.Connection
                  ) -> tuple[Facets, OptionWords, list[ProductCard], bool]:
            return first_page(conn, filters, size, store, today, language)

        self._context.catalog.fetch(
            self, query, lambda answer: self._show_first_page(generation, *answer),
            self._on_error)

    def _show_first_page(self, generation: int, found: Facets, words: OptionWords,
                         cards: list[ProductCard], complete: bool) -> None:
        if generation != self._generation:
            return      # the shopper changed the filters while this was being read
        self._count = found.count
        self.panel.show_facets(found, words)
        self.model.restart(cards, complete)
        self._show_filter_controls(bool(cards) or self.panel.any_filter())
        self._update_count_texts()
        if cards:
            self.body.setCurrentWidget(self.grid)
        else:
            self._show_status("no_match" if self.panel.any_filter() else "empty")

    def _load_page(self, offset: int) -> None:
        generation, filters = self._generation, self.filters()
        size, store, language = self._page_size, self._context.store_id, self._context.language
        today = self._context.clock.today()
        self._context.catalog.fetch(
            self, lambda conn: products_page(conn, filters, offset, size, store, today,
                                             language),
            lambda answer: self._add_page(generation, *answer), self._on_error)

    def _add_page(self, generation: int, cards: list[ProductCard], complete: bool) -> None:
        if generation == self._generation:
            self.model.add_page(cards, complete)

    def _on_error(self, _error: BaseException) -> None:
        self._show_filter_controls(False)
        self._show_status("unavailable")

    def catalog_changed(self, change: CatalogChange) -> None:
        """A sync changed prices or stock, or the shopper their language: the cards shown
        (and the names, if categories changed) are read again in place; what the shopper
        chose to filter and where they scrolled stay."""
        if change.products_or_stock:
            self.model.read_again(self._context, self)
        if change.categories and self._tile is not None:
            self._read_names(self._on_names_reread, None)
        if change.everything:       # a language switch among others: the filters' words
            (sizes, colors), language = self.panel.offered(), self._context.language
            self._context.catalog.fetch(
                self, lambda conn: option_words(conn, sizes, colors, language),
                self.panel.set_option_words)

    def _on_names_reread(self, answer: CategoryNames) -> None:
        if answer[0] is None:       # gone meanwhile: what the shopper sees stays
            return
        self._tile, self._children, self._crumbs = answer
        self._show_names()
        self.title_changed.emit()

    # --- reactions --------------------------------------------------------------------

    def _on_filters_changed(self) -> None:
        self._update_summary()
        self._reload()

    def _on_scrolled(self, value: int) -> None:
        # Ask for the next page a screen before the end, so that a flick rarely reaches it.
        bar = self.grid.verticalScrollBar()
        if bar.maximum() - value <= self.grid.viewport().height():
            root = QModelIndex()
            if self.model.canFetchMore(root):
                self.model.fetchMore(root)

    def _show_filter_controls(self, shown: bool) -> None:
        self.filters_button.setVisible(shown)
        self._update_summary()

    def _update_count_texts(self) -> None:
        if self._count is None:
            text = self.tr("Filters and sort")
        else:
            text = self.tr("Filters and sort · %n products", "", self._count)
        show_text(self.filters_button, text)

    def _update_summary(self) -> None:
        chosen = self.panel.summary()
        text = (self.tr("Filtered by: {filters}").format(filters=" · ".join(chosen))
                if chosen else "")
        show_text(self.summary, text)
        self.summary.setVisible(bool(chosen) and self.filters_button.isVisibleTo(self))

    # --- language and layout ----------------------------------------------------------

    def restyle(self, theme: Theme) -> None:
        self._filter_bar.setContentsMargins(theme.spacing * 2, theme.spacing // 2,
                                            theme.spacing * 2, theme.spacing // 2)
        self.delegate.set_theme(theme)         # whichever is restyled first
        self.body.setMinimumHeight(self.delegate.compact_card_size().height())

    def title(self) -> str:
        if self._tile is not None:
            return self._tile.name
        if self.status.state == "unknown":
            return self.tr("Category not found")
        # Still loading: the path names it already.
        return self._crumbs[-1].name if self._crumbs else ""

    def retranslate(self) -> None:
        self.grid.setAccessibleName(self.tr("Products in this category"))
        self.breadcrumb.setAccessibleName(self.tr("You are here"))
        show_text(self.clear_button, self.tr("Clear filters"))
        if self._tile is not None:
            self._show_names()
        elif self.status.state == "unknown":
            show_text(self.heading, self.title())
        self._update_count_texts()
        self._update_summary()

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self.delegate.set_formatter(formatter)
        self.model.set_formatter(formatter)
        self.panel.set_formatter(formatter)
        if self._tile is not None:
            self._show_names()
        self._update_summary()

    def focus_order(self) -> list[QWidget]:
        if self.panel.isVisibleTo(self):
            return self.panel.focus_order()
        controls = (self.breadcrumb, self.sub_categories, self.filters_button, self.grid,
                    self.clear_button)
        return [control for control in controls if control.isVisibleTo(self)]

    def _show_status(self, state: str) -> None:
        self.status.show_state(state)
        self.clear_button.setVisible(state == "no_match")
        self.body.setCurrentIndex(0)

    def _status_texts(self) -> dict[str, str]:
        return {
            "loading": self.tr("Loading the products…"),
            "unknown": self.tr("We could not find this category. It may have left the "
                               "catalogue: please go back and choose another one."),
            "empty": self.tr("There are no products in this category at the moment."),
            "no_match": self.tr("No product matches these filters."),
            "unavailable": self.tr("The catalogue is not available at the moment. "
                                   "Please ask a member of staff."),
        }

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.panel.setGeometry(self.rect())

