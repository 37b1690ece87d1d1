"""The heartbeat file a watchdog looks at: touched every few seconds while the kiosk runs,
by a worker, never by the GUI thread."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

HEARTBEAT_MS = 5000
HEARTBEAT_FILE = "heartbeat"


class Heartbeat(QObject):
    def __init__(self, runner: TaskRunner, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.path = data_dir / HEARTBEAT_FILE
        self._failing = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        self._timer.start(HEARTBEAT_MS)
        self.beat()

    def stop(self) -> None:
        self._timer.stop()

    def beat(self) -> None:
        self._runner.run_compute(self.path.touch, on_done=self._on_written,
                                 on_error=self._on_error)

    def _on_written(self, _result: None) -> None:
        if self._failing:
            log.info("the heartbeat file is written again")
        self._failing = False

    def _on_error(self, error: BaseException) -> None:
        # Said once per failing streak: a watchdog will restart us, and the log says why.
        if not self._failing:
            log.warning("cannot touch the heartbeat file: %s", error)
        self._failing = True
