"""The basket's limits, delivery dates, references, and placing an order in the journal."""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from central.schemas import OrderIn
from kiosk.core import outbox
from kiosk.core.config import REFERENCE_ALPHABET, REFERENCE_PREFIX_PATTERN, load_config
from kiosk.core.db.journal import open_journal
from kiosk.core.orders import (
    ORDER_PLACED,
    REFERENCE_DRAWS,
    Basket,
    BasketChange,
    BasketLine,
    DeliveryOption,
    EmptyOrder,
    OrderLimits,
    OrderRequest,
    add_working_days,
    delivery_options,
    new_reference,
    place_order,
    reference_prefix,
    status_url,
)

LIMITS = OrderLimits(max_quantity_per_line=3, max_lines=2, max_items=5)
CUSTOMER = {"first_name": "Zoé", "last_name": "D'Arc-Lefèvre", "email": "zoe@example.fr",
            "phone": "+33612345678",
            "address": {"line1": "12 rue de l'Église", "line2": "Bâtiment C",
                        "postal_code": "69003", "city": "Lyon", "country": "FR"},
            "instructions": "Digicode 4512B"}
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=timezone.utc)


def line(sku: str = "MJ01-M-Red", quantity: int = 1, price: int = 3900) -> BasketLine:
    return BasketLine(sku=sku, product_id=7, name="Beaumont Summit Kit", size="M", color="Red",
                      unit_price_cents=price, quantity=quantity)


def request_for(lines: tuple[BasketLine, ...]) -> OrderRequest:
    return OrderRequest(store_id="paris-rivoli", language="fr", currency="EUR", lines=lines,
                        customer=CUSTOMER, delivery=DeliveryOption("standard", 490, 3),
                        privacy_notice_version="2026-01", consent_given_at=NOW)


@pytest.fixture
def journal(tmp_path: Path) -> sqlite3.Connection:
    return open_journal(tmp_path).conn


def test_adding_a_variant_twice_grows_its_line() -> None:
    basket = Basket(LIMITS)
    assert basket.add(line()) is BasketChange.ADDED
    assert basket.add(line(quantity=2)) is BasketChange.UPDATED
    assert [(item.sku, item.quantity) for item in basket.lines] == [("MJ01-M-Red", 3)]
    assert basket.subtotal_cents == 3 * 3900


def test_the_basket_keeps_to_the_limits_and_says_which() -> None:
    basket = Basket(LIMITS)
    basket.add(line(quantity=3))
    assert basket.add(line()) is BasketChange.LINE_LIMIT
    assert basket.add(line("MJ01-L-Red", quantity=3)) is BasketChange.ITEMS_LIMIT
    assert basket.add(line("MJ01-L-Red", quantity=2)) is BasketChange.ADDED
    assert basket.add(line("MJ01-XL-Red")) is BasketChange.LINES_LIMIT
    assert basket.item_count == 5
    assert basket.set_quantity("MJ01-L-Red", 3) is BasketChange.ITEMS_LIMIT
    assert basket.quantity_of("MJ01-L-Red") == 2


def test_a_quantity_of_zero_removes_the_line() -> None:
    basket = Basket(LIMITS)
    basket.add(line())
    basket.set_quantity("MJ01-M-Red", 0)
    assert basket.is_empty


def test_delivery_counts_working_days_only() -> None:
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 1) == date(2026, 11, 30)      # the Monday after
    assert add_working_days(friday, 3) == date(2026, 12, 2)
    assert DeliveryOption("express", 990, 1).expected_date(date(2026, 11, 25)) \
        == date(2026, 11, 26)


def test_delivery_options_come_from_the_config(tmp_path: Path) -> None:
    config = _config(tmp_path, "[delivery]\nstandard_fee = 0\nexpress_offered = false\n")
    assert delivery_options(config) == (DeliveryOption("standard", 0, 3),)


def test_references_avoid_look_alike_characters() -> None:
    for character in "0O1IL2Z5S8B":
        assert character not in REFERENCE_ALPHABET
    reference = new_reference("K7D")
    prefix, rest = reference.split("-")
    assert prefix == "K7D" and len(rest) == 6 and set(rest) <= set(REFERENCE_ALPHABET)
    assert re.fullmatch(r"[A-Z0-9-]{4,20}", reference)      # the server's pattern


def test_a_terminal_prefix_is_made_from_its_id_unless_set(tmp_path: Path) -> None:
    derived = reference_prefix(_config(tmp_path, ""))
    assert REFERENCE_PREFIX_PATTERN.fullmatch(derived)
    assert reference_prefix(_config(tmp_path, "")) == derived
    assert reference_prefix(_config(tmp_path, '[orders]\nreference_prefix = "QX"\n')) == "QX"


def test_the_status_page_defaults_to_the_central_server(tmp_path: Path) -> None:
    config = _config(tmp_path, '[central]\nurl = "https://central.example.com/"\n')
    assert status_url(config, "K7D-3MXQ9P") == "https://central.example.com/o/K7D-3MXQ9P"
    custom = _config(tmp_path, '[orders]\nstatus_url_template = "https://m.example.com/{reference}"\n')
    assert status_url(custom, "K7D-3MXQ9P") == "https://m.example.com/K7D-3MXQ9P"
    assert status_url(_config(tmp_path, ""), "K7D-3MXQ9P") == ""


def test_placing_an_order_writes_one_outbox_item_the_server_accepts(journal) -> None:
    placed = place_order(journal, request_for((line(quantity=2), line("MJ01-L-Red"))), "K7D",
                         now=NOW)
    assert placed.total_cents == 3 * 3900 + 490 and placed.item_count == 3
    assert placed.expected_date == date(2026, 11, 30)
    (item,) = outbox.due(journal, "order", NOW, 10, longest_wait=timedelta(days=1))
    assert item.uuid == placed.uuid
    body = json.loads(item.body)
    OrderIn.model_validate(body)                 # exactly what the contract asks for
    assert body["reference"] == placed.reference
    assert body["customer"]["address"]["line1"] == "12 rue de l'Église"
    assert body["consent"]["privacy_notice"] == "2026-01"


def test_placing_an_order_records_an_anonymous_event(journal) -> None:
    place_order(journal, request_for((line(),)), "K7D", now=NOW)
    (event,) = outbox.due(journal, "event", NOW, 10, longest_wait=timedelta(days=1))
    body = json.loads(event.body)
    assert body["type"] == ORDER_PLACED
    assert body["data"] == {"lines": 1, "items": 1, "total_cents": 4390, "delivery": "standard"}
    assert "Zoé" not in event.body.decode()


def test_a_reference_is_never_given_twice_by_one_terminal(journal) -> None:
    # The first two draws spell the same reference; the journal refuses the second.
    draws = itertools.chain("A" * 6, "A" * 6, "C" * 6)
    choose = lambda _alphabet: next(draws)   # noqa: E731
    first = place_order(journal, request_for((line(),)), "K7D", now=NOW, choose=choose)
    second = place_order(journal, request_for((line(),)), "K7D", now=NOW, choose=choose)
    assert (first.reference, second.reference) == ("K7D-AAAAAA", "K7D-CCCCCC")


def test_drawing_a_reference_gives_up_after_a_few_refusals(journal) -> None:
    place_order(journal, request_for((line(),)), "K7D", now=NOW, choose=lambda _a: "A")
    draws = []

    def same_reference_again(_alphabet: str) -> str:
        draws.append(1)
        return "A"

    with pytest.raises(sqlite3.IntegrityError):
        place_order(journal, request_for((line(),)), "K7D", now=NOW,
                    choose=same_reference_again)
    assert len(draws) == REFERENCE_DRAWS * 6      # six characters a draw
    assert journal.execute("SELECT count(*) FROM outbox WHERE kind = 'order'"
                           ).fetchone()[0] == 1


def test_an_empty_order_is_refused(journal) -> None:
    with pytest.raises(EmptyOrder):
        place_order(journal, request_for(()), "K7D", now=NOW)


def test_a_full_disk_refuses_the_order_whole(journal) -> None:
    pages = journal.execute("PRAGMA page_count").fetchone()[0]
    journal.execute(f"PRAGMA max_page_count = {pages}")       # the disk is now full
    long_lines = tuple(BasketLine(f"SKU-{n}", n, "x" * 300, None, None, 100, 1)
                       for n in range(40))                     # more than a page holds
    with pytest.raises(outbox.JournalWriteError):
        place_order(journal, request_for(long_lines), "K7D", now=NOW)
    assert journal.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def _config(tmp_path: Path, extra: str):
    path = tmp_path / "kiosk.toml"
    path.write_text('[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "paris-rivoli-01"\n'
                    '[paths]\ndata_dir = "data"\nlog_dir = "logs"\n' + extra, encoding="utf-8")
    return load_config(path)
