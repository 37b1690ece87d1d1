"""The checkout in large type, on both screen shapes, in both languages: nothing clipped,
and the window keeps the panel's size (a layout asking for more would push it off)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QRect, QSize
from support.clock import TEST_CLOCK, TEST_NOW, clock_at
from support.layout import clipped_text, in_view
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
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
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
        kiosk.navigator.open_customer_form()
        kiosk.window.current_screen()._on_continue()     # the wrong postal code shows

    steps = {
        "basket": kiosk.navigator.open_basket,
        "form": form,
        "review": lambda: (session.customer_fields.update(postal_code="69003"),
                           kiosk.navigator.open_review()),
        "confirmation": lambda: kiosk.navigator.show_confirmation(PlacedOrder(
            "0" * 36, "K7D-3MXQ9P", 2 * price + 7990, 3, DeliveryOption("express", 990, 1),
            date(2026, 11, 26), TEST_NOW)),
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


# Days on which the review's delivery dates are long or unusual: ordered on a Friday, the
# standard delivery comes on "Wednesday 30 September" / "mercredi 30 septembre", the
# longest day and month names in both languages; then a Sunday, the last day of a month,
# the night Paris puts its clocks forward, and 29 February.
AWKWARD_DAYS = {
    "longest names": clock_at(2026, 9, 25),
    "sunday": clock_at(2026, 12, 6),
    "end of month": clock_at(2026, 12, 31, 23, 30),     # already 1 January in Paris
    "clocks change": clock_at(2027, 3, 28, 1, 30),
    "29 february": clock_at(2028, 2, 29),
}


@pytest.mark.parametrize("clock", AWKWARD_DAYS.values(), ids=AWKWARD_DAYS.keys())
def test_delivery_dates_wrap_in_large_type_on_any_day(qtbot, qapp, demo_config, clock):
    config = dataclasses.replace(demo_config, text_scale=1.5, orientation="portrait")
    kiosk = KioskApp(qapp, config, windowed=True, clock=clock)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(PORTRAIT)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    kiosk.context.session.add_to_basket(BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket",
                                                   "L", "Red", 7500, 1))
    kiosk.context.session.customer_fields.update(ZOE, postal_code="69003")
    kiosk.start_session()
    kiosk.navigator.open_review()
    review = kiosk.window.current_screen()
    for language in ("fr", "en"):
        kiosk.set_language(language)
        qtbot.wait(50)
        delivery = [button.accessibleName() for button in review.delivery_buttons.buttons()]
        assert clipped_text(kiosk.window) == [], (language, delivery)
    kiosk.shutdown()


def test_the_delivery_date_counts_working_days_from_the_stores_day(qtbot, qapp, demo_config):
    """At 23:30 on 31 December in UTC it is already 1 January in Paris: the shopper is
    promised delivery from the store's day, not from UTC's."""
    kiosk = KioskApp(qapp, demo_config, windowed=True, clock=AWKWARD_DAYS["end of month"])
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    kiosk.context.session.add_to_basket(BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket",
                                                   "L", "Red", 7500, 1))
    kiosk.start_session()
    kiosk.navigator.open_review()
    kiosk.set_language("en")
    standard = kiosk.window.current_screen().delivery_buttons.button(0)
    # Friday 1 January 2027 + 3 working days: Monday 4, Tuesday 5, Wednesday 6.
    assert standard.accessibleName().endswith("delivered by Wednesday 6 January")
    kiosk.shutdown()


@pytest.mark.parametrize("size, scale", [(PORTRAIT, 1.0), (LANDSCAPE, 1.0), (PORTRAIT, 1.5),
                                         (LANDSCAPE, 1.5)],
                         ids=["portrait", "landscape", "portrait-large", "landscape-large"])
def test_the_product_page_keeps_the_decision_in_view(qtbot, qapp, demo_config, size, scale):
    """Price, choice, stock here and the main action stay on screen however far the page
    is scrolled; the size and colour rows wrap instead of running off the edge."""
    orientation = "portrait" if size == PORTRAIT else "landscape"
    config = dataclasses.replace(demo_config, text_scale=scale, orientation=orientation)
    kiosk = KioskApp(qapp, config, windowed=True)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    product_id, sku, _, _ = out_of_stock_here(config)
    kiosk.start_session()
    kiosk.context.session.add_to_compare(product_id)     # the tray bar takes room too
    for scanned in (sku, None):          # a scan chooses a variant; a list's tap does not
        kiosk.navigator.open_product(product_id, scanned)
        page = kiosk.window.current_screen()
        qtbot.waitUntil(lambda page=page: page.page is not None, timeout=5000)
        for language in ("fr", "en"):
            kiosk.set_language(language)
            qtbot.wait(50)             # layouts settle; a tap never comes sooner
            where = f"{scanned}, {language}, {orientation}, {scale}"
            bar = page.price, page.stock, page.order_button
            # New chips and a restyled button settle over a turn or two of the event loop.
            qtbot.waitUntil(lambda bar=bar: all(in_view(widget, kiosk.window)
                                                for widget in bar))
            assert page.choice.isVisible() == (scanned is not None), where
            scroller = page.scroll.verticalScrollBar()
            assert scroller.maximum() > 0, where      # the page does scroll under the bar
            scroller.setValue(scroller.maximum())
            qtbot.wait(1)
            assert all(in_view(widget, kiosk.window) for widget in bar), where
            # Every chip can be scrolled to and shown whole: none runs off the side. (In
            # landscape at 1.5x a row of sizes may be taller than the room above the bar.)
            for row in (page.sizes, page.colors):
                for key in row.keys():
                    page.scroll.ensureWidgetVisible(row.chip(key))
                    qtbot.wait(1)
                    assert in_view(row.chip(key), page.scroll.viewport()), (where, key)
            assert clipped_text(kiosk.window) == [], where
        kiosk.set_language("fr")
        kiosk.navigator.go_back()
    kiosk.shutdown()


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_the_filter_sheet_fits_in_large_type(qtbot, qapp, demo_config, size):
    """Every filter value is on the sheet, wrapped onto lines, none cut at the right edge
    (a row scrolled sideways hid some with no cue)."""
    orientation = "portrait" if size == PORTRAIT else "landscape"
    config = dataclasses.replace(demo_config, text_scale=1.5, orientation=orientation)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    kiosk.start_session()
    kiosk.navigator.open_category("Women/Tops")
    screen = kiosk.window.current_screen()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=5000)
    screen.open_filters()
    sheet = screen.panel
    for language in ("fr", "en"):
        kiosk.set_language(language)
        qtbot.wait(50)
        where = f"{language}, {orientation}"
        chips = [chip for row in (sheet.sizes, sheet.colors, sheet.prices, sheet.sorts)
                 for chip in map(row.chip, row.keys())]
        assert len(chips) > 12, where      # sizes, colours, prices and sorts are offered
        for chip in chips:
            left = chip.mapTo(sheet, chip.rect().topLeft()).x()
            assert chip.isVisible() and 0 <= left and left + chip.width() <= sheet.width(), \
                f"{chip.accessibleName()!r} is cut at the sheet's edge, {where}"
        assert clipped_text(kiosk.window) == [], where
        assert kiosk.window.size() == size, where
    kiosk.shutdown()


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_wrong_field_is_brought_into_view_with_its_name_in_the_largest_type(
        qtbot, qapp, demo_config, orientation):
    # At 2x, the keyboard leaves less height than a field with its message needs (on a
    # wide screen, hardly more than its name and line): the shopper sees which field it is
    # and what they typed, not the middle of it.
    config = dataclasses.replace(demo_config, text_scale=2.0, orientation=orientation)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(PORTRAIT if orientation == "portrait" else LANDSCAPE)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    try:
        session = kiosk.context.session
        session.add_to_basket(BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket", "L", "Red",
                                         7500, 1))
        session.customer_fields.update(ZOE, postal_code="69003", email="zoe@")
        kiosk.start_session()
        kiosk.navigator.open_customer_form()
        form = kiosk.window.current_screen()
        form._on_continue()
        field = form.active
        qtbot.waitUntil(lambda: field.edit.hasFocus() and form.keyboard.isVisible())
        viewport = form.scroll.viewport()

        def seen(widget, box=None) -> bool:
            box = box or widget.rect()
            return viewport.rect().contains(QRect(widget.mapTo(viewport, box.topLeft()),
                                                  box.size()))

        assert field.height() > viewport.height()          # the case this is about
        # Its name whole, and the line typed in (on a wide screen the field's frame may
        # not fit under its name: the words in it do).
        qtbot.waitUntil(lambda: seen(field.label)
                        and seen(field.edit, field.edit.cursorRect().adjusted(0, -4, 0, 4)))
    finally:
        kiosk.shutdown()
