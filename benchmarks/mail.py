"""Customer e-mails: how fast orders' messages are queued, and sent to a real SMTP
server on loopback (aiosmtpd) by one sender and by two at once.

    .venv/bin/python benchmarks/mail.py [--messages 2000]

Each message is rendered (French and English, text and HTML) and queued in a fresh
SQLite database, then sent over one SMTP connection per batch, each claimed with a
lease and marked sent in its own transaction (an fsync each: a sender that dies can
send again at most the message it was sending), as `central serve` does. The SMTP
server runs in a process of its own, as a real one would.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support.smtp import LoopbackSmtp, free_port  # noqa: E402

from central.db import models  # noqa: E402
from central.db.engine import Database, utc_now  # noqa: E402
from central.db.schema import upgrade  # noqa: E402
from central.mail.queue import queue_order_message  # noqa: E402
from central.mail.sender import Sender  # noqa: E402
from central.mail.settings import MailSettings  # noqa: E402
from central.order_lifecycle import RECEIVED  # noqa: E402


def customer(number: int) -> dict:
    return {"first_name": "Jeanne", "last_name": "Dupont-Lefèvre",
            "email": f"client{number}@example.fr", "phone": "+33612345678",
            "address": {"line1": "12 rue des Lilas", "line2": "", "postal_code": "69003",
                        "city": "Lyon", "country": "FR"}, "instructions": ""}


def queue_orders(db: Database, mail: MailSettings, count: int, first: int) -> float:
    started = time.perf_counter()
    with db.writing() as session:
        for number in range(first, first + count):
            now = utc_now()
            order = models.Order(
                idempotency_key=f"bench-{number}", request_hash="h",
                reference=f"B{number:08d}", terminal_id=1, store_id="paris-rivoli",
                status=RECEIVED, received_at=now, placed_terminal_at="2026-11-24T15:03:12+01:00",
                language=("fr", "en")[number % 2], customer=customer(number),
                delivery={"method": "standard", "fee_cents": 490}, consent={},
                total_cents=2 * 5200 + 490, currency="EUR", price_mismatch=False,
                response_status=201, response_body="{}", lines=[models.OrderLine(
                    position=0, sku="MH01-XS-Black", name="Sweat à capuche Chaz", size="XS",
                    color="Noir", quantity=2, unit_price_cents=5200,
                    server_unit_price_cents=5200, known_sku=True, stock_in_chain=10)])
            session.add(order)
            session.flush()
            queue_order_message(session, order, RECEIVED, mail, now)
    return time.perf_counter() - started


def send(db: Database, mail: MailSettings, senders: int) -> tuple[float, int]:
    reports = []
    workers = [threading.Thread(target=lambda: reports.append(Sender(db, mail).send_due()))
               for _ in range(senders)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started, sum(report.sent for report in reports)


def serve_smtp(port: int, ready, done, arrived) -> None:
    """The SMTP server's process: serves until told, then says how many messages came."""
    server = LoopbackSmtp()
    server.port = port
    server.start()
    ready.set()
    done.wait()
    arrived.value = len(server.messages())
    server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=2000)
    args = parser.parse_args()
    processes = multiprocessing.get_context("spawn")
    port, ready, done = free_port(), processes.Event(), processes.Event()
    arrived = processes.Value("i", 0)
    smtp = processes.Process(target=serve_smtp, args=(port, ready, done, arrived))
    smtp.start()
    ready.wait(60)
    with tempfile.TemporaryDirectory() as workdir:
        db = Database(f"sqlite:///{workdir}/central.db")
        upgrade(db)
        with db.writing() as session:
            session.add(models.Terminal(id=1, name="bench", store_id="paris-rivoli",
                                        token_hash="h", created_at=utc_now()))
        mail = MailSettings(smtp_host="127.0.0.1", smtp_port=port, security="none",
                            from_address="Luma <commandes@luma.example>",
                            public_url="https://commandes.luma.example",
                            payment_url_template="https://paiement.luma.example/{reference}")
        print(f"{args.messages} order e-mails, SQLite, aiosmtpd on 127.0.0.1:{port}")
        for senders, first in ((1, 0), (2, args.messages)):
            queued_s = queue_orders(db, mail, args.messages, first)
            sent_s, sent = send(db, mail, senders)
            print(f"  queued (rendered, in the orders' transaction): "
                  f"{args.messages / queued_s:8.0f} messages/s")
            print(f"  sent by {senders} sender(s): {sent} in {sent_s:.2f} s = "
                  f"{sent / sent_s:8.0f} e-mails/s")
        db.dispose()
    done.set()
    smtp.join(60)
    print(f"  arrived at the SMTP server: {arrived.value} for {2 * args.messages} queued")
    return 0 if arrived.value == 2 * args.messages else 1


if __name__ == "__main__":
    sys.exit(main())
