"""Show the "Still there?" warning as the app does, so that it plays its chime, and exit
once the chime has played (status 0), or say why not (status 1). Run in a process of its
own: Qt's multimedia finds its sound server (PULSE_SERVER) once per process.

    python tests/support/play_chime.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtMultimedia import QSoundEffect  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kiosk.ui.idle import StillThereOverlay  # noqa: E402
from kiosk.ui.theme import Theme  # noqa: E402

TIMEOUT_MS = 15_000


def main() -> int:
    app = QApplication([])
    window = QWidget()
    window.resize(540, 960)
    overlay = StillThereOverlay(Theme(), window)
    overlay.show_countdown(20)
    chime = overlay.findChild(QSoundEffect)
    if chime is None:
        print("the warning made no sound effect", file=sys.stderr)
        return 1
    played = []

    def watch() -> None:
        if chime.isPlaying():
            played.append(True)
        elif played or chime.status() == QSoundEffect.Status.Error:
            app.quit()

    timer = QTimer(interval=10, timeout=watch)
    timer.start()
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    if not played:
        print(f"the chime did not play within {TIMEOUT_MS} ms (status {chime.status().name})",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
