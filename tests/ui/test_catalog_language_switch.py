"""The catalog in the shopper's language on the whole kiosk, over the demo catalog and its
French store view: a switch mid-journey shows the catalog's own words in the new language
at once, the shopper keeping their place; the order keeps what they read."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QLabel
from support.gestures import named, tap
from test_shopper_language import ZOE, basket_line, product_of, showing

from kiosk.core.db.journal import open_journal
from kiosk.ui.screens.basket import BasketScreen
from kiosk.ui.screens.category import CategoryScreen
from kiosk.ui.screens.confirmation import ConfirmationScreen
from kiosk.ui.screens.customer_form import CustomerFormScreen
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.screens.review import ReviewScreen

JUNO = "WJ06-M-Purple"


def tile_names(kiosk) -> list[str]:
    return [button.text() for button in kiosk.home._tile_buttons]


def open_juno(qtbot, kiosk) -> ProductScreen:
    kiosk.navigator.open_product(product_of(kiosk, JUNO), JUNO)
    product = showing(qtbot, kiosk, ProductScreen)
    qtbot.waitUntil(lambda: product.page is not None, timeout=5000)
    return product


def test_a_switch_mid_journey_shows_the_catalog_in_the_new_language_in_place(qtbot, kiosk):
    kiosk.set_language("fr")
    kiosk.start_session()
    qtbot.waitUntil(lambda: "Femme" in tile_names(kiosk), timeout=5000)
    kiosk.navigator.open_category("Women/Tops/Jackets")
    category = showing(qtbot, kiosk, CategoryScreen)
    qtbot.waitUntil(lambda: category.model.rowCount() > 0, timeout=5000)
    assert category.title() == "Vestes"
    product = open_juno(qtbot, kiosk)
    assert named(product, QLabel, "Veste Juno").isVisible()
    assert product.title() == "Veste Juno"
    assert product.colors.chip("Purple").text().startswith("✓ Violet")
    assert product.choice.text() == "Taille M · Violet"
    assert "Uni" in [label.text() for label in product.attributes.findChildren(QLabel)]
    french_description = product.page.description_html
    kiosk.context.session.add_to_basket(product.page.basket_line(product.variant))
    product.scroll.verticalScrollBar().setValue(200)
    scrolled = product.scroll.verticalScrollBar().value()

    kiosk.set_language("en")
    qtbot.waitUntil(lambda: product.page.name == "Juno Jacket", timeout=5000)
    assert named(product, QLabel, "Juno Jacket").isVisible()
    assert product.title() == "Juno Jacket"
    assert product.page.description_html != french_description
    # The shopper's choice and place stay: the same variant, the same scroll.
    assert product.variant.sku == JUNO
    assert product.colors.checked_keys() == {"Purple"}
    assert product.colors.chip("Purple").text().startswith("✓ Purple")
    assert product.choice.text() == "Size M · Purple"
    assert product.scroll.verticalScrollBar().value() == scrolled
    assert "Solid" in [label.text() for label in product.attributes.findChildren(QLabel)]
    # The screens under it, the home and the basket follow.
    qtbot.waitUntil(lambda: category.title() == "Jackets", timeout=5000)
    qtbot.waitUntil(lambda: "Women" in tile_names(kiosk), timeout=5000)
    qtbot.waitUntil(lambda: kiosk.context.session.basket.lines[0].name == "Juno Jacket",
                    timeout=5000)
    assert kiosk.context.session.basket.lines[0].color == "Purple"

    kiosk.set_language("fr")
    qtbot.waitUntil(lambda: product.page.name == "Veste Juno", timeout=5000)
    assert product.variant.sku == JUNO
    assert product.colors.chip("Purple").text().startswith("✓ Violet")


def test_the_order_keeps_the_words_the_shopper_read(qtbot, kiosk):
    kiosk.set_language("en")
    kiosk.start_session()
    kiosk.context.session.add_to_basket(basket_line(kiosk, JUNO))    # as the cache writes it
    kiosk.set_language("fr")
    qtbot.waitUntil(lambda: kiosk.context.session.basket.lines[0].name == "Veste Juno",
                    timeout=5000)
    kiosk.navigator.open_basket()
    basket = showing(qtbot, kiosk, BasketScreen)
    assert named(basket, QLabel, "Veste Juno").isVisible()
    assert any("M · Violet" in label.text() for label in basket.findChildren(QLabel))
    kiosk.context.session.customer_fields.update(ZOE)
    kiosk.navigator.open_customer_form()
    tap(qtbot, showing(qtbot, kiosk, CustomerFormScreen).proceed)
    review = showing(qtbot, kiosk, ReviewScreen)
    review.consent.setChecked(True)
    tap(qtbot, review.confirm)
    showing(qtbot, kiosk, ConfirmationScreen)
    conn = open_journal(kiosk.config.data_dir).conn
    (payload,) = conn.execute("SELECT payload FROM outbox WHERE kind = 'order'").fetchone()
    conn.close()
    order = json.loads(payload)
    assert order["language"] == "fr"
    assert [(line["sku"], line["name"], line["size"], line["color"])
            for line in order["lines"]] == [(JUNO, "Veste Juno", "M", "Violet")]
