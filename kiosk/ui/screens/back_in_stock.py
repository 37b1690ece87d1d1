""""Tell me when it's back": the shopper's e-mail address, this store or any store, and
their explicit consent, sent to the central server there and then (kiosk/core/alerts.py).
Then a short word: confirm through the e-mail that is on its way (double opt-in).

The address is typed with the delivery form's field and keyboard, and checked by the
same rules; it is kept on this screen only, never in the session or on disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QButtonGroup, QPushButton, QVBoxLayout, QWidget

from kiosk.core.alerts import Outcome, alert_body, ask_alert, new_key
from kiosk.core.retention import RetentionDays
from kiosk.core.validation import Problem
from kiosk.ui.formatting import Formatter
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.screens.customer_form import FIELD_SPECS, WARNING_MARK, FormField
from kiosk.ui.screens.review import CHECK_BOX_PX
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.text import WrappingButton, WrappingCheckBox, show_text, wrapped_label

log = logging.getLogger(__name__)

EMAIL_SPEC = next(spec for spec in FIELD_SPECS if spec.key == "email")


class BackInStockScreen(CheckoutScreen):
    def __init__(self, context: ShopperContext, variant_sku: str, item_words: str,
                 known_offline: Callable[[], bool], retention: RetentionDays | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._sku = variant_sku
        self._known_offline = known_offline
        # How long the server keeps an alert's address, as it last said; None: unsaid.
        self._retention = retention
        self._key = new_key()          # one alert, however many times Send is pressed
        self.item = wrapped_label("Hint")
        self.item.setText(item_words)
        self.item.setAccessibleName(item_words)
        self.email = FormField(EMAIL_SPEC, "")
        self.email.edit.installEventFilter(self)
        self.email.edit.textEdited.connect(self._on_typed)
        self.scope_title = wrapped_label("FieldLabel")
        spacing = context.theme.spacing
        # One under the other, their words wrapped: side by side, large type cut them.
        self.this_store = WrappingButton("ToggleButton", spacing * 2)
        self.any_store = WrappingButton("ToggleButton", spacing * 2)
        self._scope = QButtonGroup(self)
        self._scope.setExclusive(True)
        for button in (self.this_store, self.any_store):
            button.setCheckable(True)
            self._scope.addButton(button)
        self.this_store.setChecked(True)
        self.consent = WrappingCheckBox("ConsentBox", context.theme.px(CHECK_BOX_PX), spacing)
        self.consent.setChecked(False)          # never ticked for the shopper
        self.consent.toggled.connect(self._show_send_state)
        self.message = wrapped_label("FieldError")
        self.message.hide()
        self.send = QPushButton(objectName="PrimaryButton")
        self.send.clicked.connect(self._on_send)
        self.done_text = wrapped_label("Hint")
        self.done_text.hide()

        content = QWidget(objectName="FormContent")
        lines = self._lines = QVBoxLayout(content)
        lines.addWidget(self.item)
        lines.addWidget(self.email)
        lines.addWidget(self.scope_title)
        lines.addWidget(self.this_store)
        lines.addWidget(self.any_store)
        lines.addWidget(self.consent)
        lines.addWidget(self.message)
        lines.addWidget(self.done_text)
        lines.addStretch(1)
        self.scroll = finger_scroll_area(content, "FormScroll")
        self.keyboard = OnScreenKeyboard(context.theme)
        self.keyboard.set_language(context.formatter.language)
        self.keyboard.set_mode(EMAIL_SPEC.keyboard)
        self.keyboard.done.connect(self._on_keyboard_done)
        self.keyboard.hide()
        self.column.addWidget(self.scroll, 1)
        send_row = self._send_row = QVBoxLayout()
        send_row.addWidget(self.send)
        self.column.addLayout(send_row)
        self.column.addWidget(self.keyboard)
        self._problem = ""             # what the message says, by name, for retranslate
        self._sending = False
        self.restyle(context.theme)
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        super().restyle(theme)
        spacing = theme.spacing
        self._lines.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing * 2)
        self._lines.setSpacing(spacing * 2)
        self._send_row.setContentsMargins(spacing * 2, 0, spacing * 2, 0)
        for button in (self.this_store, self.any_store):
            button.set_room(spacing * 2, spacing * 2)
        self.consent.set_room(theme.px(CHECK_BOX_PX) + spacing, 0)

    # --- typing -----------------------------------------------------------------------

    def _open_keyboard(self) -> None:
        self.keyboard.set_target(self.email.edit)
        self.keyboard.show()
        self.email.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_keyboard_done(self) -> None:
        self.keyboard.hide()
        if not self._check_email():
            self.announced.emit(self.email.error.accessibleName())

    def _on_typed(self) -> None:
        if self.email.checked:
            self._check_email()

    def _check_email(self) -> bool:
        result = self.email.check()
        self.email.show_problem(self._email_message(result.problem) if not result.ok else "")
        return result.ok

    def _email_message(self, problem: Problem | None) -> str:
        # The delivery form's words for the same mistakes, already translated.
        def said(text: str) -> str:
            return QCoreApplication.translate("CustomerFormScreen", text)

        return {
            Problem.REQUIRED: said("Please enter your e-mail address."),
            Problem.TOO_LONG: QCoreApplication.translate(
                "CustomerFormScreen", "This is too long: %n characters at most.", "",
                EMAIL_SPEC.max_length),
            Problem.INVALID_CHARACTERS: said("Please use only letters, digits and punctuation."),
            Problem.EMAIL_NO_AT: said("An e-mail address contains an @, as in marie@example.fr."),
            Problem.EMAIL_NO_DOMAIN_DOT: said(
                "Please complete the part after the @, as in marie@example.fr."),
        }.get(problem, said("This e-mail address is not valid. Example: marie@example.fr."))

    # --- sending ----------------------------------------------------------------------

    def _show_send_state(self) -> None:
        if self._problem == "consent" and self.consent.isChecked():
            self._show_message("")

    def _on_send(self) -> None:
        if self._sending:
            return
        if not self._check_email():
            self.announced.emit(self.email.error.accessibleName())
            self._open_keyboard()
            return
        if not self.consent.isChecked():
            self._show_message("consent")
            return
        config = self._context.config
        if not config.central_url or self._known_offline():
            self._show_message("offline")
            return
        self.keyboard.hide()
        self._sending = True
        self.send.setEnabled(False)
        body = alert_body(self._sku, config.store_id if self.this_store.isChecked() else None,
                          self.email.edit.text().strip(), self._context.formatter.language,
                          config.privacy_notice_version, self._context.clock.now())
        key, timeout_s = self._key, config.live_stock_timeout_seconds

        def work() -> tuple[Outcome, str]:
            from kiosk.core.sync.client import CentralClient

            client = CentralClient(config.central_url, config.read_token() or "",
                                   ca_bundle=config.ca_bundle, total_timeout_s=timeout_s)
            try:
                return ask_alert(client, key, body, timeout_s)
            finally:
                client.close()

        self._context.runner.run_live(work, self._on_answer, self._on_error, waited=True)

    def _on_answer(self, answer: tuple[Outcome, str]) -> None:
        outcome, reason = answer
        self._sending = False
        self.send.setEnabled(True)
        if outcome is Outcome.ASKED:
            self._show_done()
            return
        log.info("back-in-stock alert for %s not taken: %s", self._sku, reason)
        self._show_message({Outcome.OFFLINE: "offline", Outcome.UNAVAILABLE: "unavailable"}
                           .get(outcome, "refused"))

    def _on_error(self, error: BaseException) -> None:
        log.info("back-in-stock alert for %s not sent: %s", self._sku, error)
        self._on_answer((Outcome.OFFLINE, str(error)))

    def _show_done(self) -> None:
        for widget in (self.email, self.scope_title, self.this_store, self.any_store,
                       self.consent, self.message, self.send, self.keyboard):
            widget.hide()
        self.done_text.show()
        self.announced.emit(self.done_text.text())

    def _show_message(self, problem: str) -> None:
        self._problem = problem
        text = self._messages().get(problem, "")
        self.message.setText(f"{WARNING_MARK} {text}" if text else "")
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))
        if text:
            self.announced.emit(text)

    def _messages(self) -> dict[str, str]:
        return {
            "consent": self.tr("Please tick the box to agree that we e-mail you about "
                               "this item."),
            "offline": self.tr("This needs a connection to our server, and the kiosk has "
                               "none just now. Please try again later, or ask a member of "
                               "staff."),
            "unavailable": self.tr("We cannot take alerts by e-mail at the moment. A member "
                                   "of staff can help you."),
            "refused": self.tr("Your alert could not be recorded. A member of staff can "
                               "help you."),
        }

    # --- words ------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Tell me when it's back")

    def _consent_words(self) -> str:
        retention = self._retention
        if retention is None:           # no number the terminal could vouch for
            return self.tr("I agree to receive one e-mail about this item, and that my "
                           "address is kept for this alert only, then erased.")
        # The e-mails themselves (the confirmation, the alert) are kept on their own time.
        return " ".join([
            self.tr("I agree to receive one e-mail about this item. My address is erased "
                    "once that e-mail is sent, or after %n day(s) if the item is not back "
                    "by then.", "", retention.alerts),
            self.tr("Copies of the e-mails we send are erased %n day(s) after sending.", "",
                    retention.mail_messages)])

    def retranslate(self) -> None:
        super().retranslate()
        label = QCoreApplication.translate("CustomerFormScreen", "E-mail")
        self.email.label.setText(label)
        self.email.label.setAccessibleName(label)
        self.email.edit.setAccessibleName(label)
        if self.email.error.isVisible():
            self.email.show_problem(self._email_message(self.email.problem))
        show_text(self.scope_title, self.tr("Where should it be back?"))
        self.this_store.set_text(self.tr("In this store"))
        self.any_store.set_text(self.tr("In any store"))
        # Held in the tick box's wrapping label: its own text would run past the screen.
        self.consent.set_text(self._consent_words())
        show_text(self.send, self.tr("Send"))
        show_text(self.done_text, self.tr(
            "Almost done: we have sent you an e-mail. Follow its link to confirm your "
            "alert; we write only once you have."))
        if self.message.isVisible():
            self._show_message(self._problem)

    def set_formatter(self, formatter: Formatter) -> None:
        self.keyboard.set_language(formatter.language)

    def set_landscape(self, landscape: bool) -> None:
        self.keyboard.set_compact(landscape)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.email.edit and event.type() == QEvent.Type.MouseButtonRelease:
            self._open_keyboard()
        return super().eventFilter(watched, event)

    def focus_order(self) -> list[QWidget]:
        order: list[QWidget] = [self.email.edit]
        if self.keyboard.isVisibleTo(self):
            order.append(self.keyboard)
        return [*order, self.this_store, self.any_store, self.consent, self.send]
