"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, can be stopped
and started again on the same port, refuses for good the recipients it is told to, asks
others to come back later (4xx), and speaks TLS (STARTTLS or at once) with a certificate
that no client trusts."""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import threading
import time
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

REFUSED_MAILBOX = "550 5.1.1 No such mailbox here"
BUSY_MAILBOX = "451 4.2.1 Mailbox busy, try again later"
UNTRUSTED_PEM = Path(__file__).with_name("untrusted_server.pem")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, server: LoopbackSmtp) -> None:
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        mailbox = address.lower().split("@")[0]
        if mailbox in self.server.refused_mailboxes:
            return REFUSED_MAILBOX
        if mailbox in self.server.busy_mailboxes:
            return BUSY_MAILBOX
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.server.lock:
            self.server.received.append((envelope.mail_from, list(envelope.rcpt_tos),
                                         message))
        return "250 Message accepted for delivery"


class LoopbackSmtp:
    def __init__(self, refused_mailboxes: tuple[str, ...] = ("refused",),
                 busy_mailboxes: tuple[str, ...] = ("busy",), tls: str = "none") -> None:
        self.port = free_port()
        self.refused_mailboxes = set(refused_mailboxes)
        self.busy_mailboxes = set(busy_mailboxes)
        self.tls = tls          # none, starttls or tls, as CENTRAL_SMTP_SECURITY
        self.received: list[tuple[str, list[str], EmailMessage]] = []
        self.lock = threading.Lock()
        self._controller: Controller | None = None

    def start(self) -> None:
        options = {}
        if self.tls != "none":
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(UNTRUSTED_PEM)
            options = {"tls_context": context} if self.tls == "starttls" \
                else {"ssl_context": context}
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port,
                                      **options)
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


def mail_settings(smtp: LoopbackSmtp, public_url: str = "https://commandes.luma.example",
                  **more: str) -> dict[str, str]:
    """A central server's environment for sending its customer e-mails to `smtp`."""
    return {"CENTRAL_SMTP_HOST": "127.0.0.1", "CENTRAL_SMTP_PORT": str(smtp.port),
            "CENTRAL_SMTP_SECURITY": "none", "CENTRAL_MAIL_FROM": "Luma <commandes@luma.example>",
            "CENTRAL_PUBLIC_URL": public_url, **more}


def text_and_html(message: EmailMessage) -> tuple[str, str]:
    return (message.get_body(("plain",)).get_content(),
            message.get_body(("html",)).get_content())
