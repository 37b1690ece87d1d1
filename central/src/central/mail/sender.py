"""Sending the queue over SMTP: one connection for all that is due, each message
claimed with a lease (central/mail/queue.py) and its outcome written at once.

A mail server that cannot be reached, or answers 4xx, delays the message (retried
with backoff, as long as it takes); a 5xx to the recipient or to the message itself
refuses it for good, with the server's words kept for staff. The sender's own
configuration refused (login, the sender's address) is retried too: IT fixes it and the
queue goes out, nothing lost.
"""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from functools import partial

from central.alert_settings import AlertSettings
from central.alerts import queue_due
from central.background import Periodic, run_while_serving
from central.db.engine import Database, utc_now
from central.mail import queue
from central.mail.alert_messages import unsubscribe_link
from central.mail.bounces import envelope_sender
from central.mail.settings import MailSettings

log = logging.getLogger(__name__)
BATCH = 20


@dataclass
class SendReport:
    sent: int = 0
    refused: int = 0
    retrying: int = 0


class _Unreachable(Exception):
    """The mail server cannot be talked to now: every message held waits."""


def build_email(claimed: queue.Claimed, mail: MailSettings, now: datetime) -> EmailMessage:
    email = EmailMessage()
    email["From"] = mail.from_address
    email["To"] = claimed.recipient
    email["Subject"] = claimed.subject
    email["Date"] = format_datetime(now)
    email["Message-ID"] = claimed.message_id
    email["Auto-Submitted"] = "auto-generated"
    if unsubscribe := unsubscribe_link(claimed.kind, claimed.body_text):
        # RFC 8058: mail clients offer a button that POSTs to the link, no page opened.
        email["List-Unsubscribe"] = f"<{unsubscribe}>"
        email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email.set_content(claimed.body_text)
    email.add_alternative(claimed.body_html, subtype="html")
    # After the parts are made: making them moves the Content- headers into the first.
    email["Content-Language"] = claimed.language
    return email


class Sender:
    """Works through what is due, as `owner` (unique per sender, for its leases)."""

    def __init__(self, db: Database, mail: MailSettings, *,
                 clock: Callable[[], datetime] = utc_now, owner: str | None = None,
                 batch: int = BATCH, alerts: AlertSettings | None = None) -> None:
        self.db, self.mail, self.clock, self.batch = db, mail, clock, batch
        # Given: back-in-stock alerts are queued (and expired) before each round.
        self.alerts = alerts
        self.owner = owner or f"{socket.gethostname()[:40]}-{uuid.uuid4().hex[:12]}"
        # Long enough for every message of a batch to time out in turn.
        self.lease = timedelta(seconds=mail.timeout_s * (batch + 2))

    def send_due(self) -> SendReport:
        """Send every message due now; returns once none is left or the server is down."""
        report = SendReport()
        if self.alerts is not None:
            queue_due(self.db, self.mail, self.alerts, self.clock())
        connection: smtplib.SMTP | None = None
        try:
            while claimed := queue.claim(self.db, self.owner, self.clock(), self.batch,
                                         self.lease):
                done = 0        # the messages of this batch the server has answered
                try:
                    connection = connection or self._connect()
                    for message in claimed:
                        self._send_one(connection, message, report)
                        done += 1
                except _Unreachable as problem:
                    if connection is not None:
                        connection.close()
                        connection = None
                    log.warning("mail: %s; %d message(s) wait", problem, len(claimed) - done)
                    for message in claimed[done:]:
                        self._retry(message, str(problem), report)
                    break
        finally:
            if connection is not None:
                _quit(connection)
        return report

    def _connect(self) -> smtplib.SMTP:
        mail = self.mail
        try:
            if mail.security == "tls":
                connection: smtplib.SMTP = smtplib.SMTP_SSL(
                    mail.smtp_host, mail.smtp_port, timeout=mail.timeout_s,
                    context=ssl.create_default_context())
            else:
                connection = smtplib.SMTP(mail.smtp_host, mail.smtp_port,
                                          timeout=mail.timeout_s)
                if mail.security == "starttls":
                    connection.starttls(context=ssl.create_default_context())
            if mail.user:
                connection.login(mail.user, mail.password)
            return connection
        except (OSError, ssl.SSLError) as problem:      # smtplib's errors are OSErrors
            raise _Unreachable(f"cannot use the mail server {mail.smtp_host}:"
                               f"{mail.smtp_port}: {_words(problem)}") from None

    def _send_one(self, connection: smtplib.SMTP, message: queue.Claimed,
                  report: SendReport) -> None:
        email = build_email(message, self.mail, self.clock())
        # The envelope sender, where bounces go, names the message (VERP).
        bounces_to = envelope_sender(self.mail, message.id, message.message_id)
        try:
            connection.send_message(email, from_addr=bounces_to, to_addrs=[message.recipient])
        except smtplib.SMTPRecipientsRefused as refused:
            code, words = refused.recipients.get(message.recipient, (0, b""))
            self._refused_or_retry(message, code, f"recipient refused: {code} "
                                                 f"{_text(words)}", report)
        except smtplib.SMTPDataError as refused:
            self._refused_or_retry(message, refused.smtp_code, f"message refused: "
                                   f"{refused.smtp_code} {_text(refused.smtp_error)}", report)
        except smtplib.SMTPSenderRefused as refused:
            # Our envelope sender: the chain's configuration, not this message, is at fault.
            self._retry(message, f"sender {refused.sender} refused: {refused.smtp_code} "
                                 f"{_text(refused.smtp_error)}", report)
            log.error("mail: the mail server refuses the sender %s: %s %s", refused.sender,
                      refused.smtp_code, _text(refused.smtp_error))
        except OSError as problem:
            raise _Unreachable(f"the mail server stopped answering: {_words(problem)}") \
                from None
        else:
            queue.mark_sent(self.db, message, self.owner, self.clock())
            report.sent += 1

    def _refused_or_retry(self, message: queue.Claimed, code: int, error: str,
                          report: SendReport) -> None:
        if 500 <= code < 600:
            log.warning("mail: %s to %s refused for good: %s", message.message_id,
                        message.recipient, error)
            queue.mark_refused(self.db, message, self.owner, error)
            report.refused += 1
        else:
            self._retry(message, error, report)

    def _retry(self, message: queue.Claimed, error: str, report: SendReport) -> None:
        queue.retry_later(self.db, message, self.owner, error, self.clock())
        report.retrying += 1


def _send_round(sender: Sender) -> None:
    try:
        report = sender.send_due()
        if report.sent or report.refused:
            log.info("mail: %d sent, %d refused, %d waiting", report.sent,
                     report.refused, report.retrying)
    except Exception:       # the database away: the next round tries again
        log.exception("mail: the queue could not be read")


def _text(words: bytes | str) -> str:
    return words.decode("utf-8", "replace") if isinstance(words, bytes) else str(words)


def _words(problem: BaseException) -> str:
    if isinstance(problem, smtplib.SMTPResponseException):
        return f"{problem.smtp_code} {_text(problem.smtp_error)}"
    return str(problem) or type(problem).__name__


def _quit(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except OSError:
        connection.close()


def send_from_server(app) -> None:
    """Send what the queue holds every 5 s for as long as the app serves; `app.state.
    mail_worker` is woken when an order queues a message, rather than at the next poll."""
    def worker() -> Periodic:
        sender = Sender(app.state.db, app.state.settings.mail, alerts=app.state.settings.alerts)
        return Periodic("mail-sender", partial(_send_round, sender), 5.0,
                        stop_wait_s=sender.mail.timeout_s + 5)

    run_while_serving(app, worker, state_name="mail_worker")
