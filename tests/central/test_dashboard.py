"""The dashboard in a browser's place: logging in and out, who may read the data, the
page in both languages with and without data, and the CSV files."""

from __future__ import annotations

import csv
import io
import uuid

import pytest
from analytics_helpers import END, INJECTION, START, app_client, fresh_database, send_fixture
from staff_helpers import STAFF_PASSWORD, basic

from central.analytics.queries import PANEL_COLUMNS
from central.staff import add_staff, disable_staff
from central.staff_sessions import COOKIE_NAME
from central.terminals import add_terminal

RANGE = {"start": START.isoformat(), "end": END.isoformat()}


@pytest.fixture(scope="module")
def empty_db(request, tmp_path_factory):
    db = fresh_database(request, tmp_path_factory, "sqlite")
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def filled_db(request, tmp_path_factory):
    db = fresh_database(request, tmp_path_factory, "sqlite")
    send_fixture(db)
    yield db
    db.dispose()


def manager(db) -> str:
    name = f"manager-{uuid.uuid4().hex[:8]}"
    with db.writing() as session:
        add_staff(session, name, STAFF_PASSWORD)
    return name


def log_in(client, name: str, password: str = STAFF_PASSWORD, **extra):
    return client.post("/dashboard/login", data={"username": name, "password": password,
                                                 **extra}, follow_redirects=False)


def test_the_dashboard_asks_to_log_in_first(empty_db):
    with app_client(empty_db) as client:
        answer = client.get("/dashboard?lang=en", follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == "/dashboard/login?lang=en"
        page = client.get("/dashboard/login?lang=en")
        assert page.status_code == 200 and "Log in to the dashboard" in page.text
        assert "Connexion au tableau de bord" in client.get("/dashboard/login").text


def test_logging_in_sets_a_strict_http_only_cookie(empty_db):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        answer = log_in(client, name, lang="en")
        assert answer.status_code == 303 and answer.headers["location"] == "/dashboard?lang=en"
        cookie = answer.headers["set-cookie"]
        for attribute in ("HttpOnly", "SameSite=strict", "Path=/", "Max-Age=28800"):
            assert attribute.lower() in cookie.lower()
        assert "secure" not in cookie.lower()
        assert client.get("/dashboard?lang=en").status_code == 200
    with app_client(empty_db) as client:
        client.base_url = "https://testserver"
        assert "secure" in log_in(client, name).headers["set-cookie"].lower()


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(empty_db):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        wrong = log_in(client, name, "not the password", lang="en")
        unknown = log_in(client, "nobody-" + name, STAFF_PASSWORD, lang="en")
        for answer in (wrong, unknown):
            assert answer.status_code == 401
            assert "Wrong username or password." in answer.text
            assert "set-cookie" not in answer.headers
        assert STAFF_PASSWORD not in unknown.text


def test_repeated_failures_slow_the_guesser_down(empty_db):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        for _ in range(5):
            assert log_in(client, name, "guess", lang="en").status_code == 401
        refused = log_in(client, name, lang="en")        # the right password, too late
        assert refused.status_code == 429
        assert "Too many failed attempts" in refused.text
        assert int(refused.headers["retry-after"]) > 0
        api = client.get("/v1/analytics/dashboard", headers=basic(name, STAFF_PASSWORD))
        assert api.status_code == 429 and api.json()["error"] == "too_many_attempts"


def test_the_json_api_takes_the_session_or_basic_but_not_a_terminal(filled_db):
    name = manager(filled_db)
    with filled_db.writing() as session:
        token = add_terminal(session, "alpha", f"api-{uuid.uuid4().hex[:6]}")
    with app_client(filled_db) as client:
        assert client.get("/v1/analytics/dashboard").status_code == 401
        terminal = client.get("/v1/analytics/dashboard",
                              headers={"Authorization": f"Bearer {token}"})
        assert terminal.status_code == 401
        assert terminal.headers["www-authenticate"].startswith("Basic")
        assert client.get("/v1/analytics/dashboard",
                          headers=basic(name, STAFF_PASSWORD)).status_code == 200
        client.cookies.set(COOKIE_NAME, "made-up")
        assert client.get("/v1/analytics/dashboard").status_code == 401
        client.cookies.clear()
        log_in(client, name)
        assert client.get("/v1/analytics/dashboard", params=RANGE).status_code == 200
        assert client.get("/v1/analytics/csv/stores", params=RANGE).status_code == 200


def test_logout_needs_the_pages_csrf_token(empty_db):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        log_in(client, name, lang="en")
        page = client.get("/dashboard?lang=en").text
        csrf = page.split('name="csrf" value="')[1].split('"')[0]
        forged = client.post("/dashboard/logout", data={"csrf": "forged"},
                             follow_redirects=False)
        assert forged.status_code == 303
        assert client.get("/v1/analytics/dashboard").status_code == 200   # still in
        other_site = client.post("/dashboard/logout", data={"csrf": csrf},
                                 headers={"Origin": "https://evil.example"},
                                 follow_redirects=False)
        assert other_site.status_code == 303
        assert client.get("/v1/analytics/dashboard").status_code == 200
        out = client.post("/dashboard/logout", data={"csrf": csrf, "lang": "en"},
                          follow_redirects=False)
        assert out.headers["location"] == "/dashboard/login?lang=en&logged_out=1"
        assert client.get("/v1/analytics/dashboard").status_code == 401
        assert "You are logged out." in client.get(out.headers["location"]).text


def test_a_login_form_from_another_site_is_refused(empty_db):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        answer = client.post(
            "/dashboard/login", data={"username": name, "password": STAFF_PASSWORD},
            headers={"Origin": "https://evil.example"}, follow_redirects=False)
        assert answer.status_code == 403 and "set-cookie" not in answer.headers


def test_disabling_an_account_ends_its_sessions(empty_db):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        log_in(client, name)
        assert client.get("/dashboard", follow_redirects=False).status_code == 200
        with empty_db.writing() as session:
            disable_staff(session, name)
        assert client.get("/dashboard", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("language, words", [
    ("fr", ("Avis et fréquentation des magasins", "Note moyenne par magasin",
            "Parcours des clients par magasin", "Se déconnecter", "Temps d&#x27;attente")),
    ("en", ("Store ratings and visits", "Average score by store", "Shopper funnel by store",
            "Log out", "Waiting time")),
])
def test_the_page_with_data_in_both_languages(filled_db, language, words):
    name = manager(filled_db)
    with app_client(filled_db) as client:
        log_in(client, name)
        answer = client.get("/dashboard", params={**RANGE, "lang": language})
    page = answer.text
    assert answer.status_code == 200 and f'<html lang="{language}">' in page
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["cache-control"] == "no-store"
    for word in words:
        assert word in page
    assert "Luma Alpha République" in page
    # Everything from terminals or the catalog is escaped.
    assert "Luma Beta &quot;Bêta&quot;, &lt;Co&gt; &amp; fils" in page and "<Co>" not in page
    assert INJECTION.lower().replace("'", "&#x27;") in page
    for panel in ("stores", "heatmap", "moments", "trend", "reasons", "funnel",
                  "zero-results"):
        assert f'<section id="{panel}"' in page
    assert page.count("<svg") >= 5 and "<script" not in page
    for panel in PANEL_COLUMNS:
        assert f"/v1/analytics/csv/{panel}?start=2026-11-01&amp;end=2026-11-14" in page


@pytest.mark.parametrize("language, empty", [("fr", "Aucune donnée pour cette période."),
                                             ("en", "No data for this period.")])
def test_the_page_without_data(empty_db, language, empty):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        log_in(client, name)
        answer = client.get("/dashboard", params={**RANGE, "lang": language})
    assert answer.status_code == 200 and empty in answer.text
    assert "Luma Alpha République" in answer.text       # stores listed, with no ratings


@pytest.mark.parametrize("query", [
    {"start": "not a date"}, {"start": "2026-11-14", "end": "2026-11-01"},
    {"start": "1999-01-01", "end": "1999-01-02"}, {"start": "2020-01-01", "end": "2026-01-01"},
    {"store_id": "x" * 500}, {"store_id": "a\x00b"}, {"include_misuse": "maybe"},
])
def test_odd_filters_never_break_the_page(empty_db, query):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        log_in(client, name)
        answer = client.get("/dashboard", params={**query, "lang": "en"})
    assert answer.status_code == 200
    if "start" in query:
        assert "here are the last four weeks" in answer.text


@pytest.mark.parametrize("query, english, french", [
    ({"start": "<script>date range"}, "unreadable date", "date illisible"),
    ({"end": "2026-02-30"}, "unreadable date", "date illisible"),
    ({"end": "0001-01-05"}, "unreadable date", "date illisible"),
    ({"start": "2026-11-14", "end": "2026-11-01"}, "the end date is before the start date",
     "la fin précède le début"),
    ({"start": "2020-01-01", "end": "2026-01-01"}, "a range is at most 366 days",
     "366 jours au plus"),
    ({"start": "1999-01-01", "end": "1999-01-02"}, "dates are from 2000-01-01 to 2099-12-31",
     "dates du 2000-01-01 au 2099-12-31"),
])
def test_why_the_dates_were_refused_is_said_in_the_managers_language(empty_db, query,
                                                                      english, french):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        log_in(client, name)
        pages = {language: client.get("/dashboard", params={**query, "lang": language}).text
                 for language in ("en", "fr")}
    assert f"Those dates cannot be used ({english}): here are" in pages["en"]
    assert f"Ces dates ne conviennent pas ({french}) : voici" in pages["fr"]
    # Never the words of Python's parser, nor the text typed.
    for page in pages.values():
        assert "isoformat" not in page and "script&gt;date" not in page


def test_the_misuse_box_includes_flagged_bursts(filled_db):
    name = manager(filled_db)
    with app_client(filled_db) as client:
        log_in(client, name)
        left_out = client.get("/dashboard", params={**RANGE, "lang": "en"}).text
        counted = client.get("/dashboard", params={**RANGE, "lang": "en",
                                                   "include_misuse": "true"}).text
    assert "Ratings flagged as bursts of presses, not counted: 1 " in left_out
    assert "Ratings flagged as bursts of presses, counted: 1." in counted


@pytest.mark.parametrize("panel", sorted(PANEL_COLUMNS))
def test_every_panel_exports_as_csv(filled_db, panel):
    name = manager(filled_db)
    with app_client(filled_db) as client:
        answer = client.get(f"/v1/analytics/csv/{panel}", params=RANGE,
                            headers=basic(name, STAFF_PASSWORD))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["content-disposition"] == \
        f'attachment; filename="{panel}-2026-11-01-2026-11-14.csv"'
    raw = answer.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == PANEL_COLUMNS[panel]
    assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)


def test_csv_text_is_quoted_accented_and_defused(filled_db):
    name = manager(filled_db)
    with app_client(filled_db) as client:
        stores = client.get("/v1/analytics/csv/stores", params=RANGE,
                            headers=basic(name, STAFF_PASSWORD)).content.decode("utf-8-sig")
        searches = client.get("/v1/analytics/csv/zero_results", params=RANGE,
                              headers=basic(name, STAFF_PASSWORD)).content.decode("utf-8-sig")
    assert "alpha,Luma Alpha République,4,2.5,1,1,1,1,1\r\n" in stores
    # Quotes are doubled inside a quoted field; a formula is made plain text.
    assert 'beta,"Luma Beta ""Bêta"", <Co> & fils",2,3.5,0,0,1,1,0\r\n' in stores
    assert "'=cmd|' /c calc'!a0,1,1\r\n" in searches
    assert list(csv.reader(io.StringIO(searches)))[2][0] == "'" + INJECTION.lower()


def test_an_empty_panel_still_has_its_header(empty_db):
    name = manager(empty_db)
    with app_client(empty_db) as client:
        answer = client.get("/v1/analytics/csv/zero_results", params=RANGE,
                            headers=basic(name, STAFF_PASSWORD))
    assert answer.content.decode("utf-8-sig") == "text,searches,stores\r\n"
