"""A notice never covers the main action, and goes as soon as what it says stops being true."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QPushButton, QWidget
from support.clock import TEST_CLOCK
from support.gestures import shown, start, tap

from kiosk.core.compare import MAX_COMPARED
from kiosk.core.orders import BasketLine
from kiosk.ui.app import KioskApp
from kiosk.ui.widgets.notice import MAIN_ACTIONS

PORTRAIT, LANDSCAPE = QSize(1080, 1920), QSize(1920, 1080)
JACKET = BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket", "L", "Red", 7500, 1)


@pytest.fixture(params=[(PORTRAIT, 1.0), (PORTRAIT, 1.5), (LANDSCAPE, 1.5)],
                ids=["portrait", "portrait-large", "landscape-large"])
def kiosk(request, qtbot, qapp, demo_config):
    size, scale = request.param
    config = dataclasses.replace(demo_config, text_scale=scale)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    start(qtbot, kiosk)
    yield kiosk
    kiosk.shutdown()


def place(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def covered_main_actions(kiosk) -> list[str]:
    notice = place(kiosk.notice)
    return [f"{widget.objectName()} {widget.accessibleName()!r}"
            for widget in kiosk.window.findChildren(QWidget)
            if widget.objectName() in MAIN_ACTIONS and widget.isVisible()
            and place(widget).intersects(notice)]


def test_the_limit_notice_leaves_the_basket_button_in_view_and_goes_once_the_line_shrinks(
        qtbot, kiosk):
    limit = kiosk.config.max_quantity_per_line
    kiosk.context.session.add_to_basket(dataclasses.replace(JACKET, quantity=limit))
    kiosk.navigator.open_basket()
    basket = kiosk.window.current_screen()
    tap(qtbot, shown(qtbot, basket, QPushButton, f"Un de plus : {JACKET.name}"))
    assert kiosk.notice.isVisible()
    assert kiosk.notice.text() == f"Vous pouvez commander jusqu’à {limit} fois le même article."
    assert basket.proceed.isVisible() and not place(basket.proceed).intersects(
        place(kiosk.notice))
    assert covered_main_actions(kiosk) == []
    tap(qtbot, shown(qtbot, basket, QPushButton, f"Un de moins : {JACKET.name}"))
    assert not kiosk.notice.isVisible(), "the basket changed: the limit is no longer in reach"


def test_the_full_comparison_notice_goes_when_a_product_leaves_the_comparison(qtbot, kiosk):
    session = kiosk.context.session
    for card in kiosk.cards[:MAX_COMPARED]:
        session.add_to_compare(card.id)
    kiosk.navigator.open_product(kiosk.cards[MAX_COMPARED].id)
    product = kiosk.window.current_screen()
    qtbot.waitUntil(lambda: product.page is not None, timeout=5000)
    shown(qtbot, product, QPushButton, "Ajouter au comparateur").click()
    assert kiosk.notice.isVisible()
    assert covered_main_actions(kiosk) == []
    session.remove_from_compare(kiosk.cards[0].id)
    assert not kiosk.notice.isVisible()


def test_a_notice_goes_with_the_screen_it_was_about(qtbot, kiosk):
    kiosk.navigator.open_basket()
    kiosk.navigator.notify("Nous ne connaissons pas ce produit.")
    assert kiosk.notice.isVisible()
    assert covered_main_actions(kiosk) == []
    kiosk.navigator.go_back()
    assert not kiosk.notice.isVisible()
    # The next one goes as soon as the comparison changes.
    kiosk.navigator.notify("Le code n’a pas pu être lu.")
    assert kiosk.notice.isVisible()
    kiosk.context.session.add_to_compare(kiosk.cards[0].id)
    assert not kiosk.notice.isVisible()
