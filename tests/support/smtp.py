"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, can be stopped
and started again on the same port, and refuses for good the recipients it is told to."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller

REFUSED_MAILBOX = "550 5.1.1 No such mailbox here"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, server: LoopbackSmtp) -> None:
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().split("@")[0] in self.server.refused_mailboxes:
            return REFUSED_MAILBOX
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.server.lock:
            self.server.received.append((envelope.mail_from, list(envelope.rcpt_tos),
                                         message))
        return "250 Message accepted for delivery"


class LoopbackSmtp:
    def __init__(self, refused_mailboxes: tuple[str, ...] = ("refused",)) -> None:
        self.port = free_port()
        self.refused_mailboxes = set(refused_mailboxes)
        self.received: list[tuple[str, list[str], EmailMessage]] = []
        self.lock = threading.Lock()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, containing: str, timeout_s: float = 30.0) -> list[EmailMessage]:
        """What arrived with `containing` in its subject, once something has (or the time
        is up: then the caller's assertion says what is missing)."""
        deadline = time.monotonic() + timeout_s
        while not self.messages(containing) and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages(containing)

    def messages(self, containing: str = "") -> list[EmailMessage]:
        """What arrived, in order, whose subject holds `containing`."""
        with self.lock:
            return [message for _, _, message in self.received
                    if containing in str(message["Subject"])]


def text_and_html(message: EmailMessage) -> tuple[str, str]:
    return (message.get_body(("plain",)).get_content(),
            message.get_body(("html",)).get_content())
