"""What routes are given: the database, the terminal calling, the staff member calling."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy import bindparam, select

from central.api.errors import ApiError
from central.db import models
from central.db.engine import Database
from central.settings import Settings
from central.terminals import token_hash

_bearer = HTTPBearer(auto_error=False)
STAFF_CHALLENGE = 'Basic realm="central staff", charset="UTF-8"'


class _StaffBasic(HTTPBasic):
    """HTTP Basic read as RFC 7617 says, in UTF-8 (FastAPI's own reads ASCII only, which
    would shut out a password with an accent); anything unreadable is no credentials."""

    async def __call__(self, request: Request) -> HTTPBasicCredentials | None:  # type: ignore[override]
        scheme, param = get_authorization_scheme_param(request.headers.get("Authorization"))
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(param, validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            return None
        username, separator, password = decoded.partition(":")
        return HTTPBasicCredentials(username=username, password=password) if separator \
            else None


_basic = _StaffBasic(auto_error=False, scheme_name="StaffBasic",
                     description="A staff account (`central staff add`)")


@dataclass(frozen=True)
class Caller:
    terminal_id: int
    name: str
    store_id: str


# Coroutines, though they wait for nothing: FastAPI runs a plain function in its thread
# pool, two hand-offs a request for reading an attribute.
async def get_db(request: Request) -> Database:
    return request.app.state.db


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


# Every request of every terminal runs it: built once, on a bare connection (the ORM's
# session and objects would cost more CPU than the query).
_T = models.Terminal
_ACTIVE_TERMINAL = select(_T.id, _T.name, _T.store_id).where(
    _T.token_hash == bindparam("token_hash"), _T.revoked_at.is_(None))


def get_caller(db: Annotated[Database, Depends(get_db)],
               credentials: Annotated[HTTPAuthorizationCredentials | None,
                                      Depends(_bearer)]) -> Caller:
    unauthorized = ApiError(401, "unauthorized", "a valid terminal token is required",
                            headers={"WWW-Authenticate": "Bearer"})
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorized
    with db.engine.connect() as connection:
        row = connection.execute(_ACTIVE_TERMINAL,
                                 {"token_hash": token_hash(credentials.credentials)}).first()
    if row is None:
        raise unauthorized
    return Caller(*row)


def same_store(caller: Caller, store_id: str) -> None:
    if store_id != caller.store_id:
        raise ApiError(403, "forbidden",
                       f"this terminal belongs to store {caller.store_id!r}, not {store_id!r}")


DB = Annotated[Database, Depends(get_db)]
CurrentTerminal = Annotated[Caller, Depends(get_caller)]
AppSettings = Annotated[Settings, Depends(get_settings)]
# HTTP Basic as given (None if absent or unreadable), for routes that check it themselves.
StaffBasicCredentials = Annotated[HTTPBasicCredentials | None, Depends(_basic)]
