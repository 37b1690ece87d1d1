"""One rule for every body a terminal or staff sends to /v1 (docs/api.md, "Conventions"):
JSON in UTF-8, said so by `Content-Type: application/json`, or `415`; a body that does
not parse as JSON, `400 bad_request`. Checked before any route sees the body, so that
every route answers the same, and so that what a route parses is JSON Python reads as
any other JSON reader would.
"""

from __future__ import annotations

import codecs
import json
import math

from starlette.datastructures import Headers
from starlette.routing import Match, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.api.errors import error_response


class JsonBodiesOnly:
    """Checks the body of every request that a /v1 route taking one will answer; any
    other request (a method the route does not have: 405) goes by untouched."""

    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app, self.router = app, router

    def _takes_a_body(self, scope: Scope) -> bool:
        return scope["type"] == "http" and scope["method"] == "POST" \
            and scope["path"].startswith("/v1/") \
            and any(route.matches(scope)[0] is Match.FULL for route in self.router.routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._takes_a_body(scope):
            await self.app(scope, receive, send)
            return
        problem = media_type_problem(Headers(scope=scope).get("content-type"))
        if problem is not None:
            await _refuse(415, "unsupported_media_type", problem, scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                # The client went away: the app meets the same end, and logs it as such.
                await self.app(scope, _replay(message, receive), send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        refusal = body_problem(body)
        if refusal is not None:
            await _refuse(*refusal, scope, receive, send)
            return
        await self.app(scope, _replay({"type": "http.request", "body": body,
                                       "more_body": False}, receive), send)


def media_type_problem(content_type: str | None) -> str | None:
    """Why a Content-Type is not `application/json` in UTF-8, or None."""
    if content_type is None:
        return "the body must be sent as Content-Type: application/json"
    media_type, *parameters = (part.strip() for part in content_type.split(";"))
    if media_type.lower() != "application/json":
        return f"the body must be application/json, not {media_type[:60]!r}"
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() != "charset" or value.strip().strip('"').lower() != "utf-8":
            return f"application/json takes no parameter but charset=utf-8, not " \
                   f"{parameter[:60]!r}"
    return None


def body_problem(body: bytes) -> tuple[int, str, str] | None:
    """(status, error, message) for a body that is not JSON in UTF-8, or None."""
    if body.startswith(codecs.BOM_UTF8):
        return 415, "unsupported_media_type", "the body must be UTF-8 without a byte order mark"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return 415, "unsupported_media_type", "the body must be UTF-8"
    if "\x00" in text:
        # JSON escapes U+0000 in strings and allows it nowhere else: a NUL byte is the
        # mark of UTF-16 or UTF-32 (ASCII text in those decodes as UTF-8 all the same).
        return 415, "unsupported_media_type", "the body must be UTF-8, not UTF-16 or UTF-32"
    try:
        json.loads(text, parse_constant=_not_a_json_number, parse_float=_finite_number)
    # ValueError: not JSON, NaN or Infinity (or a number too large to be anything else),
    # an integer past Python's 4,300 digits;
    # RecursionError: arrays or objects nested hundreds of levels deep.
    except (ValueError, RecursionError):
        return 400, "bad_request", "the body is not JSON (or is nested too deep, or holds " \
                                   "a number too long to read)"
    return None


def _not_a_json_number(constant: str) -> float:
    raise ValueError(f"{constant} is not a JSON number")


def _finite_number(literal: str) -> float:
    # 1e400 reads as Infinity, which PostgreSQL's json refuses and no JSON can write back.
    number = float(literal)
    if math.isinf(number):
        raise ValueError(f"{literal[:40]} is too large for a JSON number")
    return number


def _replay(first: Message, receive: Receive) -> Receive:
    """The message read here (the whole body, or a disconnect), handed to the app as if
    it came now; then the connection's own messages."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return first

    return replayed


async def _refuse(status: int, error: str, message: str, scope: Scope, receive: Receive,
                  send: Send) -> None:
    await error_response(status, error, message)(scope, receive, send)
