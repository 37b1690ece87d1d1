"""Customers' data as the law asks (issue 21, section 4), on SQLite and PostgreSQL: past
each kind's retention time its personal fields are erased in place and the figures stay;
a person's data is exported as JSON and erased on request, the erasure recorded as counts
only; the daily run is claimed by one worker; the settings are checked naming their key."""

from __future__ import annotations

import json
import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from central.app import create_app
from central.cli import main
from central.db import models
from central.db.engine import Database
from central.db.schema import upgrade
from central.privacy import claim_daily_purge, purge
from central.retention_settings import (
    ORDERS_KEY,
    RetentionSettings,
    retention_settings_from_env,
)
from central.settings import Settings
from central.terminals import add_terminal

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)
JEANNE = {"first_name": "Jeanne", "last_name": "Dupont", "email": "Jeanne.Dupont@example.fr",
          "phone": "+33612345678", "instructions": "Code 1234",
          "address": {"line1": "12 rue des Lilas", "line2": "", "postal_code": "69003",
                      "city": "Lyon", "country": "FR"}}
PAUL = {**JEANNE, "first_name": "Paul", "email": "paul@example.fr", "phone": "+33698765432"}


def holder(customer: dict) -> dict:
    """The customer as a reservation keeps them."""
    return {"name": f"{customer['first_name']} {customer['last_name']}",
            "phone": customer["phone"], "email": customer["email"]}


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres").new_database("privacy")
    database = Database(url)
    upgrade(database)
    with database.writing() as session:
        session.add(models.Terminal(name="paris-1", store_id="paris-rivoli",
                                    token_hash="0" * 64, created_at=NOW - 2000 * DAY))
    yield database
    database.dispose()


def add_order(db, customer: dict, status: str, ended_at: datetime, *,
              mail_state: str = "sent") -> str:
    reference = "T-" + uuid.uuid4().hex[:8].upper()
    with db.writing() as session:
        order = models.Order(
            idempotency_key=str(uuid.uuid4()), request_hash="h" * 64, reference=reference,
            terminal_id=1, store_id="paris-rivoli", status=status,
            received_at=ended_at - 3 * DAY, placed_terminal_at="2026-01-01T10:00:00+01:00",
            language="fr", customer=customer, delivery={"method": "standard", "fee_cents": 490},
            consent={"privacy_notice": "2026-01"}, total_cents=5480, currency="EUR",
            price_mismatch=False, response_status=201, response_body="{}",
            lines=[models.OrderLine(position=0, sku="MJ01-M-Black", name="Veste Beaumont",
                                    size="M", color="Noir", quantity=2,
                                    unit_price_cents=2495, known_sku=True)],
            history=[models.OrderHistory(status="received", changed_at=ended_at - 3 * DAY,
                                         changed_by="terminal paris-1"),
                     models.OrderHistory(status=status, changed_at=ended_at,
                                         changed_by="staff anne", note="Called Jeanne")])
        session.add(order)
        session.flush()
        session.add(message(customer["email"], mail_state, ended_at, order_id=order.id))
    return reference


def message(recipient: str, state: str, at: datetime, **about) -> models.MailMessage:
    return models.MailMessage(
        message_id=f"<{uuid.uuid4().hex}@luma.example>", kind="order_received",
        recipient=recipient, language="fr", subject="Votre commande",
        body_text="Bonjour Jeanne", body_html="<p>Bonjour Jeanne</p>", state=state,
        attempts=1, next_attempt_at=at, created_at=at,
        sent_at=at if state == "sent" else None, **about)


def add_reservation(db, customer: dict, state: str, settled_at: datetime) -> str:
    reference = "RES-" + uuid.uuid4().hex[:6].upper()
    with db.writing() as session:
        session.add(models.Reservation(
            idempotency_key=str(uuid.uuid4()), request_hash="h" * 64, reference=reference,
            terminal_id=1, store_id="lyon-republique", variant_sku="MJ01-M-Black",
            quantity=1, language="fr", customer=holder(customer),
            consent={"privacy_notice": "2026-01"}, state=state,
            created_at=settled_at - DAY, hold_until=settled_at + DAY,
            settled_at=None if state == "held" else settled_at, settled_by="",
            response_body="{}"))
    return reference


def add_alert(db, email: str, created_at: datetime) -> None:
    with db.writing() as session:
        session.add(models.BackInStockAlert(
            idempotency_key=str(uuid.uuid4()), request_hash="h" * 64, terminal_id=1,
            variant_sku="MJ01-M-Black", store_id=None, email=email, language="fr",
            consent={"privacy_notice": "2026-01"}, state="confirmed",
            confirm_token_hash=uuid.uuid4().hex * 2,
            unsubscribe_token_hash=uuid.uuid4().hex * 2,
            created_at=created_at, response_body="{}"))
        session.add(message(email, "sent", created_at))


def order(db, reference: str) -> models.Order:
    with db.reading() as session:
        # Its lines and history loaded with it, before the session ends.
        return session.scalar(select(models.Order)
                              .options(selectinload(models.Order.lines),
                                       selectinload(models.Order.history))
                              .where(models.Order.reference == reference))


def test_past_its_time_personal_data_is_erased_in_place_and_the_figures_stay(db):
    settings = RetentionSettings()
    old = add_order(db, JEANNE, "delivered", NOW - (settings.orders_days + 1) * DAY)
    cancelled = add_order(db, PAUL, "cancelled", NOW - (settings.orders_days + 2) * DAY)
    recent = add_order(db, JEANNE, "delivered", NOW - (settings.orders_days - 1) * DAY)
    # Not over yet however old: an order still on its way is kept whole.
    travelling = add_order(db, PAUL, "shipped", NOW - 2000 * DAY, mail_state="queued")
    collected = add_reservation(db, JEANNE, "collected", NOW - 31 * DAY)
    held = add_reservation(db, PAUL, "held", NOW - 31 * DAY)
    fresh = add_reservation(db, PAUL, "cancelled", NOW - 29 * DAY)
    add_alert(db, "old@example.fr", NOW - 91 * DAY)
    add_alert(db, "new@example.fr", NOW - 89 * DAY)
    with db.writing() as session:
        for days in (91, 89):
            session.add(models.OrderRefusal(
                reference=f"R-{days}", idempotency_key=str(uuid.uuid4()),
                store_id="paris-rivoli", terminal_id=1, error="price_changed",
                message="A price went up", refused_at=NOW - days * DAY))

    counts = purge(db, settings, now=NOW)

    # Two orders and their messages, one reservation, one alert; the messages past their
    # own time: the alert's and the recent order's.
    assert counts == {"orders": 2, "reservations": 1, "alerts": 1, "refusals": 1,
                      "mail_messages": 4}
    erased = order(db, old)
    assert erased.customer["email"] == "" and erased.customer["first_name"] == ""
    assert erased.customer["address"] == {"line1": "", "line2": "", "postal_code": "",
                                          "city": "", "country": ""}
    assert [entry.note for entry in erased.history] == ["", ""]
    assert (erased.total_cents, erased.status, erased.store_id) == (5480, "delivered",
                                                                    "paris-rivoli")
    assert [(line.sku, line.quantity, line.unit_price_cents) for line in erased.lines] \
        == [("MJ01-M-Black", 2, 2495)]
    assert order(db, cancelled).customer["phone"] == ""
    assert order(db, recent).customer == JEANNE
    assert order(db, travelling).customer == PAUL
    with db.reading() as session:
        customers = dict(session.execute(select(models.Reservation.reference,
                                                models.Reservation.customer)).all())
        assert customers[collected] == {"name": "", "phone": "", "email": ""}
        assert customers[held] == holder(PAUL) and customers[fresh] == holder(PAUL)
        emails = set(session.scalars(select(models.BackInStockAlert.email)))
        assert emails == {"", "new@example.fr"}
        assert set(session.scalars(select(models.OrderRefusal.reference))) == {"R-89"}
        messages = session.execute(select(models.MailMessage.recipient,
                                          models.MailMessage.body_text,
                                          models.MailMessage.state)).all()
        assert sorted(messages) == sorted([
            ("", "", "sent"), ("", "", "sent"), ("", "", "sent"), ("", "", "sent"),
            ("paul@example.fr", "Bonjour Jeanne", "queued"),
            ("new@example.fr", "Bonjour Jeanne", "sent")])
        record = session.scalars(select(models.PrivacyErasure)).one()
        assert (record.reason, record.counts) == ("retention", counts)
    # Done once: the next run finds nothing and records nothing.
    assert not any(purge(db, settings, now=NOW).values())
    with db.reading() as session:
        assert len(session.scalars(select(models.PrivacyErasure)).all()) == 1


def test_a_person_is_exported_then_erased_everywhere_and_only_counts_are_kept(db, capsys):
    reference = add_order(db, JEANNE, "received", NOW - DAY, mail_state="queued")
    reservation = add_reservation(db, JEANNE, "held", NOW - DAY)
    add_alert(db, JEANNE["email"], NOW - DAY)
    other = add_order(db, PAUL, "received", NOW - DAY)

    assert main(["--database-url", db.url, "customers", "export",
                 "--email", "jeanne.DUPONT@example.fr"]) == 0
    held = json.loads(capsys.readouterr().out)
    assert [o["reference"] for o in held["orders"]] == [reference]
    assert held["orders"][0]["customer"] == JEANNE
    assert held["orders"][0]["lines"][0]["name"] == "Veste Beaumont"
    assert [r["reference"] for r in held["reservations"]] == [reservation]
    assert [a["email"] for a in held["alerts"]] == [JEANNE["email"]]
    assert len(held["mail_messages"]) == 2       # the order's and the alert's
    assert main(["--database-url", db.url, "customers", "export",
                 "--phone", "+33 6 12 34 56 78"]) == 0
    by_phone = json.loads(capsys.readouterr().out)
    assert [o["reference"] for o in by_phone["orders"]] == [reference]
    assert [r["reference"] for r in by_phone["reservations"]] == [reservation]

    assert main(["--database-url", db.url, "customers", "erase",
                 "--email", JEANNE["email"]]) == 0
    assert capsys.readouterr().out.strip() == (
        "erased: 1 orders, 1 reservations, 1 alerts, 0 refusals, 2 mail_messages")
    assert main(["--database-url", db.url, "customers", "export",
                 "--email", JEANNE["email"]]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "orders": [], "reservations": [], "alerts": [], "mail_messages": []}
    erased = order(db, reference)
    assert erased.customer["last_name"] == "" and erased.total_cents == 5480
    assert order(db, other).customer == PAUL
    with db.reading() as session:
        # The message still queued for her is never sent.
        states = session.execute(select(models.MailMessage.state, models.MailMessage.recipient)
                                 .where(models.MailMessage.order_id == erased.id)).all()
        assert states == [("refused", "")]
        record = session.scalars(select(models.PrivacyErasure)).one()
        assert record.reason == "request"
        assert record.counts == {"orders": 1, "reservations": 1, "alerts": 1, "refusals": 0,
                                 "mail_messages": 2}
        assert "jeanne" not in json.dumps(record.counts).lower()


def test_the_purge_command_prints_counts_per_kind_never_the_data(db, capsys):
    add_order(db, JEANNE, "delivered", NOW - 4000 * DAY)
    assert main(["--database-url", db.url, "privacy", "purge"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == ("erased: 1 orders, 0 reservations, 0 alerts, 0 refusals, "
                           "1 mail_messages")
    assert "Jeanne" not in out


def test_the_daily_purge_is_claimed_by_one_worker_a_day(db):
    assert claim_daily_purge(db, NOW)
    assert not claim_daily_purge(db, NOW)
    assert not claim_daily_purge(db, NOW + 23 * timedelta(hours=1))
    assert claim_daily_purge(db, NOW + DAY)


def test_the_retention_settings_are_checked_naming_their_key():
    assert retention_settings_from_env({}) == RetentionSettings(purge_in_server=True)
    chosen = retention_settings_from_env({ORDERS_KEY: "730", "CENTRAL_ALERT_KEEP_DAYS": "30"})
    assert (chosen.orders_days, chosen.alerts_days) == (730, 30)
    for bad in ("0", "3651", "two years", "-5", "1.5"):
        with pytest.raises(ValueError, match=f"^{ORDERS_KEY} must be a whole number of days "
                                             f"from 1 to 3650, not '{bad}'$"):
            retention_settings_from_env({ORDERS_KEY: bad})
    with pytest.raises(ValueError, match="CENTRAL_KEEP_MAIL_DAYS"):
        retention_settings_from_env({"CENTRAL_KEEP_MAIL_DAYS": "x"})


def test_the_heartbeat_tells_terminals_how_long_each_kind_is_kept(db):
    with db.writing() as session:
        session.add(models.Store(id="paris-rivoli", name="Paris Rivoli", address="1 rue",
                                 postal_code="75001", city="Paris", latitude=48.86,
                                 longitude=2.34))
        session.flush()
        token = add_terminal(session, "paris-rivoli", "paris-2")
    retention = RetentionSettings(orders_days=730, reservations_days=14)
    beat = {"version": "0.1.0", "terminal_time": "2026-11-24T15:10:00+01:00",
            "last_pull_at": None, "last_push_at": None, "queue": {}}
    with TestClient(create_app(Settings(db.url, retention=retention), db)) as client:
        answer = client.post("/v1/heartbeat", json=beat,
                             headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["retention_days"] == {"orders": 730, "reservations": 14,
                                               "alerts": 90, "refusals": 90,
                                               "mail_messages": 90}


def test_the_server_purges_on_its_own_once_a_day(db):
    reference = add_order(db, JEANNE, "delivered", NOW - 4000 * DAY)
    settings = Settings(db.url, retention=RetentionSettings(purge_in_server=True))
    with TestClient(create_app(settings, db)):
        deadline = time.monotonic() + 30
        while order(db, reference).customer["email"] and time.monotonic() < deadline:
            time.sleep(0.05)
    assert order(db, reference).customer["email"] == ""
    with db.reading() as session:
        assert session.get(models.Meta, "privacy_purged_at") is not None
        assert session.scalars(select(models.PrivacyErasure.reason)).all() == ["retention"]
