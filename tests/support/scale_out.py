"""The central server as a chain deploys it, on loopback: `central serve` processes behind a
real nginx (Debian's) with TLS, run with the site configuration of deploy/central/.

For tests/central/test_scale_out_nginx.py and benchmarks/fleet.py. Everything listens on
127.0.0.1 on free ports and lives in a directory of the caller's; nothing is left running
once `stop` returns.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from sqlalchemy import func, select

from central.db import models
from central.db.engine import Database
from central.feed import Position, encode_cursor
from kiosk.core.orders import derived_prefix, new_reference

ROOT = Path(__file__).resolve().parents[2]
SITE_CONFIG = ROOT / "deploy" / "central" / "nginx-central.conf"
STARTUP_TIMEOUT_S = 60
SKU, PRICE = "MH01-XS-Black", 5200


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made with openssl; the certificate is
    also the CA bundle a client trusts."""
    cert, key = directory / "central.crt", directory / "central.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=central",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


class ServerProcess:
    """One `central serve`, its own process group, its log in the work directory."""

    def __init__(self, workdir: Path, name: str, database_url: str, images_dir: Path,
                 workers: int = 1, extra_env: dict[str, str] | None = None) -> None:
        self.workdir, self.name = workdir, name
        self.database_url, self.images_dir, self.workers = database_url, images_dir, workers
        self.extra_env = extra_env or {}
        self.port = free_port()
        self.log = workdir / f"{name}.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = dict(os.environ, CENTRAL_DATABASE_URL=self.database_url,
                   CENTRAL_TRUSTED_PROXIES="127.0.0.1", **self.extra_env)
        env.pop("PROMETHEUS_MULTIPROC_DIR", None)       # each server makes its own
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "central", "serve", "--host", "127.0.0.1",
                 "--port", str(self.port), "--workers", str(self.workers),
                 "--images", str(self.images_dir)],
                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.workdir,
                start_new_session=True)

    def wait_ready(self) -> None:
        """Until every worker could answer: /health/ready from each, on fresh connections
        (the kernel hands a connection to whichever worker accepts first)."""
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while len(self.worker_pids()) < self.workers or not self._ready():
            assert self.process.poll() is None, f"{self.name} exited:\n{self.log.read_text()}"
            assert time.monotonic() < deadline, f"{self.name} did not start:\n" \
                                                f"{self.log.read_text()}"
            time.sleep(0.1)

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/health/ready", timeout=5) as answer:
                return answer.status == 200
        except OSError:
            return False

    def worker_pids(self) -> list[int]:
        """The processes answering requests: the workers, or the server itself alone."""
        if self.workers == 1:
            return [self.process.pid]
        found = subprocess.run(["pgrep", "-P", str(self.process.pid), "-f", "spawn_main"],
                               capture_output=True, text=True)
        return [int(pid) for pid in found.stdout.split()]

    def kill(self) -> None:
        """SIGKILL, as the out-of-memory killer or a power cut would: no clean-up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)    # any worker left behind
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)
        self.process = None


class Nginx:
    """Debian's nginx with deploy/central's site configuration, pointed at `upstreams`,
    listening with TLS on a free port of 127.0.0.1."""

    def __init__(self, workdir: Path, upstreams: list[int], worker_processes: int = 1) -> None:
        self.workdir = workdir / "nginx"
        self.upstreams, self.worker_processes = upstreams, worker_processes
        self.port, self.http_port = free_port(), free_port()
        self.cert, self.key = None, None
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def write_config(self) -> Path:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.cert, self.key = self_signed_certificate(self.workdir)
        (self.workdir / "central.conf").write_text(site_config(
            SITE_CONFIG.read_text(), self.upstreams, self.port, self.http_port, self.cert,
            self.key))
        temp = self.workdir / "temp"
        temp.mkdir(exist_ok=True)
        # As root, nginx hands requests to workers running as `nobody` unless told.
        user = "user root root;\n" if os.geteuid() == 0 else ""
        main = self.workdir / "nginx.conf"
        main.write_text(
            f"{user}worker_processes {self.worker_processes};\n"
            f"worker_rlimit_nofile 65536;\n"
            f"pid {self.workdir / 'nginx.pid'};\n"
            f"error_log {self.workdir / 'error.log'} info;\n"
            f"events {{ worker_connections 16384; }}\n"
            f"http {{\n"
            f"  access_log off;\n"
            f"  client_body_temp_path {temp / 'body'};\n"
            f"  proxy_temp_path {temp / 'proxy'};\n"
            f"  fastcgi_temp_path {temp / 'fastcgi'};\n"
            f"  uwsgi_temp_path {temp / 'uwsgi'};\n"
            f"  scgi_temp_path {temp / 'scgi'};\n"
            f"  include {self.workdir / 'central.conf'};\n"
            f"}}\n")
        return main

    def check(self) -> subprocess.CompletedProcess:
        """`nginx -t` on the configuration."""
        main = self.write_config()
        return subprocess.run(self._command(main, "-t"), capture_output=True, text=True,
                              timeout=60)

    def start(self) -> None:
        main = self.write_config()
        log = open(self.workdir / "stderr.log", "ab")     # noqa: SIM115 - kept for the process
        self.process = subprocess.Popen(self._command(main, "-g", "daemon off;"),
                                        stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                assert self.process.poll() is None, "nginx exited: " + \
                    (self.workdir / "stderr.log").read_text() + \
                    (self.workdir / "error.log").read_text()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)        # graceful: workers finish
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
        self.process = None

    def _command(self, main: Path, *extra: str) -> list[str]:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        return [nginx, "-p", str(self.workdir), "-c", str(main), "-e",
                str(self.workdir / "error.log"), *extra]


def site_config(text: str, upstreams: list[int], port: int, http_port: int, cert: Path,
                key: Path) -> str:
    """deploy/central's site, its few machine-specific lines changed for loopback. Each
    line changed must be found once: the shipped file is what is tested."""

    def once(pattern: str, replacement: str) -> None:
        nonlocal text
        text, count = re.subn(pattern, replacement.replace("\\", "\\\\"), text,
                              flags=re.MULTILINE)
        assert count == 1, f"{pattern!r} found {count} times in {SITE_CONFIG}"

    once(r"^    server 127\.0\.0\.1:8080 (.*);$",
         "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"
                   for p in upstreams))
    once(r"^    listen 80;$", f"    listen 127.0.0.1:{http_port};")
    once(r"^    listen \[::\]:80;\n", "")
    once(r"^    listen 443 ssl http2;$", f"    listen 127.0.0.1:{port} ssl http2;")
    once(r"^    listen \[::\]:443 ssl http2;\n", "")
    once(r"^    ssl_certificate /etc/ssl/central/fullchain\.pem;$",
         f"    ssl_certificate {cert};")
    once(r"^    ssl_certificate_key /etc/ssl/central/privkey\.pem;$",
         f"    ssl_certificate_key {key};")
    return text


def head_cursor(db: Database) -> str:
    """The cursor of a terminal that has read the whole feed: its polls get what changed
    since, as a terminal's polls do all day."""
    with db.reading() as session:
        seq = session.scalar(select(func.max(models.ChangeLog.seq))) or 0
        epoch = session.get(models.Meta, "epoch").value
        pruned = int(session.get(models.Meta, "pruned_through").value)
    return encode_cursor(Position(epoch, seq, pruned))


def order_body(terminal_name: str, store: str = "paris-rivoli") -> dict:
    """An order as a kiosk sends it, its reference drawn as the kiosk draws it."""
    return {
        "store_id": store, "reference": new_reference(derived_prefix(terminal_name)),
        "placed_terminal_at": "2026-11-24T15:03:12+01:00", "language": "fr",
        "customer": {"first_name": "Jeanne", "last_name": "Dupont",
                     "email": f"jeanne-{uuid.uuid4().hex[:6]}@example.fr",
                     "phone": "+33612345678",
                     "address": {"line1": "12 rue des Lilas", "line2": "",
                                 "postal_code": "69003", "city": "Lyon", "country": "FR"},
                     "instructions": ""},
        "delivery": {"method": "standard", "fee_cents": 490},
        "lines": [{"sku": SKU, "name": "Chaz Kangeroo Hoodie", "size": "XS", "color": "Black",
                   "quantity": 1, "unit_price_cents": PRICE}],
        "total_cents": PRICE + 490, "currency": "EUR",
        "consent": {"privacy_notice": "2026-01",
                    "given_terminal_at": "2026-11-24T15:02:40+01:00"}}
