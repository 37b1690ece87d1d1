import dataclasses
import sqlite3
from datetime import date, timedelta

import pytest
import qrcode
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QScroller
from support.clock import TEST_CLOCK, TEST_NOW
from support.gestures import named
from support.languages import formatter_for
from support.layout import clipped_text, in_view

from kiosk.core.catalog_change import EVERYTHING
from kiosk.core.db.journal import open_journal
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.qr import ERROR_CORRECTION, qr_image

URL_TEMPLATE = "https://shop.example.com/p/{sku}"
PORTRAIT, LANDSCAPE = QSize(1080, 1920), QSize(1920, 1080)
FINGER_REST_MS = 50
FINGER_STEP_MS = 60


@pytest.fixture
def shopper(shopper):
    """The French shopper, on a terminal whose config names the website's product pages."""
    shopper.config = dataclasses.replace(shopper.config, product_url_template=URL_TEMPLATE)
    return shopper


def switch_to_english(qapp, context, screen):
    """What the app does on the language button: swap translators, hand out the formatter,
    then have the catalog's text read again in the new language."""
    qapp.removeTranslator(context.translators["fr"])
    qapp.installTranslator(context.translators["en"])   # Qt sends LanguageChange to widgets
    context.formatter = formatter_for(context, "en")
    screen.set_formatter(context.formatter)
    screen.catalog_changed(EVERYTHING)
    assert context.runner.wait_idle()
    settle()


def change_cache(context, *statements):
    """Shape the test's own copy of the demo cache before the screen reads it."""
    conn = sqlite3.connect(context.config.data_dir / "cache.db")
    with conn:
        for sql, *args in statements:
            conn.execute(sql, args)
    conn.close()


def product_id(context, sku):
    conn = sqlite3.connect(context.config.data_dir / "cache.db")
    found = conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()[0]
    conn.close()
    return found


def stock(sku, quantity, restock=None, taken_at=None, store="paris-rivoli"):
    taken_at = taken_at or TEST_NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
    return ("UPDATE stock SET quantity = ?, restock_date = ?, taken_at = ? "
            "WHERE variant_sku = ? AND store_id = ?", quantity, restock, taken_at, sku, store)


def show(qtbot, context, sku="WJ01", variant_sku=None, size=PORTRAIT):
    """The product screen as the kiosk's window, once its page is read."""
    screen = ProductScreen(context, product_id(context, sku) if sku else 999_999, variant_sku)
    screen.setStyleSheet(context.theme.style_sheet())
    qtbot.addWidget(screen)
    screen.resize(size)
    screen.show()
    qtbot.waitUntil(lambda: screen.page is not None or screen.status.state == "gone",
                    timeout=5000)
    settle()
    return screen


def settle():
    """What a turn of the event loop does: show new widgets, delete replaced ones."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def tap_on_page(qtbot, screen, widget):
    """A finger's tap on the page, scrolled to the widget first as a shopper would.

    The finger rests a moment, as a real one does: the page scrolls with the finger, and
    Qt's flick gesture may hold back a press that is released in the same millisecond.
    Chips just made are shown on the next turn of the event loop, which always comes
    before a finger can reach them.
    """
    settle()
    if screen.content.isAncestorOf(widget):
        screen.scroll.ensureWidgetVisible(widget)
    assert widget.isVisible(), "a shopper cannot tap what is not on screen"
    touch(qtbot, widget, widget.rect().center())


def touch(qtbot, widget, point):
    window = widget.window()
    at = widget.mapTo(window, point)
    QTest.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, at)
    qtbot.wait(FINGER_REST_MS)
    QTest.mouseRelease(window.windowHandle(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, at)


def chip_keys(row):
    return [key for key in row.keys() if row.chip(key) is not None]


def test_the_page_shows_the_name_the_french_price_and_the_scanned_variant(qtbot, shopper):
    change_cache(shopper, stock("WJ01-M-Blue", 2))
    screen = show(qtbot, shopper, variant_sku="wj01-m-blue")    # scanned codes ignore case
    assert named(screen, QLabel, "Veste Stellar Solar").isVisible()
    assert screen.price.text() == "75,00\u00a0€"
    assert screen.colors.checked_keys() == {"Blue"} and screen.sizes.checked_keys() == {"M"}
    assert screen.colors.chip("Blue").text().startswith("✓ Bleu · ")
    assert screen.choice.text() == "Taille M · Bleu"
    assert screen.stock.text() == "! Plus que 2 en stock ici"
    assert screen.order_button.text() == "Livrer à mon domicile"
    assert screen.stock_age.text() == "Vérifié à l’instant"
    assert screen.gallery.gallery_model.images()[0] == "w/j/wj01-blue_main.jpg"
    # The chosen colour's picture first, then the product's others.
    assert screen.dots.text().endswith("1 / 4")
    assert screen.dots.accessibleName() == "Image 1 sur 4"
    assert named(screen, QLabel, "Caractéristiques").isVisible()
    assert named(screen, QLabel, "Matière").isVisible()     # an attribute the config lists


def test_a_product_view_is_journaled_once(qtbot, shopper):
    screen = show(qtbot, shopper)
    screen.retranslate()          # showing the page again is not a second view
    assert shopper.runner.wait_idle()
    journal = open_journal(shopper.config.data_dir).conn
    skus = [row[0] for row in journal.execute(
        "SELECT json_extract(payload, '$.data.sku') FROM outbox "
        "WHERE json_extract(payload, '$.type') = 'product_view'")]
    assert skus == ["WJ01"]


def test_a_colour_then_a_size_choose_the_variant_and_the_price_and_stock_follow(
        qtbot, shopper):
    change_cache(shopper, stock("WJ01-S-Red", 20), stock("WJ01-M-Blue", 0),
                 stock("WJ01-L-Blue", 9),
                 ("UPDATE variants SET price_cents = 8000 WHERE sku = ?", "WJ01-L-Blue"))
    screen = show(qtbot, shopper, variant_sku="WJ01-S-Red")
    tap_on_page(qtbot, screen, screen.colors.chip("Blue"))
    assert screen.variant.sku == "WJ01-S-Blue"        # the size stays when it exists
    assert screen.colors.chip("Blue").text().startswith("✓ Bleu · ")
    assert screen.gallery.gallery_model.images()[0] == "w/j/wj01-blue_main.jpg"
    tap_on_page(qtbot, screen, screen.sizes.chip("M"))
    assert screen.variant.sku == "WJ01-M-Blue"
    assert screen.stock.text() == "✕ Pas en stock ici"
    tap_on_page(qtbot, screen, screen.sizes.chip("L"))
    assert screen.variant.sku == "WJ01-L-Blue"
    assert screen.sizes.checked_keys() == {"L"}
    assert screen.price.accessibleName() == "80,00\u00a0€"
    assert screen.stock.text() == "✓ En stock ici"
    assert screen.stock.accessibleName() == "En stock ici"     # the mark is not read


def test_a_size_that_does_not_exist_in_the_colour_is_not_offered(qtbot, shopper):
    change_cache(shopper, ("DELETE FROM stock WHERE variant_sku = ?", "WJ01-L-Yellow"),
                 ("DELETE FROM variants WHERE sku = ?", "WJ01-L-Yellow"))
    screen = show(qtbot, shopper, variant_sku="WJ01-L-Blue")
    assert chip_keys(screen.sizes) == ["S", "M", "L"]
    tap_on_page(qtbot, screen, screen.colors.chip("Yellow"))
    assert chip_keys(screen.sizes) == ["S", "M"]
    # The size the shopper chose is not there: they choose another, none is picked for them.
    assert (screen.chosen_size, screen.chosen_color, screen.variant) == (None, "Yellow", None)
    assert screen.choice.text() == "Jaune"
    assert screen.order_button.text() == "Choisissez une taille"


def test_sold_out_everywhere_is_marked_in_words_and_still_choosable(qtbot, shopper):
    restock = (TEST_CLOCK.today() + timedelta(days=20)).isoformat()
    change_cache(shopper, ("UPDATE stock SET quantity = 0 WHERE variant_sku = ?", "WJ01-S-Red"),
                 stock("WJ01-S-Red", 0, restock=restock))
    screen = show(qtbot, shopper, variant_sku="WJ01-M-Red")
    sold_out = named(screen, QPushButton, "S, épuisé dans tous les magasins")
    assert sold_out.text() == "S · épuisé"
    tap_on_page(qtbot, screen, sold_out)
    assert screen.variant.sku == "WJ01-S-Red"
    assert screen.stock.text() == "✕ Épuisé dans tous les magasins"
    day = date.fromisoformat(restock)
    month = QLocale(QLocale.Language.French).standaloneMonthName(day.month).lower()
    assert screen.restock.text() == f"De retour le {day.day} {month}"


def test_opened_from_a_list_nothing_is_chosen_for_the_shopper(qtbot, shopper):
    change_cache(shopper, *(stock(f"WJ01-{size}-{color}", 0) for size in "SML"
                            for color in ("Blue", "Red", "Yellow")),
                 stock("WJ01-M-Red", 4), stock("WJ01-L-Blue", 6),
                 ("UPDATE products SET description_html = ?, "
                  "translations = json_set(translations, '$.fr.description_html', ?) "
                  "WHERE sku = 'WJ01'",      # a page long enough to scroll far
                  "<p>Warm and light.</p>" * 40, "<p>Chaude et légère.</p>" * 40))
    screen = show(qtbot, shopper, size=LANDSCAPE)
    assert screen.variant is None
    assert screen.sizes.checked_keys() == set() and screen.colors.checked_keys() == set()
    assert not screen.choice.isVisible()
    # What is here is told for the sizes, not as the stock of a size nobody chose.
    assert screen.stock.text() == "✓ En stock ici en M, L"
    assert screen.order_button.text() == "Choisissez une taille et une couleur"
    screen.scroll.verticalScrollBar().setValue(screen.scroll.verticalScrollBar().maximum())
    settle()
    assert screen.sizes.visibleRegion().isEmpty()      # scrolled down to the details
    tap_on_page(qtbot, screen, screen.order_button)    # it shows where to choose
    assert not screen.sizes.visibleRegion().isEmpty()
    assert shopper.session.basket.item_count == 0
    tap_on_page(qtbot, screen, screen.sizes.chip("M"))
    assert (screen.chosen_size, screen.chosen_color) == ("M", None)
    assert screen.choice.text() == "Taille M"
    assert screen.stock.text() == "✓ En stock ici en Rouge"
    assert screen.order_button.text() == "Choisissez une couleur"
    tap_on_page(qtbot, screen, screen.colors.chip("Red"))
    assert screen.variant.sku == "WJ01-M-Red"
    assert screen.choice.text() == "Taille M · Rouge"
    assert screen.stock.text() == "✓ En stock ici"
    assert screen.order_button.text() == "Livrer à mon domicile"


def test_a_size_chip_says_where_the_size_is_in_words_and_in_its_shape(qtbot, shopper):
    change_cache(shopper, stock("WJ01-L-Red", 4), stock("WJ01-M-Red", 0),
                 ("UPDATE stock SET quantity = 3 WHERE variant_sku = 'WJ01-M-Red' "
                  "AND store_id != 'paris-rivoli'",),
                 ("UPDATE stock SET quantity = 0 WHERE variant_sku = 'WJ01-S-Red'",))
    screen = show(qtbot, shopper, variant_sku="WJ01-L-Red")
    chips = {size: screen.sizes.chip(size) for size in ("S", "M", "L")}
    assert [chips[size].text() for size in "SML"] == [
        "S · épuisé", "M · autres magasins", "✓ L · ici"]
    assert [chips[size].accessibleName() for size in "SML"] == [
        "S, épuisé dans tous les magasins", "M, seulement dans d’autres magasins",
        "L, en stock ici"]
    # The border's shape tells it too (struck through, dashed, solid): not colour alone.
    assert [chips[size].property("availability") for size in "SML"] == [
        "nowhere", "elsewhere", "here"]


def test_choosing_a_colour_never_moves_a_size_chip_under_the_next_finger(qtbot, shopper):
    # In Red every size is here; in Yellow M is only in other stores, so its chip then
    # reads the longer 'M · autres magasins'.
    change_cache(shopper, stock("WJ01-M-Yellow", 0),
                 ("UPDATE stock SET quantity = 3 WHERE variant_sku = 'WJ01-M-Yellow' "
                  "AND store_id != 'paris-rivoli'",),
                 *(stock(f"WJ01-{size}-{color}", 5) for size in ("S", "L", "XL")
                   for color in ("Red", "Yellow")))
    screen = show(qtbot, shopper, variant_sku="WJ01-S-Red")
    sizes = chip_keys(screen.sizes)

    def where():
        return {key: screen.sizes.chip(key).geometry() for key in sizes}

    before = where()
    assert screen.sizes.chip("M").text() == "M · ici"
    tap_on_page(qtbot, screen, screen.colors.chip("Yellow"))
    settle()
    assert screen.sizes.chip("M").text() == "M · autres magasins"
    assert where() == before
    tap_on_page(qtbot, screen, screen.sizes.chip("M"))        # now ticked: '✓ M · …'
    settle()
    assert screen.sizes.chip("M").text().startswith("✓ M")
    assert where() == before


def test_out_of_stock_here_offers_similar_products_in_stock_and_a_tap_opens_one(
        qtbot, shopper):
    change_cache(shopper, stock("WJ01-L-Red", 0), stock("WJ01-M-Red", 4))
    screen = show(qtbot, shopper, variant_sku="WJ01-M-Red")
    assert not screen.similar_list.isVisible()       # nothing to suggest while it is here
    tap_on_page(qtbot, screen, screen.sizes.chip("L"))
    strip = named(screen, QListView, "Disponible ici à la place")
    assert strip.isVisible() and strip.model().rowCount() > 0
    first = strip.model().card(0)
    assert first.in_stock_here
    screen.scroll.ensureWidgetVisible(strip)
    touch(qtbot, strip.viewport(), strip.visualRect(strip.model().index(0, 0)).center())
    assert shopper.navigator.opened == [("product", first.id, None)]


def test_other_stores_asks_the_navigator_for_the_chosen_variant(qtbot, shopper):
    screen = show(qtbot, shopper, variant_sku="WJ01-L-Yellow")
    tap_on_page(qtbot, screen, named(screen, QPushButton, "Autres magasins"))
    assert shopper.navigator.opened == [("stores", "WJ01-L-Yellow")]


def test_stock_freshness_and_the_few_left_threshold(qtbot, shopper):
    three_minutes_ago = (TEST_NOW - timedelta(minutes=3, seconds=5))
    change_cache(shopper, stock("WJ01-S-Blue", 3,
                                taken_at=three_minutes_ago.strftime("%Y-%m-%dT%H:%M:%SZ")),
                 stock("WJ01-M-Blue", 4))
    screen = show(qtbot, shopper, variant_sku="WJ01-S-Blue")
    assert screen.stock.text() == "! Plus que 3 en stock ici"
    assert screen.stock_age.text() == "Vérifié il y a 3 min"
    tap_on_page(qtbot, screen, screen.sizes.chip("M"))
    assert screen.stock.text() == "✓ En stock ici"


def test_a_figure_older_than_the_configured_age_is_not_told_as_certain(qtbot, shopper):
    three_hours_ago = TEST_NOW - timedelta(hours=3, minutes=1)
    change_cache(shopper, stock("WJ01-S-Blue", 9,
                                taken_at=three_hours_ago.strftime("%Y-%m-%dT%H:%M:%SZ")))
    screen = show(qtbot, shopper, variant_sku="WJ01-S-Blue")
    assert shopper.config.stock_max_age_minutes == 60
    assert screen.stock_age.text() == "Peut avoir changé — vérifié il y a 3 heures"


def test_a_running_special_shows_both_prices_in_words_and_its_last_day(qtbot, shopper):
    last_day = TEST_CLOCK.today() + timedelta(days=5)
    change_cache(
        shopper,
        ("UPDATE products SET special_price_cents = 5900, special_from = NULL, special_to = ? "
         "WHERE sku = 'WJ01'", last_day.isoformat()),
        ("UPDATE variants SET special_price_cents = 5900 WHERE sku LIKE 'WJ01-%'",))
    screen = show(qtbot, shopper)
    assert screen.price.accessibleName() == "59,00\u00a0€ au lieu de 75,00\u00a0€"
    assert "<s" in screen.price.text()          # the old price is struck through
    expected = QLocale(QLocale.Language.French).toString(
        QDate(last_day.year, last_day.month, last_day.day), "d MMMM")
    assert screen.special.isVisible()
    assert screen.special.text().startswith(f"Prix spécial jusqu’au {expected}")


def test_the_phone_panel_shows_a_qr_code_of_the_product_page_and_its_address(qtbot, shopper):
    screen = show(qtbot, shopper)
    tap_on_page(qtbot, screen, named(screen, QPushButton, "Voir sur votre téléphone"))
    panel = screen.phone_panel
    assert panel.isVisible()
    url = "https://shop.example.com/p/WJ01"
    assert panel.address.accessibleName() == url
    assert panel.address.text().replace("\u200b", "") == url
    qtbot.waitUntil(lambda: panel.code.image() is not None, timeout=5000)
    assert read_modules(panel.code.image(), len(expected_modules(url))) == expected_modules(url)
    tap_on_page(qtbot, screen, named(screen, QPushButton, "Fermer"))
    assert not panel.isVisible()


def expected_modules(text):
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=0)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def read_modules(image, count):
    """Sample the drawn code at the centre of each module, as a phone's reader would."""
    dark = [(x, y) for y in range(image.height()) for x in range(0, image.width(), 2)
            if QColor(image.pixel(x, y)).lightness() < 128]
    left, top = min(x for x, _ in dark), min(y for _, y in dark)
    right = max(x for x, _ in dark) + 2
    module = (right - left) / count
    assert left >= 2 * module and top >= 2 * module, "the code needs a light margin"
    return [[QColor(image.pixel(int(left + (column + 0.5) * module),
                                int(top + (row + 0.5) * module))).lightness() < 128
             for column in range(count)] for row in range(count)]


def test_the_qr_image_encodes_exactly_the_text_it_is_given():
    url = "https://shop.example.com/p/MJ03-XL-Green"
    image = qr_image(url, 400)
    assert image.width() == image.height() == 400
    assert read_modules(image, len(expected_modules(url))) == expected_modules(url)
    assert read_modules(image, len(expected_modules(url))) != expected_modules(url + "x")


def test_without_a_web_address_there_is_no_phone_button(qtbot, shopper):
    shopper.config = dataclasses.replace(shopper.config, product_url_template="")
    screen = show(qtbot, shopper)
    assert not named(screen, QPushButton, "Voir sur votre téléphone").isVisible()


def test_the_compare_toggle_fills_the_tray_and_a_fourth_product_is_refused(qtbot, shopper):
    screen = show(qtbot, shopper)
    wj01 = product_id(shopper, "WJ01")
    tap_on_page(qtbot, screen, named(screen, QPushButton, "Ajouter au comparateur"))
    assert wj01 in shopper.session.compare
    assert screen.compare_button.text() == "✓ Dans le comparateur"
    tap_on_page(qtbot, screen, named(screen, QPushButton, "Dans le comparateur"))
    assert wj01 not in shopper.session.compare
    for sku in ("WJ06", "WJ11", "WJ04"):
        shopper.session.add_to_compare(product_id(shopper, sku))
    tap_on_page(qtbot, screen, named(screen, QPushButton, "Ajouter au comparateur"))
    assert wj01 not in shopper.session.compare
    assert not screen.compare_button.isChecked()
    assert shopper.navigator.messages == [
        "Vous pouvez comparer jusqu’à 3 produits. Retirez-en un du comparateur pour ajouter "
        "celui-ci."]


def test_the_compare_button_follows_the_tray_changed_elsewhere(qtbot, shopper):
    screen = show(qtbot, shopper)
    shopper.session.add_to_compare(product_id(shopper, "WJ01"))
    assert screen.compare_button.accessibleName() == "Dans le comparateur"


def test_the_gallery_moves_on_with_a_swipe_and_a_tap(qtbot, shopper):
    screen = show(qtbot, shopper, variant_sku="WJ01-S-Red")
    gallery = screen.gallery
    scroller = QScroller.scroller(gallery.viewport())
    width = gallery.viewport().width()
    assert gallery.page_count() == 3 and screen.dots.text().endswith("1 / 3")
    swipe(qtbot, scroller, QPointF(gallery.viewport().rect().center()), -0.6 * width)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=3000)
    # It comes to rest on a whole picture, not where the finger left it.
    assert gallery.horizontalScrollBar().value() == width
    assert screen.dots.text().endswith("2 / 3")
    assert screen.dots.accessibleName() == "Image 2 sur 3"
    swipe(qtbot, scroller, QPointF(gallery.viewport().rect().center()), 0.08 * width)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=3000)
    assert gallery.horizontalScrollBar().value() == width     # a slip of the finger
    tap_on_page(qtbot, screen, gallery)
    qtbot.waitUntil(lambda: gallery.horizontalScrollBar().value() == 2 * width, timeout=3000)
    assert screen.dots.text().endswith("3 / 3")


def swipe(qtbot, scroller, start, dx):
    """A finger sliding sideways, fed to the scroller with the times a real one takes.

    Synthesised mouse events carry made-up timestamps that Qt's flick gesture reads as
    impossible speeds once other tests have clicked, so the finger is given directly.
    """
    steps = 10
    scroller.handleInput(QScroller.Input.InputPress, start, 0)
    for step in range(1, steps + 1):
        qtbot.wait(FINGER_STEP_MS)      # the scroller moves the pictures on its own clock
        scroller.handleInput(QScroller.Input.InputMove, start + QPointF(dx * step / steps, 0),
                             step * FINGER_STEP_MS)
    scroller.handleInput(QScroller.Input.InputRelease, start + QPointF(dx, 0),
                         steps * FINGER_STEP_MS + 1)


def test_a_product_gone_from_the_catalogue_says_so_in_the_shoppers_language(
        qtbot, qapp, shopper):
    screen = show(qtbot, shopper, sku=None)
    assert screen.status.isVisible()
    assert screen.status.text() == "Désolé, ce produit n’est plus à notre catalogue."
    assert screen.title() == screen.status.text()
    assert screen.focus_order() == []         # nothing to act on
    switch_to_english(qapp, shopper, screen)
    assert screen.status.text() == "Sorry, this product is no longer in our catalogue."
    assert screen.title() == screen.status.text()


def test_the_page_is_named_by_its_product_and_its_controls_run_top_to_bottom(
        qtbot, shopper):
    change_cache(shopper, stock("WJ01-L-Red", 8))
    screen = show(qtbot, shopper, variant_sku="WJ01-L-Red")
    assert screen.title() == screen.page.name == screen.name.text()
    *on_page, action = screen.focus_order()
    assert on_page[:3] == [screen.gallery, screen.colors, screen.sizes]
    assert screen.similar_list not in on_page          # in stock here: nothing suggested
    assert {screen.other_stores, screen.phone_button, screen.compare_button} <= set(on_page)
    tops = [widget.mapTo(screen.content, QPoint(0, 0)).y() for widget in on_page]
    assert tops == sorted(tops)
    assert action is screen.order_button                # in the bar at the foot


def test_the_language_switch_changes_the_visible_text(qtbot, qapp, shopper):
    change_cache(shopper, stock("WJ01-L-Red", 0))
    screen = show(qtbot, shopper, variant_sku="WJ01-L-Red")
    assert screen.stock.text() == "✕ Pas en stock ici"
    switch_to_english(qapp, shopper, screen)
    assert named(screen, QPushButton, "Other stores").isVisible()
    assert named(screen, QPushButton, "Add to compare").isVisible()
    assert named(screen, QLabel, "Available here instead").isVisible()
    assert screen.colors.chip("Red").text().startswith("✓ Red · ")
    assert screen.choice.text() == "Size L · Red"
    assert screen.stock.text() == "✕ Not in stock here"
    assert screen.price.text() == formatter_for(shopper, "en").price(7500)
    assert screen.dots.accessibleName() == "Picture 1 of 3"


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_no_text_is_clipped_in_large_type_in_either_orientation(qtbot, qapp, shopper, size):
    shopper.theme = Theme(scale=1.5)
    change_cache(shopper, stock("WJ01-L-Red", 0, restock=TEST_CLOCK.today().isoformat()),
                 ("UPDATE stock SET quantity = 0 WHERE variant_sku = ?", "WJ01-S-Red"))
    screen = show(qtbot, shopper, variant_sku="WJ01-L-Red", size=size)
    assert screen.landscape is (size == LANDSCAPE)
    if screen.landscape:       # pictures beside the details, which scroll on their own
        assert screen.gallery_block.geometry().right() < screen.scroll.geometry().left()
    else:
        assert screen.gallery_block.parentWidget() is screen.content
    assert screen.similar_list.isVisible() and screen.restock.isVisible()
    for language in ("fr", "en"):
        if language == "en":
            switch_to_english(qapp, shopper, screen)
        settle()
        assert screen.content.width() <= screen.scroll.viewport().width()
        assert clipped_text(screen.content) == [], language
        assert clipped_text(screen.gallery_block) == [], language
        assert clipped_text(screen.decision_bar) == [], language
        assert_every_option_in_view(screen, language)
        tap_on_page(qtbot, screen, screen.phone_button)
        settle()
        assert clipped_text(screen.phone_panel) == [], f"phone panel, {language}"
        screen.phone_panel.hide()
    # A hoodie comes in five sizes: in large type they take two lines, none past the edge.
    hoodie = show(qtbot, shopper, sku="MH01", size=size)
    assert hoodie.sizes.keys() == ["XS", "S", "M", "L", "XL"]
    # Chips just made show at the next turn, and the page's height follows a turn later.
    qtbot.waitUntil(lambda: all(hoodie.sizes.chip(size).isVisible()
                                for size in hoodie.sizes.keys()))
    settle()
    assert clipped_text(hoodie.content) == []
    assert_every_option_in_view(hoodie, "hoodie")


def assert_every_option_in_view(screen, where):
    """Each size and colour chip whole inside the page once its row is scrolled to."""
    for row in (screen.sizes, screen.colors):
        screen.scroll.ensureWidgetVisible(row)
        settle()
        outside = [key for key in row.keys()
                   if not in_view(row.chip(key), screen.scroll.viewport())]
        assert outside == [], where
