"""Migration 0006 on a database whose change log kept stock figures as objects: the feed
serves them as arrays afterwards, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlalchemy import select

from central.catalog import CatalogWriter
from central.db import models
from central.db.schema import upgrade
from central.feed import read_page
from kiosk_contract.catalog import StockLevel, Store

PARIS = Store("paris-rivoli", "Paris Rivoli", "1 rue de Rivoli", "75001", "Paris", 48.86, 2.34)
FIGURE = StockLevel("MJ01-XS", "paris-rivoli", 3, "2026-11-24T10:00:00Z", "2026-12-01")


def test_stock_kept_as_objects_is_served_as_arrays_and_deletions_are_kept(database_at):
    db = database_at("0005")
    log = models.ChangeLog.__table__
    with db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        writer.stores([PARIS])
        # The figure and what a server before 0006 kept for it in the log, written as
        # such a server did (today's writer reads back columns that came later).
        session.execute(models.Stock.__table__.insert().values(
            variant_sku=FIGURE.variant_sku, store_id=FIGURE.store_id,
            quantity=FIGURE.quantity, taken_at=datetime(2026, 11, 24, 10, tzinfo=timezone.utc),
            restock_date=date(2026, 12, 1)))
        session.execute(log.insert().values(
            kind="stock", key="MJ01-XS@paris-rivoli", seq=1000, deleted=False,
            changed_at=writer.now,
            record=json.dumps({"variant_sku": "MJ01-XS", "store_id": "paris-rivoli",
                               "quantity": 3, "taken_at": "2026-11-24T10:00:00Z",
                               "restock_date": "2026-12-01"})))
        writer.delete("stock", ["MJ01-S@paris-rivoli"])
    upgrade(db)
    with db.reading() as session:
        kept = {key: record for key, record in session.execute(select(log.c.key, log.c.record))}
        page = json.loads(read_page(session, None, 100))
    assert kept["MJ01-XS@paris-rivoli"] is None
    assert json.loads(kept["MJ01-S@paris-rivoli"]) == {"kind": "stock",
                                                       "key": "MJ01-S@paris-rivoli"}
    assert page["stock"] == [["MJ01-XS", "paris-rivoli", 3, "2026-11-24T10:00:00Z",
                              "2026-12-01"]]
    assert page["deletions"] == [{"kind": "stock", "key": "MJ01-S@paris-rivoli"}]
