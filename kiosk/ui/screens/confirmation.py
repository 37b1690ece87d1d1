"""The order is placed: its reference in large type, a QR code of its status page, what
happens next and how to pay. Nothing personal is shown: the next shopper may read it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.core.customer_messages import NONE_SENT, CustomerMessages
from kiosk.core.orders import PlacedOrder, status_url
from kiosk.ui.formatting import Formatter
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.text import show_text, wrapped_label
from kiosk.ui.wording import long_date, sentences

QR_SIZE_PX = 420


def spelled_out(reference: str) -> str:
    """'K 7 D, 3 M X Q 9 P': read aloud character by character, not as a word."""
    return ", ".join(" ".join(part) for part in reference.split("-"))


class ConfirmationScreen(CheckoutScreen):
    def __init__(self, context: ShopperContext, order: PlacedOrder, online: bool,
                 messages: CustomerMessages | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.order = order
        self.online = online
        # What the server said it e-mails customers; unknown: nothing is promised.
        self.messages = messages or NONE_SENT
        self.sending = wrapped_label("Hint")
        self.reference_caption = wrapped_label("ReferenceCaption")
        self.reference = wrapped_label("OrderReference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.code = QrCode(context.runner, context.theme.px(QR_SIZE_PX))
        self.url = status_url(context.config, order.reference)
        self.code.set_text(self.url)
        self.code.setVisible(bool(self.url))
        self.code_caption = wrapped_label("Hint")
        self.code_caption.setVisible(bool(self.url))
        self.summary = wrapped_label("ConfirmationSummary")
        self.next_steps_title = wrapped_label("SectionTitle")
        self.next_steps = wrapped_label("ConfirmationText")
        self.payment_title = wrapped_label("SectionTitle")
        self.payment = wrapped_label("ConfirmationText")
        self.done = QPushButton(objectName="PrimaryButton")
        self.done.clicked.connect(self._on_done)
        for label in (self.heading, self.reference_caption, self.reference, self.code_caption):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        content = QWidget(objectName="ConfirmationContent")
        lines = self._lines = QVBoxLayout(content)
        for widget in (self.sending, self.reference_caption, self.reference):
            lines.addWidget(widget)
        lines.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.code_caption, self.summary, self.next_steps_title,
                       self.next_steps, self.payment_title, self.payment):
            lines.addWidget(widget)
        lines.addStretch(1)
        scroll = finger_scroll_area(content, "ConfirmationScroll")
        layout = self.column
        layout.addWidget(scroll, 1)
        done_row = self._done_row = QVBoxLayout()
        done_row.addWidget(self.done)
        layout.addLayout(done_row)
        self.restyle(context.theme)
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        super().restyle(theme)
        spacing = theme.spacing
        self._lines.setContentsMargins(spacing * 2, 0, spacing * 2, spacing * 2)
        self._lines.setSpacing(spacing)
        self._done_row.setContentsMargins(spacing * 2, 0, spacing * 2, spacing * 2)
        self.code.set_size(theme.px(QR_SIZE_PX))

    def title(self) -> str:
        return self.tr("Thank you, your order is placed")

    def arrival_words(self, spelled: Callable[[str], str]) -> str:
        """The whole page, the reference one character at a time (EN 301 549 5.1.3.16)."""
        return sentences([self.title(), self.sending.text(), self.reference_caption.text(),
                          spelled(self.order.reference), self.summary.text(),
                          self.next_steps_title.text(), self.next_steps.text(),
                          self.payment_title.text(), self.payment.text()])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_reference()

    def _show_reference(self) -> None:
        """On one line; or, where the screen is too narrow for it in the largest type, on
        two, broken after its dash (a break the line breaker would not make before a
        digit)."""
        reference = self.order.reference
        self.reference.ensurePolished()
        margins = self._context.theme.spacing * 2 * 2       # the content's, either side
        if self.reference.fontMetrics().horizontalAdvance(reference) > self.width() - margins:
            reference = reference.replace("-", "-\u200b")
        if self.reference.text() != reference:
            self.reference.setText(reference)

    def retranslate(self) -> None:
        super().retranslate()
        order, formatter = self.order, self._context.formatter
        show_text(self.sending, self.tr(
            "It is on its way to our order service.") if self.online else self.tr(
            "This terminal is offline at the moment: your order is saved here and will be "
            "sent to our order service as soon as the connection is back."))
        show_text(self.reference_caption, self.tr("Your order reference"))
        self._show_reference()
        self.reference.setAccessibleName(spelled_out(order.reference))
        self.code.setAccessibleName(self.tr("QR code of your order's page"))
        show_text(self.code_caption, self.tr(
            "Scan this code with your phone to follow your order."))
        count = order.item_count
        show_text(self.summary, "\n".join([
            self.tr("%n item(s) · total %1", "", count).replace(
                "%1", formatter.price(order.total_cents)),
            self.tr("Delivered to your home by %1").replace(
                "%1", long_date(formatter, order.expected_date))]))
        show_text(self.next_steps_title, self.tr("What happens next"))
        show_text(self.next_steps, " ".join(self._next_steps()))
        show_text(self.payment_title, self.tr("How to pay"))
        show_text(self.payment, self.tr(
            "At the till of this store: show your order reference or its QR code. "
            "Or online: use the payment link in the e-mail. This terminal never asks for "
            "your card.") if self.messages.payment_link else self.tr(
            "At the till of this store: show your order reference or its QR code. "
            "This terminal never asks for your card."))
        self.done.setText(self.tr("Done"))
        self.done.setAccessibleName(self.done.text())

    def _next_steps(self) -> list[str]:
        """Only what the server is set up to do; an order still on this terminal gets its
        e-mail once it has reached the server."""
        messages = self.messages
        if not messages.order_email:
            return [self.tr("Follow your order on its page: scan the QR code above.")
                    if self.url else self.tr("Keep your order reference: the store's staff "
                                             "can tell you where your order stands."),
                    self.tr("We send your items once the order is paid.")]
        if self.online:
            confirming = self.tr("You will receive an e-mail confirming your order, with a "
                                 "link to pay.") if messages.payment_link else self.tr(
                "You will receive an e-mail confirming your order.")
        else:
            confirming = self.tr("Once this terminal has sent your order, you will receive "
                                 "an e-mail confirming it, with a link to pay.") \
                if messages.payment_link else self.tr(
                "Once this terminal has sent your order, you will receive an e-mail "
                "confirming it.")
        return [confirming, self.tr("We send your items once the order is paid, and e-mail "
                                    "you when they leave.")]

    def _on_done(self) -> None:
        # The end of the visit: the moment to ask how it went, if the store wants to.
        if self._context.config.offer_rating_after_order:
            self._context.navigator.open_rating(at_end=True)
        else:
            self._context.navigator.finish_session()

    def set_formatter(self, formatter: Formatter) -> None:
        self.retranslate()

    def focus_order(self) -> list[QWidget]:
        return [self.done]
