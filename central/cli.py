"""`central`: set up, fill and run the central server, and manage terminals."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from central.settings import Settings, database_url_from_env


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="central", description=__doc__.split(":")[1].strip())
    parser.add_argument("--database-url", default=None,
                        help="SQLAlchemy URL (default: $CENTRAL_DATABASE_URL, "
                             "else sqlite:///./central.db)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("init-db", help="create or upgrade the database").set_defaults(
        handler=_init_db)

    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--images", type=Path, default=None,
                       help="directory of the catalog's images (default: <db dir>/images)")
    serve.set_defaults(handler=_serve)

    seed = commands.add_parser("seed-demo", help="the demo chain: stores, Luma, stock")
    seed.add_argument("--luma", type=Path, required=True)
    seed.set_defaults(handler=_seed_demo)

    magento = commands.add_parser("import-magento", help="import a Magento product CSV")
    magento.add_argument("csv", type=Path)
    magento.add_argument("--images", type=Path, default=None,
                         help="where the CSV's images are; they are copied for serving")
    magento.add_argument("--images-store", type=Path, default=Path("images"),
                         help="the server's image directory (default: ./images)")
    magento.set_defaults(handler=_import_magento)

    stock = commands.add_parser("import-stock",
                                help="import stock: CSV with store,sku,quantity,restock_date")
    stock.add_argument("csv", type=Path)
    stock.set_defaults(handler=_import_stock)

    prune = commands.add_parser("prune", help="forget old deletions in the change feed")
    prune.add_argument("--days", type=int, default=30)
    prune.set_defaults(handler=_prune)

    terminals = commands.add_parser("terminals", help="add, list or revoke terminals")
    actions = terminals.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="a new terminal; prints its token once")
    add.add_argument("--store", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--token-file", type=Path, default=None,
                     help="also write the token to this file (mode 600)")
    add.set_defaults(handler=_terminal_add)
    actions.add_parser("list", help="every terminal").set_defaults(handler=_terminal_list)
    revoke = actions.add_parser("revoke", help="refuse a terminal's token from now on")
    revoke.add_argument("terminal", help="name or id")
    revoke.set_defaults(handler=_terminal_revoke)

    orders = commands.add_parser("orders", help="list orders")
    orders.add_argument("action", choices=["list"])
    orders.set_defaults(handler=_orders_list)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.database_url = args.database_url or database_url_from_env()
    # Commands say what they did themselves; only the server logs as it goes.
    logging.basicConfig(level=logging.INFO if args.command == "serve" else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from central.db.engine import Database

    db = Database(args.database_url)
    try:
        if args.handler is not _init_db and not _ready(db):
            print("the database is not initialised or not up to date: run "
                  "`central init-db` first", file=sys.stderr)
            return 2
        return args.handler(args, db)
    except (SQLAlchemyError, OSError, ValueError) as error:
        print(f"central {args.command}: {type(error).__name__}: {str(error).splitlines()[0]}",
              file=sys.stderr)
        return 1
    finally:
        db.dispose()


def _ready(db) -> bool:
    from central.db.schema import is_current
    try:
        return is_current(db)
    except SQLAlchemyError:
        return False


def _init_db(args, db) -> int:
    from central.db.schema import upgrade
    upgrade(db)
    print("database ready")
    return 0


def _serve(args, db) -> int:
    import uvicorn

    from central.app import create_app

    images = args.images or _default_images(args.database_url)
    settings = Settings(database_url=args.database_url, images_dir=images)
    app = create_app(settings, db)
    # What start-up made (modules, the app, SQLAlchemy's and pydantic's structures) lives
    # as long as the process: out of the collector's sight, it is no longer walked at
    # every full collection, which pages of thousands of records trigger often.
    gc.freeze()
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _default_images(url: str) -> Path | None:
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).parent / "images"
    return None


def _seed_demo(args, db) -> int:
    from central.importers import seed_demo
    imported = seed_demo(db, args.luma)
    print(f"demo chain seeded: {imported.summary()}")
    return 0


def _import_magento(args, db) -> int:
    from central.importers import import_magento
    imported = import_magento(db, args.csv, args.images, args.images_store)
    for problem in imported.problems:
        print(problem, file=sys.stderr)
    print(imported.summary())
    return 0


def _import_stock(args, db) -> int:
    from central.importers import import_stock
    result = import_stock(db, args.csv)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print(f"{result.imported} stock figures imported, {len(result.problems)} rows refused")
    return 0 if not result.problems else 1


def _prune(args, db) -> int:
    from central.importers import prune_deletions
    print(f"{prune_deletions(db, args.days)} old deletions forgotten")
    return 0


def _terminal_add(args, db) -> int:
    from central.terminals import add_terminal
    with db.writing() as session:
        token = add_terminal(session, args.store, args.name)
    if args.token_file is not None:
        args.token_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(args.token_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(token + "\n")
    print(f"terminal {args.name} added to store {args.store}. Its token, shown only now:")
    print(token)
    return 0


def _terminal_list(args, db) -> int:
    from central.db import models
    from central.db.engine import iso
    with db.reading() as session:
        for t in session.scalars(select(models.Terminal).order_by(models.Terminal.id)):
            drift = "" if t.clock_drift_s is None else f"{t.clock_drift_s:+.1f}s"
            print(f"{t.id}\t{t.name}\t{t.store_id}\tcreated {iso(t.created_at)}\t"
                  f"{'revoked ' + iso(t.revoked_at) if t.revoked_at else 'active'}\t"
                  f"last heartbeat {iso(t.last_heartbeat_at) or 'never'}\t{drift}")
    return 0


def _terminal_revoke(args, db) -> int:
    from central.terminals import revoke
    with db.writing() as session:
        terminal = revoke(session, args.terminal)
        print(f"terminal {terminal.name} revoked")
    return 0


def _orders_list(args, db) -> int:
    from central.db import models
    from central.db.engine import iso
    with db.reading() as session:
        for o in session.scalars(select(models.Order).order_by(models.Order.id)):
            print(f"{o.reference}\t{o.store_id}\t{iso(o.received_at)}\t{o.status}\t"
                  f"{'price mismatch' if o.price_mismatch else ''}")
    return 0
