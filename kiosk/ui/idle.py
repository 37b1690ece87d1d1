"""Inactivity: warn with "Still there?" on screen and by sound, then end the session.

Rules for self-service terminals ask that a timed reset warn through more than one
sense and that the person can ask for more time: one tap anywhere, or any key, does that.
A key that answers the question does nothing else (`answered_with`): a shopper who cannot
see the screen presses whichever key is under their hand.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.assets import CHIME
from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.theme import Theme

_ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                       QEvent.Type.KeyPress, QEvent.Type.Wheel})


class IdleWatcher(QObject):
    """Counts time since the last touch anywhere in the application while a session runs."""

    warning = Signal(int)      # seconds left before the reset; sent once a second
    extended = Signal()        # the shopper touched during the warning
    expired = Signal()

    def __init__(self, timeout_s: float, countdown_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.countdown_s = countdown_s
        self.remaining = 0
        self.running = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(round(timeout_s * 1000))
        self._idle.timeout.connect(self._start_countdown)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self._answering_key: int | None = None   # the key that answered, until let go

    def set_timeouts(self, timeout_s: float, countdown_s: int) -> None:
        """New times (a reloaded config), from the next touch on."""
        self._idle.setInterval(round(timeout_s * 1000))
        self.countdown_s = countdown_s

    @property
    def timeout_s(self) -> float:
        """How long without a touch before the warning."""
        return self._idle.interval() / 1000

    @property
    def warning_shown(self) -> bool:
        return self._tick.isActive()

    def start(self) -> None:
        self.running = True
        self._tick.stop()
        self._idle.start()

    def stop(self) -> None:
        self.running = False
        self._idle.stop()
        self._tick.stop()

    def activity(self) -> None:
        if not self.running:
            return
        was_warning = self.warning_shown
        self._tick.stop()
        self._idle.start()
        if was_warning:
            self.extended.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY:
            if isinstance(event, QKeyEvent) and event.key() != self._answering_key:
                self._answering_key = event.key() if self.warning_shown else None
            elif kind != QEvent.Type.KeyPress:
                self._answering_key = None
            self.activity()
        elif kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent) \
                and event.key() == self._answering_key and not event.isAutoRepeat():
            self._answering_key = None
        return False

    def answered_with(self, event: QKeyEvent) -> bool:
        """Whether `event` is the key that answered "Still there?" (or it repeating while
        held): it gives more time, and is to do nothing on the screen behind."""
        return event.key() == self._answering_key

    def _start_countdown(self) -> None:
        self.remaining = self.countdown_s
        self._tick.start()
        self.warning.emit(self.remaining)

    def _count_down(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.warning.emit(self.remaining)
            return
        self.stop()
        self.expired.emit()


class StillThereOverlay(Retranslating, Restyling, QWidget):
    """Covers the screen during the countdown; a tap anywhere (or on its button), or any
    key, extends."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("StillThere")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.question = QLabel(objectName="StillThereQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(objectName="StillThereDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.stay_button = QPushButton(objectName="PrimaryButton")
        layout = QVBoxLayout(self)
        self.restyle(theme)
        layout.addStretch()
        layout.addWidget(self.question)
        layout.addWidget(self.detail)
        layout.addWidget(self.stay_button)
        layout.addStretch()
        self._seconds = 0
        # Qt's multimedia stack takes longer to load than the first screen takes to show:
        # loaded at the first countdown, when nobody is touching the screen.
        self._sound = None
        self._chime_loaded = False
        self.hide()

    def restyle(self, theme: Theme) -> None:
        self.stay_button.setMinimumHeight(theme.touch_target * 2)
        self.layout().setContentsMargins(theme.spacing * 6, 0, theme.spacing * 6, 0)
        self.layout().setSpacing(theme.spacing * 3)

    def _load_sound(self) -> None:
        if not self._chime_loaded:
            self._chime_loaded = True
            self._sound = _load_chime(self)

    def show_countdown(self, seconds: int) -> None:
        first = not self.isVisible()
        self._seconds = seconds
        self.retranslate()
        if first:
            # The window's contents: in reach mode, only the rows a shopper reaches.
            self.setGeometry(self.parentWidget().contentsRect())
            self.show()
            self.raise_()
            self._load_sound()
            if self._sound is not None:
                self._sound.play()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Still there?"))
        # A key too: a shopper who cannot see the screen finds the keypad (EN 301 549 5.2).
        self.detail.setText(self.tr("Touch the screen or press any key to continue. "
                                    "Otherwise everything will be cleared in %n second(s).",
                                    "", self._seconds))
        self.stay_button.setText(self.tr("I'm still here"))
        self.stay_button.setAccessibleName(self.stay_button.text())
        self.setAccessibleName(f"{self.question.text()} {self.detail.text()}")


def _load_chime(parent: QObject):
    """The warning sound, or None where the machine has no audio stack."""
    try:
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError:
        return None
    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(CHIME)))
    effect.setVolume(0.8)
    return effect
