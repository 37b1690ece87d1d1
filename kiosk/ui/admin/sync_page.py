"""Sync now: a round at once, both ways, and what it did."""

from __future__ import annotations

from datetime import datetime, timezone

from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.parts import AdminPage, Figures
from kiosk.ui.admin.trouble import TroubleDetails, TroubleWords
from kiosk.ui.widgets.text import show_text, wrapped_label


class SyncPage(AdminPage):
    def __init__(self, context: AdminContext) -> None:
        super().__init__(context)
        self.state = wrapped_label("AdminMessage")
        self.trouble_words = TroubleWords(self)
        self.details = TroubleDetails(self.theme)
        self.figures = Figures()
        self.body_layout.addWidget(self.state)
        self.body_layout.addWidget(self.details)
        self.body_layout.addWidget(self.figures)
        self.body_layout.addStretch()
        self.sync_button = self.button("PrimaryButton")
        self.sync_button.clicked.connect(self.sync_now)
        self._connected = None
        self.asked = False        # staff asked for this round: say when it ends
        self.retranslate()

    def refresh(self) -> None:
        sync = self.context.sync()
        if sync is not None and self._connected is not sync:
            sync.round_started.connect(self._show)
            sync.round_ended.connect(self._on_round_ended)
            self._connected = sync
        self._show()

    def sync_now(self) -> None:
        sync = self.context.sync()
        if sync is None:
            return
        self.asked = True
        self.context.audit("admin_sync_now", None)
        sync.sync_now()
        self._show()

    def _on_round_ended(self) -> None:
        self._show()
        self.asked = False

    def _show(self) -> None:
        sync = self.context.sync()
        stopped = (bool(self.context.config().central_url) and sync is not None
                   and sync.rounds_done and not sync.running)
        self.details.set_details(sync.status.problem if stopped else "")
        if not self.context.config().central_url:
            self._say(self.tr("No central server is configured: nothing to sync."))
            self.sync_button.setEnabled(False)
            self.figures.set_rows([])
            return
        if sync is None:
            self._say(self.tr("Sync has not started yet."))
            self.sync_button.setEnabled(False)
            return
        self.sync_button.setEnabled(not sync.running)
        status = sync.status
        if sync.running:
            self._say(self.tr("Syncing: sending what waits here, then fetching changes…"))
        elif not sync.rounds_done:
            self._say(self.tr("No sync round has ended yet."))
        elif not status.problem:
            self._say(self.tr("Last round done: the server is reachable."))
        else:
            self._say(self.tr("Last round stopped: %1").replace(
                "%1", self.trouble_words.cause(status.trouble)))
        number = self.context.formatter().number
        pushed = status.pushed or {}
        words = self.context.words
        now = datetime.now(timezone.utc)
        self.figures.set_rows([
            (self.tr("Orders sent"), number(pushed.get("order", 0))),
            (self.tr("Ratings sent"), number(pushed.get("rating", 0))),
            (self.tr("Events sent"), number(pushed.get("event", 0))),
            (self.tr("Pages received"), number(status.pages_pulled)),
            (self.tr("Changes received"), number(status.records_pulled)),
            (self.tr("Images fetched"), number(status.images_fetched)),
            (self.tr("Still waiting"), self._queue_words(status.queue)),
            (self.tr("Last pull"), words.ago(status.last_pull_at, now)),
            (self.tr("Last push"), words.ago(status.last_push_at, now)),
        ] if sync.rounds_done else [])

    def _queue_words(self, queue: dict[str, int]) -> str:
        if not queue:
            return self.tr("unknown")
        number = self.context.formatter().number
        return self.tr("%1 orders, %2 ratings, %3 events, %4 dead letters").replace(
            "%1", number(queue.get("order", 0))).replace(
            "%2", number(queue.get("rating", 0))).replace(
            "%3", number(queue.get("event", 0))).replace("%4", number(queue.get("dead", 0)))

    def _say(self, text: str) -> None:
        show_text(self.state, text)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sync"))
        show_text(self.sync_button, self.tr("Sync now"))
        self._show()
