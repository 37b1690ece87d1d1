"""The stores screen with live figures from a real central server on loopback.

The server holds newer figures than the terminal's cache for the jacket the tests look
at, so a card that changes shows that the live answer reached it.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtWidgets import QPushButton
from support.central_server import CentralServer
from support.clock import TEST_NOW
from support.faulty_proxy import Fault, FaultyProxy
from support.gestures import named, shown, tap
from support.layout import clipped_text

from kiosk.ui.live_stock import LiveStock
from kiosk.ui.screens.stores import Figures, StoresScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.store_card import StoreCard

SKU = "WJ01-L-Red"
RESTOCK = TEST_NOW.date() + timedelta(days=17)


@pytest.fixture(scope="module")
def central(tmp_path_factory, luma_dir):
    """The demo chain on a central server, with a new count of the jacket in two stores."""
    workdir = tmp_path_factory.mktemp("central-live")
    server = CentralServer(workdir, f"sqlite:///{workdir / 'central.db'}", luma_dir / "images")
    server.cli("init-db")
    server.seed_demo(luma_dir)
    counts = workdir / "counts.csv"
    counts.write_text("store,sku,quantity,restock_date\n"
                      f"paris-rivoli,{SKU},14,\n"
                      f"lyon-republique,{SKU},0,{RESTOCK.isoformat()}\n", encoding="utf-8")
    server.cli("import-stock", str(counts))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def token_file(central):
    return central.add_terminal("stores-screen")      # one terminal asks all the questions


@pytest.fixture
def terminal_config(central, token_file, demo_config):
    return dataclasses.replace(demo_config, central_url=central.url, token_file=token_file)


def set_cached(config, store_id, quantity, taken_at, restock_date=None):
    with closing(sqlite3.connect(config.data_dir / "cache.db")) as conn, conn:
        conn.execute("UPDATE stock SET quantity = ?, taken_at = ?, restock_date = ? "
                     "WHERE variant_sku = ? AND store_id = ?",
                     (quantity, taken_at, restock_date, SKU, store_id))


def ago(**delta) -> str:
    return (TEST_NOW - timedelta(**delta)).isoformat(timespec="seconds")


def open_screen(qtbot, context, live, scale=1.0, height=1700):
    screen = StoresScreen(context, SKU, live)
    qtbot.addWidget(screen)
    screen.setStyleSheet(Theme(scale=scale).style_sheet())
    screen.setGeometry(0, 0, 1080, height)
    screen.show()
    # Cards added to a shown layout appear at the next turn of the event loop.
    qtbot.waitUntil(lambda: len(screen.cards) == 8
                    and all(card.isVisible() for card in screen.cards), timeout=5000)
    return screen


def card_of(screen, store_id) -> StoreCard:
    return next(card for card in screen.cards if card.store.store_id == store_id)


def test_live_figures_replace_the_cached_ones_when_the_server_answers(
        qtbot, shopper_context, terminal_config):
    set_cached(terminal_config, "paris-rivoli", 2, ago(minutes=20))
    live = LiveStock(shopper_context.runner, terminal_config)
    screen = open_screen(qtbot, shopper_context, live)
    here = screen.cards[0]
    qtbot.waitUntil(lambda: screen.figures is Figures.LIVE, timeout=10000)
    assert here.store.live and here.store.quantity == 14
    assert here.level.text() == "In stock"
    assert here.age.text() == "Counted just now"
    lyon = card_of(screen, "lyon-republique")
    assert lyon.level.text() == "Out of stock"
    assert lyon.restock.isVisible()
    month = shopper_context.formatter.locale.monthName(RESTOCK.month)     # French
    assert lyon.restock.text() == f"Back on {RESTOCK.day} {month}"
    assert not screen.note.isVisible()
    live.close()


def test_while_the_server_is_asked_the_cached_figures_are_on_show(
        qtbot, shopper_context, terminal_config):
    set_cached(terminal_config, "paris-rivoli", 2, ago(minutes=20))
    proxy = FaultyProxy(int(terminal_config.central_url.rsplit(":", 1)[1]))
    proxy.set(Fault.LATENCY, delay_s=0.8)
    config = dataclasses.replace(terminal_config, central_url=proxy.url,
                                 live_stock_timeout_seconds=5)
    live = LiveStock(shopper_context.runner, config)
    screen = open_screen(qtbot, shopper_context, live)
    if screen.figures is Figures.CHECKING:      # what a shopper sees at first
        assert screen.cards[0].level.text() == "Only 2 left"
        assert screen.cards[0].age.text() == "Counted 20 min ago"
        assert screen.note.text() == "Checking the latest figures with our stores…"
    qtbot.waitUntil(lambda: screen.figures is Figures.LIVE, timeout=10000)
    assert screen.cards[0].level.text() == "In stock"
    live.close()
    proxy.close()


def test_a_slow_server_leaves_the_cached_figures_with_their_age_and_a_note(
        qtbot, shopper_context, terminal_config):
    set_cached(terminal_config, "paris-rivoli", 2, ago(minutes=20))
    proxy = FaultyProxy(int(terminal_config.central_url.rsplit(":", 1)[1]))
    proxy.set(Fault.LATENCY, delay_s=3)
    config = dataclasses.replace(terminal_config, central_url=proxy.url,
                                 live_stock_timeout_seconds=0.5)
    live = LiveStock(shopper_context.runner, config)
    screen = open_screen(qtbot, shopper_context, live)
    qtbot.waitUntil(lambda: screen.figures is Figures.CACHED, timeout=10000)
    here = screen.cards[0]
    assert not here.store.live and here.level.text() == "Only 2 left"
    assert here.age.text() == "Counted 20 min ago"
    assert screen.note.isVisible()
    assert "could not be fetched" in screen.note.accessibleName()
    live.close()
    shopper_context.runner.wait_idle(10000)
    proxy.close()


@pytest.mark.parametrize("reason", ["refused", "no server", "offline", "bad token"])
def test_without_a_live_answer_the_screen_settles_on_the_cache(
        qtbot, shopper_context, terminal_config, tmp_path, reason):
    config, offline = terminal_config, False
    if reason == "refused":
        proxy = FaultyProxy(int(terminal_config.central_url.rsplit(":", 1)[1]))
        proxy.set(Fault.REFUSE)
        config = dataclasses.replace(config, central_url=proxy.url)
    elif reason == "no server":
        config = dataclasses.replace(config, central_url="")
    elif reason == "offline":
        offline = True
    else:
        (tmp_path / "wrong.token").write_text("not-a-token", encoding="utf-8")
        config = dataclasses.replace(config, token_file=tmp_path / "wrong.token")
    live = LiveStock(shopper_context.runner, config, lambda: offline)
    screen = open_screen(qtbot, shopper_context, live)
    qtbot.waitUntil(lambda: screen.figures is Figures.CACHED, timeout=10000)
    assert screen.note.isVisible()
    assert not any(card.store.live for card in screen.cards)
    live.close()


def test_an_answer_for_a_screen_already_closed_touches_nothing(
        qtbot, shopper_context, terminal_config):
    proxy = FaultyProxy(int(terminal_config.central_url.rsplit(":", 1)[1]))
    proxy.set(Fault.LATENCY, delay_s=0.3)
    config = dataclasses.replace(terminal_config, central_url=proxy.url)
    live = LiveStock(shopper_context.runner, config)
    screen = StoresScreen(shopper_context, SKU, live)
    assert screen.figures is Figures.CHECKING
    screen.deleteLater()                    # Back, before the server has answered
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen), timeout=5000)
    assert shopper_context.runner.wait_idle(10000)
    # The answer is delivered on the GUI thread at the next turn of the event loop; a
    # callback reaching the deleted screen would raise there, and pytest-qt fail the test.
    qtbot.wait(50)
    live.close()
    proxy.close()


def test_an_old_figure_is_never_shown_as_certain(qtbot, shopper_context, demo_config,
                                                 english):
    set_cached(demo_config, "paris-rivoli", 12, ago(hours=3))
    set_cached(demo_config, "lyon-republique", 12, ago(minutes=5))
    screen = open_screen(qtbot, shopper_context, None)
    old, recent = screen.cards[0], card_of(screen, "lyon-republique")
    assert old.age.text() == "May have changed — counted 3 hours ago"
    assert old.level.property("certain") is False
    assert old.accessibleName().startswith("Luma Paris Rivoli (this store), In stock, May")
    assert recent.age.text() == "Counted 5 min ago"
    assert recent.level.property("certain") is True


def test_a_restock_date_is_shown_only_where_the_variant_is_out(
        qtbot, shopper_context, demo_config):
    set_cached(demo_config, "paris-rivoli", 0, ago(minutes=5), RESTOCK.isoformat())
    set_cached(demo_config, "lyon-republique", 6, ago(minutes=5), RESTOCK.isoformat())
    screen = open_screen(qtbot, shopper_context, None)
    here, lyon = screen.cards[0], card_of(screen, "lyon-republique")
    assert here.restock.isVisible() and here.restock.text().startswith("Back on ")
    assert not lyon.restock.isVisible()


def test_other_stores_show_their_distance_nearest_first(qtbot, shopper_context):
    screen = open_screen(qtbot, shopper_context, None)
    distances = [card.store.distance_km for card in screen.cards[1:]]
    assert distances == sorted(distances)
    assert all(" km" in card.name.text() for card in screen.cards[1:])


def test_store_details_open_by_tap_and_fit_in_large_type(qtbot, shopper_context):
    # Short, and at the top: the offscreen platform's screen is 800 px high, and a tap
    # below it is lost.
    screen = open_screen(qtbot, shopper_context, None, scale=1.5, height=760)
    lyon = card_of(screen, "lyon-republique")
    button = shown(qtbot, screen, QPushButton,
                   "Address and opening hours of Luma Lyon République")
    # Word-wrapped labels take a few turns of the event loop to find their height.
    qtbot.waitUntil(lambda: clipped_text(screen) == [], timeout=5000)
    tap(qtbot, button)
    assert lyon.details.isVisible() and button.isChecked()
    assert "Lyon" in lyon.details.accessibleName()
    assert button.height() >= shopper_context.theme.touch_target
    qtbot.waitUntil(lambda: clipped_text(screen) == [], timeout=5000)
    tap(qtbot, named(screen, QPushButton, "Address and opening hours of Luma Lyon République"))
    assert not lyon.details.isVisible()
