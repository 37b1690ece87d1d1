"""What reading the catalog in the shopper's language costs: product cards (a page of 24)
and the product page, in the default language and in French, on a synthetic cache that
foundation.py built with every product translated (the worst case: each row's
translations hold a whole French description beside the name).

Prints figures; asserts nothing. The cache is opened read-only.

    .venv/bin/python benchmarks/catalog_languages.py
    .venv/bin/python benchmarks/catalog_languages.py --cache benchmarks/out/synthetic-1000000-fr

Beside the names read as the kiosk reads them (json_extract in SQL), it times the other
way considered: reading the translations column and decoding it in Python.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.core.catalog_text import text_sql  # noqa: E402
from kiosk.core.product_page import load_product  # noqa: E402
from kiosk.core.products import cards_by_id  # noqa: E402

PAGE = 24
ROUNDS = 2000
TODAY = date(2026, 11, 24)
STORE = "paris-rivoli"


def names_in_sql(conn: sqlite3.Connection, ids: list[int], language: str) -> dict:
    """The cards' names as the kiosk reads them: json_extract on each row, in SQL."""
    marks = ",".join("?" * len(ids))
    return dict(conn.execute(f"SELECT p.id, {text_sql('p', 'name', language)} FROM products p "
                             f"WHERE p.id IN ({marks})", ids).fetchall())


def names_in_python(conn: sqlite3.Connection, ids: list[int], language: str) -> dict:
    """The way not taken: each row's whole translations column to Python, decoded there."""
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, name, translations FROM products WHERE id IN ({marks})",
                        ids).fetchall()
    return {row[0]: json.loads(row[2]).get(language, {}).get("name") or row[1]
            for row in rows}


def timed(call, rounds) -> list[float]:
    spent = []
    for argument in rounds:
        start = time.perf_counter()
        call(argument)
        spent.append((time.perf_counter() - start) * 1000)
    return spent


def line(label: str, spent: list[float]) -> str:
    spent = sorted(spent)
    p95 = spent[int(len(spent) * 0.95)]
    return (f"  {label:<44} p50 {statistics.median(spent):6.3f} ms   "
            f"p95 {p95:6.3f} ms   ({len(spent)} reads)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path,
                        default=ROOT / "benchmarks" / "out" / "synthetic-1000000-fr")
    args = parser.parse_args()
    path = args.cache / "cache.db"
    if not path.exists():
        print(f"no cache at {path}: build it with "
              "benchmarks/foundation.py --sizes 1000000 --french")
        return 1
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    count = conn.execute("SELECT max(id) FROM products").fetchone()[0]
    translated = conn.execute("SELECT count(*) FROM products WHERE translations != '{}'"
                              ).fetchone()[0]
    print(f"{path}: {count:,} products, {translated:,} translated")
    rng = random.Random(20)
    pages = [rng.sample(range(1, count + 1), PAGE) for _ in range(ROUNDS)]
    products = [rng.randrange(1, count + 1) for _ in range(ROUNDS // 4)]
    def cards(language):
        return timed(lambda ids: cards_by_id(conn, ids, STORE, TODAY, language), pages)

    def product_pages(language):
        return timed(lambda pid: load_product(conn, pid, STORE, TODAY, language), products)

    for language in (None, "fr", None, "fr"):    # twice each: the first pass warms the cache
        cards(language)
        product_pages(language)
    print("cards, a page of 24 (SQL json_extract, as the kiosk reads them)")
    for language in (None, "fr"):
        print(line(f"language {language or 'default'}", cards(language)))
    print("the names alone, in French, read two ways")
    print(line("json_extract in SQL (the kiosk's)", timed(
        lambda ids: names_in_sql(conn, ids, "fr"), pages)))
    print(line("translations decoded in Python", timed(
        lambda ids: names_in_python(conn, ids, "fr"), pages)))
    print("product page (the product, its variants and their stock)")
    for language in (None, "fr"):
        print(line(f"language {language or 'default'}", product_pages(language)))
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
