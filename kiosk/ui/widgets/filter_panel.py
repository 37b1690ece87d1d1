"""The sheet of filters over a category: sizes, colours, price, stock here, and the sort."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.browse import OptionWords, PriceBand, band_key, price_bands
from kiosk.core.search import Facets, SearchFilters
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.chips import ChipFlow
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.text import show_text


class FilterPanel(Retranslating, Restyling, QFrame):
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
        self._formatter = formatter
        self._store_id = store_id
        self._count: int | None = None
        self._sizes_offered: tuple[str, ...] = ()
        self._colors_offered: tuple[str, ...] = ()
        self._words = OptionWords()       # the offered sizes and colours in the language
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
        self._grid.setVerticalSpacing(0)
        scroller = finger_scroll_area(self._choices, "PanelScroller")
        actions = self._actions = QHBoxLayout()
        actions.addWidget(self.clear_button)
        actions.addWidget(self.show_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroller, 1)
        layout.addLayout(actions)

        self.restyle(theme)
        self.retranslate()
        self._arrange(landscape=False)

    def restyle(self, theme: Theme) -> None:
        gap = theme.spacing * 2
        self._stock_row.layout().setContentsMargins(gap, theme.spacing // 2,
                                                    gap, theme.spacing // 2)
        self._grid.setHorizontalSpacing(gap)
        self._actions.setContentsMargins(gap, 0, gap, 0)
        self._actions.setSpacing(gap)
        self.layout().setContentsMargins(0, theme.spacing, 0, gap)
        self.layout().setSpacing(theme.spacing)

    @staticmethod
    def _section(theme: Theme, on_chosen: Callable[[str], None]) -> tuple[QLabel, ChipFlow]:
        heading = QLabel(objectName="PanelHeading")
        # Wrapped onto lines: in a sheet, a row scrolled sideways hid values with no cue.
        chips = ChipFlow(theme, checkable=True)
        chips.chosen.connect(on_chosen)
        chips.hide()
        return heading, chips

    def focus_order(self) -> list[QWidget]:
        return [self.sizes, self.colors, self.prices, self.in_stock, self.sorts,
                self.clear_button, self.show_button]

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
        words = self._words
        sizes = [words.sizes.get(size, size) for size in self.sizes.keys()
                 if size in self.sizes.checked_keys()]
        colors = [words.colors.get(color, color) for color in self.colors.keys()
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

    def show_facets(self, found: Facets, words: OptionWords = OptionWords()) -> None:
        """What the category offers with the other filters, and how many products remain;
        `words` names its sizes and colours in the shopper's language."""
        self._count = found.count
        # Those of a value chosen earlier, and no longer found, are kept.
        self._words = OptionWords(self._words.sizes | words.sizes,
                                  self._words.colors | words.colors)
        self._sizes_offered = self._offer(self.sizes, found.sizes, self._sizes_offered)
        self._colors_offered = self._offer(self.colors, found.colors, self._colors_offered)
        if not self._bands:
            # Cut once, from the first (unfiltered) answer, so that bands stay put.
            self._bands = {band_key(band): band
                           for band in price_bands(found.min_price_cents, found.max_price_cents)}
            self._label_prices()
        for heading, chips in ((self.size_heading, self.sizes), (self.color_heading, self.colors),
                               (self.price_heading, self.prices)):
            heading.setVisible(chips.isVisibleTo(self))
        self._show_count()
        self._choose_columns()      # a price band's words may be wider than before

    def _offer(self, chips: ChipFlow, found: tuple[str, ...],
               shown: tuple[str, ...]) -> tuple[str, ...]:
        """Show the values `found` on `chips`, which show `shown` now; returns the values
        offered."""
        # A chosen value stays offered even when the other filters leave none of it, so
        # that the shopper can still take it back.
        chosen = chips.checked_keys()
        offered = (*found, *sorted(chosen - set(found)))
        if offered != shown:
            self._label_values(chips, offered)
        return offered

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
        show_text(self.heading, self.tr("Filters and sort"))
        self.setAccessibleName(self.heading.text())
        # Each row of choices is named as its heading, for a screen reader.
        for heading, choices, text in (
                (self.size_heading, self.sizes, self.tr("Size")),
                (self.color_heading, self.colors, self.tr("Colour")),
                (self.price_heading, self.prices, self.tr("Price")),
                (self.stock_heading, self._stock_row, self.tr("Availability")),
                (self.sort_heading, self.sorts, self.tr("Sort by"))):
            show_text(heading, text)
            choices.setAccessibleName(text)
        show_text(self.clear_button, self.tr("Clear filters"))
        self._show_stock_label()
        sort_names = {"relevance": self.tr("Relevance"),
                      "price_asc": self.tr("Price: low to high"),
                      "price_desc": self.tr("Price: high to low")}
        self.sorts.set_chips(list(sort_names.items()),
                             checked=self.sorts.checked_keys() or {"relevance"})
        self._label_options()
        self._show_count()
        if self.landscape is not None:
            self._choose_columns()

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self._label_prices()

    def offered(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The sizes and the colours offered, as the catalog writes them."""
        return self._sizes_offered, self._colors_offered

    def set_option_words(self, words: OptionWords) -> None:
        """The offered sizes and colours named in the shopper's new language."""
        self._words = words
        self._label_options()

    def _show_count(self) -> None:
        if self._count is None:
            text = self.tr("Show the products")
        elif self._count == 0:
            text = self.tr("No product matches")
        else:
            text = self.tr("Show %n products", "", self._count)
        show_text(self.show_button, text)
        self._place_actions()      # a longer count may no longer fit beside Clear

    def _show_stock_label(self) -> None:
        text = self.tr("In stock in this store")
        self.in_stock.setText(f"✓ {text}" if self.in_stock.isChecked() else text)
        self.in_stock.setAccessibleName(text)

    def _label_options(self) -> None:
        """Sizes and colours in the shopper's language ('1,8 m', 'Noir')."""
        for chips, offered in ((self.sizes, self._sizes_offered),
                               (self.colors, self._colors_offered)):
            if offered:
                self._label_values(chips, offered)

    def _label_values(self, chips: ChipFlow, values: tuple[str, ...]) -> None:
        words = self._words.sizes if chips is self.sizes else self._words.colors
        chips.set_chips([(value, words.get(value, value)) for value in values],
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

    def _place_actions(self) -> None:
        """Clear and Show side by side; where the sheet is too narrow for both (a portrait
        screen at 2x), one above the other, Show on top."""
        actions = self._actions
        margins = actions.contentsMargins()
        needed = (margins.left() + self.clear_button.sizeHint().width() + actions.spacing()
                  + self.show_button.sizeHint().width() + margins.right())
        actions.setDirection(QBoxLayout.Direction.LeftToRight if self.width() >= needed
                             else QBoxLayout.Direction.BottomToTop)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_actions()
        self._choose_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            # Measured once the chips have taken the new type size.
            QTimer.singleShot(0, self, self._choose_columns)

    def _choose_columns(self) -> None:
        """Two columns on a wide sheet where each holds its widest chip whole (at 2x, a
        French price band took more than half a wide screen); one otherwise."""
        def widest(widgets: tuple[QWidget, ...]) -> int:
            return max(widget.sizeHint().width() for widget in widgets)

        left = widest((self.size_heading, self.sizes, self.color_heading, self.colors,
                       self.price_heading, self.prices))
        right = widest((self.stock_heading, self._stock_row, self.sort_heading, self.sorts))
        landscape = self.width() > self.height() and \
            self.width() >= left + self._grid.horizontalSpacing() + right
        if landscape != self.landscape:
            self._arrange(landscape)
