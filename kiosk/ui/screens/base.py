"""What a shopper screen offers the app, declared once rather than probed for.

A new screen subclasses `Screen`, names itself in `title()`, sets its texts in
`retranslate()`, and is opened from one place, the navigator. Everything else has a
default that suits a screen which does not care: the app calls every method on every
screen, so none is looked for with `hasattr`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.core.catalog_change import CatalogChange
from kiosk.ui.retranslating import Retranslating

if TYPE_CHECKING:
    from kiosk.ui.formatting import Formatter


# A property set on a field holding the customer's own details: speech reads its value
# back only into a headset (EN 301 549 5.1.3.9).
CUSTOMER_DETAIL = "customer_detail"


class Screen(Retranslating, QWidget):
    # True for a screen the compare tray has no place under (the checkout, the rating).
    hides_footer = False
    # The title changed after the screen was shown (a product's name once it is read):
    # speech says the new one.
    title_changed = Signal()
    # Words to say the moment they appear, not when a control is focused: a field found
    # wrong as the shopper leaves it (EN 301 549 5.1.3.15).
    announced = Signal(str)

    def title(self) -> str:
        """What this screen is, in a few words of the shopper's language: the name
        assistive technology gives the screen, and what speech says on arrival."""
        raise NotImplementedError(f"{type(self).__name__} must name itself")

    def arrival_words(self, spelled: Callable[[str], str]) -> str:
        """What speech says when the screen opens: its title, or more where the screen is
        read whole (the confirmation, its reference through `spelled`, one character at
        a time)."""
        return self.title()

    def set_formatter(self, formatter: Formatter) -> None:
        """The shopper chose another language: prices, dates and numbers are written the
        new way. Words are the business of `retranslate()`."""

    def set_landscape(self, landscape: bool) -> None:
        """The screen was turned (or opened) wide: lay out side by side rather than
        stacked."""

    def focus_order(self) -> list[QWidget]:
        """This screen's controls in reading order, top to bottom: the order the keypad
        moves focus in, and speech reads them."""
        return []

    def catalog_changed(self, change: CatalogChange) -> None:
        """Sync has changed the cache. A screen showing what `change` concerns reads it
        again, keeping the shopper's place (their choice, the scroll, what they typed).
        Nothing to do for a screen that shows no catalog data."""
