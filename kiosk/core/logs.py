"""Logging to rotating files in the configured log directory, and to stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "kiosk.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                        backupCount=BACKUPS, encoding="utf-8")
    file_handler.setFormatter(formatter)
    console = logging.StreamHandler()
    console.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [file_handler, console]
    root.setLevel(level)
    return path
