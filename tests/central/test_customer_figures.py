"""The managers' figures on reservations and back-in-stock alerts (issue 21 §5), counted by
hand from a small fixture on SQLite and PostgreSQL, on the page in French and English and
as CSV files. Every time is fixed: nothing depends on today."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import datetime, timedelta

import pytest
from analytics_helpers import END, START, app_client, fresh_database, utc
from staff_helpers import STAFF_PASSWORD, basic
from test_dashboard import log_in, manager

from central.analytics import queries
from central.db import models
from central.terminals import add_terminal

FAR_AHEAD = utc("2099-01-01T00:00")
RANGE = {"start": START.isoformat(), "end": END.isoformat()}

# (store, state, created (UTC)); Paris is UTC+1 in November.
RESERVATIONS = (
    ("alpha", "held", "2026-11-03T10:00"),
    ("alpha", "collected", "2026-11-04T10:00"),
    ("alpha", "expired", "2026-11-05T10:00"),
    ("beta", "collected", "2026-11-06T10:00"),
    ("beta", "cancelled", "2026-11-07T10:00"),
    ("beta", "collected", "2026-10-31T23:30"),     # 1 November in Paris: counted
    ("alpha", "collected", "2026-11-14T23:30"),    # 15 November in Paris: not counted
)


def _terminal_id(session, store: str) -> int:
    name = f"figures-{store}-{uuid.uuid4().hex[:6]}"
    add_terminal(session, store, name)
    session.flush()
    return session.query(models.Terminal.id).filter_by(name=name).scalar()


def _reservation(session, terminal: int, store: str, state: str, created: datetime,
                 sku: str = "SKU-0", email: str = "") -> None:
    session.add(models.Reservation(
        idempotency_key=str(uuid.uuid4()), request_hash="0" * 64,
        reference=f"R-{uuid.uuid4().hex[:10]}", terminal_id=terminal, store_id=store,
        variant_sku=sku, quantity=1, language="fr",
        customer={"name": "Client", "phone": "", "email": email}, consent={}, state=state,
        # Still held: until far ahead, so that the server's sweep, on today's clock,
        # leaves it as it is.
        created_at=created, hold_until=FAR_AHEAD if state == "held" else created,
        settled_at=None if state == "held" else created + timedelta(hours=5),
        response_body=""))


def _order(session, terminal: int, sku: str, email: str, received: datetime) -> None:
    order = models.Order(
        idempotency_key=str(uuid.uuid4()), request_hash="0" * 64,
        reference=f"O-{uuid.uuid4().hex[:10]}", terminal_id=terminal, store_id="alpha",
        received_at=received, placed_terminal_at=received.isoformat(), language="fr",
        customer={"name": "Client", "email": email}, delivery={}, consent={},
        total_cents=1000, currency="EUR", price_mismatch=False, response_status=201,
        response_body="")
    order.lines.append(models.OrderLine(position=0, sku=sku, name="Article", quantity=1,
                                        unit_price_cents=1000, known_sku=True))
    session.add(order)


def _alert(session, terminal: int, store: str | None, sku: str, created: datetime,
           confirmed: bool = True, notice_to: str | None = None,
           notice_sent: datetime | None = None) -> None:
    """An alert; with `notice_to`, its one notice e-mail was queued and sent to that
    address ("" once retention erased it), and the alert's own address is erased."""
    notice_id = ""
    if notice_to is not None:
        notice_id = f"<{uuid.uuid4().hex}@figures>"
        session.add(models.MailMessage(
            message_id=notice_id, kind="back_in_stock", recipient=notice_to, language="fr",
            subject="", body_text="", body_html="", state="sent", attempts=1,
            next_attempt_at=notice_sent, created_at=notice_sent - timedelta(minutes=1),
            sent_at=notice_sent))
    session.add(models.BackInStockAlert(
        idempotency_key=str(uuid.uuid4()), request_hash="0" * 64, terminal_id=terminal,
        variant_sku=sku, store_id=store, email="" if notice_id else "someone@example.com",
        language="fr", consent={}, state="sent" if notice_id else
        ("confirmed" if confirmed else "pending"),
        confirm_token_hash=uuid.uuid4().hex, unsubscribe_token_hash=uuid.uuid4().hex,
        created_at=created, confirmed_at=created + timedelta(hours=1) if confirmed else None,
        ended_at=notice_sent, notice_message_id=notice_id, response_body=""))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def figures_db(request, tmp_path_factory):
    db = fresh_database(request, tmp_path_factory, request.param)
    with db.writing() as session:
        terminal = _terminal_id(session, "alpha")
        for store, state, created in RESERVATIONS:
            _reservation(session, terminal, store, state, utc(created))
        # Asked, never confirmed.
        _alert(session, terminal, "beta", "SKU-1", utc("2026-11-02T10:00"), confirmed=False)
        # Ana's notice, then an order of that variant 3 days later (her address in capitals).
        _alert(session, terminal, "beta", "SKU-1", utc("2026-11-02T11:00"),
               notice_to="ana@example.com", notice_sent=utc("2026-11-05T10:00"))
        _order(session, terminal, "SKU-1", "Ana@Example.com", utc("2026-11-08T09:00"))
        # Bob reserves his variant 8 days after his notice, and orders another one in time.
        _alert(session, terminal, "beta", "SKU-2", utc("2026-11-02T12:00"),
               notice_to="bob@example.com", notice_sent=utc("2026-11-05T10:00"))
        _reservation(session, terminal, "beta", "held", utc("2026-11-13T10:00"), "SKU-2",
                     "bob@example.com")
        _order(session, terminal, "SKU-1", "bob@example.com", utc("2026-11-06T10:00"))
        # Cléo asked for any store and reserved the next day.
        _alert(session, terminal, None, "SKU-2", utc("2026-11-03T10:00"),
               notice_to="cleo@example.com", notice_sent=utc("2026-11-06T10:00"))
        _reservation(session, terminal, "alpha", "collected", utc("2026-11-07T10:00"),
                     "SKU-2", "cleo@example.com")
        # A notice whose address retention has erased: whether it was followed is unknown.
        _alert(session, terminal, "alpha", "SKU-1", utc("2026-11-04T10:00"),
               notice_to="", notice_sent=utc("2026-11-05T10:00"))
        # Asked after the period.
        _alert(session, terminal, "alpha", "SKU-1", utc("2026-11-20T10:00"))
    yield db
    db.dispose()


def figures(db, **options):
    with db.reading() as session:
        return queries.dashboard(session, queries.Filters(START, END, **options))


def test_reservations_per_store_by_what_became_of_them(figures_db):
    # Bob's and Cléo's reservations (13 and 7 November) count too.
    assert figures(figures_db)["reservations"] == [
        {"store_id": "alpha", "store": "Luma Alpha République", "reserved": 4, "held": 1,
         "collected": 2, "expired": 1, "cancelled": 0},
        {"store_id": "beta", "store": 'Luma Beta "Bêta", <Co> & fils', "reserved": 4,
         "held": 1, "collected": 2, "expired": 0, "cancelled": 1}]


def test_alerts_asked_confirmed_sent_and_followed_within_seven_days(figures_db):
    assert figures(figures_db)["alerts"] == [
        {"store_id": "alpha", "store": "Luma Alpha République", "asked": 1, "confirmed": 1,
         "sent": 1, "followed": 0, "follow_unknown": 1},
        {"store_id": "beta", "store": 'Luma Beta "Bêta", <Co> & fils', "asked": 3,
         "confirmed": 2, "sent": 2, "followed": 1, "follow_unknown": 0},
        {"store_id": "", "store": "", "asked": 1, "confirmed": 1, "sent": 1, "followed": 1,
         "follow_unknown": 0}]


def test_one_store_leaves_out_the_others_and_alerts_for_any_store(figures_db):
    data = figures(figures_db, store_id="beta")
    assert [row["store_id"] for row in data["reservations"]] == ["beta"]
    assert [(row["store_id"], row["asked"]) for row in data["alerts"]] == [("beta", 3)]


@pytest.mark.parametrize("language, words", [
    ("fr", ("Réservations en magasin", "Retirées", "Alertes de retour en stock",
            "Suivies d&#x27;un achat ou d&#x27;une réservation sous 7 jours",
            "N&#x27;importe quel magasin")),
    ("en", ("Reservations in stores", "Collected", "Back-in-stock alerts",
            "Followed by an order or reservation within 7 days", "Any store"))])
def test_the_page_shows_both_panels_in_the_language(figures_db, language, words):
    name = manager(figures_db)
    with app_client(figures_db) as client:
        assert log_in(client, name).status_code == 303
        page = client.get("/dashboard", params={**RANGE, "lang": language}).text
    for word in words:
        assert word in page
    assert 'aria-labelledby="reservations-title"' in page
    assert "/v1/analytics/csv/alerts?start=2026-11-01&amp;end=2026-11-14" in page


def test_both_panels_export_as_csv(figures_db):
    name = manager(figures_db)
    with app_client(figures_db) as client:
        answers = {panel: client.get(f"/v1/analytics/csv/{panel}", params=RANGE,
                                     headers=basic(name, STAFF_PASSWORD))
                   for panel in ("reservations", "alerts")}
    tables = {panel: list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"),
                                                 newline="")))
              for panel, answer in answers.items()}
    assert tables["reservations"] == [
        ["store_id", "store", "reserved", "held", "collected", "expired", "cancelled"],
        ["alpha", "Luma Alpha République", "4", "1", "2", "1", "0"],
        ["beta", 'Luma Beta "Bêta", <Co> & fils', "4", "1", "2", "0", "1"]]
    assert tables["alerts"] == [
        ["store_id", "store", "asked", "confirmed", "sent", "followed", "follow_unknown"],
        ["alpha", "Luma Alpha République", "1", "1", "1", "0", "1"],
        ["beta", 'Luma Beta "Bêta", <Co> & fils', "3", "2", "2", "1", "0"],
        ["", "", "1", "1", "1", "1", "0"]]
