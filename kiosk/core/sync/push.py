"""The journal's outbox up: each item stored by the server exactly once.

Every item carries its own UUID, made when it was journaled and sent unchanged at
every attempt, so the server recognises a retry (its answer to the first attempt may
have been lost). An item is marked sent only after the server said so. What happens
to an item after each answer follows docs/api.md: faults are retried with backoff, a
refused item is set aside as a dead letter and the others go on, and a refused token
stops everything until staff fix it.
"""

from __future__ import annotations

import logging
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kiosk.core import outbox
from kiosk.core.sync.client import Answer, CentralClient, Verdict

log = logging.getLogger(__name__)

BATCH_SIZE = 100
ORDERS_PER_ROUND = 500
BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 300.0
LONGEST_WAIT = timedelta(seconds=BACKOFF_CAP_S * 2)
_BATCH_ENDPOINTS = {"rating": "ratings", "event": "events"}


@dataclass
class PushResult:
    sent: dict[str, int] = field(default_factory=lambda: dict.fromkeys(outbox.KINDS, 0))
    dead: int = 0
    retrying: int = 0
    stopped_by: Answer | None = None   # unreachable or unauthorized: the round ended early

    @property
    def sent_any(self) -> bool:
        return any(self.sent.values())


def backoff_s(attempts: int, rng: random.Random) -> float:
    """Exponential backoff with full jitter: anywhere up to base * 2^attempts, capped."""
    return rng.uniform(0, min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** min(attempts, 20)))


class Pusher:
    def __init__(self, conn: sqlite3.Connection, client: CentralClient, *,
                 clock: Callable[[], datetime], rng: random.Random) -> None:
        self.conn, self.client, self.clock, self.rng = conn, client, clock, rng

    def push(self) -> PushResult:
        result = PushResult()
        # Orders first, one request each: they are what a shopper is waiting for.
        for item in self._due("order", ORDERS_PER_ROUND):
            answer = self.client.post_order(item.uuid, item.body)
            if not self._settle(item, answer, answer.body, result):
                return result
        for kind, endpoint in _BATCH_ENDPOINTS.items():
            # Items settled in a batch are no longer due, so this loop always advances.
            while items := self._due(kind, BATCH_SIZE):
                if not self._push_batch(kind, endpoint, items, result):
                    return result
        return result

    def _due(self, kind: outbox.Kind, limit: int) -> list[outbox.OutboxItem]:
        return outbox.due(self.conn, kind, self.clock(), limit, longest_wait=LONGEST_WAIT)

    def _push_batch(self, kind: str, endpoint: str, items: list[outbox.OutboxItem],
                    result: PushResult) -> bool:
        body = b'{"items":[' + b",".join(item.body for item in items) + b"]}"
        answer = self.client.post_batch(endpoint, body)
        if answer.verdict is Verdict.REJECTED and len(items) > 1:
            # The batch as a whole was refused: send each item alone, so that only the
            # faulty one becomes a dead letter.
            return all(self._push_batch(kind, endpoint, [item], result) for item in items)
        if answer.verdict is not Verdict.OK:
            return all([self._settle(item, answer, None, result) for item in items])
        outcomes = _outcomes_by_id(answer.body)
        for item in items:
            outcome = outcomes.get(item.uuid)
            if outcome is None:
                # The server did not report on it: ask again later rather than guess.
                self._retry(item, "no outcome for this item in the server's answer", None,
                            result)
            elif outcome.get("status") in ("created", "duplicate"):
                outbox.mark_sent(self.conn, item.id, outcome, self.clock())
                result.sent[kind] += 1
            else:
                reason = " · ".join(str(outcome.get(k, "")) for k in ("error", "message"))
                self._dead(item, f"refused: {reason}", result)
        return True

    def _settle(self, item: outbox.OutboxItem, answer: Answer, response: object,
                result: PushResult) -> bool:
        """Record what an answer means for one item; False when the round must stop."""
        if answer.verdict is Verdict.OK:
            outbox.mark_sent(self.conn, item.id, response, self.clock())
            result.sent[item.kind] += 1
            return True
        if answer.verdict is Verdict.REJECTED:
            self._dead(item, answer.reason, result)
            return True
        if answer.verdict is Verdict.RETRY_ITEM:
            self._retry(item, answer.reason, answer.retry_after_s, result)
            return True
        # Unreachable or unauthorized: nothing was stored, nothing is counted against
        # the item; the engine waits before the next round.
        result.stopped_by = answer
        return False

    def _retry(self, item: outbox.OutboxItem, reason: str, retry_after_s: float | None,
               result: PushResult) -> None:
        delay = max(backoff_s(item.attempts, self.rng), retry_after_s or 0.0)
        outbox.retry_later(self.conn, item.id, self.clock() + timedelta(seconds=delay), reason)
        result.retrying += 1

    def _dead(self, item: outbox.OutboxItem, reason: str, result: PushResult) -> None:
        log.warning("%s %s refused by the server, kept as a dead letter: %s",
                    item.kind, item.uuid, reason)
        outbox.mark_dead(self.conn, item.id, reason)
        result.dead += 1


def _outcomes_by_id(body: object) -> dict[str, dict]:
    results = body.get("results") if isinstance(body, dict) else None
    if not isinstance(results, list):
        return {}
    return {r["id"]: r for r in results if isinstance(r, dict) and isinstance(r.get("id"), str)}

