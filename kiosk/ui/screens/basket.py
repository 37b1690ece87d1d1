"""The delivery basket: what the shopper will have delivered, with quantities to adjust."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.orders import BasketLine
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.text import show_text, wrapped_label
from kiosk.ui.wording import limit_message

ACTIONS_GAP_PX = 16


class BasketRow(Retranslating, Restyling, QFrame):
    """One line: the item, its size and colour, a quantity to step, and Remove."""

    def __init__(self, context: ShopperContext, line: BasketLine,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BasketRow")
        self._context = context
        self.line = line
        self.name = wrapped_label("BasketLineName")
        self.variant = wrapped_label("Hint")
        self.price = wrapped_label("BasketLinePrice")
        self.less = QPushButton("−", objectName="StepButton")
        self.less.clicked.connect(lambda: self._step(-1))
        self.quantity = QLabel(objectName="BasketQuantity")
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more = QPushButton("+", objectName="StepButton")
        self.more.clicked.connect(lambda: self._step(+1))
        self.remove = QPushButton(objectName="RemoveButton")
        self.remove.clicked.connect(lambda: self._context.session.set_basket_quantity(
            self.line.sku, 0))
        stepper = self._stepper = QHBoxLayout()
        stepper.addWidget(self.less)
        stepper.addWidget(self.quantity)
        stepper.addWidget(self.more)
        stepper.addStretch(1)
        stepper.addWidget(self.remove)
        layout = QVBoxLayout(self)
        for widget in (self.name, self.variant, self.price):
            layout.addWidget(widget)
        layout.addLayout(stepper)
        self.restyle(context.theme)
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        spacing = theme.spacing
        self._stepper.setSpacing(spacing)
        self.layout().setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        self.layout().setSpacing(spacing // 2)

    def retranslate(self) -> None:
        line, formatter = self.line, self._context.formatter
        show_text(self.name, line.name)
        variant = formatter.variant(line.size, line.color)
        show_text(self.variant, variant)
        self.variant.setVisible(bool(variant))
        unit, total = formatter.price(line.unit_price_cents), formatter.price(line.total_cents)
        quantity = line.quantity
        prices = (self.tr("%1 each · %2").replace("%1", unit).replace("%2", total)
                  if quantity > 1 else unit)
        show_text(self.price, prices)
        self.quantity.setText(formatter.locale.toString(quantity))
        self.quantity.setAccessibleName(self.tr("Quantity: %n", "", quantity))
        self.less.setAccessibleName(self.tr("One less %1").replace("%1", line.name))
        self.less.setEnabled(quantity > 1)
        self.more.setAccessibleName(self.tr("One more %1").replace("%1", line.name))
        self.remove.setText(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove %1").replace("%1", line.name))
        # A stepper is focused, not the line: speech says with it how many, at what price.
        for button in (self.less, self.more, self.remove):
            button.setAccessibleDescription(
                f"{self.quantity.accessibleName()}. {prices.replace(' · ', ', ')}")

    def _step(self, by: int) -> None:
        change = self._context.session.set_basket_quantity(self.line.sku,
                                                           self.line.quantity + by)
        if message := limit_message(change, self._context):
            self._context.navigator.notify(message)


class BasketScreen(CheckoutScreen):
    def __init__(self, context: ShopperContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.explanation = wrapped_label("Hint")
        self.empty = wrapped_label("StatusMessage")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list = QWidget(objectName="BasketList")
        self._list_layout = QVBoxLayout(self.list)
        self._list_layout.addStretch(1)
        scroll = finger_scroll_area(self.list, "BasketScroll")
        self.subtotal = wrapped_label("BasketSubtotal")
        self.keep_shopping = QPushButton(objectName="SecondaryButton")
        self.keep_shopping.clicked.connect(context.navigator.go_back)
        self.proceed = QPushButton(objectName="PrimaryButton")
        self.proceed.clicked.connect(context.navigator.open_customer_form)
        # One above the other: side by side, large type leaves neither its words.
        actions = self._actions = QVBoxLayout()
        actions.addWidget(self.proceed)
        actions.addWidget(self.keep_shopping)
        layout = self.column
        layout.addWidget(self.explanation)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.subtotal)
        layout.addLayout(actions)
        self.rows: list[BasketRow] = []
        self.restyle(context.theme)
        context.session.basket_changed.connect(self._show_lines)
        self.retranslate()
        self._show_lines()

    def restyle(self, theme: Theme) -> None:
        super().restyle(theme)
        spacing = theme.spacing
        self.explanation.setContentsMargins(spacing * 2, 0, spacing * 2, 0)
        self._list_layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        self._list_layout.setSpacing(spacing)
        # The gaps around the two actions stay as at the usual size: on a wide screen in
        # the largest type they would leave the list no height.
        self._actions.setContentsMargins(spacing * 2, 0, spacing * 2, min(spacing * 2,
                                                                           ACTIONS_GAP_PX * 2))
        self._actions.setSpacing(min(spacing, ACTIONS_GAP_PX))
        self.subtotal.setContentsMargins(spacing * 2, 0, spacing * 2, 0)

    def _show_lines(self) -> None:
        lines = self._context.session.basket.lines
        if [row.line.sku for row in self.rows] == [line.sku for line in lines]:
            # Only quantities changed: the rows stay, so that the stepper under the finger
            # or the keypad's ring stays too, and speech reads it with its new quantity.
            for row, line in zip(self.rows, lines, strict=True):
                row.line = line
                row.retranslate()
            self._show_totals()
            return
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        for line in lines:
            row = BasketRow(self._context, line)
            self._list_layout.insertWidget(self._list_layout.count() - 1, row)
            self.rows.append(row)
        self._show_totals()

    def _show_totals(self) -> None:
        basket, formatter = self._context.session.basket, self._context.formatter
        self.empty.setVisible(basket.is_empty)
        self.subtotal.setVisible(not basket.is_empty)
        count = basket.item_count
        text = self.tr("%n item(s) · %1 before delivery", "", count).replace(
            "%1", formatter.price(basket.subtotal_cents))
        self.subtotal.setText(text)
        self.subtotal.setAccessibleName(text)
        self.proceed.setEnabled(not basket.is_empty)

    def title(self) -> str:
        return self.tr("Your home delivery")

    def retranslate(self) -> None:
        super().retranslate()
        for label, text in (
                (self.explanation, self.tr("We deliver these items to your home. You pay "
                                           "at the till or by the link we e-mail you.")),
                (self.empty, self.tr("Your basket is empty. Choose an item and tap "
                                     "“Deliver to my home”."))):
            label.setText(text)
            label.setAccessibleName(text)
        for button, text in ((self.keep_shopping, self.tr("Keep shopping")),
                             (self.proceed, self.tr("Enter delivery details"))):
            button.setText(text)
            button.setAccessibleName(text)
        self._show_totals()

    def set_formatter(self, formatter: Formatter) -> None:
        for row in self.rows:
            row.retranslate()
        self._show_totals()

    def focus_order(self) -> list[QWidget]:
        steppers = [button for row in self.rows for button in (row.less, row.more, row.remove)]
        return [*steppers, self.proceed, self.keep_shopping]
