"""Search results above the keyboard: whole cards, names and prices in view, on a wide
screen too (a row of pictures cut above their prices told the shopper nothing)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QSize
from support.clock import TEST_CLOCK
from support.layout import clipped_text

from kiosk.ui.app import KioskApp

PORTRAIT, LANDSCAPE = QSize(1080, 1920), QSize(1920, 1080)


@pytest.mark.parametrize("size, scale", [(PORTRAIT, 1.0), (LANDSCAPE, 1.0), (PORTRAIT, 1.5),
                                         (LANDSCAPE, 1.5)],
                         ids=["portrait", "landscape", "portrait-large", "landscape-large"])
def test_whole_result_cards_show_above_the_keyboard(qtbot, qapp, demo_config, size, scale):
    orientation = "portrait" if size == PORTRAIT else "landscape"
    config = dataclasses.replace(demo_config, text_scale=scale, orientation=orientation)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    kiosk.start_session()
    kiosk.context.session.add_to_compare(kiosk.cards[0].id)     # the tray takes room too
    kiosk.navigator.open_search("jacket")
    screen = kiosk.window.current_screen()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 1, timeout=5000)
    qtbot.wait(50)
    where = f"{orientation}, {scale}"
    assert screen.keyboard.isVisible(), where
    assert whole_cards(screen) >= 2, where
    assert kiosk.window.size() == size, where
    assert clipped_text(kiosk.window) == [], where
    screen.hide_keyboard()
    qtbot.wait(50)
    assert whole_cards(screen) >= 2, where
    kiosk.shutdown()


def whole_cards(screen) -> int:
    """How many result cards are wholly in view; laid on their side only where a standing
    card would not fit."""
    grid, delegate = screen.grid, screen.delegate
    assert delegate.compact == (grid.height() < delegate.card_size().height())
    return sum(grid.viewport().rect().contains(grid.visualRect(screen.model.index(row)))
               for row in range(screen.model.rowCount()))
