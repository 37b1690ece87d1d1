"""What happens to an error no code caught: it is logged, the shopper reads one sentence,
and the kiosk starts again from the attract screen, alive."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)

ERROR_MESSAGE_MS = 4000


class CrashRecovery:
    def __init__(self, window: QWidget, start_again: Callable[[], None]) -> None:
        self._window = window
        self._start_again = start_again
        self.error_message = QLabel(window, objectName="ErrorMessage")
        self.error_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_message.setWordWrap(True)
        self.error_message.hide()

    def install(self) -> None:
        sys.excepthook = self._on_unexpected_error

    def uninstall(self) -> None:
        if sys.excepthook == self._on_unexpected_error:
            sys.excepthook = sys.__excepthook__

    def _on_unexpected_error(self, kind: type[BaseException], error: BaseException,
                             trace: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self.error_message.isVisible():
            return   # already starting again
        self.error_message.setText(QCoreApplication.translate(
            "KioskApp", "Sorry, something went wrong. The kiosk is starting again."))
        self.error_message.setAccessibleName(self.error_message.text())
        self.error_message.setGeometry(self._window.rect())
        self.error_message.show()
        self.error_message.raise_()
        QTimer.singleShot(ERROR_MESSAGE_MS, self._recover)

    def _recover(self) -> None:
        self.error_message.hide()
        self._start_again()
