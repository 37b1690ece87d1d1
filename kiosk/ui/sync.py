"""Runs the sync engine on the network worker, round after round, and reports by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk import __version__
from kiosk.core.catalog_change import EVERYTHING
from kiosk.core.config import KioskConfig
from kiosk.core.sync.client import CentralClient
from kiosk.core.sync.engine import SyncEngine, SyncStatus
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class SyncService(QObject):
    """Schedules rounds: one at a time, the next when the last one says.

    The engine lives on the network worker; its status comes back here. A rebuilt
    cache is installed by `install_cache` (given by the app, which owns the screens'
    connection) before the next round starts.
    """

    status_changed = Signal(object)   # SyncStatus
    round_started = Signal()
    round_ended = Signal()            # after status_changed, or after a failed round
    catalog_changed = Signal(object)  # CatalogChange: what the open screens may re-read

    def __init__(self, runner: TaskRunner, config: KioskConfig,
                 install_cache: Callable[[Callable[[], None]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._config = config
        self._install_cache = install_cache
        self._engine: SyncEngine | None = None
        self._running = False
        self._again = False            # asked for while a round was running
        self._stopped = False
        self.status = SyncStatus()
        self.rounds_done = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        self.sync_now()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        engine = self._engine
        if engine is not None:
            self._runner.run_network(engine.close)

    def sync_now(self) -> None:
        """A round as soon as possible (staff's "Sync now", a new order)."""
        if self._stopped:
            return
        if self._running:
            self._again = True
            engine = self._engine
            if engine is not None:       # a long pull makes way between two pages
                engine.push_waiting.set()
            return
        self._timer.stop()
        self._running = True
        self.round_started.emit()
        self._runner.run_network(self._round, self._on_round_done, self._on_round_failed)

    @property
    def running(self) -> bool:
        """A round is under way (or asked for and waiting for the network worker)."""
        return self._running

    def _round(self) -> SyncStatus:
        # On the network worker: the engine and its connections are made and used there.
        if self._engine is None:
            self._engine = self._make_engine()
        return self._engine.run_round()

    def _make_engine(self) -> SyncEngine:
        config = self._config
        client = CentralClient(config.central_url, config.read_token() or "",
                               ca_bundle=config.ca_bundle)
        return SyncEngine(config.data_dir, client, version=__version__,
                          interval_s=config.sync_interval_seconds,
                          purge_after=timedelta(days=config.purge_order_details_after_days),
                          images_dir=config.images_dir)

    def _on_round_done(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
        if status.change and not status.rebuilt_cache_ready:
            self.catalog_changed.emit(status.change)
        if status.rebuilt_cache_ready:
            # Nothing else runs on the network worker meanwhile: the next round is only
            # scheduled once the new cache is in place.
            self._install_cache(self._after_install)
            return
        self._schedule(status.next_round_in_s)

    def _after_install(self) -> None:
        self.catalog_changed.emit(EVERYTHING)
        self._schedule(0)

    def _on_round_failed(self, error: BaseException) -> None:
        # A bug or a disk problem, not the network: log it and try again later.
        log.error("sync round failed", exc_info=error)
        self._schedule(self._config.sync_interval_seconds)

    def _schedule(self, delay_s: float) -> None:
        self._running = False
        self.rounds_done += 1
        self.round_ended.emit()
        if self._stopped:
            return
        if self._again:
            self._again = False
            delay_s = 0
        self._timer.start(int(delay_s * 1000))
