"""The four distributions keep to their layers (pyproject.toml, [tool.importlinter]): the
terminal's core without Qt, no terminal code in the server, a contract that needs only
the standard library, and the demo tools out of both runtimes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_import_keeps_to_the_declared_layers():
    done = subprocess.run([str(Path(sys.executable).with_name("lint-imports"))],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 kept, 0 broken" in done.stdout, done.stdout


def _modules_loaded_by(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", code + "\nimport sys\n"
                           "print(' '.join(name.split('.')[0] for name in sys.modules))"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    return set(done.stdout.split())


def test_a_running_server_loads_no_terminal_code_and_no_qt():
    # What the static check cannot see: imports made by name while the app is built.
    loaded = _modules_loaded_by("from central.app import create_app\n"
                                "from central.settings import Settings\n"
                                "create_app(Settings('sqlite://'))")
    assert "central" in loaded and "kiosk_contract" in loaded
    assert not loaded & {"kiosk", "kiosk_demo", "PySide6"}


def test_the_terminal_syncing_loads_no_server_code():
    loaded = _modules_loaded_by("import kiosk.core.sync.engine, kiosk.core.config")
    assert "kiosk" in loaded and "kiosk_contract" in loaded
    assert not loaded & {"central", "kiosk_demo", "fastapi", "sqlalchemy"}
