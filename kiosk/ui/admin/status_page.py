"""Status: who this terminal is, whether it reaches the server, what waits, the disk."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

from kiosk.core.sync.trouble import Trouble
from kiosk.core.terminal_status import (
    LocalFigures,
    Reachability,
    check_integrity,
    local_figures,
    measure_central,
)
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.parts import FiguresPage
from kiosk.ui.admin.trouble import TroubleDetails, TroubleWords
from kiosk.ui.widgets.text import show_text

PROBE_TIMEOUT_S = 3.0


class StatusPage(FiguresPage):
    def __init__(self, context: AdminContext) -> None:
        super().__init__(context)
        self.check_button = self.button()
        self.check_button.clicked.connect(self.check_databases)
        self.trouble_words = TroubleWords(self)
        self.details = TroubleDetails(self.theme)
        self.body_layout.insertWidget(1, self.details)     # under the figures
        self.local: LocalFigures | None = None
        self.reach: Reachability | None = None
        self.probing = False
        self.checking = False
        self.retranslate()

    # --- reading ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.context.catalog.inspect(
            self, lambda cache, journal: local_figures(cache, journal,
                                                       self.context.config().data_dir),
            self._on_local)
        config = self.context.config()
        if config.central_url and not self.probing:
            self.probing = True
            self.context.runner.run_live(lambda: _probe(config), self._on_probe,
                                         self._on_probe_failed)
        self._show()

    def check_databases(self) -> None:
        """PRAGMA quick_check on both files, on the database worker."""
        if self.checking:
            return
        self.checking = True
        self.context.audit("admin_integrity_check", None)
        self.context.catalog.inspect(self, _check_both, self._on_checked,
                                     lambda _error: self._on_checked({}))
        self._show()

    def _on_local(self, figures: LocalFigures) -> None:
        self.local = figures
        self._show()

    def _on_probe(self, reach: Reachability) -> None:
        self.probing = False
        self.reach = reach
        self._show()

    def _on_probe_failed(self, error: BaseException) -> None:
        # The probe sorts every network fault itself: what escapes it is a bug.
        self._on_probe(Reachability(False, None, f"{type(error).__name__}: {error}",
                                    Trouble.UNEXPECTED))

    def _on_checked(self, checks: dict) -> None:
        self.checking = False
        self.context.integrity.update(checks)
        self._show()

    # --- showing ----------------------------------------------------------------------

    def _show(self) -> None:
        config = self.context.config()
        words = self.context.words
        formatter = self.context.formatter()
        now = datetime.now(timezone.utc)
        sync = self.context.sync()
        status = sync.status if sync is not None else None
        waiting = self.tr("reading…")
        rows = [
            (self.tr("Store"), f"{config.store_name} ({config.store_id})"
             if config.store_name else config.store_id),
            (self.tr("Terminal"), config.terminal_id),
            (self.tr("App version"), self.context.version),
            (self.tr("Network addresses"), ", ".join(_addresses()) or self.tr("none")),
            (self.tr("Central server"), self._central_words(config.central_url)),
        ]
        if status is not None and sync.rounds_done:
            # A refused token reaches the server but stops the round: not online either.
            rows.append((self.tr("Sync"), self.tr("offline — %1").replace(
                "%1", self.trouble_words.cause(status.trouble)) if status.problem
                else self.tr("online")))
        if config.central_url:
            rows += [
                (self.tr("Last pull"), words.ago(status.last_pull_at if status else None, now)),
                (self.tr("Last push"), words.ago(status.last_push_at if status else None, now)),
                (self.tr("Clock drift"), self._drift_words(status)),
            ]
        local = self.local
        if local is None:
            rows.append((self.tr("Queue"), waiting))
        else:
            rows += [
                (self.tr("Cursor moved"), words.ago(local.cursor_moved_at, now)
                 if local.has_cursor else self.tr("no cursor yet")),
                (self.tr("Orders waiting"), formatter.number(local.queue["order"])),
                (self.tr("Ratings waiting"), formatter.number(local.queue["rating"])),
                (self.tr("Events waiting"), formatter.number(local.queue["event"])),
                (self.tr("Dead letters"), formatter.number(local.queue["dead"])),
                (self.tr("Disk free"), self.tr("%1 of %2").replace(
                    "%1", formatter.data_size(local.disk_free_bytes)).replace(
                    "%2", formatter.data_size(local.disk_total_bytes))),
                (self.tr("Cache size"), formatter.data_size(local.cache_bytes)),
                (self.tr("Journal size"), formatter.data_size(local.journal_bytes)),
            ]
        for name, label in (("cache", self.tr("Cache check")),
                            ("journal", self.tr("Journal check"))):
            rows.append((label, self._check_words(name, now)))
        if local is not None:
            rows += [(self.tr("Alert"), self.tr("%1 (raised %2)").replace(
                "%1", self.trouble_words.alert(alert.kind)).replace(
                "%2", self._raised_words(alert.raised_at, now))) for alert in local.alerts]
        self.figures.set_rows(rows)
        self.details.set_details(self._trouble_details(status))

    def _central_words(self, url: str) -> str:
        if not url:
            return self.tr("none configured")
        reach = self.reach
        if reach is None:
            return f"{url} · " + self.tr("trying…")
        if reach.reachable:
            return f"{url} · " + self.tr("reachable in %1 ms").replace(
                "%1", self.context.formatter().number(reach.latency_s * 1000))
        return f"{url} · " + self.trouble_words.cause(reach.trouble)

    def _raised_words(self, raised_at: str, now: datetime) -> str:
        try:
            moment = datetime.fromisoformat(raised_at)
        except ValueError:
            return raised_at            # shown as written rather than not at all
        if moment.tzinfo is None:       # the journal writes UTC
            moment = moment.replace(tzinfo=timezone.utc)
        return self.context.words.ago(moment, now)

    def _trouble_details(self, status) -> str:
        """The technical words behind each cause shown, for the Details button."""
        lines = []
        if self.reach is not None and not self.reach.reachable:
            lines.append(self.tr("%1: %2").replace("%1", self.tr("Central server")).replace(
                "%2", self.reach.reason))
        if status is not None and status.problem:
            lines.append(self.tr("%1: %2").replace("%1", self.tr("Sync")).replace(
                "%2", status.problem))
        for alert in self.local.alerts if self.local is not None else ():
            lines.append(self.tr("%1: %2").replace("%1", self.tr("Alert")).replace(
                "%2", f"{alert.kind} · {alert.raised_at} · {alert.detail}"))
        return "\n".join(lines)

    def _drift_words(self, status) -> str:
        if status is None or status.clock_drift_s is None:
            return self.tr("not measured yet")
        drift = status.clock_drift_s
        words = self.context.words.duration(abs(drift))
        if abs(drift) < 1:
            return self.tr("under a second")
        return (self.tr("%1 ahead of the server") if drift > 0
                else self.tr("%1 behind the server")).replace("%1", words)

    def _check_words(self, name: str, now: datetime) -> str:
        if self.checking:
            return self.tr("checking…")
        check = self.context.integrity.get(name)
        if check is None:
            return self.tr("not checked yet")
        when = self.context.words.ago(check.at, now)
        if check.ok:
            return self.tr("sound (checked %1)").replace("%1", when)
        return self.tr("DAMAGED (checked %1): %2").replace("%1", when).replace(
            "%2", "; ".join(check.problems))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Status"))
        show_text(self.refresh_button, self.tr("Refresh"))
        show_text(self.check_button, self.tr("Check the databases"))
        self._show()


def _probe(config) -> Reachability:
    # On the live worker: the HTTP stack is loaded there, never on the GUI thread.
    from kiosk.core.sync.client import CentralClient

    try:
        token = config.read_token() or ""
    except OSError:
        token = ""      # the probe needs no token; sync reports a missing one
    client = CentralClient(config.central_url, token, ca_bundle=config.ca_bundle)
    try:
        return measure_central(client, PROBE_TIMEOUT_S)
    finally:
        client.close()


def _check_both(cache, journal) -> dict:
    checks = {"journal": check_integrity(journal)}
    if cache is not None:
        checks["cache"] = check_integrity(cache)
    return checks


def _addresses() -> list[str]:
    return [address.toString() for address in QNetworkInterface.allAddresses()
            if not address.isLoopback()
            and address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol]
