"""The real kiosk as a terminal runs it: under cage, Debian's Wayland kiosk compositor, as
an unprivileged user, telling systemd through $NOTIFY_SOCKET, and a screenshot of what
cage shows taken with grim. Cage runs on wlroots' headless backend (no screen, no input
devices), rendering in software; `cage -r` turns its output upright, as for a screen
mounted in portrait. (Seen with Debian's cage 0.1.4: on an unturned headless output, a
borderless window covering it exactly stays black in grim's shot, a framed one does not;
likely cage offering the window's buffer to the output directly, which headless refuses.)

Also `systemd-analyze verify` on the terminal's unit: a typo in a directive is only a
warning for systemd, so the test asks for no output at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.ui.theme import Colors

PROJECT_ROOT = Path(__file__).resolve().parents[2]
UNIT = PROJECT_ROOT / "deploy" / "terminal" / "kiosk.service"
NOBODY = 65534
DEBIAN_PYTHON = Path("/usr/bin/python3")


def test_the_terminal_unit_passes_systemd_analyze_verify():
    done = subprocess.run(["systemd-analyze", "verify", str(UNIT)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and not (done.stdout + done.stderr).strip(), \
        done.stdout + done.stderr


@pytest.fixture
def appliance_dir():
    """A directory the unprivileged user can reach (pytest's own is root's alone)."""
    directory = Path(tempfile.mkdtemp(prefix="kiosk-cage-"))
    directory.chmod(0o755)
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def as_user(directory: Path) -> tuple[list[str], int]:
    """The command prefix that runs as the unprivileged user, and that user's id: nobody
    when the suite runs as root, else the suite's own (already unprivileged) user."""
    if os.geteuid() != 0:
        return [], os.geteuid()
    for path in [directory, *directory.rglob("*")]:
        os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
            "--reset-env", "--"], NOBODY


def appliance_python(directory: Path) -> Path:
    """Debian's Python in a virtual environment that sees the terminal's code and libraries,
    as /opt/kiosk does on a terminal: the suite's interpreter may live where the
    unprivileged user cannot read (pyenv's under /root)."""
    version = subprocess.run([str(DEBIAN_PYTHON), "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert version == str(tuple(sys.version_info[:2])), \
        f"Debian's python3 is {version}: the checkout's libraries are for {sys.version_info[:2]}"
    venv = directory / "venv"
    subprocess.run([str(DEBIAN_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next(venv.glob("lib/python3*/site-packages"))
    # The terminal and the contract it needs, as /opt/kiosk holds both; not the server.
    (site / "kiosk-checkout.pth").write_text(
        f"{sysconfig.get_paths()['purelib']}\n{PROJECT_ROOT}\n"
        f"{PROJECT_ROOT / 'contract' / 'src'}\n", encoding="utf-8")
    return venv / "bin" / "python"


def test_the_kiosk_runs_under_cage_as_an_unprivileged_user_and_shows_its_attract_screen(
        appliance_dir, demo_cache_dir, luma_dir, notify_socket, tmp_path):
    data_dir, runtime_dir = appliance_dir / "data", appliance_dir / "runtime"
    shutil.copytree(demo_cache_dir, data_dir)
    runtime_dir.mkdir(mode=0o700)
    config = appliance_dir / "kiosk.toml"
    config.write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "paris-rivoli-cage"\n'
        'store_name = "Luma Paris Rivoli"\n'
        f'[paths]\ndata_dir = "{data_dir}"\nlog_dir = "{appliance_dir / "logs"}"\n'
        f'catalog_images_dir = "{luma_dir / "images"}"\n'
        '[accessibility]\nspeech_engine = "mock"\n', encoding="utf-8")
    python = appliance_python(appliance_dir)
    screenshot = appliance_dir / "screen.png"
    user, uid = as_user(appliance_dir)
    environment = {
        "PATH": "/usr/bin:/bin", "HOME": str(data_dir), "XDG_RUNTIME_DIR": str(runtime_dir),
        "WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1",
        "QT_QPA_PLATFORM": "wayland", "NOTIFY_SOCKET": notify_socket.name,
        "WATCHDOG_USEC": "2000000"}
    env_args = [f"{key}={value}" for key, value in environment.items()]
    started = time.monotonic()
    cage = subprocess.Popen(
        [*user, "env", *env_args, "cage", "-d", "-r", "--",
         str(python), "-m", "kiosk.cli", "run", "--config", str(config)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        told = notify_socket.wait_for("READY=1", timeout_s=120)
        ready_s = time.monotonic() - started
        assert "STATUS=attract screen shown" in told[-1].split("\n")
        notify_socket.wait_for("WATCHDOG=1", timeout_s=30)   # the GUI thread turns
        assert _process_user(cage.pid) == uid

        grim = subprocess.run([*user, "env", *env_args, "WAYLAND_DISPLAY=wayland-0", "grim",
                               str(screenshot)], capture_output=True, text=True, timeout=60)
        assert grim.returncode == 0, grim.stderr
    finally:
        cage.terminate()
        output = cage.communicate(timeout=60)[0]
    shutil.copy(screenshot, tmp_path / "kiosk-under-cage.png")
    print(f"READY=1 {ready_s:.2f} s after cage was started; screenshot "
          f"{tmp_path / 'kiosk-under-cage.png'}")

    image = QImage(str(screenshot))
    assert (image.width(), image.height()) == (720, 1280), output   # cage -r: upright
    shares = _colour_shares(image)
    colours = Colors()
    # The attract screen: its light page, the primary button and dark text, not a blank
    # (black) output or a window that never painted.
    assert shares.get(QColor(colours.surface).rgb(), 0) > 0.3, (shares.most_common(5), output)
    assert shares.get(QColor(colours.primary).rgb(), 0) > 0.01, (shares.most_common(5), output)
    assert shares.get(QColor("#000000").rgb(), 0) < 0.2, (shares.most_common(5), output)


def _colour_shares(image: QImage) -> Counter:
    """How much of the image each colour covers, sampled every 4 pixels."""
    counts = Counter(image.pixel(x, y) | 0xFF000000 for x in range(0, image.width(), 4)
                     for y in range(0, image.height(), 4))
    total = sum(counts.values())
    return Counter({colour: count / total for colour, count in counts.items()})


def _process_user(pid: int) -> int:
    """The real uid of a process (setpriv and env exec cage in the same one)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("Uid:")).split()[1])
