"""Who is asking for analytics: a dashboard session (cookie) or a staff account (HTTP
Basic), with the same accounts and the same slowing down of password guessing. A
terminal's token is neither: 401."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from central.api.deps import DB, STAFF_CHALLENGE, StaffBasicCredentials
from central.api.errors import ApiError
from central.staff import StaffMember, authenticate
from central.staff_sessions import COOKIE_NAME, LoginLimiter, find_session


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limiter(request: Request) -> LoginLimiter:
    return request.app.state.login_limiter


def too_many_attempts(wait_s: int) -> ApiError:
    return ApiError(429, "too_many_attempts",
                    f"too many failed logins: try again in {wait_s} seconds",
                    headers={"Retry-After": str(wait_s)})


def check_password(request: Request, db, username: str, password: str) -> StaffMember | None:
    """`authenticate`, behind the limiter: raises 429 while this address must wait."""
    address = client_address(request)
    wait = limiter(request).retry_after(address, username)
    if wait:
        raise too_many_attempts(wait)
    with db.reading() as session:
        member = authenticate(session, username, password)
    if member is None:
        limiter(request).failed(address, username)
    else:
        limiter(request).succeeded(address, username)
    return member


def get_manager(request: Request, db: DB, credentials: StaffBasicCredentials) -> StaffMember:
    with db.reading() as session:
        logged_in = find_session(session, request.cookies.get(COOKIE_NAME))
    if logged_in is not None:
        return logged_in.member
    if credentials is not None:
        member = check_password(request, db, credentials.username, credentials.password)
        if member is not None:
            return member
    raise ApiError(401, "unauthorized",
                   "log in to the dashboard, or give a staff username and password",
                   headers={"WWW-Authenticate": STAFF_CHALLENGE})


CurrentManager = Annotated[StaffMember, Depends(get_manager)]
