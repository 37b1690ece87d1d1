"""The checkout in large type, on both screen shapes, in both languages: nothing clipped,
and the window keeps the panel's size (a layout asking for more would push it off)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import QSize
from support.layout import clipped_text
from support.ordering import out_of_stock_here

from kiosk.core.orders import BasketLine, DeliveryOption, PlacedOrder
from kiosk.ui.app import KioskApp

PORTRAIT, LANDSCAPE = QSize(1080, 1920), QSize(1920, 1080)
ZOE = {"first_name": "Zoé", "last_name": "D'Arc-Lefèvre", "email": "zoe@example.fr",
       "phone": "0612345678", "address_line1": "12 rue de l'Église",
       "address_line2": "Bâtiment C, 3e étage", "postal_code": "6900", "city": "Lyon"}


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_the_checkout_fits_in_large_type(qtbot, qapp, demo_config, size):
    orientation = "portrait" if size == PORTRAIT else "landscape"
    config = dataclasses.replace(demo_config, text_scale=1.5, orientation=orientation,
                                 central_url="https://central.example.com")
    kiosk = KioskApp(qapp, config, windowed=True)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    product_id, sku, name, price = out_of_stock_here(config)
    session = kiosk.context.session
    session.add_to_basket(BasketLine(sku, product_id, name, "XL", "Orange", price, 2))
    session.add_to_basket(BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket", "L", "Red",
                                     7500, 1))
    session.customer_fields.update(ZOE)
    kiosk.start_session()

    def form():
        kiosk.open_customer_form()
        kiosk.window.current_screen()._on_continue()     # the wrong postal code shows

    steps = {
        "basket": kiosk.open_basket,
        "form": form,
        "review": lambda: (session.customer_fields.update(postal_code="69003"),
                           kiosk.open_review()),
        "confirmation": lambda: kiosk.show_confirmation(PlacedOrder(
            "0" * 36, "K7D-3MXQ9P", 2 * price + 7990, 3, DeliveryOption("express", 990, 1),
            date(2026, 11, 26), datetime.now(timezone.utc))),
    }
    for screen_name, step in steps.items():
        step()
        for language in ("fr", "en"):
            kiosk.set_language(language)
            qtbot.wait(50)             # layouts settle; a tap never comes sooner
            where = f"{screen_name}, {language}, {orientation}"
            assert kiosk.window.size() == size, where
            assert clipped_text(kiosk.window) == [], where
        kiosk.set_language("fr")
    kiosk.shutdown()
