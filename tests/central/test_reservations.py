"""Reservations in a store (issue 21, section 2), on SQLite and PostgreSQL: the last
units promised once under a crowd of concurrent requests, holds that expire give their
units back, staff settle them, the change feed and the stock answer show what can still
be promised, and the customer's e-mails."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select
from staff_helpers import STAFF_PASSWORD, staff_account
from support.smtp import text_and_html

from central.app import create_app
from central.catalog import CatalogWriter
from central.db import models
from central.db.engine import utc_now
from central.mail.sender import Sender
from central.mail.settings import MailSettings
from central.reservation_settings import (
    HOLD_HOURS_KEY,
    REMINDER_HOURS_KEY,
    ReservationSettings,
    reservation_settings_from_env,
)
from central.reservations import holds, sweep
from central.settings import Settings
from central.terminals import add_terminal
from kiosk_contract import catalog as records

STORE = "lyon-republique"


def fresh_stock(db, quantity: int, store: str = STORE) -> str:
    """A variant no reservation ever named, given `quantity` units in `store`."""
    with db.writing(catalog=True) as session:
        sku = session.scalar(
            select(models.Variant.sku)
            .where(~select(models.Reservation.id)
                   .where(models.Reservation.variant_sku == models.Variant.sku).exists())
            .order_by(models.Variant.sku).limit(1))
        CatalogWriter(session).stock([records.StockLevel(
            variant_sku=sku, store_id=store, quantity=quantity,
            taken_at="2026-11-24T09:00:00Z", restock_date=None)])
        # A row written before this test by another keeps no units held for it.
        session.get(models.Stock, (sku, store)).held = 0
    return sku


def body(sku: str, store: str = STORE, quantity: int = 1, language: str = "fr",
         **customer: str) -> dict:
    return {"store_id": store, "sku": sku, "quantity": quantity, "language": language,
            "customer": customer or {"name": "Jeanne Dupont", "phone": "+33612345678"},
            "consent": {"privacy_notice": "2026-01",
                        "given_terminal_at": "2026-11-24T15:02:40+01:00"}}


def post(api, headers: dict, document: dict, key: str | None = None):
    return api.client.post("/v1/reservations", content=json.dumps(document), headers={
        **headers, "Idempotency-Key": key or str(uuid.uuid4()),
        "Content-Type": "application/json"})


def available(api, headers: dict, sku: str, store: str = STORE) -> int:
    answer = api.client.get("/v1/stock", params={"sku": sku}, headers=headers)
    assert answer.status_code == 200, answer.text
    return next(s["quantity"] for s in answer.json()["stores"] if s["store_id"] == store)


def feed_figure(api, headers: dict, sku: str, store: str = STORE) -> int:
    """The stock figure the change feed last sent for the variant in the store."""
    cursor, figure = None, None
    while True:
        params = {"limit": 10000} | ({"cursor": cursor} if cursor else {})
        page = api.client.get("/v1/changes", params=params, headers=headers).json()
        for stock in page["stock"]:
            if stock[0] == sku and stock[1] == store:
                figure = stock[2]
        cursor = page["cursor"]
        if not page["has_more"]:
            return figure


def test_fifty_shoppers_at_once_for_the_last_three_units_three_get_one(api):
    sku = fresh_stock(api.db, 3)
    headers = api.terminal("paris-rivoli")      # a shopper in Paris reserves in Lyon
    start = threading.Barrier(50)

    def reserve(_: int):
        start.wait()
        return post(api, headers, body(sku))

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(reserve, range(50)))
    elapsed = time.perf_counter() - began
    held = [a for a in answers if a.status_code == 201]
    refused = [a for a in answers if a.status_code == 409]
    print(f"\n{api.db.engine.dialect.name}: 50 reservations of the last 3 units in "
          f"{elapsed:.2f} s: {len(held)} held, {len(refused)} refused")
    assert (len(held), len(refused)) == (3, 47), [a.text for a in answers
                                                  if a.status_code not in (201, 409)]
    assert len({a.json()["reference"] for a in held}) == 3
    for answer in refused:
        assert answer.json()["error"] == "not_available"
        assert answer.json()["message"] == (f"{sku} cannot be reserved at Luma Lyon République: "
                                            "none is left to reserve, 1 asked")
    with api.db.reading() as session:
        assert session.get(models.Stock, (sku, STORE)).held == 3
        assert len(session.scalars(select(models.Reservation)
                                   .where(models.Reservation.variant_sku == sku)).all()) == 3
    assert available(api, headers, sku) == 0
    assert feed_figure(api, headers, sku) == 0


def test_a_reservation_holds_until_the_configured_time_and_is_replayed_once(api):
    sku = fresh_stock(api.db, 2)
    headers = api.terminal("paris-rivoli")
    key = str(uuid.uuid4())
    before = utc_now()
    first = post(api, headers, body(sku, quantity=2), key)
    assert first.status_code == 201, first.text
    answer = first.json()
    assert answer["state"] == "held" and answer["store_name"] == "Luma Lyon République"
    assert answer["reference"].startswith("RES-") and len(answer["reference"]) == 10
    hold_until = answer["hold_until"]
    # The default hold is 48 hours from now.
    until = __import__("datetime").datetime.fromisoformat(hold_until.replace("Z", "+00:00"))
    assert timedelta(hours=48) - timedelta(seconds=5) <= until - before \
        <= timedelta(hours=48) + timedelta(seconds=5)
    again = post(api, headers, body(sku, quantity=2), key)
    assert (again.status_code, again.json()) == (201, answer)
    other = post(api, headers, body(sku, quantity=1, name="Other", phone="+33600000000"), key)
    assert other.status_code == 422 and other.json()["error"] == "idempotency_key_reused"
    assert available(api, headers, sku) == 0 and feed_figure(api, headers, sku) == 0


def test_a_count_higher_than_the_holds_shows_what_is_left_to_promise(api):
    sku = fresh_stock(api.db, 5)
    headers = api.terminal()
    assert post(api, headers, body(sku, quantity=2)).status_code == 201
    assert available(api, headers, sku) == 3 and feed_figure(api, headers, sku) == 3
    refused = post(api, headers, body(sku, quantity=4))
    assert refused.status_code == 409
    assert "only 3 left to reserve, 4 asked" in refused.json()["message"]
    # A new count is taken with the held units on the shelf: they still count as held.
    fresh_again = CatalogWriter
    with api.db.writing(catalog=True) as session:
        fresh_again(session).stock([records.StockLevel(sku, STORE, 4, "2026-11-25T09:00:00Z",
                                                       None)])
    assert available(api, headers, sku) == 2


def test_bad_reservations_are_refused_naming_the_field(api):
    sku = fresh_stock(api.db, 1)
    headers = api.terminal()
    unreachable = post(api, headers, body(sku, name="Jeanne"))
    assert unreachable.status_code == 422
    assert "phone number or an e-mail" in unreachable.text
    bad_phone = post(api, headers, body(sku, name="Jeanne", phone="06 12"))
    assert bad_phone.status_code == 422 and "customer.phone" in bad_phone.text
    too_many = post(api, headers, body(sku, quantity=6))
    assert too_many.status_code == 422 and "quantity" in too_many.text
    assert post(api, headers, body("NO-SUCH-SKU")).status_code == 404
    assert post(api, headers, body(sku, store="nowhere")).status_code == 404
    no_key = api.client.post("/v1/reservations", json=body(sku), headers=headers)
    assert no_key.status_code == 400 and no_key.json()["error"] == "idempotency_key_missing"
    assert api.client.post("/v1/reservations", json=body(sku),
                           headers={"Idempotency-Key": str(uuid.uuid4())}).status_code == 401
    assert available(api, headers, sku) == 1


def test_an_expired_hold_gives_its_units_back_to_every_terminal(api):
    sku = fresh_stock(api.db, 1)
    headers = api.terminal()
    made = post(api, headers, body(sku)).json()
    assert feed_figure(api, headers, sku) == 0
    settings = ReservationSettings()
    # Not yet: an hour before the end.
    assert sweep(api.db, settings, MailSettings(), now=utc_now() + timedelta(hours=47)
                 ).expired == 0
    assert feed_figure(api, headers, sku) == 0
    report = sweep(api.db, settings, MailSettings(), now=utc_now() + timedelta(hours=49))
    assert report.expired >= 1
    assert available(api, headers, sku) == 1 and feed_figure(api, headers, sku) == 1
    lyon = api.terminal(STORE)
    listed = api.client.get("/v1/store/reservations", headers=lyon).json()["reservations"]
    mine = next(r for r in listed if r["reference"] == made["reference"])
    assert mine["state"] == "expired" and mine["settled_by"] == "expired"


def test_staff_and_the_stores_terminals_see_its_holds_and_settle_them(api):
    sku = fresh_stock(api.db, 3)
    paris = api.terminal("paris-rivoli")
    first = post(api, paris, body(sku, name="Jeanne Dupont", phone="+33612345678")).json()
    second = post(api, paris, body(sku, name="Ali Ben", email="ali@example.fr")).json()
    _, staff = staff_account(api)
    listed = api.client.get("/v1/staff/reservations",
                            params={"store_id": STORE, "state": "held"}, headers=staff)
    assert listed.status_code == 200, listed.text
    references = [r["reference"] for r in listed.json()["reservations"]]
    assert {first["reference"], second["reference"]} <= set(references)
    entry = next(r for r in listed.json()["reservations"]
                 if r["reference"] == second["reference"])
    assert entry["customer"] == {"name": "Ali Ben", "email": "ali@example.fr", "phone": ""}
    assert entry["sku"] == sku and entry["quantity"] == 1
    collected = api.client.post(f"/v1/staff/reservations/{first['reference']}/state",
                                json={"state": "collected"}, headers=staff)
    assert collected.status_code == 200 and collected.json()["state"] == "collected"
    assert collected.json()["settled_by"].startswith("staff ")
    again = api.client.post(f"/v1/staff/reservations/{first['reference']}/state",
                            json={"state": "cancelled"}, headers=staff)
    assert again.status_code == 409 and "is collected, not held" in again.json()["message"]
    # Another store's terminal neither sees nor settles Lyon's holds; Lyon's does.
    assert second["reference"] not in [
        r["reference"] for r in api.client.get("/v1/store/reservations",
                                               headers=paris).json()["reservations"]]
    assert api.client.post(f"/v1/store/reservations/{second['reference']}/state",
                           json={"state": "cancelled"}, headers=paris).status_code == 404
    lyon = api.terminal(STORE)
    cancelled = api.client.post(f"/v1/store/reservations/{second['reference']}/state",
                                json={"state": "cancelled"}, headers=lyon)
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    # Both units are off `held`: collected left the store, cancelled is on offer again.
    assert available(api, paris, sku) == 3
    assert api.client.get("/v1/staff/reservations", params={"store_id": STORE},
                          headers={}).status_code == 401


def test_the_hold_time_setting_is_checked_naming_its_key():
    assert reservation_settings_from_env({}) == ReservationSettings(48, 12)
    assert reservation_settings_from_env({HOLD_HOURS_KEY: "24",
                                          REMINDER_HOURS_KEY: "6"}) == ReservationSettings(24, 6)
    assert reservation_settings_from_env({HOLD_HOURS_KEY: "4"}) == ReservationSettings(4, 3)
    for bad in ("0", "48h", "-1", "999"):
        with pytest.raises(ValueError, match=f"^{HOLD_HOURS_KEY} must be a whole number"):
            reservation_settings_from_env({HOLD_HOURS_KEY: bad})
    with pytest.raises(ValueError, match=f"^{REMINDER_HOURS_KEY} must be less than"):
        reservation_settings_from_env({HOLD_HOURS_KEY: "24", REMINDER_HOURS_KEY: "24"})


def test_the_customer_is_mailed_a_confirmation_and_one_reminder(seeded_database, luma_dir,
                                                                smtp):
    mail = MailSettings(smtp_host="127.0.0.1", smtp_port=smtp.port, security="none",
                        from_address="Luma <magasins@luma.example>",
                        public_url="https://luma.example", send_in_server=False, timeout_s=5)
    with seeded_database.writing() as session:
        session.execute(delete(models.RateLimit))
    app = create_app(Settings(seeded_database.url, images_dir=luma_dir / "images", mail=mail),
                     seeded_database)
    with TestClient(app) as client:
        api = SimpleNamespace(client=client)        # what `post` needs
        sku = fresh_stock(seeded_database, 2)
        with seeded_database.writing() as session:
            token = add_terminal(session, "paris-rivoli", f"resa-{uuid.uuid4().hex[:8]}")
        headers = {"Authorization": f"Bearer {token}"}
        french = post(api, headers, body(sku, name="Jeanne", email="jeanne@example.fr")).json()
        english = post(api, headers, body(sku, language="en", name="Sam",
                                          email="sam@example.com")).json()
    sender = Sender(seeded_database, mail)
    sender.send_due()
    [confirmed] = smtp.wait_for(f"Réservation {french['reference']}")
    text, html = text_and_html(confirmed)
    assert "Bonjour Jeanne," in text and "mis votre article de côté au magasin Luma " \
        "Lyon République" in text
    assert f"Votre référence : {french['reference']}" in text and "Lyon République" in html
    assert "href=" not in html and "<img" not in html
    [in_english] = smtp.wait_for(f"Reservation {english['reference']}")
    assert "Hello Sam," in text_and_html(in_english)[0]
    # The reminder goes 12 hours before the end, once however often the sweep runs.
    settings = ReservationSettings()
    assert sweep(seeded_database, settings, mail,
                 now=utc_now() + timedelta(hours=30)).reminded == 0
    later = utc_now() + timedelta(hours=40)
    assert sweep(seeded_database, settings, mail, now=later).reminded >= 2
    assert sweep(seeded_database, settings, mail, now=later).reminded == 0
    Sender(seeded_database, mail, clock=lambda: later).send_due()
    [reminder] = smtp.wait_for(f"Réservation {french['reference']} : dernier rappel")
    assert "jusqu'au" in text_and_html(reminder)[0]
    assert len(smtp.messages(french["reference"])) == 2


@pytest.mark.parametrize(("language", "words"), [
    ("fr", ("Réservations en magasin", "À retirer", "Retirée", "mise de côté", "retirée")),
    ("en", ("Reservations in store", "To collect", "Collected", "held", "collected"))])
def test_the_dashboard_page_lists_a_stores_holds_and_marks_one_collected(api, language,
                                                                         words):
    title, to_collect, button, _, collected_word = words
    sku = fresh_stock(api.db, 2)
    made = post(api, api.terminal(), body(sku, name="Zoé Martin", phone="+33698765432")).json()
    username, _ = staff_account(api)
    page_url = f"/dashboard/reservations?lang={language}&store_id={STORE}"
    assert api.client.get(page_url, follow_redirects=False).status_code == 303
    logged = api.client.post("/dashboard/login", data={"username": username,
                                                       "password": STAFF_PASSWORD},
                             follow_redirects=False)
    assert logged.status_code == 303
    page = api.client.get(page_url)
    assert page.status_code == 200
    for word in (title, to_collect, button, made["reference"], "Zoé Martin",
                 "+33698765432"):
        assert word in page.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    forged = api.client.post(f"/dashboard/reservations/{made['reference']}",
                             data={"csrf": "wrong", "state": "collected", "lang": language,
                                   "store_id": STORE}, follow_redirects=False)
    assert forged.status_code == 303
    done = api.client.post(f"/dashboard/reservations/{made['reference']}",
                           data={"csrf": csrf, "state": "collected", "lang": language,
                                 "store_id": STORE})
    assert done.status_code == 200 and made["reference"] in done.text
    settled = next(h for h in holds(api.db, STORE) if h["reference"] == made["reference"])
    assert settled["state"] == "collected" and settled["settled_by"] == f"staff {username}"
    assert collected_word in done.text.split(words[0])[-1]
    api.client.cookies.clear()
