"""Compile each kiosk_<lang>.ts into its .qm when the source is newer (run by set-up)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.i18n import I18N_DIR


def lrelease_command() -> list[str]:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    found = beside_python if beside_python.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: is PySide6-Essentials installed?")
    return [str(found)]


def build() -> int:
    for source in sorted(I18N_DIR.glob("kiosk_*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([*lrelease_command(), "-silent", str(source), "-qm", str(target)],
                       check=True)
    return 0


if __name__ == "__main__":
    sys.exit(build())
