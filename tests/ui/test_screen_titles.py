"""Screens name themselves in the shopper's language, and what they share says the same.

A screen's title() is what assistive technology calls the screen and what speech says on
arrival; on the checkout screens it is also the heading. A title from the wrong tr()
context would come out in English on a French kiosk, which is what these tests catch.
The status pane and the basket's refusals are shared by several screens (StatusPane,
kiosk.ui.wording) and keep each string's words and context.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTranslator
from support.clock import TEST_NOW

from kiosk.core.orders import BasketChange, DeliveryOption, OrderLimits, PlacedOrder
from kiosk.i18n import qm_path
from kiosk.i18n.build import build
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.basket import BasketScreen
from kiosk.ui.screens.checkout import CheckoutScreen
from kiosk.ui.screens.confirmation import ConfirmationScreen
from kiosk.ui.screens.context import ShopperSession
from kiosk.ui.screens.customer_form import CustomerFormScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.rating import RatingScreen
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.wording import limit_message

TITLES = {                 # (French, English)
    AttractScreen: ("Touchez l’écran pour commencer", "Touch to start"),
    HomeScreen: ("Accueil", "Home"),
    BasketScreen: ("Votre livraison à domicile", "Your home delivery"),
    CustomerFormScreen: ("Vos coordonnées de livraison", "Delivery details"),
    ReviewScreen: ("Vérifier et confirmer", "Check and confirm"),
    ConfirmationScreen: ("Merci, votre commande est passée", "Thank you, your order is placed"),
    RatingScreen: ("Comment s’est passée votre visite ?", "How was your visit?"),
}


def test_each_flow_screen_names_itself_in_french_and_english(qtbot, kiosk):
    navigator = kiosk.context.navigator
    order = PlacedOrder("0" * 36, "K7D-3MXQ9P", 8980, 1, DeliveryOption("standard", 0, 3),
                        date(2026, 11, 26), TEST_NOW)
    steps = (lambda: None, kiosk.start_session, navigator.open_basket,
             navigator.open_customer_form, navigator.open_review,
             lambda: navigator.show_confirmation(order), navigator.open_rating)
    seen = []
    for step in steps:
        step()
        screen = kiosk.window.current_screen()
        seen.append(type(screen))
        for language, expected in zip(("fr", "en"), TITLES[type(screen)], strict=True):
            kiosk.set_language(language)
            assert screen.title() == expected, (type(screen).__name__, language)
            if isinstance(screen, CheckoutScreen):
                # The heading follows the language change on its own (Retranslating).
                qtbot.waitUntil(lambda screen=screen: screen.heading.text() == screen.title())
            assert all(control.accessibleName() for control in screen.focus_order())
        kiosk.set_language("fr")
    assert seen == list(TITLES)


@pytest.fixture
def french(qapp):
    build()
    translator = QTranslator(qapp)
    assert translator.load(str(qm_path("fr")))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.mark.parametrize(("change", "expected"), [
    (BasketChange.LINE_LIMIT, "Vous pouvez commander jusqu’à 5 fois le même article."),
    (BasketChange.LINES_LIMIT, "Une commande peut contenir jusqu’à 1 article différent."),
    (BasketChange.ITEMS_LIMIT, "Une commande peut contenir jusqu’à 12 articles."),
    (BasketChange.ADDED, ""),
    (BasketChange.UPDATED, ""),
])
def test_a_basket_refusal_names_the_limit_it_met(french, change, expected):
    limits = OrderLimits(max_quantity_per_line=5, max_lines=1, max_items=12)
    context = SimpleNamespace(session=ShopperSession(limits))   # all limit_message reads
    assert limit_message(change, context) == expected
