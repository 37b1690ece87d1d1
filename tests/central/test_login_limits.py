"""Password guessing against real `central serve` processes: many requests at once,
every way in (dashboard login, staff API, analytics API), proxies, several processes on
one database."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from sqlalchemy import delete
from staff_helpers import STAFF_PASSWORD, basic
from support.central_server import CentralServer

from central.db.engine import Database
from central.db.models import RateLimit
from central.db.schema import upgrade
from central.staff import add_staff

# An allowance that does not refill while a test runs: what gets through is what it allows.
PER_ACCOUNT, PER_ADDRESS = 5, 12
LIMITS = {"CENTRAL_LOGIN_RATE_PER_ACCOUNT": f"{PER_ACCOUNT}/86400",
          "CENTRAL_LOGIN_RATE_PER_ADDRESS": f"{PER_ADDRESS}/86400"}
MANAGER = "manager"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('limits') / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres").new_database("limits")
    db = Database(url)
    upgrade(db)
    with db.writing() as session:
        add_staff(session, MANAGER, STAFF_PASSWORD)
    db.dispose()
    return url


def start(database_url: str, workdir: Path, **env: str) -> CentralServer:
    """`central serve` on the database, with LIMITS and `env` in its environment."""
    server = CentralServer(workdir, database_url, workdir / "images")
    with pytest.MonkeyPatch.context() as patched:
        for name, value in (LIMITS | env).items():
            patched.setenv(name, value)
        server.start()
    return server


@pytest.fixture(scope="module")
def running(database_url, tmp_path_factory):
    server = start(database_url, tmp_path_factory.mktemp("server"))
    yield server
    server.stop()


@pytest.fixture
def server(running, database_url):
    """The module's server, every allowance whole again (as after a day without tries)."""
    db = Database(database_url)
    with db.writing() as session:
        session.execute(delete(RateLimit))
    db.dispose()
    return running


@pytest.fixture
def another_server(server, database_url, tmp_path):
    """Starts more `central serve` processes on the same database, with `env`."""
    started: list[CentralServer] = []

    def another(**env: str) -> CentralServer:
        started.append(start(database_url, tmp_path, **env))
        return started[-1]

    yield another
    for process in started:
        process.stop()


def log_in(server: CentralServer, username: str, password: str,
           headers: dict[str, str] | None = None) -> int:
    return requests.post(f"{server.url}/dashboard/login", timeout=60, allow_redirects=False,
                         data={"username": username, "password": password},
                         headers=headers).status_code


def staff_api(server: CentralServer, username: str, password: str) -> int:
    return requests.get(f"{server.url}/v1/staff/orders", timeout=60,
                        headers=basic(username, password)).status_code


def at_once(tries) -> list[int]:
    with ThreadPoolExecutor(max_workers=len(tries)) as pool:
        return list(pool.map(lambda attempt: attempt(), tries))


def test_fifty_wrong_logins_at_once_let_only_the_allowance_through(server):
    answers = at_once([lambda: log_in(server, MANAGER, "wrong guess")] * 50)
    assert answers.count(401) == PER_ACCOUNT
    assert answers.count(429) == 50 - PER_ACCOUNT
    # Used up: the right password waits too, by the dashboard, the staff API or analytics.
    assert log_in(server, MANAGER, STAFF_PASSWORD) == 429
    assert staff_api(server, MANAGER, STAFF_PASSWORD) == 429
    analytics = requests.get(f"{server.url}/v1/analytics/dashboard", timeout=60,
                             headers=basic(MANAGER, STAFF_PASSWORD))
    assert analytics.status_code == 429 and analytics.json()["error"] == "too_many_attempts"
    assert int(analytics.headers["Retry-After"]) > 0


def test_the_staff_api_is_limited_like_the_login_page(server):
    assert staff_api(server, MANAGER, STAFF_PASSWORD) == 200
    answers = at_once([lambda: staff_api(server, MANAGER, "wrong guess")] * 50)
    assert answers.count(401) == PER_ACCOUNT and answers.count(429) == 50 - PER_ACCOUNT
    refused = requests.get(f"{server.url}/v1/staff/orders", timeout=60,
                           headers=basic(MANAGER, STAFF_PASSWORD))
    assert refused.status_code == 429 and refused.json()["error"] == "too_many_attempts"
    # The login page counts against the same account.
    assert log_in(server, MANAGER, STAFF_PASSWORD) == 429


def test_right_passwords_use_up_nothing(server):
    answers = [staff_api(server, MANAGER, STAFF_PASSWORD) for _ in range(3 * PER_ACCOUNT)]
    assert answers == [200] * 3 * PER_ACCOUNT


def test_one_address_guessing_many_accounts_is_limited(server):
    answers = at_once([lambda n=n: log_in(server, f"someone-{n}", "guess") for n in range(50)])
    assert answers.count(401) == PER_ADDRESS and answers.count(429) == 50 - PER_ADDRESS


def test_x_forwarded_for_from_a_client_that_is_no_trusted_proxy_is_ignored(server):
    answers = [log_in(server, f"someone-{n}", "guess",
                      headers={"X-Forwarded-For": f"198.51.100.{n}"}) for n in range(20)]
    assert answers == [401] * PER_ADDRESS + [429] * (20 - PER_ADDRESS)


def test_behind_a_trusted_proxy_each_client_has_its_own_allowance(another_server):
    server = another_server(CENTRAL_TRUSTED_PROXIES="127.0.0.0/8")
    for client in ("198.51.100.1", "198.51.100.2"):
        # What the client wrote itself, left of what the proxy added, proves nothing.
        forwarded = {"X-Forwarded-For": f"203.0.113.9, {client}"}
        answers = [log_in(server, f"someone-{n}", "guess", forwarded) for n in range(15)]
        assert answers == [401] * PER_ADDRESS + [429] * (15 - PER_ADDRESS)


def test_two_processes_on_one_database_share_the_allowance(server, another_server):
    first, second = server, another_server()
    answers = at_once([lambda server=server: log_in(server, MANAGER, "wrong guess")
                       for server in (first, second) * 25])
    assert answers.count(401) == PER_ACCOUNT and answers.count(429) == 50 - PER_ACCOUNT
    assert staff_api(first, MANAGER, STAFF_PASSWORD) == 429
    assert staff_api(second, MANAGER, STAFF_PASSWORD) == 429
