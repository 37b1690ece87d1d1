"""A small, hand-countable analytics fixture, sent through POST /v1/ratings and
/v1/events at chosen server times, on a fresh database of its own."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

import pytest
from fastapi.testclient import TestClient

from central.api import terminal_reports
from central.app import create_app
from central.catalog import CatalogWriter
from central.db.engine import Database
from central.db.schema import upgrade
from central.settings import Settings
from central.terminals import add_terminal
from kiosk_contract.catalog import Store

# A name that HTML and CSV must both escape.
BETA_NAME = 'Luma Beta "Bêta", <Co> & fils'
STORES = (
    Store("alpha", "Luma Alpha République", "1 rue A", "75001", "Paris", 48.0, 2.0,
          "+33 1 99 00 10 01", {"mon": "10:00-20:00"}),
    Store("beta", BETA_NAME, "2 rue B", "69002", "Lyon", 45.0, 4.0,
          "+33 1 99 00 10 02", {"mon": "10:00-20:00"}),
)
START, END = date(2026, 11, 1), date(2026, 11, 14)
INJECTION = "=cmd|' /C calc'!A0"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


# (store, terminal time, server time (UTC), score, reasons, misuse)
RATINGS = (
    ("alpha", "2026-11-02T12:10:00+01:00", "2026-11-02T11:10:30", 4, ["staff_helpful"], False),
    ("alpha", "2026-11-02T12:40:00+01:00", "2026-11-02T11:41:00", 2,
     ["waiting_time", "prices"], False),
    ("alpha", "2026-11-03T18:05:00+01:00", "2026-11-03T17:05:00", 1, ["waiting_time"], False),
    ("alpha", "2026-11-10T12:20:00+01:00", "2026-11-10T11:20:00", 3, [], False),
    ("alpha", "2026-11-10T12:21:00+01:00", "2026-11-10T11:21:00", 1, [], True),
    ("beta", "2026-11-02T18:30:00+01:00", "2026-11-02T17:30:00", 3,
     ["found_everything", "parking"], False),
    # A clock 16 days ahead: the server's time stands in (11:00 Paris, a Wednesday).
    ("beta", "2026-11-20T09:00:00+01:00", "2026-11-04T10:00:00", 4, [], False),
    # Received after the range.
    ("beta", "2026-12-01T10:00:00+01:00", "2026-12-01T09:00:00", 1, ["staff"], False),
)
# (store, type, terminal time, server time (UTC), data)
EVENTS = (
    ("alpha", "session_start", "2026-11-02T12:05:00+01:00", "2026-11-02T11:05:10", {}),
    ("alpha", "session_start", "2026-11-03T18:00:00+01:00", "2026-11-03T17:00:10", {}),
    ("alpha", "search", "2026-11-02T12:06:00+01:00", "2026-11-02T11:06:10",
     {"text": "veste", "result_count": 12}),
    ("alpha", "zero_result_search", "2026-11-02T12:07:00+01:00", "2026-11-02T11:07:10",
     {"text": "Doudoune "}),
    ("alpha", "zero_result_search", "2026-11-03T18:01:00+01:00", "2026-11-03T17:01:10",
     {"text": "doudoune"}),
    ("alpha", "product_view", "2026-11-02T12:08:00+01:00", "2026-11-02T11:08:10",
     {"sku": "MH01"}),
    ("alpha", "order_placed", "2026-11-02T12:09:00+01:00", "2026-11-02T11:09:10",
     {"lines": 1, "items": 1, "total_cents": 4200, "delivery": "standard"}),
    ("alpha", "session_end", "2026-11-02T12:12:00+01:00", "2026-11-02T11:12:10", {}),
    ("beta", "session_start", "2026-11-02T18:25:00+01:00", "2026-11-02T17:25:10", {}),
    ("beta", "zero_result_search", "2026-11-02T18:26:00+01:00", "2026-11-02T17:26:10",
     {"text": INJECTION}),
    ("beta", "session_start", "2026-12-01T09:00:00+01:00", "2026-12-01T08:00:10", {}),
)


def fresh_database(request, tmp_path_factory, engine: str) -> Database:
    if engine == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('analytics') / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres").new_database("analytics")
    db = Database(url)
    upgrade(db)
    with db.writing(catalog=True) as session:
        CatalogWriter(session).stores(list(STORES))
    return db


def app_client(db: Database) -> TestClient:
    return TestClient(create_app(Settings(db.url), db))


def send_fixture(db: Database) -> None:
    """Every rating and event of the fixture, each posted at its own server time."""
    with db.writing() as session:
        tokens = {store.id: add_terminal(session, store.id, f"fixture-{store.id}-"
                                         f"{uuid.uuid4().hex[:6]}") for store in STORES}
    with app_client(db) as client, pytest.MonkeyPatch.context() as patch:
        for store, at, received, score, reasons, misuse in RATINGS:
            patch.setattr(terminal_reports, "utc_now", lambda r=received: utc(r))
            item = {"id": str(uuid.uuid4()), "store_id": store, "score": score,
                    "reasons": reasons, "rated_terminal_at": at, "misuse": misuse}
            _post(client, "/v1/ratings", tokens[store], item)
        for store, kind, at, received, data in EVENTS:
            patch.setattr(terminal_reports, "utc_now", lambda r=received: utc(r))
            item = {"id": str(uuid.uuid4()), "store_id": store, "type": kind,
                    "occurred_terminal_at": at, "data": data}
            _post(client, "/v1/events", tokens[store], item)


def _post(client: TestClient, path: str, token: str, item: dict) -> None:
    answer = client.post(path, json={"items": [item]},
                         headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "created", answer.text
