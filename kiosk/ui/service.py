"""The kiosk as a systemd service: ready once shoppers can see it, alive while its GUI
thread turns, and what it is doing in `systemctl status`.

READY=1 goes once the attract screen has been painted: until then a shopper would see
nothing, so the unit is not started. WATCHDOG=1 comes from a timer on the GUI thread: a
GUI thread stuck for longer than WatchdogSec= sends none, and systemd restarts the
kiosk. (The heartbeat file is touched by a worker: it tells that the process lives, not
that its screen answers.) STATUS= says what sync does, for IT reading `systemctl status`.
"""

from __future__ import annotations

import signal
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.core.clock import SYSTEM_CLOCK, Clock
from kiosk.core.sd_notify import ServiceNotifier

if TYPE_CHECKING:   # the sync modules are loaded after the first screen (app.py)
    from kiosk.core.sync.engine import SyncStatus
    from kiosk.ui.sync import SyncService


class ServiceWatch(QObject):
    def __init__(self, first_screen: QWidget, notifier: ServiceNotifier | None = None,
                 clock: Clock = SYSTEM_CLOCK, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier or ServiceNotifier()
        self._clock = clock
        self._first_screen = first_screen
        self.is_ready = False
        self._offline_since: str | None = None
        self._watchdog = QTimer(self)
        self._watchdog.timeout.connect(self.notifier.watchdog)
        if self.notifier.enabled:
            first_screen.installEventFilter(self)
        if (interval := self.notifier.watchdog_interval_ms) is not None:
            self._watchdog.start(interval)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._first_screen and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Told once this paint is done and the event loop turns again.
            QTimer.singleShot(0, self._ready)
        return False

    def _ready(self) -> None:
        self.is_ready = True
        self.notifier.ready("attract screen shown")

    def follow_sync(self, sync: SyncService) -> None:
        """Say in STATUS what each sync round of `sync` (a SyncService) did."""
        sync.round_started.connect(lambda: self.notifier.status("syncing"))
        sync.status_changed.connect(self.sync_status)

    def sync_status(self, status: SyncStatus) -> None:
        if status.unauthorized:
            self.notifier.status("the server refuses this terminal's token")
        elif status.online:
            self._offline_since = None
            pulled = status.last_pull_at
            self.notifier.status("in sync" + (f", last pull {pulled:%Y-%m-%d %H:%M:%S %Z}"
                                              if pulled else ""))
        else:
            if self._offline_since is None:
                self._offline_since = f"{self._clock.now():%Y-%m-%d %H:%M:%S %Z}"
            reason = f": {status.problem}" if status.problem else ""
            self.notifier.status(f"offline since {self._offline_since}{reason}"[:200])

    def stop(self) -> None:
        self._watchdog.stop()



class SigtermQuit(QObject):
    """systemd stops the unit with SIGTERM: the event loop ends as after staff's exit, so
    the kiosk's shutdown finishes what it was writing, and systemd hears STOPPING=1.

    A Python signal handler runs only when the interpreter next runs, which Qt's event
    loop may not give it for a while; the signal's byte on a socket wakes the loop now.
    """

    def __init__(self, app: QCoreApplication, notifier: ServiceNotifier) -> None:
        super().__init__(app)
        self._app, self._notifier = app, notifier
        self._wake_read, self._wake_write = socket.socketpair()
        self._wake_read.setblocking(False)
        self._wake_write.setblocking(False)
        signal.set_wakeup_fd(self._wake_write.fileno())
        signal.signal(signal.SIGTERM, lambda *_: None)   # the work is done in _on_wake
        self._listener = QSocketNotifier(self._wake_read.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._listener.activated.connect(self._on_wake)

    def _on_wake(self) -> None:
        if signal.SIGTERM in self._wake_read.recv(64):
            self._notifier.stopping()
            self._app.exit(0)
