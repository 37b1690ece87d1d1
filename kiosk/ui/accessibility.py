"""Puts in force what the current shopper switched on in the accessibility menu.

Each `ShopperSession` holds its shopper's `AccessibilityChoices` and says when they change
(`accessibility_changed`). Sessions are replaced at the idle reset, so the coordinator
follows whichever session is current (`Sessions.context_replaced`): the new one starts
from the terminal's config, and applying it puts everything back for the next shopper
(EN 301 549 5.1.3.13, volume included).

What it applies, each through its owner's interface:
- speech on or off, its rate and volume: `Speech`;
- the text size and high contrast: `Appearance.apply`;
- reach mode: `KioskShell.set_reach`;
- time limits: the idle timeout and the "Still there?" countdown, multiplied by the
  config's `accessibility.time_multiplier` while the shopper asked for more time or
  listens to speech (`IdleWatcher.set_timeouts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from kiosk.core.accessibility import AccessibilityChoices
from kiosk.core.config import KioskConfig
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.screens.context import ShopperContext, ShopperSession
from kiosk.ui.speech import Speech

if TYPE_CHECKING:
    from kiosk.ui.appearance import Appearance
    from kiosk.ui.shell import KioskShell


class CurrentSessions(Protocol):
    """What the coordinator reads of kiosk/ui/session.py `Sessions`."""

    config: KioskConfig
    context: ShopperContext
    context_replaced: SignalInstance

    def start(self) -> None: ...


class AccessibilityCoordinator(QObject):
    applied = Signal(object)     # the AccessibilityChoices now in force
    session_replaced = Signal()  # the idle reset: the next shopper's choices are in force

    def __init__(self, sessions: CurrentSessions, idle: IdleWatcher, *,
                 speech: Speech | None = None, appearance: Appearance | None = None,
                 shell: KioskShell | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._idle = idle
        self._speech = speech
        self._appearance = appearance
        self._shell = shell
        self._session: ShopperSession | None = None
        self.choices = AccessibilityChoices()
        sessions.context_replaced.connect(self._follow)
        self._follow(sessions.context)

    @property
    def session(self) -> ShopperSession:
        """The current shopper's session, whose choices are in force."""
        return self._sessions.context.session

    def choose(self, choices: AccessibilityChoices) -> None:
        """The shopper's new choices, for their session (applied when it says so)."""
        self.session.choose_accessibility(choices)

    def start_session(self) -> None:
        """A shopper on the attract screen opened the menu: their session begins, so that
        what they switch on is theirs and goes at their idle reset."""
        self._sessions.start()

    def apply_timeouts(self) -> None:
        """The config's time limits, multiplied as the current choices ask (also after
        staff reloaded the config)."""
        config = self._sessions.config
        multiplier = self.choices.time_multiplier(config.speech_time_multiplier)
        self._idle.set_timeouts(config.inactivity_timeout_seconds * multiplier,
                                round(config.countdown_seconds * multiplier))

    def _follow(self, context: ShopperContext) -> None:
        if self._session is not None:
            try:
                self._session.accessibility_changed.disconnect(self._apply)
            except RuntimeError:     # the old session is already deleted: nothing to undo
                pass
        replacing = self._session is not None
        self._session = context.session
        self._session.accessibility_changed.connect(self._apply)
        if self._speech is not None:
            self._speech.reset()     # nothing of the last shopper's left to repeat
        self._apply(self._session.accessibility)
        if replacing:
            self.session_replaced.emit()

    def _apply(self, choices: AccessibilityChoices) -> None:
        self.choices = choices
        if self._speech is not None:
            self._speech.set_rate(choices.speech_rate)
            self._speech.set_volume(choices.speech_volume)
            self._speech.set_enabled(choices.speech)
        if self._appearance is not None:
            self._appearance.apply(choices.text_scale, choices.high_contrast)
        if self._shell is not None and self._shell.reach != choices.reach:
            self._shell.set_reach(choices.reach)
        self.apply_timeouts()
        self.applied.emit(choices)
