"""Open the kiosk's Speech on speech-dispatcher (SPEECHD_ADDRESS), ask it to speak, and
count the GUI thread's timer ticks meanwhile. Exit 0 once TICKS ticks came while the
engine was still opening: the GUI thread ran on. Exit 2 if the engine answered (the test
wanted it hung). A frozen GUI thread never exits: the caller's timeout tells.

    python tests/support/gui_while_speech_hangs.py CONFIG_PATH
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from kiosk.core.config import load_config  # noqa: E402
from kiosk.ui.speech import Speech  # noqa: E402

TICKS = 100
TICK_MS = 10


def main() -> None:
    app = QCoreApplication([])
    speech = Speech(load_config(sys.argv[1]))
    speech.set_enabled(True)
    speech.say("Bonjour")
    ticks = []

    def tick() -> None:
        ticks.append(True)
        if speech.available is not None:
            print(f"the engine answered (available: {speech.available})", flush=True)
            os._exit(2)
        if len(ticks) >= TICKS:
            print(f"{TICKS} ticks while the engine was opening", flush=True)
            # The speech thread is stuck in speech-dispatcher's plugin: no clean way out.
            os._exit(0)

    timer = QTimer(timeout=tick)
    timer.start(TICK_MS)
    app.exec()


if __name__ == "__main__":
    main()
