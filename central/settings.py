"""Everything the server is told at start, in one object."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///./central.db"
# The most change records a page of the feed may hold (the contract's maximum `limit`).
MAX_PAGE = 10_000


def database_url_from_env() -> str:
    return os.environ.get("CENTRAL_DATABASE_URL", DEFAULT_DATABASE_URL)


@dataclass(frozen=True)
class Settings:
    database_url: str
    images_dir: Path | None = None
    max_body_bytes: int = 1024 * 1024
    # Deletions older than this may be pruned; terminals further behind start again.
    tombstone_retention_days: int = 30
    max_page: int = MAX_PAGE
