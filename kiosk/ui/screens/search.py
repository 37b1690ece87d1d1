"""The search screen: a large field, results as the shopper types, the keyboard docked below.

Each edit restarts a short debounce, then the search runs on the database worker. Every
edit bumps a generation; an answer for an older generation is dropped, and a search still
queued when the text has moved on is skipped by the worker (it may be busy with sync).

A search is journalled once, when it settles: no edit for SETTLE_MS, or the shopper
leaves through a result, a category or Back. Never once per keystroke.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.core.catalog_change import CatalogChange
from kiosk.core.products import ProductCard
from kiosk.core.search import MAX_QUERY_CHARS, suggest
from kiosk.core.search_answer import (
    SUGGESTIONS,
    Discovery,
    SearchAnswer,
    completed,
    discover,
    echoed,
    look_up,
)
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.chips import ChipRow
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGrid, ProductGridModel
from kiosk.ui.widgets.text import show_text

# A search costs a few milliseconds even at 100k products (benchmarks/search_ui.py), so
# the debounce only has to gather a burst: a held backspace, a physical keyboard. Taps
# on the screen's keys come further apart, and each one still gets its own results.
DEBOUNCE_MS = 150
SETTLE_MS = 1500


class SearchScreen(Restyling, Screen):
    """Type to search; tap a result, a completion, or a category.

    Only the field and the keyboard are sure of their room. The status line, the row of
    chips and the hint show as far as the height allows, in that order (_arrange): the
    top bar, a compare tray and the keyboard may leave little at 1.5x in landscape, and
    a window asked for more than the screen grows past it and stays so.

    `answered(text)` is emitted each time the results for the field's current text are
    on screen (tests and the latency benchmark wait for it).
    """

    answered = Signal(str)

    def __init__(self, context: ShopperContext, text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchScreen")
        self._context = context
        self._formatter = context.formatter
        theme = context.theme
        self._generation = 0
        self._shown: SearchAnswer | None = None      # the answer the grid shows
        self._discovery: Discovery | None = None
        self._unavailable = False
        self._settle_due = False
        self._recorded = ""                          # the search journalled last

        self.field = QLineEdit(objectName="SearchField")
        self.field.setMaxLength(MAX_QUERY_CHARS)     # what search() reads, no more
        self.field.installEventFilter(self)          # a tap on it brings the keyboard back
        # A cross, as on every search field: a word would read like the keyboard's keys.
        self.clear_button = QPushButton("×", objectName="SearchClearButton")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self._on_clear)
        self.clear_button.hide()
        self.status = QLabel(objectName="SearchStatus")
        self.hint = QLabel(objectName="SearchHint")
        for label in (self.status, self.hint):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)   # shopper text is never markup
        self.suggestions = ChipRow(theme)
        self.suggestions.chosen.connect(self._on_suggestion)
        self.suggestions.hide()
        self.categories = ChipRow(theme)
        self.categories.chosen.connect(self._on_category)
        self.categories.hide()

        self.model = ProductGridModel(context.thumbnails, context.formatter, self)
        self.delegate = ProductCardDelegate(theme, context.formatter, self)
        self.grid = ProductGrid(theme, self.model, self.delegate)
        self.grid.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the field keeps the cursor
        self.grid.setMinimumHeight(1)    # the keyboard may leave it no room: Done gives it back
        self.grid.card_tapped.connect(self._on_card_tapped)
        self.keyboard = OnScreenKeyboard(theme)
        self.keyboard.set_language(context.formatter.language)
        self.keyboard.set_target(self.field)
        self.keyboard.done.connect(self.hide_keyboard)
        self.field.returnPressed.connect(self.hide_keyboard)

        field_row = self._field_row = QHBoxLayout()
        field_row.addWidget(self.field, 1)
        field_row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)        # _arrange counts the rows' heights, and nothing else
        layout.addLayout(field_row)
        # Margins here rather than padding in the style sheet, so that a label's own width
        # is the width its lines wrap to.
        texts = self._texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.status)
        texts.addWidget(self.hint)
        layout.addLayout(texts)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.categories)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.keyboard)
        self.restyle(theme)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)
        self.field.textChanged.connect(self._on_text_changed)
        self.retranslate()
        self._read_discovery(self._on_discovery, self._on_unavailable)
        self.field.setText(text)
        if text.strip():
            self.search_now()       # brought from elsewhere: nothing to wait for
        else:
            self._show_discovery()

    # --- public API -------------------------------------------------------------------

    def search_now(self) -> None:
        """Search for the field's text at once (the debounce calls this)."""
        self._debounce.stop()
        text = self.field.text()
        if not text.strip():
            self._show_discovery()
            return
        generation = self._generation
        context, language = self._context, self._context.language
        today = context.clock.today()

        def query(conn: sqlite3.Connection) -> SearchAnswer | None:
            if generation != self._generation:     # typed on meanwhile: spare the worker
                return None
            return look_up(conn, text, generation, context.store_id, context.synonyms,
                           today, language)

        context.catalog.fetch(self, query, self._on_answer,
                              lambda error: self._on_search_failed(generation))

    def show_keyboard(self) -> None:
        self.keyboard.show()
        self.field.setFocus()
        self._arrange()

    def hide_keyboard(self) -> None:
        """Give the results the keyboard's room; a tap on the field brings it back."""
        self.keyboard.hide()
        self._arrange()
        if self._debounce.isActive():
            self.search_now()

    def restyle(self, theme: Theme) -> None:
        self._gap = theme.spacing // 2       # above the field and above the status line
        self._side = theme.spacing * 2
        self._field_row.setContentsMargins(self._side, self._gap, self._side, 0)
        self._field_row.setSpacing(theme.spacing)
        self._texts.setContentsMargins(self._side, self._gap, self._side, 0)
        self._arrange()

    def set_landscape(self, landscape: bool) -> None:
        # A wide screen is a short one: with large type, keys of the least size leave
        # the results a row above the keyboard.
        self.keyboard.set_compact(landscape)
        self._arrange()

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self.model.set_formatter(formatter)
        self.delegate.set_formatter(formatter)
        self.keyboard.set_language(formatter.language)
        # The departments come in the new language with catalog_changed, read again.

    def title(self) -> str:
        return self.tr("Search")

    def retranslate(self) -> None:
        self.field.setAccessibleName(self.title())
        self.field.setPlaceholderText(self.tr("A product, a colour, a code…"))
        self.clear_button.setAccessibleName(self.tr("Clear the search"))
        self.suggestions.setAccessibleName(self.tr("Suggestions"))
        self.categories.setAccessibleName(self.tr("Departments"))
        self._show_state()

    def focus_order(self) -> list[QWidget]:
        # The keyboard right after the field it types in, as on the delivery form.
        controls = (self.field, self.clear_button, self.keyboard, self.suggestions,
                    self.categories, self.grid)
        return [control for control in controls if control.isVisibleTo(self)]

    # --- typing -----------------------------------------------------------------------

    def _on_text_changed(self, text: str) -> None:
        self._generation += 1
        self._settle_due = False
        self.clear_button.setVisible(bool(text))
        if text.strip():
            self._debounce.start()
            self._settle.start()
        else:
            self._debounce.stop()
            self._settle.stop()
            self._show_discovery()

    def _on_suggestion(self, word: str) -> None:
        self.field.setText(completed(self.field.text(), word))
        self.field.setFocus()
        self.search_now()

    def _on_clear(self) -> None:
        self.field.clear()
        self.show_keyboard()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.MouseButtonPress:
            self.show_keyboard()
        return super().eventFilter(watched, event)

    # --- answers ----------------------------------------------------------------------

    def _on_answer(self, answer: SearchAnswer | None) -> None:
        if answer is None or answer.generation != self._generation:
            return      # the shopper has typed since
        self._unavailable = False
        self._shown = answer
        if answer.cards:
            _set_chips(self.categories, [])
            self._show_suggestions(answer.suggestions)
            self._show_cards(answer.cards)
        else:
            self._show_suggestions([])     # one row of chips: departments, not completions
            self._offer_discovery()
        self._show_state()
        if self._settle_due:
            self._record_settled()
        self.answered.emit(answer.text)

    def _on_search_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._on_unavailable()

    def _on_discovery(self, discovery: Discovery) -> None:
        self._discovery = discovery
        if self._shown is None or not self._shown.cards:
            self._offer_discovery()
        self._show_state()

    def _on_unavailable(self, _error: BaseException | None = None) -> None:
        self._unavailable = True
        self._show_state()

    def _show_discovery(self) -> None:
        """The field is empty: departments and popular products, nothing searched."""
        self._shown = None
        self._show_suggestions([])
        self._offer_discovery()
        self._show_state()

    def _offer_discovery(self) -> None:
        self._offer_discovery_chips()
        self._show_cards(self._discovery.popular if self._discovery else [])

    def _offer_discovery_chips(self) -> None:
        found = self._discovery
        _set_chips(self.categories, [(tile.path, tile.name) for tile in found.categories]
                   if found else [])

    def _show_cards(self, cards: list[ProductCard]) -> None:
        self.model.set_cards(cards)
        self.grid.scrollToTop()

    def catalog_changed(self, change: CatalogChange) -> None:
        """A sync changed prices or stock, or the shopper their language: the cards shown
        are read again in place, and the departments offered; what the shopper typed and
        where they scrolled stay."""
        if change.products_or_stock:
            self.model.read_again(self._context, self)
        if change.categories and self._discovery is not None:
            self._read_discovery(self._on_discovery_reread, None)
        if change.everything and self._shown is not None and self._shown.suggestions:
            self._read_suggestions_again(self._shown)

    def _read_suggestions_again(self, shown: SearchAnswer) -> None:
        """The completions of what the shopper typed, in their new language."""
        text, synonyms, language = shown.text, self._context.synonyms, self._context.language

        def reread(words: list[str]) -> None:
            if self._shown is shown:        # typed on meanwhile: the new answer stands
                self._shown = dataclasses.replace(shown, suggestions=words)
                self._show_suggestions(words)

        self._context.catalog.fetch(
            self, lambda conn: suggest(conn, text, SUGGESTIONS, synonyms=synonyms,
                                       language=language), reread)

    def _read_discovery(self, then: Callable[[Discovery], None],
                        on_error: Callable[[BaseException], None] | None) -> None:
        store, language = self._context.store_id, self._context.language
        today = self._context.clock.today()
        self._context.catalog.fetch(self, lambda conn: discover(conn, store, today, language),
                                    then, on_error)

    def _on_discovery_reread(self, discovery: Discovery) -> None:
        """The departments (and popular products) named anew, the cards shown kept."""
        self._discovery = discovery
        self._offer_discovery_chips()

    def _show_suggestions(self, words: list[str]) -> None:
        # Completions come in the shopper's language: words of the names and departments.
        _set_chips(self.suggestions, [(word, word) for word in words])
        self._fit_suggestions()

    def _fit_suggestions(self) -> None:
        """Show the completions that fit whole, best first: one cut by the edge of the
        screen cannot be read, and a row to scroll sideways is a row nobody finds."""
        strip = self.suggestions.widget().layout()
        margins = strip.contentsMargins()
        room = self.width() - margins.left() - margins.right() + strip.spacing()
        for key in self.suggestions.keys():
            chip = self.suggestions.chip(key)
            room -= chip.sizeHint().width() + strip.spacing()
            chip.setVisible(room >= 0)

    def _show_state(self) -> None:
        # Texts built from the state, not kept, so that a language switch redoes them.
        answer = self._shown
        found = answer is not None and bool(answer.cards)
        self.grid.setAccessibleName(self.tr("Search results") if found
                                    else self.tr("Popular products"))
        if self._unavailable:
            text = self.tr("The catalogue is not available at the moment. "
                           "Please ask a member of staff.")
        elif answer is None:
            text = self._browse_text()
        elif not answer.cards:
            text = self.tr("We found nothing for “%1”.").replace("%1", echoed(answer.text))
        else:
            text = self._count_text(len(answer.cards), answer.more)
            if answer.corrected_text:
                text = self.tr("Results for “%1”").replace(
                    "%1", echoed(answer.corrected_text)) + " · " + text
        show_text(self.status, text)
        show_text(self.hint, self._browse_text())
        self._arrange()

    def _browse_text(self) -> str:
        return self.tr("Browse a department, or one of our popular products.")

    def _arrange(self) -> None:
        """Show the optional rows that fit below the field and above the keyboard: the
        status line, then the row of chips on offer, then the hint that says what the
        cards are when nothing was found. A row that does not fit waits for the room
        that Done or a portrait screen gives."""
        nothing_found = self._shown is not None and not self._shown.cards
        chips = next((row for row in (self.suggestions, self.categories) if row.keys()), None)
        width = self.width() - 2 * self._side
        room = self.height() - self._sure_height() - self._results_room()
        for row, wanted in ((self.status, True), (chips, chips is not None),
                            (self.hint, nothing_found and not self._unavailable)):
            if row is None:
                continue
            needed = row.heightForWidth(width) if isinstance(row, QLabel) else row.height()
            fits = wanted and needed <= room
            room -= needed if fits else 0
            row.setVisible(fits)
        for row in (self.suggestions, self.categories):
            if row is not chips:
                row.hide()

    def _results_room(self) -> int:
        """What the results keep before any optional row shows: with the keyboard up, a
        row of cards laid on their side, names and prices whole (the grid lays them so
        when short); without it, the grid has the screen."""
        if self.keyboard.isHidden():
            return self.grid.minimumHeight()
        return self.delegate.compact_card_size().height()

    def _sure_height(self) -> int:
        """The field's row, the keyboard when it is up, the gap above the status line."""
        keyboard = 0 if self.keyboard.isHidden() else self.keyboard.sizeHint().height()
        return self._gap + self.field.sizeHint().height() + self._gap + keyboard

    def minimumSizeHint(self) -> QSize:
        # Only what is sure of its room: the window must never grow for an optional row.
        return QSize(super().minimumSizeHint().width(), self._sure_height())

    def _count_text(self, count: int, more: bool) -> str:
        return (self.tr("More than %n products", "", count) if more
                else self.tr("%n products", "", count))

    # --- leaving ----------------------------------------------------------------------

    def _on_card_tapped(self, product_id: int) -> None:
        # The variant whose code was typed opens as itself; other cards open as products.
        answer, sku = self._shown, None
        if answer is not None and answer.exact_product_id == product_id:
            sku = answer.exact_variant_sku
        self._record_settled()
        self._context.navigator.open_product(product_id, sku)

    def _on_category(self, path: str) -> None:
        self._record_settled()
        self._context.navigator.open_category(path)

    def _on_settled(self) -> None:
        self._settle_due = True
        self._record_settled()

    def _record_settled(self) -> None:
        """Journal the search on screen, unless it is not answered yet or already journalled."""
        answer = self._shown
        if answer is None or answer.generation != self._generation:
            return      # _on_answer records it if the settle time has passed
        said = " ".join(answer.text.split()).casefold()
        if said == self._recorded:
            return
        self._recorded = said
        # The count is that of the cards shown: search_answer.RESULT_LIMIT stands for
        # "at least".
        self._context.journal.record_search(answer.text, len(answer.cards))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_suggestions()
        self._arrange()

    def hideEvent(self, event: QHideEvent) -> None:
        # The shopper left (Back, Home, another screen): the search has settled.
        self._settle.stop()
        self._settle_due = True
        self._record_settled()
        super().hideEvent(event)


def _set_chips(row: ChipRow, chips: list[tuple[str, str]]) -> None:
    # The same chips are kept rather than made anew: each keystroke that finds nothing
    # offers the same departments, and a chip under the shopper's finger must stay put.
    if [(key, row.chip(key).accessibleName()) for key in row.keys()] != chips:
        row.set_chips(chips)
