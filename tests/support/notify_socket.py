"""A datagram socket standing in for systemd's notification socket ($NOTIFY_SOCKET)."""

from __future__ import annotations

import socket


class NotifySocket:
    """A socket bound where systemd's would be: reads what the kiosk tells it."""

    def __init__(self, address: str | bytes) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(address)

    def messages(self) -> list[str]:
        """Every datagram waiting, oldest first, without blocking."""
        found = []
        self.sock.setblocking(False)
        while True:
            try:
                found.append(self.sock.recv(4096).decode())
            except BlockingIOError:
                return found

    def wait_for(self, field: str, timeout_s: float = 30.0) -> list[str]:
        """The messages up to and including the first with `field` (e.g. READY=1)."""
        self.sock.settimeout(timeout_s)
        seen = []
        while True:
            message = self.sock.recv(4096).decode()   # socket.timeout fails the test
            seen.append(message)
            if field in message.split("\n"):
                return seen

    def close(self) -> None:
        self.sock.close()
