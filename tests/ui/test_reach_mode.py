"""Reach mode (EN 301 549, 8.3): every control a shopper uses lies between 380 and 1,220 mm
above the floor, on every screen of a journey, however the screen stands.

Each control's height is worked out here from its geometry in the window and from how the
screen stands (the window fills the screen, so a pixel row is a fixed share of its height).
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QScroller,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)
from support.clock import TEST_CLOCK
from support.gestures import drag, finger_scroll, named, shown, start, tap
from support.ordering import ORDER_BUTTON, out_of_stock_here, to_basket, to_form

from kiosk.ui.app import KioskApp

LOWEST_MM, HIGHEST_MM = 380, 1220
CONTROLS = (QAbstractButton, QLineEdit, QAbstractItemView, QAbstractSlider, QComboBox)


@dataclasses.dataclass(frozen=True)
class Stand:
    orientation: str
    size: QSize
    screen_height_mm: float
    bottom_edge_mm: float


STANDS = {
    # A 43-inch screen standing upright on a base: its top half is out of reach.
    "43-inch upright": Stand("portrait", QSize(1080, 1920), 950, 700),
    # A taller screen reaching low: out of reach at the top and at the bottom.
    "55-inch upright, low": Stand("portrait", QSize(1080, 1920), 1210, 300),
    # A 43-inch screen turned wide.
    "43-inch wide": Stand("landscape", QSize(1920, 1080), 535, 800),
}


def height_above_floor(stand: Stand, row: float) -> float:
    """Millimetres above the floor of a pixel row of the window (row 0 at its top)."""
    rows = stand.size.height()
    return stand.bottom_edge_mm + (rows - row) * stand.screen_height_mm / rows


def out_of_reach(window: QWidget, stand: Stand) -> list[str]:
    """Every control that shows some part of itself outside the band, said with its
    name and the heights it spans."""
    problems = []
    for control in window.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or not control.isVisible():
            continue
        seen = control.visibleRegion().boundingRect()    # what a scroll leaves showing
        if seen.isEmpty():
            continue
        box = QRect(control.mapTo(window, seen.topLeft()), seen.size())
        top_mm = height_above_floor(stand, box.top())
        bottom_mm = height_above_floor(stand, box.bottom() + 1)
        if top_mm > HIGHEST_MM or bottom_mm < LOWEST_MM:
            name = control.accessibleName() or control.objectName() or type(control).__name__
            problems.append(f"{name!r} spans {bottom_mm:.0f} to {top_mm:.0f} mm")
    return problems


def scroll_arrows(bar: QScrollBar) -> list[QRect]:
    """The arrow buttons the style draws at the ends of `bar`, if any."""
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    ends = (QStyle.SubControl.SC_ScrollBarAddLine, QStyle.SubControl.SC_ScrollBarSubLine)
    boxes = [bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, end, bar)
             for end in ends]
    return [box for box in boxes if not box.isEmpty()]


def standing(demo_config, stand: Stand):
    """The terminal's config for a screen standing so."""
    return dataclasses.replace(demo_config, orientation=stand.orientation,
                               screen_height_mm=stand.screen_height_mm,
                               bottom_edge_mm=stand.bottom_edge_mm)


def kiosk_standing(qtbot, qapp, demo_config, stand: Stand) -> KioskApp:
    kiosk = KioskApp(qapp, standing(demo_config, stand), windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(stand.size)
    qtbot.waitUntil(kiosk.settled, timeout=10000)
    return kiosk


def start_settled(qtbot, kiosk) -> None:
    """A shopper starts, and the home has shown its categories and pictures."""
    start(qtbot, kiosk)
    qtbot.waitUntil(lambda: bool(kiosk.categories) and kiosk.settled(), timeout=10000)
    qtbot.wait(100)


def switch_reach_on(qtbot, kiosk) -> None:
    """As a shopper does: the accessibility button, then reach mode in its panel."""
    tap(qtbot, named(kiosk.window, QAbstractButton, "Accessibilité"))
    tap(qtbot, shown(qtbot, kiosk.window, QPushButton, "Tout à portée de main"))
    assert kiosk.window.reach
    tap(qtbot, shown(qtbot, kiosk.window, QPushButton, "Terminé"))


@pytest.mark.parametrize("stand", STANDS.values(), ids=STANDS.keys())
def test_in_reach_mode_every_control_of_a_journey_is_within_reach(
        qtbot, qapp, demo_config, stand):
    kiosk = kiosk_standing(qtbot, qapp, demo_config, stand)
    try:
        start_settled(qtbot, kiosk)
        # The screen as it stands puts controls out of reach: the top bar at least.
        assert any("Retour" in problem for problem in out_of_reach(kiosk.window, stand))
        switch_reach_on(qtbot, kiosk)

        def check(where: str) -> None:
            qtbot.waitUntil(kiosk.settled, timeout=10000)
            qapp.processEvents()
            problems = out_of_reach(kiosk.window, stand)
            assert problems == [], f"{where}: " + "; ".join(problems)
            assert kiosk.window.size() == stand.size, f"{where}: the window grew"
            # A control scrolled below the band is out of sight, which out_of_reach does not
            # see: the accessibility button is wholly in view, without a scroll.
            button = kiosk.accessibility_menu.bar.button
            assert button.visibleRegion().boundingRect() == button.rect(), \
                f"{where}: the accessibility button is out of sight"
            # The band scrolls under the finger: no arrows for a mouse.
            for bar in kiosk.window.findChildren(QScrollBar):
                if bar.isVisible():
                    assert scroll_arrows(bar) == [], f"{where}: a desktop scroll bar"

        check("home")
        product_id, sku, name, _ = out_of_stock_here(kiosk.config)
        kiosk.navigator.open_product(product_id, sku)
        shown(qtbot, kiosk.window, QPushButton, ORDER_BUTTON)
        # Chips just made show at the next turn and push what is under them down.
        page = kiosk.window.current_screen()
        qtbot.waitUntil(lambda: all(row.chip(key).isVisible() for row in (page.colors, page.sizes)
                                    for key in row.keys()))
        check("product")
        basket = to_basket(qtbot, kiosk, name)
        check("basket")
        form = to_form(qtbot, kiosk, basket)
        check("form")
        tap(qtbot, named(form, QLineEdit, "Prénom"))
        qtbot.waitUntil(lambda: form.keyboard.isVisible())
        check("form with its keyboard")
        kiosk.set_language("en")
        check("form in English")
        kiosk.context.session.customer_fields.update(
            first_name="Zoé", last_name="Martin", email="zoe@example.fr", phone="0612345678",
            address_line1="12 rue de l'Église", postal_code="69003", city="Lyon")
        kiosk.navigator.open_review()
        check("review")
        # What comes over the screens keeps to the band too: a notice (a tap takes it
        # away) and the idle warning's button.
        kiosk.notice.show_message("Up to 5 of the same item.")
        box = kiosk.notice.geometry()
        assert HIGHEST_MM >= height_above_floor(stand, box.top()) \
            and height_above_floor(stand, box.bottom() + 1) >= LOWEST_MM
        kiosk.still_there.show_countdown(20)
        assert kiosk.still_there.stay_button.isVisible()
        assert kiosk.still_there.geometry() == kiosk.window.contentsRect()   # the note shows
        check("the idle warning")
        # Above the band, a note says where everything went; its words are no control.
        note = named(kiosk.window, QLabel, "Everything is lower down, within reach.")
        assert note.isVisible()
        assert height_above_floor(stand, note.geometry().bottom()) > HIGHEST_MM
    finally:
        kiosk.shutdown()


def test_reach_mode_off_gives_back_the_whole_screen(qtbot, qapp, demo_config):
    stand = STANDS["43-inch upright"]
    kiosk = kiosk_standing(qtbot, qapp, demo_config, stand)
    try:
        start_settled(qtbot, kiosk)
        before = kiosk.window.grab().toImage()
        kiosk.window.set_reach(True)
        qapp.processEvents()
        assert kiosk.top_bar.mapTo(kiosk.window, QPoint(0, 0)).y() > 0
        kiosk.window.set_reach(False)
        qapp.processEvents()
        assert kiosk.top_bar.mapTo(kiosk.window, QPoint(0, 0)).y() == 0
        assert kiosk.window.grab().toImage() == before
    finally:
        kiosk.shutdown()


def test_a_screen_wholly_in_reach_is_left_as_it_is(qtbot, qapp, demo_config):
    # A 32-inch screen turned wide, its bottom edge at 800 mm: its top is at 1,198 mm.
    stand = Stand("landscape", QSize(1920, 1080), 398, 800)
    kiosk = kiosk_standing(qtbot, qapp, demo_config, stand)
    try:
        start_settled(qtbot, kiosk)
        before = kiosk.window.grab().toImage()
        kiosk.window.set_reach(True)
        qapp.processEvents()
        assert kiosk.window.grab().toImage() == before
        assert out_of_reach(kiosk.window, stand) == []
    finally:
        kiosk.shutdown()


# Screens whose reach band is too short for a screen in the largest type, and that screen.
SHORT_BANDS = {
    # A 65-inch totem standing tall: its bottom edge at 900 mm, so only its lowest 320 mm
    # are in reach; the home (which scrolls itself below its rating button).
    "65-inch totem": (Stand("portrait", QSize(1080, 1920), 1430, 900), "home"),
    # A 43-inch screen turned wide and hung high: its lowest 220 mm in reach; a product.
    "43-inch wide, high": (Stand("landscape", QSize(1920, 1080), 535, 1000), "product"),
}


@pytest.mark.parametrize("stand, screen", SHORT_BANDS.values(), ids=SHORT_BANDS.keys())
def test_in_largest_type_a_band_too_short_scrolls_under_the_finger_rather_than_the_window_grows(
        qtbot, qapp, demo_config, stand, screen):
    kiosk = kiosk_standing(qtbot, qapp, dataclasses.replace(demo_config, text_scale=2.0),
                           stand)
    try:
        start_settled(qtbot, kiosk)
        switch_reach_on(qtbot, kiosk)
        if screen == "product":
            product_id, sku, _, _ = out_of_stock_here(kiosk.config)
            kiosk.navigator.open_product(product_id, sku)
            shown(qtbot, kiosk.window, QPushButton, ORDER_BUTTON)
            qtbot.waitUntil(kiosk.settled, timeout=10000)
        qapp.processEvents()
        assert kiosk.window.size() == stand.size
        assert out_of_reach(kiosk.window, stand) == []
        # What the band cannot hold is a scroll away, the top bar first in sight.
        scroller = kiosk.window.findChild(QScrollArea, "ReachScroller")
        bar = scroller.verticalScrollBar()
        assert scroller.isVisible() and bar.maximum() > 0 and bar.value() == 0
        assert kiosk.top_bar.visibleRegion().boundingRect() == kiosk.top_bar.rect()
        # A finger laid on the store's name, which scrolls nothing of its own, and slid up
        # brings up what lies below, as it would anywhere else.
        name = kiosk.top_bar.store_label
        start_at = name.mapTo(kiosk.window, name.rect().center())
        slide = min(bar.maximum(), start_at.y() // 2)
        drag(kiosk.window, start_at, start_at - QPoint(0, slide))
        qtbot.waitUntil(
            lambda: QScroller.scroller(scroller.viewport()).state() == QScroller.State.Inactive,
            timeout=5000)
        assert bar.value() >= slide // 2, f"a {slide} px slide scrolled the band {bar.value()} px"
        assert kiosk.window.size() == stand.size
    finally:
        kiosk.shutdown()


@pytest.mark.parametrize("stand", [STANDS["43-inch upright"], STANDS["43-inch wide"]],
                         ids=["43-inch upright", "43-inch wide"])
def test_in_reach_mode_a_finger_scrolls_the_home_and_a_product_page(
        qtbot, qapp, demo_config, stand):
    # Not the first kiosk of the run: areas made after an earlier kiosk's areas went
    # scroll as well (the flick gesture outlives every area; it went with the first).
    earlier = KioskApp(qapp, standing(demo_config, stand), windowed=True, clock=TEST_CLOCK)
    earlier.shutdown()
    earlier.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    kiosk = kiosk_standing(qtbot, qapp, demo_config, stand)
    try:
        start_settled(qtbot, kiosk)
        switch_reach_on(qtbot, kiosk)
        qapp.processEvents()
        home = kiosk.window.current_screen()
        slid, scrolled = finger_scroll(qtbot, kiosk.window, home.grid)
        # The grid follows the finger, and glides on a little once it lifts.
        assert scrolled >= slid // 2, f"a {slid} px slide scrolled the home {scrolled} px"
        product_id, sku, _, _ = out_of_stock_here(kiosk.config)
        kiosk.navigator.open_product(product_id, sku)
        shown(qtbot, kiosk.window, QPushButton, ORDER_BUTTON)
        qtbot.waitUntil(kiosk.settled, timeout=10000)
        qapp.processEvents()
        page = kiosk.window.current_screen()
        slid, scrolled = finger_scroll(qtbot, kiosk.window, page.scroll)
        assert scrolled >= slid // 2, f"a {slid} px slide scrolled the product {scrolled} px"
    finally:
        kiosk.shutdown()
