import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSize, QTranslator
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QWidget
from support.clock import TEST_CLOCK
from support.gestures import find_named, named, shown, tap
from support.layout import clipped_text

from kiosk.core.browse import band_key, price_bands
from kiosk.core.catalog_change import EVERYTHING
from kiosk.core.db.cache import open_cache
from kiosk.core.search import SearchFilters, facets, search
from kiosk.i18n import qm_path
from kiosk.ui.formatting import Formatter, shopper_locale
from kiosk.ui.screens.category import CategoryScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.chips import ChipRow

TODAY = TEST_CLOCK.today()     # the screens' day: it decides which special prices run

JACKETS = "Women/Tops/Jackets"
PORTRAIT, LANDSCAPE = QSize(1080, 1920), QSize(1920, 1080)


@pytest.fixture
def language(qapp):
    """Installs a language's translations as the app does; French to begin with."""
    installed: list[QTranslator] = []

    def use(code: str) -> None:
        while installed:
            qapp.removeTranslator(installed.pop())
        translator = QTranslator(qapp)
        assert translator.load(str(qm_path(code))), f"no compiled translation for {code!r}"
        qapp.installTranslator(translator)
        installed.append(translator)

    use("fr")
    yield use
    while installed:
        qapp.removeTranslator(installed.pop())


@pytest.fixture
def context(shopper_context, language, demo_config):
    """The French shopper's context, its formatter made once the translations are in, as
    the app makes each language's."""
    return dataclasses.replace(shopper_context, formatter=Formatter(
        shopper_locale("fr", demo_config.locale), demo_config.currency))


@pytest.fixture
def cache(demo_config):
    """The test's own reading of the catalog, to check the screen against."""
    conn = open_cache(demo_config.data_dir).conn
    yield conn
    conn.close()


def open_screen(qtbot, context, path, size=PORTRAIT, **options):
    screen = CategoryScreen(context, path, **options)
    screen.setStyleSheet(context.theme.style_sheet())
    qtbot.addWidget(screen)
    screen.resize(size)
    screen.show()
    qtbot.waitUntil(lambda: screen.grid.isVisible()
                    or screen.status.text() != "Chargement des produits…", timeout=5000)
    return screen


def settled(qtbot, screen, count):
    """Waits for the answer to the filters as they are now: the button shows its count."""
    qtbot.waitUntil(lambda: screen.filters_button.text().endswith(f" {count} produits"),
                    timeout=5000)


def shown_cards(screen):
    model = screen.model
    return [model.card(row) for row in range(model.rowCount())]


def tap_chip(qtbot, row, key):
    """Taps the chip: the filter sheet wraps its chips, and brings a scrolled one in sight."""
    tap(qtbot, row.chip(key))


def visible_named(root, cls, name):
    """The one a shopper sees, when hidden screens or panels hold one of the same name."""
    found = [w for w in root.findChildren(cls) if w.accessibleName() == name and w.isVisible()]
    assert len(found) == 1, f"{len(found)} visible {cls.__name__} named {name!r}"
    return found[0]


def test_a_category_shows_its_products_with_their_count(qtbot, context, cache):
    expected = search(cache, "", SearchFilters(category_path=JACKETS), limit=100,
                      today=TODAY).product_ids
    screen = open_screen(qtbot, context, JACKETS)
    settled(qtbot, screen, len(expected))
    assert named(screen, QLabel, "Vestes").isVisible()   # the catalog word, in French
    button = named(screen, QPushButton, f"Filtres et tri · {len(expected)} produits")
    assert button.isVisible()
    grid = named(screen, QListView, "Produits de cette catégorie")
    assert grid.isVisible()
    assert [card.id for card in shown_cards(screen)] == expected
    assert not screen.summary.isVisible()       # no filter yet, nothing to explain


def test_tapping_a_card_opens_its_product(qtbot, context):
    screen = open_screen(qtbot, context, JACKETS)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    middle = screen.grid.indexAt(screen.grid.viewport().rect().center())
    tap(qtbot, screen.grid.viewport())
    assert context.navigator.opened == [
        ("product", screen.model.card(middle.row()).id, None)]


def test_sub_category_chips_open_their_category(qtbot, context):
    screen = open_screen(qtbot, context, "Women")
    tops = shown(qtbot, screen, QPushButton, "Hauts")
    assert not screen.breadcrumb.isVisible()     # a top category: the title says it all
    tap(qtbot, tops)
    tap(qtbot, named(screen, QPushButton, "Bas"))
    assert context.navigator.opened == [("category", "Women/Tops"),
                                                ("category", "Women/Bottoms")]


def test_the_breadcrumb_opens_each_level_above_this_one(qtbot, context):
    screen = open_screen(qtbot, context, JACKETS)
    qtbot.waitUntil(screen.breadcrumb.isVisible)
    tap(qtbot, named(screen.breadcrumb, QPushButton, "Femme"))
    tap(qtbot, named(screen.breadcrumb, QPushButton, "Hauts"))
    assert context.navigator.opened == [("category", "Women"),
                                                ("category", "Women/Tops")]
    assert find_named(screen.breadcrumb, QPushButton, "Vestes") is None   # we are here
    assert named(screen.breadcrumb, QLabel, "Vestes").isVisible()


def test_size_and_stock_here_keep_what_the_facets_count(qtbot, context, cache):
    store = context.store_id
    everything = facets(cache, "", SearchFilters(category_path=JACKETS), today=TODAY).count
    chosen = SearchFilters(category_path=JACKETS, sizes=frozenset({"M"}), in_stock_at=store)
    expected = facets(cache, "", chosen, today=TODAY).count
    assert 0 < expected < everything
    screen = open_screen(qtbot, context, JACKETS)
    settled(qtbot, screen, everything)

    tap(qtbot, named(screen, QPushButton, f"Filtres et tri · {everything} produits"))
    assert screen.panel.isVisible()
    tap(qtbot, named(screen.panel, QPushButton, "M"))
    tap(qtbot, named(screen.panel, QPushButton, "En stock dans ce magasin"))
    assert screen.panel.in_stock.text().startswith("✓")      # a mark, not colour alone
    settled(qtbot, screen, expected)
    tap(qtbot, named(screen.panel, QPushButton, f"Voir {expected} produits"))

    assert not screen.panel.isVisible()
    cards = shown_cards(screen)
    assert len(cards) == expected
    assert all(card.in_stock_here for card in cards)
    assert screen.summary.isVisible()
    assert screen.summary.text() == "Filtres\u00a0: M · En stock ici"


def test_sorting_by_price_orders_the_cards(qtbot, context):
    screen = open_screen(qtbot, context, JACKETS)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    catalog_order = [card.id for card in shown_cards(screen)]
    tap(qtbot, screen.filters_button)

    tap(qtbot, named(screen.panel, QPushButton, "Prix croissant"))
    qtbot.waitUntil(lambda: [card.id for card in shown_cards(screen)] != catalog_order)
    prices = [card.price_cents for card in shown_cards(screen)]
    assert prices == sorted(prices)
    assert screen.panel.sorts.checked_keys() == {"price_asc"}     # one order at a time

    tap(qtbot, named(screen.panel, QPushButton, "Prix décroissant"))
    qtbot.waitUntil(lambda: shown_cards(screen)[0].price_cents == max(prices))
    prices = [card.price_cents for card in shown_cards(screen)]
    assert prices == sorted(prices, reverse=True)
    assert not screen.summary.isVisible()      # an order hides no product


def test_a_price_band_keeps_the_prices_in_it(qtbot, context, cache):
    screen = open_screen(qtbot, context, JACKETS)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    tap(qtbot, screen.filters_button)
    label = "Jusqu’à " + context.formatter.price(4000)
    expected = facets(cache, "", SearchFilters(category_path=JACKETS,
                                               max_price_cents=4000), today=TODAY).count
    tap(qtbot, named(screen.panel, QPushButton, label))
    qtbot.waitUntil(lambda: screen.model.rowCount() == expected)
    assert all(card.price_cents <= 4000 for card in shown_cards(screen))
    assert label in screen.summary.text()


def test_no_match_says_so_and_clearing_the_filters_brings_everything_back(
        qtbot, context, cache):
    everything = facets(cache, "", SearchFilters(category_path=JACKETS), today=TODAY).count
    screen = open_screen(qtbot, context, JACKETS)
    settled(qtbot, screen, everything)
    tap(qtbot, screen.filters_button)
    # Found by its catalog key: the colour's name belongs to the product page's words.
    tap_chip(qtbot, screen.panel.colors, "Yellow")      # the yellow jackets cost over 60 €
    tap(qtbot, named(screen.panel, QPushButton, "Jusqu’à " +
                     context.formatter.price(4000)))
    qtbot.waitUntil(lambda: screen.panel.show_button.text() == "Aucun produit ne correspond")
    tap(qtbot, named(screen.panel, QPushButton, "Aucun produit ne correspond"))

    assert screen.status.isVisible()
    assert screen.status.text() == "Aucun produit ne correspond à ces filtres."
    assert screen.summary.isVisible() and screen.filters_button.isVisible()
    tap(qtbot, visible_named(screen, QPushButton, "Effacer les filtres"))
    settled(qtbot, screen, everything)
    assert screen.grid.isVisible() and screen.model.rowCount() == everything
    assert not screen.summary.isVisible()
    assert screen.panel.filters() == SearchFilters()


def test_the_panel_clears_its_own_choices(qtbot, context, cache):
    everything = facets(cache, "", SearchFilters(category_path=JACKETS), today=TODAY).count
    screen = open_screen(qtbot, context, JACKETS)
    settled(qtbot, screen, everything)
    tap(qtbot, screen.filters_button)
    tap(qtbot, named(screen.panel, QPushButton, "S"))
    tap(qtbot, named(screen.panel, QPushButton, "Prix décroissant"))
    tap(qtbot, visible_named(screen.panel, QPushButton, "Effacer les filtres"))
    settled(qtbot, screen, everything)
    assert screen.panel.filters() == SearchFilters()
    assert named(screen.panel, QPushButton, "Pertinence").isChecked()


def test_an_answer_overtaken_by_a_later_choice_is_dropped(qtbot, context, cache):
    screen = open_screen(qtbot, context, JACKETS)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    # Answers are held, then handed over newest first, as a slow query would leave them.
    held = []
    fetch = context.catalog.fetch

    def held_fetch(owner, query, on_done, on_error=None):
        fetch(owner, query, lambda answer: held.append(lambda: on_done(answer)), on_error)

    context.catalog.fetch = held_fetch
    tap(qtbot, screen.filters_button)
    tap(qtbot, named(screen.panel, QPushButton, "Prix croissant"))
    tap(qtbot, named(screen.panel, QPushButton, "Prix décroissant"))
    qtbot.waitUntil(lambda: len(held) == 2)
    for deliver in reversed(held):
        deliver()
    latest = search(cache, "", SearchFilters(category_path=JACKETS, sort="price_desc"),
                    limit=100, today=TODAY).product_ids
    assert [card.id for card in shown_cards(screen)] == latest


def test_more_products_load_as_the_shopper_scrolls_to_the_end(qtbot, context, cache):
    everything = search(cache, "", SearchFilters(category_path="Women"), limit=1000,
                        today=TODAY).product_ids
    screen = open_screen(qtbot, context, "Women", page_size=12)
    settled(qtbot, screen, len(everything))
    first = screen.model.rowCount()
    assert first < len(everything)
    bar = screen.grid.verticalScrollBar()
    while screen.model.rowCount() < len(everything):
        loaded = screen.model.rowCount()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda loaded=loaded: screen.model.rowCount() > loaded, timeout=5000)
    assert [card.id for card in shown_cards(screen)] == everything
    assert not screen.model.canFetchMore(screen.grid.rootIndex())


def test_an_unknown_category_says_so_kindly(qtbot, context):
    screen = open_screen(qtbot, context, "Women/Nowhere")
    assert screen.status.isVisible()
    assert screen.status.text().startswith("Nous ne trouvons pas cette catégorie.")
    assert named(screen, QLabel, "Catégorie introuvable").isVisible()
    assert not screen.filters_button.isVisible()


def crumb_names(screen):
    """The breadcrumb's names as shown, top category first (replaced crumbs gone)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [crumb.accessibleName() for crumb in screen.breadcrumb.findChildren(QWidget)
            if crumb.objectName() in ("Crumb", "CrumbCurrent")]


def test_the_screen_is_named_by_its_category_even_before_it_is_read(qtbot, context,
                                                                  language, demo_config):
    screen = CategoryScreen(context, JACKETS)
    qtbot.addWidget(screen)
    assert screen.title() == "Jackets"      # from the path, while the catalog is read
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    assert screen.title() == "Vestes"       # as the catalog names it in French
    assert crumb_names(screen) == ["Femme", "Hauts", "Vestes"]
    unknown = open_screen(qtbot, context, "Women/Nowhere")
    assert unknown.title() == "Catégorie introuvable"
    language("en")
    context.formatter = Formatter(shopper_locale("en", demo_config.locale),
                                  demo_config.currency)
    for each_screen in (screen, unknown):         # as the app does at a switch
        each_screen.set_formatter(context.formatter)
        each_screen.catalog_changed(EVERYTHING)
    qtbot.waitUntil(lambda: screen.title() == "Jackets")
    assert crumb_names(screen) == ["Women", "Tops", "Jackets"]
    assert unknown.title() == "Category not found"


def test_the_focus_order_goes_down_the_screen_then_through_the_filter_sheet(qtbot, context):
    screen = open_screen(qtbot, context, "Women/Tops")
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    assert screen.focus_order() == [screen.breadcrumb, screen.sub_categories,
                                    screen.filters_button, screen.grid]
    tap(qtbot, screen.filters_button)
    panel = screen.panel
    assert screen.focus_order() == [panel.sizes, panel.colors, panel.prices, panel.in_stock,
                                    panel.sorts, panel.clear_button, panel.show_button]


def test_the_language_switch_changes_the_visible_texts(qtbot, context, language,
                                                      demo_config):
    screen = open_screen(qtbot, context, JACKETS)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    count = screen.model.rowCount()
    tap(qtbot, screen.filters_button)
    tap(qtbot, named(screen.panel, QPushButton, "M"))
    english = Formatter(shopper_locale("en", demo_config.locale), demo_config.currency)

    language("en")
    screen.set_formatter(english)
    qtbot.waitUntil(lambda: screen.panel.heading.text() == "Filters and sort")
    for name in ("Size", "Price", "Sort by"):
        assert named(screen.panel, QLabel, name).isVisible()
    assert named(screen.panel, QPushButton, "Price: low to high").isVisible()
    assert named(screen.panel, QPushButton, "Up to " + english.price(4000)).isVisible()
    qtbot.waitUntil(lambda: screen.filters_button.text().startswith("Filters and sort · "))
    tap(qtbot, screen.panel.show_button)
    assert screen.summary.text() == "Filtered by: M"
    assert named(screen, QListView, "Products in this category").isVisible()
    assert screen.model.rowCount() <= count


def chip_rows_stay_inside(window):
    """Chips that a crowded row scrolled out of sight are reached with the finger; the rows
    themselves must stay on screen."""
    return [f"a chip row leaves the window at {row.mapTo(window, row.rect().bottomRight())}"
            for row in window.findChildren(ChipRow) if row.isVisible()
            and not window.rect().contains(row.mapTo(window, row.rect().bottomRight()))]


def unreadable(window):
    problems = [p for p in clipped_text(window) if p != "Chip leaves the window"]
    return problems + chip_rows_stay_inside(window)


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_nothing_is_cut_at_one_and_a_half_type_scale(qtbot, context, language,
                                                     demo_config, size):
    large = dataclasses.replace(context, theme=Theme(scale=1.5))
    screen = open_screen(qtbot, large, "Women/Tops", size)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    tap(qtbot, screen.filters_button)
    tap(qtbot, named(screen.panel, QPushButton, "M"))
    tap(qtbot, named(screen.panel, QPushButton, "En stock dans ce magasin"))
    for code in ("fr", "en"):
        language(code)
        screen.set_formatter(Formatter(shopper_locale(code, demo_config.locale),
                                       demo_config.currency))
        qtbot.waitUntil(lambda: screen.panel.isVisible() and not screen.model.loading)
        qtbot.wait(50)      # the language change reaches every widget through the loop
        assert unreadable(screen) == [], f"filter panel, {code}"
        screen.close_filters()
        assert unreadable(screen) == [], f"products, {code}"
        screen.open_filters()


def test_in_landscape_each_filter_sits_right_under_its_heading(qtbot, context):
    large = dataclasses.replace(context, theme=Theme(scale=1.5))
    screen = open_screen(qtbot, large, "Women/Tops", LANDSCAPE)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    tap(qtbot, screen.filters_button)
    panel = screen.panel
    assert panel.landscape
    # The stock toggle shares its grid row with the taller sizes beside it.
    heading, toggle = panel.stock_heading, named(panel, QPushButton, "En stock dans ce magasin")
    gap = toggle.mapTo(panel, toggle.rect().topLeft()).y() \
        - heading.mapTo(panel, heading.rect().bottomLeft()).y()
    assert 0 <= gap <= large.theme.spacing * 2


def special_price(cache, product_id, cents, first_day=None, last_day=None):
    """A special price for the product from `first_day` to `last_day` (None: no bound)."""
    with cache:
        cache.execute("UPDATE products SET special_price_cents = ?, special_from = ?, "
                      "special_to = ? WHERE id = ?",
                      (cents, first_day and first_day.isoformat(),
                       last_day and last_day.isoformat(), product_id))


def test_the_cards_run_the_specials_of_the_terminals_day(qtbot, context, cache):
    """Which special prices run is the terminal clock's business, whatever day the
    machine's calendar says: one for that day only runs, one from the next day waits."""
    jackets = search(cache, "", SearchFilters(category_path=JACKETS), limit=100,
                     today=TODAY).product_ids
    today_only, from_tomorrow = jackets[:2]
    special_price(cache, today_only, 1000, TODAY, TODAY)
    special_price(cache, from_tomorrow, 1100, TODAY + timedelta(days=1))
    screen = open_screen(qtbot, context, JACKETS)
    settled(qtbot, screen, len(jackets))
    cards = {card.id: card for card in shown_cards(screen)}
    assert cards[today_only].price_cents == 1000 and cards[today_only].on_special
    assert not cards[from_tomorrow].on_special


def test_the_price_bands_count_the_specials_of_the_terminals_day(qtbot, context, cache):
    """The dearest jacket, on special for the terminal's day only, lowers the range the
    bands are cut from and is found in the cheapest band."""
    everything = SearchFilters(category_path=JACKETS)
    dearest = dataclasses.replace(everything, sort="price_desc")
    reduced = search(cache, "", dearest, limit=1, today=TODAY).product_ids[0]
    special_price(cache, reduced, 500, TODAY, TODAY)
    found = facets(cache, "", everything, today=TODAY)
    assert found.min_price_cents == 500
    cheapest = price_bands(found.min_price_cents, found.max_price_cents)[0]
    screen = open_screen(qtbot, context, JACKETS)
    settled(qtbot, screen, found.count)
    tap(qtbot, screen.filters_button)
    tap(qtbot, screen.panel.prices.chip(band_key(cheapest)))
    expected = facets(cache, "", dataclasses.replace(everything, max_price_cents=cheapest[1]),
                      today=TODAY).count
    qtbot.waitUntil(lambda: screen.model.rowCount() == expected)
    assert reduced in {card.id for card in shown_cards(screen)}
    assert all(card.price_cents <= cheapest[1] for card in shown_cards(screen))
