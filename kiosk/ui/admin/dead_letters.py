"""Dead letters: items the server refused, with its reason; send again, or discard.

Discarding needs a typed reason and a confirmation, and keeps the item in the journal,
marked as discarded with that reason: nothing a shopper did is ever deleted.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import outbox
from kiosk.core.terminal_status import DeadLetter, dead_letter_list
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.parts import AdminPage, say, touch_button
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.kinetic import enable_kinetic_scrolling
from kiosk.ui.widgets.text import show_text, wrapped_label

REASON_LIMIT = 200


class DeadLettersPage(AdminPage):
    def __init__(self, context: AdminContext) -> None:
        super().__init__(context)
        self.letters: list[DeadLetter] = []
        self.list = QListWidget(objectName="AdminList")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._on_selected)
        self.list.setMinimumHeight(context.theme.touch_target * 3)
        # Moved with the finger like every list on the kiosk, not by its thin scroll bar.
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        enable_kinetic_scrolling(self.list.viewport())
        self.outcome = wrapped_label("AdminMessage")
        self.outcome.hide()

        # Typing the reason, then confirming: hidden until Discard is chosen.
        self.reason_label = wrapped_label("AdminFigureName")
        self.reason = QLineEdit(objectName="AdminReason")
        self.reason.setMaxLength(REASON_LIMIT)
        self.reason.textChanged.connect(self._on_reason_changed)
        self.keyboard = OnScreenKeyboard(context.theme)
        self.keyboard.set_target(self.reason)
        self.keyboard.done.connect(self._ask_confirmation)
        self.confirm_label = wrapped_label("AdminWarning")
        self.confirm_button = self._row_button("AdminDangerButton", self._discard)
        self.back_button = self._row_button("AdminButton", self._cancel_discard)
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addWidget(self.back_button)
        self.discard_box = QWidget()
        box = self.discard_box
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.reason_label, self.reason, self.confirm_label):
            box_layout.addWidget(widget)
        box_layout.addLayout(row)
        box_layout.addWidget(self.keyboard)
        box.hide()

        self.body_layout.addWidget(self.list, 1)
        self.body_layout.addWidget(self.outcome)
        self.body_layout.addWidget(box)
        self.retry_button = self.button()
        self.retry_button.clicked.connect(self._retry)
        self.discard_button = self.button()
        self.discard_button.clicked.connect(self._start_discard)
        self.refresh_button = self.button()
        self.refresh_button.clicked.connect(self.refresh)
        self._confirming = False
        self._name_controls()
        self._on_selected(-1)

    def _row_button(self, name: str, slot) -> QPushButton:
        button = touch_button(self.theme, name)
        button.clicked.connect(slot)
        return button

    # --- reading ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.context.catalog.inspect(self, lambda _cache, journal: dead_letter_list(journal),
                                     self._show)

    def _show(self, letters: list[DeadLetter]) -> None:
        selected = self.selected()
        self.letters = letters
        self.list.blockSignals(True)     # a rebuild is not the staff choosing another row
        self.list.clear()
        for letter in letters:
            item = QListWidgetItem(self._describe(letter))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._describe(letter))
            self.list.addItem(item)
        if not letters:
            empty = QListWidgetItem(self.tr("No dead letters: the server took everything."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        ids = [letter.id for letter in letters]
        self.list.setCurrentRow(ids.index(selected.id) if selected and selected.id in ids
                                else -1)
        self.list.blockSignals(False)
        self._on_selected(self.list.currentRow())

    def _describe(self, letter: DeadLetter) -> str:
        kinds = {"order": self.tr("Order"), "rating": self.tr("Rating"),
                 "event": self.tr("Event")}
        try:
            when = datetime.fromisoformat(letter.created_at).astimezone().strftime(
                "%Y-%m-%d %H:%M")
        except ValueError:
            when = letter.created_at
        title = " ".join(p for p in (kinds.get(letter.kind, letter.kind), letter.summary) if p)
        return (f"{title} · {when} · " + self.tr("%n attempt(s)", "", letter.attempts) + "\n"
                + self.tr("Server's reason: %1").replace("%1", letter.reason))

    def selected(self) -> DeadLetter | None:
        row = self.list.currentRow()
        return self.letters[row] if 0 <= row < len(self.letters) else None

    def _on_selected(self, _row: int) -> None:
        has = self.selected() is not None
        self.retry_button.setEnabled(has)
        self.discard_button.setEnabled(has)
        if not has:
            self.discard_box.hide()

    # --- retry ------------------------------------------------------------------------

    def _retry(self) -> None:
        letter = self.selected()
        if letter is None:
            return
        self.context.journal.write(
            lambda conn: outbox.retry_dead(conn, letter.id),
            lambda done: self._after_retry(letter, done), self._on_write_failed)

    def _after_retry(self, letter: DeadLetter, done: bool) -> None:
        if done:
            self.context.audit("admin_dead_letter_retried",
                               {"item": letter.id, "kind": letter.kind})
            sync = self.context.sync()
            if sync is not None:
                sync.sync_now()
            say(self.outcome, self.tr("Queued again: it is sent at the next sync."))
        else:
            say(self.outcome, self.tr("This item is no longer a dead letter."))
        self.refresh()

    # --- discard ----------------------------------------------------------------------

    def _start_discard(self) -> None:
        if self.selected() is None:
            return
        self.reason.clear()
        self.confirm_button.setEnabled(False)
        self.keyboard.set_language(self.context.config().default_language)
        self._set_confirming(False)
        self.discard_box.show()

    def _on_reason_changed(self, text: str) -> None:
        self.confirm_button.setEnabled(bool(text.strip()))
        if self._confirming:
            self._set_confirming(False)

    def _ask_confirmation(self) -> None:
        if self.reason.text().strip():
            self._set_confirming(True)

    def _set_confirming(self, confirming: bool) -> None:
        self._confirming = confirming
        self.confirm_label.setVisible(confirming)
        self.keyboard.setVisible(not confirming)
        self._name_controls()

    def _discard(self) -> None:
        letter, reason = self.selected(), self.reason.text().strip()
        if letter is None or not reason:
            return
        if not self._confirming:
            self._set_confirming(True)
            return
        self.context.journal.write(
            lambda conn: outbox.discard_dead(conn, letter.id, reason),
            lambda done: self._after_discard(letter, reason, done), self._on_write_failed)

    def _after_discard(self, letter: DeadLetter, reason: str, done: bool) -> None:
        self.discard_box.hide()
        if done:
            self.context.audit("admin_dead_letter_discarded",
                               {"item": letter.id, "kind": letter.kind, "reason": reason})
            say(self.outcome,
                self.tr("Discarded. It stays in the journal, marked, with your reason."))
        else:
            say(self.outcome, self.tr("This item is no longer a dead letter."))
        self.refresh()

    def _cancel_discard(self) -> None:
        self.discard_box.hide()

    def _on_write_failed(self, error: BaseException) -> None:
        say(self.outcome, self.tr("The journal could not be written: %1").replace("%1", str(error)))

    def retranslate(self) -> None:
        self._name_controls()
        if self.letters:
            self._show(self.letters)      # each letter's kind and reason line too

    def _name_controls(self) -> None:
        self.heading.setText(self.tr("Dead letters"))
        show_text(self.retry_button, self.tr("Send again"))
        show_text(self.discard_button, self.tr("Discard…"))
        show_text(self.refresh_button, self.tr("Refresh"))
        self.reason_label.setText(self.tr("Why discard it? (required)"))
        self.reason.setAccessibleName(self.tr("Reason for discarding"))
        letter = self.selected()
        if letter is not None:
            self.confirm_label.setText(self.tr(
                "Discard this item for good? It will never be sent, and stays in the "
                "journal marked as discarded."))
            self.confirm_label.setAccessibleName(self.confirm_label.text())
        show_text(self.confirm_button, self.tr("Yes, discard it") if self._confirming
                    else self.tr("Discard"))
        show_text(self.back_button, self.tr("Cancel"))
