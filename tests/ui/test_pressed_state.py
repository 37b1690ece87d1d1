"""Every tap answers: a button, chip, card or tile looks pressed the moment the finger lands,
before it lifts, and not by colour alone where the control can show more."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QListView, QPushButton, QScroller, QWidget
from support.gestures import scroll_into_view, start, tap

from kiosk.core.orders import BasketLine
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import finger_scroll_area

ZOE = {"first_name": "Zoé", "last_name": "Arc", "email": "zoe@example.fr",
       "phone": "0612345678", "address_line1": "12 rue de l'Église", "postal_code": "69003",
       "city": "Lyon"}


def looks_while_pressed(widget: QWidget, at: QPoint | None = None) -> tuple[QImage, QImage]:
    """The widget's pixels before the finger lands, and while it rests there. The finger
    then lifts with the widget's signals blocked: the test looks, it does not go anywhere."""
    window = widget.window()
    handle = window.windowHandle()
    point = widget.mapTo(window, widget.rect().center() if at is None else at)
    before = widget.grab().toImage()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    during = widget.grab().toImage()
    sender = widget.parentWidget() if isinstance(widget.parentWidget(), QListView) else widget
    sender.blockSignals(True)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    if shiboken6.isValid(sender):    # a row rebuilt meanwhile takes its old buttons away
        sender.blockSignals(False)
    return before, during


def unanswered_buttons(screen: QWidget) -> list[str]:
    """Every button shown on the screen whose look does not change under the finger."""
    silent = []
    for button in screen.findChildren(QAbstractButton):
        # A row of chips may be rebuilt meanwhile (a page of facets arriving).
        if not shiboken6.isValid(button) or not button.isVisible() or not button.isEnabled():
            continue
        scroll_into_view(button)
        before, during = looks_while_pressed(button)
        if before == during:
            silent.append(f"{type(button).__name__}#{button.objectName()} "
                          f"{button.accessibleName()!r}")
    return silent


def test_every_button_on_the_shopper_screens_looks_pressed_under_the_finger(qtbot, kiosk):
    start(qtbot, kiosk)
    window = kiosk.window
    qtbot.waitUntil(lambda: bool(kiosk.categories), timeout=5000)
    assert unanswered_buttons(window) == [], "home"
    kiosk.navigator.open_category(kiosk.categories[0].path)
    qtbot.waitUntil(lambda: window.current_screen().model.rowCount() > 0, timeout=5000)
    assert unanswered_buttons(window) == [], "category"
    screen = window.current_screen()
    screen.open_filters()
    assert unanswered_buttons(screen.panel) == [], "filters"
    screen.close_filters()
    kiosk.navigator.open_search("veste")
    qtbot.wait(100)
    assert unanswered_buttons(window) == [], "search and its keyboard"
    product_id = kiosk.cards[0].id
    kiosk.navigator.open_product(product_id)
    qtbot.waitUntil(lambda: window.current_screen().page is not None, timeout=5000)
    assert unanswered_buttons(window) == [], "product"
    kiosk.context.session.add_to_compare(kiosk.cards[1].id)
    kiosk.context.session.add_to_compare(kiosk.cards[2].id)
    kiosk.navigator.open_compare()
    qtbot.wait(200)
    assert unanswered_buttons(window) == [], "compare"
    kiosk.navigator.open_rating()
    qtbot.wait(50)
    assert unanswered_buttons(window) == [], "rating"
    session = kiosk.context.session
    session.add_to_basket(BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket", "L", "Red",
                                     7500, 2))
    kiosk.navigator.open_basket()
    qtbot.wait(50)
    assert unanswered_buttons(window) == [], "basket"
    kiosk.navigator.open_customer_form()
    qtbot.wait(50)
    assert unanswered_buttons(window) == [], "delivery details and their keyboard"
    kiosk.navigator.open_stores("WJ01-L-Red")
    qtbot.wait(200)
    assert unanswered_buttons(window) == [], "other stores"
    session.customer_fields.update(ZOE)
    kiosk.navigator.open_review()
    qtbot.wait(50)
    assert unanswered_buttons(window) == [], "review"


def test_a_product_card_looks_pressed_while_the_finger_rests_on_it(qtbot, kiosk):
    start(qtbot, kiosk)
    qtbot.waitUntil(lambda: bool(kiosk.categories), timeout=5000)
    kiosk.navigator.open_category(kiosk.categories[0].path)
    grid = kiosk.window.current_screen().grid
    qtbot.waitUntil(lambda: grid.model().rowCount() > 0, timeout=5000)
    kiosk.runner.wait_idle()        # the pictures are in: the card changes only by the finger
    qtbot.wait(50)
    card = grid.visualRect(grid.model().index(0, 0))
    before, during = looks_while_pressed(grid.viewport(), card.center())
    assert before.copy(card) != during.copy(card)
    # Lifted, it is a card again.
    assert grid.viewport().grab().toImage().copy(card) == before.copy(card)


def test_a_flick_on_a_list_lets_go_of_the_button_it_started_on(qtbot):
    buttons = QWidget()
    for number in range(40):
        QPushButton(str(number), buttons).move(0, number * 100)
    buttons.setMinimumSize(400, 4000)
    area = finger_scroll_area(buttons)
    area.setStyleSheet(Theme().style_sheet())
    area.resize(400, 600)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    first = buttons.findChildren(QPushButton)[0]
    clicked = []
    first.clicked.connect(lambda: clicked.append(True))
    handle, left = area.windowHandle(), Qt.MouseButton.LeftButton
    point = first.mapTo(area, first.rect().center())
    QTest.mousePress(handle, left, Qt.KeyboardModifier.NoModifier, point)
    assert first.isDown(), "the press reaches the button at once, not a quarter second later"
    for step in range(1, 20):
        QTest.mouseMove(handle, point - QPoint(0, step * 10))
        QTest.qWait(5)
    QTest.mouseRelease(handle, left, Qt.KeyboardModifier.NoModifier, point - QPoint(0, 200))
    assert not first.isDown()
    assert clicked == []
    # The next tap on it is a tap again.
    QScroller.scroller(area.viewport()).stop()      # the flick's glide, cut short
    area.verticalScrollBar().setValue(0)
    tap(qtbot, first)
    assert clicked == [True]
