"""Bounces read from a mailbox: the delivery status notifications (RFC 3464, a
multipart/report of report-type delivery-status) that mail servers send back when they
cannot deliver a message they took.

Each message goes out with its own envelope sender (VERP): the bounce mailbox's address
with `+TOKEN` before the @, TOKEN naming the message (its row and a digest of its
Message-ID, so that it cannot be guessed). A report comes back to that address, which
the receiving mail server writes in its headers (To, Delivered-To, X-Original-To); a
report without it is matched by the original Message-ID in its returned headers.

A permanent failure (Action: failed, or a 5.x.x Status) marks the message bounced, as
`central mail bounced` does by hand; a delay (Action: delayed, 4.x.x) is only logged:
the mail server keeps trying and reports again if it gives up. `read_maildir` moves each
report it has dealt with to the Maildir's `.processed` folder, so a second run does
nothing; one it cannot read or match stays where it is, and is reported.
"""

from __future__ import annotations

import hashlib
import logging
import mailbox
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import Message
from email.parser import HeaderParser
from pathlib import Path

from sqlalchemy import select

from central.db import models
from central.db.engine import Database
from central.mail import queue
from central.mail.settings import MailSettings

log = logging.getLogger("central.mail.bounces")

PROCESSED_FOLDER = "processed"
# The headers in which the receiving mail server writes the address a report came to.
_ADDRESSED_TO = ("To", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To")
_VERP_TOKEN = re.compile(r"\+(\d{1,18})-([0-9a-f]{16})@", re.IGNORECASE)
FAILED, DELAYED, OTHER = "failed", "delayed", "other"


def verp_token(row_id: int, message_id: str) -> str:
    return f"{row_id}-{_digest(message_id)}"


def envelope_sender(mail: MailSettings, row_id: int, message_id: str) -> str:
    """The address the message's bounces go to: bounces+TOKEN@luma.example."""
    local, _, domain = mail.bounce_mailbox.rpartition("@")
    return f"{local}+{verp_token(row_id, message_id)}@{domain}"


def _digest(message_id: str) -> str:
    return hashlib.sha256(message_id.encode()).hexdigest()[:16]


class Unreadable(ValueError):
    """Not a delivery status notification this module can act on; says why."""


@dataclass(frozen=True)
class Report:
    """What a delivery status notification says about the one recipient we sent to."""

    outcome: str                        # FAILED, DELAYED or OTHER (delivered, relayed...)
    status: str                         # "5.1.1"
    diagnostic: str                     # the remote server's words, if given
    verp: tuple[int, str] | None        # (row id, digest) from the address it came to
    original_message_id: str | None     # from the returned headers

    @property
    def reason(self) -> str:
        return " ".join(part for part in (self.status, self.diagnostic) if part)


def read_report(raw: bytes) -> Report:
    """Read a delivery status notification; Unreadable says why it is not one."""
    try:
        report = message_from_bytes(raw, policy=policy.default)
        if report.get_content_type() != "multipart/report":
            raise Unreadable(f"not a delivery report (it is {report.get_content_type()})")
        kind = str(report.get_param("report-type", "")).lower()
        if kind != "delivery-status":
            raise Unreadable(f"a report of type {kind or 'none'!r}, not delivery-status")
        parts = list(report.iter_parts())
        status_part = next((part for part in parts
                            if part.get_content_type() == "message/delivery-status"), None)
        if status_part is None:
            raise Unreadable("the report has no message/delivery-status part")
        outcome, status, diagnostic = _recipients_outcome(status_part)
        return Report(outcome, status, diagnostic, _verp(report), _original_id(parts))
    except Unreadable:
        raise
    except Exception as problem:    # mail from anywhere: whatever breaks the parser
        raise Unreadable(f"cannot be parsed ({type(problem).__name__}: {problem})") \
            from None


def _recipients_outcome(status_part: Message) -> tuple[str, str, str]:
    blocks = status_part.get_payload()
    # The first block is about the report itself; each one after, about one recipient.
    recipients = [block for block in blocks[1:] if isinstance(block, Message)] \
        if isinstance(blocks, list) else []
    found: list[tuple[str, str, str]] = []
    for block in recipients:
        action = str(block.get("Action", "")).strip().lower()
        # "5.1.1", perhaps followed by a comment.
        status = next(iter(str(block.get("Status", "")).split()), "")
        if not action and not status:
            continue
        diagnostic = " ".join(str(block.get("Diagnostic-Code", "")).split())
        if action == "failed" or status.startswith("5."):
            outcome = FAILED
        elif action == "delayed" or status.startswith("4."):
            outcome = DELAYED
        else:
            outcome = OTHER
        found.append((outcome, status, diagnostic))
    if not found:
        raise Unreadable("its delivery-status part gives no recipient's Action or Status")
    order = (FAILED, DELAYED, OTHER)
    return min(found, key=lambda each: order.index(each[0]))


def _verp(report: Message) -> tuple[int, str] | None:
    for name in _ADDRESSED_TO:
        for value in report.get_all(name) or ():
            if found := _VERP_TOKEN.search(str(value)):
                return int(found[1]), found[2].lower()
    return None


def _original_id(parts: list[Message]) -> str | None:
    for part in parts:
        kind = part.get_content_type()
        if kind == "text/rfc822-headers":
            headers = HeaderParser(policy=policy.default).parsestr(part.get_content())
        elif kind == "message/rfc822":
            headers = part.get_payload()[0]
        else:
            continue
        if value := str(headers.get("Message-ID", "")).strip():
            return value if value.startswith("<") else f"<{value}>"
    return None


def apply(db: Database, report: Report, now: datetime) -> str:
    """Act on a report: a permanent failure marks its message bounced. Returns the
    outcome; Unreadable if a failure matches no message this server sent."""
    if report.outcome != FAILED:
        log.info("mail: delivery report %s (%s) for %s: nothing to do", report.outcome,
                 report.reason or "no status", _named(report))
        return report.outcome
    with db.writing() as session:
        message = _matched(session, report)
        if message is None:
            raise Unreadable(f"a failure report that matches no message sent from here "
                             f"({_named(report)})")
        if message.state in (queue.QUEUED, queue.SENDING):
            raise Unreadable(f"a failure report for {message.message_id}, which is not "
                             f"sent yet")
        queue.bounced(session, message, report.reason or "reported undeliverable", now)
        log.warning("mail: %s (%s) bounced: %s", message.message_id, message.kind,
                    report.reason)
    return FAILED


def _matched(session, report: Report) -> models.MailMessage | None:
    if report.verp is not None:
        row_id, digest = report.verp
        message = session.get(models.MailMessage, row_id, with_for_update=True)
        if message is not None and _digest(message.message_id) == digest:
            return message
    if report.original_message_id:
        return session.scalar(select(models.MailMessage)
                              .where(models.MailMessage.message_id ==
                                     report.original_message_id).with_for_update())
    return None


def _named(report: Report) -> str:
    if report.verp is not None:
        return f"VERP token {report.verp[0]}-{report.verp[1]}"
    return f"Message-ID {report.original_message_id or 'not given'}"


@dataclass
class MaildirReport:
    bounced: int = 0
    delayed: int = 0
    other: int = 0                       # delivered, relayed...: nothing to do
    left: list[tuple[str, str]] = field(default_factory=list)   # (file name, why)


def read_maildir(db: Database, directory: Path, now: datetime) -> MaildirReport:
    """Act on every report in the Maildir's inbox (new and cur), moving each one dealt
    with to its `.processed` folder; the others stay, named in `left`."""
    inbox = mailbox.Maildir(directory, factory=None, create=False)
    processed = inbox.get_folder(PROCESSED_FOLDER) \
        if PROCESSED_FOLDER in inbox.list_folders() else inbox.add_folder(PROCESSED_FOLDER)
    result = MaildirReport()
    for key in sorted(inbox.keys()):
        try:
            raw, stored = inbox.get_bytes(key), inbox.get_message(key)
        except KeyError:                # taken by another run meanwhile
            continue
        except OSError as problem:      # a file this user may not read, say
            _leave(result, key, f"cannot be read ({problem.strerror or problem})")
            continue
        try:
            outcome = apply(db, read_report(raw), now)
        except Unreadable as problem:
            _leave(result, _file_name(inbox, key, stored), str(problem))
            continue
        # Recorded first, moved after: a run stopped in between reads it again, to the
        # same effect.
        stored.set_subdir("cur")
        stored.add_flag("S")
        processed.add(stored)
        inbox.discard(key)
        if outcome == FAILED:
            result.bounced += 1
        elif outcome == DELAYED:
            result.delayed += 1
        else:
            result.other += 1
    return result


def _leave(result: MaildirReport, name: str, reason: str) -> None:
    log.warning("mail: bounce mailbox: %s left in place: %s", name, reason)
    result.left.append((name, reason))


def _file_name(inbox: mailbox.Maildir, key: str, stored: mailbox.MaildirMessage) -> str:
    info = stored.get_info()
    return f"{stored.get_subdir()}/{key}{inbox.colon + info if info else ''}"
