"""What the checkout screens (basket, delivery details, check and confirm, confirmation)
have in common: no compare tray under them, and their title written large at the top of
the column they lay out in."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import show_text, wrapped_label


class CheckoutScreen(Restyling, Screen):
    hides_footer = True     # the compare tray has no place in the checkout

    def __init__(self, context: ShopperContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The class's name is the one the style sheet and the tests know the screen by.
        self.setObjectName(type(self).__name__)
        self._context = context
        self.heading = wrapped_label("ScreenTitle")
        # The screen's column, top to bottom: the heading, then what the screen adds.
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.heading)
        CheckoutScreen.restyle(self, context.theme)

    def restyle(self, theme: Theme) -> None:
        """A checkout screen calls this first from its own `restyle()`."""
        self.column.setSpacing(theme.spacing)

    def retranslate(self) -> None:
        """A checkout screen calls this first from its own `retranslate()`."""
        show_text(self.heading, self.title())
