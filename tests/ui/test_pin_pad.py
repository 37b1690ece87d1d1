"""The PIN pad's keys never move under a finger: not when "Wrong PIN" comes or goes, not
while the PIN is checked, not during a lockout, in either language, shape or type size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, QTranslator
from PySide6.QtWidgets import QPushButton, QWidget
from support.layout import clipped_text

from kiosk.i18n import qm_path
from kiosk.i18n.build import build
from kiosk.ui.admin.pin_pad import PinPad
from kiosk.ui.admin.style import admin_style
from kiosk.ui.theme import Theme

PORTRAIT, LANDSCAPE = QSize(1080, 1920), QSize(1920, 1080)


@pytest.fixture
def translated(qapp):
    build()
    installed = []

    def install(language: str) -> None:
        translator = QTranslator(qapp)
        assert translator.load(str(qm_path(language)))
        qapp.installTranslator(translator)
        installed.append(translator)

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


def open_pad(qtbot, size: QSize, scale: float) -> tuple[QWidget, PinPad]:
    theme = Theme(scale=scale)
    window = QWidget()
    window.setStyleSheet(theme.style_sheet())
    window.resize(size)
    qtbot.addWidget(window)
    pad = PinPad(theme, window)
    pad.setStyleSheet(admin_style(theme))      # as admin mode styles it, once it is made
    window.show()
    qtbot.waitExposed(window)
    pad.open()
    return window, pad


def key_places(window: QWidget, pad: PinPad) -> dict[str, QRect]:
    return {key.accessibleName(): QRect(key.mapTo(window, key.rect().topLeft()), key.size())
            for key in pad.findChildren(QPushButton)}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_the_keys_stay_where_they_are_whatever_the_pad_says(qtbot, translated, language,
                                                             scale, size):
    translated(language)
    window, pad = open_pad(qtbot, size, scale)
    at_once = key_places(window, pad)
    qtbot.wait(20)
    before = key_places(window, pad)
    assert before == at_once, "a key moved after the pad showed: the first tap would miss"
    keys = list(before.values())
    for key in pad.findChildren(QPushButton):
        assert key.height() >= key.minimumHeight() and key.width() >= key.minimumWidth(), \
            f"{key.accessibleName()!r} squeezed"
    assert not any(one.intersects(other) for n, one in enumerate(keys) for other in keys[n + 1:])
    assert all(window.rect().contains(key) for key in keys)

    moments = {
        "checking": lambda: pad.set_busy(True),
        "wrong PIN": lambda: (pad.set_busy(False), pad.show_wrong(2)),
        "last attempt": lambda: pad.show_wrong(1),
        "typing again": lambda: pad.clear(),
        "locked": lambda: pad.set_locked("14 minutes 59 seconds"),
        "unlocked": lambda: pad.set_unlocked(),
    }
    for moment, happen in moments.items():
        happen()
        qtbot.wait(20)
        assert key_places(window, pad) == before, moment
        assert clipped_text(window) == [], moment
