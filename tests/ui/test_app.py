import dataclasses

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView, QPushButton, QWidget
from support.clock import TEST_CLOCK
from support.gestures import find_named, named, press_key, start, tap
from support.layout import clipped_text

import kiosk.ui.crash_recovery as crash_recovery_module
from kiosk.ui.app import KioskApp
from kiosk.ui.thumbnails import ThumbnailCache


def test_touch_to_start_opens_the_featured_products(qtbot, kiosk):
    assert not kiosk.window.showing_session()
    assert kiosk.attract.current_card() is not None      # the rotation has products
    start(qtbot, kiosk)
    grid = named(kiosk.window, QListView, "Produits à la une")
    assert grid.isVisible()
    assert grid.model().rowCount() == len(kiosk.cards) > 0
    spoken = grid.model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert kiosk.cards[0].name in spoken and "€" in spoken and "stock ici" in spoken


def test_a_tap_anywhere_on_the_attract_screen_starts(qtbot, kiosk):
    tap(qtbot, kiosk.attract.picture)
    assert kiosk.window.showing_session()


def test_the_language_switch_changes_visible_text_at_once(qtbot, kiosk):
    start(qtbot, kiosk)
    assert named(kiosk.window, QLabel, "Notre sélection").isVisible()
    tap(qtbot, named(kiosk.window, QPushButton, "English"))
    # Qt delivers the language change to every widget through the event loop.
    qtbot.waitUntil(lambda: find_named(kiosk.window, QLabel, "Our selection") is not None)
    assert named(kiosk.window, QLabel, "Our selection").isVisible()
    assert kiosk.top_bar.back_button.text() == "‹ Back"
    # Only the other language is offered, named in its own language.
    assert not kiosk.top_bar.language_buttons["en"].isVisible()
    assert find_named(kiosk.window, QPushButton, "English") is kiosk.top_bar.language_buttons["en"]
    tap(qtbot, named(kiosk.window, QPushButton, "Français"))
    qtbot.waitUntil(lambda: find_named(kiosk.window, QLabel, "Notre sélection") is not None)


def test_back_and_home_walk_the_navigation_stack(qtbot, kiosk):
    start(qtbot, kiosk)
    first, second = QWidget(), QWidget()
    kiosk.window.push(first)
    kiosk.window.push(second)
    tap(qtbot, kiosk.top_bar.back_button)
    assert kiosk.window.current_screen() is first
    tap(qtbot, kiosk.top_bar.home_button)
    assert kiosk.window.current_screen() is kiosk.home
    assert not kiosk.top_bar.back_button.isEnabled()


def test_each_screen_is_named_by_its_title_in_the_shoppers_language(qtbot, kiosk):
    # What assistive technology announces for a screen (the screens' titles are tested
    # with each screen; this is the shell giving them out).
    assert kiosk.attract.accessibleName() == "Touchez l’écran pour commencer"
    start(qtbot, kiosk)
    kiosk.navigator.open_search()
    search = kiosk.window.current_screen()
    assert (kiosk.home.accessibleName(), search.accessibleName()) == ("Accueil", "Rechercher")
    kiosk.set_language("en")
    assert (kiosk.home.accessibleName(), search.accessibleName()) == ("Home", "Search")
    assert kiosk.attract.accessibleName() == "Touch to start"


def test_a_product_is_named_by_its_name_once_read_not_by_its_loading_words(qtbot, kiosk):
    start(qtbot, kiosk)
    card = kiosk.cards[0]
    kiosk.navigator.open_product(card.id)
    product = kiosk.window.current_screen()
    qtbot.waitUntil(lambda: product.page is not None, timeout=5000)
    assert product.accessibleName() == card.name


def short_idle(kiosk):
    """Shrink the wait before "Still there?"; the countdown stays in real seconds."""
    kiosk.idle._idle.setInterval(100)
    kiosk.idle.countdown_s = 2


def test_the_idle_countdown_warns_and_one_tap_extends_it(qtbot, kiosk):
    short_idle(kiosk)
    start(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.still_there.isVisible(), timeout=3000)
    assert "Vous êtes toujours là" in kiosk.still_there.accessibleName()
    assert "2 secondes" in kiosk.still_there.detail.text()
    tap(qtbot, named(kiosk.window, QPushButton, "Je suis toujours là"))
    assert not kiosk.still_there.isVisible()
    assert kiosk.window.showing_session()
    assert kiosk.idle.running and not kiosk.idle.warning_shown


def test_an_idle_reset_wipes_typed_text_history_and_language(qtbot, kiosk):
    start(qtbot, kiosk)
    tap(qtbot, named(kiosk.window, QPushButton, "English"))
    kiosk.home.grid.verticalScrollBar().setValue(200)     # the shopper scrolled the home
    form = QLineEdit()
    kiosk.window.push(form)
    qtbot.keyClicks(form, "Jeanne Dupont, 12 rue des Lilas")
    short_idle(kiosk)
    kiosk.idle.start()
    with qtbot.waitSignals([kiosk.idle.expired, form.destroyed], timeout=5000):
        pass   # the typed text is gone with its widget, not merely hidden
    assert not kiosk.window.showing_session()
    assert kiosk.window.screens.count() == 1
    assert kiosk.window.screens.widget(0) is kiosk.home
    assert kiosk.home.grid.verticalScrollBar().value() == 0
    assert kiosk.window.findChildren(QLineEdit) == []
    assert kiosk.language == "fr"
    qtbot.waitUntil(lambda: find_named(kiosk.window, QPushButton,
                                       "Touchez l’écran pour commencer") is not None)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_screen_ends_on_the_attract_screen_with_the_app_alive(
        qtbot, kiosk, monkeypatch):
    monkeypatch.setattr(crash_recovery_module, "ERROR_MESSAGE_MS", 200)
    start(qtbot, kiosk)
    broken = QPushButton("Broken")

    def fail() -> None:
        raise RuntimeError("a bug in a screen")

    broken.clicked.connect(fail)
    kiosk.window.push(broken)
    tap(qtbot, broken)
    assert kiosk.error_message.isVisible()
    assert "La borne redémarre" in kiosk.error_message.text()
    qtbot.waitUntil(lambda: not kiosk.window.showing_session(), timeout=3000)
    assert not kiosk.error_message.isVisible()
    assert kiosk.window.isVisible()
    start(qtbot, kiosk)   # and a new shopper can start


def test_escape_alt_f4_right_click_and_close_do_nothing(qtbot, kiosk):
    start(qtbot, kiosk)
    received = []

    class Recorder(QLineEdit):
        def keyPressEvent(self, event):
            received.append(event.key())
            super().keyPressEvent(event)

    field = Recorder()
    kiosk.window.push(field)
    kiosk.window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    for key, modifiers in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                           (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                           (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier)):
        press_key(kiosk.window, key, modifiers)
    press_key(kiosk.window, Qt.Key.Key_A)
    # Ordinary keys still arrive (a moment late: the scanner listener holds each briefly).
    qtbot.waitUntil(lambda: Qt.Key.Key_A in received)
    assert not {Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Menu} & set(received)
    tap(qtbot, field, Qt.MouseButton.RightButton)
    qtbot.wait(50)
    assert QApplication.activePopupWidget() is None   # no context menu came up
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()


def test_a_terminal_whose_data_cannot_be_opened_says_so(qtbot, qapp, demo_config, tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the data directory should be")
    kiosk = KioskApp(qapp, dataclasses.replace(demo_config, data_dir=blocked), windowed=True,
                     clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    start(qtbot, kiosk)
    assert "momentanément indisponible" in kiosk.home.status.text()
    assert kiosk.home.status.isVisible()
    # The pane says its state again in the language a shopper switches to.
    kiosk.set_language("en")
    english = "This terminal is out of order for a moment. Please ask a member of staff."
    qtbot.waitUntil(lambda: kiosk.home.status.text() == english)
    assert kiosk.home.status.accessibleName() == english
    assert kiosk.home.status.isVisible()
    kiosk.shutdown()


def test_missing_and_broken_images_end_as_placeholders_without_error(qtbot, runner, tmp_path):
    (tmp_path / "broken.jpg").write_bytes(b"not a jpeg at all")
    good = QImage(40, 20, QImage.Format.Format_RGB32)
    good.fill(Qt.GlobalColor.red)
    good.save(str(tmp_path / "good.png"))
    cache = ThumbnailCache(runner, tmp_path, QSize(10, 10))
    with qtbot.waitSignals([cache.ready] * 3, timeout=5000):
        for name in ("good.png", "broken.jpg", "absent.jpg"):
            assert cache.get(name) is None   # not decoded yet
    assert not cache.busy
    assert cache.get("good.png").size() == QSize(10, 5)
    assert cache.get("broken.jpg") is None and cache.get("absent.jpg") is None
    assert not cache.busy   # known-bad images are not decoded again


@pytest.mark.parametrize("orientation, size", [("portrait", QSize(1080, 1920)),
                                               ("landscape", QSize(1920, 1080))])
def test_layouts_hold_at_one_and_a_half_type_scale_in_both_orientations(
        qtbot, qapp, demo_config, orientation, size):
    config = dataclasses.replace(demo_config, text_scale=1.5, orientation=orientation)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    qtbot.waitUntil(lambda: kiosk.attract.caption.text() != "", timeout=10000)
    try:
        assert kiosk.window.size() == size and kiosk.window.minimumSizeHint().height() <= 1080
        assert kiosk.attract.landscape is (orientation == "landscape")
        attract = kiosk.attract
        picture, button = (QRect(widget.mapTo(attract, QPoint(0, 0)), widget.size())
                           for widget in (attract.picture, attract.start_button))
        if orientation == "landscape":   # the picture beside the words, not above them
            assert picture.right() < button.left()
        else:
            assert picture.bottom() < button.top()
        for language in ("fr", "en"):
            kiosk.set_language(language)
            qapp.processEvents()
            assert clipped_text(kiosk.window) == [], f"attract, {language}"
            start(qtbot, kiosk) if language == "fr" else kiosk.start_session()
            qapp.processEvents()
            assert clipped_text(kiosk.window) == [], f"home, {language}"
            kiosk.window.show_attract()
    finally:
        kiosk.shutdown()


def test_auto_orientation_follows_the_window_shape(qtbot, kiosk):
    assert kiosk.attract.landscape is False
    kiosk.window.resize(1200, 700)
    qtbot.waitUntil(lambda: kiosk.attract.landscape is True)
    kiosk.window.resize(700, 1200)
    qtbot.waitUntil(lambda: kiosk.attract.landscape is False)


def test_the_shipped_typeface_is_the_one_on_screen(kiosk):
    assert kiosk.theme.font_family == "Atkinson Hyperlegible"
    assert kiosk.attract.start_button.font().family() == "Atkinson Hyperlegible"
