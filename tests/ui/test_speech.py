"""Speech output with Qt's mock engine, which says each word after the next (100 ms a word)
and tells which: what a blind shopper would hear, read from the engine itself."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kiosk.core.config import load_config
from kiosk.i18n import qm_path
from kiosk.i18n.build import build
from kiosk.ui.speech import Speech, State, voice_locale

WAIT_MS = 10_000
LONG = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty")


def config_with(tmp_path, accessibility: str = ""):
    path = tmp_path / "kiosk.toml"
    path.write_text('[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "t1"\n'
                    '[paths]\ndata_dir = "data"\nlog_dir = "logs"\n'
                    '[accessibility]\nspeech_engine = "mock"\nspeech_rate = 0.2\n'
                    f'speech_volume = 0.7\n{accessibility}', encoding="utf-8")
    return load_config(path)


def open_speech(qtbot, config) -> Speech:
    speech = Speech(config)
    qtbot.waitUntil(lambda: speech.available is not None, timeout=WAIT_MS)
    return speech


@pytest.fixture
def speech(qtbot, tmp_path):
    speech = open_speech(qtbot, config_with(tmp_path))
    yield speech
    speech.shutdown()


@pytest.fixture
def heard(speech):
    """Every word the engine said, in order."""
    words: list[str] = []
    speech.word_spoken.connect(words.append)
    return words


def say_and_wait(qtbot, speech: Speech, text: str) -> None:
    with qtbot.waitSignal(speech.state_changed, timeout=WAIT_MS,
                          check_params_cb=lambda state: state == State.Speaking):
        speech.say(text)
    qtbot.waitUntil(lambda: speech.state == State.Ready, timeout=WAIT_MS)


def in_language(language: str) -> QTranslator:
    build()
    translator = QTranslator()
    assert translator.load(str(qm_path(language))), f"no {language} translation"
    QCoreApplication.installTranslator(translator)
    return translator


def test_nothing_is_said_until_the_shopper_switches_speech_on(qtbot, speech, heard):
    utterances: list[str] = []
    speech.utterance.connect(utterances.append)
    speech.say("Basket")
    assert not speech.enabled and utterances == []
    speech.set_enabled(True)
    say_and_wait(qtbot, speech, "Basket, 2 items")
    assert utterances == ["Basket, 2 items"]
    assert heard == ["Basket", "2", "items"]


def test_a_new_utterance_cuts_off_the_one_being_said(qtbot, speech, heard):
    speech.set_enabled(True)
    speech.say(LONG)
    qtbot.waitUntil(lambda: len(heard) > 0, timeout=WAIT_MS)
    speech.say("Search")        # the engine goes on speaking: no new state to wait for
    qtbot.waitUntil(lambda: heard[-1] == "Search" and speech.state == State.Ready,
                    timeout=WAIT_MS)
    assert heard[0] == "one"
    assert "twenty" not in heard


def test_repeat_says_the_last_utterance_again(qtbot, speech, heard):
    speech.set_enabled(True)
    say_and_wait(qtbot, speech, "Jacket, 75 euros")
    with qtbot.waitSignal(speech.state_changed, timeout=WAIT_MS):
        speech.repeat()
    qtbot.waitUntil(lambda: speech.state == State.Ready, timeout=WAIT_MS)
    assert heard == ["Jacket", "75", "euros"] * 2


def test_a_paused_utterance_goes_on_where_it_stopped(qtbot, speech, heard):
    speech.set_enabled(True)
    speech.say(LONG)
    qtbot.waitUntil(lambda: speech.state == State.Speaking, timeout=WAIT_MS)
    speech.toggle_pause()
    qtbot.waitUntil(lambda: speech.state == State.Paused, timeout=WAIT_MS)
    paused_after = len(heard)
    assert paused_after < len(LONG.split())
    speech.toggle_pause()
    qtbot.waitUntil(lambda: speech.state == State.Ready, timeout=WAIT_MS)
    assert heard == LONG.split()


def test_switching_speech_off_silences_it_at_once(qtbot, speech, heard):
    speech.set_enabled(True)
    speech.say(LONG)
    qtbot.waitUntil(lambda: len(heard) > 0, timeout=WAIT_MS)
    speech.set_enabled(False)
    qtbot.waitUntil(lambda: speech.state == State.Ready, timeout=WAIT_MS)
    assert "twenty" not in heard


def test_a_reference_is_spelled_character_by_character(qtbot, speech, heard):
    assert speech.spelled("k7d-3mx q9p") == "K, 7, D, dash, 3, M, X, Q, 9, P"
    speech.set_enabled(True)
    say_and_wait(qtbot, speech, speech.spelled("K7D-3MXQ9P"))
    assert heard == ["K", "7", "D", "dash", "3", "M", "X", "Q", "9", "P"]


def test_the_wording_and_the_voice_follow_the_ui_language(qtbot, tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="kiosk.ui.speech")
    speech = open_speech(qtbot, config_with(tmp_path, '[languages]\ndefault = "en"\n'))
    heard: list[str] = []
    speech.word_spoken.connect(heard.append)
    speech.set_enabled(True)
    qtbot.waitUntil(lambda: speech.voice_locale == "en_US", timeout=WAIT_MS)

    in_language("fr")
    try:
        speech.set_language("fr")
        say_and_wait(qtbot, speech, speech.spelled("K7D-3") + ". " + speech.pin_progress(3, 4))
        speech.set_language("fr")
        say_and_wait(qtbot, speech, speech.pin_progress(0))
    finally:
        speech.shutdown()
    assert speech.language == "fr"
    assert speech.field_readback("Adresse", "12 rue de Rivoli") == "Adresse : champ rempli"
    assert heard == ["K", "7", "D", "tiret", "3", "Chiffre", "3", "sur", "4",
                     "Aucun", "chiffre", "saisi"]
    # The mock engine has no French voice: the French words come in its English one, and
    # the missing voice is logged once, not at every change.
    assert speech.voice_locale == ""
    assert [r.getMessage() for r in caplog.records] == [
        "no fr voice in speech engine 'mock'; speaking with its en_US voice"]


@pytest.mark.parametrize("language, store, expected", [
    ("fr", "fr_FR", "fr_FR"),
    ("fr", "fr_BE", "fr_BE"),
    ("fr", "de_DE", "fr_FR"),
    ("en", "fr_FR", "en_US"),
    ("en", "en_GB", "en_GB"),
])
def test_the_voice_is_the_stores_own_accent_else_the_languages_usual_one(
        language, store, expected):
    available = [QLocale(name) for name in ("fr_CA", "en_GB", "fr_BE", "en_US", "fr_FR")]
    assert voice_locale(language, store, available).name() == expected


def test_a_language_without_its_usual_voice_takes_another_of_that_language_or_none():
    assert voice_locale("fr", "fr_FR", [QLocale("en_GB"), QLocale("fr_CA")]).name() == "fr_CA"
    assert voice_locale("fr", "fr_FR", [QLocale("en_GB"), QLocale("en_US")]) is None


def test_a_pin_is_told_by_how_far_it_is_typed_never_by_its_digits(speech):
    assert speech.pin_progress(3, 4) == "Digit 3 of 4"
    assert speech.pin_progress(5) == "Digit 5"
    assert speech.pin_progress(0, 4) == "No digit typed"


def test_on_a_speaker_a_customer_detail_is_said_to_be_filled_not_read_out(speech):
    assert speech.field_readback("E-mail", "ana@example.com") == "E-mail: filled"
    assert speech.field_readback("Phone", "  ") == "Phone: empty"


def test_into_a_headset_a_customer_detail_is_read_back(qtbot, tmp_path):
    speech = open_speech(qtbot, config_with(tmp_path, 'audio_output = "headset"\n'))
    try:
        assert speech.field_readback("E-mail", "ana@example.com") == "E-mail: ana@example.com"
        assert speech.field_readback("Phone", "") == "Phone: empty"
    finally:
        speech.shutdown()


def test_the_idle_reset_restores_the_configs_speech_and_forgets_the_shopper(qtbot, speech,
                                                                            heard):
    assert (speech.rate, speech.volume) == (0.2, 0.7)
    speech.set_enabled(True)
    for _ in range(5):
        speech.faster()
        speech.louder()
    assert (speech.rate, speech.volume) == (1.0, 1.0)
    speech.quieter()
    speech.slower()
    assert (speech.rate, speech.volume) == (0.8, 0.9)
    say_and_wait(qtbot, speech, "My address")

    speech.reset()
    assert not speech.enabled
    assert (speech.rate, speech.volume) == (0.2, 0.7)
    speech.set_enabled(True)
    utterances: list[str] = []
    speech.utterance.connect(utterances.append)
    speech.repeat()             # the next shopper cannot hear the last one's words again
    assert utterances == []


def test_a_terminal_without_the_engine_logs_it_once_and_stays_silent(qtbot, tmp_path,
                                                                     caplog):
    config = dataclasses.replace(config_with(tmp_path), speech_engine="flite")
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.speech"):
        speech = open_speech(qtbot, config)
        try:
            speech.set_enabled(True)
            speech.say("Basket")
            speech.set_language("en")
            speech.repeat()
            speech.toggle_pause()
            speech.reset()
            qtbot.waitUntil(lambda: speech.available is False, timeout=WAIT_MS)
        finally:
            speech.shutdown()
    assert speech.state == State.Ready
    [record] = caplog.records
    assert record.getMessage().startswith("no speech engine 'flite' here")
