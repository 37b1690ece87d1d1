"""The whole kiosk as a shopper uses it: from the attract screen to a product and back."""

import dataclasses

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QListView, QPushButton
from support.clock import TEST_CLOCK
from support.gestures import find_named, named, shown, start, tap, tap_item
from support.layout import clipped_text

from kiosk.core.db.journal import open_journal
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


@pytest.mark.parametrize("orientation, size", [("portrait", QSize(1080, 1920)),
                                               ("landscape", QSize(1920, 1080))])
def test_every_screen_holds_its_text_at_one_and_a_half_type_scale(
        qtbot, qapp, demo_config, orientation, size):
    config = dataclasses.replace(demo_config, text_scale=1.5, orientation=orientation)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    try:
        kiosk.start_session()
        jackets = [card.id for card in kiosk.cards][:2]
        for product_id in jackets:
            kiosk.context.session.add_to_compare(product_id)
        screens = {
            "category": lambda: kiosk.navigator.open_category("Women/Tops/Jackets"),
            "product": lambda: kiosk.navigator.open_product(jackets[0]),
            "stores": lambda: kiosk.navigator.open_stores("WJ01-L-Red"),
            "search": lambda: kiosk.navigator.open_search("veste"),
            "compare": kiosk.navigator.open_compare,
        }
        for name, open_screen in screens.items():
            open_screen()
            qtbot.wait(300)      # the screen's data and pictures arrive
            for language in ("fr", "en"):
                kiosk.set_language(language)
                qapp.processEvents()
                problems = clipped_text(kiosk.window)
                assert problems == [], f"{name}, {language}: " + "; ".join(problems)
                # Nothing asked for more room than the screen has (the window would grow).
                assert kiosk.window.size() == size, f"{name}, {language}"
            kiosk.window.back()
    finally:
        kiosk.shutdown()


def test_a_reduced_price_is_told_with_the_price_it_replaces(qtbot, kiosk):
    start(qtbot, kiosk)
    grid = named(kiosk.window, QListView, "Produits à la une")
    rows = [row for row in range(grid.model().rowCount()) if grid.model().card(row).on_special]
    assert rows, "the demo's featured products include reduced ones"
    spoken = grid.model().index(rows[0], 0).data(Qt.ItemDataRole.AccessibleTextRole)
    card = grid.model().card(rows[0])
    assert f"{kiosk.formatter.price(card.price_cents)} au lieu de " \
        f"{kiosk.formatter.price(card.regular_price_cents)}" in spoken


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
