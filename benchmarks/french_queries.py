"""French shopper queries through the kiosk's search: how many find nothing.

Prints figures; asserts nothing. Builds the demo cache from the Luma catalog into a
temporary directory (as the tests do), loads the shipped synonyms, and runs each query of
benchmarks/data/french_queries.txt as the search screen does once the shopper stops
typing: the text as typed, its last word still open as a prefix. Target: <= 5 % of the
queries find nothing.

    .venv/bin/python benchmarks/french_queries.py [--show N] [queries.txt]

--show N also prints the first N product names found for each query.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.core.db.cache import open_cache  # noqa: E402
from kiosk.core.search import search  # noqa: E402
from kiosk.core.synonyms import load_synonyms  # noqa: E402
from kiosk_demo.datasets import luma_dir  # noqa: E402
from kiosk_demo.luma import build_demo_cache  # noqa: E402

TODAY = date(2026, 11, 25)     # any day: it only decides which special prices run

QUERIES = ROOT / "benchmarks/data/french_queries.txt"
SYNONYMS = ROOT / "assets/search/synonyms.toml"
# What the search screen asks for (kiosk/core/search_answer.py: RESULT_LIMIT + 1).
LIMIT = 201
TARGET_PERCENT = 5.0


def read_queries(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="?", type=Path, default=QUERIES)
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="print the first N names found for each query")
    args = parser.parse_args()
    queries = read_queries(args.queries)
    synonyms = load_synonyms(SYNONYMS)
    with tempfile.TemporaryDirectory() as data_dir:
        build_demo_cache(luma_dir(), Path(data_dir))
        conn = open_cache(Path(data_dir)).conn
        try:
            found_nothing = []
            for query in queries:
                result = search(conn, query, limit=LIMIT, synonyms=synonyms, today=TODAY)
                count = len(result.product_ids)
                if not count:
                    found_nothing.append(query)
                if args.show:
                    shown = [conn.execute("SELECT name FROM products WHERE id = ?",
                                          (i,)).fetchone()[0].strip()
                             for i in result.product_ids[:args.show]]
                    more = "+" if count >= LIMIT else ""
                    print(f"{query!r:32} {count:>3}{more:1} {' | '.join(shown)}")
        finally:
            conn.close()
    rate = 100 * len(found_nothing) / len(queries)
    print(f"queries: {len(queries)} from {args.queries}")
    print(f"zero-result rate: {rate:.1f} % ({len(found_nothing)} of {len(queries)}), "
          f"target <= {TARGET_PERCENT:.0f} %")
    for query in found_nothing:
        print(f"  found nothing: {query}")


if __name__ == "__main__":
    main()
