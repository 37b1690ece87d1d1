"""One error body for every failure (docs/api.md), and no 500 for any input."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy import exc as db_errors
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

# How long a client is asked to wait when the database cannot be reached, or when the
# same order is being stored by another request: long enough not to hammer a server
# that is coming back, short enough that a terminal's queue keeps moving.
RETRY_AFTER_S = 5
# What the database driver raises when it cannot be reached or is not answering
# (PostgreSQL stopped, SQLite's file unreadable or locked too long, the pool exhausted):
# the server is unwell, nothing is wrong with the request.
DATABASE_UNAVAILABLE = (db_errors.OperationalError, db_errors.InterfaceError,
                        db_errors.TimeoutError, db_errors.DisconnectionError)


class FieldProblem(BaseModel):
    path: str
    message: str


class ErrorBody(BaseModel):
    error: str
    message: str
    fields: list[FieldProblem] | None = None


class ApiError(Exception):
    def __init__(self, status: int, error: str, message: str,
                 fields: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message
        self.fields, self.headers = fields, headers


def error_response(status: int, error: str, message: str,
                   fields: list[dict[str, str]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": error, "message": message}
    if fields is not None:
        body["fields"] = fields
    return JSONResponse(body, status_code=status, headers=headers)


def field_problems(errors: list[dict[str, Any]], *, drop_body: bool = True) -> list[dict]:
    problems = []
    for error in errors:
        location = [str(part) for part in error["loc"]]
        if drop_body and location[:1] == ["body"]:
            location = location[1:]
        problems.append({"path": ".".join(location) or "body", "message": error["msg"]})
    return problems


def validation_error(error: ValidationError | RequestValidationError,
                     *, drop_body: bool = True) -> ApiError:
    problems = field_problems(list(error.errors()), drop_body=drop_body)
    noun = "field is" if len(problems) == 1 else "fields are"
    return ApiError(422, "validation_failed", f"{len(problems)} {noun} invalid", problems)


_STATUS_ERRORS = {400: "bad_request", 401: "unauthorized", 403: "forbidden",
                  404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.error, error.message, error.fields,
                              error.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        problem = validation_error(error)
        return error_response(422, problem.error, problem.message, problem.fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> Response:
        if isinstance(error.__cause__, ClientDisconnect):
            # FastAPI turns a client gone while it reads a model's body into a 400.
            return await _disconnected(request, error.__cause__)
        name = _STATUS_ERRORS.get(error.status_code, "error")
        return error_response(error.status_code, name, str(error.detail),
                              headers=getattr(error, "headers", None))

    for unavailable in DATABASE_UNAVAILABLE:
        app.add_exception_handler(unavailable, _database_unavailable)

    @app.exception_handler(ClientDisconnect)
    async def _disconnected(request: Request, _: ClientDisconnect) -> Response:
        # An ordinary event on a flaky link; no one is left to read the answer.
        log.info("client disconnected during %s %s", request.method, request.url.path)
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, error: Exception) -> JSONResponse:
        # A fault of the server itself (a bug): terminals retry.
        log.exception("unexpected error", exc_info=error)
        return error_response(500, "internal_error", "the server could not answer; retry later")


def _database_unavailable(request: Request, error: Exception) -> Response:
    # The driver's own message, first line only: the statement and its values (customer
    # data) stay out of the log.
    reason = str(getattr(error, "orig", None) or type(error).__name__).strip()
    log.warning("database unavailable during %s %s: %s", request.method, request.url.path,
                reason.splitlines()[0] if reason else type(error).__name__)
    headers = {"Retry-After": str(RETRY_AFTER_S)}
    if request.url.path.startswith("/o/"):
        # A customer opening the status page: a page in their language, not JSON. (Imported
        # here: the page's module imports this one.)
        from central.api.status_page import unavailable_response
        return unavailable_response(request, headers)
    return error_response(503, "service_unavailable",
                          "the server's database cannot be reached; retry later",
                          headers=headers)


class BodySizeLimit:
    """413 for bodies over the limit, announced or streamed (chunked) alike."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, counting_receive, send)
        except _TooLarge:
            await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "payload_too_large",
                                  f"the body is larger than {self.max_bytes} bytes")
        await response(scope, receive, send)


class _TooLarge(HTTPException):
    """Raised while the body streams in; an HTTPException so that FastAPI, reading the
    body for a route, passes it on as is (it turns other errors into a 400)."""

    def __init__(self) -> None:
        super().__init__(413, "the body is too large")
