"""As strict as docs/api.md (issue 19, item 6): JSON in UTF-8 only, one answer for a body
that is not JSON, terminal times in RFC 3339 with an offset, ids as canonical UUIDs, the
interactive API pages off by default, and connections whose request head dawdles closed."""

from __future__ import annotations

import codecs
import json
import socket
import time
import uuid

import pytest
from fastapi.testclient import TestClient
from staff_helpers import staff_account
from support.central_server import CentralServer
from test_api import order

from central.app import create_app
from central.settings import Settings

TIME = "2026-11-24T15:09:58+01:00"


def rating(**changes) -> dict:
    return {"id": str(uuid.uuid4()), "store_id": "paris-rivoli", "score": 3,
            "rated_terminal_at": TIME} | changes


def event(**changes) -> dict:
    return {"id": str(uuid.uuid4()), "store_id": "paris-rivoli", "type": "search",
            "occurred_terminal_at": TIME, "data": {}} | changes


def heartbeat(**changes) -> dict:
    return {"version": "0.1.0", "terminal_time": TIME, "queue": {"order": 0}} | changes


def json_routes(api) -> list[tuple[str, dict[str, str], dict]]:
    """Each route that takes a JSON body: its path, the headers it needs, a valid body."""
    terminal = api.terminal()
    _, staff = staff_account(api)
    return [("/v1/orders", terminal | {"Idempotency-Key": str(uuid.uuid4())}, order()),
            ("/v1/ratings", terminal, {"items": [rating()]}),
            ("/v1/events", terminal, {"items": [event()]}),
            ("/v1/heartbeat", terminal, heartbeat()),
            ("/v1/staff/orders/NO-SUCH-REF/status", staff, {"status": "paid"})]


def post(api, path: str, headers: dict[str, str], body: bytes, content_type: str | None):
    headers = headers | ({"Content-Type": content_type} if content_type else {})
    return api.client.post(path, content=body, headers=headers)


@pytest.mark.parametrize("content_type, encode", [
    (None, lambda text: text.encode()),
    ("text/plain", lambda text: text.encode()),
    ("application/x-www-form-urlencoded", lambda text: text.encode()),
    ("application/merge-patch+json", lambda text: text.encode()),
    ("application/json; charset=utf-16", lambda text: text.encode("utf-16")),
    ("application/json; charset=latin-1", lambda text: text.encode("latin-1")),
    ("application/json; version=2", lambda text: text.encode()),
    ("application/json", lambda text: text.encode("utf-16")),
    ("application/json", lambda text: text.encode("utf-16-le")),
    ("application/json", lambda text: text.encode("utf-32")),
    ("application/json", lambda text: codecs.BOM_UTF8 + text.encode()),
    ("application/json", lambda text: text.encode("latin-1")),
])
def test_anything_but_json_in_utf8_is_415_on_every_route(api, content_type, encode):
    for path, headers, body in json_routes(api):
        # An accent, so that Latin-1 differs from UTF-8 (the encoding is checked first).
        text = json.dumps(body | {"note": "déjà payé"}, ensure_ascii=False)
        answer = post(api, path, headers, encode(text), content_type)
        assert answer.status_code == 415, (path, answer.text)
        assert answer.json()["error"] == "unsupported_media_type"


@pytest.mark.parametrize("content_type", ["application/json", "Application/JSON",
                                          "application/json; charset=utf-8",
                                          'application/json;charset="UTF-8"'])
def test_json_in_utf8_is_taken_however_its_type_is_spelt(api, content_type):
    for path, headers, body in json_routes(api):
        text = json.dumps(body | ({"note": "déjà payé"} if "staff" in path else {}),
                          ensure_ascii=False)
        answer = post(api, path, headers, text.encode(), content_type)
        assert answer.status_code in (200, 201, 404), (path, answer.text)   # 404: staff's


@pytest.mark.parametrize("raw", [b"", b"{", b'{"items": [}', b"not json", b"{'a': 1}",
                                 b'{"total_cents": NaN}', b'{"score": Infinity}',
                                 b"[" * 100_000 + b"]" * 100_000,
                                 b'{"total_cents": ' + b"9" * 4301 + b"}"])
def test_a_body_that_is_not_json_is_400_bad_request_on_every_route(api, raw):
    for path, headers, _ in json_routes(api):
        answer = post(api, path, headers, raw, "application/json")
        assert answer.status_code == 400, (path, answer.text)
        assert answer.json()["error"] == "bad_request"


def test_the_contract_lists_400_and_415_for_every_body():
    schema = create_app(Settings("sqlite://")).openapi()
    bodies = {path: operation for path, operations in schema["paths"].items()
              for operation in operations.values() if "requestBody" in operation}
    # The routes every terminal and staff tool posts to are among them (new ones join).
    assert {"/v1/orders", "/v1/ratings", "/v1/events", "/v1/heartbeat",
            "/v1/staff/orders/{reference}/status"} <= set(bodies)
    for path, operation in bodies.items():
        assert {"400", "415"} <= set(operation["responses"]), path


def test_a_method_a_route_does_not_have_is_405_whatever_the_body(api):
    for method, path in (("POST", "/v1/changes"), ("PUT", "/v1/orders"),
                         ("PATCH", "/v1/ratings")):
        answer = api.client.request(method, path, content=b"\xff not json",
                                    headers=api.terminal() | {"Content-Type": "text/plain"})
        assert answer.status_code == 405, (method, path)


@pytest.mark.parametrize("written", [
    "not a time at all", "2026-11-24T15:03:12", "2026-11-24 15:03:12+01:00",
    "2026-11-24", "2026-13-24T15:03:12+01:00", "2026-02-30T15:03:12Z",
    "2026-11-24T25:03:12Z", "2026-11-24T15:03:12+24:00", "2026-11-24T15:03:12+0100",
    "24/11/2026 15:03:12 +01:00", "2026-11-24T15:03:12.Z", " 2026-11-24T15:03:12Z",
])
def test_a_terminal_time_that_is_not_rfc_3339_with_an_offset_is_refused_by_name(api, written):
    headers = api.terminal()
    placed = api.client.post("/v1/orders", json=order(placed_terminal_at=written),
                             headers=headers | {"Idempotency-Key": str(uuid.uuid4())})
    assert placed.status_code == 422
    assert [field["path"] for field in placed.json()["fields"]] == ["placed_terminal_at"]
    consent = order()
    consent["consent"]["given_terminal_at"] = written
    answer = api.client.post("/v1/orders", json=consent,
                             headers=headers | {"Idempotency-Key": str(uuid.uuid4())})
    assert [field["path"] for field in answer.json()["fields"]] == ["consent.given_terminal_at"]
    for path, item, field in (("/v1/ratings", rating(rated_terminal_at=written),
                               "rated_terminal_at"),
                              ("/v1/events", event(occurred_terminal_at=written),
                               "occurred_terminal_at")):
        [result] = api.client.post(path, json={"items": [item]}, headers=headers).json()[
            "results"]
        assert result["status"] == "rejected"
        assert result["message"].startswith(f"{field}: must be an RFC 3339 time")
    for field in ("terminal_time", "last_pull_at", "last_push_at"):
        beat = api.client.post("/v1/heartbeat", json=heartbeat(**{field: written}),
                               headers=headers)
        assert beat.status_code == 422 and beat.json()["fields"][0]["path"] == field


@pytest.mark.parametrize("written, kept", [
    ("2026-11-24T15:03:12+01:00", "2026-11-24T15:03:12+01:00"),
    ("2026-11-24T14:03:12Z", "2026-11-24T14:03:12Z"),
    ("2026-11-24t14:03:12z", "2026-11-24T14:03:12Z"),
    ("2026-11-24T15:03:12.123456789-05:30", "2026-11-24T15:03:12.123456789-05:30"),
])
def test_rfc_3339_times_are_taken_with_t_and_z_in_capitals(api, written, kept):
    body = order(placed_terminal_at=written)
    answer = api.client.post("/v1/orders", json=body, headers=api.terminal() | {
        "Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    _, staff = staff_account(api)
    stored = api.client.get(f"/v1/staff/orders/{body['reference']}", headers=staff).json()
    assert stored["placed_terminal_at"] == kept


@pytest.mark.parametrize("spoil", [str.upper, lambda text: text.replace("-", ""),
                                   lambda text: "{" + text + "}", lambda text: "urn:uuid:" + text,
                                   lambda text: text[:-1], lambda text: " " + text])
def test_rating_and_event_ids_are_canonical_lower_case_uuids(api, spoil):
    headers = api.terminal()
    for path, item in (("/v1/ratings", rating()), ("/v1/events", event())):
        answer = api.client.post(path, json={"items": [item | {"id": spoil(item["id"])}]},
                                 headers=headers)
        assert answer.status_code == 422
        assert answer.json()["fields"][0]["path"] == "items.0.id"
        assert "lower case" in answer.json()["fields"][0]["message"]


def test_the_same_uuid_in_capitals_cannot_be_stored_twice(api):
    headers = api.terminal()
    first = rating()
    assert api.client.post("/v1/ratings", json={"items": [first]},
                           headers=headers).json()["results"][0]["status"] == "created"
    again = api.client.post("/v1/ratings", json={"items": [first | {"id": first["id"].upper()}]},
                            headers=headers)
    assert again.status_code == 422


def test_the_interactive_api_pages_are_off_unless_it_turns_them_on(tmp_path):
    with TestClient(create_app(Settings(f"sqlite:///{tmp_path / 'off.db'}"))) as client:
        for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
            assert client.get(path).status_code == 404
        # The contract itself stays public: terminals read it to see the server answers.
        assert client.get("/openapi.json").status_code == 200
    on = Settings(f"sqlite:///{tmp_path / 'on.db'}", api_docs=True)
    with TestClient(create_app(on)) as client:
        for path in ("/docs", "/redoc"):
            assert client.get(path).status_code == 200


# --- connections that dawdle, against a real `central serve` -----------------------------

@pytest.fixture(scope="module")
def dawdling_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("dawdle")
    server = CentralServer(workdir, f"sqlite:///{workdir / 'central.db'}", workdir / "images")
    server.cli("init-db")
    with pytest.MonkeyPatch.context() as patched:
        patched.setenv("CENTRAL_HEADER_TIMEOUT_S", "1")
        patched.setenv("CENTRAL_KEEP_ALIVE_TIMEOUT_S", "1")
        server.start()
    yield server
    server.stop()


def closed_by_server(connection: socket.socket, trickle: list[bytes]) -> bool:
    """Sends `trickle` a piece every 0.2 s; whether the server hangs up before its end.
    (The piece count bounds the test: 0.2 s x 150 = 30 s, far past the 1 s allowed.)"""
    connection.settimeout(0.2)
    for piece in trickle:
        try:
            connection.sendall(piece)
            if connection.recv(1024) == b"":
                return True
        except TimeoutError:
            continue
        except OSError:            # reset: closed too
            return True
    return False


def test_a_request_head_sent_a_byte_at_a_time_is_cut_off(dawdling_server):
    head = b"GET /openapi.json HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"a" * 150
    with socket.create_connection(("127.0.0.1", dawdling_server.port)) as connection:
        assert closed_by_server(connection, [bytes([byte]) for byte in head])


def test_a_connection_that_never_sends_anything_is_closed(dawdling_server):
    with socket.create_connection(("127.0.0.1", dawdling_server.port)) as connection:
        assert closed_by_server(connection, [b""] * 150)


def test_an_idle_kept_alive_connection_is_closed_and_prompt_requests_are_served(
        dawdling_server):
    with socket.create_connection(("127.0.0.1", dawdling_server.port)) as connection:
        for _ in range(3):          # kept alive between prompt requests
            connection.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n")
            answer = b""
            deadline = time.monotonic() + 30
            while b"\r\n\r\n" not in answer and time.monotonic() < deadline:
                answer += connection.recv(65536)
            assert answer.startswith(b"HTTP/1.1 200 ")
            length = int(answer.split(b"content-length: ")[1].split(b"\r\n")[0])
            body = answer.split(b"\r\n\r\n", 1)[1]
            while len(body) < length:
                body += connection.recv(65536)
        assert closed_by_server(connection, [b""] * 150)

