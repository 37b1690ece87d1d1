"""The real kiosk as systemd sees it: READY once the attract screen is painted, and
WATCHDOG pings from the GUI thread, so a hung GUI thread stops them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from kiosk.core.clock import FixedClock
from kiosk.core.sd_notify import ServiceNotifier
from kiosk.core.sync.engine import SyncStatus
from kiosk.ui.app import KioskApp
from kiosk.ui.service import ServiceWatch

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Told:
    """What the kiosk told the socket so far, read while the event loop turns."""

    def __init__(self, notify_socket) -> None:
        self.socket = notify_socket
        self.messages: list[str] = []

    def has(self, field: str) -> bool:
        self.messages += self.socket.messages()
        return any(field in message.split("\n") for message in self.messages)


class PaintSeen(QObject):
    def __init__(self, told: Told) -> None:
        super().__init__()
        self.told, self.ready_before_paint = told, None

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.ready_before_paint is None:
            self.ready_before_paint = self.told.has("READY=1")
        return False


def test_the_kiosk_says_ready_after_painting_its_attract_screen_and_pings_the_watchdog(
        qtbot, qapp, monkeypatch, notify_socket, terminal_config):
    monkeypatch.setenv("NOTIFY_SOCKET", notify_socket.name)
    monkeypatch.setenv("WATCHDOG_USEC", "200000")        # a ping every 100 ms
    told = Told(notify_socket)
    kiosk = KioskApp(qapp, terminal_config, windowed=True)
    paint_seen = PaintSeen(told)
    kiosk.attract.installEventFilter(paint_seen)
    try:
        qtbot.waitUntil(lambda: told.has("READY=1"), timeout=20000)
        assert paint_seen.ready_before_paint is False
        assert "READY=1\nSTATUS=attract screen shown" in told.messages
        qtbot.waitUntil(lambda: told.has("WATCHDOG=1"), timeout=5000)

        # The GUI thread stuck for many intervals: no ping may be queued meanwhile.
        notify_socket.messages()
        time.sleep(1.0)
        assert "WATCHDOG=1" not in notify_socket.messages()
        told.messages.clear()
        qtbot.waitUntil(lambda: told.has("WATCHDOG=1"), timeout=5000)   # back again
    finally:
        kiosk.attract.removeEventFilter(paint_seen)
        kiosk.shutdown()
        kiosk.window.close()


def test_without_notify_socket_the_kiosk_pings_nothing(qtbot, qapp, monkeypatch,
                                                       terminal_config):
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    monkeypatch.setenv("WATCHDOG_USEC", "200000")
    kiosk = KioskApp(qapp, terminal_config, windowed=True)
    try:
        assert not kiosk.service.notifier.enabled
        assert kiosk.service.notifier.watchdog_interval_ms is None
    finally:
        kiosk.shutdown()
        kiosk.window.close()


def test_the_status_line_says_syncing_in_sync_or_offline_since_the_first_failed_round(
        qtbot, notify_socket):
    screen = QWidget()
    qtbot.addWidget(screen)
    clock = FixedClock(datetime(2026, 3, 2, 9, 15, tzinfo=timezone.utc))
    watch = ServiceWatch(screen, ServiceNotifier({"NOTIFY_SOCKET": notify_socket.name}),
                         clock=clock)
    watch.sync_status(SyncStatus(online=False, problem="ConnectionError: refused"))
    clock.instant += timedelta(minutes=5)
    watch.sync_status(SyncStatus(online=False))
    watch.sync_status(SyncStatus(online=True, last_pull_at=clock.instant))
    watch.sync_status(SyncStatus(online=False, unauthorized=True))
    assert notify_socket.messages() == [
        "STATUS=offline since 2026-03-02 09:15:00 UTC: ConnectionError: refused",
        "STATUS=offline since 2026-03-02 09:15:00 UTC",
        "STATUS=in sync, last pull 2026-03-02 09:20:00 UTC",
        "STATUS=the server refuses this terminal's token"]


def test_systemctl_stop_ends_the_kiosk_cleanly_and_says_stopping(notify_socket,
                                                                 terminal_config_file):
    """`kiosk run` in its own process, stopped as systemd stops it: SIGTERM."""
    environment = {**os.environ, "NOTIFY_SOCKET": notify_socket.name,
                   "QT_QPA_PLATFORM": "offscreen"}
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--config",
                              str(terminal_config_file)], cwd=PROJECT_ROOT, env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        notify_socket.wait_for("READY=1", timeout_s=120)
        kiosk.send_signal(signal.SIGTERM)
        notify_socket.wait_for("STOPPING=1", timeout_s=60)
        output = kiosk.communicate(timeout=60)[0]
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
    assert kiosk.returncode == 0, output
