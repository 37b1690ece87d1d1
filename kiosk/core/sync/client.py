"""HTTP calls to the central server, each answer sorted into what the kiosk does next.

The sorting follows docs/api.md: network faults, 429 and 5xx are retried later; 401
and 403 stop everything and alert staff; any other 4xx means the item itself is wrong.
The terminal's token goes only into the Authorization header, never into a log line.
"""

from __future__ import annotations

import dataclasses
import email.utils
import json
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

import requests
from pydantic_core import from_json

from kiosk.core.sync.trouble import Trouble, trouble_of_error, trouble_of_status

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 3.05
READ_TIMEOUT_S = 20.0
# A whole answer must arrive within this: a connection trickling a few bytes now and
# then never trips the read timeout, and would hold sync for ever.
TOTAL_TIMEOUT_S = 60.0
_READ_SIZE = 64 * 1024
DETAIL_LIMIT = 2000     # characters of an exception's message kept as the detail


class Verdict(Enum):
    OK = "ok"                      # 2xx with a readable body
    REJECTED = "rejected"          # the item is wrong: a dead letter
    RETRY_ITEM = "retry_item"      # 5xx or 409: this item later, go on with others
    UNREACHABLE = "unreachable"    # network fault, timeout, 429: stop this round
    UNAUTHORIZED = "unauthorized"  # 401/403: keep everything, tell staff


@dataclass(frozen=True)
class Answer:
    verdict: Verdict
    status: int | None
    body: Any = None                  # parsed JSON (bytes for images)
    reason: str = ""                  # for logs and staff: the technical detail
    retry_after_s: float | None = None
    trouble: Trouble | None = None    # the cause, for staff, when it is not OK
    # An answer given up on for time: how much of it had arrived, for how long it came.
    received_bytes: int = 0
    received_s: float = 0.0
    # A whole answer: the time from its head to its last byte, read and inflated, which
    # tells how fast the link is.
    transfer_s: float = 0.0


class CentralClient:
    def __init__(self, base_url: str, token: str, *, ca_bundle: Path | None = None,
                 total_timeout_s: float = TOTAL_TIMEOUT_S,
                 session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.total_timeout_s = total_timeout_s
        self._session = session or requests.Session()
        self._session.headers["Authorization"] = f"Bearer {token}"
        self._session.headers["User-Agent"] = "kiosk"
        # requests verifies certificates by default; IT may name their own CA bundle.
        self._verify: bool | str = str(ca_bundle) if ca_bundle else True

    def close(self) -> None:
        self._session.close()

    def changes(self, cursor: str | None, limit: int, max_bytes: int | None = None,
                compressed: bool = True) -> Answer:
        """The page's body as bytes: `wire.read_changes_page` parses and checks it in
        one pass. `compressed`: the server sends it gzipped (requests inflates it), which
        a link slower than the compression itself gains from."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        if max_bytes is not None:
            params["max_bytes"] = max_bytes
        return self._call("GET", "/v1/changes", params=params, raw=True, headers={
            "Accept-Encoding": "gzip" if compressed else "identity"})

    def stock(self, sku: str, timeout_s: float) -> Answer:
        return self._call("GET", "/v1/stock", params={"sku": sku}, timeout=timeout_s)

    def post_order(self, idempotency_key: str, body: bytes) -> Answer:
        return self._call("POST", "/v1/orders", data=body,
                          headers={"Idempotency-Key": idempotency_key})

    def post_reservation(self, idempotency_key: str, body: dict[str, Any],
                         timeout_s: float) -> Answer:
        """A reservation in a store (kiosk/core/reservations.py): the shopper waits."""
        return self._call("POST", "/v1/reservations", data=json.dumps(body).encode(),
                          headers={"Idempotency-Key": idempotency_key}, timeout=timeout_s)

    def store_reservations(self, timeout_s: float) -> Answer:
        """This terminal's store's reservations still held (for admin mode)."""
        return self._call("GET", "/v1/store/reservations", params={"state": "held"},
                          timeout=timeout_s)

    def settle_reservation(self, reference: str, state: str, timeout_s: float) -> Answer:
        """Mark one of this store's held reservations `collected` or `cancelled`."""
        return self._call("POST", f"/v1/store/reservations/{reference}/state",
                          data=json.dumps({"state": state}).encode(), timeout=timeout_s)

    def post_batch(self, kind: str, body: bytes) -> Answer:
        """Ratings or events: `kind` is 'ratings' or 'events'."""
        return self._call("POST", f"/v1/{kind}", data=body)

    def heartbeat(self, body: dict[str, Any]) -> Answer:
        return self._call("POST", "/v1/heartbeat", data=json.dumps(body).encode())

    def probe(self, timeout_s: float) -> Answer:
        """Whether the server answers at all: its OpenAPI description, which needs no
        token and changes nothing on the server (for admin mode's status screen)."""
        return self._call("GET", "/openapi.json", timeout=timeout_s)

    def image(self, path: str) -> Answer:
        return self._call("GET", f"/v1/images/{path}", raw=True)

    def post_alert(self, idempotency_key: str, body: dict[str, Any],
                   timeout_s: float) -> Answer:
        """A back-in-stock alert (kiosk/core/alerts.py): the shopper waits."""
        return self._call("POST", "/v1/alerts", data=json.dumps(body).encode(),
                          headers={"Idempotency-Key": idempotency_key}, timeout=timeout_s)

    def _call(self, method: str, path: str, *, params: dict | None = None,
              data: bytes | None = None, headers: dict | None = None,
              timeout: float | None = None, raw: bool = False) -> Answer:
        all_headers = {"Content-Type": "application/json"} if data is not None else {}
        all_headers.update(headers or {})
        allowed = timeout or self.total_timeout_s      # for the whole answer
        read_timeout = min(READ_TIMEOUT_S, allowed)
        deadline = time.monotonic() + allowed
        try:
            with self._session.request(
                    method, self.base_url + path, params=params, data=data,
                    headers=all_headers, timeout=(CONNECT_TIMEOUT_S, read_timeout),
                    verify=self._verify, stream=True) as response:
                headed = time.monotonic()
                # Read it all here, against the clock: a cut body is a network fault.
                # Each read blocks until it is full, and the clock is only looked at
                # between them: not too big then, but a first sync reads hundreds of
                # megabytes, on which 8 KiB reads spent half a second of CPU.
                chunks, received = [], 0
                for chunk in response.iter_content(_READ_SIZE):
                    chunks.append(chunk)
                    received += len(chunk)
                    if time.monotonic() > deadline:
                        return Answer(Verdict.UNREACHABLE, None,
                                      reason="the answer took too long to arrive",
                                      trouble=Trouble.TIMEOUT, received_bytes=received,
                                      received_s=allowed)
                content = b"".join(chunks)
                transfer_s = time.monotonic() - headed
        except requests.RequestException as error:
            return Answer(Verdict.UNREACHABLE, None, reason=_describe(error),
                          trouble=trouble_of_error(error))
        answer = _judge(response, content, raw)
        return dataclasses.replace(answer, transfer_s=transfer_s)


def _judge(response: requests.Response, content: bytes, raw: bool) -> Answer:
    status = response.status_code
    retry_after = _retry_after(response.headers.get("Retry-After"))
    if 200 <= status < 300:
        if _cut_short(response, content) or (raw and not content):
            # A connection closed early, even right after the status line: requests
            # hands that over as a 200 with what little arrived.
            return Answer(Verdict.UNREACHABLE, status, reason=f"{status} answer cut short",
                          trouble=Trouble.BAD_ANSWER)
        if raw:
            return Answer(Verdict.OK, status, content)
        try:
            # pydantic_core's parser: a first sync reads a few hundred megabytes of JSON,
            # and this one does it in about two thirds of json.loads' time.
            return Answer(Verdict.OK, status, from_json(content))
        except ValueError:
            # A 2xx whose body does not parse was cut or mangled on the way.
            return Answer(Verdict.UNREACHABLE, status, reason=f"unreadable {status} body",
                          trouble=Trouble.BAD_ANSWER)
    reason, trouble = _server_reason(status, content), trouble_of_status(status)
    if status == 429:
        return Answer(Verdict.UNREACHABLE, status, reason=reason, retry_after_s=retry_after,
                      trouble=trouble)
    if status >= 500 or status == 409:
        return Answer(Verdict.RETRY_ITEM, status, reason=reason, retry_after_s=retry_after,
                      trouble=trouble)
    if status in (401, 403):
        return Answer(Verdict.UNAUTHORIZED, status, reason=reason, trouble=trouble)
    return Answer(Verdict.REJECTED, status, reason=reason, trouble=trouble)


def _cut_short(response: requests.Response, content: bytes) -> bool:
    """Fewer bytes than the answer announced. Only for an uncompressed body, whose
    length on the wire is the length of what we read."""
    announced = response.headers.get("Content-Length", "")
    encoding = response.headers.get("Content-Encoding", "identity")
    return announced.isdigit() and encoding == "identity" and len(content) < int(announced)


def _server_reason(status: int, content: bytes) -> str:
    """The server's own words (docs/api.md error body), for staff to read."""
    try:
        body = json.loads(content)
    except ValueError:
        return f"HTTP {status}"
    if not isinstance(body, dict):
        return f"HTTP {status}"
    parts = [f"HTTP {status}", str(body.get("error", "")), str(body.get("message", ""))]
    for field in body.get("fields") or []:
        if isinstance(field, dict):
            parts.append(f"{field.get('path')}: {field.get('message')}")
    return " · ".join(p for p in parts if p)[:1000]


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())


def _describe(error: requests.RequestException) -> str:
    # Staff read it whole as the detail behind the cause; it never contains the token
    # (that is not in the URL).
    return f"{type(error).__name__}: {str(error)[:DETAIL_LIMIT]}"
