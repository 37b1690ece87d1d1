"""What the server checks when an order arrives: stock recorded, refusals recorded."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from catalog_helpers import line, own_product, reprice, with_lines
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from test_api import order, post_order

from central.api import orders as orders_api
from central.app import create_app
from central.catalog import CatalogWriter
from central.db import models
from central.settings import Settings, price_tolerance_from_env
from kiosk_contract.catalog import Product, Variant


def refusals_of(api, reference: str) -> list[models.OrderRefusal]:
    with api.db.reading() as session:
        return list(session.scalars(select(models.OrderRefusal).where(
            models.OrderRefusal.reference == reference).order_by(models.OrderRefusal.id)))


def stored_order(api, reference: str) -> models.Order | None:
    with api.db.reading() as session:
        return session.scalar(select(models.Order).where(models.Order.reference == reference)
                              .options(selectinload(models.Order.lines)))


# --- stock --------------------------------------------------------------------------------

def test_the_chains_stock_of_each_line_is_recorded_and_a_shortfall_flagged(api):
    headers = api.terminal()
    plenty = own_product(api, 3000, {"paris-rivoli": 2, "lyon-republique": 5})
    scarce = own_product(api, 1000, {"paris-rivoli": 1, "lille-neuve": -3})
    body = with_lines(order(), line(plenty, 3000, quantity=7), line(scarce, 1000),
                      line(scarce.lower(), 1000))       # two lines, one variant: 2 > 1
    answer, _ = post_order(api, headers, body)
    assert answer.status_code == 201, answer.text
    result = answer.json()
    assert [item["stock_in_chain"] for item in result["lines"]] == [7, 1, 1]
    assert result["stock_shortfall"] is True and result["price_mismatch"] is False
    stored = stored_order(api, body["reference"])
    assert stored.stock_shortfall is True
    assert [item.stock_in_chain for item in stored.lines] == [7, 1, 1]


def test_an_order_the_chain_can_serve_has_no_shortfall(api):
    sku = own_product(api, 3000, {"paris-rivoli": 1, "nantes-crebillon": 1})
    answer, _ = post_order(api, api.terminal(), with_lines(order(), line(sku, 3000, 2)))
    assert answer.status_code == 201
    assert answer.json()["stock_shortfall"] is False
    assert answer.json()["lines"][0]["stock_in_chain"] == 2


def test_a_variant_with_no_stock_anywhere_counts_zero(api):
    sku = own_product(api, 3000)
    answer, _ = post_order(api, api.terminal(), with_lines(order(), line(sku, 3000)))
    assert answer.json()["lines"][0]["stock_in_chain"] == 0
    assert answer.json()["stock_shortfall"] is True


# --- refusals ------------------------------------------------------------------------------

def test_an_unknown_or_withdrawn_sku_is_refused_naming_the_line(api):
    headers = api.terminal()
    kept = own_product(api, 2000)
    body = with_lines(order(), line(kept, 2000), line("GONE-" + uuid.uuid4().hex[:6], 500))
    answer, key = post_order(api, headers, body)
    assert answer.status_code == 422
    error = answer.json()
    assert error["error"] == "item_withdrawn"
    assert error["fields"] == [{"path": "lines.1.sku",
                                "message": f"{body['lines'][1]['sku']} is no longer sold"}]
    assert stored_order(api, body["reference"]) is None
    [refusal] = refusals_of(api, body["reference"])
    assert (refusal.idempotency_key, refusal.store_id, refusal.error) == (
        key, "paris-rivoli", "item_withdrawn")
    assert body["lines"][1]["sku"] in refusal.message


def test_a_price_gone_up_beyond_the_tolerance_is_refused_and_within_it_accepted(api):
    headers = api.terminal()
    sku = own_product(api, 10_000)
    # 5% below 100.00 is 95.00: accepted (and flagged); a cent less is refused.
    within, _ = post_order(api, headers, with_lines(order(), line(sku, 9500)))
    assert within.status_code == 201 and within.json()["price_mismatch"] is True
    beyond_body = with_lines(order(), line(sku, 9499))
    beyond, _ = post_order(api, headers, beyond_body)
    assert beyond.status_code == 422
    assert beyond.json()["error"] == "price_changed"
    assert beyond.json()["fields"][0]["path"] == "lines.0.unit_price_cents"
    assert "10000" in beyond.json()["fields"][0]["message"]
    assert [r.error for r in refusals_of(api, beyond_body["reference"])] == ["price_changed"]
    # Quoting more than the server's price is the shopper's agreed price: kept, flagged.
    above, _ = post_order(api, headers, with_lines(order(), line(sku, 12_000)))
    assert above.status_code == 201 and above.json()["price_mismatch"] is True


def test_a_special_price_runs_on_the_chains_day_by_the_servers_clock(api, monkeypatch):
    """At 23:30 UTC on 31 December it is already 1 January in the stores (Paris): a special
    that ended on the 31st is over there, whatever the server machine's own day."""
    sku = "ZZ-" + uuid.uuid4().hex[:8].upper()
    with api.db.writing(catalog=True) as session:
        CatalogWriter(session).products([Product(
            sku, "Test jacket", 10_000, (Variant(sku + "-M", 10_000, size="M", color="Blue"),),
            special_price_cents=5000, special_from="2026-12-01", special_to="2026-12-31")])
    headers = api.terminal()
    monkeypatch.setattr(orders_api, "utc_now",
                        lambda: datetime(2026, 12, 31, 22, 30, tzinfo=timezone.utc))
    last_day, _ = post_order(api, headers, with_lines(order(), line(sku + "-M", 5000)))
    assert last_day.status_code == 201 and last_day.json()["price_mismatch"] is False
    monkeypatch.setattr(orders_api, "utc_now",
                        lambda: datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc))
    over, _ = post_order(api, headers, with_lines(order(), line(sku + "-M", 5000)))
    assert over.status_code == 422 and over.json()["error"] == "price_changed"


def test_a_withdrawn_item_and_a_changed_price_are_reported_together(api):
    sku = own_product(api, 10_000)
    body = with_lines(order(), line(sku, 100), line("GONE-" + uuid.uuid4().hex[:6], 100))
    answer, _ = post_order(api, api.terminal(), body)
    assert answer.json()["error"] == "item_withdrawn"
    assert {f["path"] for f in answer.json()["fields"]} == {"lines.0.unit_price_cents",
                                                            "lines.1.sku"}


def test_a_refusal_keeps_no_personal_data(api):
    body = with_lines(order(), line("GONE-" + uuid.uuid4().hex[:6], 100))
    post_order(api, api.terminal(), body)
    [refusal] = refusals_of(api, body["reference"])
    recorded = json.dumps({column.name: str(getattr(refusal, column.name))
                           for column in models.OrderRefusal.__table__.columns})
    for personal in ("Jeanne", "Dupont", "jeanne@", "+336", "Lilas", "69003"):
        assert personal not in recorded


def test_a_refused_order_retried_with_the_same_key_after_the_price_is_fixed_is_stored(api):
    headers = api.terminal()
    sku = own_product(api, 8000, {"paris-rivoli": 4})
    body = with_lines(order(), line(sku, 6000))
    refused, key = post_order(api, headers, body)
    assert refused.status_code == 422 and refused.json()["error"] == "price_changed"
    again, _ = post_order(api, headers, body, key)       # nothing fixed yet: refused again
    assert again.status_code == 422
    reprice(api, sku, 6000)
    accepted, _ = post_order(api, headers, body, key)
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["order_id"] == key and accepted.json()["price_mismatch"] is False
    replay, _ = post_order(api, headers, body, key)
    assert replay.status_code == 201 and replay.json() == accepted.json()
    [refusal] = refusals_of(api, body["reference"])      # one per key, however many tries
    assert refusal.idempotency_key == key and refusal.error == "price_changed"
    assert stored_order(api, body["reference"]).idempotency_key == key


def test_the_tolerance_is_a_server_setting(api):
    strict = create_app(Settings(api.db.url, price_tolerance_percent=Decimal(0)), api.db)
    sku = own_product(api, 1000)
    with TestClient(strict) as client:
        headers = api.terminal() | {"Idempotency-Key": str(uuid.uuid4()),
                                    "Content-Type": "application/json"}
        answer = client.post("/v1/orders", headers=headers,
                             content=json.dumps(with_lines(order(), line(sku, 999))))
    assert answer.status_code == 422 and answer.json()["error"] == "price_changed"


@pytest.mark.parametrize("raw, expected", [(None, Decimal(5)), ("", Decimal(5)),
                                           ("0", Decimal(0)), ("2.5", Decimal("2.5")),
                                           (" 100 ", Decimal(100))])
def test_the_tolerance_is_read_from_the_environment(monkeypatch, raw, expected):
    if raw is None:
        monkeypatch.delenv("CENTRAL_PRICE_TOLERANCE_PERCENT", raising=False)
    else:
        monkeypatch.setenv("CENTRAL_PRICE_TOLERANCE_PERCENT", raw)
    assert price_tolerance_from_env() == expected


@pytest.mark.parametrize("raw", ["-1", "101", "five", "nan", "inf"])
def test_a_tolerance_that_makes_no_sense_is_refused_at_start(monkeypatch, raw):
    monkeypatch.setenv("CENTRAL_PRICE_TOLERANCE_PERCENT", raw)
    with pytest.raises(ValueError, match="CENTRAL_PRICE_TOLERANCE_PERCENT"):
        price_tolerance_from_env()
