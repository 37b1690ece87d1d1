"""No input gets a 5xx (issue 19): arbitrary bodies, content types, paths, queries and
headers sent to every route, on SQLite and PostgreSQL.

Bodies are drawn to reach past the first check: JSON nested thousands deep, integers
past Python's 4,300 digits, NaN and Infinity, lone surrogates, raw bytes, and the
contract's own valid bodies with one value anywhere replaced by something else.
"""

from __future__ import annotations

import copy
import json
import math
import uuid
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from staff_helpers import staff_account
from test_api import order

from central.schemas import ORDER_EXAMPLE

# Routes outside the OpenAPI description, as (method, path, query parameters).
PAGES = [("GET", "/o/{reference}", ["lang"]),
         ("GET", "/dashboard", ["start", "end", "store_id", "include_misuse", "lang"]),
         ("GET", "/dashboard/login", ["lang"]), ("POST", "/dashboard/login", ["lang"]),
         ("POST", "/dashboard/logout", [])]
TERMINAL_TIME = "2026-11-24T15:09:58+01:00"


def valid_bodies() -> dict[str, Any]:
    """A body each POST route accepts, to be spoilt one value at a time."""
    return {
        "/v1/orders": order(),
        "/v1/ratings": {"items": [{"id": str(uuid.uuid4()), "store_id": "paris-rivoli",
                                   "score": 3, "reasons": ["staff"],
                                   "rated_terminal_at": TERMINAL_TIME}]},
        "/v1/events": {"items": [{"id": str(uuid.uuid4()), "store_id": "paris-rivoli",
                                  "type": "zero_result_search",
                                  "occurred_terminal_at": TERMINAL_TIME,
                                  "data": {"text": "veste", "results": 0,
                                           "filters": {"size": "M", "price": [10, 20.5]}}}]},
        "/v1/heartbeat": {"version": "0.1.0", "terminal_time": TERMINAL_TIME,
                          "queue": {"order": 0, "rating": 2}},
        "/v1/staff/orders/{reference}/status": {"status": "paid", "note": ""},
    }


def routes(app) -> list[tuple[str, str, list[str]]]:
    found = []
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            query = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
            found.append((method.upper(), path, query))
    return found + PAGES


# Every character, surrogates (Cs) included: JSON can carry \ud800 alone.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)
scalars = (st.none() | st.booleans() | st.integers() | any_text
           | st.floats(allow_nan=True, allow_infinity=True))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(any_text, inner, max_size=4), max_leaves=12)


def deep(depth: int, kind: str) -> str:
    return "[" * depth + "]" * depth if kind == "list" else '{"a":' * depth + "1" + "}" * depth


def spoilt(body: Any, where: int, value: Any, *, leaves: bool = False) -> Any:
    """`body` with the value at its `where`-th place (in a walk of it) replaced; with
    `leaves`, counting only places that hold no list or object."""
    body = copy.deepcopy(body)
    places = []

    def walk(node: Any) -> None:
        children = node.items() if isinstance(node, dict) else enumerate(node) \
            if isinstance(node, list) else ()
        for key, child in list(children):
            if not (leaves and isinstance(child, dict | list)):
                places.append((node, key))
            walk(child)

    walk(body)
    if not places:
        return value
    parent, key = places[where % len(places)]
    parent[key] = value
    return body


def with_raw(valid: Any, raws: dict[int, str]) -> str:
    """`valid` as JSON with the value at each `where`-th leaf (in a walk of it) written
    as `raws[where]`, which need not be JSON at all (NaN, 5,000 digits)."""
    body = valid
    for where in raws:
        body = spoilt(body, where, f"@@hole{where}@@", leaves=True)
    text = as_json(body)
    for where, raw in raws.items():
        text = text.replace(json.dumps(f"@@hole{where}@@"), raw, 1)
    return text


def as_json(value: Any) -> str:
    """JSON as a careless client writes it: NaN and Infinity included."""
    return json.dumps(value, allow_nan=True)


# What goes in a hole: any JSON value, or what Python's reader takes and the contract
# does not (NaN, Infinity), or what it cannot take (thousands deep, thousands of digits).
special_values = st.sampled_from(["NaN", "Infinity", "-Infinity", '"\\ud800"', '"a\\udfffb"'])
raw_values = st.one_of(
    json_values.map(as_json), special_values, special_values,
    st.integers(4200, 9000).map(lambda digits: "9" * digits),
    st.tuples(st.sampled_from([900, 990, 1000, 1200, 3000]) | st.integers(1, 3000),
              st.sampled_from(["list", "object"])).map(lambda pair: deep(*pair)))


@st.composite
def bodies(draw, path: str) -> bytes:
    valid = valid_bodies().get(path, {"items": []})
    kind = draw(st.sampled_from(["spoilt"] * 6 + ["any", "bytes"]))
    if kind == "spoilt":
        holes = draw(st.lists(st.integers(0, 60), min_size=1, max_size=2, unique=True))
        text = with_raw(valid, {where: draw(raw_values) for where in holes})
    elif kind == "any":
        text = draw(raw_values)
    else:
        return draw(st.binary(max_size=300))
    encoding = draw(st.sampled_from(["utf-8"] * 8 + ["utf-16", "utf-8-sig"]))
    return text.encode(encoding, "surrogatepass")


# Mostly JSON, so that bodies are read; sometimes anything.
content_types = st.just("application/json") | st.sampled_from([
    None, "application/json", "application/json; charset=utf-8",
    "application/json; charset=utf-16", "text/plain", "application/merge-patch+json",
    "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "*/*",
    "application/json; charset=nonsense", "garbage"])
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60)


@st.composite
def requests(draw, every_route: list[tuple[str, str, list[str]]]) -> dict[str, Any]:
    # Mostly a route that reads a body: that is where most can go wrong.
    posting = st.sampled_from([route for route in every_route if route[0] == "POST"])
    method, template, query_names = draw(st.one_of(posting, posting,
                                                   st.sampled_from(every_route)))
    path = template
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        value = draw(st.one_of(any_text, st.text(max_size=60),
                               st.sampled_from(["R7-K3MX9P", "m/j/mj01-red_main.jpg",
                                                "stores", "..", "%00", "a" * 300,
                                                "m/" + "é" * 200])))
        path = path[:start] + quote(value.encode("utf-8", "surrogatepass"), safe="/")[:4000] \
            + path[end + 1:]
    query = {name: draw(any_text.map(lambda t: t.encode("utf-8", "surrogatepass")
                                     .decode("utf-8", "replace")))
             for name in query_names if draw(st.booleans())}
    request = {"method": method, "url": path, "params": query, "headers": {}}
    if method == "POST":
        request["content"] = draw(bodies(template))
        content_type = draw(content_types)
        if content_type:
            request["headers"]["Content-Type"] = content_type
        if template == "/v1/orders":
            request["headers"]["Idempotency-Key"] = draw(st.sampled_from(
                [str(uuid.uuid4())] * 8 + [str(uuid.uuid4()).upper(), "not a key"]))
    # Mostly the right way in, so that bodies get past authentication.
    staff_route = template.startswith(("/v1/staff", "/v1/analytics", "/dashboard"))
    proper = "staff" if staff_route else "terminal"
    request["credentials"] = draw(st.sampled_from([proper] * 6 + ["terminal", "staff",
                                                                  "none", "garbage"]))
    request["accept_language"] = draw(st.none() | header_text)
    return request


def credentials(api) -> dict[str, dict]:
    """The ways in, made once per test (the fixture outlives the examples)."""
    if not hasattr(api, "credentials"):
        _, staff = staff_account(api)
        # Bytes no token has, UTF-8 where headers are Latin-1.
        api.credentials = {"terminal": api.terminal(), "staff": staff, "none": {},
                           "garbage": {"Authorization": "Bearer été".encode()}}
    return api.credentials


@given(data=st.data())
@settings(max_examples=300, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
def test_no_request_gets_a_server_error(api, data):
    every_route = routes(api.client.app)
    request = data.draw(requests(every_route))
    headers = request["headers"] | credentials(api)[request["credentials"]]
    if request["accept_language"] is not None:
        headers["Accept-Language"] = request["accept_language"]
    answer = api.client.request(request["method"], request["url"], params=request["params"],
                                headers=headers, content=request.get("content"))
    event(f"answered {answer.status_code}")
    assert answer.status_code < 500, (request, answer.status_code, answer.text[:300])


def test_every_route_is_drawn_from(api):
    assert len(routes(api.client.app)) >= 18


def test_the_drawn_bodies_reach_what_they_aim_at():
    """The strategies above do produce the inputs of the issue (else the test above
    would prove little)."""
    text = as_json(spoilt(ORDER_EXAMPLE, 3, float("nan")))
    assert "NaN" in text
    assert with_raw({"a": [0, "2026"]}, {0: "NaN", 1: "7"}) == '{"a": [NaN, 7]}'
    assert deep(1000, "list").count("[") == 1000
    assert spoilt({"a": [1, {"b": 2}]}, 3, "x") == {"a": [1, {"b": "x"}]}
    assert math.isinf(json.loads(as_json(spoilt([1], 0, float("inf"))))[0])
