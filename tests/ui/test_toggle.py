"""Checkable controls turned without a click: Qt's AT-SPI "Toggle" action (the first action
of a checkable button, which a screen reader's user or switch access performs) calls the
button's toggle(), with no `clicked`. Each control must act on it as on a tap, and not act
when the kiosk only shows the state it holds. (tests/ui/test_atspi.py does the same through
the real AT-SPI bus for the accessibility panel and a product's options.)"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.core.accessibility import AccessibilityChoices
from kiosk.ui.formatting import Formatter, shopper_locale
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.accessibility_menu import AccessibilityPanel
from kiosk.ui.widgets.chips import ChipFlow
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.option_chips import OptionChips


def test_a_filter_chip_toggled_is_chosen_and_one_set_by_the_kiosk_is_not(qtbot):
    chips = ChipFlow(Theme(), checkable=True)
    qtbot.addWidget(chips)
    chips.set_chips([("M", "M"), ("L", "L")])
    with qtbot.waitSignal(chips.chosen) as chosen:
        chips.chip("L").toggle()
    assert chosen.args == ["L"]
    assert chips.checked_keys() == {"L"}
    assert chips.chip("L").text() == "✓ L"
    with qtbot.assertNotEmitted(chips.chosen):
        chips.set_checked({"M"})
    with qtbot.waitSignal(chips.chosen) as chosen:
        chips.chip("M").toggle()           # taken back
    assert chosen.args == ["M"]
    assert chips.checked_keys() == set()


def test_an_option_chip_toggled_is_chosen_and_the_chosen_one_stays(qtbot):
    options = OptionChips(Theme())
    qtbot.addWidget(options)
    options.set_chips([("S", "S", "here"), ("M", "M", "elsewhere")], checked="S")
    with qtbot.waitSignal(options.chosen) as chosen:
        options.chip("M").toggle()
    assert chosen.args == ["M"]
    options.set_checked("M")                # as the product screen gives it back
    with qtbot.waitSignal(options.chosen) as chosen:
        options.chip("M").toggle()          # toggled off, as a second tap: kept
    assert chosen.args == ["M"]
    assert options.checked_keys() == {"M"}


def test_the_keyboards_shift_toggled_shifts(qtbot):
    keyboard = OnScreenKeyboard(Theme())
    qtbot.addWidget(keyboard)
    shift = next(key for key in keyboard.keys if key.spec.action == "shift")
    shift.toggle()
    assert keyboard.shift_active
    shift.toggle()
    assert not keyboard.shift_active


def test_the_accessibility_panels_switches_toggled_ask_for_the_choice(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    formatter = Formatter(shopper_locale("fr", "fr_FR"), "EUR")
    panel = AccessibilityPanel(Theme(), lambda: formatter, window)
    for switch, asked in ((panel.speech, AccessibilityChoices().with_speech(True)),
                          (panel.high_contrast, AccessibilityChoices().with_high_contrast(True)),
                          (panel.reach, AccessibilityChoices().with_reach(True))):
        with qtbot.waitSignal(panel.chosen) as chosen:
            switch.toggle()
        assert chosen.args == [asked]
        assert not switch.isChecked(), "shown as the session holds it until it says so"
    with qtbot.waitSignal(panel.chosen) as chosen:
        panel.text_sizes[2.0].toggle()
    assert chosen.args == [AccessibilityChoices().with_text_scale(2.0)]
    with qtbot.assertNotEmitted(panel.chosen):
        panel.show_choices(AccessibilityChoices().with_speech(True))
