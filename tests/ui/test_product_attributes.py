"""The product page shows the attributes IT listed in the config, labelled in the
shopper's language, and no catalog internals."""

from __future__ import annotations

import dataclasses
import sqlite3

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel
from support.languages import formatter_for

from kiosk.core.catalog_change import EVERYTHING
from kiosk.core.config import ShownAttribute
from kiosk.ui.screens.product import ProductScreen

SALE = ShownAttribute("sale", (("fr", "En promotion"), ("en", "On sale")), "special_price")
MATERIAL = ShownAttribute("material", (("fr", "Composition"), ("en", "Made of")))


def show(qtbot, context, sku):
    conn = sqlite3.connect(context.config.data_dir / "cache.db")
    [product_id] = conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()
    conn.close()
    screen = ProductScreen(context, product_id)
    screen.setStyleSheet(context.theme.style_sheet())
    qtbot.addWidget(screen)
    screen.resize(1080, 1920)
    screen.show()
    qtbot.waitUntil(lambda: screen.page is not None, timeout=5000)
    settle()
    return screen


def settle():
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def attribute_rows(screen) -> list[tuple[str, str]]:
    names = [label for label in screen.attributes.findChildren(QLabel, "AttributeName")
             if label.isVisible()]
    values = [label for label in screen.attributes.findChildren(QLabel, "AttributeValue")
              if label.isVisible()]
    rows = sorted(zip(names, values, strict=True), key=lambda pair: pair[0].y())
    return [(name.accessibleName(), value.accessibleName()) for name, value in rows]


def test_the_page_shows_the_default_attributes_and_no_merchandising_flag(qtbot, shopper):
    screen = show(qtbot, shopper, "WJ01")      # erin_recommends = Yes, new = Yes, sale = No
    names = [name for name, _ in attribute_rows(screen)]
    assert names == ["Matière", "Motif", "Climat", "Style", "Collection écoresponsable",
                     "Tissu technique"]
    for internal in ("Recommandé par Erin", "Nouveau", "Soldes", "Erin recommends"):
        assert internal not in names


def test_only_the_configured_attributes_with_their_labels_and_a_sale_flag_only_if_true(
        qtbot, shopper):
    shopper.config = dataclasses.replace(shopper.config, shown_attributes=(MATERIAL, SALE))
    # The Chaz hoodie's catalog says sale = Yes, yet it has no special price.
    screen = show(qtbot, shopper, "MH01")
    assert [name for name, _ in attribute_rows(screen)] == ["Composition"]
    conn = sqlite3.connect(shopper.config.data_dir / "cache.db")
    with conn:
        conn.execute("UPDATE products SET special_price_cents = price_cents - 1000, "
                     "special_from = NULL, special_to = NULL WHERE sku = 'MH01'")
    conn.close()
    screen = show(qtbot, shopper, "MH01")
    assert [name for name, _ in attribute_rows(screen)] == ["Composition", "En promotion"]
    assert attribute_rows(screen)[1] == ("En promotion", "Oui")


def test_the_labels_follow_the_shoppers_language(qtbot, qapp, shopper):
    shopper.config = dataclasses.replace(shopper.config, shown_attributes=(MATERIAL,))
    screen = show(qtbot, shopper, "MH01")
    qapp.removeTranslator(shopper.translators["fr"])
    qapp.installTranslator(shopper.translators["en"])
    shopper.formatter = formatter_for(shopper, "en")     # as the app does at a switch
    screen.set_formatter(shopper.formatter)
    screen.catalog_changed(EVERYTHING)          # the catalog's values read in English
    qtbot.waitUntil(lambda: attribute_rows(screen) == [("Made of", "Wool")], timeout=2000)
