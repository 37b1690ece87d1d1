""""Tell me when it's back": offered on the product page for a variant out of stock here,
and its screen sending an alert to a real central server on loopback, set up to mail
through a real SMTP server: the confirmation e-mail arrives; a wrong address, no consent
or no server get a word in the shopper's language and send nothing."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QPushButton
from support.central_server import CentralServer
from support.gestures import named, tap
from support.layout import clipped_text
from support.smtp import mail_settings

from kiosk.ui.screens.back_in_stock import BackInStockScreen
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.theme import Theme

SKU = "WJ01-L-Red"
ITEM = "Veste · L · Rouge"


@pytest.fixture(scope="module")
def central(tmp_path_factory, luma_dir, module_smtp):
    workdir = tmp_path_factory.mktemp("central-alerts")
    server = CentralServer(workdir, f"sqlite:///{workdir / 'central.db'}", luma_dir / "images",
                           mail_settings(module_smtp))
    server.cli("init-db")
    server.seed_demo(luma_dir)
    server.start()
    yield server
    server.stop()


def settle():
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_screen(qtbot, context, known_offline=lambda: False) -> BackInStockScreen:
    screen = BackInStockScreen(context, SKU, ITEM, known_offline)
    screen.setStyleSheet(context.theme.style_sheet())
    qtbot.addWidget(screen)
    screen.resize(1080, 1920)
    screen.show()
    settle()
    return screen


def type_address(qtbot, screen, address: str) -> None:
    """A finger on the field brings the keyboard; its keys type the address."""
    tap(qtbot, screen.email.edit)
    assert screen.keyboard.isVisible()
    screen.email.edit.setText("")
    for character in address:
        screen.email.edit.insert(character)
        screen.email.edit.textEdited.emit(screen.email.edit.text())


def test_the_product_page_offers_it_only_for_a_variant_out_of_stock_here(qtbot, shopper):
    with closing(sqlite3.connect(shopper.config.data_dir / "cache.db")) as conn, conn:
        conn.execute("UPDATE stock SET quantity = 0 WHERE variant_sku = ? AND store_id = ?",
                     (SKU, shopper.config.store_id))
        conn.execute("UPDATE stock SET quantity = 5 WHERE variant_sku = 'WJ01-M-Red' "
                     "AND store_id = ?", (shopper.config.store_id,))
        product_id = conn.execute("SELECT product_id FROM variants WHERE sku = ?",
                                  (SKU,)).fetchone()[0]
    in_stock = ProductScreen(shopper, product_id, "WJ01-M-Red")
    qtbot.addWidget(in_stock)
    in_stock.resize(1080, 1920)
    in_stock.show()
    qtbot.waitUntil(lambda: in_stock.page is not None, timeout=5000)
    settle()
    offer = named(in_stock, QPushButton, "Prévenez-moi de son retour")
    assert offer.isHidden()
    out = ProductScreen(shopper, product_id, SKU)
    qtbot.addWidget(out)
    out.resize(1080, 1920)
    out.show()
    qtbot.waitUntil(lambda: out.page is not None, timeout=5000)
    settle()
    offer = named(out, QPushButton, "Prévenez-moi de son retour")
    out.scroll.ensureWidgetVisible(offer)
    assert offer.isVisible() and offer in out.focus_order()
    tap(qtbot, offer)
    [(kind, sku, words)] = shopper.navigator.opened
    assert (kind, sku) == ("back_in_stock", SKU) and "L" in words
    # A server that sends no e-mail (or has not said yet) takes no alert: none is offered.
    shopper.navigator.alerts_taken = False
    unmailed = ProductScreen(shopper, product_id, SKU)
    qtbot.addWidget(unmailed)
    unmailed.resize(1080, 1920)
    unmailed.show()
    qtbot.waitUntil(lambda: unmailed.page is not None, timeout=5000)
    settle()
    assert named(unmailed, QPushButton, "Prévenez-moi de son retour").isHidden()


def test_an_alert_sent_from_the_kiosk_brings_the_confirmation_e_mail(
        qtbot, shopper, central, module_smtp):
    token_file = central.add_terminal("alerts-kiosk")
    shopper.config = dataclasses.replace(shopper.config, central_url=central.url,
                                         token_file=token_file, live_stock_timeout_seconds=10)
    screen = open_screen(qtbot, shopper)
    assert screen.title() == "Prévenez-moi de son retour"
    type_address(qtbot, screen, "camille.alerte@example.fr")
    tap(qtbot, named(screen, QPushButton, "Dans n'importe quel magasin"))
    screen.consent.setChecked(True)
    tap(qtbot, named(screen, QPushButton, "Envoyer"))
    qtbot.waitUntil(lambda: screen.done_text.isVisible(), timeout=15000)
    assert "e-mail" in screen.done_text.text() and screen.send.isHidden()
    [message] = module_smtp.wait_for("Confirmez votre alerte", timeout_s=60)
    assert message["To"] == "camille.alerte@example.fr"


def test_a_wrong_address_no_consent_or_no_server_are_told_and_nothing_is_sent(
        qtbot, shopper, module_smtp):
    before = len(module_smtp.messages())
    offline = [False]
    shopper.config = dataclasses.replace(shopper.config, central_url="http://127.0.0.1:9")
    screen = open_screen(qtbot, shopper, known_offline=lambda: offline[0])
    type_address(qtbot, screen, "camille@exemple")
    tap(qtbot, named(screen, QPushButton, "Envoyer"))
    assert screen.email.error.isVisible()
    assert screen.email.error.accessibleName() == \
        "Complétez la partie après le @, comme marie@example.fr."
    type_address(qtbot, screen, "camille@exemple.fr")
    assert not screen.email.error.isVisible()
    tap(qtbot, named(screen, QPushButton, "Envoyer"))
    assert screen.message.isVisible() and "cochez" in screen.message.text().lower()
    screen.consent.setChecked(True)
    assert not screen.message.isVisible()
    offline[0] = True
    tap(qtbot, named(screen, QPushButton, "Envoyer"))
    assert "connexion" in screen.message.accessibleName()
    assert screen.send.isEnabled() and not screen.done_text.isVisible()
    # Sync has not found it down, but the server does not answer: the same word.
    offline[0] = False
    tap(qtbot, named(screen, QPushButton, "Envoyer"))
    qtbot.waitUntil(lambda: screen.send.isEnabled(), timeout=15000)
    assert "connexion" in screen.message.accessibleName()
    assert len(module_smtp.messages()) == before


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_nothing_is_cut_in_text_half_as_large_again_with_the_keyboard_up(
        qtbot, shopper, size):
    screen = open_screen(qtbot, shopper)
    screen.setStyleSheet(Theme(scale=1.5).style_sheet())
    screen.restyle(Theme(scale=1.5))
    screen.set_landscape(size[0] > size[1])
    screen.resize(*size)
    tap(qtbot, screen.email.edit)
    screen.email.edit.setText("camille@exemple")
    screen.keyboard.done.emit()      # its Done key
    tap(qtbot, named(screen, QPushButton, "Envoyer"))

    qtbot.waitUntil(lambda: clipped_text(screen) == [], timeout=5000)
