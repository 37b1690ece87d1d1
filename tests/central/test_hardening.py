"""Issue 19: no 500 for any input, 503 while the database is away, nothing a terminal can
spoof. On SQLite and PostgreSQL alike unless a test says otherwise."""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from itertools import count

import pytest
import uvicorn
from catalog_helpers import line, own_product, with_lines
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from staff_helpers import staff_account
from support.central_server import free_port
from support.throwaway_postgres import ThrowawayPostgres
from test_api import order, post_order

from central.app import create_app
from central.db import models
from central.db.engine import Database
from central.db.schema import upgrade
from central.limits import Rate
from central.settings import Settings
from central.terminals import add_terminal
from kiosk.core.orders import derived_prefix

TERMINAL_TIME = "2026-11-24T15:09:58+01:00"


def event(event_type: str = "search", data: dict | None = None, **changes) -> dict:
    return {"id": str(uuid.uuid4()), "store_id": "paris-rivoli", "type": event_type,
            "occurred_terminal_at": TERMINAL_TIME, "data": data or {}} | changes


def rating(**changes) -> dict:
    return {"id": str(uuid.uuid4()), "store_id": "paris-rivoli", "score": 3,
            "rated_terminal_at": TERMINAL_TIME} | changes


def post_json(api, path: str, text: str, headers: dict[str, str]):
    return api.client.post(path, content=text.encode(),
                           headers=headers | {"Content-Type": "application/json"})


def outcomes(answer) -> dict[str, dict]:
    assert answer.status_code == 200, answer.text
    return {result["id"]: result for result in answer.json()["results"]}


# --- no 500 for any input -----------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "[" * 1000 + "]" * 1000,
    '{"customer": ' + "{\"a\": " * 1000 + "1" + "}" * 1001,
    '{"total_cents": ' + "9" * 4301 + "}",
    '{"total_cents": NaN}', '{"total_cents": -Infinity}', '{"total_cents": 1e400}',
])
def test_an_order_body_too_deep_too_big_or_not_json_numbers_is_refused_as_not_json(api, raw):
    answer = api.client.post("/v1/orders", content=raw.encode(), headers=api.terminal() | {
        "Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"})
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] == "bad_request"


def test_an_image_name_longer_than_the_file_system_allows_is_a_404(api):
    headers = api.terminal()
    for name in ("a" * 256, "é" * 200, "m/" + "b" * 4000 + ".jpg", "x%00.jpg"):
        answer = api.client.get("/v1/images/" + name, headers=headers)
        assert answer.status_code == 404, name
        assert answer.json()["error"] == "not_found"


def test_a_zero_result_search_holding_a_lone_surrogate_is_stored_and_counted(api):
    headers = api.terminal()
    item = event("zero_result_search", {"text": "Veste\ud800 PLUIE \udfff"})
    answer = post_json(api, "/v1/events", json.dumps({"items": [item]}), headers)
    assert outcomes(answer)[item["id"]]["status"] == "created"
    with api.db.reading() as session:
        stored = session.get(models.Event, item["id"])
        assert stored.data == {"text": "Veste\ud800 PLUIE \udfff"}     # kept as sent
        counted = session.scalar(select(func.sum(models.ZeroResultCount.count)).where(
            models.ZeroResultCount.text == "veste pluie"))
    assert counted >= 1


# 1e400 is Infinity once read: PostgreSQL's json refused it with a 500 for the whole batch.
@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-2.5E+999"])
def test_an_event_holding_nan_is_refused_as_not_json_and_nothing_stored(api, number):
    headers = api.terminal()
    good, bad, later = event(data={"results": 1}), event(), event()
    text = json.dumps({"items": [good, bad, later]}).replace(
        f'"id": "{bad["id"]}", "store_id": "paris-rivoli", "type": "search", '
        f'"occurred_terminal_at": "{TERMINAL_TIME}", "data": {{}}',
        f'"id": "{bad["id"]}", "store_id": "paris-rivoli", "type": "search", '
        f'"occurred_terminal_at": "{TERMINAL_TIME}", "data": {{"score": [1, {number}]}}')
    assert number in text
    answer = post_json(api, "/v1/events", text, headers)
    # Not JSON, so no batch to sort item by item; the kiosk never writes it (outbox).
    assert answer.status_code == 400 and answer.json()["error"] == "bad_request"
    with api.db.reading() as session:
        for item in (good, bad, later):
            assert session.get(models.Event, item["id"]) is None


def test_event_data_nested_hundreds_deep_is_rejected_alone(api):
    headers = api.terminal()
    good, bad = event(data={"results": 1}), event()
    text = json.dumps({"items": [good, bad]}).replace(
        '"data": {}', '"data": {"a": ' + "[" * 600 + "]" * 600 + "}", 1)
    results = outcomes(post_json(api, "/v1/events", text, headers))
    assert results[bad["id"]]["status"] == "rejected"
    assert results[bad["id"]]["message"].endswith("nested more than 32 levels deep")
    assert results[good["id"]]["status"] == "created"
    with api.db.reading() as session:
        assert session.get(models.Event, good["id"]) is not None
        assert session.get(models.Event, bad["id"]) is None


class LiveServer:
    """The `api` fixture's app served on a loopback port by uvicorn, in this process:
    requests from real threads, each on its own connection, as terminals send them."""

    def __init__(self, app) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        while not self.server.started:
            self.thread.join(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join()

    def post(self, path: str, body: dict, headers: dict[str, str]) -> tuple[int, dict]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=json.dumps(body).encode(),
            headers=headers | {"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)


@pytest.mark.parametrize("path, make, model", [("/v1/ratings", rating, models.Rating),
                                               ("/v1/events", event, models.Event)])
def test_the_same_items_sent_by_concurrent_requests_are_stored_once_and_told_duplicate(
        api, path, make, model):
    headers = api.terminal()
    senders, rounds = 8, 6
    batches = [[make() for _ in range(5)] for _ in range(rounds)]
    with LiveServer(api.client.app) as served:
        for batch in batches:
            start = threading.Barrier(senders)

            def send(sender, batch=batch, start=start):
                # Each sender has the items in another order, as terminals retrying
                # different batches would (PostgreSQL once deadlocked on that: 503).
                turn = sender % len(batch)
                start.wait(10)
                return served.post(path, {"items": batch[turn:] + batch[:turn]}, headers)

            with ThreadPoolExecutor(senders) as pool:
                answers = list(pool.map(send, range(senders)))
            assert [status for status, _ in answers] == [200] * senders, answers
            for item in batch:
                statuses = sorted(result["status"] for _, body in answers
                                  for result in body["results"] if result["id"] == item["id"])
                assert statuses == ["created"] + ["duplicate"] * (senders - 1)
    ids = [item["id"] for batch in batches for item in batch]
    with api.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(model)
                              .where(model.id.in_(ids))) == len(ids)


# --- when the database is away ------------------------------------------------------------

def assert_unavailable_everywhere(client: TestClient, token: str) -> None:
    terminal = {"Authorization": f"Bearer {token}"}
    for method, path, extra in [
        ("GET", "/v1/changes", {}),
        ("POST", "/v1/orders", {"Idempotency-Key": str(uuid.uuid4())}),
        ("POST", "/v1/ratings", {}),
    ]:
        body = json.dumps(order()) if path == "/v1/orders" else \
            json.dumps({"items": [rating()]})
        answer = client.request(method, path, content=body if method == "POST" else None,
                                headers=terminal | extra | {"Content-Type": "application/json"})
        assert answer.status_code == 503, (path, answer.text)
        assert answer.headers["Retry-After"].isdigit()
        assert answer.json()["error"] == "service_unavailable"
    for language, header, words in [("fr", "fr-FR", "Service momentanément indisponible"),
                                    ("en", "en-GB,en", "Service temporarily unavailable")]:
        page = client.get("/o/R7-K3MX9P", headers={"Accept-Language": header})
        assert page.status_code == 503
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["Retry-After"].isdigit()
        assert f'<html lang="{language}">' in page.text and words in page.text
        assert page.headers["content-security-policy"].startswith("default-src 'none'")


def test_a_stopped_postgresql_gets_503_with_retry_after_and_a_page_for_customers(caplog):
    cluster = ThrowawayPostgres()
    cluster.start()
    try:
        db = Database(cluster.new_database("stopped"))
        upgrade(db)
    finally:
        cluster.stop()
    app = create_app(Settings(db.url), db)
    with caplog.at_level(logging.INFO), TestClient(app, raise_server_exceptions=False) \
            as client:
        assert_unavailable_everywhere(client, "token")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    db.dispose()


def test_a_sqlite_database_gone_from_its_disk_gets_503_with_retry_after(tmp_path, caplog):
    folder = tmp_path / "disk"
    folder.mkdir()
    db = Database(f"sqlite:///{folder / 'central.db'}")
    upgrade(db)
    db.dispose()
    folder.rename(tmp_path / "elsewhere")         # the disk holding it went away
    app = create_app(Settings(db.url), db)
    with caplog.at_level(logging.INFO), TestClient(app, raise_server_exceptions=False) \
            as client:
        assert_unavailable_everywhere(client, "token")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    db.dispose()


# Orders read their body themselves; FastAPI reads the others' into a model.
@pytest.mark.parametrize("path", ["/v1/orders", "/v1/ratings", "/v1/events", "/v1/heartbeat"])
def test_a_client_gone_mid_request_is_one_info_line_not_an_error(api, caplog, path):
    app = api.client.app
    token = api.terminal()["Authorization"].encode()
    sent: list[dict] = []
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path, "raw_path": b"",
             "query_string": b"", "root_path": "", "server": ("testserver", 80),
             "client": ("192.0.2.7", 50000),
             "headers": [(b"authorization", token), (b"content-type", b"application/json"),
                         (b"idempotency-key", str(uuid.uuid4()).encode())]}

    async def receive():
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    with caplog.at_level(logging.INFO):
        api.client.portal.call(app, scope, receive, send)
    told = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert told == [(logging.INFO, f"client disconnected during POST {path}")]


# --- nothing a terminal can spoof ---------------------------------------------------------

def reference(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:6].upper()}"


def test_a_terminal_cannot_take_or_spoil_another_stores_references(api):
    prefix = "P" + uuid.uuid4().hex[:4].upper()
    paris, lyon = api.terminal("paris-rivoli"), api.terminal("lyon-republique")
    first, _ = post_order(api, paris, order(reference(prefix)))
    assert first.status_code == 201
    # A Lyon terminal: an unknown SKU under a Paris reference not used yet...
    spoiled = reference(prefix)
    body = with_lines(order(spoiled, store_id="lyon-republique"), line("GONE-SKU", 100))
    refused, _ = post_order(api, lyon, body)
    assert refused.status_code == 422 and refused.json()["error"] == "reference_prefix_taken"
    # ...records nothing: the customer's page waits for the real order.
    assert api.client.get(f"/o/{spoiled}").status_code == 404
    with api.db.reading() as session:
        assert session.scalar(select(models.OrderRefusal).where(
            models.OrderRefusal.reference == spoiled)) is None
    taken, _ = post_order(api, lyon, order(reference(prefix), store_id="lyon-republique"))
    assert taken.status_code == 422 and taken.json()["error"] == "reference_prefix_taken"
    # Another terminal of the owning store shares the prefix; Lyon has its own.
    assert post_order(api, api.terminal("paris-rivoli"),
                      order(reference(prefix)))[0].status_code == 201
    own = "L" + uuid.uuid4().hex[:4].upper()
    assert post_order(api, lyon, order(reference(own), store_id="lyon-republique"))[0] \
        .status_code == 201


def named_terminal(api, store: str, name: str) -> dict[str, str]:
    with api.db.writing() as session:
        token = add_terminal(session, store, name)
    return {"Authorization": f"Bearer {token}"}


def test_a_terminals_own_drawn_prefix_cannot_be_taken_before_its_first_order(api):
    name = f"lyon-{uuid.uuid4().hex[:8]}"
    lyon = named_terminal(api, "lyon-republique", name)
    prefix = derived_prefix(name)           # what the kiosk named so draws, IT setting none
    spoiled = reference(prefix)
    body = with_lines(order(spoiled), line("GONE-SKU", 100))
    refused, _ = post_order(api, api.terminal("paris-rivoli"), body)
    assert refused.status_code == 422 and refused.json()["error"] == "reference_prefix_taken"
    assert api.client.get(f"/o/{spoiled}").status_code == 404
    first, _ = post_order(api, lyon, order(reference(prefix), store_id="lyon-republique"))
    assert first.status_code == 201


def test_terminals_of_two_stores_drawing_the_same_prefix_both_place_orders(api):
    base, seen = uuid.uuid4().hex[:8], {}
    for number in count():                  # a pair of names drawing one prefix
        name = f"t-{base}-{number}"
        if derived_prefix(name) in seen:
            break
        seen[derived_prefix(name)] = name
    prefix = derived_prefix(name)
    paris = named_terminal(api, "paris-rivoli", seen[prefix])
    lyon = named_terminal(api, "lyon-republique", name)
    assert post_order(api, paris, order(reference(prefix)))[0].status_code == 201
    assert post_order(api, lyon, order(reference(prefix), store_id="lyon-republique"))[0] \
        .status_code == 201
    nantes = api.terminal("nantes-crebillon")
    taken, _ = post_order(api, nantes, order(reference(prefix), store_id="nantes-crebillon"))
    assert taken.status_code == 422 and taken.json()["error"] == "reference_prefix_taken"


def test_two_stores_racing_for_a_new_prefix_leave_it_to_one_and_get_no_500(api):
    prefix = "Q" + uuid.uuid4().hex[:4].upper()
    stores = ["paris-rivoli", "lyon-republique"] * 4
    terminals = {store: api.terminal(store) for store in set(stores)}
    start = threading.Barrier(len(stores))

    def place(store: str) -> tuple[str, int, dict]:
        body = order(reference(prefix), store_id=store)
        headers = terminals[store] | {"Idempotency-Key": str(uuid.uuid4())}
        start.wait(10)
        return (store, *served.post("/v1/orders", body, headers))

    with LiveServer(api.client.app) as served, ThreadPoolExecutor(len(stores)) as pool:
        answers = list(pool.map(place, stores))
    winners = {store for store, status, _ in answers if status == 201}
    assert len(winners) == 1, answers
    for store, status, body in answers:
        assert (status, body.get("error")) == ((201, None) if store in winners
                                               else (422, "reference_prefix_taken"))


def test_a_refused_order_sent_twenty_times_keeps_one_refusal(api):
    headers = api.terminal()
    body = with_lines(order(), line("GONE-" + uuid.uuid4().hex[:6], 100))
    key = str(uuid.uuid4())
    for _ in range(20):
        assert post_order(api, headers, body, key)[0].status_code == 422
    other, other_key = post_order(api, headers, body)     # another key: a refusal of its own
    assert other.status_code == 422
    with api.db.reading() as session:
        keys = list(session.scalars(select(models.OrderRefusal.idempotency_key).where(
            models.OrderRefusal.reference == body["reference"])))
    assert sorted(keys) == sorted([key, other_key])


def test_the_public_page_names_items_as_the_catalog_does_and_staff_see_the_terminals(api):
    sku = own_product(api, 2500, name="Veste Beaumont")
    spoof = {"name": "Pay now at evil.example", "size": "Spoofed size", "color": "IBAN FR76"}
    body = with_lines(order(), line(sku, 2500) | spoof)
    assert post_order(api, api.terminal(), body)[0].status_code == 201
    page = api.client.get(f"/o/{body['reference']}", params={"lang": "en"}).text
    assert "Veste Beaumont" in page and ">M<" in page
    for text in spoof.values():
        assert text not in page
    _, staff = staff_account(api)
    full = api.client.get(f"/v1/staff/orders/{body['reference']}", headers=staff).json()
    assert {key: full["lines"][0][key] for key in spoof} == spoof


def test_status_pages_are_throttled_per_address_across_processes(api):
    """Two apps on one database stand for two server processes: the count is shared."""
    settings = Settings(api.db.url, status_page_rate=Rate(3, 3600))
    first_process, second_process = (create_app(settings, api.db) for _ in range(2))
    prober, neighbour = ("198.51.100.7", 50000), ("198.51.100.8", 50000)
    with TestClient(first_process, client=prober) as first, \
            TestClient(second_process, client=prober) as second, \
            TestClient(second_process, client=neighbour) as other:
        reference = "PROBE-" + uuid.uuid4().hex[:6].upper()
        answers = [first.get(f"/o/{reference}"), second.get(f"/o/{reference}"),
                   first.get(f"/o/{reference}")]
        assert [answer.status_code for answer in answers] == [404, 404, 404]
        for client, language, words in ((second, "fr", "Trop de demandes"),
                                         (first, "en", "Too many requests")):
            refused = client.get(f"/o/{reference}", params={"lang": language})
            assert refused.status_code == 429
            assert int(refused.headers["Retry-After"]) >= 1
            assert refused.headers["content-type"].startswith("text/html")
            assert f'<html lang="{language}">' in refused.text and words in refused.text
        assert other.get(f"/o/{reference}").status_code == 404
