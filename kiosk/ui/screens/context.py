"""What every shopper screen is given: no screen reaches for a global application object.

A screen gets a `ShopperContext` when it is made. The context is made anew for each
shopper session, so anything a shopper gathered (the compare tray, later the basket)
goes with it at the idle reset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from kiosk.core.accessibility import AccessibilityChoices
from kiosk.core.clock import SYSTEM_CLOCK, Clock
from kiosk.core.compare import CompareTray, TrayAdd
from kiosk.core.config import KioskConfig
from kiosk.core.orders import (
    Basket,
    BasketChange,
    BasketLine,
    OrderLimits,
    PlacedOrder,
    VariantWords,
)
from kiosk.core.synonyms import Synonyms
from kiosk.ui.catalog_reader import CatalogReader
from kiosk.ui.formatting import Formatter
from kiosk.ui.journal_writer import JournalWriter
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache


class Navigator(Protocol):
    """How a screen opens another; kiosk/ui/navigator.py makes and stacks the screens."""

    def open_category(self, path: str) -> None: ...
    def open_search(self, text: str = "") -> None: ...
    def open_product(self, product_id: int, variant_sku: str | None = None) -> None: ...
    def open_compare(self) -> None: ...
    def open_stores(self, variant_sku: str) -> None: ...  # stock of one variant store by store
    # Put the variant aside in a store that has it (needs the server there and then).
    def open_reservation(self, variant_sku: str, store_id: str, store_name: str) -> None: ...
    def notify(self, message: str) -> None: ...     # a short message over the screen
    def go_back(self) -> None: ...                  # as the top bar's Back
    # "Tell me when it's back": an e-mail once the variant is in stock again, offered only
    # while the server says it e-mails customers (an alert is nothing without it).
    def open_back_in_stock(self, variant_sku: str, item_words: str) -> None: ...
    def takes_alerts(self) -> bool: ...
    def open_basket(self) -> None: ...
    def open_customer_form(self) -> None: ...       # the delivery details of the order
    def open_review(self) -> None: ...              # summary, consent, Confirm
    def show_confirmation(self, order: PlacedOrder) -> None: ...  # the form is gone by then
    def order_sent(self) -> None: ...               # a new order waits: sync it now
    def finish_session(self) -> None: ...           # the shopper is done: back to the start
    def open_rating(self, at_end: bool = False) -> None: ...  # "How was your visit?"


DEFAULT_LIMITS = OrderLimits(max_quantity_per_line=5, max_lines=10, max_items=20)


class ShopperSession(QObject):
    """What one shopper has gathered during a visit: the compare tray, the basket, what
    they typed in the delivery form (kept across Back and forth, gone at the reset), and
    what they switched on to use the kiosk (speech, larger text...)."""

    compare_changed = Signal()
    basket_changed = Signal()
    accessibility_changed = Signal(object)     # the new AccessibilityChoices

    def __init__(self, limits: OrderLimits = DEFAULT_LIMITS,
                 accessibility: AccessibilityChoices = AccessibilityChoices(),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.accessibility = accessibility
        self.compare = CompareTray()
        self.basket = Basket(limits)
        self.customer_fields: dict[str, str] = {}
        self.delivery_method = "standard"

    def choose_accessibility(self, choices: AccessibilityChoices) -> None:
        if choices != self.accessibility:
            self.accessibility = choices
            self.accessibility_changed.emit(choices)

    def add_to_basket(self, line: BasketLine) -> BasketChange:
        change = self.basket.add(line)
        if change in (BasketChange.ADDED, BasketChange.UPDATED):
            self.basket_changed.emit()
        return change

    def set_basket_quantity(self, sku: str, quantity: int) -> BasketChange:
        change = self.basket.set_quantity(sku, quantity)
        if change is BasketChange.UPDATED:
            self.basket_changed.emit()
        return change

    def rename_basket(self, names: dict[str, VariantWords]) -> None:
        """The basket's lines named in the shopper's new language (SKU -> words)."""
        if self.basket.rename(names):
            self.basket_changed.emit()

    def order_placed(self) -> None:
        """The order is in the journal: nothing of it stays with the session."""
        self.basket.clear()
        self.customer_fields.clear()
        self.delivery_method = "standard"
        self.basket_changed.emit()

    def add_to_compare(self, product_id: int) -> TrayAdd:
        outcome = self.compare.add(product_id)
        if outcome is TrayAdd.ADDED:
            self.compare_changed.emit()
        return outcome

    def remove_from_compare(self, product_id: int) -> None:
        if self.compare.remove(product_id):
            self.compare_changed.emit()


@dataclass
class ShopperContext:
    theme: Theme
    formatter: Formatter              # the current language's; screens get set_formatter()
    thumbnails: ThumbnailCache        # card-sized images
    pictures: ThumbnailCache          # large images (product gallery, attract screen)
    catalog: CatalogReader            # what screens read
    journal: JournalWriter            # orders and anonymous events
    runner: TaskRunner
    navigator: Navigator
    session: ShopperSession
    config: KioskConfig
    synonyms: Synonyms | None = None  # shopper words for catalog words ("veste" -> jacket)
    clock: Clock = SYSTEM_CLOCK       # what "now" and "today" are for every screen

    @property
    def store_id(self) -> str:
        return self.config.store_id

    @property
    def language(self) -> str:
        """The shopper's language ('fr'): the catalog's text is read in it. It follows the
        formatter, which Sessions.set_language replaces at a switch."""
        return self.formatter.language
