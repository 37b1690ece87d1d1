"""Back-in-stock alerts at import time: N confirmed alerts, each on its own variant, out of
stock everywhere; one `import-stock` file brings all N back in one store. Prints how many
e-mails that import queued (target: N, one per alert), how many a second import of the
same file queued (target: 0), and the time the alerts' pass took after each, on a new
SQLite database with the demo chain. Asserts nothing.

    .venv/bin/python benchmarks/alerts.py [--alerts 1000] [--luma /work/shared/datasets/luma]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import func, select

from central.alert_settings import AlertSettings
from central.alerts import CONFIRMED, queue_due, token_hash
from central.db import models
from central.db.engine import Database, utc_now
from central.db.schema import upgrade
from central.importers import import_stock
from central.mail.settings import MailSettings
from central.terminals import add_terminal
from kiosk_demo.luma import seed_central

MAIL = MailSettings(smtp_host="127.0.0.1", from_address="Luma <commandes@luma.example>",
                    public_url="https://commandes.luma.example")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=1000)
    parser.add_argument("--luma", type=Path, default=Path("/work/shared/datasets/luma"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        workdir = Path(work)
        db = Database(f"sqlite:///{workdir / 'central.db'}")
        upgrade(db)
        seed_central(db, args.luma)
        with db.writing() as session:
            add_terminal(session, "paris-rivoli", "bench")
            terminal = session.scalar(select(models.Terminal.id))
            skus = list(session.scalars(select(models.Variant.sku).order_by(models.Variant.sku)
                                        .limit(args.alerts)))
            now = utc_now()
            for sku in skus:
                session.add(models.BackInStockAlert(
                    idempotency_key=str(uuid.uuid4()), request_hash="", terminal_id=terminal,
                    variant_sku=sku, store_id="lyon-republique",
                    email=f"{uuid.uuid4().hex[:10]}@example.fr", language="fr",
                    consent={}, state=CONFIRMED,
                    confirm_token_hash=token_hash(uuid.uuid4().hex),
                    unsubscribe_token_hash=token_hash(uuid.uuid4().hex), created_at=now,
                    confirmed_at=now, confirmation_message_id="", notice_message_id="",
                    response_body="{}"))
        stores = [row[0] for row in db.engine.connect().execute(select(models.Store.id))]
        empty, back = workdir / "empty.csv", workdir / "back.csv"
        empty.write_text("store,sku,quantity,restock_date\n" + "".join(
            f"{store},{sku},0,\n" for sku in skus for store in stores))
        back.write_text("store,sku,quantity,restock_date\n" + "".join(
            f"lyon-republique,{sku},3,\n" for sku in skus))
        import_stock(db, empty)
        print(f"alerts: {len(skus)} confirmed, one variant each, out of stock everywhere")
        for round_number in (1, 2):
            import_stock(db, back)
            started = time.perf_counter()
            report = queue_due(db, MAIL, AlertSettings())
            took = time.perf_counter() - started
            print(f"import {round_number} of {len(skus)} variants back in Lyon: "
                  f"{report.sent} e-mails queued in {took * 1000:.0f} ms")
        with db.reading() as session:
            queued = session.scalar(select(func.count()).select_from(models.MailMessage)
                                    .where(models.MailMessage.kind == "back_in_stock"))
            left = session.scalar(select(func.count()).select_from(models.BackInStockAlert)
                                  .where(models.BackInStockAlert.email != ""))
        print(f"back-in-stock messages in the queue: {queued}; addresses still held: {left}")
        db.dispose()


if __name__ == "__main__":
    main()
