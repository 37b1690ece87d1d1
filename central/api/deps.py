"""What routes are given: the database and the terminal calling."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from central.api.errors import ApiError
from central.db.engine import Database
from central.settings import Settings
from central.terminals import find_by_token

_bearer = HTTPBearer(auto_error=False)


@dataclass(frozen=True)
class Caller:
    terminal_id: int
    name: str
    store_id: str


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_caller(db: Annotated[Database, Depends(get_db)],
               credentials: Annotated[HTTPAuthorizationCredentials | None,
                                      Depends(_bearer)]) -> Caller:
    unauthorized = ApiError(401, "unauthorized", "a valid terminal token is required",
                            headers={"WWW-Authenticate": "Bearer"})
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorized
    with db.reading() as session:
        terminal = find_by_token(session, credentials.credentials)
        if terminal is None:
            raise unauthorized
        return Caller(terminal.id, terminal.name, terminal.store_id)


def same_store(caller: Caller, store_id: str) -> None:
    if store_id != caller.store_id:
        raise ApiError(403, "forbidden",
                       f"this terminal belongs to store {caller.store_id!r}, not {store_id!r}")


DB = Annotated[Database, Depends(get_db)]
CurrentTerminal = Annotated[Caller, Depends(get_caller)]
AppSettings = Annotated[Settings, Depends(get_settings)]
