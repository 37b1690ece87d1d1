"""The dashboard's Terminals page, its JSON and CSV: a fresh terminal, a silent one, one
from before the heartbeat said its config, one never heard from; trouble first, every
state in words, in French and in English; the setting that says when a terminal is silent."""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import datetime, timedelta, timezone
from html import unescape

import pytest
from analytics_helpers import fresh_database
from fastapi.testclient import TestClient
from staff_helpers import STAFF_PASSWORD, basic

from central.api import dashboard, terminal_reports
from central.api import fleet_health as fleet_health_api
from central.app import create_app
from central.db import models
from central.fleet_config import check_file, keep
from central.fleet_health import COLUMNS
from central.settings import (
    DEFAULT_TERMINAL_SILENT_MINUTES,
    Settings,
    settings_from_env,
    silent_minutes_from_env,
)
from central.staff import add_staff
from central.terminals import add_terminal, revoke

NOW = datetime(2026, 11, 24, 14, 10, tzinfo=timezone.utc)     # 15:10 in Paris


def beat(at: datetime, drift_s: float = 0.0, **fields) -> dict:
    return {"version": "2.1.0", "terminal_time": (at + timedelta(seconds=drift_s)).isoformat(),
            "last_pull_at": None, "last_push_at": None,
            "queue": {"order": 0, "rating": 0, "event": 0, "dead": 0}} | fields


class Fleet:
    """Terminals of the two test stores, each having sent its heartbeats at fixed times."""

    def __init__(self, db) -> None:
        self.db = db
        self.tokens: dict[str, str] = {}
        self.manager = f"manager-{uuid.uuid4().hex[:8]}"
        with db.writing() as session:
            add_staff(session, self.manager, STAFF_PASSWORD)
            for name, store in (("caisse-fresh", "alpha"), ("caisse-silent", "beta"),
                                ("caisse-old", "alpha"), ("caisse-never", "beta"),
                                ("caisse-retired", "alpha")):
                self.tokens[name] = add_terminal(session, store, name)
            revoke(session, "caisse-retired")

    def send(self, name: str, at: datetime, body: dict) -> dict:
        with TestClient(create_app(Settings(self.db.url), self.db)) as client, \
                pytest.MonkeyPatch.context() as patch:
            patch.setattr(terminal_reports, "utc_now", lambda: at)
            answer = client.post("/v1/heartbeat", json=body,
                                 headers={"Authorization": f"Bearer {self.tokens[name]}"})
        assert answer.status_code == 200, answer.text
        return answer.json()


@pytest.fixture(scope="module")
def fleet(request, tmp_path_factory):
    db = fresh_database(request, tmp_path_factory, "sqlite")
    fleet = Fleet(db)
    fresh_at = NOW - timedelta(minutes=2)
    # A terminal of today: its first beat says it has no fleet settings yet, its next one
    # the revision the server sent it.
    first = fleet.send("caisse-fresh", fresh_at - timedelta(minutes=1),
                       beat(fresh_at, config_version=1, config_revision=""))
    fleet.sent_revision = first["config"]["revision"]
    fleet.send("caisse-fresh", fresh_at, beat(
        fresh_at, drift_s=1.2, last_pull_at="2026-11-24T14:07:00Z",
        queue={"order": 0, "rating": 2, "event": 14, "dead": 0},
        config_version=1, config_revision=fleet.sent_revision))
    silent_at = NOW - timedelta(hours=3, minutes=5)
    fleet.send("caisse-silent", silent_at, beat(
        silent_at, last_pull_at="2026-11-24T11:00:00Z",
        queue={"order": 1, "rating": 0, "event": 3, "dead": 0},
        config_version=1, config_revision=first["config"]["revision"]))
    # A terminal from before the config fields: two items refused, its clock 10 min ahead.
    old_at = NOW - timedelta(minutes=1)
    fleet.send("caisse-old", old_at, {
        "version": "1.4.0", "terminal_time": (old_at + timedelta(minutes=10)).isoformat(),
        "last_pull_at": None, "queue": {"order": 0, "rating": 0, "event": 0, "dead": 2}})
    yield fleet
    db.dispose()


@pytest.fixture
def at_now(monkeypatch):
    """The server's clock for the page and the API: NOW."""
    for module in (dashboard, fleet_health_api):
        monkeypatch.setattr(module, "utc_now", lambda: NOW)


def logged_in_client(fleet, settings: Settings | None = None) -> TestClient:
    client = TestClient(create_app(settings or Settings(fleet.db.url), fleet.db))
    answer = client.post("/dashboard/login", data={"username": fleet.manager,
                                                   "password": STAFF_PASSWORD},
                         follow_redirects=False)
    assert answer.status_code == 303
    return client


def table_rows(page: str) -> list[str]:
    """Each terminal's row as its text, tags and extra spaces taken out."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split())
            for row in re.findall(r"<tr.*?</tr>", body, re.S)]


def test_the_page_puts_trouble_first_and_says_it_in_french(fleet, at_now):
    with logged_in_client(fleet) as client:
        answer = client.get("/dashboard/terminals?lang=fr")
    assert answer.status_code == 200
    page = answer.text
    assert '<html lang="fr">' in page and "Santé des terminaux" in page
    assert "4 terminaux en service, dont 3 à surveiller." in page
    assert "sans signe de vie depuis 10 min" in page
    never, silent, old, fresh = table_rows(page)
    assert never.startswith("caisse-never Luma Beta")
    assert never.count("Jamais entendu") == 2 and "inconnu" in never
    assert silent.startswith("caisse-silent Luma Beta")
    assert "Silencieux depuis 3 h 05" in silent
    assert "il y a 3 h 05 24 nov. 2026 12:05" in silent
    assert "il y a 3 h 10 24 nov. 2026 12:00" in silent          # its last pull
    assert old.startswith("caisse-old Luma Alpha République")
    assert "2 envois refusés" in old and "Horloge décalée (10 min d'avance)" in old
    assert "1.4.0 inconnu" in old                 # its config: not said by its heartbeat
    assert old.endswith("pas encore")             # it has never pulled the catalog
    assert fresh.startswith("caisse-fresh Luma Alpha République En service 2.1.0")
    assert f"format 1, {fleet.sent_revision[:8]} (à jour)" in fresh
    assert "il y a 2 min 24 nov. 2026 15:08 1 s d'avance 16 0" in fresh
    assert fresh.endswith("il y a 3 min 24 nov. 2026 15:07")
    assert "caisse-retired" not in page
    # Trouble is in words; the tint only repeats it.
    assert page.count('<tr class="trouble">') == 3
    assert 'href="/v1/analytics/terminals/csv"' in page
    assert 'href="/dashboard/terminals?lang=en"' not in page      # the link keeps the page
    assert 'href="?lang=en"' in page


def test_the_page_in_english(fleet, at_now):
    with logged_in_client(fleet) as client:
        page = client.get("/dashboard/terminals?lang=en").text
    assert '<html lang="en">' in page and "Terminal health" in page
    assert "4 terminals in service, 3 of them to look at." in page
    never, silent, old, fresh = table_rows(page)
    assert never.count("Never heard from") == 2 and "unknown" in never
    assert "Silent for 3 h 5 min" in silent and "3 h 5 min ago 24 Nov 2026 12:05" in silent
    assert "2 refused items" in old and "Clock off (10 min ahead)" in old
    assert "1.4.0 unknown" in old and old.endswith("not yet")
    assert fresh.startswith("caisse-fresh Luma Alpha République Working 2.1.0")
    assert f"format 1, {fleet.sent_revision[:8]} (up to date)" in fresh
    assert "2 min ago 24 Nov 2026 15:08 1 s ahead 16 0" in fresh


def test_the_main_dashboard_links_to_the_terminals_page(fleet):
    with logged_in_client(fleet) as client:
        page = client.get("/dashboard?lang=en").text
    assert '<a href="/dashboard/terminals?lang=en">Terminal health</a>' in page


def test_newer_settings_pushed_since_are_said_to_be_on_their_way(fleet, at_now, tmp_path):
    path = tmp_path / "store.toml"
    path.write_text("[session]\ncountdown_seconds = 15\n", encoding="utf-8")
    with fleet.db.writing() as session:
        keep(session, "store", "beta", check_file(path))
    try:
        with logged_in_client(fleet) as client:
            rows = table_rows(client.get("/dashboard/terminals?lang=en").text)
        assert f"{fleet.sent_revision[:8]} (newer settings on their way)" in rows[1]
        assert f"{fleet.sent_revision[:8]} (up to date)" in rows[3]    # alpha: unchanged
    finally:
        with fleet.db.writing() as session:
            session.delete(session.get(models.FleetSettings, ("store", "beta")))


def test_the_silent_setting_decides_who_is_flagged(fleet, at_now):
    settings = Settings(fleet.db.url, terminal_silent_minutes=240)
    with logged_in_client(fleet, settings) as client:
        page = client.get("/dashboard/terminals?lang=en").text
    assert "after 240 min without a heartbeat" in page
    assert "2 of them to look at" in page
    never, old, first_fine, second_fine = table_rows(page)
    assert "Never heard from" in never and "2 refused items" in old
    # Among terminals with no trouble: by store, then name.
    assert first_fine.startswith("caisse-fresh") and "Working" in first_fine
    assert second_fine.startswith("caisse-silent") and "Working" in second_fine


def test_the_csv_file_has_a_row_per_terminal_trouble_first(fleet, at_now):
    with logged_in_client(fleet) as client:
        answer = client.get("/v1/analytics/terminals/csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["content-disposition"] == \
        'attachment; filename="terminals-2026-11-24T1410Z.csv"'
    assert answer.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    by_name = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [row["terminal"] for row in by_name] == ["caisse-never", "caisse-silent",
                                                    "caisse-old", "caisse-fresh"]
    never, silent, old, fresh = by_name
    assert never["status"] == "never_heard" and never["last_heartbeat_at"] == ""
    assert silent["status"] == "silent" and silent["silent_minutes"] == "185"
    assert silent["last_heartbeat_at"] == "2026-11-24T11:05:00Z"
    assert old["problems"] == "dead_letters clock_off" and old["dead_letters"] == "2"
    assert old["config_version"] == "" and old["config_revision"] == ""
    assert old["clock_drift_s"] == "600.0"
    assert fresh["status"] == "ok" and fresh["outbox"] == "16"
    assert fresh["config_version"] == "1" and fresh["config_current"] == "true"
    assert fresh["last_pull_at"] == "2026-11-24T14:07:00Z"


def test_the_json_api_gives_the_same_rows_to_staff_only(fleet, at_now):
    with TestClient(create_app(Settings(fleet.db.url), fleet.db)) as client:
        answer = client.get("/v1/analytics/terminals",
                            headers=basic(fleet.manager, STAFF_PASSWORD))
        assert answer.status_code == 200
        body = answer.json()
        assert body["server_time"] == "2026-11-24T14:10:00Z"
        assert body["silent_after_minutes"] == DEFAULT_TERMINAL_SILENT_MINUTES
        old = body["terminals"][2]
        assert old["terminal"] == "caisse-old" and old["config_version"] is None
        assert old["version"] == "1.4.0" and old["last_pull_at"] == ""
        token = {"Authorization": f"Bearer {fleet.tokens['caisse-fresh']}"}
        for headers in ({}, token):
            assert client.get("/v1/analytics/terminals", headers=headers).status_code == 401
            assert client.get("/v1/analytics/terminals/csv",
                              headers=headers).status_code == 401
        page = client.get("/dashboard/terminals?lang=en", follow_redirects=False)
        assert page.status_code == 303
        assert page.headers["location"] == "/dashboard/login?lang=en"


@pytest.mark.parametrize("body_change", [
    {"config_version": 0}, {"config_version": "1"}, {"config_revision": "x" * 65},
    {"config_revision": 7}])
def test_a_heartbeat_with_a_malformed_config_field_is_refused(fleet, body_change):
    with TestClient(create_app(Settings(fleet.db.url), fleet.db)) as client:
        answer = client.post("/v1/heartbeat", json=beat(NOW, **body_change), headers={
            "Authorization": f"Bearer {fleet.tokens['caisse-never']}"})
    assert answer.status_code == 422
    assert answer.json()["fields"][0]["path"] == next(iter(body_change))


@pytest.mark.parametrize("raw", ["0", "10081", "ten", "1.5", "-3", "\u0663"])
def test_a_silent_setting_that_is_not_minutes_is_refused_naming_the_key(monkeypatch, raw):
    monkeypatch.setenv("CENTRAL_TERMINAL_SILENT_MINUTES", raw)
    with pytest.raises(ValueError) as refused:
        settings_from_env("sqlite://", None)
    assert str(refused.value) == ("CENTRAL_TERMINAL_SILENT_MINUTES must be a whole number of "
                                  f"minutes from 1 to 10080, not {raw!r}")


@pytest.mark.parametrize("raw, minutes", [("", DEFAULT_TERMINAL_SILENT_MINUTES),
                                          (" 45 ", 45), ("10080", 10080)])
def test_the_silent_setting_reads_minutes(monkeypatch, raw, minutes):
    monkeypatch.setenv("CENTRAL_TERMINAL_SILENT_MINUTES", raw)
    assert silent_minutes_from_env() == minutes
    assert settings_from_env("sqlite://", None).terminal_silent_minutes == minutes
