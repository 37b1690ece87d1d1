"""Reserving in a store from the kiosk's side, through a real central server: a shopper
in Paris reserves Lyon's last unit, a second shopper is told none is left, Lyon's
terminal sees the hold, the figure every terminal reads drops, and a kiosk without its
server is told so (issue 21, section 2)."""

from __future__ import annotations

from datetime import datetime, timezone

import requests
from support.central_server import free_port

from kiosk.core.reservations import Outcome, new_key, reservation_body, reserve
from kiosk.core.sync.client import CentralClient

LYON = "lyon-republique"
SKU = "MJ01-XS-Red"
CONSENT_AT = datetime(2026, 11, 24, 15, 2, 40, tzinfo=timezone.utc)


def client_of(central, name: str, store: str) -> CentralClient:
    token = central.add_terminal(name, store).read_text().strip()
    return CentralClient(central.url, token)


def body(name: str, **contact: str) -> dict:
    return reservation_body(LYON, SKU, {"name": name, "phone": "", "email": "", **contact},
                            "fr", "2026-01", CONSENT_AT)


def test_a_shopper_in_paris_reserves_the_last_unit_in_lyon(central, tmp_path):
    stock_file = tmp_path / "stock.csv"
    stock_file.write_text(f"store,sku,quantity,restock_date\n{LYON},{SKU},1,\n")
    central.cli("import-stock", str(stock_file))
    paris = client_of(central, "resa-paris", "paris-rivoli")
    lyon = client_of(central, "resa-lyon", LYON)
    key = new_key()
    first = reserve(paris, key, body("Jeanne Dupont", phone="+33612345678"), 10)
    assert first.outcome is Outcome.HELD, first.reason
    assert first.reference.startswith("RES-") and first.store_name == "Luma Lyon République"
    # A retry of the same reservation (its answer lost) is the same reservation.
    again = reserve(paris, key, body("Jeanne Dupont", phone="+33612345678"), 10)
    assert (again.outcome, again.reference) == (Outcome.HELD, first.reference)
    second = reserve(paris, new_key(), body("Ali Ben", email="ali@example.fr"), 10)
    assert second.outcome is Outcome.NOT_AVAILABLE
    assert "none is left to reserve" in second.reason
    figures = {s["store_id"]: s["quantity"] for s in paris.stock(SKU, 10).body["stores"]}
    assert figures[LYON] == 0
    held = requests.get(f"{central.url}/v1/store/reservations", timeout=10, headers={
        "Authorization": f"Bearer {(central.workdir / 'resa-lyon.token').read_text().strip()}"})
    assert [(r["reference"], r["state"], r["customer"]["name"])
            for r in held.json()["reservations"]] == [(first.reference, "held",
                                                       "Jeanne Dupont")]
    paris.close()
    lyon.close()


def test_without_its_server_the_kiosk_is_told_the_reservation_cannot_be_made():
    nobody = CentralClient(f"http://127.0.0.1:{free_port()}", "token")
    outcome = reserve(nobody, new_key(), body("Jeanne", phone="+33612345678"), 2)
    assert outcome.outcome is Outcome.OFFLINE and outcome.reference == ""
