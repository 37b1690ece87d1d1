"""The stock of one variant in every store, asked of the central server while a shopper
looks at it.

The service owns a `CentralClient` of its own, made and used only on the runner's live
worker: a requests session is not shared between threads, and sync's client is busy on
the network worker with rounds that can last long. A screen waits for the answer only as
long as the config says; the client's own timeout is set to the same, so the live worker
is free again soon after the screen has given up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject

from kiosk.core.config import KioskConfig
from kiosk.core.store_stock import LiveFigure, live_figures
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class LiveStockUnavailable(Exception):
    """No live figures this time: the server did not answer well, or a newer question
    took this one's place."""


class LiveStock:
    def __init__(self, runner: TaskRunner, config: KioskConfig,
                 offline: Callable[[], bool] = lambda: False) -> None:
        self._runner = runner
        self._config = config
        self._offline = offline        # what sync last found; read on the GUI thread
        self._client = None            # made on the live worker, at the first question
        self._asked = 0                # the latest question's number

    @property
    def timeout_s(self) -> float:
        return self._config.live_stock_timeout_seconds

    def can_ask(self) -> bool:
        """Worth asking: a server is configured and sync has not just found it unreachable."""
        return bool(self._config.central_url) and not self._offline()

    def fetch(self, owner: QObject, variant_sku: str,
              on_done: Callable[[dict[str, LiveFigure]], None],
              on_failed: Callable[[BaseException], None]) -> None:
        """Ask for the live figures; the answer reaches `owner`'s callbacks on the GUI
        thread only if `owner` still exists."""
        self._asked += 1
        number = self._asked

        def work() -> dict[str, LiveFigure]:
            # A question that waited behind a slow one is stale if another came since:
            # its screen has given up, and the newer one should not wait longer.
            if number != self._asked:
                raise LiveStockUnavailable("a newer question took its place")
            return self._ask(variant_sku)

        def done(figures: dict[str, LiveFigure]) -> None:
            if shiboken6.isValid(owner):
                on_done(figures)

        def failed(error: BaseException) -> None:
            log.info("no live stock for %s: %s", variant_sku, error)
            if shiboken6.isValid(owner):
                on_failed(error)

        self._runner.run_live(work, done, failed, waited=True)

    def close(self) -> None:
        self._runner.run_live(self._close_client)

    def _ask(self, variant_sku: str) -> dict[str, LiveFigure]:
        # On the live worker.
        from kiosk.core.sync.client import Verdict

        client = self._client or self._make_client()
        answer = client.stock(variant_sku, self.timeout_s)
        if answer.verdict is not Verdict.OK:
            raise LiveStockUnavailable(answer.reason or answer.verdict.value)
        return live_figures(answer.body, variant_sku)

    def _make_client(self):
        # Imported here: the HTTP stack is loaded off the GUI thread, and only when needed.
        from kiosk.core.sync.client import CentralClient

        config = self._config
        self._client = CentralClient(config.central_url, config.read_token() or "",
                                     ca_bundle=config.ca_bundle,
                                     total_timeout_s=self.timeout_s)
        return self._client

    def _close_client(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
