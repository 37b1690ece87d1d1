"""A shopper orders an item this store does not have, for delivery at home.

The whole kiosk runs on the demo catalog, in French, with no central server: the order
must still be taken, written to the journal, and confirmed with its reference and QR
code. The server's side of the same flow is tested in tests/sync.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from support.gestures import named, shown, start, tap
from support.ordering import (
    CONSENT,
    ORDER_BUTTON,
    confirm,
    current,
    fill,
    fill_as_zoe,
    open_missing_jacket,
    order_missing_jacket,
    to_basket,
    to_form,
)
from support.qr import read_qr_codes
from support.screen_keyboard import type_on_screen

from kiosk.core.db.journal import open_journal
from kiosk.core.orders import BasketLine
from kiosk.core.validation import Problem
from kiosk.ui.screens.customer_form import CustomerFormScreen
from kiosk.ui.screens.review import ReviewScreen


def error_under(form, key):
    field = form.field(key)
    return field.error.accessibleName() if field.error.isVisible() else ""


def journal_orders(config) -> list[dict]:
    conn = open_journal(config.data_dir).conn
    rows = conn.execute("SELECT payload FROM outbox WHERE kind = 'order'").fetchall()
    conn.close()
    return [json.loads(payload) for (payload,) in rows]


def test_a_shopper_orders_a_missing_size_for_home_delivery(qtbot, kiosk):
    sku, name, price = open_missing_jacket(qtbot, kiosk)

    # The size is not here: ordering it is the prominent action.
    order = named(kiosk.window, QPushButton, ORDER_BUTTON)
    assert order.objectName() == "PrimaryButton"
    basket = to_basket(qtbot, kiosk, name)
    tap(qtbot, named(basket, QPushButton, f"Un de plus : {name}"))
    assert named(basket, QLabel, "Quantité : 2").isVisible()
    assert named(kiosk.window, QPushButton, "Panier, 2 articles").isVisible()

    form = to_form(qtbot, kiosk, basket)

    # Continue with nothing typed: each required field says what it needs, in French.
    tap(qtbot, named(form, QPushButton, "Continuer"))
    assert error_under(form, "first_name") == "Indiquez votre prénom."
    assert error_under(form, "postal_code") == "Indiquez le code postal."
    assert error_under(form, "address_line2") == ""          # optional
    assert isinstance(kiosk.window.current_screen(), CustomerFormScreen)

    # Mistakes, corrected on the way: each message goes as soon as the field is right.
    fill_as_zoe(qtbot, form)
    fill(qtbot, form, "E-mail", "zoe.darc@example")
    tap(qtbot, named(form, QLineEdit, "Code postal"))
    assert error_under(form, "email") == \
        "Complétez la partie après le @, comme marie@example.fr."
    fill(qtbot, form, "E-mail", "zoe.darc@example.fr")
    assert error_under(form, "email") == ""
    fill(qtbot, form, "Code postal", "6900")
    tap(qtbot, named(form, QLineEdit, "Ville"))
    assert error_under(form, "postal_code") == "Un code postal a cinq chiffres, comme 69003."
    tap(qtbot, named(form, QLineEdit, "Code postal"))
    type_on_screen(qtbot, form.keyboard, "3")
    assert error_under(form, "postal_code") == ""
    tap(qtbot, named(form, QPushButton, "Continuer"))

    assert {f.spec.key: error_under(form, f.spec.key) for f in form.fields if
            error_under(form, f.spec.key)} == {}
    review = current(kiosk, ReviewScreen)
    address = shown(qtbot, review, QLabel, review.address.accessibleName())
    assert "Zoé D'Arc-Lefèvre" in address.text()
    assert "12 rue de l'Église" in address.text()
    assert "06 12 34 56 78" in address.text()
    # Nothing is agreed for the shopper: Confirm waits for the box.
    assert not named(review, QCheckBox, CONSENT).isChecked()
    assert not named(review, QPushButton, "Confirmer la commande").isEnabled()
    assert named(review, QLabel,
                 "Cochez la case ci-dessus pour confirmer votre commande.").isVisible()
    promised = review.delivery.expected_date(kiosk.context.clock.today())
    confirmation = confirm(qtbot, kiosk)
    reference = confirmation.order.reference
    assert confirmation.reference.text() == reference
    # The confirmation keeps the review's promise: both count from the terminal's day.
    assert confirmation.order.expected_date == promised
    # No server here: the shopper is told the order waits on this terminal.
    assert "hors ligne" in confirmation.sending.text()

    (placed,) = journal_orders(kiosk.config)
    assert placed["reference"] == reference
    assert placed["lines"] == [{"sku": sku, "name": name, "size": placed["lines"][0]["size"],
                                "color": placed["lines"][0]["color"], "quantity": 2,
                                "unit_price_cents": price}]
    assert placed["customer"]["last_name"] == "D'Arc-Lefèvre"
    assert placed["customer"]["address"]["line1"] == "12 rue de l'Église"
    assert placed["customer"]["phone"] == "+33612345678"
    assert placed["total_cents"] == 2 * price + placed["delivery"]["fee_cents"]
    # The basket is gone with the order, and Back leads home, not to the address.
    assert not kiosk.top_bar.basket_button.isVisible()
    assert kiosk.window.screens.count() == 2


def test_the_confirmation_shows_a_readable_qr_of_the_order_page(qtbot, kiosk):
    kiosk.config = kiosk.context.config = dataclasses.replace(
        kiosk.config, central_url="https://central.example.com")
    confirmation = order_missing_jacket(qtbot, kiosk)
    expected = f"https://central.example.com/o/{confirmation.order.reference}"
    qtbot.waitUntil(lambda: read_qr_codes(confirmation.code) == [expected])
    # Nothing of the customer is left on screen for the next shopper to read.
    on_screen = " ".join(label.text() for label in kiosk.window.findChildren(QLabel)
                         if label.isVisible())
    for personal in ("Zoé", "Arc-Lefèvre", "zoe.darc", "12 34 56 78", "Église"):
        assert personal not in on_screen


def test_the_idle_reset_mid_form_wipes_the_fields_and_the_basket(qtbot, kiosk):
    _, name, _ = open_missing_jacket(qtbot, kiosk)
    form = to_form(qtbot, kiosk, to_basket(qtbot, kiosk, name))
    fill(qtbot, form, "Prénom", "Zoé")
    fill(qtbot, form, "Adresse", "12 rue de l'Église")

    kiosk.idle.expired.emit()          # the shopper walked away

    assert not kiosk.window.showing_session()
    assert kiosk.context.session.basket.is_empty
    assert kiosk.context.session.customer_fields == {}
    assert not kiosk.top_bar.basket_button.isVisible()
    # The next shopper finds the form empty.
    start(qtbot, kiosk)
    kiosk.navigator.open_customer_form()
    fresh = current(kiosk, CustomerFormScreen)
    assert all(field.edit.text() == "" for field in fresh.fields)
    assert not any(isinstance(w, QLineEdit) and "Zoé" in w.text()
                   for w in kiosk.window.findChildren(QLineEdit))


def test_the_basket_keeps_to_the_limit_per_line(qtbot, kiosk):
    _, name, _ = open_missing_jacket(qtbot, kiosk)
    basket = to_basket(qtbot, kiosk, name)
    more = named(basket, QPushButton, f"Un de plus : {name}")
    for _ in range(kiosk.config.max_quantity_per_line + 1):
        more = shown(qtbot, basket, QPushButton, f"Un de plus : {name}")
        tap(qtbot, more)
    limit = kiosk.config.max_quantity_per_line
    assert kiosk.context.session.basket.item_count == limit
    assert kiosk.notice.text() == \
        f"Vous pouvez commander jusqu’à {limit} fois le même article."
    tap(qtbot, shown(qtbot, basket, QPushButton, f"Retirer {name}"))
    assert shown(qtbot, basket, QLabel, basket.empty.text()).isVisible()
    assert not named(basket, QPushButton, "Saisir mes coordonnées").isEnabled()


def test_an_item_in_stock_here_can_still_be_delivered(qtbot, kiosk):
    conn = sqlite3.connect(kiosk.config.data_dir / "cache.db")
    product_id, sku = conn.execute(
        "SELECT v.product_id, v.sku FROM variants v JOIN stock s ON s.variant_sku = v.sku "
        "WHERE s.store_id = ? AND s.quantity > 10 ORDER BY v.sku LIMIT 1",
        (kiosk.config.store_id,)).fetchone()
    conn.close()
    start(qtbot, kiosk)
    kiosk.navigator.open_product(product_id, sku)
    shown(qtbot, kiosk.window, QLabel, "En stock ici")
    order = named(kiosk.window, QPushButton, ORDER_BUTTON)
    assert order.objectName() == "ProductAction"      # offered, not pushed


def test_the_compare_tray_gives_the_checkout_its_room(qtbot, kiosk):
    _, name, _ = open_missing_jacket(qtbot, kiosk)
    kiosk.context.session.add_to_compare(kiosk.cards[0].id)
    qtbot.waitUntil(lambda: kiosk.tray.isVisible())
    basket = to_basket(qtbot, kiosk, name)
    assert not kiosk.tray.isVisible()
    to_form(qtbot, kiosk, basket)
    assert not kiosk.tray.isVisible()
    kiosk.window.back()
    kiosk.window.back()
    qtbot.waitUntil(lambda: kiosk.tray.isVisible())


def test_a_full_disk_refuses_the_order_with_a_message_and_writes_nothing(qtbot, kiosk):
    _, name, _ = open_missing_jacket(qtbot, kiosk)
    form = to_form(qtbot, kiosk, to_basket(qtbot, kiosk, name))
    fill_as_zoe(qtbot, form)
    tap(qtbot, named(form, QPushButton, "Continuer"))
    review = current(kiosk, ReviewScreen)

    def fill_the_disk():
        conn = kiosk.data.journal.conn
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        conn.execute("PRAGMA max_page_count").fetchone()

    filled = []
    kiosk.runner.run_db(fill_the_disk, filled.append)
    qtbot.waitUntil(lambda: len(filled) == 1)
    # A basket too big for the page left: the order cannot be written whole.
    session = kiosk.context.session
    session.basket.clear()
    for index in range(10):
        session.add_to_basket(BasketLine(f"SKU-{index}", index, "x" * 300, "M", "Red", 100, 1))
    tap(qtbot, named(review, QCheckBox, CONSENT))
    tap(qtbot, named(review, QPushButton, "Confirmer la commande"))
    qtbot.waitUntil(lambda: kiosk.notice.isVisible())
    assert kiosk.notice.text().startswith("Désolés, votre commande n’a pas pu être enregistrée")
    assert isinstance(kiosk.window.current_screen(), ReviewScreen)
    assert named(review, QPushButton, "Confirmer la commande").isEnabled()   # may try again
    assert journal_orders(kiosk.config) == []


def test_every_problem_a_validator_can_find_has_a_french_message(qtbot, shopper):
    """The validators name what is wrong with a code; the form must have words for each,
    in the shopper's language, or a refusal would show as nothing."""
    form = CustomerFormScreen(shopper)
    qtbot.addWidget(form)
    optional = {"address_line2", "instructions"}
    shown = set()
    for field in form.fields:
        for problem in Problem:
            if problem is Problem.REQUIRED and field.spec.key in optional:
                continue            # an optional field is never missing
            field.problem = problem
            message = form._message(field)
            assert message, f"{field.spec.key}: no words for {problem}"
            shown.add(message)
    assert "Indiquez votre prénom." in shown            # French, not the English source
