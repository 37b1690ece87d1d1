"""The mail queue in the database: a message is written whole in the transaction that
changes the order, so it is never lost; senders claim due messages with a lease, so two
senders never hold one at once; each attempt's outcome is kept for staff.

States: queued (due at `next_attempt_at`), sending (claimed until `lease_until`; a
sender that died lets it fall due again then), sent, refused (the mail server refused
it for good: a 5xx), bounced (reported undeliverable after it was sent).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import Database, iso, utc_now
from central.mail.messages import KIND_OF_STATUS, Rendered, order_message
from central.mail.settings import MailSettings

QUEUED, SENDING, SENT, REFUSED, BOUNCED = "queued", "sending", "sent", "refused", "bounced"
STATES = (QUEUED, SENDING, SENT, REFUSED, BOUNCED)
# A mail server down is retried sooner at first, then every hour, for as long as it takes.
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
MAX_ERROR_LENGTH = 1000


def queue_order_message(session: Session, order: models.Order, status: str,
                        mail: MailSettings, now: datetime) -> models.MailMessage | None:
    """Queue the message telling the customer that `order` is now `status`, if that status
    is one they are told about and mail is set up. Run in the transaction that changed it,
    once the order is flushed (it has its id)."""
    kind = KIND_OF_STATUS.get(status)
    if kind is None or not mail.enabled:
        return None
    if session.scalar(
            select(models.MailMessage.id).where(models.MailMessage.order_id == order.id,
                                                models.MailMessage.kind == kind)):
        return None
    store = session.get(models.Store, order.store_id)
    rendered = order_message(kind, order, store.name if store else order.store_id, mail)
    return queue_message(session, order.reference.lower(), kind, order.customer["email"],
                         order.language, rendered, mail, now, order_id=order.id)


def queue_message(session: Session, about: str, kind: str, recipient: str, language: str,
                  rendered: Rendered, mail: MailSettings, now: datetime,
                  **tied_to: int) -> models.MailMessage:
    """Queue a rendered message, due now, in the transaction at hand. `about` names what
    it is about in its Message-ID (an order's reference, say); `tied_to` is its order_id
    or reservation_id, if any."""
    message = models.MailMessage(
        message_id=f"<{about}.{kind}.{secrets.token_hex(6)}@{mail.sender_domain}>",
        kind=kind, recipient=recipient, language=language, subject=rendered.subject,
        body_text=rendered.text, body_html=rendered.html, state=QUEUED, attempts=0,
        next_attempt_at=now, last_error="", created_at=now, **tied_to)
    session.add(message)
    return message


@dataclass(frozen=True)
class Claimed:
    """A message a sender holds, detached from the database."""

    id: int
    message_id: str
    kind: str
    recipient: str
    language: str
    subject: str
    body_text: str
    body_html: str
    attempts: int


def claim(db: Database, owner: str, now: datetime, limit: int,
          lease: timedelta) -> list[Claimed]:
    """Due messages, at most `limit`, now held by `owner` until `now + lease`."""
    message = models.MailMessage
    due = or_(and_(message.state == QUEUED, message.next_attempt_at <= now),
              and_(message.state == SENDING, message.lease_until < now))
    with db.writing() as session:
        # SQLite lets one writer in at a time; PostgreSQL skips rows another sender locked.
        rows = session.scalars(select(message).where(due)
                               .order_by(message.next_attempt_at, message.id).limit(limit)
                               .with_for_update(skip_locked=True)).all()
        for row in rows:
            row.state, row.lease_owner, row.lease_until = SENDING, owner, now + lease
        return [Claimed(row.id, row.message_id, row.kind, row.recipient, row.language,
                        row.subject, row.body_text, row.body_html, row.attempts)
                for row in rows]


def _settle(db: Database, claimed: Claimed, owner: str, **values) -> bool:
    """Write an attempt's outcome, if `owner` still holds the message."""
    message = models.MailMessage
    with db.writing() as session:
        result = session.execute(
            update(message).where(message.id == claimed.id, message.state == SENDING,
                                  message.lease_owner == owner)
            .values(attempts=message.attempts + 1, lease_owner=None, lease_until=None,
                    **values))
        return result.rowcount == 1


def mark_sent(db: Database, claimed: Claimed, owner: str, now: datetime) -> bool:
    return _settle(db, claimed, owner, state=SENT, sent_at=now, last_error="")


def mark_refused(db: Database, claimed: Claimed, owner: str, error: str) -> bool:
    return _settle(db, claimed, owner, state=REFUSED, last_error=error[:MAX_ERROR_LENGTH])


def retry_later(db: Database, claimed: Claimed, owner: str, error: str,
                now: datetime) -> bool:
    return _settle(db, claimed, owner, state=QUEUED, last_error=error[:MAX_ERROR_LENGTH],
                   next_attempt_at=now + retry_delay(claimed.attempts + 1))


def retry_delay(attempts: int) -> timedelta:
    """After `attempts` failed attempts: 1, 2, 4... minutes, then every hour."""
    return min(LONGEST_RETRY, FIRST_RETRY * 2 ** min(attempts - 1, 10))


class NotFound(LookupError):
    pass


def mark_bounced(db: Database, message_id: str, reason: str,
                 now: datetime | None = None) -> models.MailMessage:
    """A message the recipient's mail server reported undeliverable after taking it."""
    wanted = message_id.strip()
    if not wanted.startswith("<"):
        wanted = f"<{wanted}>"
    with db.writing() as session:
        message = session.scalar(select(models.MailMessage)
                                 .where(models.MailMessage.message_id == wanted))
        if message is None:
            raise NotFound(f"no message {wanted}")
        bounced(session, message, reason, now or utc_now())
        return message


def bounced(session: Session, message: models.MailMessage, reason: str,
            now: datetime) -> None:
    """Record `message` as bounced and write no more to its address for what it was
    about: a back-in-stock alert whose message bounced ends there."""
    # Imported here: central.alerts queues its messages through this module.
    from central.alerts import end_after_bounce

    message.state = BOUNCED
    message.last_error = reason[:MAX_ERROR_LENGTH]
    end_after_bounce(session, message.message_id, now)


def order_messages(session: Session, order_id: int) -> list[models.MailMessage]:
    return list(session.scalars(select(models.MailMessage)
                                .where(models.MailMessage.order_id == order_id)
                                .order_by(models.MailMessage.id)))


def message_summary(message: models.MailMessage) -> dict:
    """A message as staff see it (docs/api.md): its fate, not its text."""
    return {"kind": message.kind, "recipient": message.recipient, "state": message.state,
            "attempts": message.attempts, "message_id": message.message_id,
            "created_at": iso(message.created_at), "sent_at": iso(message.sent_at),
            "next_attempt_at": iso(message.next_attempt_at)
            if message.state in (QUEUED, SENDING) else None,
            "last_error": message.last_error}
