"""Check and confirm: delivery method, the items, the address, consent, then Confirm.

Confirm writes the order to the journal on the database worker; only once it is there
does the confirmation appear. Nothing on this screen is ticked or chosen for the shopper
except the cheapest delivery, which they can change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import outbox
from kiosk.core.orders import (
    DeliveryOption,
    OrderRequest,
    PlacedOrder,
    delivery_options,
    place_order,
    reference_prefix,
)
from kiosk.core.retention import RetentionDays
from kiosk.core.validation import check_customer, customer_payload, format_phone_for_display
from kiosk.ui.formatting import Formatter
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.text import WrappingButton, WrappingCheckBox, show_text, wrapped_label
from kiosk.ui.widgets.toggle import act_on_toggle
from kiosk.ui.wording import long_date

CHECK_BOX_PX = 48     # the consent box's tick square, as the theme draws it
PRIVACY_QR_PX = 220


def customer_for_order(fields: dict[str, str]) -> dict | None:
    """The server-ready customer from what was typed, or None if a field is wrong."""
    results = check_customer(fields)
    return customer_payload(results) if all(r.ok for r in results.values()) else None


class ReviewScreen(CheckoutScreen):
    def __init__(self, context: ShopperContext, retention: RetentionDays | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # How long the order service keeps the details, as the server said; None: unsaid.
        self._retention = retention
        self._options = delivery_options(context.config)
        self._placing = False
        spacing = context.theme.spacing

        self.delivery_title = wrapped_label("SectionTitle")
        self.delivery_buttons = QButtonGroup(self)
        self.delivery_buttons.setExclusive(True)
        self.delivery_rows = QVBoxLayout()
        for index, option in enumerate(self._options):
            button = WrappingButton("ToggleButton", spacing * 2)
            button.setCheckable(True)
            button.setChecked(option.method == context.session.delivery_method)
            self.delivery_buttons.addButton(button, index)
            self.delivery_rows.addWidget(button)
        if self.delivery_buttons.checkedButton() is None:
            self.delivery_buttons.button(0).setChecked(True)
        for index in range(len(self._options)):
            # Turned by a tap or by an assistive technology's Toggle.
            act_on_toggle(self.delivery_buttons.button(index),
                          lambda index=index: self._options[index].method
                          == context.session.delivery_method,
                          lambda on, index=index: on and self._on_delivery_chosen(index))

        self.items_title = wrapped_label("SectionTitle")
        self.items = wrapped_label("ReviewItems")
        self.totals = wrapped_label("ReviewTotals")
        self.total = wrapped_label("ReviewTotal")

        self.address_title = wrapped_label("SectionTitle")
        self.address = wrapped_label("ReviewAddress")
        self.change_address = QPushButton(objectName="SecondaryButton")
        self.change_address.clicked.connect(context.navigator.go_back)

        self.consent_title = wrapped_label("SectionTitle")
        self.consent_text = wrapped_label("ConsentText")
        self.privacy_code = QrCode(context.runner, context.theme.px(PRIVACY_QR_PX))
        self.privacy_code.set_text(context.config.privacy_notice_url)
        self.privacy_caption = wrapped_label("Hint")
        self.consent = WrappingCheckBox("ConsentBox", context.theme.px(CHECK_BOX_PX), spacing)
        self.consent.setChecked(False)          # never ticked for the shopper
        self.consent.toggled.connect(self._show_confirm_state)

        self.payment = wrapped_label("Hint")
        self.confirm_hint = wrapped_label("Hint")
        self.confirm = QPushButton(objectName="PrimaryButton")
        self.confirm.clicked.connect(self._on_confirm)

        privacy = self._privacy = QHBoxLayout()
        privacy.addWidget(self.privacy_code, 0, Qt.AlignmentFlag.AlignTop)
        privacy.addWidget(self.privacy_caption, 1)

        content = QWidget(objectName="ReviewContent")
        lines = self._lines = QVBoxLayout(content)
        lines.addWidget(self.delivery_title)
        lines.addLayout(self.delivery_rows)
        for widget in (self.items_title, self.items, self.totals, self.total,
                       self.address_title, self.address):
            lines.addWidget(widget)
        lines.addWidget(self.change_address, 0, Qt.AlignmentFlag.AlignLeft)
        lines.addWidget(self.consent_title)
        lines.addWidget(self.consent_text)
        lines.addLayout(privacy)
        lines.addWidget(self.consent)
        lines.addWidget(self.payment)
        lines.addStretch(1)
        scroll = finger_scroll_area(content, "ReviewScroll")

        footer = self._footer = QVBoxLayout()
        footer.addWidget(self.confirm_hint)
        footer.addWidget(self.confirm)
        layout = self.column
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)
        self.restyle(context.theme)
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        super().restyle(theme)
        spacing = theme.spacing
        self.delivery_rows.setSpacing(spacing)
        for button in self.delivery_buttons.buttons():
            button.set_room(spacing * 2, spacing * 2)
        self.consent.set_room(theme.px(CHECK_BOX_PX) + spacing, 0)
        self.privacy_code.set_size(theme.px(PRIVACY_QR_PX))
        self._privacy.setSpacing(spacing * 2)
        self._lines.setContentsMargins(spacing * 2, 0, spacing * 2, spacing * 2)
        self._lines.setSpacing(spacing)
        self._footer.setContentsMargins(spacing * 2, 0, spacing * 2, spacing * 2)
        self._footer.setSpacing(spacing // 2)

    # --- what is shown ----------------------------------------------------------------

    @property
    def delivery(self) -> DeliveryOption:
        return self._options[max(self.delivery_buttons.checkedId(), 0)]

    def _show_delivery_options(self) -> None:
        formatter, today = self._context.formatter, self._context.clock.today()
        for index, option in enumerate(self._options):
            name = (self.tr("Standard delivery") if option.method == "standard"
                    else self.tr("Express delivery"))
            fee = (formatter.price(option.fee_cents) if option.fee_cents
                   else self.tr("free"))
            by = self.tr("delivered by %1").replace(
                "%1", long_date(formatter, option.expected_date(today)))
            text = f"{name} · {fee}\n{by}"
            self.delivery_buttons.button(index).set_text(text)

    def _show_order(self) -> None:
        session, formatter = self._context.session, self._context.formatter
        basket = session.basket
        items = []
        for line in basket.lines:
            variant = formatter.variant(line.size, line.color)
            described = f"{line.name} · {variant}" if variant else line.name
            items.append(self.tr("%1 × %2 · %3").replace("%1", formatter.locale.toString(
                line.quantity)).replace("%2", described).replace(
                "%3", formatter.price(line.total_cents)))
        show_text(self.items, "\n".join(items))
        fee = self.delivery.fee_cents
        totals = "\n".join([
            self.tr("Items: %1").replace("%1", formatter.price(basket.subtotal_cents)),
            self.tr("Delivery: %1").replace(
                "%1", formatter.price(fee) if fee else self.tr("free"))])
        show_text(self.totals, totals)
        show_text(self.total, self.tr("Total: %1").replace(
            "%1", formatter.price(basket.subtotal_cents + fee)))
        customer = customer_for_order(session.customer_fields)
        if customer is None:
            show_text(self.address, "")
            return
        address = customer["address"]
        lines = [f"{customer['first_name']} {customer['last_name']}", address["line1"],
                 address["line2"], f"{address['postal_code']} {address['city']}",
                 customer["email"], format_phone_for_display(customer["phone"]),
                 customer["instructions"]]
        show_text(self.address, "\n".join(line for line in lines if line))

    def _show_confirm_state(self) -> None:
        agreed = self.consent.isChecked()
        self.confirm.setEnabled(agreed and not self._placing)
        hint = "" if agreed else self.tr("Tick the box above to confirm your order.")
        show_text(self.confirm_hint, hint)
        self.confirm_hint.setVisible(bool(hint))

    # --- the shopper's taps -----------------------------------------------------------

    def _on_delivery_chosen(self, index: int) -> None:
        self._context.session.delivery_method = self._options[index].method
        self._show_order()

    def _on_confirm(self) -> None:
        context = self._context
        session = context.session
        customer = customer_for_order(session.customer_fields)
        if self._placing or not self.consent.isChecked() or customer is None \
                or session.basket.is_empty:
            return
        self._placing = True                 # one tap, one order
        self._show_confirm_state()
        config = context.config
        request = OrderRequest(
            store_id=config.store_id, language=context.formatter.language,
            currency=config.currency, lines=session.basket.lines, customer=customer,
            delivery=self.delivery, privacy_notice_version=config.privacy_notice_version,
            consent_given_at=outbox.utc_now())
        prefix = reference_prefix(config)
        today = context.clock.today()        # the day the delivery options counted from
        context.journal.write(lambda conn: place_order(conn, request, prefix, today=today),
                              self._on_placed, self._on_not_placed)

    def _on_placed(self, placed: PlacedOrder) -> None:
        self._context.session.order_placed()
        self._context.navigator.show_confirmation(placed)
        self._context.navigator.order_sent()

    def _on_not_placed(self, _error: BaseException) -> None:
        self._context.navigator.notify(self.tr(
            "Sorry, your order could not be saved, so nothing was ordered. "
            "Please ask a member of staff."))
        if self.isVisible():
            self._placing = False
            self._show_confirm_state()

    # --- language ---------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Check and confirm")

    def _kept_by_the_order_service(self) -> str:
        if self._retention is None:         # a server that does not say: nothing more
            return ""
        return " " + self.tr("Our order service keeps them for %n day(s) after delivery or "
                             "cancellation, then erases them.", "", self._retention.orders)

    def retranslate(self) -> None:
        super().retranslate()
        days = self._context.config.purge_order_details_after_days
        for label, text in (
                (self.delivery_title, self.tr("Delivery")),
                (self.items_title, self.tr("Your items")),
                (self.address_title, self.tr("Delivered to")),
                (self.consent_title, self.tr("Your personal data")),
                (self.consent_text, self.tr(
                    "We use your name, address, e-mail and phone number only to deliver "
                    "this order and to keep you informed about it. This terminal deletes "
                    "them %n day(s) after our order service has received them. You can "
                    "ask to see, correct or erase them at any time.", "", days)
                    + self._kept_by_the_order_service()),
                (self.privacy_caption, self.tr(
                    "Scan this code to read our privacy notice on your phone.")),
                (self.payment, self.tr(
                    "You pay at the store's till by showing your order's QR code, or by "
                    "the payment link we e-mail you. This terminal never asks for your "
                    "card.")),
        ):
            show_text(label, text)
        self.consent.set_text(self.tr("I agree that my data is used to deliver this order."))
        self.privacy_code.setAccessibleName(self.tr("QR code of the privacy notice"))
        self.change_address.setText(self.tr("Change the details"))
        self.change_address.setAccessibleName(self.change_address.text())
        self.confirm.setText(self.tr("Confirm the order"))
        self.confirm.setAccessibleName(self.confirm.text())
        self._show_delivery_options()
        self._show_order()
        self._show_confirm_state()

    def set_formatter(self, formatter: Formatter) -> None:
        self._show_delivery_options()
        self._show_order()

    def focus_order(self) -> list[QWidget]:
        deliveries = [self.delivery_buttons.button(index) for index in range(len(self._options))]
        return [*deliveries, self.change_address, self.consent, self.confirm]
