"""The HTTP contract of docs/api.md, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import bindparam, func, select, text

import central.api.orders as orders_module
from central.catalog import CatalogWriter
from central.db import models
from central.feed import decode_cursor
from central.importers import prune_deletions
from kiosk_contract.catalog import Category, Product, StockLevel, Variant

SKU, PRICE = "MH01-XS-Black", 5200


def order(reference: str | None = None, **changes) -> dict:
    body = {
        "store_id": "paris-rivoli", "reference": reference or "T" + uuid.uuid4().hex[:8].upper(),
        "placed_terminal_at": "2026-11-24T15:03:12+01:00", "language": "fr",
        "customer": {"first_name": "Jeanne", "last_name": "Dupont-Lefèvre",
                     "email": "jeanne@example.fr", "phone": "+33612345678",
                     "address": {"line1": "12 rue des Lilas", "line2": "",
                                 "postal_code": "69003", "city": "Lyon", "country": "FR"},
                     "instructions": ""},
        "delivery": {"method": "standard", "fee_cents": 490},
        "lines": [{"sku": SKU, "name": "Chaz Kangeroo Hoodie", "size": "XS", "color": "Black",
                   "quantity": 1, "unit_price_cents": PRICE}],
        "total_cents": PRICE + 490, "currency": "EUR",
        "consent": {"privacy_notice": "2026-01",
                    "given_terminal_at": "2026-11-24T15:02:40+01:00"},
    }
    body.update(changes)
    return body


def post_order(api, headers, body, key=None):
    key = key or str(uuid.uuid4())
    return api.client.post("/v1/orders", content=json.dumps(body),
                           headers=headers | {"Idempotency-Key": key,
                                              "Content-Type": "application/json"}), key


# --- authentication ---------------------------------------------------------------------

def test_no_unknown_or_revoked_token_gets_401_with_the_bearer_challenge(api):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic eDp5"}):
        answer = api.client.get("/v1/changes", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["WWW-Authenticate"] == "Bearer"
        assert answer.json()["error"] == "unauthorized"
    headers = api.terminal()
    with api.db.writing() as session:
        session.execute(models.Terminal.__table__.update().values(
            revoked_at=datetime.now(timezone.utc)))
    assert api.client.get("/v1/changes", headers=headers).status_code == 401


def test_a_terminal_posting_for_another_store_gets_403(api):
    headers = api.terminal()
    answer, _ = post_order(api, headers, order(store_id="lyon-republique"))
    assert answer.status_code == 403 and answer.json()["error"] == "forbidden"
    rating = {"id": str(uuid.uuid4()), "store_id": "lyon-republique", "score": 3,
              "rated_terminal_at": "2026-11-24T15:00:00+01:00"}
    assert api.client.post("/v1/ratings", json={"items": [rating]},
                           headers=headers).status_code == 403


# --- limits and validation ----------------------------------------------------------------

def test_a_body_over_a_mebibyte_gets_413_announced_or_streamed(api):
    headers = api.terminal()
    huge = b'{"items": [' + b" " * (1024 * 1024 + 10) + b"]}"
    answer = api.client.post("/v1/events", content=huge,
                             headers=headers | {"Content-Type": "application/json"})
    assert answer.status_code == 413 and answer.json()["error"] == "payload_too_large"

    def chunks():
        for _ in range(20):
            yield b" " * 65536

    streamed = api.client.post("/v1/orders", content=chunks(),
                               headers=headers | {"Idempotency-Key": str(uuid.uuid4()),
                                                  "Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_a_422_names_the_path_of_every_faulty_field(api):
    body = order()
    body["lines"][0]["quantity"] = 0
    del body["customer"]["email"]
    body["unexpected"] = True
    answer, _ = post_order(api, api.terminal(), body)
    assert answer.status_code == 422
    paths = {field["path"] for field in answer.json()["fields"]}
    assert {"lines.0.quantity", "customer.email", "unexpected"} <= paths
    query = api.client.get("/v1/changes?limit=0", headers=api.terminal())
    assert query.status_code == 422 and query.json()["fields"][0]["path"] == "query.limit"


def test_an_order_whose_total_does_not_add_up_is_refused(api):
    answer, _ = post_order(api, api.terminal(), order(total_cents=1))
    assert answer.status_code == 422 and "total_cents must be 5690" in answer.text


def test_a_total_beyond_what_the_database_holds_gets_422_not_a_500(api):
    lines = [{"sku": f"BIG-{i}", "name": "Gold", "quantity": 99, "unit_price_cents": 10_000_000}
             for i in range(3)]
    total = 3 * 99 * 10_000_000 + 490            # > 2**31 - 1, orders.total_cents's limit
    answer, _ = post_order(api, api.terminal(), order(lines=lines, total_cents=total))
    assert answer.status_code == 422
    assert answer.json()["fields"][0]["path"] == "total_cents"


def test_garbage_never_gets_a_500(api):
    headers = api.terminal()
    for path, content in (("/v1/orders", b"\xff\xfe"), ("/v1/orders", b"[]"),
                          ("/v1/ratings", b"null"), ("/v1/events", b'{"items": "x"}'),
                          ("/v1/heartbeat", b"{}")):
        answer = api.client.post(path, content=content, headers=headers | {
            "Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"})
        assert 400 <= answer.status_code < 500, (path, answer.status_code, answer.text)


def test_a_value_of_the_wrong_type_is_refused_not_coerced(api):
    headers = api.terminal()
    body = order()
    body["lines"][0]["quantity"] = True
    body["delivery"]["fee_cents"] = "490"
    answer, _ = post_order(api, headers, body)
    assert answer.status_code == 422
    assert {f["path"] for f in answer.json()["fields"]} == {"lines.0.quantity",
                                                            "delivery.fee_cents"}
    beat = api.client.post("/v1/heartbeat", headers=headers, json={
        "version": "0.1.0", "terminal_time": "2026-11-24T15:10:00+01:00",
        "queue": {"order": False}})
    assert beat.status_code == 422 and beat.json()["fields"][0]["path"] == "queue.order"
    rating = {"id": str(uuid.uuid4()), "store_id": "paris-rivoli", "score": "4",
              "rated_terminal_at": "2026-11-24T15:10:00+01:00"}
    outcome = api.client.post("/v1/ratings", json={"items": [rating]},
                              headers=headers).json()["results"][0]
    assert outcome["status"] == "rejected" and outcome["message"].startswith("score:")
    # JSON has one kind of number: 2.0 is the integer 2 to the contract, so to the server.
    whole = api.client.post("/v1/heartbeat", headers=headers, json={
        "version": "0.1.0", "terminal_time": "2026-11-24T15:10:00+01:00",
        "queue": {"order": 2.0}})
    assert whole.status_code == 200, whole.text
    half = api.client.post("/v1/heartbeat", headers=headers, json={
        "version": "0.1.0", "terminal_time": "2026-11-24T15:10:00+01:00",
        "queue": {"order": 2.5}})
    assert half.status_code == 422


def test_text_with_a_nul_character_gets_422_naming_the_field_not_a_500(api):
    # PostgreSQL cannot store U+0000 in text: the server refuses it before the database.
    headers = api.terminal()
    body = order()
    body["lines"][0]["name"] = "Hoodie\x00"
    answer, _ = post_order(api, headers, body)
    assert answer.status_code == 422
    assert answer.json()["fields"] == [{"path": "lines.0.name",
                                        "message": "must not contain the NUL character"}]
    for path, params in (("/v1/stock", {"sku": "MH01\x00"}), ("/v1/orders/R-1%00", None)):
        answer = api.client.get(path, params=params, headers=headers)
        assert answer.status_code == 422, (path, answer.text)
        assert answer.json()["fields"][0]["message"] == "must not contain the NUL character"
    event = {"id": str(uuid.uuid4()), "store_id": "paris-rivoli", "type": "search",
             "occurred_terminal_at": "2026-11-24T15:09:58+01:00", "data": {"q": "a\x00"}}
    stored = api.client.post("/v1/events", json={"items": [event]}, headers=headers)
    assert stored.json()["results"][0]["status"] == "created"    # JSON keeps it escaped


# --- orders: exactly once ---------------------------------------------------------------------

def test_a_replayed_order_gets_the_same_answer_and_is_stored_once(api):
    headers = api.terminal()
    body = order()
    first, key = post_order(api, headers, body)
    again, _ = post_order(api, headers, body, key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert first.json()["order_id"] == key and not first.json()["price_mismatch"]
    with api.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(models.Order).where(
            models.Order.idempotency_key == key)) == 1


def test_a_key_reused_with_another_body_gets_422_and_a_missing_key_400(api):
    headers = api.terminal()
    _, key = post_order(api, headers, order())
    other, _ = post_order(api, headers, order(), key)
    assert other.status_code == 422 and other.json()["error"] == "idempotency_key_reused"
    missing = api.client.post("/v1/orders", json=order(), headers=headers)
    assert missing.status_code == 400 and missing.json()["error"] == "idempotency_key_missing"
    bad = api.client.post("/v1/orders", json=order(),
                          headers=headers | {"Idempotency-Key": "not-a-uuid"})
    assert bad.status_code == 400 and bad.json()["error"] == "idempotency_key_invalid"


def test_a_reference_already_taken_by_another_order_is_refused(api):
    headers = api.terminal()
    post_order(api, headers, order("R-TAKEN-" + uuid.uuid4().hex[:6].upper()))
    taken = order(reference=None)
    first, _ = post_order(api, headers, taken)
    second, _ = post_order(api, headers, taken)        # same reference, new key
    assert first.status_code == 201
    assert second.status_code == 422 and second.json()["error"] == "reference_in_use"


def test_a_request_racing_another_with_the_same_key_gets_409(api, monkeypatch):
    headers = api.terminal()
    inside, release = threading.Event(), threading.Event()
    real_store = orders_module._store

    def slow_store(*args):
        inside.set()
        release.wait(10)
        return real_store(*args)

    monkeypatch.setattr(orders_module, "_store", slow_store)
    body, key = order(), str(uuid.uuid4())
    answers = {}
    first = threading.Thread(target=lambda: answers.setdefault(
        "first", post_order(api, headers, body, key)[0]))
    first.start()
    assert inside.wait(10)
    racing, _ = post_order(api, headers, body, key)
    release.set()
    first.join(10)
    assert racing.status_code == 409 and racing.json()["error"] == "request_in_progress"
    assert racing.headers["Retry-After"].isdigit()     # told when to come back
    assert answers["first"].status_code == 201


def test_a_quoted_price_within_the_tolerance_is_kept_and_the_mismatch_flagged(api):
    # Refusals (an unknown SKU, a price gone up too far) are in test_order_checks.py.
    headers = api.terminal()
    lines = [{"sku": SKU, "name": "Hoodie", "quantity": 2, "unit_price_cents": 5000},
             {"sku": SKU.lower(), "name": "Hoodie", "quantity": 1, "unit_price_cents": 5500}]
    answer, _ = post_order(api, headers, order(lines=lines, total_cents=15500 + 490))
    assert answer.status_code == 201, answer.text
    result = answer.json()
    assert result["price_mismatch"] is True
    first = result["lines"][0]
    assert (first["sku"], first["quantity"], first["unit_price_cents"]) == (SKU, 2, 5000)
    assert first["server_unit_price_cents"] == PRICE and first["known_sku"] is True
    assert result["lines"][1]["server_unit_price_cents"] == PRICE


def test_an_order_finds_its_lines_variants_through_an_index_in_any_case(api):
    # Lines are priced by lower(sku): without an index on it, every new order read the
    # whole variants table (35 ms a request with 217,000 variants).
    query = "SELECT sku FROM variants WHERE lower(sku) IN ('mh01-xs-black', 'mj01-xs-red')"
    with api.db.reading() as session:
        if api.db.is_sqlite:
            plan = session.execute(text(f"EXPLAIN QUERY PLAN {query}")).all()
        else:
            # The demo's table is small enough to read whole: ask whether it need be.
            session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = session.execute(text(f"EXPLAIN {query}")).all()
    assert "variants_by_lower_sku" in str(plan)


def test_an_order_status_is_seen_by_its_store_only_without_personal_data(api):
    headers = api.terminal()
    body = order()
    post_order(api, headers, body)
    status = api.client.get(f"/v1/orders/{body['reference']}", headers=headers)
    assert status.status_code == 200 and status.json()["status"] == "received"
    assert "Jeanne" not in status.text and "jeanne@" not in status.text
    other_store = api.terminal("lyon-republique")
    assert api.client.get(f"/v1/orders/{body['reference']}",
                          headers=other_store).status_code == 404


# --- ratings, events, heartbeat ---------------------------------------------------------------

def test_each_batch_item_has_its_own_outcome(api):
    headers = api.terminal()
    good = {"id": str(uuid.uuid4()), "store_id": "paris-rivoli", "score": 4,
            "reasons": ["staff"], "rated_terminal_at": "2026-11-24T15:10:00+01:00"}
    bad = good | {"id": str(uuid.uuid4()), "score": 9}
    first = api.client.post("/v1/ratings", json={"items": [good, bad]}, headers=headers)
    assert [r["status"] for r in first.json()["results"]] == ["created", "rejected"]
    assert "score" in first.json()["results"][1]["message"]
    changed = good | {"score": 1}
    again = api.client.post("/v1/ratings", json={"items": [good, changed]}, headers=headers)
    outcomes = again.json()["results"]
    assert outcomes[0]["status"] == "duplicate"
    assert outcomes[1] == {"id": good["id"], "status": "rejected",
                           "error": "idempotency_key_reused",
                           "message": "this id was used before with different content"}


def test_an_event_batch_with_a_broken_envelope_is_refused_whole(api):
    headers = api.terminal()
    event = {"id": str(uuid.uuid4()), "store_id": "paris-rivoli", "type": "search",
             "occurred_terminal_at": "2026-11-24T15:09:58+01:00", "data": {"results": 0}}
    assert api.client.post("/v1/events", json={"items": [event]},
                           headers=headers).json()["results"][0]["status"] == "created"
    no_id = {k: v for k, v in event.items() if k != "id"}
    answer = api.client.post("/v1/events", json={"items": [event, no_id]}, headers=headers)
    assert answer.status_code == 422 and answer.json()["fields"][0]["path"] == "items.1.id"
    too_many = {"items": [event | {"id": str(uuid.uuid4())} for _ in range(501)]}
    assert api.client.post("/v1/events", json=too_many, headers=headers).status_code == 422


def test_a_terminal_clock_three_days_ahead_is_measured_not_believed(api):
    headers = api.terminal()
    ahead = (datetime.now(timezone.utc) + timedelta(days=3)).isoformat()
    answer = api.client.post("/v1/heartbeat", headers=headers, json={
        "version": "0.1.0", "terminal_time": ahead,
        "queue": {"order": 0, "rating": 2, "event": 14, "dead": 0}})
    assert answer.status_code == 200
    assert abs(answer.json()["clock_drift_seconds"] - 3 * 86400) < 60
    server_time = datetime.fromisoformat(answer.json()["server_time"].replace("Z", "+00:00"))
    assert abs((server_time - datetime.now(timezone.utc)).total_seconds()) < 60


# --- the change feed ---------------------------------------------------------------------------

def read_all(api, headers, cursor=None, limit=500):
    pages = []
    while True:
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        page = api.client.get("/v1/changes", params=params, headers=headers).json()
        pages.append(page)
        cursor = page["cursor"]
        if not page["has_more"]:
            return pages, cursor


def test_the_feed_comes_gzipped_to_a_terminal_that_takes_it(api):
    headers = api.terminal()
    params = {"limit": 2000}

    def page(accept_encoding: str):
        return api.client.get("/v1/changes", params=params,
                              headers={**headers, "Accept-Encoding": accept_encoding})

    plain, packed, refused = page("identity"), page("br, gzip"), page("gzip;q=0")
    assert "content-encoding" not in plain.headers
    assert "content-encoding" not in refused.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.headers["vary"] == "Accept-Encoding"
    assert packed.json() == plain.json()            # httpx inflates it, as requests does
    assert int(packed.headers["content-length"]) * 4 < len(plain.content)


def test_pages_hold_no_more_records_than_fit_in_the_bytes_asked(api):
    headers = api.terminal()
    whole, _ = read_all(api, headers, limit=10_000)
    small, cursor = [], None
    while True:
        params = {"limit": 10_000, "max_bytes": 4096} | ({"cursor": cursor} if cursor else {})
        answer = api.client.get("/v1/changes", params=params, headers=headers)
        page = answer.json()
        records = sum(len(page[name]) for name in ("categories", "products", "stores",
                                                   "stock", "deletions"))
        # One record, however big, always comes: the feed moves on.
        assert len(answer.content) <= 4096 + 200 or records == 1
        small.append(page)
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert len(small) > 50 * len(whole)
    for name in ("products", "stock", "stores", "categories"):
        assert [r for p in small for r in p[name]] == [r for p in whole for r in p[name]]
    too_small = api.client.get("/v1/changes", params={"max_bytes": 100}, headers=headers)
    assert too_small.status_code == 422


def test_pages_from_no_cursor_make_a_complete_catalog(api):
    headers = api.terminal()
    pages, _ = read_all(api, headers, limit=700)
    products = {p["sku"] for page in pages for p in page["products"]}
    with api.db.reading() as session:
        assert products == set(session.scalars(select(models.Product.sku)))
        stock = session.scalar(select(func.count()).select_from(models.Stock))
    assert sum(len(page["stock"]) for page in pages) == stock
    assert len({s["id"] for page in pages for s in page["stores"]}) == 8


def test_changes_after_a_cursor_include_same_second_writes_and_deletions(api):
    headers = api.terminal()
    _, cursor = read_all(api, headers)
    with api.db.writing(catalog=True) as session:
        writer = CatalogWriter(session)     # several writes within the same second
        writer.categories([Category("Men/Test", "Test")])
        writer.products([Product("ZZ-NEW", "New thing", 1000, (Variant("ZZ-NEW-1", 1000),),
                                 categories=("Men/Test",))])
        writer.stock([StockLevel("ZZ-NEW-1", "paris-rivoli", 3, "2026-11-24T10:00:00Z")])
    with api.db.writing(catalog=True) as session:
        CatalogWriter(session).delete("stock", ["ZZ-NEW-1@paris-rivoli"])
    pages, cursor = read_all(api, headers, cursor)
    assert [p["sku"] for page in pages for p in page["products"]] == ["ZZ-NEW"]
    assert [c["path"] for page in pages for c in page["categories"]] == ["Men/Test"]
    assert [d for page in pages for d in page["deletions"]] == [
        {"kind": "stock", "key": "ZZ-NEW-1@paris-rivoli"}]
    assert [s for page in pages for s in page["stock"]] == []   # deleted since
    with api.db.writing(catalog=True) as session:
        CatalogWriter(session).delete("product", ["ZZ-NEW"])
        CatalogWriter(session).delete("category", ["Men/Test"])
    pages, _ = read_all(api, headers, cursor)
    assert {d["key"] for page in pages for d in page["deletions"]} == {"ZZ-NEW", "Men/Test"}


def test_records_logged_before_their_json_was_kept_are_served_the_same(api):
    """The log holds each record's JSON, written with the change; rows from before that
    have none and the feed builds theirs from the tables. Both ways give the same pages,
    deletions included."""
    headers = api.terminal()
    with api.db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        writer.products([Product("ZZ-JSON", "Pull « été »", 900, (Variant("ZZ-JSON-1", 900),),
                                 attributes={"material": "Laine"})])
        writer.stock([StockLevel("ZZ-JSON-1", "paris-rivoli", 2, "2026-11-24T10:00:00Z",
                                 "2026-12-01")])
        writer.delete("stock", ["ZZ-JSON-1@lyon-part-dieu"])

    def raw_pages():
        pages, cursor = [], None
        while True:
            params = {"limit": 300} | ({"cursor": cursor} if cursor else {})
            answer = api.client.get("/v1/changes", params=params, headers=headers)
            pages.append(answer.content)
            cursor, more = answer.json()["cursor"], answer.json()["has_more"]
            if not more:
                return pages

    kept = raw_pages()
    log = models.ChangeLog.__table__
    with api.db.writing(catalog=True) as session:
        records = [{"k": kind, "y": key, "r": record} for kind, key, record in session.execute(
            select(log.c.kind, log.c.key, log.c.record))]
        assert all(r["r"] is not None for r in records)
        session.execute(log.update().values(record=None))
    try:
        assert raw_pages() == kept
    finally:
        with api.db.writing(catalog=True) as session:
            session.execute(log.update().where(log.c.kind == bindparam("k"),
                                               log.c.key == bindparam("y"))
                            .values(record=bindparam("r")), records)


def test_a_cursor_older_than_pruned_deletions_is_told_to_reset_and_garbage_gets_400(api):
    headers = api.terminal()
    _, old_cursor = read_all(api, headers)
    with api.db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        writer.products([Product("ZZ-OLD", "Old", 100, (Variant("ZZ-OLD-1", 100),))])
        writer.stock([StockLevel("ZZ-OLD-1", "paris-rivoli", 1, "2026-11-24T10:00:00Z")])
        writer.delete("stock", ["ZZ-OLD-1@paris-rivoli"])
        session.execute(models.ChangeLog.__table__.update().where(
            models.ChangeLog.deleted.is_(True)).values(
            changed_at=datetime.now(timezone.utc) - timedelta(days=90)))
    assert prune_deletions(api.db, 30) >= 1
    page = api.client.get("/v1/changes", params={"cursor": old_cursor}, headers=headers).json()
    assert page == {"reset": True, "cursor": None, "has_more": False, "categories": [],
                    "products": [], "stores": [], "stock": [], "deletions": []}
    assert decode_cursor(old_cursor).seq >= 0
    garbage = api.client.get("/v1/changes", params={"cursor": "%%%"}, headers=headers)
    assert garbage.status_code == 400 and garbage.json()["error"] == "bad_cursor"


def test_a_copy_started_after_a_prune_reads_to_the_end_and_one_started_before_resets(api):
    """Only a reader that may have held a record whose deletion was pruned is sent back to
    the start: a terminal's first sync after a prune must not be reset at its second page
    for ever."""
    headers = api.terminal()
    first_page = api.client.get("/v1/changes", params={"limit": 100}, headers=headers).json()
    with api.db.writing(catalog=True) as session:
        CatalogWriter(session).products([Product("ZZ-GONE", "Gone", 100,
                                                 (Variant("ZZ-GONE-1", 100),))])
    with api.db.writing(catalog=True) as session:
        CatalogWriter(session).delete("product", ["ZZ-GONE"])
        session.execute(models.ChangeLog.__table__.update().where(
            models.ChangeLog.deleted.is_(True)).values(
            changed_at=datetime.now(timezone.utc) - timedelta(days=90)))
    _, caught_up = read_all(api, headers, limit=10_000)     # past the newest deletion
    assert prune_deletions(api.db, 30) >= 1
    pages, _ = read_all(api, headers, limit=100)
    assert not any(page["reset"] for page in pages) and len(pages) > 2
    during = api.client.get("/v1/changes", params={"cursor": first_page["cursor"]},
                            headers=headers).json()
    assert during["reset"] is True
    # What is written after the prune is numbered past it: a terminal whose cursor had
    # reached the pruned deletions still sees the new record.
    with api.db.writing(catalog=True) as session:
        CatalogWriter(session).products([Product("ZZ-AFTER", "After", 100,
                                                 (Variant("ZZ-AFTER-1", 100),))])
    after = api.client.get("/v1/changes", params={"cursor": caught_up}, headers=headers)
    assert [p["sku"] for p in after.json()["products"]] == ["ZZ-AFTER"]


def test_live_stock_of_a_variant_in_every_store(api):
    headers = api.terminal()
    answer = api.client.get("/v1/stock", params={"sku": SKU}, headers=headers).json()
    assert answer["sku"] == SKU and len(answer["stores"]) == 8
    assert api.client.get("/v1/stock", params={"sku": "NOPE"}, headers=headers).status_code \
        == 404


def test_images_are_served_with_an_etag_and_never_outside_their_directory(api):
    headers = api.terminal()
    answer = api.client.get("/v1/images/m/h/mh01-black_main.jpg", headers=headers)
    assert answer.status_code == 200 and answer.content[:2] == b"\xff\xd8"
    again = api.client.get("/v1/images/m/h/mh01-black_main.jpg",
                           headers=headers | {"If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304
    for sneaky in ("../products.csv", "m/../../LICENSE.txt", "nope.jpg"):
        assert api.client.get(f"/v1/images/{sneaky}", headers=headers).status_code == 404


@pytest.mark.parametrize("path", ["/openapi.json"])
def test_the_contract_is_served(api, path):
    schema = api.client.get(path).json()
    for operation in ("/v1/changes", "/v1/stock", "/v1/orders", "/v1/orders/{reference}",
                      "/v1/ratings", "/v1/events", "/v1/heartbeat"):
        assert operation in schema["paths"]
    assert "OrderIn" in schema["components"]["schemas"]
