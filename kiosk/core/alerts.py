"""Back-in-stock alerts: "tell me when it's back", asked of the central server while the
shopper waits (docs/api.md, "Back-in-stock alerts"). The server e-mails a confirmation
link first; nothing is queued for later on the kiosk, so offline the shopper is told."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum
from typing import Any


class Outcome(Enum):
    ASKED = "asked"                # the confirmation e-mail is on its way
    OFFLINE = "offline"            # no answer from the server
    UNAVAILABLE = "unavailable"    # the server sends no e-mail, so takes no alert
    REFUSED = "refused"            # refused for another reason (the log says which)


def alert_body(sku: str, store_id: str | None, email: str, language: str,
               privacy_notice_version: str, consent_at: datetime) -> dict[str, Any]:
    """`store_id`: the store whose stock counts, None for any store."""
    return {"sku": sku, "store_id": store_id, "email": email, "language": language,
            "consent": {"privacy_notice": privacy_notice_version,
                        "given_terminal_at": consent_at.isoformat(timespec="seconds")}}


def new_key() -> str:
    """The Idempotency-Key of one alert, sent again with each retry of it."""
    return str(uuid.uuid4())


def ask_alert(client: Any, key: str, body: dict[str, Any], timeout_s: float
              ) -> tuple[Outcome, str]:
    """POST it once; `client` a CentralClient. The outcome, and the server's words."""
    from kiosk.core.sync.client import Verdict

    answer = client.post_alert(key, body, timeout_s)
    if answer.verdict is Verdict.OK:
        return Outcome.ASKED, ""
    if answer.status == 503 and "alerts_unavailable" in answer.reason:
        return Outcome.UNAVAILABLE, answer.reason
    if answer.verdict in (Verdict.UNREACHABLE, Verdict.RETRY_ITEM):
        return Outcome.OFFLINE, answer.reason
    return Outcome.REFUSED, answer.reason
