"""A desktop of its own for a test that reads the kiosk as a screen reader does: an X
server (Xvfb), a D-Bus session and the accessibility (AT-SPI) bus on it, all started here
and stopped at the end, whatever the machine's own session has.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
START_TIMEOUT_S = 20


class DesktopError(RuntimeError):
    """Part of the desktop could not be started: the message says which and why."""


@contextmanager
def accessible_desktop(work: Path, size: str = "1080x1920") -> Iterator[dict[str, str]]:
    """Start Xvfb, a D-Bus session and the AT-SPI bus; yield the environment a program
    needs to show on that display and be read on that bus."""
    for program in ("Xvfb", "dbus-daemon"):
        if shutil.which(program) is None:
            raise DesktopError(f"{program} is not installed (./scripts/test installs it)")
    if not BUS_LAUNCHER.exists():
        raise DesktopError(f"{BUS_LAUNCHER} is missing: install Debian's at-spi2-core")
    with ExitStack() as stack:
        display = stack.enter_context(_xvfb(work, size))
        bus = stack.enter_context(_session_bus(work, display))
        env = {**os.environ, "DISPLAY": f":{display}", "DBUS_SESSION_BUS_ADDRESS": bus,
               "XDG_RUNTIME_DIR": str(_runtime_dir(work))}
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("AT_SPI_BUS_ADDRESS", None)
        stack.enter_context(_process(
            [str(BUS_LAUNCHER), "--launch-immediately", "--a11y=1"], env, work / "at-spi.log"))
        _wait_for_accessibility_bus(env, work / "at-spi.log")
        yield env


@contextmanager
def _process(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    with open(log, "ab") as log_file:
        process = subprocess.Popen(command, env=env, stdout=log_file, stderr=log_file,
                                   start_new_session=True)
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """End a process this module or a test started, and whatever it started itself."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@contextmanager
def _xvfb(work: Path, size: str) -> Iterator[int]:
    """An X server on the first free display number, which it writes back to us."""
    read_end, write_end = os.pipe()
    command = ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24",
               "-nolisten", "tcp", "+extension", "XTEST"]
    with open(work / "xvfb.log", "ab") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=log_file,
                                   pass_fds=(write_end,), start_new_session=True)
    os.close(write_end)
    try:
        display = _read_line(read_end, process, "Xvfb", work / "xvfb.log")
        yield int(display)
    finally:
        os.close(read_end)
        stop(process)


@contextmanager
def _session_bus(work: Path, display: int) -> Iterator[str]:
    """A D-Bus session on `display`: what it starts on demand (the AT-SPI registry, which
    makes the walk's pointer clicks) shows there, not on no display at all."""
    read_end, write_end = os.pipe()
    command = ["dbus-daemon", "--session", "--nofork", "--nopidfile",
               f"--print-address={write_end}"]
    env = {**os.environ, "DISPLAY": f":{display}"}
    env.pop("WAYLAND_DISPLAY", None)
    with open(work / "dbus.log", "ab") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=log_file, env=env,
                                   pass_fds=(write_end,), start_new_session=True)
    os.close(write_end)
    try:
        yield _read_line(read_end, process, "dbus-daemon", work / "dbus.log")
    finally:
        os.close(read_end)
        stop(process)


def _read_line(fd: int, process: subprocess.Popen, name: str, log: Path) -> str:
    """The first line a starting program writes to `fd`, or an error saying why none came."""
    os.set_blocking(fd, False)
    deadline = time.monotonic() + START_TIMEOUT_S
    text = b""
    while b"\n" not in text:
        if process.poll() is not None:
            raise DesktopError(f"{name} ended with status {process.returncode}: "
                               f"{log.read_text(errors='replace')[-2000:]}")
        if time.monotonic() > deadline:
            raise DesktopError(f"{name} did not start within {START_TIMEOUT_S} s")
        try:
            text += os.read(fd, 256)
        except BlockingIOError:
            time.sleep(0.05)
    return text.decode().splitlines()[0].strip()


def _runtime_dir(work: Path) -> Path:
    runtime = work / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return runtime


def _wait_for_accessibility_bus(env: dict[str, str], log: Path) -> None:
    """The launcher answers on the session bus once the accessibility bus is up."""
    deadline = time.monotonic() + START_TIMEOUT_S
    command = ["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus",
               "/org/a11y/bus", "org.a11y.Bus.GetAddress"]
    while True:
        answer = subprocess.run(command, env=env, capture_output=True, text=True, timeout=10)
        if answer.returncode == 0 and "unix:" in answer.stdout:
            return
        if time.monotonic() > deadline:
            raise DesktopError("the AT-SPI bus did not start within "
                               f"{START_TIMEOUT_S} s: {answer.stderr.strip()} "
                               f"{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
