"""Reserve at a store from the kiosk (issue 21, section 2): the stores screen offers it
where the variant is, the form says what is wrong in the shopper's language, a kiosk
without its server says so and offers home delivery, and through a real central server
the shopper gets a reference and its QR code."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QPushButton
from support.central_server import CentralServer
from support.gestures import named, tap

from kiosk.core.reservations import Outcome, new_key, reservation_body, reserve
from kiosk.core.sync.client import CentralClient
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.reservations_page import ReservationsPage
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.screens.reservation import ReservationScreen
from kiosk.ui.screens.stores import StoresScreen

SKU = "WJ01-L-Red"
LYON, LYON_NAME = "lyon-republique", "Luma Lyon République"


@pytest.fixture(scope="module")
def central(tmp_path_factory, luma_dir):
    workdir = tmp_path_factory.mktemp("central-reservations")
    server = CentralServer(workdir, f"sqlite:///{workdir / 'central.db'}", luma_dir / "images")
    server.cli("init-db")
    server.seed_demo(luma_dir)
    stock = workdir / "stock.csv"
    stock.write_text(f"store,sku,quantity,restock_date\n{LYON},{SKU},1,\n")
    server.cli("import-stock", str(stock))
    server.start()
    yield server
    server.stop()


def open_screen(qtbot, context) -> ReservationScreen:
    screen = ReservationScreen(context, SKU, LYON, LYON_NAME)
    screen.setStyleSheet(context.theme.style_sheet())
    qtbot.addWidget(screen)
    screen.resize(1080, 1920)
    screen.show()
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return screen


def fill(screen, name: str, phone: str = "", email: str = "") -> None:
    for key, text in (("name", name), ("phone", phone), ("email", email)):
        screen.fields[key].edit.setText(text)


def test_the_stores_screen_offers_to_reserve_where_the_variant_is(qtbot, shopper):
    screen = StoresScreen(shopper, SKU)
    qtbot.addWidget(screen)
    screen.resize(1080, 1700)
    screen.show()
    qtbot.waitUntil(lambda: len(screen.cards) == 8, timeout=5000)
    with_stock = [card for card in screen.cards if card.store.quantity]
    assert with_stock
    for card, button in zip(screen.cards, screen.reserve_buttons, strict=True):
        assert button.isVisibleTo(screen) == bool(card.store.quantity)
    first = with_stock[0]
    button = named(screen, QPushButton, f"Réserver à {first.store.name}")
    qtbot.waitUntil(button.isVisible)
    tap(qtbot, button)
    assert shopper.navigator.opened[-1] == ("reservation", SKU, first.store.store_id,
                                            first.store.name)


def test_wrong_details_and_no_consent_are_told_in_french_and_nothing_is_sent(qtbot,
                                                                           shopper):
    screen = open_screen(qtbot, shopper)
    assert screen.title() == f"Réserver à {LYON_NAME}"
    tap(qtbot, screen.fields["name"].edit)
    assert screen.keyboard.isVisible()
    tap(qtbot, named(screen, QPushButton, "Réserver"))
    assert screen.fields["name"].error.accessibleName() == "Veuillez saisir votre nom."
    assert screen.fields["phone"].error.accessibleName() == \
        "Indiquez un numéro de mobile ou une adresse e-mail."
    fill(screen, "Zoé Martin", phone="01 23")
    tap(qtbot, named(screen, QPushButton, "Réserver"))
    assert screen.fields["phone"].error.accessibleName() == \
        "Ce numéro de téléphone n'est pas valide."
    fill(screen, "Zoé Martin", phone="06 12 34 56 78")
    tap(qtbot, named(screen, QPushButton, "Réserver"))
    assert screen.status.text().startswith("Cochez la case")
    assert screen.outcome is None


def test_without_its_server_the_kiosk_says_so_and_offers_home_delivery(qtbot, shopper):
    screen = open_screen(qtbot, shopper)       # the test context has no central server
    fill(screen, "Zoé Martin", phone="06 12 34 56 78")
    screen.consent.setChecked(True)
    tap(qtbot, named(screen, QPushButton, "Réserver"))
    assert screen.outcome.outcome is Outcome.OFFLINE
    assert screen.status.text().startswith("La réservation demande une connexion")
    delivery = named(screen, QPushButton, "Commander en livraison à domicile")
    tap(qtbot, delivery)
    assert shopper.navigator.opened[-1] == ("back",)     # to the product, to order it


def test_a_shopper_reserves_lyons_last_unit_and_gets_its_reference(qtbot, shopper, central):
    token_file = central.add_terminal("reservations-kiosk")
    shopper.config = dataclasses.replace(shopper.config, central_url=central.url,
                                         token_file=token_file, live_stock_timeout_seconds=10)
    screen = open_screen(qtbot, shopper)
    fill(screen, "Zoé Martin", phone="06 12 34 56 78")
    screen.consent.setChecked(True)
    tap(qtbot, named(screen, QPushButton, "Réserver"))
    qtbot.waitUntil(lambda: screen.outcome is not None, timeout=20_000)
    assert screen.outcome.outcome is Outcome.HELD, screen.outcome.reason
    reference = screen.outcome.reference
    assert reference.startswith("RES-") and screen.reference.text() == reference
    assert screen.qr.isVisible() and screen.reserve_button.isHidden()
    assert screen.status.text().startswith(f"Réservé au magasin {LYON_NAME} jusqu'au")
    # A second shopper, a moment later, is told the last one has gone.
    second = open_screen(qtbot, shopper)
    fill(second, "Ali Ben", email="ali@example.fr")
    second.consent.setChecked(True)
    tap(qtbot, named(second, QPushButton, "Réserver"))
    qtbot.waitUntil(lambda: second.outcome is not None, timeout=20_000)
    assert second.outcome.outcome is Outcome.NOT_AVAILABLE
    assert second.status.text().startswith("Désolé, le dernier vient d'être réservé")
    assert named(second, QPushButton, "Commander en livraison à domicile").isVisible()


class RecordingJournal:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict]] = []

    def record(self, event_type: str, data: dict | None) -> None:
        self.events.append((event_type, data or {}))


def test_lyons_terminal_lists_the_hold_in_admin_mode_and_marks_it_collected(
        qtbot, shopper, central, tmp_path):
    stock = tmp_path / "stock.csv"
    stock.write_text(f"store,sku,quantity,restock_date\n{LYON},MJ01-XS-Red,2,\n")
    central.cli("import-stock", str(stock))
    paris = CentralClient(central.url,
                          central.add_terminal("admin-paris").read_text().strip())
    held = reserve(paris, new_key(), reservation_body(
        LYON, "MJ01-XS-Red", {"name": "Camille Roux", "phone": "+33698765432", "email": ""},
        "fr", "2026-01", datetime(2026, 11, 24, 15, tzinfo=timezone.utc)), 10)
    paris.close()
    assert held.outcome is Outcome.HELD
    lyon_config = dataclasses.replace(
        shopper.config, store_id=LYON, central_url=central.url,
        token_file=central.add_terminal("admin-lyon", LYON))
    journal = RecordingJournal()
    page = ReservationsPage(AdminContext(
        theme=shopper.theme, runner=shopper.runner, catalog=shopper.catalog,
        journal=journal, config=lambda: lyon_config, sync=lambda: None,
        formatter=lambda: shopper.formatter))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: any(h["reference"] == held.reference for h in page.holds),
                    timeout=20_000)
    row = [h["reference"] for h in page.holds].index(held.reference)
    assert "Camille Roux" in page.list.item(row).text()
    assert not page.collected_button.isEnabled()        # nothing chosen yet
    page.list.setCurrentRow(row)
    tap(qtbot, page.collected_button)
    qtbot.waitUntil(lambda: page.outcome.isVisible(), timeout=20_000)
    assert held.reference in page.outcome.text()
    qtbot.waitUntil(lambda: held.reference not in [h["reference"] for h in page.holds],
                    timeout=20_000)
    assert journal.events == [("admin_reservation_settled",
                               {"reference": held.reference, "state": "collected"})]


def test_the_product_page_offers_to_reserve_here_while_this_store_has_it(qtbot, shopper):
    with closing(sqlite3.connect(shopper.config.data_dir / "cache.db")) as conn, conn:
        conn.execute("UPDATE stock SET quantity = 4 WHERE variant_sku = 'WJ01-M-Red' "
                     "AND store_id = ?", (shopper.config.store_id,))
        conn.execute("UPDATE stock SET quantity = 0 WHERE variant_sku = ? AND store_id = ?",
                     (SKU, shopper.config.store_id))
        product_id = conn.execute("SELECT product_id FROM variants WHERE sku = ?",
                                  (SKU,)).fetchone()[0]
    words = "Réserver à Luma Paris Rivoli"
    out = ProductScreen(shopper, product_id, SKU)
    qtbot.addWidget(out)
    out.resize(1080, 1920)
    out.show()
    qtbot.waitUntil(lambda: out.page is not None, timeout=5000)
    assert named(out, QPushButton, words).isHidden()
    here = ProductScreen(shopper, product_id, "WJ01-M-Red")
    qtbot.addWidget(here)
    here.resize(1080, 1920)
    here.show()
    qtbot.waitUntil(lambda: here.page is not None, timeout=5000)
    offer = named(here, QPushButton, words)
    here.scroll.ensureWidgetVisible(offer)
    assert not offer.isHidden() and offer in here.focus_order()
    tap(qtbot, offer)
    assert shopper.navigator.opened[-1] == ("reservation", "WJ01-M-Red", "paris-rivoli",
                                            "Luma Paris Rivoli")
