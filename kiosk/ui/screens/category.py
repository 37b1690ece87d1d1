"""A category: where it sits, its sub-categories, and its products with filters and sort.

The products come a page at a time as the shopper scrolls: a category may hold ten
thousand. Every answer from the database worker carries the generation of the filters
it was asked for; an answer for filters the shopper has since changed is dropped.
"""

from __future__ import annotations

import dataclasses
import itertools
import sqlite3
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.catalog_change import CatalogChange
from kiosk.core.categories import CategoryTile, breadcrumb, category, sub_categories
from kiosk.core.products import ProductCard, cards_by_id, cards_by_sku
from kiosk.core.search import Facets, SearchFilters, facets, search
from kiosk.ui.formatting import Formatter
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.chips import ChipFlow, ChipRow
from kiosk.ui.widgets.kinetic import enable_kinetic_scrolling
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGrid, ProductGridModel
from kiosk.ui.widgets.text import wrapped_label

PAGE_SIZE = 60          # about three screenfuls of cards
PRICE_BANDS = 4
PriceBand = tuple[int | None, int | None]      # lowest and highest price in cents, inclusive


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


def _band_key(band: PriceBand) -> str:
    low, high = band
    return f"{'' if low is None else low}-{'' if high is None else high}"


class CategoryScreen(Screen):
    def __init__(self, context: ShopperContext, path: str, parent: QWidget | None = None,
                 *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.path = path
        self._context = context
        self._formatter = context.formatter
        self._page_size = page_size
        self._tile: CategoryTile | None = None
        self._children: list[CategoryTile] = []
        self._generation = 0
        self._count: int | None = None
        self._status_source = "loading"
        theme = context.theme

        self.breadcrumb = Breadcrumb(theme)
        self.breadcrumb.crumb_tapped.connect(context.navigator.open_category)
        self.title = wrapped_label("ScreenTitle")
        self.sub_categories = ChipRow(theme)
        self.sub_categories.chosen.connect(context.navigator.open_category)
        self.sub_categories.hide()
        self.filters_button = QPushButton(objectName="FiltersButton")
        self.filters_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.filters_button.clicked.connect(self.open_filters)
        self.summary = wrapped_label("FilterSummary")
        filter_bar = QHBoxLayout()
        filter_bar.setContentsMargins(theme.spacing * 2, theme.spacing // 2,
                                      theme.spacing * 2, theme.spacing // 2)
        filter_bar.addWidget(self.filters_button)
        filter_bar.addStretch()

        self.model = PagedCardModel(context.thumbnails, context.formatter, self._load_page, self)
        self.delegate = ProductCardDelegate(theme, context.formatter, self)
        self.grid = ProductGrid(theme, self.model, self.delegate)
        self.grid.card_tapped.connect(context.navigator.open_product)
        self.grid.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.status = QLabel(objectName="StatusMessage")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.title)
        layout.addWidget(self.sub_categories)
        layout.addLayout(filter_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.body, 1)

        # Over the screen, not a window of its own: the shopper stays on this screen.
        self.panel = FilterPanel(theme, context.formatter, context.store_id, self)
        self.panel.changed.connect(self._on_filters_changed)
        self.panel.done.connect(self.close_filters)
        self.panel.hide()

        self.retranslate()
        self._show_filter_controls(False)
        self._show_status("loading")
        context.catalog.fetch(self, lambda conn: (category(conn, path),
                                                  sub_categories(conn, path)),
                              self._show_category, self._on_error)

    # --- what the shopper does --------------------------------------------------------

    def open_filters(self) -> None:
        self.panel.setGeometry(self.rect())
        self.panel.raise_()
        self.panel.show()

    def close_filters(self) -> None:
        self.panel.hide()

    def clear_filters(self) -> None:
        self.panel.clear()

    def filters(self) -> SearchFilters:
        return dataclasses.replace(self.panel.filters(), category_path=self.path)

    # --- answers from the database worker ---------------------------------------------

    def _show_category(self, answer: tuple[CategoryTile | None, list[CategoryTile]]) -> None:
        self._tile, self._children = answer
        if self._tile is None:
            self._show_status("unknown")
            self.retranslate()
            return
        self._show_names()
        self._reload()

    def _show_names(self) -> None:
        # Catalog names, in the shopper's language where they are known words.
        word = self._formatter.word
        name = word(self._tile.name)
        self.title.setText(name)
        self.title.setAccessibleName(name)
        self.breadcrumb.set_crumbs([(crumb.path, word(crumb.name))
                                    for crumb in breadcrumb(self.path)])
        self.sub_categories.set_chips([(child.path, word(child.name))
                                       for child in self._children])

    def _reload(self) -> None:
        """Count, facets and the first page for the current filters, in one answer."""
        self._generation += 1
        generation, filters = self._generation, self.filters()
        size, store = self._page_size, self._context.store_id

        def query(conn: sqlite3.Connection) -> tuple[Facets, list[ProductCard], bool]:
            return (facets(conn, "", filters), *_page(conn, filters, 0, size, store))

        self._context.catalog.fetch(
            self, query, lambda answer: self._show_first_page(generation, *answer),
            self._on_error)

    def _show_first_page(self, generation: int, found: Facets, cards: list[ProductCard],
                         complete: bool) -> None:
        if generation != self._generation:
            return      # the shopper changed the filters while this was being read
        self._count = found.count
        self.panel.show_facets(found)
        self.model.restart(cards, complete)
        self._show_filter_controls(bool(cards) or self.panel.any_filter())
        self._update_count_texts()
        if cards:
            self.body.setCurrentWidget(self.grid)
        else:
            self._show_status("no_match" if self.panel.any_filter() else "empty")

    def _load_page(self, offset: int) -> None:
        generation, filters = self._generation, self.filters()
        size, store = self._page_size, self._context.store_id
        self._context.catalog.fetch(
            self, lambda conn: _page(conn, filters, offset, size, store),
            lambda answer: self._add_page(generation, *answer), self._on_error)

    def _add_page(self, generation: int, cards: list[ProductCard], complete: bool) -> None:
        if generation == self._generation:
            self.model.add_page(cards, complete)

    def _on_error(self, _error: BaseException) -> None:
        self._show_filter_controls(False)
        self._show_status("unavailable")

    def catalog_changed(self, change: CatalogChange) -> None:
        """A sync changed prices or stock: the cards shown are read again in place; what
        the shopper chose to filter and where they scrolled stay."""
        if change.products_or_stock and self.model.rowCount():
            skus, store = self.model.skus(), self._context.store_id
            today = self._context.clock.today()
            self._context.catalog.fetch(self, lambda conn: cards_by_sku(conn, skus, store, today),
                                        self.model.replace_cards)

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
        self.filters_button.setText(text)
        self.filters_button.setAccessibleName(text)

    def _update_summary(self) -> None:
        chosen = self.panel.summary()
        text = (self.tr("Filtered by: {filters}").format(filters=" · ".join(chosen))
                if chosen else "")
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self.summary.setVisible(bool(chosen) and self.filters_button.isVisibleTo(self))

    # --- language and layout ----------------------------------------------------------

    def retranslate(self) -> None:
        self.grid.setAccessibleName(self.tr("Products in this category"))
        self.breadcrumb.setAccessibleName(self.tr("You are here"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setAccessibleName(self.clear_button.text())
        if self._tile is None and self._status_source == "unknown":
            self.title.setText(self.tr("Category not found"))
            self.title.setAccessibleName(self.title.text())
        elif self._tile is not None:
            self._show_names()
        self._update_count_texts()
        self._update_summary()
        self._show_status_text()

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self.delegate.set_formatter(formatter)
        self.model.set_formatter(formatter)
        self.panel.set_formatter(formatter)
        if self._tile is not None:
            self._show_names()
        self._update_summary()

    def _show_status(self, which: str) -> None:
        self._status_source = which
        self._show_status_text()
        self.clear_button.setVisible(which == "no_match")
        self.body.setCurrentIndex(0)

    def _show_status_text(self) -> None:
        # Kept as a key, not a text, so that a language switch re-translates it.
        text = {
            "loading": self.tr("Loading the products…"),
            "unknown": self.tr("We could not find this category. It may have left the "
                               "catalogue: please go back and choose another one."),
            "empty": self.tr("There are no products in this category at the moment."),
            "no_match": self.tr("No product matches these filters."),
            "unavailable": self.tr("The catalogue is not available at the moment. "
                                   "Please ask a member of staff."),
        }[self._status_source]
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.panel.setGeometry(self.rect())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _page(conn: sqlite3.Connection, filters: SearchFilters, offset: int, size: int,
          store_id: str) -> tuple[list[ProductCard], bool]:
    """One page of cards, and whether it is the last."""
    ids = search(conn, "", filters, limit=size, offset=offset).product_ids
    return cards_by_id(conn, ids, store_id), len(ids) < size


class PagedCardModel(ProductGridModel):
    """Cards a page at a time: the grid asks for more (Qt's fetchMore) as it nears the end."""

    def __init__(self, thumbnails: ThumbnailCache, formatter: Formatter,
                 load_page: Callable[[int], None], parent=None) -> None:
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


class Breadcrumb(QScrollArea):
    """'Women › Tops › Jackets': every crumb but the last is tapped to go there."""

    crumb_tapped = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Breadcrumb")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._strip = QWidget(objectName="BreadcrumbStrip")
        self._layout = QHBoxLayout(self._strip)
        self._layout.setContentsMargins(theme.spacing, 0, theme.spacing * 2, 0)
        self._layout.setSpacing(0)
        self.setWidget(self._strip)
        self.setFixedHeight(theme.touch_target)
        enable_kinetic_scrolling(self.viewport())
        self.hide()

    def set_crumbs(self, crumbs: list[tuple[str, str]]) -> None:
        """(path, name) from the top of the menu down to this category."""
        while (item := self._layout.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        for position, (path, name) in enumerate(crumbs):
            if position:
                self._layout.addWidget(QLabel("›", objectName="CrumbSeparator"))
            if position < len(crumbs) - 1:
                crumb = QPushButton(name.replace("&", "&&"), objectName="Crumb")
                crumb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                crumb.clicked.connect(lambda _checked=False, path=path:
                                      self.crumb_tapped.emit(path))
            else:
                crumb = QLabel(name, objectName="CrumbCurrent")
            crumb.setAccessibleName(name)
            self._layout.addWidget(crumb)
        self._layout.addStretch()
        # A top-level category's only crumb would repeat its title.
        self.setVisible(len(crumbs) > 1)


class FilterPanel(QFrame):
    """Sizes, colours, price, stock here and sort, with the live count of what they keep.

    It holds the shopper's choices; `changed` says they changed, `done` that the shopper
    wants to see the products. The values offered come from `show_facets`.
    """

    changed = Signal()
    done = Signal()

    def __init__(self, theme: Theme, formatter: Formatter, store_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FilterPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._theme = theme
        self._formatter = formatter
        self._store_id = store_id
        self._count: int | None = None
        self._sizes_offered: tuple[str, ...] = ()
        self._colors_offered: tuple[str, ...] = ()
        self._bands: dict[str, PriceBand] = {}
        self.landscape: bool | None = None

        self.heading = QLabel(objectName="PanelTitle")
        self.size_heading, self.sizes = self._section(theme, self._on_value_chosen)
        self.color_heading, self.colors = self._section(theme, self._on_value_chosen)
        self.price_heading, self.prices = self._section(theme, self._on_price_chosen)
        self.sort_heading, self.sorts = self._section(theme, self._on_sort_chosen)
        self.stock_heading = QLabel(objectName="PanelHeading")
        self.in_stock = QPushButton(objectName="ToggleButton")
        self.in_stock.setCheckable(True)
        self.in_stock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.in_stock.toggled.connect(self._on_stock_toggled)
        # The toggle keeps its own width, lined up with the chips' first one.
        self._stock_row = QWidget(objectName="StockRow")
        stock_layout = QHBoxLayout(self._stock_row)
        stock_layout.setContentsMargins(theme.spacing * 2, theme.spacing // 2,
                                        theme.spacing * 2, theme.spacing // 2)
        stock_layout.addWidget(self.in_stock)
        stock_layout.addStretch()
        self.clear_button = QPushButton()
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.clear)
        self.show_button = QPushButton(objectName="PrimaryButton")
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_button.clicked.connect(self.done)

        # The choices scroll if a large type scale ever needs more than the screen.
        self._choices = QWidget(objectName="PanelChoices")
        self._grid = QGridLayout(self._choices)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(theme.spacing * 2)
        self._grid.setVerticalSpacing(0)
        scroller = QScrollArea(objectName="PanelScroller")
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self._choices)
        enable_kinetic_scrolling(scroller.viewport())
        actions = QHBoxLayout()
        actions.setContentsMargins(theme.spacing * 2, 0, theme.spacing * 2, 0)
        actions.setSpacing(theme.spacing * 2)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.show_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, theme.spacing, 0, theme.spacing * 2)
        layout.setSpacing(theme.spacing)
        layout.addWidget(self.heading)
        layout.addWidget(scroller, 1)
        layout.addLayout(actions)

        self.retranslate()
        self._arrange(landscape=False)

    @staticmethod
    def _section(theme: Theme, on_chosen: Callable[[str], None]) -> tuple[QLabel, ChipFlow]:
        heading = QLabel(objectName="PanelHeading")
        # Wrapped onto lines: in a sheet, a row scrolled sideways hid values with no cue.
        chips = ChipFlow(theme, checkable=True)
        chips.chosen.connect(on_chosen)
        chips.hide()
        return heading, chips

    # --- the shopper's choices ----------------------------------------------------------

    def filters(self) -> SearchFilters:
        low, high = self._chosen_band()
        sort = next(iter(self.sorts.checked_keys()), "relevance")
        return SearchFilters(min_price_cents=low, max_price_cents=high,
                             sizes=frozenset(self.sizes.checked_keys()),
                             colors=frozenset(self.colors.checked_keys()),
                             in_stock_at=self._store_id if self.in_stock.isChecked() else None,
                             sort=sort)

    def any_filter(self) -> bool:
        """Whether a choice may be hiding products (the sort hides none)."""
        return bool(self.summary())

    def summary(self) -> list[str]:
        """The filters in force, in the shopper's words: ['M', 'Noir', 'En stock ici']."""
        word = self._formatter.word
        sizes = [word(size) for size in self.sizes.keys() if size in self.sizes.checked_keys()]
        colors = [word(color) for color in self.colors.keys()
                  if color in self.colors.checked_keys()]
        price = [self._band_label(self._chosen_band())] if self.prices.checked_keys() else []
        stock = [self._formatter.in_stock_here] if self.in_stock.isChecked() else []
        return [*sizes, *colors, *price, *stock]

    def clear(self) -> None:
        self.sizes.set_checked(set())
        self.colors.set_checked(set())
        self.prices.set_checked(set())
        self.sorts.set_checked({"relevance"})
        self.in_stock.blockSignals(True)
        self.in_stock.setChecked(False)
        self.in_stock.blockSignals(False)
        self._show_stock_label()
        self.changed.emit()

    def show_facets(self, found: Facets) -> None:
        """What the category offers with the other filters, and how many products remain."""
        self._count = found.count
        # A chosen value stays offered even when the other filters leave none of it, so
        # that the shopper can still take it back.
        sizes = self.sizes.checked_keys()
        offered = (*found.sizes, *sorted(sizes - set(found.sizes)))
        if offered != self._sizes_offered:
            self._sizes_offered = offered
            self.sizes.set_chips([(size, self._formatter.word(size)) for size in offered],
                                 checked=sizes)
        colors = self.colors.checked_keys()
        offered = (*found.colors, *sorted(colors - set(found.colors)))
        if offered != self._colors_offered:
            self._colors_offered = offered
            self.colors.set_chips([(color, self._formatter.word(color)) for color in offered],
                                  checked=colors)
        if not self._bands:
            # Cut once, from the first (unfiltered) answer, so that bands stay put.
            self._bands = {_band_key(band): band
                           for band in price_bands(found.min_price_cents, found.max_price_cents)}
            self._label_prices()
        for heading, chips in ((self.size_heading, self.sizes), (self.color_heading, self.colors),
                               (self.price_heading, self.prices)):
            heading.setVisible(chips.isVisibleTo(self))
        self._show_count()

    # --- reactions --------------------------------------------------------------------

    def _on_value_chosen(self, _value: str) -> None:
        self.changed.emit()     # the chip has ticked or unticked itself

    def _on_price_chosen(self, band: str) -> None:
        # One band at a time: a second tap on the chosen one takes it back.
        chosen = self.prices.chip(band)
        self.prices.set_checked({band} if chosen is not None and chosen.isChecked() else set())
        self.changed.emit()

    def _on_sort_chosen(self, sort: str) -> None:
        self.sorts.set_checked({sort})     # always exactly one order
        self.changed.emit()

    def _on_stock_toggled(self, _checked: bool) -> None:
        self._show_stock_label()
        self.changed.emit()

    def _chosen_band(self) -> PriceBand:
        return self._bands.get(next(iter(self.prices.checked_keys()), ""), (None, None))

    # --- texts ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Filters and sort"))
        self.heading.setAccessibleName(self.heading.text())
        self.setAccessibleName(self.heading.text())
        # Each row of choices is named as its heading, for a screen reader.
        for heading, choices, text in (
                (self.size_heading, self.sizes, self.tr("Size")),
                (self.color_heading, self.colors, self.tr("Colour")),
                (self.price_heading, self.prices, self.tr("Price")),
                (self.stock_heading, self._stock_row, self.tr("Availability")),
                (self.sort_heading, self.sorts, self.tr("Sort by"))):
            heading.setText(text)
            heading.setAccessibleName(text)
            choices.setAccessibleName(text)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setAccessibleName(self.clear_button.text())
        self._show_stock_label()
        sort_names = {"relevance": self.tr("Relevance"),
                      "price_asc": self.tr("Price: low to high"),
                      "price_desc": self.tr("Price: high to low")}
        self.sorts.set_chips(list(sort_names.items()),
                             checked=self.sorts.checked_keys() or {"relevance"})
        self._label_options()
        self._show_count()

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self._label_prices()
        self._label_options()

    def _show_count(self) -> None:
        if self._count is None:
            text = self.tr("Show the products")
        elif self._count == 0:
            text = self.tr("No product matches")
        else:
            text = self.tr("Show %n products", "", self._count)
        self.show_button.setText(text)
        self.show_button.setAccessibleName(text)

    def _show_stock_label(self) -> None:
        text = self.tr("In stock in this store")
        self.in_stock.setText(f"✓ {text}" if self.in_stock.isChecked() else text)
        self.in_stock.setAccessibleName(text)

    def _label_options(self) -> None:
        """Sizes and colours in the shopper's language ('1,8 m', 'Noir')."""
        for chips, offered in ((self.sizes, self._sizes_offered),
                               (self.colors, self._colors_offered)):
            if offered:
                chips.set_chips([(key, self._formatter.word(key)) for key in offered],
                                checked=chips.checked_keys())

    def _label_prices(self) -> None:
        self.prices.set_chips([(key, self._band_label(band)) for key, band in self._bands.items()],
                              checked=self.prices.checked_keys())

    def _band_label(self, band: PriceBand) -> str:
        low, high = band
        price = self._formatter.price
        if low is None:
            return self.tr("Up to {price}").format(price=price(high))
        if high is None:
            return self.tr("Over {price}").format(price=price(low - 1))
        return self.tr("{low} to {high}").format(low=price(low - 1), high=price(high))

    # --- layout -----------------------------------------------------------------------

    def _arrange(self, landscape: bool) -> None:
        """One column in portrait; in landscape the stock and sort sit beside the rest."""
        self.landscape = landscape
        sections = [(self.size_heading, self.sizes), (self.color_heading, self.colors),
                    (self.price_heading, self.prices), (self.stock_heading, self._stock_row),
                    (self.sort_heading, self.sorts)]
        for heading, control in sections:
            self._grid.removeWidget(heading)
            self._grid.removeWidget(control)
        split = 3 if landscape else len(sections)
        self._grid.setColumnStretch(1, 1 if landscape else 0)
        self._grid.setColumnStretch(0, 1)
        for index, (heading, control) in enumerate(sections):
            column, row = (0, index) if index < split else (1, index - split)
            self._grid.addWidget(heading, row * 2, column)
            # Under its heading, not floating in a row the other column made tall.
            self._grid.addWidget(control, row * 2 + 1, column, Qt.AlignmentFlag.AlignTop)
        self._grid.setRowStretch(len(sections) * 2, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() > self.height()
        if landscape != self.landscape:
            self._arrange(landscape)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
