"""The whole kiosk as a shopper uses it: from the attract screen to a product and back."""

import dataclasses
import sqlite3
from contextlib import closing
from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QListView, QPushButton
from support.clock import TEST_CLOCK, TEST_NOW
from support.gestures import find_named, named, shown, start, tap, tap_item
from support.layout import clipped_text

from kiosk.core.accessibility import AccessibilityChoices
from kiosk.core.db.journal import open_journal
from kiosk.core.orders import BasketLine, DeliveryOption, PlacedOrder
from kiosk.ui.app import KioskApp
from kiosk.ui.screens.category import CategoryScreen
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.screens.search import SearchScreen


def scan(kiosk, code):
    """A keyboard-wedge scanner: the code's keys in a burst, then Enter, into the window."""
    window = kiosk.window.windowHandle()
    for char in code:
        QTest.keyClick(window, char)
    QTest.keyClick(window, Qt.Key.Key_Return)


def current(kiosk):
    return kiosk.window.current_screen()


def variant_with_barcode(kiosk):
    conn = open_journal(kiosk.config.data_dir).conn   # any sqlite handle to the data dir
    conn.execute("ATTACH DATABASE ? AS cache", (str(kiosk.config.data_dir / "cache.db"),))
    return conn.execute("SELECT v.sku, v.barcode, p.name FROM cache.variants v "
                        "JOIN cache.products p ON p.id = v.product_id "
                        "WHERE v.sku LIKE 'WJ01-%' ORDER BY v.id LIMIT 1").fetchone()


def test_a_shopper_finds_jackets_by_category_and_opens_one(qtbot, kiosk):
    start(qtbot, kiosk)
    tap(qtbot, shown(qtbot, kiosk.window, QAbstractButton, "Femme"))    # a category tile
    assert isinstance(current(kiosk), CategoryScreen)
    tap(qtbot, shown(qtbot, current(kiosk), QPushButton, "Hauts"))
    tap(qtbot, shown(qtbot, current(kiosk), QPushButton, "Vestes"))
    screen = current(kiosk)
    assert screen.path == "Women/Tops/Jackets"
    qtbot.waitUntil(lambda: screen.heading.text() == "Vestes", timeout=5000)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=5000)
    tapped = screen.model.card(0)
    tap_item(qtbot, screen.grid, 0)
    product = current(kiosk)
    assert isinstance(product, ProductScreen)
    qtbot.waitUntil(lambda: product.page is not None, timeout=5000)
    assert product.page.id == tapped.id and product.name.text() == tapped.name
    tap(qtbot, kiosk.top_bar.home_button)
    assert kiosk.window.screens.count() == 1


def test_the_home_search_entry_opens_the_search_screen(qtbot, kiosk):
    start(qtbot, kiosk)
    tap(qtbot, named(kiosk.window, QPushButton, "Rechercher un produit"))
    assert isinstance(current(kiosk), SearchScreen)


def test_a_scan_anywhere_opens_the_product_with_that_variant_chosen(qtbot, kiosk):
    sku, barcode, name = variant_with_barcode(kiosk)
    scan(kiosk, barcode)           # from the attract screen: a scan wakes the kiosk too
    qtbot.waitUntil(lambda: isinstance(current(kiosk), ProductScreen), timeout=5000)
    screen = current(kiosk)
    assert kiosk.window.showing_session()
    qtbot.waitUntil(lambda: screen.variant is not None, timeout=5000)
    assert screen.variant.sku == sku


def test_an_unknown_or_misread_code_gets_a_short_message(qtbot, kiosk):
    start(qtbot, kiosk)
    scan(kiosk, "2000000000008")      # a valid EAN-13 the catalog does not have
    qtbot.waitUntil(lambda: kiosk.notice.isVisible(), timeout=5000)
    assert "ne connaissons pas" in kiosk.notice.text()
    scan(kiosk, "2000000000009")      # its check digit is wrong: a misread
    qtbot.waitUntil(lambda: "scanner à nouveau" in kiosk.notice.text(), timeout=5000)
    assert kiosk.window.screens.count() == 1


def test_a_shopper_who_reads_english_starts_in_english(qtbot, kiosk):
    tap(qtbot, named(kiosk.window, QPushButton, "Start in English"))
    assert kiosk.window.showing_session() and kiosk.language == "en"
    qtbot.waitUntil(lambda: find_named(kiosk.window, QLabel, "Our selection") is not None)
    kiosk.end_session()
    assert kiosk.language == "fr"
    qtbot.waitUntil(lambda: named(kiosk.window, QPushButton, "Start in English").isVisible())


def product_id(kiosk, sku):
    conn = open_journal(kiosk.config.data_dir).conn   # any sqlite handle to the data dir
    conn.execute("ATTACH DATABASE ? AS cache", (str(kiosk.config.data_dir / "cache.db"),))
    return conn.execute("SELECT id FROM cache.products WHERE sku = ?", (sku,)).fetchone()[0]


def every_shopper_screen(kiosk):
    """Each screen a shopper can reach, in the state that shows the most words, opened in
    turn from one session: its name and how to show it."""
    navigator, session = kiosk.navigator, kiosk.context.session
    jacket = product_id(kiosk, "WJ01")

    def screen():
        return kiosk.window.current_screen()

    def category_with_its_filters():
        screen().open_filters()

    def form_with_errors():
        session.customer_fields.update(postal_code="6900", email="zoe@")
        navigator.open_customer_form()
        screen()._on_continue()          # the shopper taps Continue: the errors show

    def rating_question():
        screen().faces[0].click()        # the unhappy face asks why

    yield "attract", lambda: None
    yield "home", kiosk.start_session
    yield "category", lambda: navigator.open_category("Women/Tops")
    yield "filter sheet", category_with_its_filters
    yield "search", lambda: navigator.open_search("veste")
    yield "product", lambda: navigator.open_product(jacket, "WJ01-M-Blue")
    yield "stores", lambda: navigator.open_stores("WJ01-L-Red")
    yield "reservation", lambda: navigator.open_reservation(
        "WJ01-L-Red", "lyon-republique", "Luma Lyon République")
    yield "back in stock", lambda: navigator.open_back_in_stock(
        "WJ01-L-Red", "Veste Stellar Solar · L · Rouge")
    yield "compare", navigator.open_compare
    yield "basket", navigator.open_basket
    yield "customer form with errors", form_with_errors
    yield "review", lambda: (session.customer_fields.update(ZOE), navigator.open_review())
    yield "confirmation", lambda: navigator.show_confirmation(PlacedOrder(
        "0" * 36, "K7D-3MXQ9P", 2 * 7500 + 5600 + 490, 3, DeliveryOption("standard", 490, 3),
        date(2026, 11, 30), TEST_NOW))
    yield "rating", lambda: navigator.open_rating(at_end=True)
    yield "rating question", rating_question


ZOE = {"first_name": "Zoé", "last_name": "D'Arc-Lefèvre", "email": "zoe@example.fr",
       "phone": "0612345678", "address_line1": "12 rue de l'Église",
       "address_line2": "Bâtiment C, 3e étage", "postal_code": "69003", "city": "Lyon"}


SCREEN_SIZES = {"portrait": QSize(1080, 1920), "landscape": QSize(1920, 1080)}


def laid_out_problems(qtbot, window, size):
    """What is cut or pushed off once the screen's layouts have settled (a text arriving
    from the database is laid out at the next turns of the event loop)."""
    def problems():
        found = clipped_text(window)
        if window.size() != size:          # something asked for more than the screen
            found.append(f"the window grew to {window.size().toTuple()}")
        return found
    try:
        qtbot.waitUntil(lambda: not problems(), timeout=2000)
    except qtbot.TimeoutError:
        pass
    return problems()


def problems_on_every_screen(qtbot, qapp, config, languages, choices=None):
    """Open every screen a shopper reaches, in the state that shows the most words, and
    describe what is cut or pushed off on each. `languages` is one language, or the one
    each screen opens in and the one it is then switched to ("fr-en"). `choices`, where
    given, is what the shopper picks in the accessibility menu once each screen is up, the
    screen already laid out at the config's text size (and put back before the next)."""
    first, *then = languages.split("-")
    size = SCREEN_SIZES[config.orientation]
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    problems = {}
    try:
        kiosk.set_language(first)
        session = kiosk.context.session
        as_configured = session.accessibility
        session.add_to_basket(BasketLine("WJ01-L-Red", product_id(kiosk, "WJ01"),
                                         "Stellar Solar Jacket", "L", "Red", 7500, 2))
        session.add_to_basket(BasketLine("MJ02-S-Green", product_id(kiosk, "MJ02"),
                                         "Hyperion Elements Jacket", "S", "Green", 5600, 1))
        for sku in ("WJ01", "WJ04", "MJ02"):
            session.add_to_compare(product_id(kiosk, sku))
        for name, show in every_shopper_screen(kiosk):
            show()
            kiosk.runner.wait_idle()           # the screen's data is on its way
            qtbot.waitUntil(kiosk.settled, timeout=10000)
            qtbot.wait(50)                     # answers delivered, layouts settled
            if choices is not None:
                session.choose_accessibility(choices)
                kiosk.runner.wait_idle()       # pictures decoded again at the new size
                qtbot.waitUntil(kiosk.settled, timeout=10000)
            for language in then:
                kiosk.set_language(language)
                qtbot.wait(50)
            found = laid_out_problems(qtbot, kiosk.window, size)
            if found:
                problems[name] = found
            kiosk.set_language(first)
            session.choose_accessibility(as_configured)
    finally:
        kiosk.shutdown()
    return problems


# Each screen opened in French, in English, and opened in French then switched to English.
@pytest.mark.parametrize("languages", ["fr", "en", "fr-en"])
@pytest.mark.parametrize("orientation", SCREEN_SIZES)
@pytest.mark.parametrize("text_scale", [1.5, 2.0])
def test_every_screen_holds_its_text_at_one_and_a_half_and_twice_the_type_scale(
        qtbot, qapp, demo_config, text_scale, orientation, languages):
    """Large type: nothing cut, nothing pushed off the screen, on every screen of a
    journey, each in the state that shows the most words."""
    config = dataclasses.replace(demo_config, text_scale=text_scale, orientation=orientation)
    assert problems_on_every_screen(qtbot, qapp, config, languages) == {}


@pytest.mark.parametrize("orientation", SCREEN_SIZES)
def test_every_screen_holds_its_text_at_twice_the_type_scale_in_high_contrast(
        qtbot, qapp, demo_config, orientation):
    config = dataclasses.replace(demo_config, text_scale=2.0, orientation=orientation)
    high_contrast = AccessibilityChoices.from_config(config).with_high_contrast(True)
    assert problems_on_every_screen(qtbot, qapp, config, "fr-en", high_contrast) == {}


@pytest.mark.parametrize("orientation", SCREEN_SIZES)
def test_every_screen_holds_its_text_when_the_shopper_doubles_it_there(
        qtbot, qapp, demo_config, orientation):
    """The shopper picks the largest text in the accessibility menu on a screen laid out
    at the usual size: the screen restyles itself in place, and nothing is cut."""
    config = dataclasses.replace(demo_config, text_scale=1.0, orientation=orientation)
    largest = AccessibilityChoices.from_config(config).with_text_scale(2.0)
    assert problems_on_every_screen(qtbot, qapp, config, "fr", largest) == {}


def test_a_reduced_price_is_told_with_the_price_it_replaces(qtbot, kiosk):
    start(qtbot, kiosk)
    grid = named(kiosk.window, QListView, "Produits à la une")
    rows = [row for row in range(grid.model().rowCount()) if grid.model().card(row).on_special]
    assert rows, "the demo's featured products include reduced ones"
    spoken = grid.model().index(rows[0], 0).data(Qt.ItemDataRole.AccessibleTextRole)
    card = grid.model().card(rows[0])
    assert f"{kiosk.formatter.price(card.price_cents)} au lieu de " \
        f"{kiosk.formatter.price(card.regular_price_cents)}" in spoken


def test_the_home_prices_specials_on_the_terminals_day(qtbot, qapp, demo_config):
    """Featured specials that end on the terminal's day still run on the home screen,
    whatever day the machine's calendar says."""
    last_day = TEST_CLOCK.today().isoformat()
    with closing(sqlite3.connect(demo_config.data_dir / "cache.db")) as conn, conn:
        ending = conn.execute("UPDATE products SET special_from = ?, special_to = ? "
                              "WHERE featured = 1 AND special_price_cents < price_cents",
                              (last_day, last_day)).rowcount
    assert ending, "the demo's featured products include reduced ones"
    kiosk = KioskApp(qapp, demo_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
        assert sum(card.on_special for card in kiosk.cards) == ending
    finally:
        kiosk.shutdown()


def test_the_idle_reset_empties_the_compare_tray(qtbot, kiosk):
    start(qtbot, kiosk)
    for card in kiosk.cards[:2]:
        kiosk.context.session.add_to_compare(card.id)
    tray = kiosk.window.footer
    qtbot.waitUntil(lambda: tray.isVisible() and len(tray.cards()) == 2, timeout=5000)
    kiosk.end_session()          # what the idle countdown ends with
    start(qtbot, kiosk)
    assert len(kiosk.context.session.compare) == 0
    assert tray.cards() == [] and not tray.isVisible()


def bar_controls(kiosk):
    """Each control of the bars around the screens, by accessible name: its size."""
    bars = (kiosk.top_bar, kiosk.window.footer, kiosk.accessibility_menu.bar)
    return {control.accessibleName(): control.size()
            for bar in bars for control in bar.findChildren(QAbstractButton)
            if control.isVisible()}


@pytest.mark.parametrize("orientation", SCREEN_SIZES)
def test_in_the_largest_type_the_bars_are_compact_and_keep_every_control_and_name(
        qtbot, qapp, demo_config, orientation):
    size = SCREEN_SIZES[orientation]
    kiosk = KioskApp(qapp, dataclasses.replace(demo_config, orientation=orientation),
                     windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
        start(qtbot, kiosk)
        session = kiosk.context.session
        for sku in ("WJ01", "WJ04", "MJ02"):
            session.add_to_compare(product_id(kiosk, sku))
        tray = kiosk.window.footer
        qtbot.waitUntil(lambda: len(tray.cards()) == 3, timeout=5000)
        qtbot.wait(50)
        usual = bar_controls(kiosk)
        heights = [bar.height() for bar in (kiosk.top_bar, tray)]
        session.choose_accessibility(session.accessibility.with_text_scale(2.0))
        qtbot.wait(50)
        largest = bar_controls(kiosk)
        # The same controls under the same names, each still a whole touch target.
        assert largest.keys() == usual.keys()
        least = kiosk.appearance.theme.minimum_target
        assert all(control.width() >= least and control.height() >= least
                   for control in largest.values()), largest
        # Twice the type, yet the bars hardly taller: the screens keep the room.
        assert all(bar.height() <= height * 3 // 2
                   for bar, height in zip((kiosk.top_bar, tray), heights, strict=True))
        assert kiosk.window.size() == size and clipped_text(kiosk.window) == []
    finally:
        kiosk.shutdown()
