"""A real central server in a subprocess, on loopback, for the end-to-end sync tests."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path

STARTUP_TIMEOUT_S = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CentralServer:
    """`central` run as the chain would run it: its CLI, its database, its own process."""

    def __init__(self, workdir: Path, database_url: str, images_dir: Path,
                 settings: dict[str, str] | None = None) -> None:
        self.workdir, self.database_url, self.images_dir = workdir, database_url, images_dir
        self.settings = settings or {}      # more of its environment: CENTRAL_SMTP_HOST...
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "central", *args], capture_output=True,
                              text=True, env=self._env(), cwd=self.workdir, timeout=300)
        assert done.returncode == 0, f"central {' '.join(args)} failed:\n{done.stderr}"
        return done.stdout

    def seed_demo(self, luma_dir: Path) -> str:
        """The Luma demo chain in this server's database (the demo tools, not the server)."""
        done = subprocess.run([sys.executable, "-m", "kiosk_demo.cli", "seed-central",
                               "--luma", str(luma_dir)], capture_output=True, text=True,
                              env=self._env(), cwd=self.workdir, timeout=300)
        assert done.returncode == 0, f"kiosk-demo seed-central failed:\n{done.stderr}"
        return done.stdout

    def add_terminal(self, name: str, store: str = "paris-rivoli") -> Path:
        token_file = self.workdir / f"{name}.token"
        self.cli("terminals", "add", "--store", store, "--name", name,
                 "--token-file", str(token_file))
        return token_file

    def start(self) -> None:
        log = open(self.workdir / "server.log", "ab")   # noqa: SIM115 - kept for the process
        self.process = subprocess.Popen(
            [sys.executable, "-m", "central", "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--images", str(self.images_dir)],
            stdout=log, stderr=log, env=self._env(), cwd=self.workdir)
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/openapi.json", timeout=1)
                return
            except OSError:
                assert self.process.poll() is None, "the central server exited at start"
                assert time.monotonic() < deadline, "the central server did not start"
                time.sleep(0.05)

    def stop(self, *, kill: bool = False) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            self.process.wait(timeout=20)
        self.process = None

    def _env(self) -> dict[str, str]:
        return dict(os.environ, CENTRAL_DATABASE_URL=self.database_url, **self.settings)


def orders_on_server(central: CentralServer, terminal_name: str) -> dict[str, list[tuple]]:
    """The orders the server holds from one terminal, by idempotency key, with their
    lines as (sku, quantity, unit price)."""
    database = central.database_url.removeprefix("sqlite:///")
    # closing(): a connection's own `with` commits but leaves it open.
    with closing(sqlite3.connect(database)) as conn:
        orders = conn.execute(
            "SELECT o.id, o.idempotency_key FROM orders o JOIN terminals t "
            "ON t.id = o.terminal_id WHERE t.name = ?", (terminal_name,)).fetchall()
        return {key: conn.execute(
            "SELECT sku, quantity, unit_price_cents FROM order_lines WHERE order_id = ? "
            "ORDER BY position", (order_id,)).fetchall() for order_id, key in orders}
