"""sd_notify without a library: what systemd reads from the kiosk, through a real datagram
socket named by $NOTIFY_SOCKET, as a path or in the abstract namespace."""

from __future__ import annotations

import tempfile
from pathlib import Path

from support.notify_socket import NotifySocket

from kiosk.core.sd_notify import ServiceNotifier


def test_each_message_reaches_a_socket_named_by_its_path():
    with tempfile.TemporaryDirectory(prefix="sdn") as directory:   # short: 108 bytes at most
        path = str(Path(directory) / "notify")
        listener = NotifySocket(path)
        notifier = ServiceNotifier({"NOTIFY_SOCKET": path})
        notifier.ready("attract screen shown")
        notifier.watchdog()
        notifier.status("syncing")
        notifier.stopping()
        notifier.close()
        assert listener.messages() == ["READY=1\nSTATUS=attract screen shown", "WATCHDOG=1",
                                       "STATUS=syncing", "STOPPING=1"]
        listener.close()


def test_an_abstract_socket_name_starting_with_at_is_reached(notify_socket):
    notifier = ServiceNotifier({"NOTIFY_SOCKET": notify_socket.name})
    assert notifier.send("READY=1")
    assert notify_socket.messages() == ["READY=1"]


def test_without_notify_socket_nothing_is_sent_and_no_watchdog_is_asked_for():
    notifier = ServiceNotifier({"WATCHDOG_USEC": "20000000"})
    assert not notifier.enabled
    assert not notifier.send("READY=1")
    assert notifier.watchdog_interval_ms is None


def test_the_watchdog_is_pinged_at_half_its_timeout(notify_socket):
    notifier = ServiceNotifier({"NOTIFY_SOCKET": notify_socket.name,
                                "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"})
    # WATCHDOG_PID is cage's: the kiosk, its child, pings all the same (NotifyAccess=all).
    assert notifier.watchdog_interval_ms == 15000
    assert ServiceNotifier({"NOTIFY_SOCKET": notify_socket.name,
                            "WATCHDOG_USEC": "0"}).watchdog_interval_ms is None


def test_a_socket_gone_away_is_logged_once_and_does_not_raise(caplog):
    with tempfile.TemporaryDirectory(prefix="sdn") as directory:
        notifier = ServiceNotifier({"NOTIFY_SOCKET": str(Path(directory) / "gone")})
        assert not notifier.send("WATCHDOG=1")
        assert not notifier.send("WATCHDOG=1")
    warnings = [r for r in caplog.records if r.getMessage().startswith("cannot notify")]
    assert len(warnings) == 1
