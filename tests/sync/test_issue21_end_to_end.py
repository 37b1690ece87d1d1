"""Issue 21 end to end: the kiosk's own calls, a real central server in its own process set
up to send mail, and a real SMTP server on loopback. A shopper in Paris reserves Lyon's
last unit while another shopper tries at the same moment; Lyon's terminal lists the hold
as its admin mode reads it; a confirmed alert brings exactly one e-mail once stock is
imported; with the mail server stopped, every queued message arrives once when it is back.
The outage waits for the server's own first retry (one minute), as a chain would."""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from contextlib import closing
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pytest
import requests
from support.central_server import CentralServer
from support.smtp import LoopbackSmtp, mail_settings, text_and_html

from kiosk.core import alerts, reservations
from kiosk.core.sync.client import CentralClient

LYON = "lyon-republique"
LAST_UNIT, ALERTED, PLENTY = "MJ01-XS-Red", "MJ01-M-Orange", "MJ01-L-Yellow"
PUBLIC = "https://commandes.luma.example"
CONSENT_AT = datetime(2026, 11, 24, 15, 2, 40, tzinfo=timezone.utc)
WAIT_S = 30.0
# The server's first retry comes a minute after a failed attempt (`central.mail.queue`).
RETRY_WAIT_S = 150.0


@pytest.fixture(scope="module")
def central(tmp_path_factory, seeded_central_db, luma_dir, module_smtp):
    workdir = tmp_path_factory.mktemp("central-issue21")
    database = workdir / "central.db"
    database.write_bytes(seeded_central_db.read_bytes())
    server = CentralServer(workdir, f"sqlite:///{database}", luma_dir / "images",
                           mail_settings(module_smtp, PUBLIC))
    server.cli("init-db")        # the seeded copy may predate the newest tables
    server.database = database
    server.start()
    yield server
    server.stop()


def terminal(central, name: str, store: str) -> CentralClient:
    return CentralClient(central.url, central.add_terminal(name, store).read_text().strip())


def import_stock(central, tmp_path, *rows: tuple[str, int]) -> str:
    stock = tmp_path / f"stock-{time.monotonic_ns()}.csv"
    stock.write_text("store,sku,quantity,restock_date\n"
                     + "".join(f"{LYON},{sku},{quantity},\n" for sku, quantity in rows))
    return central.cli("import-stock", str(stock))


def reservation(sku: str, name: str, email: str) -> dict:
    return reservations.reservation_body(LYON, sku, {"name": name, "phone": "",
                                                     "email": email}, "fr", "2026-01",
                                         CONSENT_AT)


def to(smtp: LoopbackSmtp, address: str) -> list:
    with smtp.lock:
        return [message for _, recipients, message in smtp.received if address in recipients]


def wait_for_mail(smtp: LoopbackSmtp, address: str, count: int, timeout_s: float) -> list:
    deadline = time.monotonic() + timeout_s
    while len(to(smtp, address)) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    return to(smtp, address)


def mail_rows(central, *addresses: str) -> list[tuple[str, str, int]]:
    """(recipient, state, attempts) of the server's queued messages to `addresses`."""
    marks = ",".join("?" * len(addresses))
    with closing(sqlite3.connect(central.database)) as db:
        return sorted(db.execute(f"SELECT recipient, state, attempts FROM mail_messages "
                                 f"WHERE recipient IN ({marks})", addresses).fetchall())


def wait_for_rows(central, addresses: list[str], state: str, attempts: int,
                  timeout_s: float) -> list[tuple[str, str, int]]:
    """The messages to `addresses` as (recipient, state, attempts), once each is in
    `state` after `attempts` attempts, or when the time is up."""
    wanted = [(address, state, attempts) for address in sorted(addresses)]
    deadline = time.monotonic() + timeout_s
    while mail_rows(central, *addresses) != wanted and time.monotonic() < deadline:
        time.sleep(0.2)
    return mail_rows(central, *addresses)


def test_a_reservation_race_an_alert_and_a_mail_server_outage(central, module_smtp, tmp_path):
    import_stock(central, tmp_path, (LAST_UNIT, 1), (ALERTED, 0), (PLENTY, 5))
    paris = terminal(central, "e2e-paris", "paris-rivoli")
    bordeaux = terminal(central, "e2e-bordeaux", "bordeaux-sainte-catherine")
    lyon = terminal(central, "e2e-lyon", LYON)

    # Two shoppers ask for Lyon's last unit at the same moment: one holds it.
    start = threading.Barrier(2)
    outcomes: dict[str, reservations.Reservation] = {}

    def reserve(client: CentralClient, name: str, email: str) -> None:
        body, key = reservation(LAST_UNIT, name, email), reservations.new_key()
        start.wait()
        outcomes[email] = reservations.reserve(client, key, body, WAIT_S)

    racers = [threading.Thread(target=reserve, args=(paris, "Jeanne Dupont",
                                                     "jeanne@example.fr")),
              threading.Thread(target=reserve, args=(bordeaux, "Ali Ben", "ali@example.fr"))]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    assert sorted(o.outcome.value for o in outcomes.values()) == sorted(
        [reservations.Outcome.HELD.value, reservations.Outcome.NOT_AVAILABLE.value])
    [(winner, held)] = [(email, o) for email, o in outcomes.items()
                        if o.outcome is reservations.Outcome.HELD]
    # Lyon's terminal lists it, as its admin mode's Reservations page reads it.
    listed = lyon.store_reservations(WAIT_S)
    assert [(r["reference"], r["state"]) for r in listed.body["reservations"]] == [
        (held.reference, "held")]
    [confirmation] = wait_for_mail(module_smtp, winner, 1, WAIT_S)
    assert held.reference in str(confirmation["Subject"])

    # An alert asked on the kiosk, confirmed through its e-mail's link.
    shopper = "alerte-e2e@example.fr"
    asked, reason = alerts.ask_alert(paris, alerts.new_key(), alerts.alert_body(
        ALERTED, LYON, shopper, "fr", "2026-01", CONSENT_AT), WAIT_S)
    assert asked is alerts.Outcome.ASKED, reason
    [confirm_mail] = wait_for_mail(module_smtp, shopper, 1, WAIT_S)
    text, _ = text_and_html(confirm_mail)
    [link] = re.findall(rf"{re.escape(PUBLIC)}/alerts/confirm/\S+", text)
    parts = urlsplit(link)
    assert requests.post(f"{central.url}{parts.path}?{parts.query}",
                         timeout=WAIT_S).status_code == 200
    # Queued by the import, or by the server's sender if it looks first: either way once.
    import_stock(central, tmp_path, (ALERTED, 2))
    assert len(wait_for_mail(module_smtp, shopper, 2, WAIT_S)) == 2
    # Imported again, still in stock: no second notice.
    assert "0 back-in-stock e-mails queued" in import_stock(central, tmp_path, (ALERTED, 3))

    # The mail server stops; three reservations queue their e-mails meanwhile.
    module_smtp.stop()
    waiting = [f"panne-{n}@example.fr" for n in range(3)]
    for address in waiting:
        outcome = reservations.reserve(paris, reservations.new_key(),
                                       reservation(PLENTY, "Client Panne", address), WAIT_S)
        assert outcome.outcome is reservations.Outcome.HELD
    # Each tried once and put back in the queue for later.
    assert wait_for_rows(central, waiting, "queued", 1, WAIT_S) == [
        (address, "queued", 1) for address in waiting]
    module_smtp.start()
    for address in waiting:
        assert len(wait_for_mail(module_smtp, address, 1, RETRY_WAIT_S)) == 1
    assert wait_for_rows(central, waiting, "sent", 2, WAIT_S) == [
        (address, "sent", 2) for address in waiting]
    assert [len(to(module_smtp, address)) for address in waiting] == [1, 1, 1]
    assert len(to(module_smtp, shopper)) == 2 and len(to(module_smtp, winner)) == 1
    for client in (paris, bordeaux, lyon):
        client.close()
