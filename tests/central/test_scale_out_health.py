"""What watches a fleet of server processes reads: liveness, readiness, the metrics; and the
client a trusted proxy names, as the whole app sees it (tests/central/test_scale_out_nginx.py
runs the real thing behind nginx)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from staff_helpers import STAFF_PASSWORD, staff_account

from central.app import create_app
from central.db.engine import Database
from central.settings import Settings
from central.terminals import add_terminal

SKU, PRICE = "MH01-XS-Black", 5200


def order(**changes) -> dict:
    body = {
        "store_id": "paris-rivoli", "reference": "M" + uuid.uuid4().hex[:8].upper(),
        "placed_terminal_at": "2026-11-24T15:03:12+01:00", "language": "fr",
        "customer": {"first_name": "Jeanne", "last_name": "Dupont", "email": "jeanne@example.fr",
                     "phone": "+33612345678",
                     "address": {"line1": "12 rue des Lilas", "line2": "", "postal_code": "69003",
                                 "city": "Lyon", "country": "FR"},
                     "instructions": ""},
        "delivery": {"method": "standard", "fee_cents": 490},
        "lines": [{"sku": SKU, "name": "Chaz Kangeroo Hoodie", "size": "XS", "color": "Black",
                   "quantity": 1, "unit_price_cents": PRICE}],
        "total_cents": PRICE + 490, "currency": "EUR",
        "consent": {"privacy_notice": "2026-01",
                    "given_terminal_at": "2026-11-24T15:02:40+01:00"}}
    return body | changes


def post_order(api, headers, body, key):
    return api.client.post("/v1/orders", content=json.dumps(body),
                           headers=headers | {"Idempotency-Key": key,
                                              "Content-Type": "application/json"})


def scrape(client) -> dict[tuple[str, tuple], float]:
    """Every sample of /metrics, by name and labels."""
    answer = client.get("/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(answer.text)
            for sample in family.samples}


def value(samples, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


# --- liveness and readiness ------------------------------------------------------------------

def test_a_server_whose_database_is_gone_is_alive_but_not_ready(tmp_path):
    missing = Settings(f"sqlite:///{tmp_path / 'no-such-dir' / 'central.db'}")
    with TestClient(create_app(missing)) as client:
        live = client.get("/health/live")
        assert live.status_code == 200 and live.json() == {"status": "alive"}
        ready = client.get("/health/ready")
        assert ready.status_code == 503
        assert ready.json()["status"] == "not_ready"
        assert "cannot be reached" in ready.json()["reason"]
        assert ready.headers["cache-control"] == "no-store"


def test_a_server_on_its_schema_is_ready(api):
    ready = api.client.get("/health/ready")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


def test_a_database_not_upgraded_to_this_server_is_not_ready(database_at):
    db: Database = database_at("0001")
    with TestClient(create_app(Settings(db.url), db)) as client:
        ready = client.get("/health/ready")
    assert ready.status_code == 503
    assert "central init-db" in ready.json()["reason"]


def test_health_and_metrics_are_not_in_the_terminals_contract(api):
    paths = api.client.get("/openapi.json").json()["paths"]
    assert not {"/health/live", "/health/ready", "/metrics"} & set(paths)


# --- metrics ---------------------------------------------------------------------------------

def test_orders_are_counted_once_each_retries_and_refusals_apart(api):
    headers = api.terminal()
    before = scrape(api.client)
    key = str(uuid.uuid4())
    body = order()
    assert post_order(api, headers, body, key).status_code == 201
    assert post_order(api, headers, body, key).status_code == 201         # a retry
    withdrawn = order(lines=[body["lines"][0] | {"sku": "NO-SUCH-SKU"}])
    assert post_order(api, headers, withdrawn, str(uuid.uuid4())).status_code == 422
    assert post_order(api, headers, order(), "not-a-uuid").status_code == 400
    after = scrape(api.client)

    def grew(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("central_orders_accepted_total") == 1
    assert grew("central_orders_replayed_total") == 1
    assert grew("central_orders_refused_total", reason="item_withdrawn") == 1
    assert grew("central_orders_refused_total", reason="idempotency_key_invalid") == 1


def test_latency_is_labelled_by_the_route_template_not_the_path(api):
    headers = api.terminal()
    reference = "M" + uuid.uuid4().hex[:8].upper()
    before = scrape(api.client)
    assert api.client.get(f"/v1/orders/{reference}", headers=headers).status_code == 404
    assert api.client.get(f"/no/such/page/{reference}").status_code == 404
    assert api.client.post("/v1/orders", content=b"x" * (2 << 20),
                           headers=headers).status_code == 413
    after = scrape(api.client)
    count = "central_http_request_duration_seconds_count"
    assert value(after, count, method="GET", route="/v1/orders/{reference}", status="404") \
        - value(before, count, method="GET", route="/v1/orders/{reference}", status="404") == 1
    assert value(after, count, method="GET", route="unmatched", status="404") \
        - value(before, count, method="GET", route="unmatched", status="404") == 1
    # Refused by the size limit before any route ran: still put under its route.
    assert value(after, count, method="POST", route="/v1/orders", status="413") \
        - value(before, count, method="POST", route="/v1/orders", status="413") == 1
    assert not any(reference in str(labels) for _, labels in after)


def test_each_terminal_last_heartbeat_and_queues_are_read_at_scrape_time(api):
    terminal = f"till-{uuid.uuid4().hex[:8]}"
    with api.db.writing() as session:
        headers = {"Authorization": f"Bearer {add_terminal(session, 'paris-rivoli', terminal)}"}
    labels = {"terminal": terminal, "store": "paris-rivoli"}
    assert value(scrape(api.client), "central_terminal_last_heartbeat_timestamp_seconds",
                 **labels) == 0          # silent so far: not listed
    answer = api.client.post("/v1/heartbeat", headers=headers, json={
        "version": "0.1.0", "terminal_time": "2026-11-24T15:03:12+01:00",
        "queue": {"order": 3, "rating": 0, "event": 41, "dead": 1}})
    assert answer.status_code == 200
    samples = scrape(api.client)
    assert value(samples, "central_terminal_queue_items", queue="order", **labels) == 3
    assert value(samples, "central_terminal_queue_items", queue="event", **labels) == 41
    assert value(samples, "central_terminal_queue_items", queue="dead", **labels) == 1
    assert ("central_terminal_queue_items",
            tuple(sorted((labels | {"queue": "rating"}).items()))) in samples
    seen = value(samples, "central_terminal_last_heartbeat_timestamp_seconds", **labels)
    server_time = datetime.fromisoformat(answer.json()["server_time"].replace("Z", "+00:00"))
    assert abs(seen - server_time.timestamp()) <= 1
    drift = value(samples, "central_terminal_clock_drift_seconds", **labels)
    assert drift == pytest.approx(answer.json()["clock_drift_seconds"], abs=0.01)


# --- the client a trusted proxy names --------------------------------------------------------

@pytest.mark.parametrize("proxies, cookie_secure", [((), False), (("10.0.0.0/8",), True)])
def test_a_login_over_https_at_a_trusted_proxy_gets_a_secure_cookie(api, luma_dir, proxies,
                                                                    cookie_secure):
    import ipaddress

    username, _ = staff_account(api)
    settings = Settings(api.db.url, trusted_proxies=tuple(
        ipaddress.ip_network(network) for network in proxies))
    with TestClient(create_app(settings, api.db), client=("10.0.0.5", 41000)) as client:
        answer = client.post("/dashboard/login", follow_redirects=False,
                             data={"username": username, "password": STAFF_PASSWORD},
                             headers={"X-Forwarded-Proto": "https",
                                      "X-Forwarded-For": "198.51.100.7"})
    assert answer.status_code == 303
    assert ("secure" in answer.headers["set-cookie"].lower()) is cookie_secure


# --- where the workers' counts are added up ---------------------------------------------------

def test_a_server_started_again_removes_the_metrics_of_servers_killed_before(tmp_path,
                                                                             monkeypatch):
    import os
    import tempfile

    from central.http_server import _metrics_directory

    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    killed = tmp_path / "central-metrics-999999999-x1"     # past any pid the kernel gives
    running = tmp_path / f"central-metrics-{os.getpid()}-x2"
    for directory in (killed, running):
        directory.mkdir()
        (directory / "counter_1.db").write_bytes(b"")
    with _metrics_directory() as directory:
        assert directory.parent == tmp_path and directory.is_dir()
        assert not killed.exists() and running.exists()
    assert not directory.exists() and running.exists()


def test_a_metrics_directory_named_by_it_is_emptied_at_start_and_kept(tmp_path, monkeypatch):
    from central.http_server import _metrics_directory

    given = tmp_path / "metrics"
    given.mkdir()
    (given / "histogram_4242.db").write_bytes(b"")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(given))
    with _metrics_directory() as directory:
        assert directory == given and list(given.iterdir()) == []
    assert given.is_dir()
