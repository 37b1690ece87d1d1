"""Every screen in the shopper's language: catalog words translated, numbers as they write them.

The whole kiosk is walked screen by screen (home, category, search with and without
results, product, stores, compare, basket, customer form, review, confirmation, rating)
and then admin mode, and everything it shows is read: labels, buttons, accessible names
and the products painted in the grids. In French no English catalog word and no number
written the C way ("81.9 GB", "2.00", "75.00 €") may appear; in English no French catalog
word and no price written the French way ("75,00 €").
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from support.clock import TEST_CLOCK
from support.gestures import named, tap
from test_admin_mode import PIN, admin_config, corner_taps, page  # noqa: F401  (a fixture)

from kiosk import __version__
from kiosk.core.orders import BasketLine
from kiosk.core.store_stock import variants_named
from kiosk.ui.app import KioskApp
from kiosk.ui.screens.basket import BasketScreen
from kiosk.ui.screens.category import CategoryScreen
from kiosk.ui.screens.compare import CompareScreen
from kiosk.ui.screens.confirmation import ConfirmationScreen
from kiosk.ui.screens.customer_form import CustomerFormScreen
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.screens.rating import RatingScreen
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.screens.search import SearchScreen
from kiosk.ui.screens.stores import StoresScreen

JUNO = "WJ06-M-Purple"            # Juno Jacket, size M, purple: the stores screen's subtitle
# Known words of the demo catalog, as it writes them and as a French shopper reads them.
ENGLISH_WORDS = ("Black", "Blue", "Brown", "Gray", "Green", "Lavender", "Purple", "Red",
                 "White", "Yellow", "Women", "Men", "Gear", "Tops", "Bottoms", "Jackets",
                 "Hoodies", "Sweatshirts", "Tees", "Tanks", "Pants", "Bags", "Watches",
                 "Fitness Equipment", "Unisex", "foot", "Solid", "Indoor", "All-weather",
                 "Cotton", "Polyester", "Waterproof", "Adjustable")
FRENCH_WORDS = ("Noir", "Bleu", "Marron", "Gris", "Vert", "Lavande", "Violet", "Rouge",
                "Blanc", "Jaune", "Femme", "Homme", "Équipement", "Hauts", "Bas", "Vestes",
                "Sweats", "T-shirts", "Débardeurs", "Pantalons", "Sacs", "Montres", "Mixte",
                "Coton", "Intérieur", "Toutes saisons")
# Numbers written as no French text writes them: a decimal point, a sign before the price,
# a data size in English units.
C_NUMBERS_IN_FRENCH = re.compile(r"\d\.\d|€\s?\d|\b[kKMGT]B\b")
FRENCH_PRICE_IN_ENGLISH = re.compile(r"\d,\d\d\s?€")
# What admin mode shows that is a name, not a number: the version and network addresses.
NOT_NUMBERS = re.compile(re.escape(__version__) + r"|\b\d{1,3}(?:\.\d{1,3}){3}\b")


def texts_on_screen(root: QWidget) -> list[str]:
    """Everything a shopper can read, or hear from a screen reader, under `root`."""
    seen = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if widget.objectName() == "ProductDescription":
            continue    # the catalog's own prose, written in the catalog's language
        seen.append(widget.accessibleName())
        if isinstance(widget, (QLabel, QAbstractButton)):
            seen.append(widget.text())
        if isinstance(widget, QLineEdit):
            seen.append(widget.placeholderText())     # what is typed is the shopper's
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                    value = model.data(model.index(row, 0), role)
                    if isinstance(value, str):
                        seen.append(value)
    return [text for text in seen if text]


def wrong_words(texts: list[str], language: str) -> list[str]:
    """The texts that show a catalog word or a number not in `language`."""
    words = ENGLISH_WORDS if language == "fr" else FRENCH_WORDS
    word = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    number = C_NUMBERS_IN_FRENCH if language == "fr" else FRENCH_PRICE_IN_ENGLISH
    return sorted({text for text in texts
                   if word.search(text) or number.search(NOT_NUMBERS.sub("", text))})


@pytest.fixture
def kiosk(qtbot, qapp, admin_config):  # noqa: F811  (the fixture imported above)
    kiosk = KioskApp(qapp, admin_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    yield kiosk
    kiosk.shutdown()


def product_of(kiosk, sku: str) -> int:
    return basket_line(kiosk, sku).product_id


def basket_line(kiosk, sku: str) -> BasketLine:
    """The line a product page adds, in the shopper's language."""
    with closing(sqlite3.connect(kiosk.config.data_dir / "cache.db")) as conn:
        product_id, price = conn.execute(
            "SELECT v.product_id, v.price_cents FROM variants v WHERE v.sku = ?",
            (sku,)).fetchone()
        name, size, color = variants_named(conn, [sku], kiosk.sessions.language)[sku]
    return BasketLine(sku, product_id, name, size, color, price, 1)


def showing(qtbot, kiosk, cls):
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current_screen(), cls), timeout=5000)
    return kiosk.window.current_screen()


def walk_the_shopper_screens(qtbot, kiosk):
    """Each shopper screen once it has its content: (name, everything it shows)."""
    window = kiosk.window
    kiosk.start_session()
    # The home's tiles and cards, read again in the shopper's language.
    qtbot.waitUntil(lambda: bool(kiosk.home._tile_buttons) and not kiosk.storefront.loading,
                    timeout=5000)
    yield "home", texts_on_screen(window)

    kiosk.navigator.open_category("Women/Tops")
    category = showing(qtbot, kiosk, CategoryScreen)
    qtbot.waitUntil(lambda: category.model.rowCount() > 0, timeout=5000)
    category.open_filters()
    qtbot.waitUntil(lambda: bool(category.panel.colors.keys()), timeout=5000)
    yield "category with its filters", texts_on_screen(window)
    category.close_filters()

    kiosk.navigator.open_search("zzzzqx")
    search = showing(qtbot, kiosk, SearchScreen)
    qtbot.waitUntil(lambda: search.categories.keys()[:3] == ["Women", "Men", "Gear"],
                    timeout=5000)
    yield "search that found nothing", texts_on_screen(window)
    search.field.setText("sweats")      # a department completes it in either language
    qtbot.waitUntil(lambda: any(" & " in key or " et " in key
                                for key in search.suggestions.keys()), timeout=5000)
    yield "search with completions", texts_on_screen(window)

    kiosk.navigator.open_product(product_of(kiosk, JUNO), JUNO)
    product = showing(qtbot, kiosk, ProductScreen)
    qtbot.waitUntil(lambda: product.page is not None, timeout=5000)
    yield "product", texts_on_screen(window)

    kiosk.navigator.open_stores(JUNO)
    stores = showing(qtbot, kiosk, StoresScreen)
    qtbot.waitUntil(lambda: bool(stores.cards), timeout=5000)
    yield "stores", texts_on_screen(window)

    kiosk.context.session.add_to_compare(product_of(kiosk, JUNO))
    kiosk.context.session.add_to_compare(product_of(kiosk, "WJ01-M-Blue"))
    kiosk.navigator.open_compare()
    compare = showing(qtbot, kiosk, CompareScreen)
    qtbot.waitUntil(lambda: bool(compare.rows), timeout=5000)
    yield "compare", texts_on_screen(window)

    kiosk.context.session.add_to_basket(basket_line(kiosk, JUNO))
    kiosk.navigator.open_basket()
    showing(qtbot, kiosk, BasketScreen)
    yield "basket", texts_on_screen(window)

    kiosk.context.session.customer_fields.update(ZOE)     # typing is tested elsewhere
    kiosk.navigator.open_customer_form()
    form = showing(qtbot, kiosk, CustomerFormScreen)
    yield "customer form", texts_on_screen(window)
    tap(qtbot, form.proceed)
    review = showing(qtbot, kiosk, ReviewScreen)
    yield "review", texts_on_screen(window)

    review.consent.setChecked(True)
    tap(qtbot, review.confirm)
    showing(qtbot, kiosk, ConfirmationScreen)
    yield "confirmation", texts_on_screen(window)

    kiosk.navigator.open_rating()
    showing(qtbot, kiosk, RatingScreen)
    yield "rating", texts_on_screen(window)


ZOE = {"first_name": "Zoé", "last_name": "Lefèvre", "email": "zoe@example.fr",
       "phone": "0612345678", "address_line1": "12 rue de l'Église", "postal_code": "69003",
       "city": "Lyon"}


def figures_shown(page) -> bool:
    """Whether a page's rows of figures are on screen (they show at the next turn)."""
    return any(label.isVisible() for label in page.figures.findChildren(QLabel))


def walk_admin_mode(qtbot, kiosk):
    corner_taps(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    pad = kiosk.admin.pad
    for digit in PIN:
        tap(qtbot, named(pad, QPushButton, digit))
    tap(qtbot, pad.ok_button)
    qtbot.waitUntil(lambda: kiosk.admin.is_open, timeout=5000)
    panel = kiosk.admin.panel
    status = panel.current_page()
    qtbot.waitUntil(lambda: status.local is not None and figures_shown(status), timeout=5000)
    yield "admin status", texts_on_screen(panel)
    today = page(qtbot, panel, panel.tr("Today"))
    qtbot.waitUntil(lambda: today.today is not None and figures_shown(today), timeout=5000)
    yield "admin today", texts_on_screen(panel)


# What the walk must read on some screens: proof that it sees the words it checks.
EXPECTED = {
    "fr": {"search that found nothing": "Femme",
           "search with completions": "sweats à capuche et sweat-shirts",
           "product": "Violet", "stores": "Veste Juno · M · Violet", "basket": "M · Violet",
           "compare": "Toutes saisons, Doux, Printemps, Vent",
           "admin status": "Go sur", "admin today": " sur 4"},
    "en": {"search that found nothing": "Women",
           "search with completions": "hoodies & sweatshirts",
           "product": "Purple", "stores": "Juno Jacket · M · Purple", "basket": "€",
           "compare": "All-weather, Mild, Spring, Windy",
           "admin status": "GB of", "admin today": " out of 4"},
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_screen_speaks_the_shoppers_language_words_and_numbers(qtbot, kiosk, language):
    kiosk.set_language(language)
    wrong, missing = {}, {}
    for screen, texts in [*walk_the_shopper_screens(qtbot, kiosk),
                          *walk_admin_mode(qtbot, kiosk)]:
        assert texts, f"nothing read on the {screen} screen"
        if found := wrong_words(texts, language):
            wrong[screen] = found
        expected = EXPECTED[language].get(screen)
        if expected and not any(expected in text for text in texts):
            missing[screen] = expected
    assert wrong == {}
    assert missing == {}


def test_the_walk_sees_what_it_looks_for():
    """The checks themselves: each of the issue's findings would be caught."""
    assert wrong_words(["Juno Jacket · M · Purple"], "fr")
    assert wrong_words(["Women", "hoodies & sweatshirts"], "fr") == [
        "Women", "hoodies & sweatshirts"]
    assert wrong_words(["81.9 GB sur 120 GB"], "fr")
    assert wrong_words(["2.00 sur 4"], "fr") and wrong_words(["75.00 €"], "fr")
    assert wrong_words(["€75.00"], "fr")
    assert wrong_words(["75,00 €"], "en") and wrong_words(["Juno Jacket · M · Violet"], "en")
    assert wrong_words(["Juno Jacket · M · Violet", "81,9 Go sur 120 Go", "2,00 sur 4",
                        f"version {__version__}", "10.0.2.15", "75,00 €"], "fr") == []
    assert wrong_words(["€75.00", "Juno Jacket · M · Purple", "81.9 GB"], "en") == []
