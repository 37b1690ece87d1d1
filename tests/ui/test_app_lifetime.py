"""What a terminal keeps over weeks of shoppers, and what its first screen waits for.

Counts objects, never time or memory figures: benchmarks/app_shell.py prints those.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# Run in a fresh interpreter: the test process has imported everything long before.
FIRST_SCREEN = """
import sys, time
from PySide6.QtWidgets import QApplication
from kiosk.core.config import load_config
from kiosk.ui.app import PRELOADED_MODULES, KioskApp

NOT_FOR_THE_FIRST_SCREEN = (*PRELOADED_MODULES, "kiosk.core.validation", "phonenumbers",
                            "email_validator", "pydantic_core", "importlib.metadata",
                            "PySide6.QtMultimedia")

def loaded():
    return sorted(name for name in NOT_FOR_THE_FIRST_SCREEN if name in sys.modules)

app = QApplication([])
kiosk = KioskApp(app, load_config(sys.argv[1]), windowed=True)
give_up = time.monotonic() + 60
while not kiosk.settled() and time.monotonic() < give_up:
    app.processEvents()
    time.sleep(0.01)
print("painted", kiosk.settled(), *loaded())
while not set(PRELOADED_MODULES) <= set(loaded()) and time.monotonic() < give_up:
    app.processEvents()
    time.sleep(0.01)
print("later", *loaded())
kiosk.shutdown()
"""


def test_the_first_screen_is_painted_before_the_rest_of_the_app_is_loaded(
        tmp_path, demo_config):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(tmp_path / "kiosk.toml")],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()}
    assert lines["painted"] == ["True"], result.stderr
    # Then, off the GUI thread, the screens a shopper opens next.
    assert set(lines["later"]) >= {"kiosk.ui.screens.product", "kiosk.ui.screens.review",
                                   "kiosk.ui.admin.panel", "kiosk.core.validation"}
