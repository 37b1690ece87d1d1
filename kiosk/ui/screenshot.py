"""A screenshot of the kiosk once it has settled (`--screenshot`), after which it exits."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp

log = logging.getLogger(__name__)

SCREENSHOT_MAX_WAIT_S = 8.0
POLL_MS = 200


def take_screenshot_when_settled(kiosk: KioskApp, path: Path) -> None:
    started = time.monotonic()
    calm_polls = 0

    def attempt() -> None:
        nonlocal calm_polls
        # Two calm polls in a row: the screen has painted and asked for its images.
        calm_polls = calm_polls + 1 if kiosk.settled() else 0
        if calm_polls >= 2 or time.monotonic() - started > SCREENSHOT_MAX_WAIT_S:
            timer.stop()
            screen = QGuiApplication.primaryScreen()
            image = screen.grabWindow(0) if screen else kiosk.window.grab()
            if image.isNull():
                image = kiosk.window.grab()
            image.save(str(path))
            log.info("screenshot written to %s", path)
            # exit(), not quit(): quit() asks the windows, and the kiosk window says no.
            kiosk.app.exit(0)

    timer = QTimer(kiosk.app)
    timer.timeout.connect(attempt)
    timer.start(POLL_MS)
