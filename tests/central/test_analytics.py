"""The dashboard's figures, against values counted by hand from a small fixture, on
SQLite and PostgreSQL, and the same on both."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from analytics_helpers import (
    BETA_NAME,
    END,
    INJECTION,
    START,
    app_client,
    fresh_database,
    send_fixture,
)
from sqlalchemy import func, select

from central.analytics import queries
from central.analytics.local_time import local_times
from central.db import models
from central.terminals import add_terminal


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fixture_db(request, tmp_path_factory):
    db = fresh_database(request, tmp_path_factory, request.param)
    send_fixture(db)
    yield db
    db.dispose()


def figures(db, **options):
    with db.reading() as session:
        return queries.dashboard(session, queries.Filters(START, END, **options))


def test_ratings_per_store_match_the_hand_count(fixture_db):
    stores = {row["store_id"]: row for row in figures(fixture_db)["stores"]}
    assert stores["alpha"] == {
        "store_id": "alpha", "store": "Luma Alpha République", "ratings": 4,
        "average_score": 2.5, "score_1": 1, "score_2": 1, "score_3": 1, "score_4": 1,
        "flagged_misuse": 1}
    assert stores["beta"] == {
        "store_id": "beta", "store": BETA_NAME, "ratings": 2,
        "average_score": 3.5, "score_1": 0, "score_2": 0, "score_3": 1, "score_4": 1,
        "flagged_misuse": 0}


def test_the_heat_map_uses_the_store_hour(fixture_db):
    cells = {(c["store_id"], c["hour"]): (c["ratings"], c["average_score"])
             for c in figures(fixture_db)["heatmap"]}
    # Beta's rating from a clock 16 days ahead is placed at its arrival, 11:00 in Paris.
    assert cells == {("alpha", 12): (3, 3.0), ("alpha", 18): (1, 1.0),
                     ("beta", 11): (1, 4.0), ("beta", 18): (1, 3.0)}


def test_days_of_week_and_hours(fixture_db):
    data = figures(fixture_db)
    cells = {(c["day_of_week"], c["hour"]): (c["ratings"], c["average_score"])
             for c in data["moments"]}
    assert cells == {(0, 12): (2, 3.0), (0, 18): (1, 3.0), (1, 12): (1, 3.0),
                     (1, 18): (1, 1.0), (2, 11): (1, 4.0)}
    # Too few ratings anywhere to rank a moment.
    assert data["best_moments"] == data["worst_moments"] == []


def test_trend_by_week(fixture_db):
    assert figures(fixture_db)["trend"] == [
        {"week": "2026-10-26", "ratings": 0, "average_score": None, "sessions": 0},
        {"week": "2026-11-02", "ratings": 5, "average_score": 2.8, "sessions": 3},
        {"week": "2026-11-09", "ratings": 1, "average_score": 3.0, "sessions": 0},
    ]


def test_reasons_with_labels_and_unknown_codes(fixture_db):
    reasons = [(r["reason"], r["ratings"], r["average_score"], r["polarity"], r["label_fr"])
               for r in figures(fixture_db)["reasons"]]
    assert reasons == [
        ("waiting_time", 2, 1.5, "negative", "Temps d'attente"),
        ("found_everything", 1, 3.0, "positive", "J'ai tout trouvé"),
        ("parking", 1, 3.0, None, "parking"),
        ("prices", 1, 2.0, "negative", "Prix"),
        ("staff_helpful", 1, 4.0, "positive", "Personnel serviable"),
    ]


def test_funnel_and_zero_result_searches(fixture_db):
    data = figures(fixture_db)
    assert [(r["store_id"], r["sessions"], r["searches"], r["zero_result_searches"],
             r["product_views"], r["orders"]) for r in data["funnel"]] == [
        ("alpha", 2, 3, 2, 1, 1), ("beta", 1, 1, 1, 0, 0)]
    assert data["zero_results"] == [
        {"text": "doudoune", "searches": 2, "stores": 1},
        {"text": INJECTION.lower(), "searches": 1, "stores": 1}]


def test_flagged_bursts_are_left_out_unless_asked_for(fixture_db):
    data = figures(fixture_db, include_misuse=True)
    alpha = next(row for row in data["stores"] if row["store_id"] == "alpha")
    assert (alpha["ratings"], alpha["average_score"], alpha["score_1"]) == (5, 2.2, 2)
    cells = {(c["store_id"], c["hour"]): (c["ratings"], c["average_score"])
             for c in data["heatmap"]}
    assert cells[("alpha", 12)] == (4, 2.5)


def test_one_store(fixture_db):
    data = figures(fixture_db, store_id="beta")
    assert [row["store_id"] for row in data["stores"]] == ["beta"]
    assert [row["store_id"] for row in data["funnel"]] == ["beta"]
    assert {c["store_id"] for c in data["heatmap"]} == {"beta"}
    assert data["zero_results"] == [{"text": INJECTION.lower(), "searches": 1, "stores": 1}]


def test_the_range_selects_by_the_servers_day(fixture_db):
    with fixture_db.reading() as session:
        december = queries.dashboard(session, queries.Filters(
            START.replace(month=12, day=1), END.replace(month=12, day=1)))
    beta = next(row for row in december["stores"] if row["store_id"] == "beta")
    assert (beta["ratings"], beta["score_1"]) == (1, 1)
    assert sum(row["sessions"] for row in december["funnel"]) == 1


def test_the_json_api_serves_the_same_figures(fixture_db):
    from staff_helpers import STAFF_PASSWORD, basic

    from central.staff import add_staff
    name = f"manager-{uuid.uuid4().hex[:8]}"
    with fixture_db.writing() as session:
        add_staff(session, name, STAFF_PASSWORD)
    with app_client(fixture_db) as client:
        answer = client.get("/v1/analytics/dashboard",
                            params={"start": START.isoformat(), "end": END.isoformat()},
                            headers=basic(name, STAFF_PASSWORD))
    assert answer.status_code == 200
    body = answer.json()
    assert body.pop("filters") == {"start": "2026-11-01", "end": "2026-11-14",
                                   "store_id": None, "include_misuse": False}
    assert body == figures(fixture_db)


def test_a_retried_batch_counts_once(fixture_db):
    with fixture_db.writing() as session:
        token = add_terminal(session, "alpha", f"retry-{uuid.uuid4().hex[:8]}")
    item = {"id": str(uuid.uuid4()), "store_id": "alpha", "score": 4, "reasons": [],
            "rated_terminal_at": "2031-01-06T10:00:00+01:00", "misuse": False}

    def count():
        with fixture_db.reading() as session:
            return session.scalar(select(func.sum(models.RatingCount.count)).where(
                models.RatingCount.store_id == "alpha"))

    before = count()
    with app_client(fixture_db) as client:
        for _ in range(2):
            client.post("/v1/ratings", json={"items": [item]},
                        headers={"Authorization": f"Bearer {token}"})
    assert count() == before + 1


def test_sqlite_and_postgresql_give_identical_figures(request, tmp_path_factory):
    results = []
    for engine in ("sqlite", "postgresql"):
        db = fresh_database(request, tmp_path_factory, engine)
        try:
            send_fixture(db)
            results.append([figures(db), figures(db, include_misuse=True),
                            figures(db, store_id="alpha")])
        finally:
            db.dispose()
    assert results[0] == results[1]


def test_best_and_worst_moments_need_enough_ratings():
    cells = [{"day_of_week": 5, "hour": h, "ratings": n, "average_score": a}
             for h, n, a in ((10, 40, 3.5), (11, 40, 3.2), (12, 40, 2.1), (13, 40, 2.4),
                             (14, 4, 4.0), (15, 40, 3.0), (16, 40, 2.9), (17, 40, 3.9))]
    assert queries.moment_threshold(cells) == 8            # a quarter of the average 35.5
    assert [c["hour"] for c in queries.best_moments(cells)] == [17, 10, 11]
    assert [c["hour"] for c in queries.worst_moments(cells)] == [12, 13, 16]


PARIS_NOON = "2026-11-24T12:00:00+01:00"


@pytest.mark.parametrize("terminal_at, received, drift, expected_hour, expected_day", [
    (PARIS_NOON, "2026-11-24T11:00:30", None, 12, "2026-11-24"),            # in step
    (PARIS_NOON, "2026-11-29T11:00:00", 2.0, 12, "2026-11-29"),             # sent late
    (PARIS_NOON, "2026-11-29T11:00:00", None, 12, "2026-11-29"),
    (PARIS_NOON, "2026-11-22T08:00:00", None, 9, "2026-11-22"),             # clock ahead
    ("2026-11-24T12:00:00", "2026-11-24T11:00:00", None, 12, "2026-11-24"),  # no offset
    ("2026-07-01T23:30:00+02:00", "2026-07-01T21:31:00", None, 23, "2026-07-01"),
    ("nonsense", "2026-11-24T22:30:00", None, 23, "2026-11-24"),
])
def test_local_time_rules(terminal_at, received, drift, expected_hour, expected_day):
    received_at = datetime.fromisoformat(received).replace(tzinfo=timezone.utc)
    times = local_times(terminal_at, received_at, drift)
    assert (times.local_hour, times.day.isoformat()) == (expected_hour, expected_day)
    assert times.week.weekday() == 0 and times.day - times.week < timedelta(days=7)


def test_an_old_time_without_a_known_good_clock_is_not_believed():
    received = datetime(2026, 11, 29, 11, 0, tzinfo=timezone.utc)
    assert local_times(PARIS_NOON, received, None).local_date.isoformat() == "2026-11-29"
    assert local_times(PARIS_NOON, received, 1.5).local_date.isoformat() == "2026-11-24"
