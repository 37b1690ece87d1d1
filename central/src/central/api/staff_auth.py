"""Who is asking for staff data: a dashboard session (cookie) or a staff account (HTTP
Basic). Every password checked here, whatever the way in (the dashboard's login form,
the staff API, the analytics API), goes through one limiter kept in the database, by
account and by client address. A terminal's token is none of these: 401."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from central.api.clients import client_address
from central.api.deps import DB, STAFF_CHALLENGE, StaffBasicCredentials
from central.api.errors import ApiError
from central.db.engine import Database
from central.limits import Limiter, Rate
from central.staff import StaffMember, authenticate, normalise_username
from central.staff_sessions import COOKIE_NAME, find_session


def too_many_attempts(wait_s: int) -> ApiError:
    return ApiError(429, "too_many_attempts",
                    f"too many failed logins: try again in {wait_s} seconds",
                    headers={"Retry-After": str(wait_s)})


def login_limits(request: Request, username: str) -> dict[str, Rate]:
    settings = request.app.state.settings
    return {f"login-account:{normalise_username(username)}": settings.login_rate_per_account,
            f"login-address:{client_address(request)}": settings.login_rate_per_address}


def check_password(request: Request, db: Database, username: str, password: str
                   ) -> StaffMember | None:
    """`authenticate`, behind the limiter: raises 429 while this account or this address
    must wait. The try is counted before the (slow) hash is checked, so that requests
    sent at once cannot all slip in before the first failure is known; a right password
    gives its try back."""
    limiter: Limiter = request.app.state.limiter
    limits = login_limits(request, username)
    wait = limiter.check(limits)
    if wait:
        raise too_many_attempts(wait)
    with db.reading() as session:
        member = authenticate(session, username, password)
    if member is not None:
        limiter.give_back(limits)
    return member


def get_staff(request: Request, db: DB, credentials: StaffBasicCredentials) -> StaffMember:
    """The staff member whose username and password came with the request (HTTP Basic).
    A terminal's token is no staff credential: the same 401 as no credentials at all."""
    if credentials is not None:
        member = check_password(request, db, credentials.username, credentials.password)
        if member is not None:
            return member
    raise ApiError(401, "unauthorized", "a staff username and password are required",
                   headers={"WWW-Authenticate": STAFF_CHALLENGE})


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


CurrentStaff = Annotated[StaffMember, Depends(get_staff)]
CurrentManager = Annotated[StaffMember, Depends(get_manager)]
