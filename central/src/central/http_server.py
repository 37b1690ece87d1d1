"""uvicorn, as `central serve` runs it.

- `workers` processes share one listening socket; uvicorn's supervisor starts a new one
  when one dies. Each worker builds its own app from the environment (the command's
  options are put there first): nothing a request leaves behind lives in a worker, so
  any of them, or of another machine's, may answer the next request (central/limits.py,
  central/staff_sessions.py, the orders' Idempotency-Key).
- Metrics are added up over the workers through files in a directory of their own
  (central/metrics.py): `PROMETHEUS_MULTIPROC_DIR` if IT sets it, else a temporary one.
- The client's address is the connection's peer: uvicorn's own reading of
  X-Forwarded-For (which it believes from 127.0.0.1 by default) is off, and the server
  reads it itself, from the proxies IT listed only (central/api/clients.py).
- A request's head (its line and headers) must arrive whole within a time limit, counted
  from the connection opening or from the previous answer on it: uvicorn's keep-alive
  timeout alone stops counting at the first byte, so a client that sends a header a
  minute would hold a connection open for ever.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from central.settings import (
    IMAGES_DIR_ENV,
    Settings,
    database_url_from_env,
    images_dir_from_env,
    settings_from_env,
)

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# How long a worker may take to answer its supervisor before it is replaced: starting,
# it imports for seconds (uvicorn's 5 s got workers on a busy machine killed at birth).
WORKER_HEALTHCHECK_TIMEOUT_S = 30
# As central.metrics names it; not imported from there, which imports prometheus-client.
_METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
_METRICS_DIR_PREFIX = "central-metrics-"


def serve(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    # The workers read their settings as `app_from_environment` does; the parent's own
    # environment is what they start with.
    os.environ["CENTRAL_DATABASE_URL"] = settings.database_url
    if settings.images_dir is not None:
        os.environ[IMAGES_DIR_ENV] = str(settings.images_dir)
    with _metrics_directory() as metrics_dir:
        os.environ[_METRICS_DIR_ENV] = str(metrics_dir)
        uvicorn.run("central.http_server:app_from_environment", factory=True, host=host,
                    port=port, workers=workers, log_level="info", http=HeadTimeoutProtocol,
                    proxy_headers=False, timeout_keep_alive=settings.keep_alive_timeout_s,
                    timeout_worker_healthcheck=WORKER_HEALTHCHECK_TIMEOUT_S)


def app_from_environment() -> FastAPI:
    """The app of one worker (uvicorn calls it in each)."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # Imported here, not with this module: prometheus-client decides at its import whether
    # counts go to the shared directory, which `serve` names first.
    from prometheus_client import values

    from central.app import create_app

    if values.ValueClass is values.MutexValue:
        raise RuntimeError("prometheus-client was imported before PROMETHEUS_MULTIPROC_DIR "
                           "was set: the workers' counts would not be added up")

    settings = settings_from_env(database_url_from_env(), images_dir_from_env())
    HeadTimeoutProtocol.head_timeout_s = settings.header_timeout_s
    app = create_app(settings)
    # What start-up made (modules, the app, SQLAlchemy's and pydantic's structures) lives
    # as long as the process: out of the collector's sight, it is no longer walked at
    # every full collection, which pages of thousands of records trigger often.
    gc.freeze()
    return app


@contextmanager
def _metrics_directory() -> Iterator[Path]:
    """The directory the workers' counts go to, emptied: a server started again starts
    counting from zero, as Prometheus expects of a restarted target."""
    given = os.environ.get(_METRICS_DIR_ENV, "").strip()
    if given:
        directory = Path(given)
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.db"):
            stale.unlink()
        yield directory
        return
    _remove_orphans()
    directory = Path(tempfile.mkdtemp(prefix=f"{_METRICS_DIR_PREFIX}{os.getpid()}-"))
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _remove_orphans() -> None:
    """The temporary directories of servers that were killed (SIGKILL leaves them)."""
    for directory in Path(tempfile.gettempdir()).glob(f"{_METRICS_DIR_PREFIX}*-*"):
        pid = directory.name.removeprefix(_METRICS_DIR_PREFIX).partition("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(directory, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True         # someone else's
    return True


class HeadTimeoutProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing connections whose request head is late."""

    head_timeout_s = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._await_head()

    def handle_events(self) -> None:
        super().handle_events()
        # IDLE: the head of the next request has not all arrived yet.
        if self.conn.their_state is not h11.IDLE and self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        super().connection_lost(exc)

    def _await_head(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        self._head_deadline = self.loop.call_later(self.head_timeout_s, self._head_late)

    def _head_late(self) -> None:
        self._head_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()
