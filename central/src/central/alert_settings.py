"""Back-in-stock alerts' settings: the chain's own product page, and how long an alert's
e-mail address is kept at most. Read from the environment, checked at start, every error
naming its key."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

PRODUCT_URL_KEY = "CENTRAL_PRODUCT_URL_TEMPLATE"
KEEP_DAYS_KEY = "CENTRAL_ALERT_KEEP_DAYS"
MAX_KEEP_DAYS = 365


@dataclass(frozen=True)
class AlertSettings:
    # The chain's product page with {sku}; none: the server's own page, /p/SKU.
    product_url_template: str = ""
    # An alert never sent ends after this many days, its address erased.
    keep_days: int = 90

    @property
    def keep(self) -> timedelta:
        return timedelta(days=self.keep_days)


def alert_settings_from_env(environ: dict[str, str] | None = None) -> AlertSettings:
    env = os.environ if environ is None else environ
    template = env.get(PRODUCT_URL_KEY, "").strip()
    if template:
        address = urlsplit(template)
        if address.scheme not in ("https", "http") or not address.netloc \
                or "{sku}" not in template:
            raise ValueError(f"{PRODUCT_URL_KEY} must be an http(s) address with {{sku}} in "
                             f"it, like https://www.luma.example/p/{{sku}}, not {template!r}")
        try:
            template.format(sku="X")
        except (KeyError, IndexError, ValueError):
            raise ValueError(f"{PRODUCT_URL_KEY} may hold {{sku}} and nothing else in "
                             f"braces, not {template!r}") from None
    raw = env.get(KEEP_DAYS_KEY, "").strip()
    keep_days = AlertSettings.keep_days
    if raw:
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_KEEP_DAYS:
            raise ValueError(f"{KEEP_DAYS_KEY} must be a whole number of days from 1 to "
                             f"{MAX_KEEP_DAYS}, not {raw!r}")
        keep_days = int(raw)
    return AlertSettings(template, keep_days)
