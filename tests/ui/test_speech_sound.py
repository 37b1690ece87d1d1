"""Sound that really comes out: Debian's PulseAudio with a null sink, speech-dispatcher with
espeak-ng, the kiosk's own Speech and idle chime, a recording of the sink, and sox to tell
sound from silence. Nothing is mocked; the programs are installed by scripts/lib/setup.sh,
and a missing one fails these tests with the packages to install. Then speech-dispatcher
missing or hung: the kiosk stays silent and its GUI thread runs on."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from support.sound import SoundServer, SpeechDispatcher, loudness

from kiosk.core.config import load_config
from kiosk.ui.speech import Speech, State

WAIT_MS = 30_000
SUPPORT = Path(__file__).resolve().parents[1] / "support"
CHIME_PLAYER = SUPPORT / "play_chime.py"
GUI_WHILE_HUNG = SUPPORT / "gui_while_speech_hangs.py"
# Digital silence records as 0; espeak-ng's speech and the chime measure about 0.1 to 0.2.
HEARD_RMS = 0.01


@pytest.fixture
def sound_server():
    server = SoundServer()
    yield server
    server.stop()


@pytest.fixture
def speech_dispatcher(sound_server, monkeypatch):
    dispatcher = SpeechDispatcher(sound_server)
    monkeypatch.setenv("SPEECHD_ADDRESS", dispatcher.address)
    yield dispatcher
    dispatcher.stop()


@pytest.fixture
def speech(qtbot, tmp_path, speech_dispatcher):
    path = tmp_path / "kiosk.toml"
    path.write_text('[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "t1"\n'
                    '[paths]\ndata_dir = "data"\nlog_dir = "logs"\n'
                    '[accessibility]\nspeech_engine = "speechd"\nspeech_volume = 1.0\n',
                    encoding="utf-8")
    speech = Speech(load_config(path))
    qtbot.waitUntil(lambda: speech.available is not None, timeout=WAIT_MS)
    assert speech.available, "speech-dispatcher did not open (see the log above)"
    yield speech
    speech.shutdown()


def test_the_kiosk_speaks_through_speech_dispatcher_in_the_shoppers_language(
        qtbot, sound_server, speech):
    silence = sound_server.directory / "silence.raw"
    with sound_server.recording(silence):
        qtbot.wait(300)         # what the sink gives while nothing plays
    assert loudness(silence).rms < HEARD_RMS

    speech.set_enabled(True)
    speech.set_language("fr")
    qtbot.waitUntil(lambda: speech.voice_locale.startswith("fr"), timeout=WAIT_MS)
    states = []
    speech.state_changed.connect(states.append)
    spoken = sound_server.directory / "speech.raw"
    with sound_server.recording(spoken):
        speech.say(speech.spelled("K7D-3MXQ9P"))
        qtbot.waitUntil(lambda: State.Speaking in states and speech.state == State.Ready,
                        timeout=WAIT_MS)
    heard = loudness(spoken)
    assert heard.rms > HEARD_RMS, f"speech-dispatcher played silence: {heard}"

    speech.set_language("en")
    qtbot.waitUntil(lambda: speech.voice_locale.startswith("en"), timeout=WAIT_MS)


def test_the_still_there_chime_is_heard(sound_server):
    chime = sound_server.directory / "chime.raw"
    with sound_server.recording(chime):
        played = subprocess.run([sys.executable, str(CHIME_PLAYER)],
                                env={**sound_server.env, "QT_QPA_PLATFORM": "offscreen"},
                                capture_output=True, text=True, timeout=60)
    assert played.returncode == 0, f"the chime did not play:\n{played.stderr}"
    heard = loudness(chime)
    assert heard.rms > HEARD_RMS, f"the chime played silence: {heard}\n{played.stderr}"


def test_without_speech_dispatcher_the_kiosk_logs_it_once_and_stays_silent(
        qtbot, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'no-such.sock'}")
    path = tmp_path / "kiosk.toml"
    path.write_text('[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "t1"\n'
                    '[paths]\ndata_dir = "data"\nlog_dir = "logs"\n', encoding="utf-8")
    caplog.set_level(logging.WARNING, logger="kiosk.ui.speech")
    speech = Speech(load_config(path))
    try:
        speech.set_enabled(True)
        speech.say("Panier")
        speech.repeat()
        qtbot.waitUntil(lambda: speech.available is False, timeout=WAIT_MS)
        speech.say("Panier")
        speech.set_language("en")
    finally:
        speech.shutdown()
    [record] = caplog.records
    assert record.getMessage().startswith("speech engine 'speechd' cannot start")


def test_a_hung_speech_dispatcher_never_freezes_the_gui_thread(tmp_path):
    """A socket that takes connections and never answers stands for a hung server: the
    speech thread waits on it for ever, while the GUI thread must run on."""
    config = tmp_path / "kiosk.toml"
    config.write_text('[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "t1"\n'
                      '[paths]\ndata_dir = "data"\nlog_dir = "logs"\n', encoding="utf-8")
    directory = Path(tempfile.mkdtemp(prefix="kiosk-hung-"))   # a short socket path
    hung = socket.socket(socket.AF_UNIX)
    try:
        hung.bind(str(directory / "speechd.sock"))
        hung.listen(8)
        env = {**os.environ, "SPEECHD_ADDRESS": f"unix_socket:{directory / 'speechd.sock'}"}
        try:
            ran = subprocess.run([sys.executable, str(GUI_WHILE_HUNG), str(config)], env=env,
                                 capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("the GUI thread froze while speech-dispatcher hung")
    finally:
        hung.close()
        shutil.rmtree(directory, ignore_errors=True)
    assert ran.returncode == 0, ran.stdout + ran.stderr
