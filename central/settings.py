"""Everything the server is told at start, in one object."""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///./central.db"
# The most change records a page of the feed may hold (the contract's maximum `limit`).
MAX_PAGE = 10_000
DEFAULT_PRICE_TOLERANCE_PERCENT = Decimal(5)


def database_url_from_env() -> str:
    return os.environ.get("CENTRAL_DATABASE_URL", DEFAULT_DATABASE_URL)


def price_tolerance_from_env() -> Decimal:
    """CENTRAL_PRICE_TOLERANCE_PERCENT: how far below the server's price a quoted price
    may be before the order is refused (a percentage from 0 to 100, default 5)."""
    raw = os.environ.get("CENTRAL_PRICE_TOLERANCE_PERCENT", "").strip()
    if not raw:
        return DEFAULT_PRICE_TOLERANCE_PERCENT
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError(f"CENTRAL_PRICE_TOLERANCE_PERCENT must be a number from 0 to 100, "
                         f"not {raw!r}")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str
    images_dir: Path | None = None
    max_body_bytes: int = 1024 * 1024
    # Deletions older than this may be pruned; terminals further behind start again.
    tombstone_retention_days: int = 30
    max_page: int = MAX_PAGE
    price_tolerance_percent: Decimal = DEFAULT_PRICE_TOLERANCE_PERCENT
