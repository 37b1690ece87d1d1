"""Reserve at a store: the shopper's name and a phone number or an e-mail address, their
consent, then the server puts the variant aside and the screen shows the reference and
its QR code. The server must answer there and then (kiosk/core/reservations.py): without
it the screen says so and offers home delivery, which works offline.

The fields, their checks and the on-screen keyboard are the customer form's.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.core import validation
from kiosk.core.reservations import (
    EMAIL,
    NAME,
    PHONE,
    Outcome,
    Reservation,
    check_details,
    customer_of,
    new_key,
    reservation_body,
    reserve,
)
from kiosk.core.retention import RetentionDays
from kiosk.core.validation import Problem
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.screens.customer_form import FieldSpec, FormField
from kiosk.ui.screens.review import CHECK_BOX_PX
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.text import WrappingCheckBox, wrapped_label

# The specs' keys name the customer form's checks; the reservation's own are applied too.
DETAILS = {NAME: FieldSpec("first_name", "text", validation.NAME_MAX),
           PHONE: FieldSpec("phone", "numeric", 20),
           EMAIL: FieldSpec("email", "email", validation.EMAIL_MAX)}
QR_SIDE_PX = 180


class ReservationScreen(CheckoutScreen):
    def __init__(self, context: ShopperContext, variant_sku: str, store_id: str,
                 store_name: str, retention: RetentionDays | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.variant_sku, self.store_id, self.store_name = variant_sku, store_id, store_name
        # How long the server keeps a reservation's details, as it last said; None: unsaid.
        self._retention = retention
        self._key = new_key()           # one reservation, whatever the retries
        self.intro = wrapped_label("Hint")
        self.fields = {key: FormField(spec, "") for key, spec in DETAILS.items()}
        # The review's tick box: its sentence wraps beside it in large type.
        self.consent = WrappingCheckBox("ConsentBox", context.theme.px(CHECK_BOX_PX),
                                        context.theme.spacing)
        self.status = wrapped_label("ReservationStatus")
        self.status.hide()
        self.reserve_button = QPushButton(objectName="PrimaryButton")
        self.reserve_button.clicked.connect(self._on_reserve)
        self.delivery_button = QPushButton(objectName="SecondaryButton")
        self.delivery_button.clicked.connect(context.navigator.go_back)
        self.delivery_button.hide()
        self.reference = wrapped_label("ScreenTitle")
        self.reference.hide()
        self.qr = QrCode(context.runner, context.theme.px(QR_SIDE_PX))
        self.qr.hide()
        self.keyboard = OnScreenKeyboard(context.theme)
        self.keyboard.set_language(context.formatter.language)
        self.keyboard.hide()
        # The form scrolls under a finger, so that large type or the keyboard never push
        # the screen past the panel; its two actions stay in view below it.
        content = QWidget(objectName="FormContent")
        form = self._form = QVBoxLayout(content)
        for widget in (self.intro, *self.fields.values(), self.consent, self.status,
                       self.reference, self.qr):
            form.addWidget(widget)
        form.addStretch(1)
        for field in self.fields.values():
            field.edit.installEventFilter(self)
        self.scroll = finger_scroll_area(content, "FormScroll")
        self.column.addWidget(self.scroll, 1)
        actions = self._actions = QVBoxLayout()
        actions.addWidget(self.reserve_button)
        actions.addWidget(self.delivery_button)
        self.column.addLayout(actions)
        self.column.addWidget(self.keyboard)
        self.outcome: Reservation | None = None
        self.restyle(context.theme)
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        super().restyle(theme)
        spacing = theme.spacing
        self._form.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        self._form.setSpacing(spacing * 2)
        self._actions.setContentsMargins(spacing * 2, 0, spacing * 2, spacing)
        self.consent.set_room(theme.px(CHECK_BOX_PX) + spacing, 0)
        self.qr.set_size(theme.px(QR_SIDE_PX))

    # --- what the shopper does --------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            field = next((f for f in self.fields.values() if f.edit is watched), None)
            if field is not None:
                self.keyboard.set_mode(field.spec.keyboard)
                self.keyboard.set_target(field.edit)
                self.keyboard.show()
                self.scroll.ensureWidgetVisible(field)
        return super().eventFilter(watched, event)

    def _on_reserve(self) -> None:
        results = check_details({key: field.edit.text() for key, field in self.fields.items()})
        for key, field in self.fields.items():
            result = results.get(key)
            field.show_problem(self._message(key, result.problem)
                               if result is not None and result.problem else "")
        customer = customer_of(results)
        if customer is None:
            return
        if not self.consent.isChecked():
            self._say(self.tr("Please tick the box to agree that the store keeps your "
                              "details for this reservation."))
            return
        if not self._context.config.central_url:
            self._show(Reservation(Outcome.OFFLINE))
            return
        config, language = self._context.config, self._context.language
        body = reservation_body(self.store_id, self.variant_sku, customer, language,
                                config.privacy_notice_version, self._context.clock.now())
        key, timeout = self._key, float(config.live_stock_timeout_seconds) + 5
        self.reserve_button.setEnabled(False)
        self._say(self.tr("Reserving with the store…"))

        def work() -> Reservation:
            from kiosk.core.sync.client import CentralClient
            client = CentralClient(config.central_url, config.read_token() or "",
                                   ca_bundle=config.ca_bundle, total_timeout_s=timeout)
            try:
                return reserve(client, key, body, timeout)
            finally:
                client.close()

        def done(outcome: Reservation) -> None:
            if shiboken6.isValid(self):
                self._show(outcome)

        def failed(_error: BaseException) -> None:
            if shiboken6.isValid(self):
                self._show(Reservation(Outcome.OFFLINE))

        self._context.runner.run_live(work, done, failed, waited=True)

    def _show(self, outcome: Reservation) -> None:
        self.outcome = outcome
        self.reserve_button.setEnabled(outcome.outcome is not Outcome.HELD)
        self.delivery_button.setVisible(outcome.outcome is not Outcome.HELD)
        if outcome.outcome is Outcome.HELD:
            for widget in (*self.fields.values(), self.consent, self.reserve_button,
                           self.keyboard, self.intro):
                widget.hide()
            self.reference.show()
            self.qr.set_text(outcome.reference)
            self.qr.show()
        self.retranslate()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.setVisible(bool(text))
        if text:
            self.announced.emit(text)

    # --- words ------------------------------------------------------------------------

    def _message(self, key: str, problem: Problem) -> str:
        if problem is Problem.REQUIRED:
            return self.tr("Please enter your name.") if key == NAME else self.tr(
                "Please give a mobile number or an e-mail address.")
        return {
            Problem.TOO_LONG: self.tr("This is too long."),
            Problem.INVALID_CHARACTERS: self.tr("Please remove the unusual characters."),
            Problem.NEEDS_LETTER: self.tr("Please write it with letters."),
            Problem.EMAIL_NO_AT: self.tr("An e-mail address contains an @."),
            Problem.EMAIL_NO_DOMAIN_DOT: self.tr("Please complete the part after the @."),
            Problem.EMAIL_INVALID: self.tr("This e-mail address is not valid."),
            Problem.PHONE_INVALID: self.tr("This phone number is not valid."),
            Problem.PHONE_NOT_MOBILE: self.tr("Please give a mobile number."),
        }.get(problem, self.tr("Please check this field."))

    def _outcome_words(self) -> str:
        outcome = self.outcome
        if outcome is None:
            return ""
        if outcome.outcome is Outcome.HELD:
            moment = QDateTime.fromSecsSinceEpoch(int(outcome.hold_until.timestamp()))
            until = self._context.formatter.locale.toString(moment,
                                                            QLocale.FormatType.ShortFormat)
            return self.tr("Reserved at %1 until %2. Give this reference in the store.") \
                .replace("%1", outcome.store_name).replace("%2", until)
        if outcome.outcome is Outcome.NOT_AVAILABLE:
            return self.tr("Sorry, the last one has just been reserved. You can still order "
                           "it for home delivery.")
        return self.tr("Reserving needs a connection to our stores, which is not available "
                       "right now. You can order it for home delivery instead.")

    def title(self) -> str:
        return self.tr("Reserve at %1").replace("%1", self.store_name)

    def _consent_words(self) -> str:
        if self._retention is None:     # no number the terminal could vouch for
            return self.tr("I agree that the store keeps my details for this reservation "
                           "only as long as needed, then erases them.")
        return self.tr("I agree that the store keeps my details for this reservation. They "
                       "are erased %n day(s) after it is collected, cancelled or expires.",
                       "", self._retention.reservations)

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(self.tr("We put it aside for you to try or buy in the store. "
                                   "Tap a field to type."))
        labels = {NAME: self.tr("Your name"), PHONE: self.tr("Mobile phone"),
                  EMAIL: self.tr("E-mail (or a mobile phone)")}
        for key, field in self.fields.items():
            field.label.setText(labels[key])
            field.label.setAccessibleName(labels[key])
            field.edit.setAccessibleName(labels[key])
        self.consent.set_text(self._consent_words())
        self.reserve_button.setText(self.tr("Reserve"))
        self.reserve_button.setAccessibleName(self.reserve_button.text())
        self.delivery_button.setText(self.tr("Order for home delivery"))
        self.delivery_button.setAccessibleName(self.delivery_button.text())
        if self.outcome is not None:
            self._say(self._outcome_words())
            if self.outcome.outcome is Outcome.HELD:
                self.reference.setText(self.outcome.reference)
                self.reference.setAccessibleName(self.outcome.reference)

    def set_formatter(self, formatter) -> None:
        self.keyboard.set_language(formatter.language)

    def focus_order(self) -> list[QWidget]:
        shown = [field.edit for field in self.fields.values() if field.isVisibleTo(self)]
        return [*shown, *(w for w in (self.consent, self.reserve_button,
                                      self.delivery_button) if w.isVisibleTo(self))]
