"""`central`: set up, fill and run the central server, and manage terminals."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from central.mail.settings import mail_settings_from_env
from central.order_lifecycle import STATUSES
from central.settings import database_url_from_env, images_dir_from_env, settings_from_env

# What a terminal acts on rather than shows: C0 and C1 controls (ESC, BEL, CSI, a
# newline...), line separators, bidirectional overrides (they reorder what follows), and
# lone surrogates, which no terminal encoding can write.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069"
                         "\ud800-\udfff]")


def shown(value: object) -> str:
    """Text from the database or a file, safe to print to an operator's terminal: every
    character it could act on is written as an escape (ESC as \\x1b, U+202E as \\u202e)."""
    return _UNSHOWABLE.sub(_escape, str(value))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="central", description=__doc__.split(":")[1].strip())
    parser.add_argument("--database-url", default=None,
                        help="SQLAlchemy URL (default: $CENTRAL_DATABASE_URL, "
                             "else sqlite:///./central.db)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("init-db", help="create or upgrade the database").set_defaults(
        handler=_init_db)

    serve = commands.add_parser(
        "serve", help="run the HTTP API", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Run the HTTP API. Settings from the environment (docs/api.md):\n"
                    "  CENTRAL_TRUSTED_PROXIES         reverse proxies whose X-Forwarded-For "
                    "and -Proto\n"
                    "                                  are believed\n"
                    "  CENTRAL_LOGIN_RATE_PER_ACCOUNT  password tries, COUNT/SECONDS "
                    "(default 5/60)\n"
                    "  CENTRAL_LOGIN_RATE_PER_ADDRESS  the same per client address "
                    "(default 20/60)\n"
                    "  CENTRAL_API_DOCS                on: serve /docs and /redoc\n"
                    "  CENTRAL_HEADER_TIMEOUT_S        for a request's head to arrive "
                    "(default 10)\n"
                    "  CENTRAL_KEEP_ALIVE_TIMEOUT_S    idle time before a connection is "
                    "closed (default 5)\n"
                    "  CENTRAL_PRICE_TOLERANCE_PERCENT see docs/api.md (default 5)\n"
                    "  CENTRAL_IMAGES_DIR              as --images\n"
                    "  PROMETHEUS_MULTIPROC_DIR        where the workers' metrics are added "
                    "up (default: a\n"
                    "                                  temporary directory; emptied at start)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--workers", type=_worker_count, default=1,
                       help="processes answering requests (default 1); of 2 or more, "
                            "one that dies is replaced")
    serve.add_argument("--images", type=Path, default=None,
                       help="directory of the catalog's images (default: "
                            "$CENTRAL_IMAGES_DIR, else <db dir>/images)")
    serve.set_defaults(handler=_serve)

    magento = commands.add_parser("import-magento", help="import a Magento product CSV")
    magento.add_argument("csv", type=Path)
    magento.add_argument("--images", type=Path, default=None,
                         help="where the CSV's images are; they are copied for serving")
    magento.add_argument("--images-store", type=Path, default=Path("images"),
                         help="the server's image directory (default: ./images)")
    magento.add_argument("--store-view", action="append", default=[],
                         metavar="LANGUAGE=CODE",
                         help="the language of a store view, whose rows translate the "
                              "catalog (fr=fr_store); repeat for each. Added to those of "
                              "$CENTRAL_STORE_VIEWS. Rows of other store views are skipped. "
                              "Translations the file's store-view rows do not fill are "
                              "kept; __EMPTY__VALUE__ in a store-view row's column removes "
                              "its translation (docs/api.md, Languages)")
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

    config = commands.add_parser(
        "config", help="fleet configuration: settings for the chain, a store or a terminal")
    config_actions = config.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = config_actions.add_parser(
        "check", help="check a file as `kiosk check-config` would: OK or every problem")
    check.add_argument("file", type=Path)
    check.set_defaults(handler=_config_check, needs_database=False)
    push = config_actions.add_parser(
        "push", help="check a file and send its settings to the chain, a store or a terminal "
                     "(replacing what was pushed there before)")
    push.add_argument("file", type=Path)
    where = push.add_mutually_exclusive_group(required=True)
    where.add_argument("--chain", action="store_true", help="every terminal")
    where.add_argument("--store", metavar="ID", help="the terminals of this store")
    where.add_argument("--terminal", metavar="NAME", help="this terminal")
    push.set_defaults(handler=_config_push)
    config_show = config_actions.add_parser(
        "show", help="what was pushed, or what a terminal is sent")
    config_show.add_argument("--terminal", metavar="NAME",
                             help="the merged settings this terminal is sent")
    config_show.set_defaults(handler=_config_show)
    config_actions.add_parser(
        "keys", help="every key a terminal's config may set, documented").set_defaults(
        handler=_config_keys, needs_database=False)

    orders = commands.add_parser("orders", help="list orders, show one, change its status")
    order_actions = orders.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = order_actions.add_parser("list", help="orders, oldest first")
    listing.add_argument("--status", choices=STATUSES, default=None)
    listing.add_argument("--store", default=None, help="a store id")
    listing.set_defaults(handler=_orders_list)
    show = order_actions.add_parser("show", help="one order in full, customer included")
    show.add_argument("reference")
    show.set_defaults(handler=_orders_show)
    set_status = order_actions.add_parser(
        "set-status", help="move an order to its next status (the history records it)")
    set_status.add_argument("reference")
    set_status.add_argument("status", choices=STATUSES)
    set_status.add_argument("--note", default="", help="why, for the order's history")
    set_status.set_defaults(handler=_orders_set_status)

    staff = commands.add_parser("staff", help="staff accounts for the staff API")
    staff_actions = staff.add_subparsers(dest="action", required=True, metavar="ACTION")
    staff_add = staff_actions.add_parser("add", help="a new account; asks for its password")
    staff_add.add_argument("username")
    staff_add.add_argument("--password-stdin", action="store_true",
                           help="read the password from the first line of standard input")
    staff_add.set_defaults(handler=_staff_add)
    staff_actions.add_parser("list", help="every account").set_defaults(handler=_staff_list)
    staff_disable = staff_actions.add_parser("disable", help="refuse an account from now on")
    staff_disable.add_argument("username")
    staff_disable.set_defaults(handler=_staff_disable)

    mail = commands.add_parser(
        "mail", help="customer e-mails: send the queue, record a bounce",
        description="Mail settings from the environment (README, 'Customer e-mails').")
    mail_actions = mail.add_subparsers(dest="action", required=True, metavar="ACTION")
    send = mail_actions.add_parser(
        "send", help="send the queued e-mails (a worker apart from `central serve`)")
    send.add_argument("--once", action="store_true",
                      help="send what is due now and stop, rather than keep watching")
    send.add_argument("--poll", type=float, default=5.0, metavar="SECONDS",
                      help="how often to look for due e-mails (default 5)")
    send.set_defaults(handler=_mail_send)
    bounced = mail_actions.add_parser(
        "bounced", help="record that a sent e-mail was reported undeliverable")
    bounced.add_argument("message_id", help="its Message-ID, as in its headers")
    bounced.add_argument("--reason", default="reported undeliverable",
                         help="what the bounce said, for staff")
    bounced.set_defaults(handler=_mail_bounced)
    read_bounces = mail_actions.add_parser(
        "read-bounces", help="record the bounces delivered to a Maildir (README: bounces)")
    read_bounces.add_argument("--maildir", required=True, type=Path, metavar="DIR",
                              help="the bounce mailbox; reports read move to DIR/.processed")
    read_bounces.set_defaults(handler=_mail_read_bounces)

    privacy = commands.add_parser(
        "privacy", help="customers' data past its retention time (README: Customers' data)")
    privacy_actions = privacy.add_subparsers(dest="action", required=True, metavar="ACTION")
    privacy_actions.add_parser(
        "purge", help="erase personal fields past each kind's time; prints counts per kind"
    ).set_defaults(handler=_privacy_purge)

    customers = commands.add_parser(
        "customers", help="what is held about one person: export it, or erase it")
    customer_actions = customers.add_subparsers(dest="action", required=True,
                                                metavar="ACTION")
    for action, handler, what in (
            ("export", _customers_export, "print everything held about them as JSON"),
            ("erase", _customers_erase, "erase it everywhere, recording only counts")):
        person = customer_actions.add_parser(action, help=what)
        who = person.add_mutually_exclusive_group(required=True)
        who.add_argument("--email", help="their e-mail address (any case)")
        who.add_argument("--phone", help="their phone number, as +33612345678")
        person.set_defaults(handler=handler)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.database_url = args.database_url or database_url_from_env()
    # Commands say what they did themselves; only the server logs as it goes.
    logging.basicConfig(level=logging.INFO if args.command == "serve" else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from central.db.engine import Database

    if not getattr(args, "needs_database", True):
        return args.handler(args, None)
    db = Database(args.database_url)
    try:
        if args.handler is not _init_db and not _ready(db):
            print("the database is not initialised or not up to date: run "
                  "`central init-db` first", file=sys.stderr)
            return 2
        return args.handler(args, db)
    except (SQLAlchemyError, OSError, ValueError) as error:
        print(f"central {args.command}: {type(error).__name__}: "
              f"{shown(str(error).splitlines()[0])}",
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
    from central.http_server import serve

    images = args.images or images_dir_from_env() or _default_images(args.database_url)
    # Read here as well as in each worker: a setting it cannot read stops the command
    # with its name, before any worker starts.
    settings = settings_from_env(args.database_url, images)
    db.dispose()        # each worker opens its own connections
    serve(settings, args.host, args.port, args.workers)
    return 0


def _worker_count(text: str) -> int:
    count = int(text) if text.strip().isdigit() else 0
    if not 1 <= count <= 64:
        raise argparse.ArgumentTypeError(f"a number of processes from 1 to 64, not {text!r}")
    return count


def _default_images(url: str) -> Path | None:
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).parent / "images"
    return None


def _import_magento(args, db) -> int:
    from central.importers import import_magento
    from central.progress import Progress
    from central.settings import store_views_from

    store_views = store_views_from(args.store_view)
    progress = Progress(sys.stderr)
    try:
        imported = import_magento(db, args.csv, args.images, args.images_store, store_views,
                                  progress)
    finally:
        progress.done()     # the line ended, whatever follows: problems, summary, error
    for problem in imported.problems:
        print(shown(problem), file=sys.stderr)
    print(imported.summary())
    return 0


def _import_stock(args, db) -> int:
    from central.importers import import_stock
    from central.progress import Progress

    progress = Progress(sys.stderr)
    try:
        result = import_stock(db, args.csv, progress)
    finally:
        progress.done()
    for problem in result.problems:
        print(shown(problem), file=sys.stderr)
    print(f"{result.imported} stock figures imported, {len(result.problems)} rows refused")
    if result.imported:
        # The variants back where shoppers asked: their one e-mail each is queued now.
        from central.alert_settings import alert_settings_from_env
        from central.alerts import queue_due
        due = queue_due(db, mail_settings_from_env(), alert_settings_from_env())
        print(f"{due.sent} back-in-stock e-mails queued, {due.expired} alerts expired")
    return 0 if not result.problems else 1


def _prune(args, db) -> int:
    from central.importers import prune_deletions
    print(f"{prune_deletions(db, args.days)} old deletions forgotten")
    return 0


def _config_check(args, db) -> int:
    from central.fleet_config import check_file
    checked = check_file(args.file)
    return _said(checked)


def _said(checked) -> int:
    """A checked fleet file's problems on stderr (status 2), or its settings, each with
    when a terminal applies it."""
    for problem in checked.problems:
        print(shown(problem), file=sys.stderr)
    if checked.problems:
        return 2
    for note in checked.notes:
        print(f"warning: {shown(note)}", file=sys.stderr)
    for key, value in checked.settings.items():
        print(f"{key} = {shown(json.dumps(value, ensure_ascii=False))}\t"
              f"applies {checked.applies(key)}")
    print("OK")
    return 0


def _config_push(args, db) -> int:
    from central.db import models
    from central.fleet_config import check_file, keep
    checked = check_file(args.file)
    if checked.problems:
        _said(checked)
        print("nothing pushed", file=sys.stderr)
        return 2
    scope, target = ("store", args.store) if args.store else \
        ("terminal", args.terminal) if args.terminal else ("chain", "")
    with db.writing() as session:
        if scope == "store" and session.get(models.Store, target) is None:
            print(f"no store {shown(target)!r}: nothing pushed", file=sys.stderr)
            return 2
        if scope == "terminal" and session.scalar(select(models.Terminal.id).where(
                models.Terminal.name == target)) is None:
            print(f"no terminal {shown(target)!r}: nothing pushed", file=sys.stderr)
            return 2
        keep(session, scope, target, checked)
    _said(checked)
    whom = {"chain": "every terminal", "store": f"the terminals of store {shown(target)}",
            "terminal": f"terminal {shown(target)}"}[scope]
    print(f"pushed to {whom}: {len(checked.settings)} setting(s), sent with each heartbeat's "
          "answer; keys set in a terminal's own file win there")
    return 0


def _config_show(args, db) -> int:
    from central.db import models
    from central.db.engine import iso
    from central.fleet_config import config_for
    with db.reading() as session:
        if args.terminal:
            terminal = session.scalar(select(models.Terminal).where(
                models.Terminal.name == args.terminal))
            if terminal is None:
                print(f"no terminal {shown(args.terminal)!r}", file=sys.stderr)
                return 2
            sent = config_for(session, terminal.store_id, terminal.name)
            print(f"revision {sent['revision']} (config version {sent['version']})")
            for key, value in sent["settings"].items():
                print(f"{key} = {shown(json.dumps(value, ensure_ascii=False))}")
            return 0
        for row in session.scalars(select(models.FleetSettings).order_by(
                models.FleetSettings.scope, models.FleetSettings.target)):
            print(f"{row.scope}\t{shown(row.target) or '-'}\tpushed {iso(row.pushed_at)}\t"
                  f"{', '.join(row.settings) or '(nothing)'}")
    return 0


def _config_keys(args, db) -> int:
    from kiosk_contract.config_schema import describe_schema
    print("\n".join(describe_schema()))
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
    print(f"terminal {shown(args.name)} added to store {shown(args.store)}. "
          "Its token, shown only now:")
    print(token)
    return 0


def _terminal_list(args, db) -> int:
    from central.db import models
    from central.db.engine import iso
    with db.reading() as session:
        for t in session.scalars(select(models.Terminal).order_by(models.Terminal.id)):
            drift = "" if t.clock_drift_s is None else f"{t.clock_drift_s:+.1f}s"
            print(f"{t.id}\t{shown(t.name)}\t{shown(t.store_id)}\tcreated {iso(t.created_at)}\t"
                  f"{'revoked ' + iso(t.revoked_at) if t.revoked_at else 'active'}\t"
                  f"last heartbeat {iso(t.last_heartbeat_at) or 'never'}\t{drift}")
    return 0


def _terminal_revoke(args, db) -> int:
    from central.terminals import revoke
    with db.writing() as session:
        terminal = revoke(session, args.terminal)
        print(f"terminal {shown(terminal.name)} revoked")
    return 0


def _orders_list(args, db) -> int:
    from central.db import models
    from central.db.engine import iso
    query = select(models.Order).order_by(models.Order.id)
    if args.status:
        query = query.where(models.Order.status == args.status)
    if args.store:
        query = query.where(models.Order.store_id == args.store)
    with db.reading() as session:
        for o in session.scalars(query):
            flags = [flag for flag, raised in (("price mismatch", o.price_mismatch),
                                                ("stock shortfall", o.stock_shortfall))
                     if raised]
            print(f"{shown(o.reference)}\t{shown(o.store_id)}\t{iso(o.received_at)}\t"
                  f"{shown(o.status)}\t"
                  f"{', '.join(flags)}")
    return 0


def _orders_show(args, db) -> int:
    from central.db import models
    from central.db.engine import iso
    from central.order_lifecycle import TRANSITIONS, OrderNotFound, find_order
    with db.reading() as session:
        try:
            o = find_order(session, args.reference.strip().upper())
        except OrderNotFound as missing:
            refusals = session.scalars(select(models.OrderRefusal).where(
                models.OrderRefusal.reference == args.reference.strip().upper())
                .order_by(models.OrderRefusal.id)).all()
            print(f"central orders show: {shown(missing.args[0])}", file=sys.stderr)
            for refusal in refusals:
                print(f"refused {iso(refusal.refused_at)}: {shown(refusal.error)}: "
                      f"{shown(refusal.message)}",
                      file=sys.stderr)
            return 1
        customer, address = o.customer, o.customer.get("address", {})
        print(f"order {shown(o.reference)}  ({shown(o.idempotency_key)})")
        print(f"status      {shown(o.status)}  (next: "
              f"{', '.join(sorted(TRANSITIONS[o.status])) or 'none, final'})")
        print(f"store       {shown(o.store_id)}, terminal {o.terminal_id}")
        print(f"received    {iso(o.received_at)}  "
              f"(terminal clock: {shown(o.placed_terminal_at)})")
        print(f"customer    {shown(customer.get('first_name'))} "
              f"{shown(customer.get('last_name'))}, {shown(customer.get('email'))}, "
              f"{shown(customer.get('phone'))}")
        print(f"address     {shown(address.get('line1'))}"
              f"{', ' + shown(address['line2']) if address.get('line2') else ''}, "
              f"{shown(address.get('postal_code'))} {shown(address.get('city'))} "
              f"{shown(address.get('country'))}")
        if customer.get("instructions"):
            print(f"instructions {shown(customer['instructions'])}")
        print(f"delivery    {shown(o.delivery.get('method'))}, "
              f"fee {shown(o.delivery.get('fee_cents'))} cents")
        print(f"language    {shown(o.language)}")
        for line in o.lines:
            server = "unknown SKU" if line.server_unit_price_cents is None \
                else f"server price {line.server_unit_price_cents}"
            stock = "" if line.stock_in_chain is None \
                else f", chain stock {line.stock_in_chain}"
            variant = " / ".join(shown(part) for part in (line.size, line.color) if part)
            print(f"  {line.quantity} x {shown(line.sku)} {shown(line.name)}"
                  f"{' (' + variant + ')' if variant else ''} at {line.unit_price_cents} "
                  f"cents ({server}{stock})")
        print(f"total       {o.total_cents} cents {shown(o.currency)}"
              f"{'  PRICE MISMATCH' if o.price_mismatch else ''}"
              f"{'  STOCK SHORTFALL' if o.stock_shortfall else ''}")
        print("history")
        for entry in o.history:
            print(f"  {iso(entry.changed_at)}  {shown(entry.status)}  "
                  f"by {shown(entry.changed_by)}{'  - ' + shown(entry.note) if entry.note else ''}")
        _print_messages(session, o.id)
    return 0


def _print_messages(session, order_id: int) -> None:
    from central.mail.queue import message_summary, order_messages
    messages = [message_summary(message) for message in order_messages(session, order_id)]
    if messages:
        print("e-mails")
    for message in messages:
        when = message["sent_at"] or message["next_attempt_at"] or message["created_at"]
        error = f"  - {shown(message['last_error'])}" if message["last_error"] else ""
        print(f"  {shown(message['kind'])} to {shown(message['recipient'])}: "
              f"{message['state']} {when}, {message['attempts']} attempt(s){error}")


def _orders_set_status(args, db) -> int:
    import getpass

    from central.order_lifecycle import OrderNotFound, TransitionNotAllowed, change_status
    try:
        with db.writing() as session:
            order = change_status(session, args.reference.strip().upper(), args.status,
                                  by=f"cli {getpass.getuser()}", note=args.note,
                                  mail=mail_settings_from_env())
            print(f"order {shown(order.reference)} is now {shown(order.status)}")
    except (OrderNotFound, TransitionNotAllowed) as refused:
        print(f"central orders set-status: {shown(refused)}", file=sys.stderr)
        return 1
    return 0


def _staff_add(args, db) -> int:
    from central.staff import add_staff, check_new_password
    password = _read_new_password(args.password_stdin)
    check_new_password(password)
    with db.writing() as session:
        user = add_staff(session, args.username, password)
        print(f"staff account {shown(user.username)} added")
    return 0


def _read_new_password(from_stdin: bool) -> str:
    import getpass
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("password: ")
    if getpass.getpass("again: ") != password:
        raise ValueError("the two passwords differ")
    return password


def _staff_list(args, db) -> int:
    from central.db.engine import iso
    from central.staff import list_staff
    with db.reading() as session:
        for user in list_staff(session):
            state = f"disabled {iso(user.disabled_at)}" if user.disabled_at else "active"
            print(f"{shown(user.username)}\tcreated {iso(user.created_at)}\t{state}")
    return 0


def _staff_disable(args, db) -> int:
    from central.staff import disable_staff
    with db.writing() as session:
        user = disable_staff(session, args.username)
        print(f"staff account {shown(user.username)} disabled")
    return 0


def _mail_send(args, db) -> int:
    import time

    from central.mail.sender import Sender
    settings = mail_settings_from_env()
    if not settings.enabled:
        print("central mail send: CENTRAL_SMTP_HOST is not set: no e-mail is sent",
              file=sys.stderr)
        return 2
    from central.alert_settings import alert_settings_from_env
    sender = Sender(db, settings, alerts=alert_settings_from_env())
    if args.once:
        report = sender.send_due()
        print(f"{report.sent} sent, {report.refused} refused, {report.retrying} waiting "
              "for a retry")
        return 0
    logging.getLogger("central.mail").setLevel(logging.INFO)
    try:
        while True:
            report = sender.send_due()
            if report.sent or report.refused:
                print(f"{report.sent} sent, {report.refused} refused, {report.retrying} "
                      "waiting", flush=True)
            time.sleep(max(0.5, args.poll))
    except KeyboardInterrupt:
        return 0


def _mail_bounced(args, db) -> int:
    from central.mail.queue import NotFound, mark_bounced
    try:
        message = mark_bounced(db, args.message_id, args.reason)
    except NotFound as missing:
        print(f"central mail bounced: {shown(missing)}", file=sys.stderr)
        return 1
    print(f"{shown(message.message_id)} ({shown(message.kind)}) recorded as bounced")
    return 0


def _mail_read_bounces(args, db) -> int:
    from central.db.engine import utc_now
    from central.mail.bounces import read_maildir
    if not (args.maildir / "new").is_dir() or not (args.maildir / "cur").is_dir():
        print(f"central mail read-bounces: {shown(str(args.maildir))} is not a Maildir "
              "(no new and cur folders in it)", file=sys.stderr)
        return 2
    logging.getLogger("central.mail").setLevel(logging.INFO)
    report = read_maildir(db, args.maildir, utc_now())
    for name, reason in report.left:
        print(f"central mail read-bounces: {shown(name)} left in place: {shown(reason)}",
              file=sys.stderr)
    print(f"{report.bounced} bounced, {report.delayed} delayed (nothing to do), "
          f"{report.other} other reports, {len(report.left)} left in place")
    return 1 if report.left else 0


def _privacy_purge(args, db) -> int:
    from central.privacy import purge
    from central.retention_settings import retention_settings_from_env
    counts = purge(db, retention_settings_from_env())
    print("erased: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()))
    return 0


def _customers_export(args, db) -> int:
    from central.privacy import export, person
    # ASCII escapes: nothing a customer typed can act on the operator's terminal.
    json.dump(export(db, person(args.email, args.phone)), sys.stdout, indent=2)
    print()
    return 0


def _customers_erase(args, db) -> int:
    from central.privacy import erase, person
    counts = erase(db, person(args.email, args.phone))
    print("erased: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()))
    return 0
