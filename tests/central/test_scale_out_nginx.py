"""The central server deployed as a chain runs it: two `central serve` processes behind
Debian's nginx with TLS (deploy/central/'s site configuration), on one PostgreSQL.

Terminals send orders as the kiosk's outbox does (one Idempotency-Key per order, the same
body again after any failure) and poll the change feed, through the kiosk's own HTTP
client, while one server process is killed with SIGKILL: every order is stored once, none
lost. And a server of several workers replaces a worker that dies, its metrics still
added up over them all.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select
from staff_helpers import STAFF_PASSWORD
from support.scale_out import ROOT, Nginx, ServerProcess, head_cursor, order_body

from central.db import models
from central.db.engine import Database
from central.db.schema import upgrade
from central.staff import add_staff
from central.terminals import add_terminal
from kiosk.core.sync.client import CentralClient, Verdict

TERMINALS = 6
ORDERS_EACH = 20
# Orders stored before the kill: a third of them, so that most of the load comes after.
KILL_AFTER = TERMINALS * ORDERS_EACH // 3
RETRY_PAUSE_S = 0.05


@dataclass
class Terminal:
    name: str
    token: str
    stored: dict[str, str] = field(default_factory=dict)      # key: reference answered
    refused: list[str] = field(default_factory=list)
    retries: int = 0
    polls: int = 0


@pytest.fixture
def stack(seeded_database, tmp_path, luma_dir):
    """Two servers on the seeded database, nginx in front; stopped after."""
    db: Database = seeded_database
    servers = [ServerProcess(tmp_path, f"server-{n}", db.url, luma_dir / "images")
               for n in (1, 2)]
    nginx = Nginx(tmp_path, [server.port for server in servers])
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        nginx.start()
        yield db, servers, nginx
    finally:
        nginx.stop()
        for server in servers:
            server.stop()


def new_terminals(db: Database, count: int) -> list[Terminal]:
    with db.writing() as session:
        names = [f"fleet-{uuid.uuid4().hex[:10]}" for _ in range(count)]
        return [Terminal(name, add_terminal(session, "paris-rivoli", name)) for name in names]


def drive(terminal: Terminal, nginx: Nginx, cursor: str, stop: threading.Event) -> None:
    """A kiosk's day, quickened: an order, a poll of the feed, again. A failed order is
    sent again, same key and same bytes, until the server gives an answer."""
    client = CentralClient(nginx.url, terminal.token, ca_bundle=nginx.cert,
                           total_timeout_s=30)
    try:
        for _ in range(ORDERS_EACH):
            key = str(uuid.uuid4())
            body = json.dumps(order_body(terminal.name)).encode()
            while not stop.is_set():
                answer = client.post_order(key, body)
                if answer.verdict is Verdict.OK:
                    terminal.stored[key] = answer.body["reference"]
                    break
                if answer.verdict is not Verdict.RETRY_ITEM \
                        and answer.verdict is not Verdict.UNREACHABLE:
                    terminal.refused.append(f"{answer.status} {answer.reason}")
                    break
                terminal.retries += 1
                time.sleep(RETRY_PAUSE_S)
            # A poll that failed is made again, as the kiosk's next round would.
            while not stop.is_set():
                if client.changes(cursor, limit=500).verdict is Verdict.OK:
                    terminal.polls += 1
                    break
                terminal.retries += 1
                time.sleep(RETRY_PAUSE_S)
    finally:
        client.close()


@pytest.mark.parametrize("seeded_database", ["postgresql"], indirect=True)
def test_orders_survive_a_server_killed_mid_load_each_stored_once(seeded_database, stack):
    db, (doomed, survivor), nginx = stack
    terminals = new_terminals(db, TERMINALS)
    cursor = head_cursor(db)
    stop = threading.Event()
    threads = [threading.Thread(target=drive, args=(terminal, nginx, cursor, stop))
               for terminal in terminals]
    for thread in threads:
        thread.start()
    try:
        deadline = time.monotonic() + 300
        while sum(len(t.stored) for t in terminals) < KILL_AFTER:
            assert time.monotonic() < deadline, "the orders did not flow"
            assert any(thread.is_alive() for thread in threads)
            time.sleep(0.01)
        doomed.kill()
        for thread in threads:
            thread.join(timeout=600)
    finally:
        stop.set()
    assert not any(thread.is_alive() for thread in threads)

    assert [t.refused for t in terminals] == [[]] * TERMINALS
    sent = {key: reference for t in terminals for key, reference in t.stored.items()}
    assert len(sent) == TERMINALS * ORDERS_EACH
    with db.reading() as session:
        stored = session.execute(
            select(models.Order.idempotency_key, models.Order.reference)
            .join(models.Terminal, models.Terminal.id == models.Order.terminal_id)
            .where(models.Terminal.name.in_([t.name for t in terminals]))).all()
    # Nothing lost, nothing twice, each as its terminal was told.
    assert sorted(key for key, _ in stored) == sorted(sent)
    assert dict(stored) == sent
    # Both served orders; the survivor went on alone; every terminal polled the feed.
    assert '"POST /v1/orders HTTP/1.1" 201' in doomed.log.read_text()
    assert '"POST /v1/orders HTTP/1.1" 201' in survivor.log.read_text()
    assert all(t.polls == ORDERS_EACH for t in terminals), [t.polls for t in terminals]


@pytest.mark.parametrize("seeded_database", ["postgresql"], indirect=True)
def test_behind_nginx_the_server_sees_the_real_client_and_https(seeded_database, stack):
    db, servers, nginx = stack
    context = ssl.create_default_context(cafile=str(nginx.cert))
    # From another loopback address than nginx's own, with a made-up X-Forwarded-For.
    connection = http.client.HTTPSConnection("127.0.0.1", nginx.port, context=context,
                                             source_address=("127.0.0.7", 0), timeout=30)
    connection.request("GET", "/v1/changes", headers={"X-Forwarded-For": "198.51.100.7"})
    assert connection.getresponse().status == 401
    connection.close()
    logs = "".join(server.log.read_text() for server in servers)
    assert '127.0.0.7:0 - "GET /v1/changes HTTP/1.1" 401' in logs
    assert "198.51.100.7" not in logs

    # The dashboard, as a browser logs in to it through nginx: the Host it wrote comes
    # through (matched against Origin), and the cookie is Secure (https at nginx).
    username = f"staff-{uuid.uuid4().hex[:10]}"
    with db.writing() as session:
        add_staff(session, username, STAFF_PASSWORD)
    connection = http.client.HTTPSConnection("127.0.0.1", nginx.port, context=context,
                                             timeout=30)
    form = f"username={username}&password={STAFF_PASSWORD.replace(' ', '+')}"
    connection.request("POST", "/dashboard/login", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"https://127.0.0.1:{nginx.port}"})
    answer = connection.getresponse()
    assert answer.status == 303
    cookie = answer.getheader("Set-Cookie").lower()
    assert "secure" in cookie and "httponly" in cookie
    connection.close()

    # Health and metrics are for the machines on the server itself (nginx's allow list).
    connection = http.client.HTTPSConnection("127.0.0.1", nginx.port, context=context,
                                             source_address=("127.0.0.7", 0), timeout=30)
    connection.request("GET", "/metrics")
    assert connection.getresponse().status == 403
    connection.close()


def test_a_killed_worker_is_replaced_and_the_metrics_add_up_over_all(tmp_path, luma_dir):
    db = Database(f"sqlite:///{tmp_path / 'central.db'}")
    upgrade(db)
    db.dispose()
    server = ServerProcess(tmp_path, "server", db.url, luma_dir / "images", workers=2)
    try:
        server.start()
        server.wait_ready()
        first = server.worker_pids()
        assert len(first) == 2
        # Each on a connection of its own: the workers share them as the kernel hands out.
        for _ in range(20):
            with urllib.request.urlopen(f"{server.url}/health/live", timeout=30):
                pass
        assert live_count(server) == 20
        victim = first[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 120
        while not (len(server.worker_pids()) == 2 and victim not in server.worker_pids()):
            assert time.monotonic() < deadline, "no worker replaced the one killed"
            time.sleep(0.1)
        server.wait_ready()
        for _ in range(5):
            with urllib.request.urlopen(f"{server.url}/health/live", timeout=30):
                pass
        # What the dead worker counted is still counted.
        assert live_count(server) == 25
    finally:
        server.stop()


def live_count(server: ServerProcess) -> float:
    with urllib.request.urlopen(f"{server.url}/metrics", timeout=30) as answer:
        text = answer.read().decode()
    return sum(sample.value for family in text_string_to_metric_families(text)
               for sample in family.samples
               if sample.name == "central_http_request_duration_seconds_count"
               and sample.labels["route"] == "/health/live")


def test_the_shipped_site_configuration_passes_nginx_t(tmp_path):
    checked = Nginx(tmp_path, [8080, 8081]).check()
    assert checked.returncode == 0, checked.stderr


def test_the_shipped_service_unit_passes_systemd_analyze_verify(tmp_path):
    """With ExecStart pointed at this checkout's `central` (the unit names where the
    install puts it)."""
    unit = (ROOT / "deploy" / "central" / "central.service").read_text()
    assert unit.count("ExecStart=/opt/central/bin/central ") == 1
    here = tmp_path / "central.service"
    here.write_text(unit.replace("ExecStart=/opt/central/bin/central ",
                                 f"ExecStart={Path(sys.executable).parent / 'central'} "))
    checked = subprocess.run(["systemd-analyze", "verify", str(here)], capture_output=True,
                             text=True, timeout=120)
    assert checked.returncode == 0 and not checked.stderr.strip(), checked.stderr
