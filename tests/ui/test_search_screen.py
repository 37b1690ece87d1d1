import dataclasses
import json
import sqlite3
import time
from contextlib import closing
from datetime import timedelta

import pytest
from PySide6.QtCore import QSize, Qt, QTranslator
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from support.clock import TEST_CLOCK
from support.gestures import find_named, named, tap, tap_item
from support.layout import clipped_text

from kiosk.core.catalog_change import EVERYTHING
from kiosk.core.db.cache import open_cache
from kiosk.core.db.journal import open_journal
from kiosk.i18n import qm_path
from kiosk.ui.assets import install_fonts
from kiosk.ui.formatting import Formatter, shopper_locale
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.search import SETTLE_MS, SearchScreen
from kiosk.ui.shell import KioskShell, TopBar
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.compare_tray import CompareTrayBar

NBSP = "\u00a0"


@pytest.fixture
def language(qapp):
    """Installs the translation of a language, as the app does at a switch."""
    installed: list[QTranslator] = []

    def use(code: str) -> None:
        for old in installed:
            qapp.removeTranslator(old)
        translator = QTranslator()
        assert translator.load(str(qm_path(code)))
        qapp.installTranslator(translator)
        installed.append(translator)
        qapp.processEvents()

    use("fr")
    yield use
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.processEvents()


def show_in_window(qtbot, screen, theme, size=QSize(1080, 1920)):
    window = QWidget()
    window.setStyleSheet(theme.style_sheet())
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(screen)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(screen.field.hasFocus)
    return window


@pytest.fixture
def screen(qtbot, shopper_context, language):
    screen = SearchScreen(shopper_context)
    window = show_in_window(qtbot, screen, shopper_context.theme)
    # Before anything is typed: departments and popular products.
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=5000)
    yield screen
    window.close()


def type_on_keys(qtbot, screen, text):
    """Taps the on-screen keys, as a shopper does, and waits for that text's results."""
    with qtbot.waitSignal(screen.answered, timeout=5000,
                          check_params_cb=lambda answered: answered == screen.field.text()):
        for char in text:
            name = "Espace" if char == " " else char
            tap(qtbot, named(screen.keyboard, QPushButton, name))
    assert screen.field.text().endswith(text)


def card_names(screen):
    return [screen.model.card(row).name for row in range(screen.model.rowCount())]


def journalled_searches(context):
    assert context.runner.wait_idle()
    journal = open_journal(context.config.data_dir).conn
    events = [json.loads(payload) for (payload,) in journal.execute(
        "SELECT payload FROM outbox WHERE kind = 'event' ORDER BY id")]
    journal.close()
    return [(event["type"], event["data"]["text"]) for event in events
            if event["type"] in ("search", "zero_result_search")]


def test_veste_typed_on_the_keys_finds_the_jackets_and_counts_them(qtbot, screen):
    type_on_keys(qtbot, screen, "veste")
    names = card_names(screen)
    assert len(names) > 5
    # The jackets, named as a French shopper reads them.
    assert all(name.startswith("Veste") for name in names[:5])
    assert screen.status.text() == f"{len(names)} produits"
    assert screen.grid.accessibleName() == "Résultats de la recherche"
    assert not screen.categories.isVisible()
    assert screen.field.hasFocus()


def test_a_typo_is_corrected_and_the_screen_says_so(qtbot, screen):
    type_on_keys(qtbot, screen, "jaket")
    assert screen.status.text().startswith(f"Résultats pour «{NBSP}jacket{NBSP}» · ")
    # Luma's jackets (SKUs MJ.., WJ..), named in French: "Veste Juno", "Coupe-vent Montana".
    assert all(screen.model.card(row).sku[:2] in ("MJ", "WJ") for row in range(5))


def test_a_suggestion_completes_the_word_being_typed(qtbot, screen):
    type_on_keys(qtbot, screen, "juno ves")
    assert screen.suggestions.isVisible()
    assert "jacket" not in screen.suggestions.keys()     # the French shopper's words only
    with qtbot.waitSignal(screen.answered, timeout=5000):
        tap(qtbot, named(screen.suggestions, QPushButton, "veste"))
    assert screen.field.text() == "juno veste "         # ready for the next word
    assert screen.field.hasFocus()
    assert not screen.suggestions.isVisible()            # nothing left to complete
    names = card_names(screen)
    assert names and all(name.startswith("Veste") for name in names[:3])


def test_a_department_completion_reads_in_french(qtbot, screen):
    type_on_keys(qtbot, screen, "sweat")
    # A department as the French catalog names it, beside a word of the French names.
    assert "sweats à capuche et sweat-shirts" in screen.suggestions.keys()
    assert "hoodies & sweatshirts" not in screen.suggestions.keys()


def test_tapping_a_result_asks_the_navigator_to_open_that_product(qtbot, screen,
                                                                   shopper_context):
    type_on_keys(qtbot, screen, "veste")
    tap_item(qtbot, screen.grid, 1)
    assert shopper_context.navigator.opened == [("product", screen.model.card(1).id, None)]


def test_a_typed_code_ranks_first_and_opens_its_variant_only_when_tapped(
        qtbot, screen, shopper_context):
    cache = open_cache(shopper_context.config.data_dir).conn
    product_id, sku, barcode = cache.execute(
        "SELECT product_id, sku, barcode FROM variants WHERE barcode IS NOT NULL "
        "ORDER BY id DESC LIMIT 1").fetchone()
    cache.close()
    for code in (sku, barcode):
        screen.field.setText(code)
        with qtbot.waitSignal(screen.answered, timeout=5000):
            screen.search_now()
        assert screen.model.card(0).id == product_id
        assert shopper_context.navigator.opened == []
    tap_item(qtbot, screen.grid, 0)
    assert shopper_context.navigator.opened == [("product", product_id, sku)]


def test_nothing_found_offers_departments_and_is_journalled_once_it_settles(
        qtbot, screen, shopper_context):
    started = time.monotonic()
    type_on_keys(qtbot, screen, "zzzzqx")
    assert screen.status.text() == f"Nous n’avons rien trouvé pour «{NBSP}zzzzqx{NBSP}»."
    assert screen.categories.isVisible()
    assert screen.categories.keys()[:3] == ["Women", "Men", "Gear"]
    assert [screen.categories.chip(key).text() for key in ("Women", "Men", "Gear")] == [
        "Femme", "Homme", "Équipement"]
    assert screen.grid.accessibleName() == "Produits populaires"
    assert screen.model.rowCount() > 0
    if time.monotonic() - started < SETTLE_MS / 1000:
        assert journalled_searches(shopper_context) == []    # typing, not settled yet
    qtbot.wait(SETTLE_MS + 300)
    assert journalled_searches(shopper_context) == [("zero_result_search", "zzzzqx")]
    # A line says what the products below are.
    assert screen.hint.text() == "Parcourez un rayon, ou l’un de nos produits populaires."
    assert screen.hint.isVisible()
    tap(qtbot, named(screen.categories, QPushButton, "Femme"))
    assert shopper_context.navigator.opened == [("category", "Women")]
    screen.hide()     # leaving does not journal the same search twice
    assert journalled_searches(shopper_context) == [("zero_result_search", "zzzzqx")]


def test_a_search_is_journalled_when_the_shopper_leaves_before_it_settles(
        qtbot, screen, shopper_context):
    type_on_keys(qtbot, screen, "veste")
    tap_item(qtbot, screen.grid, 0)
    screen.hide()
    assert journalled_searches(shopper_context) == [("search", "veste")]


def test_an_answer_for_text_since_edited_is_never_shown(qtbot, screen, shopper_context):
    answered = []
    screen.answered.connect(answered.append)
    # Keep the worker busy (sync writing, say) while the shopper types on.
    shopper_context.runner.run_db(lambda: time.sleep(0.3))
    screen.field.setText("veste")
    screen.search_now()
    screen.field.setText("zzzzqx")
    with qtbot.waitSignal(screen.answered, timeout=5000):
        screen.search_now()
    assert answered == ["zzzzqx"]
    assert screen.grid.accessibleName() == "Produits populaires"


@pytest.mark.parametrize("text", [
    '"veste', "veste\"'`", "*", "**veste*", "NEAR(veste jacket)", "veste OR 1=1",
    "'; DROP TABLE products; --", "😀🧥", "🧥 veste", "a" * 500, " ", "      ",
    "<b>veste</b>", "\\", "%_", "\t\n", "ÉCHARPE", "veste " * 40,
])
def test_hostile_text_never_raises_and_shows_a_sensible_screen(qtbot, screen, text):
    screen.field.setText(text)
    if text.strip():
        with qtbot.waitSignal(screen.answered, timeout=5000):
            screen.search_now()
    else:
        screen.search_now()
    assert len(screen.field.text()) <= 200
    assert screen.status.text()
    assert screen.status.textFormat() == Qt.TextFormat.PlainText
    assert screen.model.rowCount() > 0       # results, or the popular products instead


def test_done_hides_the_keyboard_and_a_tap_on_the_field_brings_it_back(qtbot, screen):
    type_on_keys(qtbot, screen, "veste")
    height_with_keyboard = screen.grid.height()
    tap(qtbot, named(screen.keyboard, QPushButton, "Terminé"))
    assert not screen.keyboard.isVisible()
    qtbot.waitUntil(lambda: screen.grid.height() > height_with_keyboard)
    assert screen.field.hasFocus()
    tap(qtbot, named(screen, QLineEdit, "Rechercher"))
    assert screen.keyboard.isVisible()
    assert screen.field.hasFocus()


def test_the_clear_button_empties_the_field_and_offers_departments_again(qtbot, screen):
    type_on_keys(qtbot, screen, "veste")
    tap(qtbot, named(screen.keyboard, QPushButton, "Terminé"))
    tap(qtbot, named(screen, QPushButton, "Effacer la recherche"))
    assert screen.field.text() == ""
    assert screen.keyboard.isVisible()
    assert screen.categories.isVisible()
    assert screen.grid.accessibleName() == "Produits populaires"
    assert not screen.clear_button.isVisible()


def test_the_language_switch_turns_the_keyboard_to_qwerty_and_translates(
        qtbot, screen, shopper_context, language):
    type_on_keys(qtbot, screen, "veste")
    count = screen.model.rowCount()
    assert screen.keyboard.layout_name == "azerty"
    assert screen.title() == "Rechercher"
    language("en")
    screen.set_formatter(Formatter(shopper_locale("en", shopper_context.config.locale),
                                   shopper_context.config.currency))
    assert screen.keyboard.layout_name == "qwerty"
    qtbot.waitUntil(lambda: find_named(screen, QLineEdit, "Search") is not None)
    assert screen.title() == "Search"
    assert screen.status.text() == f"{count} products"
    assert screen.grid.accessibleName() == "Search results"
    assert named(screen, QPushButton, "Clear the search").isVisible()
    assert named(screen.keyboard, QPushButton, "Done").isVisible()
    type_on_keys(qtbot, screen, "z")      # the keys type on: QWERTY's z is bottom left
    assert screen.field.text() == "vestez"


def test_the_focus_order_goes_from_the_field_to_its_keyboard_then_down_what_is_shown(
        qtbot, screen):
    type_on_keys(qtbot, screen, "veste")
    order = screen.focus_order()
    assert order[:3] == [screen.field, screen.clear_button, screen.keyboard]
    assert order[-1] is screen.grid
    screen.hide_keyboard()
    assert screen.keyboard not in screen.focus_order()   # what is hidden is not reached


@pytest.mark.parametrize("tray", [False, True], ids=["alone", "over the compare tray"])
@pytest.mark.parametrize("size", [QSize(1080, 1920), QSize(1920, 1080)],
                         ids=["portrait", "landscape"])
def test_no_text_is_clipped_at_one_and_a_half_type_scale(qtbot, qapp, shopper_context,
                                                         language, size, tray):
    theme = Theme(scale=1.5, font_family=install_fonts())
    context = dataclasses.replace(shopper_context, theme=theme)
    top_bar = TopBar(theme, "Luma Paris Rivoli", ("fr", "en"))
    attract = AttractScreen(theme, context.formatter, context.pictures, "Luma Paris Rivoli")
    window = KioskShell(theme, top_bar, attract)
    screen = SearchScreen(context)
    window.push(screen)
    window.show_session()
    if tray:      # the app's bar under every screen, once the shopper compares products
        window.set_footer(CompareTrayBar(context))
        for product_id in (1, 2):
            context.session.add_to_compare(product_id)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    if tray:
        qtbot.waitUntil(window.footer.isVisible, timeout=5000)
    assert screen.minimumSizeHint().width() <= size.width()
    assert window.minimumSizeHint().height() <= size.height()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=5000)
    # Every change of state with the keyboard up and down; the keyboard itself comes and
    # goes while nothing is found, when the line about popular products comes and goes.
    texts = ("", "hoo", "zzzzqx", "jaket", "hoo", "a" * 200, "", "zzzzqx")
    for code in ("fr", "en"):
        language(code)
        screen.set_formatter(Formatter(shopper_locale(code, context.config.locale),
                                       context.config.currency))
        for keyboard_up in (True, False):
            screen.show_keyboard() if keyboard_up else screen.hide_keyboard()
            for text in texts:
                screen.field.setText(text)
                if text:
                    with qtbot.waitSignal(screen.answered, timeout=5000):
                        screen.search_now()
                qapp.processEvents()
                assert clipped_text(window) == [], (code, text, keyboard_up)
                # Nothing pushed the window past the screen's height, even for a moment.
                assert window.height() == size.height(), (code, text, keyboard_up)
                assert screen.grid.isVisible()


def test_a_language_switch_names_the_results_and_completions_anew(
        qtbot, screen, shopper_context, language):
    type_on_keys(qtbot, screen, "sweats")
    assert "sweats à capuche et sweat-shirts" in screen.suggestions.keys()
    assert any(name.startswith("Sweat à capuche") for name in card_names(screen))
    language("en")
    shopper_context.formatter = Formatter(shopper_locale("en", shopper_context.config.locale),
                                          shopper_context.config.currency)
    screen.set_formatter(shopper_context.formatter)
    screen.catalog_changed(EVERYTHING)          # as the app does at a switch
    qtbot.waitUntil(lambda: "hoodies & sweatshirts" in screen.suggestions.keys())
    qtbot.waitUntil(lambda: any("Hoodie" in name for name in card_names(screen)))
    assert not any(name.startswith("Sweat à capuche") for name in card_names(screen))
    assert screen.field.text() == "sweats"          # what the shopper typed stays


def test_the_results_run_the_specials_of_the_terminals_day(qtbot, screen, shopper_context):
    """Which special prices run is the terminal clock's business, whatever day the
    machine's calendar says: one for that day only runs, one from the next day waits."""
    today = TEST_CLOCK.today()
    with closing(sqlite3.connect(shopper_context.config.data_dir / "cache.db")) as conn, conn:
        conn.execute("UPDATE products SET special_price_cents = 1000, special_from = ?, "
                     "special_to = ? WHERE sku = 'WJ01'", (today.isoformat(),) * 2)
        conn.execute("UPDATE products SET special_price_cents = 1100, special_from = ?, "
                     "special_to = NULL WHERE sku = 'WJ06'",
                     ((today + timedelta(days=1)).isoformat(),))
    type_on_keys(qtbot, screen, "veste")
    cards = {card.sku: card for card in map(screen.model.card, range(screen.model.rowCount()))}
    assert cards["WJ01"].price_cents == 1000 and cards["WJ01"].on_special
    assert not cards["WJ06"].on_special
