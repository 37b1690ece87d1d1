"""Real sound for tests and benchmarks: a PulseAudio server of our own whose only output is
a null sink (no sound card needed), a speech-dispatcher speaking into it, a recorder of
what comes out, and sox to tell sound from silence.

Everything runs as the current user in a temporary directory and is stopped on leaving;
nothing touches the machine's own sound or speech servers. The programs come from Debian
(pulseaudio, pulseaudio-utils, speech-dispatcher, speech-dispatcher-espeak-ng, espeak-ng,
sox), installed by scripts/lib/setup.sh.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SINK = "kiosk_test"
RATE, CHANNELS = 22050, 1
START_TIMEOUT_S = 15
STOP_TIMEOUT_S = 5
PROGRAMS = {"pulseaudio": "pulseaudio", "pactl": "pulseaudio-utils",
            "parecord": "pulseaudio-utils", "speech-dispatcher": "speech-dispatcher",
            "sox": "sox"}


class SoundSetupError(RuntimeError):
    """The sound server, speech-dispatcher or the recorder could not be started."""


def missing_programs() -> list[str]:
    """The Debian packages to install before real sound can be tested, if any."""
    return sorted({package for program, package in PROGRAMS.items()
                   if shutil.which(program) is None})


@dataclass(frozen=True)
class Loudness:
    seconds: float
    rms: float          # 0.0 for digital silence, up to 1.0
    peak: float


def loudness(raw: Path) -> Loudness:
    """What sox's `stat` finds in a recording made by SoundServer.recording()."""
    done = subprocess.run(["sox", "-t", "raw", "-r", str(RATE), "-e", "signed-integer",
                           "-b", "16", "-c", str(CHANNELS), str(raw), "-n", "stat"],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise SoundSetupError(f"sox could not read {raw}: {done.stderr.strip()}")

    def figure(name: str) -> float:
        found = re.search(rf"^{name}:\s*(-?[\d.]+|-?nan)", done.stderr, re.MULTILINE)
        if not found:
            raise SoundSetupError(f"sox stat printed no {name!r}:\n{done.stderr}")
        value = float(found.group(1))
        return 0.0 if value != value else value     # nan: an empty recording

    return Loudness(figure(r"Length \(seconds\)"), figure(r"RMS\s+amplitude"),
                    figure(r"Maximum amplitude"))


class _Process:
    """A program we started, in a session of its own, so that stopping it stops its
    children too (speech-dispatcher's output modules)."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log: Path) -> None:
        self.name, self.log = name, log
        with open(log, "ab") as output:
            self.popen = subprocess.Popen(args, env=env, stdout=output,
                                          stderr=subprocess.STDOUT, start_new_session=True)

    def running(self) -> bool:
        return self.popen.poll() is None

    def stop(self, how: int = signal.SIGTERM) -> None:
        if not self.running():
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, how)
        try:
            self.popen.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(STOP_TIMEOUT_S)

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


def _wait_for(what: str, ready: Callable[[], bool], process: _Process) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready():
        if not process.running():
            raise SoundSetupError(f"{process.name} exited ({process.popen.returncode}) "
                                  f"before {what}; its log ends:\n{process.log_tail()}")
        if time.monotonic() > deadline:
            raise SoundSetupError(f"{what}: not within {START_TIMEOUT_S} s; {process.name}'s "
                                  f"log ends:\n{process.log_tail()}")
        time.sleep(0.05)


class SoundServer:
    """A PulseAudio server with one null sink, which every client of `env` plays into."""

    def __init__(self) -> None:
        if missing := missing_programs():
            raise SoundSetupError("real sound needs these Debian packages: "
                                  f"{' '.join(missing)} (./scripts/test installs them)")
        # A short path: a unix socket's path must fit in 108 bytes.
        self.directory = Path(tempfile.mkdtemp(prefix="kiosk-sound-"))
        self.socket = self.directory / "pulse.sock"
        (self.directory / "home").mkdir()
        (self.directory / "run").mkdir(mode=0o700)
        self.env = {**os.environ, "HOME": str(self.directory / "home"),
                    "XDG_RUNTIME_DIR": str(self.directory / "run"),
                    "PULSE_SERVER": f"unix:{self.socket}"}
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self._server = _Process("pulseaudio", [
            "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
            "--disable-shm=yes", "--log-target=stderr",
            "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
            "-L", f"module-null-sink sink_name={SINK} rate={RATE} channels={CHANNELS}",
        ], self.env, self.directory / "pulseaudio.log")
        try:
            _wait_for("the sound server answering", self._answers, self._server)
        except BaseException:
            self.stop()
            raise

    def _answers(self) -> bool:
        return subprocess.run(["pactl", "info"], env=self.env, capture_output=True,
                              timeout=10).returncode == 0

    def _recorders(self) -> int:
        listed = subprocess.run(["pactl", "list", "short", "source-outputs"], env=self.env,
                                capture_output=True, text=True, timeout=10)
        return len(listed.stdout.splitlines())

    @contextlib.contextmanager
    def recording(self, raw: Path) -> Iterator[Path]:
        """Record what the sink plays, as raw 16-bit mono at RATE, until the block ends."""
        recorder = _Process("parecord", [
            "parecord", "--raw", f"--device={SINK}.monitor", "--format=s16le",
            f"--rate={RATE}", f"--channels={CHANNELS}", "--latency-msec=20", str(raw),
        ], self.env, self.directory / "parecord.log")
        try:
            _wait_for("the recorder listening", lambda: self._recorders() > 0, recorder)
            yield raw
        finally:
            recorder.stop(signal.SIGINT)

    def stop(self) -> None:
        self._server.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> SoundServer:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


class SpeechDispatcher:
    """A speech-dispatcher of our own, speaking with espeak-ng into `server`'s sink.
    Clients find it at `address` (the SPEECHD_ADDRESS libspeechd reads)."""

    def __init__(self, server: SoundServer) -> None:
        directory = server.directory
        self.socket = directory / "speechd.sock"
        self.address = f"unix_socket:{self.socket}"
        (directory / "speechd-logs").mkdir()
        self._process = _Process("speech-dispatcher", [
            "speech-dispatcher", "--run-single", "--timeout", "0",
            "--communication-method", "unix_socket", "--socket-path", str(self.socket),
            "--log-dir", str(directory / "speechd-logs"),
            "--pid-file", str(directory / "speechd.pid"),
        ], server.env, directory / "speech-dispatcher.log")
        try:
            _wait_for("speech-dispatcher listening", self.socket.exists, self._process)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        self._process.stop()

    def __enter__(self) -> SpeechDispatcher:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()
