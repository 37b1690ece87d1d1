"""The delivery details: who the order is for and where it goes, typed on the screen.

Each field is checked when the shopper leaves it, and again at every key once it has
been found wrong, so a message goes away the moment the mistake is fixed. What is typed
is kept in the session (Back and forth keep it) and nowhere else: the idle reset takes
it with the session. Names and addresses are kept exactly as typed, accents included.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import validation
from kiosk.core.validation import FieldResult, Problem
from kiosk.ui.formatting import Formatter
from kiosk.ui.screens.base import CUSTOMER_DETAIL
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.text import wrapped_label

WARNING_MARK = "⚠"      # with the words, so a mistake does not rest on red alone


@dataclass(frozen=True)
class FieldSpec:
    key: str                          # as kiosk.core.validation.FIELDS names it
    keyboard: str                     # the on-screen keyboard's mode
    max_length: int

    def check(self, text: str) -> FieldResult:
        return validation.FIELDS[self.key](text)


FIELD_SPECS = (
    FieldSpec("first_name", "text", validation.NAME_MAX),
    FieldSpec("last_name", "text", validation.NAME_MAX),
    FieldSpec("email", "email", validation.EMAIL_MAX),
    FieldSpec("phone", "numeric", 20),
    FieldSpec("address_line1", "text", validation.ADDRESS_LINE_MAX),
    FieldSpec("address_line2", "text", validation.ADDRESS_LINE_MAX),
    FieldSpec("postal_code", "numeric", 10),
    FieldSpec("city", "text", validation.CITY_MAX),
    FieldSpec("instructions", "text", validation.INSTRUCTIONS_MAX),
)


class FormField(QWidget):
    """A label, the line the shopper types in, and the message when it is wrong."""

    def __init__(self, spec: FieldSpec, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FormFieldBlock")
        self.spec = spec
        self.label = wrapped_label("FieldLabel")
        self.edit = QLineEdit(text, objectName="FormField")
        self.edit.setMaxLength(spec.max_length)
        self.edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.edit.setProperty(CUSTOMER_DETAIL, True)
        self.label.setBuddy(self.edit)
        self.error = wrapped_label("FieldError")
        self.error.hide()
        self.problem: Problem | None = None
        self.checked = False          # found wrong once: checked again at every key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)

    def check(self) -> FieldResult:
        result = self.spec.check(self.edit.text())
        self.problem = result.problem
        self.checked = self.checked or not result.ok
        self.edit.setProperty("invalid", not result.ok)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
        return result

    def show_problem(self, message: str) -> None:
        text = f"{WARNING_MARK} {message}" if message else ""
        self.error.setText(text)
        self.error.setAccessibleName(message)
        self.error.setVisible(bool(message))
        self.edit.setAccessibleDescription(message)


class CustomerFormScreen(CheckoutScreen):
    def __init__(self, context: ShopperContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.intro = wrapped_label("Hint")
        self.summary = wrapped_label("FieldError")
        self.summary.hide()
        typed = context.session.customer_fields
        self.fields = [FormField(spec, typed.get(spec.key, "")) for spec in FIELD_SPECS]
        content = QWidget(objectName="FormContent")
        lines = self._lines = QVBoxLayout(content)
        for field in self.fields:
            lines.addWidget(field)
            field.edit.installEventFilter(self)
            field.edit.textEdited.connect(lambda _text, field=field: self._on_typed(field))
        lines.addStretch(1)
        self.scroll = finger_scroll_area(content, "FormScroll")
        self.proceed = QPushButton(objectName="PrimaryButton")
        self.proceed.clicked.connect(self._on_continue)
        self.keyboard = OnScreenKeyboard(context.theme)
        self.keyboard.set_language(context.formatter.language)
        self.keyboard.done.connect(self._next_field)
        self.keyboard.hide()
        layout = self.column
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)
        proceed_row = self._proceed_row = QVBoxLayout()
        proceed_row.addWidget(self.proceed)
        layout.addLayout(proceed_row)
        layout.addWidget(self.keyboard)
        self.active: FormField | None = None
        self._landscape = False
        self.restyle(context.theme)
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        super().restyle(theme)
        spacing = theme.spacing
        self.intro.setContentsMargins(spacing * 2, 0, spacing * 2, 0)
        self.summary.setContentsMargins(spacing * 2, 0, spacing * 2, 0)
        self._lines.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing * 2)
        self._lines.setSpacing(spacing * 2)
        self._proceed_row.setContentsMargins(spacing * 2, 0, spacing * 2, 0)

    # --- typing -----------------------------------------------------------------------

    def field(self, key: str) -> FormField:
        return next(field for field in self.fields if field.spec.key == key)

    def activate(self, field: FormField) -> None:
        """The shopper taps a field: the keyboard types there, in the field's mode."""
        previous = self.active
        if previous is field:
            self.keyboard.show()
            return
        self.active = field
        if previous is not None and not self._check(previous):
            self.announced.emit(previous.error.accessibleName())
        self.keyboard.set_mode(field.spec.keyboard)
        self.keyboard.set_target(field.edit)
        # Said once; while typing, the fields need the room (a wide screen is short). Gone
        # before the keyboard comes: together they would ask more height than the window has.
        self.intro.hide()
        self.heading.setHidden(self._landscape)
        self.keyboard.show()
        field.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        field.edit.end(False)
        # Once the keyboard has taken its room, bring the field into what is left.
        QTimer.singleShot(0, lambda: self._bring_into_view(field))

    def _bring_into_view(self, field: FormField) -> None:
        if not field.isVisible():
            return
        spacing = self._context.theme.spacing
        if field.height() + 2 * spacing <= self.scroll.viewport().height():
            self.scroll.ensureWidgetVisible(field, 0, spacing)
            return
        # Too tall for the room the keyboard leaves (large type, a message under it): its
        # name and the line typed in, rather than the middle of it.
        content = self.scroll.widget()
        top = field.label.mapTo(content, QPoint(0, 0)).y()
        bottom = field.edit.mapTo(content, QPoint(0, field.edit.height())).y()
        room = self.scroll.viewport().height()
        if bottom - top + 2 * spacing <= room:
            self.scroll.ensureVisible(0, (top + bottom) // 2, 0, (bottom - top) // 2 + spacing)
        else:
            # Not even those two with a gap (a wide screen at 2x): its name whole at the top,
            # where ensureVisible would line up the bottom and cut the name off.
            self.scroll.verticalScrollBar().setValue(top - max(0, (room - (bottom - top)) // 2))

    def _next_field(self) -> None:
        if self.active is None:
            return
        index = self.fields.index(self.active)
        if index + 1 < len(self.fields):
            self.activate(self.fields[index + 1])
        else:
            if not self._check(self.active):
                self.announced.emit(self.active.error.accessibleName())
            self.active = None
            self.keyboard.hide()
            self.intro.show()
            self.heading.show()

    def _on_typed(self, field: FormField) -> None:
        self._context.session.customer_fields[field.spec.key] = field.edit.text()
        if field.checked:
            self._check(field)

    def _check(self, field: FormField) -> bool:
        result = field.check()
        field.show_problem(self._message(field) if not result.ok else "")
        if self.summary.isVisible():
            self._show_summary()
        return result.ok

    # --- continuing -------------------------------------------------------------------

    def _on_continue(self) -> None:
        wrong = [field for field in self.fields if not self._check(field)]
        if not wrong:
            self.keyboard.hide()
            self.active = None
            self._context.navigator.open_review()
            return
        self._show_summary()
        self.announced.emit(self.summary.accessibleName())
        self.active = None      # every field is checked: none to check again on leaving it
        self.activate(wrong[0])

    def _show_summary(self) -> None:
        """How many fields are still wrong, over the form: not a notice, which would
        cover the keyboard the shopper needs to put them right."""
        count = sum(1 for field in self.fields if field.error.isVisible())
        text = self.tr("Please check %n field(s).", "", count) if count else ""
        self.summary.setText(f"{WARNING_MARK} {text}" if text else "")
        self.summary.setAccessibleName(text)
        self.summary.setVisible(bool(text))

    # --- words ------------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Mobile phone"),
            "address_line1": self.tr("Address"),
            "address_line2": self.tr("Apartment, building, floor (optional)"),
            "postal_code": self.tr("Postal code"),
            "city": self.tr("City"),
            "instructions": self.tr("Delivery instructions (optional)"),
        }

    def _required_message(self, key: str) -> str:
        return {
            "first_name": self.tr("Please enter your first name."),
            "last_name": self.tr("Please enter your last name."),
            "email": self.tr("Please enter your e-mail address."),
            "phone": self.tr("Please enter your mobile phone number."),
            "address_line1": self.tr("Please enter the street and number."),
            "postal_code": self.tr("Please enter the postal code."),
            "city": self.tr("Please enter the city."),
        }.get(key, "")

    def _message(self, field: FormField) -> str:
        problem = field.problem
        if problem is Problem.REQUIRED:
            return self._required_message(field.spec.key)
        if problem is Problem.TOO_LONG:
            limit = field.spec.max_length
            return self.tr("This is too long: %n characters at most.", "", limit)
        return {
            Problem.INVALID_CHARACTERS: self.tr(
                "Please use only letters, digits and punctuation."),
            Problem.NEEDS_LETTER: self.tr("Please write it with letters."),
            Problem.EMAIL_NO_AT: self.tr(
                "An e-mail address contains an @, as in marie@example.fr."),
            Problem.EMAIL_NO_DOMAIN_DOT: self.tr(
                "Please complete the part after the @, as in marie@example.fr."),
            Problem.EMAIL_INVALID: self.tr(
                "This e-mail address is not valid. Example: marie@example.fr."),
            Problem.PHONE_INVALID: self.tr(
                "This phone number is not valid. Example: 06 12 34 56 78."),
            Problem.PHONE_NOT_MOBILE: self.tr(
                "Please give a mobile number: the carrier texts you before delivering."),
            Problem.POSTAL_CODE_FORMAT: self.tr("A postal code has five digits, as in 69003."),
            Problem.POSTAL_CODE_UNKNOWN: self.tr("This postal code does not exist in France."),
        }.get(problem, "")

    def title(self) -> str:
        return self.tr("Delivery details")

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(self.tr("Who should we deliver to? Tap a field to type."))
        self.intro.setAccessibleName(self.intro.text())
        labels = self._labels()
        for field in self.fields:
            label = labels[field.spec.key]
            field.label.setText(label)
            field.label.setAccessibleName(label)
            field.edit.setAccessibleName(label)
            if field.error.isVisible():
                field.show_problem(self._message(field))
        if self.summary.isVisible():
            self._show_summary()
        self.proceed.setText(self.tr("Continue"))
        self.proceed.setAccessibleName(self.proceed.text())

    def set_formatter(self, formatter: Formatter) -> None:
        self.keyboard.set_language(formatter.language)

    def set_landscape(self, landscape: bool) -> None:
        self._landscape = landscape
        self.keyboard.set_compact(landscape)
        if self.keyboard.isVisible():
            self.heading.setHidden(landscape)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            field = next((f for f in self.fields if f.edit is watched), None)
            if field is not None:
                self.activate(field)
        return super().eventFilter(watched, event)

    def focus_order(self) -> list[QWidget]:
        # The keyboard comes right after the field it types in, where the keypad goes next.
        order: list[QWidget] = []
        for field in self.fields:
            order.append(field.edit)
            if field is self.active and self.keyboard.isVisibleTo(self):
                order.append(self.keyboard)
        return [*order, self.proceed]
