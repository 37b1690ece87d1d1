"""deploy/terminal/install.sh, what a technician runs on a fresh terminal: a dry run
changes nothing, a real run sets the terminal up, a second run changes nothing, and the
technician's own config is never overwritten. Run on a system image in a directory
(--root), with the kiosk built as a wheel from this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INSTALL = PROJECT_ROOT / "deploy" / "terminal" / "install.sh"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    for package in ("kiosk-terminal", "kiosk-contract"):     # the terminal and its contract
        subprocess.run([str(PROJECT_ROOT / ".venv" / "bin" / "uv"), "build", "--wheel",
                        "--quiet", "--package", package, "--out-dir", str(out)],
                       check=True, cwd=PROJECT_ROOT, timeout=300)
    return next(out.glob("kiosk_terminal-*.whl"))


@pytest.fixture
def image(tmp_path) -> Path:
    """The /etc a fresh Debian has, as far as the script reads and writes it."""
    etc = tmp_path / "image" / "etc"
    etc.mkdir(parents=True)
    (etc / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (etc / "group").write_text("root:x:0:\naudio:x:29:\n")
    (etc / "shadow").write_text("root:*:19000:0:99999:7:::\n")
    (etc / "gshadow").write_text("root:*::\naudio:*::\n")
    return tmp_path / "image"


def install(image: Path, *options: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        ["bash", str(INSTALL), "--root", str(image), "--skip-packages", "--no-deps",
         "--python", sys._base_executable, *options],
        capture_output=True, text=True, timeout=600, env={**os.environ, "PIP_NO_INPUT": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert not done.stderr, done.stderr     # a step that complained, even one that went on
    return done


def snapshot(root: Path) -> dict[str, tuple]:
    """Every file, directory and link with its mode, owner, size, time and target."""
    found = {}
    for path in [root, *root.rglob("*")]:
        info = path.lstat()
        target = os.readlink(path) if path.is_symlink() else ""
        found[str(path.relative_to(root))] = (info.st_mode, info.st_uid, info.st_gid,
                                              info.st_size, info.st_mtime_ns, target)
    return found


def test_a_dry_run_says_every_step_and_changes_nothing(image):
    before = snapshot(image)
    done = install(image, "--dry-run")
    steps = [line for line in done.stdout.splitlines() if line.startswith("would: ")]
    assert [step.split(":", 1)[1].strip().split(" ")[0] for step in steps] == [
        "create", "create", "install", "record", "create", "write", "install", "install",
        "install", "enable"], done.stdout
    assert "useradd --prefix" in done.stdout and "systemctl --root=" in done.stdout
    assert "nothing was changed" in done.stdout
    assert snapshot(image) == before


def test_the_install_sets_the_terminal_up_and_a_second_run_changes_nothing(image, wheel):
    first = install(image, "--wheel", str(wheel), "--store", "paris-rivoli",
                    "--terminal", "paris-rivoli-09")
    assert "Done" in first.stdout
    passwd = (image / "etc" / "passwd").read_text()
    assert "kiosk:x:" in passwd and ":/var/lib/kiosk:/usr/sbin/nologin" in passwd
    unit = image / "etc" / "systemd" / "system" / "kiosk.service"
    assert unit.read_bytes() == (PROJECT_ROOT / "deploy/terminal/kiosk.service").read_bytes()
    enabled = unit.parent / "graphical.target.wants" / "kiosk.service"
    assert enabled.is_symlink() and os.readlink(enabled) == "/etc/systemd/system/kiosk.service"
    # The config is the group's to read, nobody else's.
    config = image / "etc" / "kiosk" / "kiosk.toml"
    kiosk_gid = int(next(line for line in (image / "etc" / "group").read_text().splitlines()
                         if line.startswith("kiosk:")).split(":")[2])
    assert (config.stat().st_gid, oct(config.stat().st_mode & 0o777)) == (kiosk_gid, "0o640")
    # The kiosk installed in /opt/kiosk runs, and finds the skeleton valid.
    checked = subprocess.run([str(image / "opt/kiosk/bin/kiosk"), "check-config", str(config)],
                             capture_output=True, text=True, timeout=60)
    assert checked.stdout.strip() == "OK", checked.stderr
    # It brought its own typeface, sounds and compiled French: no checkout beside it.
    shipped = subprocess.run(
        [str(image / "opt/kiosk/bin/python"), "-c",
         "from kiosk.shipped import ASSETS; from kiosk.i18n import qm_path; "
         "print(ASSETS.relative_to(ASSETS.parents[1]), "
         "(ASSETS / 'fonts').is_dir() and (ASSETS / 'sounds').is_dir(), "
         "qm_path('fr').is_file())"],
        capture_output=True, text=True, timeout=60, cwd=image)
    assert shipped.stdout.split() == ["kiosk/assets", "True", "True"], shipped.stderr
    # The server is not on a terminal.
    server = subprocess.run([str(image / "opt/kiosk/bin/python"), "-c", "import central"],
                            capture_output=True, text=True, timeout=60, cwd=image)
    assert "No module named 'central'" in server.stderr

    before = snapshot(image)
    second = install(image, "--wheel", str(wheel))
    assert second.stdout.splitlines()[-1] == "Nothing to do: this terminal is set up."
    assert "doing:" not in second.stdout
    assert snapshot(image) == before
    again = install(image, "--wheel", str(wheel), "--dry-run")
    assert "would:" not in again.stdout


def test_a_config_already_there_is_left_as_the_technician_wrote_it(image):
    config = image / "etc" / "kiosk" / "kiosk.toml"
    config.parent.mkdir()
    config.write_text("# paris-rivoli-09, set up by hand\n")
    done = install(image, "--dry-run")
    assert "/etc/kiosk/kiosk.toml exists (left as it is)" in done.stdout
    assert "skeleton" not in done.stdout


def test_a_dry_run_on_this_machine_names_the_live_commands_and_creates_nothing():
    watched = [Path("/etc/kiosk"), Path("/opt/kiosk"), Path("/usr/local/sbin/kiosk-doctor"),
               Path("/etc/systemd/system/kiosk.service")]
    before = [path.exists() for path in watched]
    done = subprocess.run(["bash", str(INSTALL), "--dry-run"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and not done.stderr, done.stdout + done.stderr
    assert "nothing was changed" in done.stdout or "Nothing to do" in done.stdout
    if not before[-1]:     # not set up here: enabled with the live systemctl, no --root
        assert "$ systemctl --quiet enable kiosk.service" in done.stdout, done.stdout
    assert [path.exists() for path in watched] == before
