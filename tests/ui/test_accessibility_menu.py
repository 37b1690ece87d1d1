"""The accessibility button on every screen, the panel it opens, and what its choices put
in force for the current shopper, until the idle reset gives the next one the config's."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QToolButton
from support.clock import TEST_CLOCK, TEST_NOW
from support.gestures import finger_scroll, named, shown, tap
from support.layout import clipped_text

from kiosk.core.accessibility import AccessibilityChoices
from kiosk.core.orders import DeliveryOption, PlacedOrder
from kiosk.ui.accessibility import AccessibilityCoordinator
from kiosk.ui.app import KioskApp
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.screens.context import ShopperSession
from kiosk.ui.speech import Speech

BUTTON = "Accessibilité"
PANEL_TOGGLES = ("Lecture vocale", "Contraste élevé", "Tout à portée de main", "Plus de temps")
WAIT_MS = 10_000


@pytest.fixture(params=[("portrait", QSize(1080, 1920), 1.0),
                        ("landscape", QSize(1920, 1080), 1.0),
                        ("portrait", QSize(1080, 1920), 1.5),
                        ("landscape", QSize(1920, 1080), 1.5)],
                ids=["portrait", "landscape", "portrait-1.5", "landscape-1.5"])
def turned_kiosk(request, qtbot, qapp, demo_config):
    """The kiosk at a terminal's full size, standing tall or lying wide, in usual or
    large type."""
    orientation, size, scale = request.param
    config = dataclasses.replace(demo_config, orientation=orientation, text_scale=scale)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=WAIT_MS)
    yield kiosk
    kiosk.shutdown()


def labelled(name: str, value: str) -> str:
    """A choice and its state or value, as French writes them (a space before the colon)."""
    return f"{name}\N{NO-BREAK SPACE}: {value}"


def percent(value: int) -> str:
    return f"{value}\N{NO-BREAK SPACE}%"


def accessibility_button(kiosk) -> QToolButton:
    return named(kiosk.window, QToolButton, BUTTON)


def assert_low_and_uncovered(kiosk, where: str) -> None:
    window = kiosk.window
    button = accessibility_button(kiosk)
    assert button.isVisible(), where
    top_left = button.mapTo(window, button.rect().topLeft())
    bottom = top_left.y() + button.height()
    assert top_left.y() >= window.height() * 0.85, (where, top_left.y(), window.height())
    assert bottom <= window.height(), where
    # Nothing stands over it: a finger on its middle lands on it.
    centre = button.mapTo(window, button.rect().center())
    assert window.childAt(centre) is button, where
    # The symbol and a name in words.
    assert not button.icon().isNull() and button.text() == BUTTON, where


def test_the_button_is_low_on_every_screen_and_opens_the_panel(qtbot, turned_kiosk):
    kiosk = turned_kiosk
    navigator = kiosk.context.navigator
    order = PlacedOrder("0" * 36, "K7D-3MXQ9P", 8980, 1, DeliveryOption("standard", 0, 3),
                        date(2026, 11, 26), TEST_NOW)
    steps = {"attract": lambda: None, "home": kiosk.start_session,
             "category": lambda: navigator.open_category("Women/Tops/Jackets"),
             "search": lambda: navigator.open_search("veste"),
             "basket": navigator.open_basket, "customer form": navigator.open_customer_form,
             "review": navigator.open_review,
             "confirmation": lambda: navigator.show_confirmation(order),
             "rating": navigator.open_rating}
    size = kiosk.window.size()
    for where, step in steps.items():
        step()
        qtbot.wait(50)        # the screen laid out
        assert_low_and_uncovered(kiosk, where)
        # Its room is taken where the window has some to spare (below on a tall window,
        # beside on a wide one): no screen pushes the window past the terminal's screen.
        assert kiosk.window.size() == size, where
    tap(qtbot, accessibility_button(kiosk))
    panel = kiosk.accessibility_menu.panel
    assert panel.isVisible() and panel.geometry() == kiosk.window.rect()
    for name in PANEL_TOGGLES:
        toggle = named(panel, QPushButton, name)
        assert toggle.height() >= kiosk.theme.touch_target
        assert toggle.text() == labelled(name, "non")       # the state in words, not in colour
    assert all(control.accessibleName() for control in panel.focus_order())
    tap(qtbot, named(panel, QPushButton, "Terminé"))
    assert not panel.isVisible()


@pytest.mark.parametrize("orientation, size", [("portrait", QSize(1080, 1920)),
                                               ("landscape", QSize(1920, 1080))])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_panel_holds_its_words_in_the_largest_type(qtbot, qapp, demo_config, orientation,
                                                       size, language):
    config = dataclasses.replace(demo_config, orientation=orientation, text_scale=2.0)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=WAIT_MS)
        kiosk.set_language(language)
        tap(qtbot, accessibility_button(kiosk))
        panel = kiosk.accessibility_menu.panel
        qtbot.waitUntil(lambda: panel.done_button.text() in ("Terminé", "Done"))
        assert panel.landscape is (orientation == "landscape")   # two columns side by side
        assert clipped_text(panel) == []
        # Nor cut by a button's padding: each is as wide as its words and padding ask.
        assert [button.text() for button in panel.findChildren(QPushButton)
                if button.isVisible() and button.width() < button.sizeHint().width()] == []
        for control in panel.focus_order():
            assert control.height() >= kiosk.theme.touch_target
    finally:
        kiosk.shutdown()


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_on_a_wide_screen_in_large_type_the_panel_says_more_is_below_and_slides_to_it(
        qtbot, qapp, demo_config, scale):
    config = dataclasses.replace(demo_config, orientation="landscape", text_scale=scale)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(QSize(1920, 1080))
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=WAIT_MS)
        tap(qtbot, accessibility_button(kiosk))
        panel = kiosk.accessibility_menu.panel
        qtbot.waitUntil(panel.isVisible)
        qtbot.wait(100)         # laid out
        louder = named(panel, QPushButton, "Plus fort")
        assert louder.visibleRegion().isEmpty(), "the volume is below the fold"
        more_below = named(panel, QLabel,
                           "D’autres choix plus bas\N{NO-BREAK SPACE}: faites glisser la liste "
                           "vers le haut")
        assert more_below.isVisible()
        scroller = panel.findChild(QScrollArea, "AccessibilityScroller")
        room = scroller.viewport().height()
        slid, scrolled = finger_scroll(qtbot, kiosk.window, scroller)
        bar = scroller.verticalScrollBar()
        assert scrolled == bar.maximum() > 0, f"a {slid} px slide scrolled {scrolled} px"
        # At the end of the list: the volume in sight, the words gone, their room kept
        # (nothing jumped under the finger).
        assert louder.visibleRegion().boundingRect() == louder.rect()
        assert not more_below.isVisible()
        assert scroller.viewport().height() == room
    finally:
        kiosk.shutdown()


def test_the_chosen_text_size_is_said_in_words(qtbot, kiosk):
    kiosk.start_session()
    tap(qtbot, accessibility_button(kiosk))
    panel = kiosk.accessibility_menu.panel
    heading = named(panel, QLabel, labelled("Taille du texte", "Standard"))
    assert heading.isVisible() and heading.text() == heading.accessibleName()
    tap(qtbot, named(panel, QPushButton, labelled("Taille du texte", "Grand")))
    assert heading.text() == labelled("Taille du texte", "Grand")
    assert heading.accessibleName() == heading.text()
    # Each size's button names itself and says whether it is the one chosen.
    assert {button.accessibleName(): button.accessibleDescription()
            for button in panel.text_sizes.values()} == {
        labelled("Taille du texte", "Standard"): "non",
        labelled("Taille du texte", "Grand"): "oui",
        labelled("Taille du texte", "Très grand"): "non"}
    kiosk.set_language("en")
    qtbot.waitUntil(lambda: heading.text() == "Text size: Large")
    assert named(panel, QPushButton, "Text size: Large").accessibleDescription() == "On"


def test_the_button_on_the_attract_screen_starts_a_session_with_the_panel_open(qtbot, kiosk):
    assert not kiosk.window.showing_session()
    tap(qtbot, accessibility_button(kiosk))
    assert kiosk.window.showing_session()
    assert kiosk.idle.running     # what the shopper switches on ends with their session
    assert shown(qtbot, kiosk.window, QLabel, BUTTON) is kiosk.accessibility_menu.panel.heading


def test_each_choice_goes_to_the_session_and_comes_back_in_words(qtbot, kiosk):
    kiosk.start_session()
    tap(qtbot, accessibility_button(kiosk))
    panel = kiosk.accessibility_menu.panel
    session = kiosk.context.session
    config = kiosk.config
    timeout = config.inactivity_timeout_seconds

    tap(qtbot, named(panel, QPushButton, "Plus de temps"))
    assert session.accessibility.more_time
    assert named(panel, QPushButton, "Plus de temps").text() == labelled("Plus de temps", "oui")
    assert named(panel, QPushButton, "Plus de temps").isChecked()
    assert kiosk.idle.timeout_s == timeout * config.speech_time_multiplier
    assert kiosk.idle.countdown_s == round(config.countdown_seconds
                                           * config.speech_time_multiplier)
    tap(qtbot, named(panel, QPushButton, "Plus de temps"))
    assert not session.accessibility.more_time
    assert kiosk.idle.timeout_s == timeout

    tap(qtbot, named(panel, QPushButton, "Lecture vocale"))
    assert session.accessibility.speech and kiosk.speech.enabled
    assert kiosk.idle.timeout_s == timeout * config.speech_time_multiplier  # speech: more time
    tap(qtbot, named(panel, QPushButton, "Contraste élevé"))
    tap(qtbot, named(panel, QPushButton, "Tout à portée de main"))
    assert session.accessibility.high_contrast and session.accessibility.reach
    assert kiosk.window.reach
    assert kiosk.appearance.theme.colors != kiosk.theme.colors      # the contrasted ones
    assert named(panel, QPushButton, "Contraste élevé").accessibleDescription() == "oui"

    start_volume = session.accessibility.speech_volume
    tap(qtbot, named(panel, QPushButton, "Plus fort"))
    assert session.accessibility.speech_volume == pytest.approx(start_volume + 0.1)
    assert kiosk.speech.volume == pytest.approx(start_volume + 0.1)
    louder = percent(round((start_volume + 0.1) * 100))
    volume = labelled("Volume de la voix", louder)
    assert named(panel, QLabel, volume).text() == volume
    tap(qtbot, named(panel, QPushButton, "Plus rapide"))
    tap(qtbot, named(panel, QPushButton, "Plus rapide"))
    assert session.accessibility.speech_rate == pytest.approx(config.speech_rate + 0.2)
    assert kiosk.speech.rate == pytest.approx(config.speech_rate + 0.2)
    rate = labelled("Vitesse de la voix", "+2")
    assert named(panel, QLabel, rate).text() == rate

    tap(qtbot, named(panel, QPushButton, labelled("Taille du texte", "Très grand")))
    assert session.accessibility.text_scale == 2.0
    assert kiosk.appearance.theme.scale == 2.0
    assert named(panel, QPushButton, labelled("Taille du texte", "Très grand")).isChecked()
    assert not named(panel, QPushButton, labelled("Taille du texte", "Standard")).isChecked()

    kiosk.set_language("en")     # the panel follows the language
    assert shown(qtbot, panel, QPushButton, "Speech").text() == "Speech: On"
    assert named(panel, QPushButton, "More time").text() == "More time: Off"


def test_the_idle_reset_gives_the_next_shopper_the_configs_choices(qtbot, kiosk):
    kiosk.start_session()
    tap(qtbot, accessibility_button(kiosk))
    panel = kiosk.accessibility_menu.panel
    for name in PANEL_TOGGLES:
        tap(qtbot, named(panel, QPushButton, name))
    tap(qtbot, named(panel, QPushButton, labelled("Taille du texte", "Grand")))
    tap(qtbot, named(panel, QPushButton, "Moins fort"))
    assert kiosk.idle.timeout_s > kiosk.config.inactivity_timeout_seconds

    kiosk.end_session()      # what the idle reset does

    assert kiosk.context.session.accessibility == AccessibilityChoices.from_config(kiosk.config)
    assert kiosk.accessibility.choices == kiosk.context.session.accessibility
    assert kiosk.idle.timeout_s == kiosk.config.inactivity_timeout_seconds
    assert kiosk.idle.countdown_s == kiosk.config.countdown_seconds
    assert not kiosk.speech.enabled
    assert (kiosk.speech.rate, kiosk.speech.volume) == (kiosk.config.speech_rate,
                                                        kiosk.config.speech_volume)
    assert kiosk.appearance.theme == kiosk.theme           # the terminal's size and colours
    assert not kiosk.window.reach
    assert not panel.isVisible()
    for name in PANEL_TOGGLES:
        assert named(panel, QPushButton, name).text() == labelled(name, "non")
    assert named(panel, QPushButton, labelled("Taille du texte", "Standard")).isChecked()
    # The next shopper's choices are the ones the panel changes, and they are applied.
    tap(qtbot, accessibility_button(kiosk))
    tap(qtbot, named(panel, QPushButton, "Plus de temps"))
    assert kiosk.context.session.accessibility.more_time
    assert kiosk.idle.timeout_s > kiosk.config.inactivity_timeout_seconds


class _Sessions(QObject):
    """The part of kiosk/ui/session.py Sessions the coordinator follows."""

    context_replaced = Signal(object)

    def __init__(self, config) -> None:
        super().__init__()
        self.config = config
        self.context = self._new_context()
        self.started = 0

    def start(self) -> None:
        self.started += 1

    def replace(self) -> None:
        self.context = self._new_context()
        self.context_replaced.emit(self.context)

    def _new_context(self):
        return dataclasses.make_dataclass("Context", ["session"])(
            ShopperSession(accessibility=AccessibilityChoices.from_config(self.config)))


def test_speech_follows_the_current_sessions_choices_and_the_reset(qtbot, qapp, demo_config):
    config = dataclasses.replace(demo_config, speech_engine="mock", speech_rate=0.2,
                                 speech_volume=0.7)
    speech = Speech(config)
    qtbot.waitUntil(lambda: speech.available is not None, timeout=WAIT_MS)
    sessions = _Sessions(config)
    idle = IdleWatcher(config.inactivity_timeout_seconds, config.countdown_seconds)
    coordinator = AccessibilityCoordinator(sessions, idle, speech=speech)
    heard: list[str] = []
    speech.utterance.connect(heard.append)
    try:
        speech.say("before")
        first = sessions.context.session
        first.choose_accessibility(first.accessibility.with_speech(True).with_volume(1.0)
                                   .with_rate(-0.5))
        assert speech.enabled and speech.volume == 1.0 and speech.rate == -0.5
        speech.say("bonjour")

        old_session = sessions.context.session
        sessions.replace()
        assert not speech.enabled
        assert (speech.rate, speech.volume) == (0.2, 0.7)
        speech.say("for nobody")
        # The old session's choices no longer reach the kiosk.
        old_session.choose_accessibility(old_session.accessibility.with_speech(True))
        assert not speech.enabled
        assert coordinator.choices == AccessibilityChoices.from_config(config)
        sessions.context.session.choose_accessibility(
            sessions.context.session.accessibility.with_speech(True))
        assert speech.enabled
        speech.repeat()            # nothing of the last shopper's to repeat
        assert heard == ["bonjour"]
    finally:
        speech.shutdown()
