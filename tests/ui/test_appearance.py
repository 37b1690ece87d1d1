"""Larger text and high contrast, switched while the kiosk runs (kiosk/ui/appearance.py):
the open screen and the top bar follow at once, and switching back gives exactly the kiosk
as it was; the high-contrast colours are held to 7:1, computed as WCAG does."""

from __future__ import annotations

import dataclasses
import re
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from support.clock import TEST_CLOCK, TEST_NOW
from support.contrast import contrast_ratio

from kiosk.core.orders import BasketLine, DeliveryOption, PlacedOrder
from kiosk.ui.app import KioskApp
from kiosk.ui.theme import HIGH_CONTRAST, READABLE_PAIRS, STYLES, Colors
from kiosk.ui.widgets.qr import QrCode

# --- contrast, from the tokens ------------------------------------------------------------


def test_the_formula_gives_wcag_figures():
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize(("colors", "least"), [(Colors(), 4.5), (HIGH_CONTRAST, 7.0)],
                         ids=["usual", "high-contrast"])
def test_every_text_colour_reads_on_every_surface_it_is_used_on(colors, least):
    too_faint = {(text, surface): round(contrast_ratio(getattr(colors, text),
                                                       getattr(colors, surface)), 2)
                 for text, surface in READABLE_PAIRS
                 if contrast_ratio(getattr(colors, text), getattr(colors, surface)) < least}
    assert too_faint == {}


# A disabled control's words need no contrast (WCAG 1.4.3): the top bar's Back and Home
# on the attract screen's first page, which nothing can be done with.
DISABLED_TEXT = {"primary_light"}


def test_no_style_sheet_writes_text_in_a_colour_the_contrast_check_does_not_hold():
    text_colors = {text for text, _surface in READABLE_PAIRS} | DISABLED_TEXT
    used = {match[1] for sheet in STYLES.glob("*.qss")
            for match in re.finditer(r"(?<![-\w])color:\s*\$\{(\w+)\}", sheet.read_text())}
    assert used and used <= text_colors


# --- live switching ----------------------------------------------------------------------


# A terminal's screen, full size: the windowed kiosk's half-size window has no room for
# text at twice its size.
SCREEN = {"portrait": QSize(1080, 1920), "landscape": QSize(1920, 1080)}


@contextmanager
def running_kiosk(qtbot, qapp, config):
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(SCREEN.get(config.orientation, SCREEN["portrait"]))
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
        kiosk.start_session()
        yield kiosk
    finally:
        kiosk.shutdown()


def settle(qtbot, kiosk) -> None:
    qtbot.waitUntil(kiosk.settled, timeout=10000)
    # Widgets put in a shown layout are shown by a queued call; a grab lays out whatever
    # the change asked to lay out again, and may ask for pictures at their new size.
    QApplication.processEvents()
    kiosk.window.grab()
    qtbot.waitUntil(kiosk.settled, timeout=10000)
    QApplication.processEvents()


def layout_of(window: QWidget) -> list[tuple]:
    """Every widget shown: its kind, name, font size and place in the window."""
    return [(type(widget).__name__, widget.objectName(), widget.font().pixelSize(),
             widget.mapTo(window, QPoint(0, 0)).toTuple(), widget.size().toTuple())
            for widget in window.findChildren(QWidget) if widget.isVisible()]


def picture_of(window: QWidget) -> QImage:
    return window.grab().toImage()


def steady_picture_of(qtbot, kiosk) -> QImage:
    """The window once two grabs a moment apart agree: on a busy machine a picture or a
    queued layout can still land after the kiosk first looks settled."""
    picture = picture_of(kiosk.window)
    for _ in range(20):
        qtbot.wait(50)
        settle(qtbot, kiosk)
        again = picture_of(kiosk.window)
        if again == picture:
            break
        picture = again
    return picture


def test_larger_text_applies_to_the_open_screen_and_the_top_bar_and_goes_back_exactly(
        qtbot, qapp, demo_config):
    with running_kiosk(qtbot, qapp, demo_config) as kiosk:
        settle(qtbot, kiosk)
        before, looked = layout_of(kiosk.window), picture_of(kiosk.window)
        back_size = kiosk.top_bar.back_button.font().pixelSize()
        title_size = kiosk.home.categories_title.font().pixelSize()
        entry_height = kiosk.home.search_entry.height()

        kiosk.appearance.apply(2.0, False)
        settle(qtbot, kiosk)
        assert kiosk.top_bar.back_button.font().pixelSize() == 2 * back_size
        assert kiosk.home.categories_title.font().pixelSize() == 2 * title_size
        assert kiosk.home.search_entry.height() > entry_height
        thumbnail = kiosk.thumbnails.get(kiosk.cards[0].image)
        assert max(thumbnail.width(), thumbnail.height()) == 600    # decoded anew, larger

        kiosk.appearance.apply(1.0, False)
        settle(qtbot, kiosk)
        assert layout_of(kiosk.window) == before
        assert picture_of(kiosk.window) == looked


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_text_made_larger_live_looks_as_a_kiosk_started_at_that_size(
        qtbot, qapp, demo_config, orientation):
    config = dataclasses.replace(demo_config, orientation=orientation)
    with running_kiosk(qtbot, qapp, config) as kiosk:
        kiosk.appearance.apply(2.0, False)
        settle(qtbot, kiosk)
        switched = layout_of(kiosk.window), picture_of(kiosk.window)
    larger = dataclasses.replace(config, text_scale=2.0)
    with running_kiosk(qtbot, qapp, larger) as kiosk:
        settle(qtbot, kiosk)
        started = layout_of(kiosk.window), picture_of(kiosk.window)
    assert switched[0] == started[0]
    assert switched[1] == started[1]


def open_screen(qtbot, kiosk, which: str) -> None:
    """Opens a shopper screen of `which` kind, with what it shows read."""
    if which == "product":
        kiosk.navigator.open_product(kiosk.cards[0].id)
    elif which == "category":
        qtbot.waitUntil(lambda: bool(kiosk.categories), timeout=10000)
        kiosk.navigator.open_category(kiosk.categories[0].path)
    elif which == "basket":
        card = kiosk.cards[0]
        kiosk.context.session.add_to_basket(BasketLine("WJ01-L-Red", card.id, card.name, "L",
                                                       "Red", card.price_cents, 2))
        kiosk.navigator.open_basket()
    elif which == "rating":
        kiosk.navigator.open_rating()
    screen = kiosk.window.current_screen()
    if which == "product":
        qtbot.waitUntil(lambda: screen.page is not None, timeout=10000)
    elif which == "category":
        qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=10000)


def open_screen_larger(qtbot, qapp, config, which: str, *, live: bool):
    """The layout and picture of a screen at 2x in high contrast: switched to with the
    screen open (`live`), or opened on a kiosk that started at 2x."""
    if not live:
        config = dataclasses.replace(config, text_scale=2.0)
    with running_kiosk(qtbot, qapp, config) as kiosk:
        if not live:
            kiosk.appearance.apply(2.0, True)     # high contrast is never the config's
        open_screen(qtbot, kiosk, which)
        settle(qtbot, kiosk)
        if live:
            kiosk.appearance.apply(2.0, True)
            settle(qtbot, kiosk)
        picture = steady_picture_of(qtbot, kiosk)
        return layout_of(kiosk.window), picture


def test_an_open_product_made_larger_live_looks_as_one_opened_at_that_size(
        qtbot, qapp, demo_config):
    switched = open_screen_larger(qtbot, qapp, demo_config, "product", live=True)
    opened = open_screen_larger(qtbot, qapp, demo_config, "product", live=False)
    assert switched[0] == opened[0]
    assert switched[1] == opened[1]


@pytest.mark.parametrize("which", ["category", "basket", "rating"])
def test_an_open_screen_made_larger_live_shows_what_one_opened_at_that_size_shows(
        qtbot, qapp, demo_config, which):
    # The same widgets in the same type and widths; the accessibility bar may give the
    # screen above it a few pixels of its height, and a large title is antialiased a
    # little apart.
    switched = open_screen_larger(qtbot, qapp, demo_config, which, live=True)
    opened = open_screen_larger(qtbot, qapp, demo_config, which, live=False)
    assert [shown[:3] for shown in switched[0]] == [shown[:3] for shown in opened[0]]
    for live, started in zip(switched[0], opened[0], strict=True):
        assert live[4][0] == started[4][0]                  # the same widths
        assert abs(live[4][1] - started[4][1]) <= 4         # heights a few pixels apart


def test_high_contrast_recolours_the_window_and_goes_back_exactly(qtbot, qapp, demo_config):
    with running_kiosk(qtbot, qapp, demo_config) as kiosk:
        settle(qtbot, kiosk)
        looked = picture_of(kiosk.window)
        bar = kiosk.top_bar

        kiosk.appearance.apply(1.0, True)
        settle(qtbot, kiosk)
        contrasted = picture_of(kiosk.window)
        middle_of_bar = bar.mapTo(kiosk.window, QPoint(bar.width() // 2, 2))
        assert contrasted.pixelColor(middle_of_bar).name().upper() == HIGH_CONTRAST.primary
        assert contrasted != looked

        kiosk.appearance.apply(1.0, False)
        settle(qtbot, kiosk)
        assert picture_of(kiosk.window) == looked


def test_screens_opened_after_a_change_are_made_with_the_new_theme(qtbot, qapp, demo_config):
    with running_kiosk(qtbot, qapp, demo_config) as kiosk:
        kiosk.appearance.apply(1.5, True)
        assert kiosk.context.theme == kiosk.appearance.theme
        assert kiosk.context.theme.scale == 1.5
        assert kiosk.context.theme.colors == HIGH_CONTRAST
        assert kiosk.admin.context.theme == kiosk.appearance.theme


# --- the rest of the journey, and admin mode's PIN pad -------------------------------------

STATUS_PAGES = "https://shop.example.com/o/{reference}"
ZOE = {"first_name": "Zoé", "last_name": "D'Arc-Lefèvre", "email": "zoe@example.fr",
       "phone": "0612345678", "address_line1": "12 rue de l'Église",
       "postal_code": "69003", "city": "Lyon"}


def open_checkout_or_pad(qtbot, kiosk, which: str) -> None:
    """Opens one of the screens whose widgets size themselves from the theme in code: the
    comparison's table, the stores' cards, the review's tick box and QR code, the
    confirmation's QR code, and admin mode's PIN pad."""
    session, navigator = kiosk.context.session, kiosk.navigator
    if which == "compare":
        for card in kiosk.cards[:3]:
            session.add_to_compare(card.id)
        navigator.open_compare()
        screen = kiosk.window.current_screen()
        qtbot.waitUntil(lambda: len(screen.pages()) == 3, timeout=10000)
    elif which == "stores":
        navigator.open_stores("WJ01-L-Red")
        screen = kiosk.window.current_screen()
        qtbot.waitUntil(lambda: bool(screen.cards), timeout=10000)
    elif which == "review":
        card = kiosk.cards[0]
        session.add_to_basket(BasketLine("WJ01-L-Red", card.id, card.name, "L", "Red",
                                         card.price_cents, 1))
        session.customer_fields.update(ZOE)
        navigator.open_review()
    elif which == "confirmation":
        delivery = DeliveryOption("standard", 490, 3)
        navigator.show_confirmation(PlacedOrder("0" * 36, "K7D-3MXQ9P", 14690, 3, delivery,
                                                date(2026, 11, 28), TEST_NOW))
    elif which == "pin pad":
        kiosk.admin.pad.open()


def sizes_of(window: QWidget) -> list[tuple]:
    """Every widget shown: its kind, name, font size, size and least size."""
    return [(type(widget).__name__, widget.objectName(), widget.font().pixelSize(),
             widget.size().toTuple(), widget.minimumSize().toTuple())
            for widget in window.findChildren(QWidget) if widget.isVisible()]


def qr_codes_of(window: QWidget) -> list[tuple[int, int]]:
    return [code.image().size().toTuple() for code in window.findChildren(QrCode)
            if code.isVisible() and code.image() is not None]


CODED_SCREENS = ["compare", "stores", "review", "confirmation", "pin pad"]


@pytest.mark.parametrize("which", CODED_SCREENS)
def test_widgets_sized_in_code_follow_a_live_change_there_and_back(
        qtbot, qapp, demo_config, which):
    # Upright: on a wide screen the home under every screen still makes the window taller
    # at 2x (the shell's part of issue 22), which no later change of size gives back.
    config = dataclasses.replace(demo_config, orientation="portrait",
                                 status_url_template=STATUS_PAGES)
    with running_kiosk(qtbot, qapp, config) as kiosk:
        open_checkout_or_pad(qtbot, kiosk, which)
        settle(qtbot, kiosk)
        before = sizes_of(kiosk.window), qr_codes_of(kiosk.window)
        kiosk.appearance.apply(2.0, True)
        settle(qtbot, kiosk)
        switched = sizes_of(kiosk.window), qr_codes_of(kiosk.window)
        kiosk.appearance.apply(1.0, False)
        settle(qtbot, kiosk)
        assert (sizes_of(kiosk.window), qr_codes_of(kiosk.window)) == before
    with running_kiosk(qtbot, qapp, dataclasses.replace(config, text_scale=2.0)) as kiosk:
        kiosk.appearance.apply(2.0, True)        # high contrast is never the config's
        open_checkout_or_pad(qtbot, kiosk, which)
        settle(qtbot, kiosk)
        started = sizes_of(kiosk.window), qr_codes_of(kiosk.window)
    assert switched[1] == started[1]
    assert [shown[:3] for shown in switched[0]] == [shown[:3] for shown in started[0]]
    for live, made in zip(switched[0], started[0], strict=True):
        assert live[4] == made[4], live[:2]                 # the same least sizes
        assert live[3][0] == made[3][0], live[:2]            # the same widths
        # The accessibility bar may give the screen above it a few pixels of its height.
        assert abs(live[3][1] - made[3][1]) <= 4, live[:2]
