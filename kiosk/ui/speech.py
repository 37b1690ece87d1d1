"""Speech output: the kiosk's own screen reader (EN 301 549 5.1.3, closed functionality).

A shopper cannot bring their own screen reader to a kiosk, so the kiosk speaks, through
QtTextToSpeech: speech-dispatcher with espeak-ng on a terminal, Qt's `mock` engine in tests
(config key accessibility.speech_engine). One `Speech` per kiosk, made by the app:

    speech = Speech(config)               # the engine opens on its own thread
    speech.set_language("fr")             # at every UI language change, with the translator
    speech.set_enabled(True)              # the shopper's choice (accessibility menu, keypad)
    speech.say(text)                      # a title, a focused control, a notice: a new
                                          # utterance interrupts the current one (5.1.3.5)
    speech.repeat(); speech.toggle_pause()            # keypad keys (5.1.3.4)
    speech.louder(); speech.quieter(); speech.set_rate(r)   # the shopper's rate and volume
    speech.say(speech.spelled(reference))             # character by character (5.1.3.16)
    speech.say(speech.pin_progress(len(pin)))         # never a PIN digit (5.1.3.8)
    speech.say(speech.field_readback(label, value))   # the value only to a headset (5.1.3.9)
    speech.reset()                        # at the idle reset: off, config's rate and volume,
                                          # nothing left to repeat (5.1.3.13)
    speech.shutdown()                     # when the app goes

`say()` is harmless while speech is off, so screens may call it unconditionally. The
wording methods use the installed translator, so they come in the UI's language; the
voice follows `set_language()`. While speech is on, the app multiplies its time limits
by config.speech_time_multiplier. The engine lives on a thread of its own: opening
speech-dispatcher, or one that hangs, never holds up the GUI thread. A terminal without
an engine or a voice logs it once and stays silent (`available` turns False).

For tests: `utterance` gives each text handed to the engine, in order (a journey's log);
with the mock engine, `word_spoken` gives each word as it is said, so an utterance cut
off by the next one shows as cut off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QLocale,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.core.config import KioskConfig

log = logging.getLogger(__name__)

State = QTextToSpeech.State
VOLUME_STEP = 0.1
RATE_STEP = 0.2
SHUTDOWN_WAIT_MS = 3000
NO_ENGINE = "none"              # no plugin has this name: the engine is set later


def voice_locale(language: str, store_locale: str,
                 available: Iterable[QLocale]) -> QLocale | None:
    """The voice's locale for a shopper reading `language` in a store of `store_locale`:
    the store's own when it speaks that language (fr_BE in Belgium), else the language's
    usual one (en -> en_US), else any of the language's, by name; None if the engine has
    no voice for the language."""
    wanted = QLocale.codeToLanguage(language)
    candidates = sorted((locale for locale in available if locale.language() == wanted),
                        key=QLocale.name)
    names = [locale.name() for locale in candidates]
    for preferred in (QLocale(store_locale), QLocale(wanted)):
        if preferred.language() == wanted and preferred.name() in names:
            return candidates[names.index(preferred.name())]
    return candidates[0] if candidates else None


class _Voice(QObject):
    """Owns the engine, on the speech thread; runs the commands Speech sends it, in order."""

    opened = Signal(bool)               # whether the engine works
    state_changed = Signal(object)      # QTextToSpeech.State
    word_spoken = Signal(str)
    locale_chosen = Signal(str)         # the voice's locale name, "" when none fits

    def __init__(self, engine_name: str, store_locale: str) -> None:
        super().__init__()
        self._engine_name = engine_name
        self._store_locale = store_locale
        self._engine: QTextToSpeech | None = None
        self._opening = False
        self._ready = False
        self._waiting: list[Callable[[_Voice], None]] = []
        self._told: set[str] = set()

    @Slot(object)
    def run(self, command: Callable[[_Voice], None]) -> None:
        if self._ready:
            if self._engine is not None:
                command(self)
            return
        self._waiting.append(command)
        if not self._opening:
            self._opening = True
            self._start_opening()

    def _start_opening(self) -> None:
        if self._engine_name not in QTextToSpeech.availableEngines():
            self._tell_once("engine", "no speech engine %r here (this machine has: %s); the "
                            "kiosk stays silent", self._engine_name,
                            ", ".join(QTextToSpeech.availableEngines()) or "none")
            self._finish_opening()
            return
        # Made without a plugin, which takes no time; the plugin is then loaded by a
        # queued call, which this thread's event loop makes from C++. Called from Python,
        # loading it (speech-dispatcher's: a second or more) would hold Python's lock all
        # along, and the GUI thread, which runs Python too, would freeze.
        engine = QTextToSpeech(NO_ENGINE, self)
        # Bound to this object, not to lambdas: the connections go with it at shutdown,
        # when the engine still reports its last state.
        engine.stateChanged.connect(self._on_state)
        engine.sayingWord.connect(self._on_word)
        self._engine = engine
        QMetaObject.invokeMethod(engine, "setEngine", Qt.ConnectionType.QueuedConnection,
                                 Q_ARG(str, self._engine_name))
        QMetaObject.invokeMethod(self, "_finish_opening", Qt.ConnectionType.QueuedConnection)

    def _on_state(self, state: State) -> None:
        self.state_changed.emit(state)

    def _on_word(self, word: str, *_where) -> None:
        self.word_spoken.emit(word)

    @Slot()
    def _finish_opening(self) -> None:
        engine = self._engine
        if engine is not None and (engine.engine() != self._engine_name
                                   or engine.state() == State.Error):
            self._tell_once("engine", "speech engine %r cannot start (%s); the kiosk stays "
                            "silent", self._engine_name, engine.errorString() or "no reason")
            self._engine = None
        elif engine is not None:    # a failure to open is told above, once
            engine.errorOccurred.connect(
                lambda reason, message: self._tell_once(
                    f"error {reason}", "speech engine error: %s", message or reason))
        self._ready = True
        self.opened.emit(self._engine is not None)
        waiting, self._waiting = self._waiting, []
        for command in waiting:
            self.run(command)

    # The engine's slots are called through this thread's event loop, from C++: a call
    # made from Python holds Python's lock until it returns, and speech-dispatcher, should
    # it hang, would then freeze the GUI thread with it.

    def say(self, text: str) -> None:
        self._call("say", Q_ARG(str, text))     # stops what is being said, and what waits

    def stop(self) -> None:
        self._call("stop")

    def pause(self) -> None:
        self._call("pause")

    def resume(self) -> None:
        self._call("resume")

    def set_rate(self, rate: float) -> None:
        self._call("setRate", Q_ARG(float, rate))

    def set_volume(self, volume: float) -> None:
        self._call("setVolume", Q_ARG(float, volume))

    def set_language(self, language: str) -> None:
        locale = voice_locale(language, self._store_locale, self._engine.availableLocales())
        if locale is None:
            # Better the wrong accent than silence: the words still come in the shopper's
            # language, from the translator.
            self._tell_once(f"voice {language}", "no %s voice in speech engine %r; speaking "
                            "with its %s voice", language, self._engine_name,
                            self._engine.locale().name())
            self.locale_chosen.emit("")
            return
        self._call("setLocale", Q_ARG(QLocale, locale))
        QMetaObject.invokeMethod(self, "_tell_locale", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _tell_locale(self) -> None:
        self.locale_chosen.emit(self._engine.locale().name())

    def _call(self, slot: str, *arguments) -> None:
        QMetaObject.invokeMethod(self._engine, slot, Qt.ConnectionType.QueuedConnection,
                                 *arguments)

    def _tell_once(self, topic: str, message: str, *args) -> None:
        if topic not in self._told:
            self._told.add(topic)
            log.warning(message, *args)


class Speech(QObject):
    """What the kiosk says, in the shopper's language, at the shopper's rate and volume."""

    opened = Signal(bool)               # the engine is open, or cannot be (logged once)
    state_changed = Signal(object)      # QTextToSpeech.State, as the engine reports it
    utterance = Signal(str)             # each text handed to the engine, in order
    word_spoken = Signal(str)           # each word as the engine says it (where it tells)
    _command = Signal(object)

    def __init__(self, config: KioskConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._enabled = False
        self._rate = config.speech_rate
        self._volume = config.speech_volume
        self._language = config.default_language
        self._last = ""
        self.state = State.Ready
        self.available: bool | None = None  # None until the engine has opened (or failed)
        self.voice_locale = ""          # as the engine took it; "" until then, or none fits

        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._voice = _Voice(config.speech_engine, config.locale)
        self._voice.moveToThread(self._thread)
        self._command.connect(self._voice.run)
        self._voice.opened.connect(self._on_opened)
        self._voice.state_changed.connect(self._on_state)
        self._voice.word_spoken.connect(self.word_spoken)
        self._voice.locale_chosen.connect(self._on_locale)
        self._thread.finished.connect(self._voice.deleteLater)
        self._thread.start()
        # A thread still running when Qt goes would abort the process.
        QCoreApplication.instance().aboutToQuit.connect(self.shutdown)
        rate, volume, language = self._rate, self._volume, self._language
        self._send(lambda voice: (voice.set_rate(rate), voice.set_volume(volume),
                                  voice.set_language(language)))

    # --- the shopper's settings -------------------------------------------------------

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        if not enabled:
            self.stop()

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        self._language = language
        self._send(lambda voice: voice.set_language(language))

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        """-1.0 slowest, 0.0 the voice's own pace, 1.0 fastest."""
        self._rate = rate = min(1.0, max(-1.0, rate))
        self._send(lambda voice: voice.set_rate(rate))

    def faster(self) -> None:
        self.set_rate(round(self._rate + RATE_STEP, 2))

    def slower(self) -> None:
        self.set_rate(round(self._rate - RATE_STEP, 2))

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        """0.0 silent to 1.0 loudest."""
        self._volume = volume = min(1.0, max(0.0, volume))
        self._send(lambda voice: voice.set_volume(volume))

    def louder(self) -> None:
        self.set_volume(round(self._volume + VOLUME_STEP, 2))

    def quieter(self) -> None:
        self.set_volume(round(self._volume - VOLUME_STEP, 2))

    def reset(self) -> None:
        """The idle reset: the next shopper finds speech off, the config's rate and volume,
        and nothing of this shopper's left to repeat."""
        self.set_enabled(False)
        self._last = ""
        self.set_rate(self._config.speech_rate)
        self.set_volume(self._config.speech_volume)

    # --- speaking ---------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Speak `text` now, cutting off whatever was being said; nothing while speech is
        off."""
        text = text.strip()
        if not self._enabled or not text:
            return
        self._last = text
        self.utterance.emit(text)
        self._send(lambda voice: voice.say(text))

    def repeat(self) -> None:
        if self._last:
            self.say(self._last)

    def stop(self) -> None:
        self._send(lambda voice: voice.stop())

    def pause(self) -> None:
        self._send(lambda voice: voice.pause())

    def resume(self) -> None:
        self._send(lambda voice: voice.resume())

    def toggle_pause(self) -> None:
        if self.state == State.Paused:
            self.resume()
        elif self.state == State.Speaking:
            self.pause()

    # --- wording ----------------------------------------------------------------------

    def spelled(self, text: str) -> str:
        """`text` character by character: 'K7D-3M' -> 'K, 7, D, dash, 3, M'. The commas make
        every engine say each letter's name ('A', not the article 'a') after a pause."""
        characters = []
        for character in text:
            if character.isspace():
                continue
            if character == "-":
                characters.append(self.tr("dash"))
            else:
                characters.append(character.upper())
        return ", ".join(characters)

    def pin_progress(self, typed: int, length: int | None = None) -> str:
        """How far a PIN is typed, never what it is: 'Digit 3 of 4' ('Digit 3' when its
        length is not known)."""
        if typed == 0:
            return self.tr("No digit typed")
        if length is None:
            return self.tr("Digit %1").replace("%1", str(typed))
        return self.tr("Digit %1 of %2").replace("%1", str(typed)).replace("%2", str(length))

    def field_readback(self, label: str, value: str) -> str:
        """A field of the customer's details: its value is read only into a headset, else
        a bystander would hear it; a speaker says whether it is filled."""
        if not value.strip():
            return self.tr("%1: empty").replace("%1", label)
        if self._config.audio_output == "headset":
            return self.tr("%1: %2").replace("%1", label).replace("%2", value)
        return self.tr("%1: filled").replace("%1", label)

    # --- the speech thread --------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop speaking and end the speech thread (the app calls this when it goes)."""
        if not self._thread.isRunning():
            return
        self._send(lambda voice: voice.stop())
        self._thread.quit()
        if not self._thread.wait(SHUTDOWN_WAIT_MS):
            log.warning("the speech engine did not stop within %d ms", SHUTDOWN_WAIT_MS)

    def _send(self, command: Callable[[_Voice], None]) -> None:
        self._command.emit(command)

    def _on_opened(self, available: bool) -> None:
        self.available = available
        self.opened.emit(available)

    def _on_state(self, state: State) -> None:
        self.state = state
        self.state_changed.emit(state)

    def _on_locale(self, name: str) -> None:
        self.voice_locale = name

