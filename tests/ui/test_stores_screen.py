from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton
from support.gestures import named, tap

from kiosk.ui.screens.stores import Figures, StoresScreen
from kiosk.ui.stock_words import counted_words, level_words, restock_words

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


def test_a_level_has_a_mark_and_words_never_colour_alone():
    assert level_words(12, 3) == "✓ In stock"
    assert level_words(2, 3) == "! Only 2 left"
    assert level_words(0, 3) == "✕ Out of stock"
    assert level_words(None, 3) == "? No stock figure"


def test_the_age_of_a_figure_is_told_in_the_largest_unit(english):
    def taken(delta):
        return (NOW - delta).isoformat()
    assert counted_words(taken(timedelta(seconds=20)), True, NOW) == "Counted just now"
    assert counted_words(taken(timedelta(minutes=3)), True, NOW) == "Counted 3 min ago"
    assert counted_words(taken(timedelta(hours=2)), True, NOW) == "Counted 2 hours ago"
    assert counted_words(taken(timedelta(hours=2)), False, NOW) == \
        "May have changed — counted 2 hours ago"
    assert counted_words(None, True, NOW) == ""


def test_a_restock_date_is_written_in_the_shoppers_language():
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert restock_words("2026-12-12", french, NOW.date()) == "Back on 12 décembre"
    assert restock_words("2026-11-01", french, NOW.date()) == ""    # passed: not promised
    assert restock_words("not a date", french, NOW.date()) == ""


def test_every_store_is_listed_here_first_with_address_and_hours_a_tap_away(
        qtbot, shopper_context):
    conn_sku = "WJ01-L-Red"
    screen = StoresScreen(shopper_context, conn_sku)
    qtbot.addWidget(screen)
    screen.resize(1080, 1700)
    screen.show()
    # Cards added to a shown screen are shown a moment later (Qt queues it).
    qtbot.waitUntil(lambda: len(screen.cards) == 8 and all(
        card.details_button.isVisibleTo(screen) for card in screen.cards), timeout=5000)
    first = screen.cards[0]
    assert first.store.store_id == "paris-rivoli"
    assert "this store" in first.name.text()
    assert "km" in screen.cards[1].name.text()
    assert "Veste Stellar Solar · L · Rouge" in screen.variant.text()    # a French shopper
    assert screen.title() == screen.heading.text() == "Stock in our stores"
    # The keypad and speech go through the stores from this one outwards, each store's
    # details and then, where it has the variant, its "Reserve at".
    assert [button.accessibleName() for button in screen.focus_order()] == [
        name for card in screen.cards
        for name in (f"Address and opening hours of {card.store.name}",
                     f"Reserve at {card.store.name}")
        if card.store.quantity or name.startswith("Address")]
    assert first.level.text() in ("In stock", "Out of stock") or "left" in first.level.text()
    assert first.age.text().startswith(("Counted", "May have changed"))
    # No server in this context: the cached figures, said to be so.
    assert screen.figures is Figures.CACHED
    assert screen.note.isVisible() and "could not be fetched" in screen.note.text()
    assert not first.details.isVisible()
    details = named(screen, QPushButton, "Address and opening hours of Luma Paris Rivoli")
    qtbot.waitUntil(details.isVisible)   # a widget added to a shown layout appears next turn
    tap(qtbot, details)
    assert first.details.isVisible()
    assert "112 rue de Rivoli" in first.details.text()
    assert "10:00 – 20:00" in first.details.text()
