"""Screenshots of every shopper screen, in both orientations and both languages.

For looking at what shoppers see (the pictures are meant for a person, not for tests).
Run under a display, e.g. through ./scripts/screenshots, which starts Xvfb:

    ./scripts/screenshots OUT_DIR

The kiosk runs on a demo cache built from the Luma dataset into a temporary directory,
without a central server.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.config import load_config  # noqa: E402
from kiosk.core.orders import BasketLine, DeliveryOption, PlacedOrder  # noqa: E402
from kiosk_demo.datasets import luma_dir  # noqa: E402
from kiosk_demo.luma import build_demo_cache  # noqa: E402

SIZES = {"portrait": QSize(1080, 1920), "landscape": QSize(1920, 1080)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--luma", type=Path, default=luma_dir())
    parser.add_argument("--scale", type=float, default=1.0, help="text scale (1.5: large)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    build_demo_cache(args.luma, work / "data")
    (work / "kiosk.toml").write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "shots"\n'
        'store_name = "Luma Paris Rivoli"\n'
        f'[paths]\ndata_dir = "{work / "data"}"\nlog_dir = "{work / "logs"}"\n'
        f'catalog_images_dir = "{args.luma / "images"}"\n'
        '[website]\nproduct_url_template = "https://shop.example.com/p/{sku}"\n',
        encoding="utf-8")
    app = QApplication(sys.argv[:1])
    from kiosk.ui.app import KioskApp

    config = dataclasses.replace(load_config(work / "kiosk.toml"), text_scale=args.scale)
    for orientation, size in SIZES.items():
        kiosk = KioskApp(app, dataclasses.replace(config, orientation=orientation),
                         windowed=True)
        kiosk.window.resize(size)
        shoot_every_screen(app, kiosk, args.out / orientation)
        shoot_admin(app, kiosk, args.out / orientation)
        kiosk.shutdown()
        kiosk.window.deleteLater()
    print(f"screenshots in {args.out}")
    return 0


def wait(app: QApplication, ms: int) -> None:
    # exit(), not quit(): quit() first asks the windows to close, and the kiosk's says no.
    QTimer.singleShot(ms, lambda: app.exit(0))
    app.exec()


SHOPPER = {"first_name": "Zoé", "last_name": "D'Arc-Lefèvre", "email": "zoe@example.fr",
           "phone": "0612345678", "address_line1": "12 rue de l'Église",
           "postal_code": "69003", "city": "Lyon"}


def fill_basket(kiosk) -> None:
    for sku, quantity in (("WJ01-L-Red", 2), ("MJ02-S-Green", 1)):
        conn = kiosk.data.cache.conn
        product_id, name, size, color, price = conn.execute(
            "SELECT p.id, p.name, v.size, v.color, v.price_cents FROM variants v "
            "JOIN products p ON p.id = v.product_id WHERE v.sku = ?", (sku,)).fetchone()
        kiosk.context.session.add_to_basket(BasketLine(sku, product_id, name, size, color,
                                                       price, quantity))


def shoot_every_screen(app: QApplication, kiosk, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    while kiosk.cards is None:
        wait(app, 50)
    jacket = next(card.id for card in kiosk.cards)
    steps = {
        "attract": lambda: None,
        "home": kiosk.start_session,
        "category": lambda: kiosk.navigator.open_category("Women/Tops/Jackets"),
        "product": lambda: kiosk.navigator.open_product(jacket),
        "stores": lambda: kiosk.navigator.open_stores("WJ01-L-Red"),
        "search": lambda: kiosk.navigator.open_search("veste"),
        "compare": lambda: (kiosk.context.session.add_to_compare(jacket),
                            kiosk.context.session.add_to_compare(kiosk.cards[1].id),
                            kiosk.navigator.open_compare()),
        "basket": lambda: (fill_basket(kiosk), kiosk.navigator.open_basket()),
        "form": lambda: (kiosk.context.session.customer_fields.update(
            SHOPPER, postal_code="6900"), kiosk.navigator.open_customer_form(),
            kiosk.window.current_screen()._on_continue()),
        "review": lambda: (kiosk.context.session.customer_fields.update(SHOPPER),
                           kiosk.navigator.open_review()),
        "confirmation": lambda: kiosk.navigator.show_confirmation(PlacedOrder(
            "0" * 36, "K7D-3MXQ9P", 14690, 3, DeliveryOption("standard", 490, 3),
            date(2026, 11, 30), datetime.now(timezone.utc))),
        "rating": kiosk.navigator.open_rating,
        "rating-question": lambda: (kiosk.navigator.open_rating(),
                                    kiosk.window.current_screen()._on_face(2)),
        "rating-thanks": lambda: (kiosk.navigator.open_rating(),
                                  kiosk.window.current_screen()._on_face(4),
                                  kiosk.window.current_screen()._on_skip()),
    }
    for name, step in steps.items():
        step()
        for language in ("fr", "en"):
            kiosk.set_language(language)
            wait(app, 700)        # data, pictures and a repaint
            kiosk.window.grab().save(str(out / f"{name}-{language}.png"))
        if name not in ("attract", "home"):
            kiosk.window.back()
    kiosk.end_session()


def shoot_admin(app: QApplication, kiosk, out: Path) -> None:
    """The PIN pad, locked out, and the panel's pages, with a refused order to show."""
    from kiosk.core import outbox

    conn = kiosk.data.journal.conn
    key = outbox.new_uuid()
    outbox.enqueue(conn, "order", key, {"reference": "K7D-" + key[:6].upper()})
    row = conn.execute("SELECT id FROM outbox WHERE uuid = ?", (key,)).fetchone()
    outbox.mark_dead(conn, row[0], "HTTP 422 · price_changed · MJ01-XS-Red: 39,00 € now")
    admin = kiosk.admin
    pages = ["status", "dead-letters", "sync", "today", "devices", "config", "log"]
    for language in ("fr", "en"):
        kiosk.set_language(language)
        admin._show_pad()
        admin.pad._type("1")
        admin.pad._type("2")
        wait(app, 300)
        kiosk.window.grab().save(str(out / f"admin-pin-{language}.png"))
        admin.lockout.record_failure()
        admin.lockout.lockouts, admin.lockout.failures = 0, admin.lockout.max_attempts - 1
        admin.lockout.record_failure()
        admin._show_lockout()
        wait(app, 300)
        kiosk.window.grab().save(str(out / f"admin-locked-{language}.png"))
        admin.lockout.record_success()
        admin._show_lockout()
        admin._open_panel()
        for index, name in enumerate(pages):
            admin.panel.show_page(index)
            if name == "dead-letters":
                wait(app, 300)
                admin.panel.dead_letters.list.setCurrentRow(0)
                admin.panel.dead_letters._start_discard()
            wait(app, 700)
            kiosk.window.grab().save(str(out / f"admin-{name}-{language}.png"))
        admin.close("staff")
    kiosk.set_language("fr")


if __name__ == "__main__":
    sys.exit(main())
