"""`kiosk doctor`: what a technician checks on a terminal, one line each.

Each check says ok, warn or fail with its reason; the exit status tells scripts the worst
(0 all ok, 1 a warning, 2 a failure). Nothing here writes: the databases are opened read
only, and the server is asked for one page of changes, which changes nothing there.
Stdlib and requests only, no Qt: the doctor must run where the kiosk's screen does not.
"""

from __future__ import annotations

import email.utils
import glob
import importlib.util
import os
import shutil
import socket
import sqlite3
import stat
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from kiosk.core.config import ConfigError, KioskConfig, load_config

OK, WARN, FAIL = "ok", "warn", "fail"
EXIT_STATUS = {OK: 0, WARN: 1, FAIL: 2}

# Free space under the data directory: a first sync writes the catalog and its images.
DISK_FAIL_BYTES = 200 * 1024**2
DISK_WARN_BYTES = 1024**3
# The server's Date header counts whole seconds; past a few minutes, stock ages, order
# times and TLS certificate dates are read wrong.
DRIFT_WARN_S = 10.0
DRIFT_FAIL_S = 300.0
SERVER_TIMEOUT_S = 10.0
SPEECHD_PLUGIN = "libqtexttospeech_speechd.so"


@dataclass(frozen=True)
class Finding:
    check: str
    level: str      # OK, WARN or FAIL
    reason: str

    def __str__(self) -> str:
        return f"{self.level:<4}  {self.check:<11} {self.reason}"


@dataclass(frozen=True)
class Limits:
    disk_fail_bytes: int = DISK_FAIL_BYTES
    disk_warn_bytes: int = DISK_WARN_BYTES
    drift_warn_s: float = DRIFT_WARN_S
    drift_fail_s: float = DRIFT_FAIL_S


def examine(config_path: Path, environ: Mapping[str, str] = os.environ,
            limits: Limits = Limits(),
            now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> list[Finding]:
    """Every check, in the order a technician reads them. A config that does not load
    stops there: the others need it."""
    try:
        config = load_config(config_path)
    except ConfigError as error:
        first = error.problems[0]
        more = f" (and {len(error.problems) - 1} more: kiosk check-config {config_path})" \
            if len(error.problems) > 1 else ""
        return [Finding("config", FAIL, f"{first}{more}")]
    findings = [Finding("config", OK, f"{config_path} is valid")]
    findings.append(check_database(config.data_dir / "cache.db", "cache.db",
                                   absent="absent: the kiosk rebuilds it at the next sync"))
    findings.append(check_database(config.data_dir / "journal.db", "journal.db",
                                   absent="absent: the kiosk makes it at its first start"))
    findings += check_server(config, limits, now)
    findings.append(check_disk(config.data_dir, limits))
    findings.append(check_display(environ))
    findings.append(check_speech(config.speech_engine, environ))
    findings.append(check_scanner(config.scanner_device))
    return findings


def exit_status(findings: list[Finding]) -> int:
    return max(EXIT_STATUS[finding.level] for finding in findings)


def check_database(path: Path, name: str, *, absent: str) -> Finding:
    if not path.exists():
        return Finding(name, WARN, f"{path}: {absent}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as error:
        return Finding(name, FAIL, f"{path}: {error}")
    if rows != ["ok"]:
        more = f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""
        return Finding(name, FAIL, f"{path}: quick_check: {rows[0]}{more}")
    return Finding(name, OK, f"{path}: quick_check ok")


def check_server(config: KioskConfig, limits: Limits,
                 now: Callable[[], datetime]) -> list[Finding]:
    """The server and the token in one request, and the clock from its Date header."""
    if not config.central_url:
        return [Finding("server", OK, "none configured: the terminal runs on its cache"),
                Finding("clock", OK, "not compared: no central server")]
    import requests  # only here: the HTTP stack takes a while to load

    url = config.central_url.rstrip("/")
    not_measured = Finding("clock", WARN, "not compared: the server did not answer")
    try:
        token = config.read_token()
    except OSError as error:
        return [Finding("server", FAIL, f"cannot read token file {config.token_file}: "
                                        f"{error.strerror}"), not_measured]
    headers = {"User-Agent": "kiosk-doctor"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    sent = now()
    started = time.monotonic()
    try:
        response = requests.get(f"{url}/v1/changes", params={"limit": 1}, headers=headers,
                                timeout=SERVER_TIMEOUT_S,
                                verify=str(config.ca_bundle) if config.ca_bundle else True)
    except requests.RequestException as error:
        return [Finding("server", FAIL, f"{url} unreachable: {type(error).__name__}: "
                                        f"{str(error)[:300]}"), not_measured]
    took_ms = (time.monotonic() - started) * 1000
    if response.status_code in (401, 403):
        server = Finding("server", FAIL, f"{url} refuses this terminal's token "
                                         f"(HTTP {response.status_code})")
    elif response.status_code != 200:
        server = Finding("server", FAIL, f"{url} answered HTTP {response.status_code}")
    else:
        server = Finding("server", OK, f"{url} reachable, token accepted ({took_ms:.0f} ms)")
    return [server, _clock_finding(response.headers.get("Date"), sent, took_ms, limits)]


def _clock_finding(date_header: str | None, sent: datetime, took_ms: float,
                   limits: Limits) -> Finding:
    try:
        server_time = email.utils.parsedate_to_datetime(date_header or "")
    except (TypeError, ValueError):
        return Finding("clock", WARN, "not compared: the server sent no Date header")
    # The server read its clock somewhere during the request: compare with the middle.
    local = sent.timestamp() + took_ms / 2000
    drift = local - server_time.timestamp() - 0.5     # the header drops the fraction
    words = f"{abs(drift):.0f} s {'ahead of' if drift > 0 else 'behind'} the server"
    if abs(drift) > limits.drift_fail_s:
        return Finding("clock", FAIL, f"{words}: set the time (is NTP on?)")
    if abs(drift) > limits.drift_warn_s:
        return Finding("clock", WARN, f"{words}: check NTP")
    return Finding("clock", OK, f"within {limits.drift_warn_s:.0f} s of the server")


def check_disk(data_dir: Path, limits: Limits) -> Finding:
    where = data_dir if data_dir.exists() else _existing_parent(data_dir)
    free = shutil.disk_usage(where).free
    words = f"{free / 1024**3:.1f} GiB free under {where}"
    if free < limits.disk_fail_bytes:
        return Finding("disk", FAIL, f"{words}, under {limits.disk_fail_bytes // 1024**2} MiB")
    if free < limits.disk_warn_bytes:
        return Finding("disk", WARN, f"{words}, under {limits.disk_warn_bytes // 1024**2} MiB")
    return Finding("disk", OK, words)


def check_display(environ: Mapping[str, str]) -> Finding:
    """Whether the display the kiosk would open answers: Wayland's socket (cage's), else
    an X server's."""
    if wayland := environ.get("WAYLAND_DISPLAY"):
        runtime = environ.get("XDG_RUNTIME_DIR", "")
        path = wayland if wayland.startswith("/") else os.path.join(runtime, wayland)
        return _connect("display", path, f"Wayland {path}")
    if x_display := environ.get("DISPLAY"):
        number = x_display.rpartition(":")[2].split(".")[0]
        if x_display.startswith(":") and number.isdigit():
            return _connect("display", f"/tmp/.X11-unix/X{number}", f"X display {x_display}")
        return Finding("display", WARN, f"X display {x_display} is remote: not checked")
    return Finding("display", FAIL, "none: WAYLAND_DISPLAY and DISPLAY are unset (run as the "
                                    "kiosk's user in its session: kiosk-doctor)")


def _connect(check: str, path: str, name: str) -> Finding:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(2)
        try:
            probe.connect(path)
        except OSError as error:
            return Finding(check, FAIL, f"{name} does not answer: {error.strerror or error}")
    return Finding(check, OK, f"{name} answers")


def check_speech(engine: str, environ: Mapping[str, str]) -> Finding:
    if engine == "mock":
        return Finding("speech", WARN, "Qt's mock engine (for tests): shoppers hear nothing")
    missing = []
    if not _qt_plugin(SPEECHD_PLUGIN):
        missing.append(f"Qt's speech-dispatcher plugin ({SPEECHD_PLUGIN})")
    if not shutil.which("speech-dispatcher", path=environ.get("PATH", os.defpath) +
                        ":/usr/bin:/usr/sbin"):
        missing.append("speech-dispatcher (Debian package speech-dispatcher)")
    if not any(glob.glob(f"{lib}/speech-dispatcher-modules/sd_espeak-ng")
               for lib in ("/usr/lib", "/usr/lib/*")):
        missing.append("its espeak-ng voice (Debian package speech-dispatcher-espeak-ng)")
    if missing:
        return Finding("speech", FAIL, "missing: " + "; ".join(missing))
    return Finding("speech", OK, "speech-dispatcher with espeak-ng")


def _qt_plugin(name: str) -> bool:
    # Found on disk, not by loading Qt.
    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "Qt" / "plugins" / "texttospeech" / name).exists():
            return True
    return False


def check_scanner(device: Path | None) -> Finding:
    if device is None:
        return Finding("scanner", OK, "no device configured (a keyboard-wedge scanner types)")
    try:
        mode = device.stat().st_mode
    except OSError as error:
        return Finding("scanner", FAIL, f"{device}: {error.strerror}: plugged in?")
    if not stat.S_ISCHR(mode):
        return Finding("scanner", FAIL, f"{device} is not a device")
    return Finding("scanner", OK, f"{device} present")


def _existing_parent(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path
