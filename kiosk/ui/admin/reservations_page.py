"""Reservations: the holds shoppers made at this store (from any store's kiosk), read from
the central server, soonest to end first; staff mark the one handed over collected, or
cancel it. Needs the server: without it the page says so and keeps nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.parts import AdminPage, say
from kiosk.ui.widgets.kinetic import enable_kinetic_scrolling
from kiosk.ui.widgets.text import show_text, wrapped_label

TIMEOUT_S = 10.0


class ReservationsUnavailable(Exception):
    """The server did not answer well: its reason, for the page."""


class ReservationsPage(AdminPage):
    def __init__(self, context: AdminContext) -> None:
        super().__init__(context)
        self.holds: list[dict[str, Any]] = []
        self.list = QListWidget(objectName="AdminList")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(context.theme.touch_target * 3)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        enable_kinetic_scrolling(self.list.viewport())
        self.list.currentRowChanged.connect(self._on_selected)
        self.outcome = wrapped_label("AdminMessage")
        self.outcome.hide()
        self.body_layout.addWidget(self.list, 1)
        self.body_layout.addWidget(self.outcome)
        self.collected_button = self.button()
        self.collected_button.clicked.connect(lambda: self._settle("collected"))
        self.cancel_button = self.button()
        self.cancel_button.clicked.connect(lambda: self._settle("cancelled"))
        self.refresh_button = self.button()
        self.refresh_button.clicked.connect(self.refresh)
        self._on_selected(-1)

    # --- on the live worker -----------------------------------------------------------

    def _ask(self, call) -> Any:
        from kiosk.core.sync.client import CentralClient, Verdict

        config = self.context.config()
        if not config.central_url:
            raise ReservationsUnavailable("no central server is configured")
        client = CentralClient(config.central_url, config.read_token() or "",
                               ca_bundle=config.ca_bundle, total_timeout_s=TIMEOUT_S)
        try:
            answer = call(client)
        finally:
            client.close()
        if answer.verdict is not Verdict.OK:
            raise ReservationsUnavailable(answer.reason or answer.verdict.value)
        return answer.body

    def _run(self, call, on_done) -> None:
        def done(body: Any) -> None:
            if shiboken6.isValid(self):
                on_done(body)

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self):
                say(self.outcome, self.tr("The central server could not be asked: %1")
                    .replace("%1", str(error)))

        self.context.runner.run_live(lambda: self._ask(call), done, failed, waited=True)

    # --- reading and settling ---------------------------------------------------------

    def refresh(self) -> None:
        self._run(lambda client: client.store_reservations(TIMEOUT_S),
                  lambda body: self._show(body["reservations"]))

    def _show(self, holds: list[dict[str, Any]]) -> None:
        self.holds = holds
        self.list.blockSignals(True)
        self.list.clear()
        for hold in holds:
            item = QListWidgetItem(self._describe(hold))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._describe(hold))
            self.list.addItem(item)
        if not holds:
            empty = QListWidgetItem(self.tr("No reservation to hand over."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._on_selected(-1)

    def _describe(self, hold: dict[str, Any]) -> str:
        until = datetime.fromisoformat(hold["hold_until"].replace("Z", "+00:00")) \
            .astimezone().strftime("%Y-%m-%d %H:%M")
        item = " · ".join(part for part in (hold["name"], hold["size"], hold["color"]) if part)
        customer = hold["customer"]
        contact = " · ".join(part for part in (customer.get("name", ""),
                                               customer.get("phone", ""),
                                               customer.get("email", "")) if part)
        return self.tr("%1 — %2 ×%3 — %4 — until %5").replace("%1", hold["reference"]) \
            .replace("%2", item).replace("%3", str(hold["quantity"])) \
            .replace("%4", contact).replace("%5", until)

    def selected(self) -> dict[str, Any] | None:
        row = self.list.currentRow()
        return self.holds[row] if 0 <= row < len(self.holds) else None

    def _on_selected(self, _row: int) -> None:
        chosen = self.selected() is not None
        self.collected_button.setEnabled(chosen)
        self.cancel_button.setEnabled(chosen)

    def _settle(self, state: str) -> None:
        hold = self.selected()
        if hold is None:
            return
        reference = hold["reference"]

        def done(_body: Any) -> None:
            self.context.audit("admin_reservation_settled", {"reference": reference,
                                                       "state": state})
            say(self.outcome, (self.tr("%1 is marked collected.") if state == "collected"
                               else self.tr("%1 is cancelled.")).replace("%1", reference))
            self.refresh()

        self._run(lambda client: client.settle_reservation(reference, state, TIMEOUT_S), done)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reservations to hand over in this store"))
        self.list.setAccessibleName(self.heading.text())
        show_text(self.collected_button, self.tr("Collected"))
        show_text(self.cancel_button, self.tr("Cancel"))
        show_text(self.refresh_button, self.tr("Refresh"))
        if self.holds:
            self._show(self.holds)
