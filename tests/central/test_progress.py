"""What an operator sees while a long import runs: rows done, how fast, the time left,
redrawn in place on a terminal and as plain lines now and then in a log."""

from __future__ import annotations

import io

from central.catalog import CatalogWriter
from central.db.engine import Database
from central.db.schema import upgrade
from central.importers import import_stock
from central.progress import LINE_EVERY_S, Progress, describe
from kiosk_contract.catalog import Product, Store, Variant


class Clock:
    """Moves on by `tick` seconds each time it is read."""

    def __init__(self, tick: float = 0.0) -> None:
        self.now, self.tick = 100.0, tick

    def __call__(self) -> float:
        self.now += self.tick
        return self.now


def test_a_line_says_what_is_done_how_fast_and_how_long_is_left():
    assert describe("rows read", 42_000, 0.35, 20.0) == \
        "42,000 rows read (35%), 2,100 a second, about 0:37 left"
    assert describe("products written", 5, 0.0001, 2.0) == \
        "5 products written (0%), 2 a second, about 5:33:18 left"
    assert describe("rows read", 9, 1.0, 3.0) == "9 rows read (100%), 3 a second"


def test_into_a_log_a_plain_line_comes_every_so_often_and_each_phase_starts_afresh():
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, clock=clock, live=False)
    progress.step("rows read", 0, 0.0)
    for step in range(1, 41):        # 100 rows a second, 20 s in all
        clock.now += 0.5
        progress.step("rows read", 50 * step, step / 40)
    clock.now += 1
    progress.step("products written", 0, 0.0)
    clock.now += LINE_EVERY_S
    progress.step("products written", 500, 0.5)
    progress.done()
    assert out.getvalue().splitlines() == [
        "1,000 rows read (50%), 100 a second, about 0:10 left",
        "2,000 rows read (100%), 100 a second",
        "500 products written (50%), 50 a second, about 0:10 left"]


def test_on_a_terminal_one_line_is_redrawn_and_ended_before_the_summary():
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, clock=clock, live=True)
    progress.step("rows read", 1, 0.1)
    for rows in (2, 3):
        clock.now += 1
        progress.step("rows read", rows, rows / 10)
    progress.done()
    assert out.getvalue() == ("\r\x1b[K2 rows read (20%), 2 a second, about 0:04 left"
                              "\r\x1b[K3 rows read (30%), 2 a second, about 0:05 left\n")


def test_the_stock_import_tells_its_rows_as_it_reads_them(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'central.db'}")
    upgrade(db)
    with db.writing(catalog=True) as session:
        writer = CatalogWriter(session)
        writer.stores([Store("paris", "Paris", "1 rue", "75001", "Paris", 48.86, 2.34)])
        writer.products([Product("H", "Hoodie", 5000, (Variant("H-S", 5000),))])
    stock = tmp_path / "stock.csv"
    stock.write_text("store,sku,quantity,restock_date\nparis,H-S,4,\nparis,H-S,5,\n"
                     "paris,NOPE,1,\n", encoding="utf-8")
    out = io.StringIO()
    progress = Progress(out, clock=Clock(tick=1), live=True)
    try:
        result = import_stock(db, stock, progress)
    finally:
        db.dispose()
    progress.done()
    assert result.imported == 2 and len(result.problems) == 1
    # A file this small is read into the buffer whole at once: 100% from the first row.
    assert out.getvalue() == ("\r\x1b[K2 rows read (100%), 2 a second"
                              "\r\x1b[K3 rows read (100%), 2 a second\n")
