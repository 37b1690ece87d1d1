"""The managers' dashboard in a browser: a login page, the dashboard, logout.

HTML outside /v1 and its OpenAPI. A login opens a server-side session whose token rides
in a cookie: HttpOnly (no script can read it), SameSite=Strict (no other site's page can
make the browser send it) and Secure when the page came over https. Logout is a POST
with the session's own CSRF token, so another site cannot log a manager out either.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from central.analytics import queries
from central.analytics.page import HEADERS, dashboard_page, login_page
from central.analytics.page_terminals import terminals_ask, terminals_page
from central.analytics.page_text import TEXT
from central.api.analytics import today
from central.api.deps import DB, AppSettings
from central.api.errors import ApiError
from central.api.staff_auth import check_password
from central.db import models
from central.db.engine import utc_now
from central.mail import staff_page
from central.mail.queue import order_messages
from central.order_lifecycle import OrderNotFound, find_order
from central.staff_sessions import (
    COOKIE_NAME,
    SESSION_LIFETIME,
    close_session,
    find_session,
    open_session,
)
from central.status_page import choose_language

router = APIRouter(include_in_schema=False)
_MAX_FORM_BYTES = 8 * 1024


@router.get("/dashboard", response_class=HTMLResponse)
def show_dashboard(request: Request, db: DB) -> Response:
    language = _language(request)
    with db.reading() as session:
        logged_in = find_session(session, request.cookies.get(COOKIE_NAME))
        if logged_in is None:
            return _redirect(f"/dashboard/login?lang={language}")
        filters, problem = _filters(request)
        data = queries.dashboard(session, filters)
        choices = [(store_id, name) for store_id, name in session.execute(
            select(models.Store.id, models.Store.name).order_by(models.Store.name))]
    return _html(dashboard_page(language, data, filters, choices, logged_in.member.username,
                                logged_in.csrf_token, problem))


@router.get("/dashboard/terminals", response_class=HTMLResponse)
def show_terminals(request: Request, db: DB, settings: AppSettings) -> Response:
    """Each terminal's health from its last heartbeat, trouble first, a page at a time."""
    language = _language(request)
    now = utc_now()
    with db.reading() as session:
        logged_in = find_session(session, request.cookies.get(COOKIE_NAME))
        if logged_in is None:
            return _redirect(f"/dashboard/login?lang={language}")
        page, status = terminals_page(session, language, terminals_ask(request.query_params),
                                      now, settings.terminal_silent_minutes,
                                      logged_in.member.username, logged_in.csrf_token)
    return _html(page, status)


@router.get("/dashboard/orders/{reference}", response_class=HTMLResponse)
def show_order(request: Request, db: DB, reference: str) -> Response:
    """One order for staff, with the customer e-mails about it (central/mail/staff_page)."""
    language = _language(request)
    wanted = reference.strip().upper()[:40]
    with db.reading() as session:
        if find_session(session, request.cookies.get(COOKIE_NAME)) is None:
            return _redirect(f"/dashboard/login?lang={language}")
        try:
            order = find_order(session, wanted)
        except OrderNotFound:
            return _html(staff_page.not_found_page(language, wanted), 404)
        store = session.get(models.Store, order.store_id)
        return _html(staff_page.order_page(language, order, store.name if store else
                                           order.store_id, order_messages(session, order.id)))


@router.get("/dashboard/login", response_class=HTMLResponse)
def show_login(request: Request, db: DB) -> Response:
    language = _language(request)
    with db.reading() as session:
        if find_session(session, request.cookies.get(COOKIE_NAME)) is not None:
            return _redirect(f"/dashboard?lang={language}")
    message = TEXT[language]["logged_out"] if request.query_params.get("logged_out") \
        else None
    return _html(login_page(language, message))


@router.post("/dashboard/login", response_class=HTMLResponse)
async def log_in(request: Request, db: DB) -> Response:
    form = await _form(request)
    language = _language(request, form.get("lang"))
    if not _same_origin(request):
        return _html(login_page(language), 403)
    username, password = form.get("username", ""), form.get("password", "")
    try:
        member = await run_in_threadpool(check_password, request, db, username, password)
    except ApiError as refused:           # too many failures for this account or address
        wait = refused.headers["Retry-After"]
        return _html(login_page(language, TEXT[language]["too_many"].format(seconds=wait),
                                username[:64]), 429, {"Retry-After": wait})
    if member is None:
        return _html(login_page(language, TEXT[language]["bad_login"], username[:64]), 401)

    def opened() -> str:
        with db.writing() as session:
            return open_session(session, member)[0]

    token = await run_in_threadpool(opened)
    response = _redirect(f"/dashboard?lang={language}")
    response.set_cookie(COOKIE_NAME, token, max_age=int(SESSION_LIFETIME.total_seconds()),
                        path="/", httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


@router.post("/dashboard/logout", response_class=HTMLResponse)
async def log_out(request: Request, db: DB) -> Response:
    form = await _form(request)
    language = _language(request, form.get("lang"))
    token = request.cookies.get(COOKIE_NAME)

    def closed() -> bool:
        with db.writing() as session:
            logged_in = find_session(session, token)
            if logged_in is None:
                return True
            if not _same_origin(request) or not hmac.compare_digest(
                    logged_in.csrf_token.encode(), form.get("csrf", "").encode()):
                return False
            close_session(session, token)
            return True

    if not await run_in_threadpool(closed):
        return _redirect(f"/dashboard?lang={language}")     # not this page's form: ignored
    response = _redirect(f"/dashboard/login?lang={language}&logged_out=1")
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")
    return response


def _language(request: Request, asked: str | None = None) -> str:
    return choose_language(asked or request.query_params.get("lang"),
                           request.headers.get("accept-language"))


def _filters(request: Request) -> tuple[queries.Filters, queries.FilterProblem | None]:
    """The filters asked for, or the last four weeks and why those could not be shown."""
    params = request.query_params
    store_id = (params.get("store_id") or "").strip() or None
    if store_id is not None and (len(store_id) > 64 or "\x00" in store_id):
        store_id = None
    include = params.get("include_misuse", "").lower() in ("true", "on", "1")
    try:
        return queries.filters_from_text(params.get("start"), params.get("end"), store_id,
                                         include, today()), None
    except queries.BadFilters as refused:
        fallback = queries.default_filters(today())
        return (queries.Filters(fallback.start, fallback.end, store_id, include),
                refused.problem)


async def _form(request: Request) -> dict[str, str]:
    """An urlencoded form, first value of each field; anything else is an empty form."""
    body = await request.body()
    if len(body) > _MAX_FORM_BYTES:
        return {}
    try:
        fields = parse_qs(body.decode("utf-8"), max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {name: values[0] for name, values in fields.items() if values}


def _same_origin(request: Request) -> bool:
    """Browsers name the page a form came from: refuse forms from other sites."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    if origin == "null":
        return False
    return urlsplit(origin).netloc == request.headers.get("host", "")


def _html(content: str, status: int = 200, headers: dict[str, str] | None = None
          ) -> HTMLResponse:
    return HTMLResponse(content, status_code=status, headers={**HEADERS, **(headers or {})})


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303, headers={"Cache-Control": "no-store"})
