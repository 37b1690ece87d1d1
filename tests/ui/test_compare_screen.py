import sqlite3
from contextlib import closing
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QVBoxLayout, QWidget
from support.clock import TEST_CLOCK
from support.gestures import find_named, named
from support.languages import formatter_for
from support.layout import clipped_text

from kiosk.core.catalog_change import EVERYTHING, CatalogChange
from kiosk.ui.screens.compare import CompareScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.compare_tray import CompareTrayBar

PORTRAIT, LANDSCAPE = QSize(1080, 1920), QSize(1920, 1080)
FINGER_REST_MS = 50


def ids(context, *skus):
    conn = sqlite3.connect(context.config.data_dir / "cache.db")
    found = [conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()[0]
             for sku in skus]
    conn.close()
    return found


class Window(QWidget):
    """The shell's share of the screen: the compare screen above the tray bar."""

    def __init__(self, context):
        super().__init__()
        self.setStyleSheet(context.theme.style_sheet())
        self.screen = CompareScreen(context)
        self.bar = CompareTrayBar(context, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.screen, 1)
        layout.addWidget(self.bar)


def show(qtbot, context, *skus, size=PORTRAIT):
    for product_id in ids(context, *skus):
        context.session.add_to_compare(product_id)
    window = Window(context)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    settle(qtbot, context)
    return window


def settle(qtbot, context):
    """Let every read finish and the event loop turn: new widgets shown, old ones deleted."""
    for _ in range(3):
        assert context.runner.wait_idle()
        qtbot.wait(10)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def touch(qtbot, widget):
    """A finger's tap, resting a moment as a real one does (the table scrolls with it)."""
    assert widget.isVisible(), "a shopper cannot tap what is not on screen"
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    QTest.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, at)
    qtbot.wait(FINGER_REST_MS)
    QTest.mouseRelease(window.windowHandle(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, at)


def columns(screen):
    """Each product column's left and right edge, from its header."""
    headers = [w for w in screen.findChildren(QAbstractButton, "CompareHeader") if w.isVisible()]
    return sorted((h.mapTo(screen, h.rect().topLeft()).x(),
                   h.mapTo(screen, h.rect().topRight()).x()) for h in headers)


def band_behind(screen, label):
    return next(band for band in screen.findChildren(QWidget, "CompareRowBand")
                if band.geometry().contains(label.geometry()))


def test_products_side_by_side_with_differences_marked_not_by_colour_alone(qtbot, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06")
    screen = window.screen
    assert [page.sku for page in screen.pages()] == ["WJ01", "WJ06"]
    assert named(screen, QAbstractButton, "Veste Stellar Solar, 75,00\u00a0€").isVisible()
    price = named(screen, QLabel, "Prix : diffère")
    assert price.text() == "≠ Prix"                   # a mark, and a band behind the row
    assert band_behind(screen, price).property("differs") is True
    pattern = named(screen, QLabel, "Motif")           # both are "Solid"
    assert pattern.text() == "Motif"
    assert band_behind(screen, pattern).property("differs") is False
    assert screen.value_label("price", 0).text() == "75,00\u00a0€"
    assert screen.value_label("price", 1).text() == "77,00\u00a0€"
    assert screen.value_label("colors", 0).text() == "Bleu, Rouge, Jaune"
    assert screen.value_label("eco_collection", 0).text() == "Oui"
    # Only the attributes the config lists, with its labels: no merchandising flag.
    labels = [label.text().removeprefix("≠ ")
              for label in screen.findChildren(QLabel, "CompareRowLabel")]
    assert "Collection écoresponsable" in labels and "Recommandé par Erin" not in labels
    assert {row.key for row in screen.rows}.isdisjoint({"erin_recommends", "new", "sale"})
    # Every value lies in its product's column, under its header.
    edges = columns(screen)
    assert len(edges) == 2 and edges[0][1] < edges[1][0]
    for row in screen.rows:
        for column, (left, right) in enumerate(edges):
            value = screen.value_label(row.key, column)
            x = value.mapTo(screen, value.rect().topLeft()).x()
            assert left - 20 <= x <= right, row.key


def test_remove_takes_a_product_out_of_the_tray_and_the_table(qtbot, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06", "WJ11")
    screen = window.screen
    assert len(columns(screen)) == 3
    touch(qtbot, named(screen, QPushButton, "Retirer Veste Juno du comparateur"))
    settle(qtbot, shopper)
    assert [page.sku for page in screen.pages()] == ["WJ01", "WJ11"]
    assert len(columns(screen)) == 2
    assert shopper.session.compare.product_ids == tuple(ids(shopper, "WJ01", "WJ11"))
    touch(qtbot, named(screen, QPushButton, "Retirer Veste Stellar Solar du comparateur"))
    settle(qtbot, shopper)
    # One product left: nothing to compare, and a way on.
    assert screen.status.isVisible()
    assert screen.status.text().startswith("Ajoutez au moins deux produits")
    touch(qtbot, named(screen, QPushButton, "Chercher des produits"))
    assert shopper.navigator.opened == [("search", "")]


def test_a_header_opens_its_product(qtbot, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06")
    touch(qtbot, named(window.screen, QAbstractButton, "Veste Juno, 77,00\u00a0€"))
    assert shopper.navigator.opened == [("product", ids(shopper, "WJ06")[0], None)]


def test_the_table_follows_the_tray_changed_elsewhere(qtbot, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06")
    shopper.session.add_to_compare(ids(shopper, "WJ11")[0])
    settle(qtbot, shopper)
    assert [page.sku for page in window.screen.pages()] == ["WJ01", "WJ06", "WJ11"]
    assert len(columns(window.screen)) == 3


def test_a_product_gone_from_the_catalogue_leaves_the_tray(qtbot, shopper):
    shopper.session.add_to_compare(999_999)
    window = show(qtbot, shopper, "WJ01", "WJ06")
    assert [page.sku for page in window.screen.pages()] == ["WJ01", "WJ06"]
    assert 999_999 not in shopper.session.compare


def test_the_tray_bar_shows_the_tray_and_opens_the_comparison(qtbot, shopper):
    window = show(qtbot, shopper)
    bar = window.bar
    assert not bar.isVisible()                       # an empty tray takes no room
    wj01, wj06 = ids(shopper, "WJ01", "WJ06")
    shopper.session.add_to_compare(wj01)
    settle(qtbot, shopper)
    assert bar.isVisible()
    assert named(bar, QAbstractButton, "Veste Stellar Solar").isVisible()
    compare = named(bar, QPushButton, "Comparer (1)")
    assert not compare.isEnabled()                   # one product is not a comparison
    shopper.session.add_to_compare(wj06)
    settle(qtbot, shopper)
    touch(qtbot, named(bar, QPushButton, "Comparer (2)"))
    assert shopper.navigator.opened == [("compare",)]
    touch(qtbot, named(bar, QAbstractButton, "Veste Juno"))
    assert shopper.navigator.opened[-1] == ("product", wj06, None)
    touch(qtbot, named(bar, QPushButton, "Retirer Veste Stellar Solar du comparateur"))
    settle(qtbot, shopper)
    assert shopper.session.compare.product_ids == (wj06,)
    assert find_named(bar, QAbstractButton, "Veste Stellar Solar") is None
    shopper.session.remove_from_compare(wj06)
    settle(qtbot, shopper)
    assert not bar.isVisible()


def test_the_language_switch_changes_the_visible_text(qtbot, qapp, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06")
    assert named(window.screen, QLabel, "Comparatif").isVisible()
    qapp.removeTranslator(shopper.translators["fr"])
    qapp.installTranslator(shopper.translators["en"])
    shopper.formatter = formatter_for(shopper, "en")     # as the app does at a switch
    window.screen.set_formatter(shopper.formatter)
    window.screen.catalog_changed(EVERYTHING)
    window.bar.language_changed("en")
    settle(qtbot, shopper)
    assert named(window.screen, QLabel, "Comparison").isVisible()
    assert named(window.screen, QLabel, "Price: differs").text() == "≠ Price"
    assert window.screen.value_label("colors", 0).text() == "Blue, Red, Yellow"
    assert named(window.bar, QPushButton, "Compare (2)").isVisible()
    assert named(window.screen, QPushButton, "Remove Juno Jacket from the comparison")
    assert named(window.screen, QAbstractButton,
                 f"Juno Jacket, {shopper.formatter.price(7700)}").isVisible()
    assert named(window.bar, QAbstractButton, "Juno Jacket").isVisible()


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_no_text_is_clipped_in_large_type_in_either_orientation(qtbot, qapp, shopper, size):
    shopper.theme = Theme(scale=1.5)
    window = show(qtbot, shopper, "WJ01", "WJ06", "WJ11", size=size)
    screen = window.screen
    for language in ("fr", "en"):
        if language == "en":
            qapp.removeTranslator(shopper.translators["fr"])
            qapp.installTranslator(shopper.translators["en"])
            screen.set_formatter(formatter_for(shopper, "en"))
            settle(qtbot, shopper)
        assert screen.table.width() <= screen.scroll.viewport().width()
        assert clipped_text(screen.table) == [], language
        assert clipped_text(screen.headers) == [], f"headers, {language}"
        assert clipped_text(window.bar) == [], f"tray bar, {language}"
        assert window.bar.compare_button.width() >= shopper.theme.touch_target
        # Rows below the fold are out of the window until scrolled to, but nothing may be
        # too big for its place.
        assert [problem for problem in clipped_text(window)
                if "leaves the window" not in problem] == [], language


def change_cache(context, sql, *args):
    """What a sync page does to the cache the screens read."""
    with closing(sqlite3.connect(context.config.data_dir / "cache.db")) as conn, conn:
        conn.execute(sql, args)


def scrolled_to_the_end(qtbot, context, screen):
    bar = screen.scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the table must be taller than its room for this test"
    bar.setValue(bar.maximum())
    settle(qtbot, context)
    return bar.value()


def test_a_new_price_from_a_sync_shows_where_the_shopper_had_scrolled(qtbot, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06", "WJ11", size=LANDSCAPE)
    screen = window.screen
    scrolled = scrolled_to_the_end(qtbot, shopper, screen)
    change_cache(shopper, "UPDATE products SET price_cents = 6100, special_price_cents = NULL "
                          "WHERE sku = 'WJ06'")
    screen.catalog_changed(CatalogChange.listing(products=["wj06"]))
    settle(qtbot, shopper)
    assert screen.value_label("price", 1).text() == "61,00\u00a0€"
    assert named(screen, QAbstractButton, "Veste Juno, 61,00\u00a0€").isVisible()
    assert screen.value_label("price", 0).text() == "75,00\u00a0€"
    assert screen.scroll.verticalScrollBar().value() == scrolled


def test_a_change_to_other_products_leaves_the_table_as_it_is(qtbot, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06")
    screen = window.screen
    change_cache(shopper, "UPDATE products SET price_cents = 6100, special_price_cents = NULL "
                          "WHERE sku = 'WJ06'")
    screen.catalog_changed(CatalogChange.listing(products=["MH01"], stock=["WJ06-M-Blue"]))
    settle(qtbot, shopper)
    assert screen.value_label("price", 1).text() == "77,00\u00a0€"    # not read again


def test_a_row_a_sync_takes_away_goes_and_the_scroll_stays(qtbot, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06", "WJ11", size=LANDSCAPE)
    screen = window.screen
    assert "eco_collection" in {row.key for row in screen.rows}
    scrolled = scrolled_to_the_end(qtbot, shopper, screen)
    # No product says any more whether it is of the eco collection: the row goes.
    change_cache(shopper, "UPDATE products SET attributes = json_remove(attributes, "
                          "'$.eco_collection') WHERE sku IN ('WJ01', 'WJ06', 'WJ11')")
    screen.catalog_changed(EVERYTHING)
    settle(qtbot, shopper)
    assert "eco_collection" not in {row.key for row in screen.rows}
    assert screen.value_label("eco_collection", 0) is None
    bar = screen.scroll.verticalScrollBar()
    assert bar.value() == min(scrolled, bar.maximum()) > 0


def test_a_product_a_sync_deleted_leaves_the_comparison(qtbot, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06", "WJ11")
    screen = window.screen
    change_cache(shopper, "DELETE FROM products WHERE sku = 'WJ06'")
    screen.catalog_changed(CatalogChange.listing(products=["WJ06"]))
    settle(qtbot, shopper)
    assert [page.sku for page in screen.pages()] == ["WJ01", "WJ11"]
    assert shopper.session.compare.product_ids == tuple(ids(shopper, "WJ01", "WJ11"))
    assert len(columns(screen)) == 2


def test_the_screen_names_itself_and_lists_its_controls_in_reading_order(qtbot, qapp, shopper):
    window = show(qtbot, shopper, "WJ01", "WJ06")
    screen = window.screen
    assert screen.title() == "Comparatif"
    assert [control.accessibleName() for control in screen.focus_order()] == [
        "Veste Stellar Solar, 75,00\u00a0€", "Veste Juno, 77,00\u00a0€",
        "Retirer Veste Stellar Solar du comparateur", "Retirer Veste Juno du comparateur"]
    shopper.session.remove_from_compare(ids(shopper, "WJ06")[0])
    settle(qtbot, shopper)
    assert screen.focus_order() == [named(screen, QPushButton, "Chercher des produits")]
    qapp.removeTranslator(shopper.translators["fr"])
    qapp.installTranslator(shopper.translators["en"])
    assert screen.title() == "Comparison"


def test_a_change_while_the_products_are_read_is_not_lost(qtbot, shopper):
    for product_id in ids(shopper, "WJ01", "WJ06"):
        shopper.session.add_to_compare(product_id)
    window = Window(shopper)
    qtbot.addWidget(window)
    window.resize(PORTRAIT)
    window.show()
    # The products are read, the answer not delivered yet; then a sync changes one.
    assert shopper.runner.wait_idle()
    change_cache(shopper, "UPDATE products SET price_cents = 6100, special_price_cents = NULL "
                          "WHERE sku = 'WJ06'")
    window.screen.catalog_changed(CatalogChange.listing(products=["wj06"]))
    settle(qtbot, shopper)
    assert window.screen.value_label("price", 1).text() == "61,00\u00a0€"


def test_the_specials_run_on_the_terminals_day(qtbot, shopper):
    """The table and the tray price the products on the terminal clock's day, whatever
    day the machine's calendar says: a special for that day only runs, one from the
    next day waits."""
    today = TEST_CLOCK.today()
    change_cache(shopper, "UPDATE products SET special_price_cents = 5000, special_from = ?, "
                          "special_to = ? WHERE sku = 'WJ01'", today.isoformat(), today.isoformat())
    change_cache(shopper, "UPDATE products SET special_price_cents = 5100, special_from = ?, "
                          "special_to = NULL WHERE sku = 'WJ06'",
                 (today + timedelta(days=1)).isoformat())
    window = show(qtbot, shopper, "WJ01", "WJ06")
    assert window.screen.value_label("price", 0).text() == "50,00\u00a0€"
    assert window.screen.value_label("price", 1).text() == "77,00\u00a0€"
    assert [(card.sku, card.price_cents) for card in window.bar.cards()] == [
        ("WJ01", 5000), ("WJ06", 7700)]
