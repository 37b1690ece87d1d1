"""The Terminals page for a fleet larger than a page, on SQLite and PostgreSQL: a page of
terminals at a time, those needing attention first across the pages, links to the pages
around that keep the store and "only those to look at" filters, counts over the whole
fleet, bad query parameters answered without a server error, and the CSV and JSON files
still holding every terminal."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from html import unescape

import pytest
from analytics_helpers import fresh_database
from fastapi.testclient import TestClient
from sqlalchemy import insert
from staff_helpers import STAFF_PASSWORD, basic
from test_terminals_page import NOW

from central.analytics.page_terminals import PAGE_SIZE
from central.api import dashboard, terminal_reports
from central.api import fleet_health as fleet_health_api
from central.app import create_app
from central.db import models
from central.settings import Settings
from central.staff import add_staff
from central.terminals import token_hash

MANAGER = "paging-manager"
COUNT = 250
# The terminals in trouble, by number, and what each one's heartbeat says is wrong.
NEVER_HEARD = (6, 100)
SILENT = (3, 53, 103, 153, 203)           # silent for 20 + n minutes
DEAD_LETTERS = (11, 61, 111, 161, 211, 203)
OUTBOX_LARGE = (21, 71, 121, 171, 221)    # 600 events waiting
CLOCK_OFF = (31, 81, 131, 181, 231)       # 400 s ahead
TROUBLE = {*NEVER_HEARD, *SILENT, *DEAD_LETTERS, *OUTBOX_LARGE, *CLOCK_OFF}


def store_of(number: int) -> str:
    return "beta" if number % 3 == 0 else "alpha"


def name(number: int) -> str:
    return f"t-{number:03d}"


def terminal_row(number: int) -> dict:
    return {"name": name(number), "store_id": store_of(number),
            "token_hash": token_hash(f"token-{number}"), "created_at": NOW - timedelta(days=30),
            "revoked_at": None}


def send_heartbeat(client: TestClient, number: int) -> None:
    """The terminal's heartbeat, received at its own time, through the API."""
    seen = NOW - timedelta(minutes=20 + number if number in SILENT else 1)
    drift = 400.0 if number in CLOCK_OFF else 0.5
    queue = {"order": 0, "rating": 1, "event": 600 if number in OUTBOX_LARGE else 3,
             "dead": 1 if number in DEAD_LETTERS else 0}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terminal_reports, "utc_now", lambda: seen)
        answer = client.post("/v1/heartbeat", headers={
            "Authorization": f"Bearer token-{number}"}, json={
            "version": "2.1.0", "terminal_time": (seen + timedelta(seconds=drift)).isoformat(),
            "last_pull_at": None, "queue": queue, "config_version": 1, "config_revision": ""})
    assert answer.status_code == 200, answer.text


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fleet_db(request, tmp_path_factory):
    db = fresh_database(request, tmp_path_factory, request.param)
    rows = [terminal_row(number) for number in range(COUNT)]
    # A retired terminal, never heard from: in no page, count or file.
    rows.append(terminal_row(NEVER_HEARD[0]) | {
        "name": "t-retired", "token_hash": "f" * 64, "revoked_at": NOW - timedelta(days=1)})
    with db.writing() as session:
        session.execute(insert(models.Terminal), rows)
        add_staff(session, MANAGER, STAFF_PASSWORD)
    with TestClient(create_app(Settings(db.url), db)) as client:
        for number in set(range(COUNT)) - set(NEVER_HEARD):
            send_heartbeat(client, number)
    yield db
    db.dispose()


def logged_in(db, settings: Settings | None = None) -> TestClient:
    client = TestClient(create_app(settings or Settings(db.url), db))
    answer = client.post("/dashboard/login", data={"username": MANAGER,
                                                   "password": STAFF_PASSWORD},
                         follow_redirects=False)
    assert answer.status_code == 303
    return client


@pytest.fixture
def at_now(monkeypatch):
    for module in (dashboard, fleet_health_api):
        monkeypatch.setattr(module, "utc_now", lambda: NOW)


@pytest.fixture
def client(fleet_db, at_now):
    with logged_in(fleet_db) as client:
        yield client


def names_on(page: str) -> list[str]:
    return re.findall(r'<th scope="row">([^<]+)<br>', page)


def link(page: str, rel: str) -> str | None:
    found = re.search(rf'<a href="([^"]+)" rel="{rel}">', page)
    return unescape(found.group(1)) if found else None


def every_page(client: TestClient, first: str) -> tuple[list[str], list[str]]:
    """The terminals' names on the first page and each one after it by its "next" link,
    and the addresses followed."""
    names, addresses, address = [], [], first
    while address is not None:
        answer = client.get(f"/dashboard/terminals{address}")
        assert answer.status_code == 200
        names += names_on(answer.text)
        addresses.append(address)
        address = link(answer.text, "next")
        assert len(addresses) <= COUNT // PAGE_SIZE + 1, "the pages never end"
    return names, addresses


def fine_by_store_then_name(numbers) -> list[str]:
    # Luma Alpha's name sorts before Luma Beta's.
    return [name(n) for n in sorted(numbers, key=lambda n: (store_of(n) != "alpha", n))]


def test_the_pages_show_those_needing_attention_first_then_all_others(client):
    names, addresses = every_page(client, "?lang=fr")
    assert addresses == ["?lang=fr", "?page=2&lang=fr", "?page=3&lang=fr"]
    assert len(names) == COUNT == len(set(names))
    trouble = [
        "t-100", "t-006",                               # never heard: Alpha, then Beta
        "t-203", "t-153", "t-103", "t-053", "t-003",    # silent: the longest first
        "t-011", "t-061", "t-161", "t-211", "t-111",    # refused items: by store, name
        "t-071", "t-121", "t-221", "t-021", "t-171",    # a large outbox
        "t-031", "t-131", "t-181", "t-081", "t-231",    # a clock far off
    ]
    assert names[:len(trouble)] == trouble
    assert names[len(trouble):] == fine_by_store_then_name(set(range(COUNT)) - TROUBLE)
    assert "t-retired" not in names


def test_the_counts_are_over_the_whole_fleet_not_the_page(client):
    page = client.get("/dashboard/terminals?lang=fr&page=3").text
    assert len(names_on(page)) == COUNT - 2 * PAGE_SIZE
    assert "250 terminaux en service, dont 22 à surveiller." in page
    counts = re.search(r'<ul class="counts">(.*?)</ul>', page, re.S).group(1)
    assert [" ".join(unescape(re.sub(r"<[^>]+>", " ", item)).split())
            for item in re.findall(r"<li>.*?</li>", counts)] == [
        "Jamais entendus : 2", "Silencieux : 5", "Avec des envois refusés : 6",
        "Avec 500 envois ou plus en attente : 5", "Horloge décalée : 5"]
    assert "Page 3 sur 3 : terminaux 201 à 250" in page
    english = client.get("/dashboard/terminals?lang=en&store_id=beta").text
    beta = [n for n in range(COUNT) if store_of(n) == "beta"]
    assert f"{len(beta)} terminals in service at Luma Beta" in unescape(english)
    assert f"{len(TROUBLE & set(beta))} of them to look at." in english
    assert "<li>Never heard from: 1</li>" in english and "<li>Silent: 2</li>" in english


def test_paging_keeps_the_store_and_attention_filters(client):
    names, addresses = every_page(client, "?store_id=alpha&lang=en")
    alpha = [n for n in range(COUNT) if store_of(n) == "alpha"]
    assert addresses == ["?store_id=alpha&lang=en", "?store_id=alpha&page=2&lang=en"]
    assert sorted(names) == sorted(name(n) for n in alpha)
    second = client.get("/dashboard/terminals?store_id=alpha&page=2&lang=en").text
    assert link(second, "prev") == "?store_id=alpha&lang=en"
    assert link(second, "next") is None
    assert f"Page 2 of 2: terminals 101 to {len(alpha)}" in second
    # The language link and the form keep the filters and the page too.
    assert 'href="?store_id=alpha&amp;page=2&amp;lang=fr"' in second
    assert '<option value="alpha" selected>' in second

    attention = client.get("/dashboard/terminals?attention=1&store_id=alpha&lang=en").text
    shown = names_on(attention)
    assert shown == [name(n) for n in (100, 203, 103, 53, 11, 61, 161, 211, 71, 121, 221,
                                       31, 131, 181)]
    assert set(shown) == {name(n) for n in TROUBLE if store_of(n) == "alpha"}
    assert link(attention, "next") is None and "Page 1 of" not in attention
    assert 'name="attention" value="1" checked' in attention


def test_only_those_to_look_at_page_through_every_one_of_them(fleet_db, at_now):
    # Silent after a minute: every terminal needs attention, more than a page of them.
    with logged_in(fleet_db, Settings(fleet_db.url, terminal_silent_minutes=1)) as client:
        names, addresses = every_page(client, "?attention=on&lang=en")
    assert addresses == ["?attention=on&lang=en", "?attention=1&page=2&lang=en",
                         "?attention=1&page=3&lang=en"]
    assert len(names) == COUNT == len(set(names))
    assert names[:2] == ["t-100", "t-006"]
    # The silent, longest first, then the others silent for a minute by store and name.
    silent = [name(n) for n in sorted(SILENT, reverse=True)]
    assert names[2:7] == silent
    assert names[7:] == fine_by_store_then_name(set(range(COUNT)) - {*NEVER_HEARD, *SILENT})


@pytest.mark.parametrize("asked, shown", [
    ("page=-1", 1), ("page=0", 1), ("page=abc", 1), ("page=", 1), ("page=2.5", 1),
    ("page=٣", 1), ("page=" + "9" * 5000, 3), ("page=4", 3), ("page=%203%20", 3),
    ("attention=maybe&page=2", 2)])
def test_a_page_out_of_range_or_not_a_number_shows_the_nearest_one(client, asked, shown):
    answer = client.get(f"/dashboard/terminals?lang=en&{asked}")
    assert answer.status_code == 200
    first = (shown - 1) * PAGE_SIZE + 1
    assert f"Page {shown} of 3: terminals {first} to " in answer.text
    assert len(names_on(answer.text)) == min(PAGE_SIZE, COUNT - first + 1)


@pytest.mark.parametrize("store, said", [
    ("nowhere", "nowhere"), ("x" * 5000, "x" * 64), ("al\x00pha", "alpha"), ("ALPHA", "ALPHA")])
def test_an_unknown_store_is_a_404_that_says_so_in_the_language(client, store, said):
    for language, words in (("fr", f"Aucun magasin « {said} »."),
                            ("en", f"There is no store “{said}”.")):
        answer = client.get("/dashboard/terminals", params={"lang": language,
                                                            "store_id": store})
        assert answer.status_code == 404
        assert f'<html lang="{language}">' in answer.text
        assert words in unescape(answer.text)
        assert names_on(answer.text) == []
        assert '<select name="store_id">' in answer.text        # to choose another


def test_the_csv_and_json_files_hold_every_terminal_in_the_pages_order(client):
    names, _ = every_page(client, "?lang=en")
    answer = client.get("/v1/analytics/terminals/csv")
    assert answer.status_code == 200
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert [row["terminal"] for row in rows] == names
    by_name = {row["terminal"]: row for row in rows}
    assert by_name["t-203"]["problems"] == "silent dead_letters"
    assert by_name["t-021"]["status"] == "outbox_large" and by_name["t-021"]["outbox"] == "601"
    body = client.get("/v1/analytics/terminals",
                      headers=basic(MANAGER, STAFF_PASSWORD)).json()
    assert [row["terminal"] for row in body["terminals"]] == names


def test_a_large_outbox_is_said_in_words(client):
    page = client.get("/dashboard/terminals?lang=fr&attention=1").text
    row = next(row for row in page.split("<tr")[1:] if "t-021<br>" in row)
    assert "601 envois en attente" in row
    assert "601 items waiting to be sent" in \
        client.get("/dashboard/terminals?lang=en&attention=1").text
