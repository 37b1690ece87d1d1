"""A French-speaking shopper's steps through a home-delivery order, on the whole kiosk."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton

from kiosk.ui.screens.basket import BasketScreen
from kiosk.ui.screens.confirmation import ConfirmationScreen
from kiosk.ui.screens.customer_form import CustomerFormScreen
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.screens.review import ReviewScreen
from support.gestures import named, shown, start, tap
from support.screen_keyboard import clear_on_screen, type_on_screen

ORDER_BUTTON = "Livrer à mon domicile"
CONSENT = "J’accepte que mes données servent à livrer cette commande."
# Typed on the on-screen keyboard, accents and apostrophes included.
ZOE = (("Prénom", "Zoé"), ("Nom", "D'Arc-Lefèvre"), ("E-mail", "zoe.darc@example.fr"),
       ("Téléphone portable", "0612345678"), ("Adresse", "12 rue de l'Église"),
       ("Code postal", "69003"), ("Ville", "Lyon"))


def out_of_stock_here(config) -> tuple[int, str, str, int]:
    """A jacket size that this store lacks and others have: (product, sku, name, price),
    named as the French shopper reads it."""
    conn = sqlite3.connect(config.data_dir / "cache.db")
    row = conn.execute(
        "SELECT p.id, v.sku, coalesce(json_extract(p.translations, '$.fr.name'), p.name), "
        "v.price_cents FROM variants v "
        "JOIN products p ON p.id = v.product_id "
        "WHERE p.name LIKE '%Jacket%' AND v.size IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM stock WHERE variant_sku = v.sku "
        "                AND store_id = ? AND quantity > 0) "
        "AND EXISTS (SELECT 1 FROM stock WHERE variant_sku = v.sku AND quantity > 0) "
        "ORDER BY p.id, v.sku LIMIT 1", (config.store_id,)).fetchone()
    conn.close()
    assert row is not None, "the demo catalog has a jacket size missing from this store"
    return row


def current(kiosk, cls):
    screen = kiosk.window.current_screen()
    assert isinstance(screen, cls), f"showing {type(screen).__name__}, not {cls.__name__}"
    return screen


def open_missing_jacket(qtbot, kiosk):
    """Start a session and open a jacket in a size this store does not have."""
    product_id, sku, name, price = out_of_stock_here(kiosk.config)
    start(qtbot, kiosk)
    kiosk.navigator.open_product(product_id, sku)
    shown(qtbot, kiosk.window, QLabel, "Pas en stock ici")
    # Chips just made show at the next turn and push what is below them down: a shopper's
    # finger never comes sooner, and a press on a button that then moves is no tap.
    page = current(kiosk, ProductScreen)
    qtbot.waitUntil(lambda: all(row.chip(key).isVisible() for row in (page.colors, page.sizes)
                                for key in row.keys()))
    return sku, name, price


def to_basket(qtbot, kiosk, name) -> BasketScreen:
    tap(qtbot, named(kiosk.window, QPushButton, ORDER_BUTTON))
    basket = current(kiosk, BasketScreen)
    shown(qtbot, basket, QPushButton, f"Un de plus : {name}")
    return basket


def to_form(qtbot, kiosk, basket) -> CustomerFormScreen:
    tap(qtbot, named(basket, QPushButton, "Saisir mes coordonnées"))
    return current(kiosk, CustomerFormScreen)


def fill(qtbot, form, label, text):
    """Tap the field, clear what is there, type on the on-screen keyboard."""
    tap(qtbot, named(form, QLineEdit, label))
    # The keyboard comes up with the first field: it is in place at the next turn.
    qtbot.waitUntil(lambda: form.keyboard.isVisible())
    qtbot.wait(1)
    clear_on_screen(qtbot, form.keyboard)
    type_on_screen(qtbot, form.keyboard, text)


def fill_as_zoe(qtbot, form):
    for label, text in ZOE:
        fill(qtbot, form, label, text)


def confirm(qtbot, kiosk) -> ConfirmationScreen:
    """From the review: agree, confirm, and wait for the confirmation."""
    review = current(kiosk, ReviewScreen)
    tap(qtbot, named(review, QCheckBox, CONSENT))
    tap(qtbot, named(review, QPushButton, "Confirmer la commande"))
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current_screen(), ConfirmationScreen))
    return kiosk.window.current_screen()


def order_missing_jacket(qtbot, kiosk) -> ConfirmationScreen:
    """The whole order, without mistakes: product, basket, form, review, confirmation."""
    _, name, _ = open_missing_jacket(qtbot, kiosk)
    form = to_form(qtbot, kiosk, to_basket(qtbot, kiosk, name))
    fill_as_zoe(qtbot, form)
    tap(qtbot, named(form, QPushButton, "Continuer"))
    return confirm(qtbot, kiosk)
