from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSize, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from support.gestures import find_named, named, tap

from kiosk.i18n import qm_path
from kiosk.ui.assets import install_fonts
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.keyboard import ACCENTS, OnScreenKeyboard


def tap_keys(qtbot, keyboard, *names):
    for name in names:
        tap(qtbot, named(keyboard, QPushButton, name))


def make_screen(qtbot, theme, size=QSize(1080, 1920)):
    """A window styled as the kiosk's, with a field above the keyboard that types into it."""
    window = QWidget()
    window.setStyleSheet(theme.style_sheet())
    field = QLineEdit()
    field.setAccessibleName("Search")
    keyboard = OnScreenKeyboard(theme)
    keyboard.set_target(field)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    layout.addStretch()
    layout.addWidget(keyboard)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return SimpleNamespace(window=window, field=field, keyboard=keyboard)


@pytest.fixture(scope="module")
def font_family(qapp):
    return install_fonts()


@pytest.fixture
def screen(qtbot, font_family):
    return make_screen(qtbot, Theme(font_family=font_family))


@pytest.fixture
def use_translation(qapp):
    installed = []

    def use(language):
        translator = QTranslator()
        assert translator.load(str(qm_path(language)))
        qapp.installTranslator(translator)
        installed.append(translator)
        qapp.processEvents()

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.processEvents()


def letter_rows(keyboard):
    """The rows of letter keys as on screen, top to bottom, each read left to right."""
    rows = {}
    for key in keyboard.keys:
        if key.text().isalpha() and len(key.text()) == 1:
            rows.setdefault(key.y(), []).append(key)
    return ["".join(key.text() for key in sorted(row, key=QWidget.x))
            for _, row in sorted(rows.items())]


def test_typing_echarpe_on_azerty_fills_the_field_and_it_keeps_the_focus(qtbot, screen):
    assert screen.keyboard.layout_name == "azerty"
    tap_keys(qtbot, screen.keyboard, *"écharpe")
    assert screen.field.text() == "écharpe"
    assert screen.field.hasFocus()
    assert QApplication.focusWidget() is screen.field
    assert all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in screen.keyboard.keys)


def test_keys_type_at_the_cursor_and_through_the_fields_own_editing(qtbot, screen):
    screen.field.setText("charpe")
    screen.field.setCursorPosition(0)
    with qtbot.waitSignal(screen.field.textEdited, timeout=1000):
        tap_keys(qtbot, screen.keyboard, "é")
    assert screen.field.text() == "écharpe"
    assert screen.field.cursorPosition() == 1
    screen.field.setMaxLength(len("écharpe"))
    tap_keys(qtbot, screen.keyboard, "s")
    assert screen.field.text() == "écharpe"


def test_backspace_removes_the_character_before_the_cursor(qtbot, screen):
    tap_keys(qtbot, screen.keyboard, "s", "a", "c")
    tap_keys(qtbot, screen.keyboard, "Backspace")
    assert screen.field.text() == "sa"
    screen.field.setCursorPosition(1)
    tap_keys(qtbot, screen.keyboard, "Backspace")
    assert screen.field.text() == "a"
    assert screen.field.hasFocus()


def test_clear_empties_the_field_as_an_edit(qtbot, screen):
    tap_keys(qtbot, screen.keyboard, "p", "u", "l", "l")
    with qtbot.waitSignal(screen.field.textEdited, timeout=1000) as edited:
        tap_keys(qtbot, screen.keyboard, "Clear")
    assert edited.args == [""]
    assert screen.field.text() == ""
    assert screen.field.hasFocus()


def test_space_comma_and_apostrophe_type_what_they_say(qtbot, screen):
    tap_keys(qtbot, screen.keyboard, "l", "Apostrophe", "a", "Comma", "Space", "b")
    assert screen.field.text() == "l'a, b"


def test_shift_capitalises_the_next_letter_only(qtbot, screen):
    keyboard = screen.keyboard
    tap_keys(qtbot, keyboard, "Shift")
    assert keyboard.shift_active
    assert named(keyboard, QPushButton, "Shift").isChecked()
    # The letters themselves turn to capitals: the state does not rest on a colour.
    assert find_named(keyboard, QPushButton, "a") is None
    assert named(keyboard, QPushButton, "A").text() == "A"
    tap_keys(qtbot, keyboard, "É", "t", "é")
    assert screen.field.text() == "Été"
    assert not keyboard.shift_active
    assert not named(keyboard, QPushButton, "Shift").isChecked()
    tap_keys(qtbot, keyboard, "Shift", "Shift", "a")   # a second tap takes it back
    assert screen.field.text() == "Étéa"


def test_the_numeric_layout_types_a_phone_number_and_switches_back(qtbot, screen):
    keyboard = screen.keyboard
    keyboard.set_mode("numeric")
    assert keyboard.layout_name == "numeric"
    assert find_named(keyboard, QPushButton, "a") is None
    tap_keys(qtbot, keyboard, "Plus", "3", "3", "6")
    assert screen.field.text() == "+336"
    tap_keys(qtbot, keyboard, "Letters")
    assert keyboard.layout_name == "azerty"
    tap_keys(qtbot, keyboard, "x", "Numbers")
    assert keyboard.layout_name == "numeric"
    tap_keys(qtbot, keyboard, "0")
    assert screen.field.text() == "+336x0"
    assert screen.field.hasFocus()


def test_the_language_picks_the_letter_layout(qtbot, screen):
    keyboard = screen.keyboard
    assert letter_rows(keyboard) == [ACCENTS, "azertyuiop", "qsdfghjklm", "wxcvbn"]
    keyboard.set_language("en")
    assert keyboard.layout_name == "qwerty"
    assert letter_rows(keyboard) == [ACCENTS, "qwertyuiop", "asdfghjkl", "zxcvbnm"]
    tap_keys(qtbot, keyboard, "q", "w")
    assert screen.field.text() == "qw"
    # In numeric mode the language waits for the way back to letters.
    keyboard.set_mode("numeric")
    keyboard.set_language("fr")
    assert keyboard.layout_name == "numeric"
    keyboard.set_mode("text")
    assert keyboard.layout_name == "azerty"
    with pytest.raises(ValueError):
        keyboard.set_language("de")


def test_email_mode_has_digits_and_address_keys(qtbot, screen):
    keyboard = screen.keyboard
    keyboard.set_mode("email")
    assert find_named(keyboard, QPushButton, "Space") is None
    assert find_named(keyboard, QPushButton, "é") is None
    tap_keys(qtbot, keyboard, "j", "Underscore", "d", "7", "5", "At sign", "m", "Full stop",
             "m", "Hyphen", "a", ".com")
    assert screen.field.text() == "j_d75@m.m-a.com"
    tap_keys(qtbot, keyboard, "Shift", ".fr")
    assert screen.field.text().endswith(".com.fr")


def test_done_is_a_signal_and_the_owner_decides(qtbot, screen):
    with qtbot.waitSignal(screen.keyboard.done, timeout=1000):
        tap_keys(qtbot, screen.keyboard, "Done")
    assert screen.keyboard.isVisible()


def test_without_a_live_target_keys_do_nothing(qtbot, screen):
    screen.field.setReadOnly(True)
    tap_keys(qtbot, screen.keyboard, "a")
    assert screen.field.text() == ""
    screen.field.deleteLater()   # a field goes with its screen
    qtbot.waitUntil(lambda: screen.window.findChild(QLineEdit) is None)
    tap_keys(qtbot, screen.keyboard, "a", "Backspace", "Clear")
    assert screen.keyboard.target() is None


def test_named_keys_are_translated(qtbot, screen, use_translation):
    use_translation("fr")
    qtbot.waitUntil(lambda: find_named(screen.keyboard, QPushButton, "Espace") is not None)
    assert named(screen.keyboard, QPushButton, "Retour arrière").text() == "Effacer"
    assert named(screen.keyboard, QPushButton, "Majuscule").text() == "Maj"
    assert screen.keyboard.accessibleName() == "Clavier"


def test_every_key_has_a_name_and_a_label(screen):
    for mode in ("text", "numeric", "email"):
        screen.keyboard.set_mode(mode)
        for key in screen.keyboard.keys:
            assert key.accessibleName() and key.text(), (mode, key.spec)


def placement_problems(keyboard, window, theme):
    """Keys narrower or lower than the minimum, outside the window, or clipping their label."""
    problems = []
    for key in keyboard.keys:
        name = key.accessibleName()
        if key.width() < theme.minimum_target or key.height() < theme.touch_target:
            problems.append(f"{name} is only {key.width()}x{key.height()}")
        if not window.rect().contains(key.mapTo(window, key.rect().bottomRight())):
            problems.append(f"{name} leaves the window")
        if key.fontMetrics().horizontalAdvance(key.text()) > key.contentsRect().width():
            problems.append(f"{key.text()!r} is wider than its {key.contentsRect().width()}px")
    return problems


@pytest.mark.parametrize("size", [QSize(1080, 1920), QSize(1920, 1080)])
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_every_layout_fits_portrait_and_landscape_at_both_type_scales(
        qtbot, qapp, font_family, use_translation, size, scale):
    theme = Theme(scale=scale, font_family=font_family)
    screen = make_screen(qtbot, theme, size)
    keyboard = screen.keyboard
    assert keyboard.minimumSizeHint().width() <= size.width()
    # Room is left above the keyboard for the field and the top bar.
    assert keyboard.height() <= size.height() * 0.6
    for language in ("en", "fr"):
        use_translation(language)
        keyboard.set_language(language)
        for mode in ("text", "email", "numeric"):
            keyboard.set_mode(mode)
            qapp.processEvents()
            assert placement_problems(keyboard, screen.window, theme) == [], (language, mode)


def test_keys_shrink_to_the_width_but_never_below_the_minimum(qtbot, font_family):
    theme = Theme(scale=1.5, font_family=font_family)
    landscape = make_screen(qtbot, theme, QSize(1920, 1080))
    portrait = make_screen(qtbot, theme, QSize(1080, 1920))
    letter = named(portrait.keyboard, QPushButton, "a")
    wide_letter = named(landscape.keyboard, QPushButton, "a")
    assert wide_letter.width() > letter.width() >= theme.minimum_target
    # Narrower than a row of minimum keys: the keys stay at the minimum.
    portrait.keyboard.resize(600, portrait.keyboard.height())
    assert letter.width() == theme.minimum_target
