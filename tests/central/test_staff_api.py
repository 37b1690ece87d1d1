"""The staff API: who gets in, and an order's lifecycle through it."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import select
from staff_helpers import STAFF_PASSWORD, basic, staff_account
from test_api import order, post_order

from central.db import models
from central.order_lifecycle import STATUSES, TRANSITIONS, allowed
from central.staff import authenticate, disable_staff, hash_password, verify_password


def placed(api, **changes) -> str:
    body = order(**changes)
    answer, _ = post_order(api, api.terminal(), body)
    assert answer.status_code == 201, answer.text
    return body["reference"]


def move(api, headers, reference, status, note=""):
    return api.client.post(f"/v1/staff/orders/{reference}/status", headers=headers,
                           json={"status": status, "note": note})


# --- passwords ------------------------------------------------------------------------------

def test_a_password_hash_names_its_algorithm_and_has_its_own_salt():
    first, second = hash_password("s3cret-enough"), hash_password("s3cret-enough")
    assert first.startswith("scrypt$n=16384,r=8,p=1$") and first != second
    assert verify_password("s3cret-enough", first)
    assert not verify_password("s3cret-enougH", first)


@pytest.mark.parametrize("stored", ["", "plain", "md5$x$y$z", "scrypt$n=3,r=8,p=1$AA==$AA==",
                                    "scrypt$n=16384,r=8,p=1$!!$!!",
                                    "scrypt$n=1099511627776,r=8,p=1$AAAA$" + "A" * 44])
def test_a_damaged_or_foreign_hash_never_matches(stored):
    assert not verify_password("anything", stored)


# --- authentication ---------------------------------------------------------------------------

def test_staff_credentials_open_the_staff_api(api):
    _, headers = staff_account(api)
    answer = api.client.get("/v1/staff/orders", headers=headers)
    assert answer.status_code == 200 and "orders" in answer.json()


def test_a_wrong_password_an_unknown_user_or_no_credentials_get_401(api):
    username, _ = staff_account(api)
    for headers in ({}, basic(username, "wrong password"), basic("nobody-here", STAFF_PASSWORD),
                    {"Authorization": "Basic %%%"}, {"Authorization": "Basic " +
                                                     base64.b64encode(b"no-colon").decode()}):
        answer = api.client.get("/v1/staff/orders", headers=headers)
        assert answer.status_code == 401, headers
        assert answer.json()["error"] == "unauthorized"
        assert answer.headers["WWW-Authenticate"].startswith('Basic realm="central staff"')


def test_a_disabled_account_gets_401(api):
    username, headers = staff_account(api)
    with api.db.writing() as session:
        disable_staff(session, username)
    assert api.client.get("/v1/staff/orders", headers=headers).status_code == 401


def test_a_terminal_token_is_no_staff_credential_and_the_reverse(api):
    _, staff = staff_account(api)
    terminal = api.terminal()
    reference = placed(api)
    assert api.client.get("/v1/staff/orders", headers=terminal).status_code == 401
    assert api.client.get(f"/v1/staff/orders/{reference}", headers=terminal).status_code == 401
    assert move(api, terminal, reference, "paid").status_code == 401
    for path in ("/v1/changes", f"/v1/orders/{reference}"):
        answer = api.client.get(path, headers=staff)
        assert answer.status_code == 401 and answer.headers["WWW-Authenticate"] == "Bearer"


def test_a_password_with_accents_works_and_usernames_ignore_case(api):
    username, headers = staff_account(api, password="mot de passe très sûr")
    assert api.client.get("/v1/staff/orders", headers=headers).status_code == 200
    upper = basic(username.upper(), "mot de passe très sûr")
    assert api.client.get("/v1/staff/orders", headers=upper).status_code == 200


def test_a_username_the_database_cannot_hold_is_just_unknown(api):
    with api.db.reading() as session:
        assert authenticate(session, "bad\x00name", STAFF_PASSWORD) is None
        assert authenticate(session, "x" * 500, STAFF_PASSWORD) is None


# --- reading orders -------------------------------------------------------------------------

def test_an_order_in_full_for_staff_customer_and_history_included(api):
    _, headers = staff_account(api)
    reference = placed(api)
    answer = api.client.get(f"/v1/staff/orders/{reference}", headers=headers)
    assert answer.status_code == 200
    details = answer.json()
    assert details["customer"]["email"] == "jeanne@example.fr"
    assert details["status"] == "received"
    assert details["allowed_next"] == ["awaiting_payment", "cancelled", "paid"]
    [entry] = details["history"]
    assert entry["status"] == "received" and entry["by"].startswith("terminal test-")
    assert isinstance(details["lines"][0]["stock_in_chain"], int)
    missing = api.client.get("/v1/staff/orders/NO-SUCH-ORDER", headers=headers)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


def test_orders_are_listed_newest_first_and_filtered(api):
    _, headers = staff_account(api)
    first, second = placed(api), placed(api)
    other_store_body = order(store_id="lyon-republique")
    post_order(api, api.terminal("lyon-republique"), other_store_body)
    assert move(api, headers, first, "cancelled").status_code == 200
    listed = api.client.get("/v1/staff/orders", headers=headers,
                            params={"store_id": "paris-rivoli", "limit": 500}).json()["orders"]
    references = [o["reference"] for o in listed]
    assert references.index(second) < references.index(first)
    assert other_store_body["reference"] not in references
    cancelled = api.client.get("/v1/staff/orders", headers=headers,
                               params={"status": "cancelled", "limit": 500}).json()["orders"]
    assert first in [o["reference"] for o in cancelled]
    assert {o["status"] for o in cancelled} == {"cancelled"}
    assert len(api.client.get("/v1/staff/orders", headers=headers,
                              params={"limit": 1}).json()["orders"]) == 1
    bad = api.client.get("/v1/staff/orders", headers=headers, params={"status": "lost"})
    assert bad.status_code == 422 and bad.json()["fields"][0]["path"] == "query.status"


# --- the lifecycle -----------------------------------------------------------------------------

def test_the_transitions_are_those_of_the_issue():
    expected = {("received", "awaiting_payment"), ("received", "paid"),
                ("received", "cancelled"), ("awaiting_payment", "paid"),
                ("awaiting_payment", "cancelled"), ("paid", "shipped"), ("paid", "cancelled"),
                ("shipped", "delivered")}
    assert {(a, b) for a in STATUSES for b in STATUSES if allowed(a, b)} == expected
    assert TRANSITIONS["delivered"] == TRANSITIONS["cancelled"] == frozenset()


def test_an_order_goes_all_the_way_and_each_step_is_in_its_history(api):
    username, headers = staff_account(api)
    reference = placed(api)
    for status in ("awaiting_payment", "paid", "shipped", "delivered"):
        answer = move(api, headers, reference, status, note=f"now {status}")
        assert answer.status_code == 200, answer.text
        assert answer.json()["status"] == status
    history = answer.json()["history"]
    assert [h["status"] for h in history] == ["received", "awaiting_payment", "paid",
                                              "shipped", "delivered"]
    assert {h["by"] for h in history[1:]} == {f"staff {username}"}
    assert history[-1]["note"] == "now delivered"
    assert answer.json()["allowed_next"] == []
    with api.db.reading() as session:
        stored = session.scalar(select(models.Order).where(models.Order.reference == reference))
        assert stored.status == "delivered"


@pytest.mark.parametrize("path, refused", [
    ([], "shipped"),                                           # not paid yet
    ([], "delivered"),
    (["awaiting_payment"], "shipped"),
    (["paid"], "awaiting_payment"),                            # no way back
    (["paid", "shipped"], "cancelled"),                        # on its way: too late
    (["paid", "shipped", "delivered"], "cancelled"),
    (["cancelled"], "paid"),                                   # final
    (["cancelled"], "cancelled"),
    ([], "received"),                                          # no move to itself
])
def test_a_move_the_lifecycle_does_not_allow_gets_409_and_changes_nothing(api, path, refused):
    _, headers = staff_account(api)
    reference = placed(api)
    for status in path:
        assert move(api, headers, reference, status).status_code == 200
    answer = move(api, headers, reference, refused)
    assert answer.status_code == 409 and answer.json()["error"] == "transition_not_allowed"
    after = api.client.get(f"/v1/staff/orders/{reference}", headers=headers).json()
    assert len(after["history"]) == len(path) + 1
    assert after["status"] == (path[-1] if path else "received")


def test_a_move_of_an_unknown_order_is_404_and_a_bad_body_422(api):
    _, headers = staff_account(api)
    assert move(api, headers, "NO-SUCH-ORDER", "paid").status_code == 404
    reference = placed(api)
    for body in ({"status": "lost"}, {"status": "paid", "extra": 1}, {"note": "x"},
                 {"status": "paid", "note": "x" * 1001}):
        answer = api.client.post(f"/v1/staff/orders/{reference}/status", headers=headers,
                                 json=body)
        assert answer.status_code == 422, body


def test_the_terminal_sees_the_new_status(api):
    _, headers = staff_account(api)
    terminal = api.terminal()
    body = order()
    post_order(api, terminal, body)
    move(api, headers, body["reference"], "awaiting_payment")
    seen = api.client.get(f"/v1/orders/{body['reference']}", headers=terminal).json()
    assert seen["status"] == "awaiting_payment"
