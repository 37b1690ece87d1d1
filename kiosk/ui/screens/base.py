"""What a shopper screen offers the app, declared once rather than probed for.

A new screen subclasses `Screen`, names itself in `title()`, sets its texts in
`retranslate()`, and is opened from one place, the navigator. Everything else has a
default that suits a screen which does not care: the app calls every method on every
screen, so none is looked for with `hasattr`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kiosk.core.catalog_change import CatalogChange
from kiosk.ui.retranslating import Retranslating

if TYPE_CHECKING:
    from kiosk.ui.formatting import Formatter


class Screen(Retranslating, QWidget):
    # True for a screen the compare tray has no place under (the checkout, the rating).
    hides_footer = False

    def title(self) -> str:
        """What this screen is, in a few words of the shopper's language: the name
        assistive technology gives the screen, and what speech says on arrival."""
        raise NotImplementedError(f"{type(self).__name__} must name itself")

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
