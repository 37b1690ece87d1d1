"""The dashboard's reservations page: a store's holds, marked collected or cancelled by
a logged-in manager with the session's CSRF token (as logout is)."""

from __future__ import annotations

import hmac
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from central.api.dashboard import _form, _html, _language, _redirect, _same_origin
from central.api.deps import DB
from central.db import models
from central.reservation_page import TEXT, reservations_page
from central.reservations import AlreadySettled, NotFound, holds, settle
from central.staff_sessions import COOKIE_NAME, find_session

router = APIRouter(include_in_schema=False)


@router.get("/dashboard/reservations", response_class=HTMLResponse)
def show_reservations(request: Request, db: DB) -> Response:
    language = _language(request)
    with db.reading() as session:
        logged_in = find_session(session, request.cookies.get(COOKIE_NAME))
        if logged_in is None:
            return _redirect(f"/dashboard/login?lang={language}")
        stores = [(store_id, name) for store_id, name in session.execute(
            select(models.Store.id, models.Store.name).order_by(models.Store.name))]
    known = {store_id for store_id, _ in stores}
    store_id = request.query_params.get("store_id", "")
    if store_id not in known:
        store_id = stores[0][0] if stores else ""
    done = request.query_params.get("done", "")
    reference = request.query_params.get("reference", "")[:40]
    text = TEXT[language]
    notice = text["done"][done].format(reference=reference) if done in text["done"] \
        else text["refused"].format(reference=reference) if done == "refused" else ""
    return _html(reservations_page(language, store_id, stores,
                                   holds(db, store_id) if store_id else [],
                                   logged_in.csrf_token, notice))


@router.post("/dashboard/reservations/{reference}", response_class=HTMLResponse)
async def settle_reservation(request: Request, db: DB, reference: str) -> Response:
    form = await _form(request)
    language = _language(request, form.get("lang"))
    store_id = form.get("store_id", "")
    state = form.get("state", "")
    back = f"/dashboard/reservations?lang={language}&store_id={quote(store_id)}"

    def settled() -> str:
        with db.reading() as session:
            logged_in = find_session(session, request.cookies.get(COOKIE_NAME))
        if logged_in is None:
            return "login"
        if not _same_origin(request) or state not in ("collected", "cancelled") or \
                not hmac.compare_digest(logged_in.csrf_token.encode(),
                                        form.get("csrf", "").encode()):
            return ""                   # not this page's form: ignored
        try:
            settle(db, reference, state, f"staff {logged_in.member.username}")
        except (NotFound, AlreadySettled):
            return "refused"
        return state

    outcome = await run_in_threadpool(settled)
    if outcome == "login":
        return _redirect(f"/dashboard/login?lang={language}")
    if not outcome:
        return _redirect(back)
    return _redirect(f"{back}&done={outcome}&reference={quote(reference)}")
