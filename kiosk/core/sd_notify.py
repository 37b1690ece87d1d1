"""Telling systemd how the kiosk is doing (sd_notify(3)), without a library.

The unit runs the kiosk as cage's child with `Type=notify` and `NotifyAccess=all`: the
kiosk, not cage, says when it is ready (READY=1), that its GUI thread still turns
(WATCHDOG=1), what it is doing (STATUS=...) and that it is stopping (STOPPING=1). Each
message is one datagram to the socket systemd names in $NOTIFY_SOCKET; an address that
starts with '@' is in the abstract namespace. Without $NOTIFY_SOCKET (started by hand,
in tests) every call does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


class ServiceNotifier:
    def __init__(self, environ: Mapping[str, str] = os.environ) -> None:
        self._address = _address(environ.get("NOTIFY_SOCKET", ""))
        self._socket: socket.socket | None = None
        self._failing = False
        # $WATCHDOG_PID names the unit's main process, which is cage, not the kiosk;
        # NotifyAccess=all lets the kiosk ping for it, so the PID is not compared.
        usec = environ.get("WATCHDOG_USEC", "")
        self.watchdog_usec = int(usec) if usec.isdigit() and int(usec) > 0 else None

    @property
    def enabled(self) -> bool:
        return self._address is not None

    @property
    def watchdog_interval_ms(self) -> int | None:
        """How often to ping: half the watchdog's timeout, as sd_watchdog_enabled(3) advises."""
        if self.watchdog_usec is None or not self.enabled:
            return None
        return max(1, self.watchdog_usec // 2000)

    def ready(self, status: str = "") -> None:
        self.send("READY=1", f"STATUS={status}" if status else "")

    def watchdog(self) -> None:
        self.send("WATCHDOG=1")

    def status(self, text: str) -> None:
        self.send(f"STATUS={text}")

    def reloading(self, status: str = "") -> None:
        """The kiosk starts afresh in the same process: READY=1 follows once it is up."""
        self.send("RELOADING=1", f"STATUS={status}" if status else "")

    def stopping(self) -> None:
        self.send("STOPPING=1")

    def send(self, *fields: str) -> bool:
        """One message of newline-separated fields; False if it could not be sent."""
        if self._address is None:
            return False
        message = "\n".join(field for field in fields if field).encode()
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self._socket.sendto(message, self._address)
        except OSError as error:
            # Said once per failing streak: systemd gone or the socket full.
            if not self._failing:
                log.warning("cannot notify systemd at %s: %s", self._address, error)
            self._failing = True
            return False
        self._failing = False
        return True

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def _address(name: str) -> str | bytes | None:
    if name.startswith("@"):
        return b"\0" + name[1:].encode()
    if name.startswith("/"):
        return name
    return None   # unset, or a kind of address (vsock) a terminal never gets
