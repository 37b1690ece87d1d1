"""`kiosk doctor` on a terminal of the demo chain, against the real central server: one
line per check, and an exit status scripts can rely on."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.core.doctor import FAIL, OK, WARN, Limits, examine, exit_status

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def display(tmp_path):
    """A listening Wayland socket where the kiosk's user would find cage's."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(str(runtime / "wayland-1"))
        listener.listen()
        yield {"XDG_RUNTIME_DIR": str(runtime), "WAYLAND_DISPLAY": "wayland-1",
               "PATH": os.environ.get("PATH", "")}


def configure(path: Path, central, token_file: Path | None, *, engine: str = "speechd",
              scanner: str = "") -> Path:
    """The test terminal's config, pointed at the server, with a real voice engine."""
    text = path.read_text(encoding="utf-8").replace('speech_engine = "mock"',
                                                    f'speech_engine = "{engine}"')
    if central is not None:
        text += f'[central]\nurl = "{central.url}"\ntoken_file = "{token_file}"\n'
    text += f'[scanner]\ndevice = "{scanner}"\n'
    path.write_text(text, encoding="utf-8")
    return path


def by_check(findings) -> dict[str, tuple[str, str]]:
    return {finding.check: (finding.level, finding.reason) for finding in findings}


def test_a_sound_terminal_is_all_ok_and_exits_0(central, terminal_config_file, display):
    token_file = central.add_terminal("doctor-good")
    config = configure(terminal_config_file, central, token_file, scanner="/dev/null")
    data_dir = terminal_config_file.parent / "data"
    subprocess.run([sys.executable, "-c", f"from kiosk.core.db.journal import open_journal;"
                    f"from pathlib import Path; open_journal(Path({str(data_dir)!r}))"],
                   check=True, cwd=PROJECT_ROOT)
    findings = examine(config, display)
    assert [f.check for f in findings] == ["config", "cache.db", "journal.db", "server",
                                           "clock", "disk", "display", "speech", "scanner"]
    assert {f.level for f in findings} == {OK}, "\n".join(map(str, findings))
    assert "token accepted" in by_check(findings)["server"][1]
    assert exit_status(findings) == 0

    done = subprocess.run([sys.executable, "-m", "kiosk.cli", "doctor", "--config", str(config)],
                          capture_output=True, text=True, cwd=PROJECT_ROOT,
                          env={**os.environ, **display}, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 9 and all(line.startswith("ok ") for line in lines), done.stdout


def test_a_refused_token_fails_the_server_check(central, terminal_config_file, display):
    token_file = terminal_config_file.parent / "stolen.token"
    token_file.write_text("not-a-token-the-server-gave\n", encoding="utf-8")
    findings = by_check(examine(configure(terminal_config_file, central, token_file),
                                display))
    assert findings["server"][0] == FAIL
    assert "refuses this terminal's token (HTTP 401)" in findings["server"][1]
    # The server answered, so its clock was read all the same.
    assert findings["clock"][0] == OK


def test_a_corrupt_cache_fails_its_check_and_exits_2(central, terminal_config_file, display):
    token_file = central.add_terminal("doctor-corrupt")
    config = configure(terminal_config_file, central, token_file)
    cache = terminal_config_file.parent / "data" / "cache.db"
    with cache.open("r+b") as file:       # scribble over pages past the header
        file.seek(8192)
        file.write(b"\xff" * 16384)
    findings = examine(config, display)
    level, reason = by_check(findings)["cache.db"]
    assert level == FAIL and str(cache) in reason, reason
    assert exit_status(findings) == 2


def test_an_unreachable_server_fails_and_the_clock_is_not_compared(
        terminal_config_file, display, tmp_path):
    with socket.socket() as probe:    # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        nowhere = SimpleNamespace(url=f"http://127.0.0.1:{probe.getsockname()[1]}")
    token_file = tmp_path / "token"
    token_file.write_text("t\n", encoding="utf-8")
    findings = by_check(examine(configure(terminal_config_file, nowhere, token_file),
                                display))
    assert findings["server"][0] == FAIL and "unreachable" in findings["server"][1]
    assert findings["clock"][0] == WARN


def test_a_terminal_clock_far_off_the_servers_warns_then_fails(central, terminal_config_file,
                                                               display):
    token_file = central.add_terminal("doctor-clock")
    config = configure(terminal_config_file, central, token_file)

    def minutes_ahead(minutes: float):
        return lambda: datetime.now(timezone.utc) + timedelta(minutes=minutes)

    assert by_check(examine(config, display, now=minutes_ahead(2)))["clock"][:1] == (WARN,)
    level, reason = by_check(examine(config, display, now=minutes_ahead(-20)))["clock"]
    assert level == FAIL and "behind the server" in reason


def test_disk_display_speech_and_scanner_say_what_is_wrong(terminal_config_file, tmp_path):
    config = configure(terminal_config_file, None, None, engine="mock",
                       scanner=str(tmp_path / "no-scanner"))
    findings = by_check(examine(config, {"PATH": ""}, Limits(disk_fail_bytes=2**62)))
    assert findings["disk"][0] == FAIL
    assert findings["display"][0] == FAIL and "WAYLAND_DISPLAY" in findings["display"][1]
    assert findings["speech"][0] == WARN and "mock" in findings["speech"][1]
    assert findings["scanner"][0] == FAIL and "no-scanner" in findings["scanner"][1]
    gone = by_check(examine(config, {"WAYLAND_DISPLAY": str(tmp_path / "wayland-9")}))
    assert gone["display"][0] == FAIL and "does not answer" in gone["display"][1]


def test_a_config_with_problems_stops_the_doctor_at_the_first_line(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('[terminal]\nstore_id = "Bad Id"\n', encoding="utf-8")
    findings = examine(path, {})
    assert len(findings) == 1 and findings[0].level == FAIL
    assert "terminal.store_id" in findings[0].reason and "more" in findings[0].reason
    assert exit_status(findings) == 2
