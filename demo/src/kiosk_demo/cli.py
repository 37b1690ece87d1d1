"""`kiosk-demo`: fill a central server or a terminal with demo data (development only)."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import time
from pathlib import Path

from kiosk.cli import load_or_report
from kiosk_demo.datasets import luma_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk-demo", description=__doc__.split(":")[1].strip())
    commands = parser.add_subparsers(required=True, metavar="COMMAND", dest="command")

    seed = commands.add_parser("seed-central",
                               help="the demo chain on a central server: stores, Luma, stock")
    seed.add_argument("--luma", type=Path, help="the Luma dataset directory (default: found)")
    seed.set_defaults(handler=_seed_central, needs_central=True)

    history = commands.add_parser(
        "seed-analytics", help="weeks of made-up ratings and events for the demo stores")
    history.add_argument("--weeks", type=int, default=6, help="how many weeks, up to today")
    history.add_argument("--seed", type=int, default=8, help="another seed, another history")
    history.set_defaults(handler=_seed_analytics, needs_central=True)
    for command in (seed, history):
        command.add_argument("--database-url", default=None,
                             help="the central database (default: $CENTRAL_DATABASE_URL)")

    cache = commands.add_parser(
        "build-cache", help="a terminal's cache from the Luma catalog, without a server")
    cache.add_argument("--config", type=Path, required=True, help="the terminal's config")
    cache.add_argument("--luma", type=Path, help="the Luma dataset directory (default: found)")
    cache.add_argument("--force", action="store_true", help="rebuild even if present")
    cache.set_defaults(handler=_build_cache)

    magento = commands.add_parser("import-magento",
                                  help="import a Magento 2 product CSV into a terminal's cache")
    magento.add_argument("csv", type=Path)
    magento.add_argument("--config", type=Path, required=True, help="the terminal's config")
    magento.set_defaults(handler=_import_magento)

    where = commands.add_parser("luma-dir", help="print where the Luma dataset was found")
    where.set_defaults(handler=lambda args: print(luma_dir()) or 0)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if not getattr(args, "needs_central", False):
        return args.handler(args)
    from sqlalchemy.exc import SQLAlchemyError

    from central.db.engine import Database
    from central.db.schema import is_current
    from central.settings import database_url_from_env
    db = Database(args.database_url or database_url_from_env())
    try:
        if not is_current(db):
            print("the central database is not initialised or not up to date: run "
                  "`central init-db` first", file=sys.stderr)
            return 2
        return args.handler(args, db)
    except SQLAlchemyError as error:
        print(f"kiosk-demo {args.command}: {type(error).__name__}: "
              f"{str(error).splitlines()[0]}", file=sys.stderr)
        return 2
    finally:
        db.dispose()


def _seed_central(args, db) -> int:
    from kiosk_demo.luma import seed_central
    imported = seed_central(db, _found_luma(args.luma))
    print(f"demo chain seeded: {imported.summary()}")
    return 0


def _seed_analytics(args, db) -> int:
    from kiosk_demo.analytics import seed_analytics
    seeded = seed_analytics(db, weeks=args.weeks, seed=args.seed)
    print(f"demo analytics seeded: {seeded.summary()}")
    return 0


def _build_cache(args: argparse.Namespace) -> int:
    config = load_or_report(args.config)
    if config is None:
        return 2
    if not args.force and _has_products(config.data_dir / "cache.db"):
        print(f"Demo data already in {config.data_dir} (use --force to rebuild).")
        return 0
    luma = _found_luma(args.luma)
    if not (luma / "products.csv").exists():
        print(f"Luma dataset not found in {luma} (give its directory with --luma).",
              file=sys.stderr)
        return 2
    from kiosk_demo.luma import build_demo_cache
    if args.force:   # a rebuild starts from nothing; the cache is rebuildable by design
        for suffix in ("", "-wal", "-shm"):
            (config.data_dir / f"cache.db{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    imported, applied = build_demo_cache(luma, config.data_dir)
    _print_problems(imported.problems)
    print(f"{imported.summary()}; {applied.stock} stock figures for {applied.stores} stores "
          f"in {time.perf_counter() - started:.1f} s -> {config.data_dir / 'cache.db'}")
    return 0


def _import_magento(args: argparse.Namespace) -> int:
    config = load_or_report(args.config)
    if config is None:
        return 2
    from central.magento import read_standard_products
    from kiosk.core.changes import apply_changes
    from kiosk.core.db.cache import open_cache
    from kiosk_contract.catalog import ChangeBatch
    try:
        imported = read_standard_products(args.csv)
    except OSError as error:
        print(f"{args.csv}: cannot read: {error.strerror}", file=sys.stderr)
        return 2
    opened = open_cache(config.data_dir)
    try:
        apply_changes(opened.conn, ChangeBatch(categories=list(imported.categories.values()),
                                               products=imported.products))
    finally:
        opened.conn.close()
    _print_problems(imported.problems)
    print(imported.summary())
    return 0


def _found_luma(given: Path | None) -> Path:
    return given or luma_dir()     # looked for only when it is needed


def _print_problems(problems: list) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _has_products(cache_path: Path) -> bool:
    if not cache_path.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT EXISTS (SELECT 1 FROM products)").fetchone()[0] == 1
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


if __name__ == "__main__":
    sys.exit(main())
