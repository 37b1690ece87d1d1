"""A button whose words shrink to fit (kiosk/ui/widgets/text.py FittingButton): they fit
inside the style sheet's border and padding, not merely inside the widget."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QStyleOptionButton, QVBoxLayout, QWidget
from support.clock import TEST_CLOCK

from kiosk.ui.app import KioskApp
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import FittingButton

LONG_WORDS = "Choisissez une taille et une couleur"


def words_box(button: FittingButton) -> int:
    """The width the style draws the words in: the button less its border and padding."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    return button.style().subElementRect(
        QStyle.SubElement.SE_PushButtonContents, option, button).width()


def button_in_window(qtbot, width: int, text: str) -> tuple[QWidget, FittingButton]:
    theme = Theme()
    window = QWidget()
    window.setStyleSheet(theme.style_sheet())
    qtbot.addWidget(window)
    button = FittingButton(objectName="PrimaryButton", parent=window)
    layout = QVBoxLayout(window)
    layout.addWidget(button)
    window.resize(width, 200)
    window.show()
    qtbot.waitExposed(window)
    button.setText(text)
    return window, button


def test_long_words_shrink_to_fit_inside_the_padding_of_a_half_size_window(qtbot):
    # The product page's action in French, in the windowed kiosk's 540 px wide window.
    _window, button = button_in_window(qtbot, 540, LONG_WORDS)
    assert button.font().pixelSize() < Theme().heading            # shrunk...
    assert button.fontMetrics().horizontalAdvance(LONG_WORDS) <= words_box(button)
    assert words_box(button) < button.contentsRect().width()      # ...past the padding


def test_words_that_fit_keep_the_sheet_size_and_grow_back_with_the_room(qtbot):
    window, button = button_in_window(qtbot, 540, LONG_WORDS)
    window.resize(1080, 200)
    qtbot.waitUntil(lambda: button.width() > 1000)
    assert button.font().pixelSize() == Theme().heading
    assert button.fontMetrics().horizontalAdvance(LONG_WORDS) <= words_box(button)


def test_words_fit_again_when_larger_text_is_chosen_while_shown(qtbot):
    # As Appearance.apply does: the window's sheet goes, then comes back twice the size.
    window, button = button_in_window(qtbot, 1080, LONG_WORDS)
    assert button.font().pixelSize() == Theme().heading        # they fit at first
    window.setStyleSheet("")
    window.setStyleSheet(Theme(scale=2.0).style_sheet())
    qtbot.waitUntil(lambda: button.font().pixelSize() < 2 * Theme().heading)
    assert button.fontMetrics().horizontalAdvance(LONG_WORDS) <= words_box(button)
    window.setStyleSheet(Theme().style_sheet())
    qtbot.waitUntil(lambda: button.font().pixelSize() == Theme().heading)  # as they were


def test_the_product_pages_action_fits_the_windowed_kiosk_in_french(qtbot, qapp, demo_config):
    kiosk = KioskApp(qapp, demo_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
        kiosk.start_session()
        kiosk.set_language("fr")
        jacket = next(card for card in kiosk.cards if card.sku == "WJ01")
        kiosk.navigator.open_product(jacket.id)        # neither size nor colour chosen yet
        screen = kiosk.window.current_screen()
        qtbot.waitUntil(lambda: screen.page is not None, timeout=10000)
        action = screen.decision_bar.order_button
        qtbot.waitUntil(lambda: action.text() == LONG_WORDS, timeout=10000)
        assert kiosk.window.width() == 540
        assert action.fontMetrics().horizontalAdvance(LONG_WORDS) <= words_box(action)
    finally:
        kiosk.shutdown()
