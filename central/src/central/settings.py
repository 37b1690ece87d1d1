"""Everything the server is told at start, in one object."""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from central.alert_settings import AlertSettings, alert_settings_from_env
from central.limits import Rate
from central.mail.settings import MailSettings, mail_settings_from_env
from central.reservation_settings import ReservationSettings, reservation_settings_from_env
from central.retention_settings import RetentionSettings, retention_settings_from_env
from kiosk_contract.catalog import LANGUAGE_CODE

DEFAULT_DATABASE_URL = "sqlite:///./central.db"
# The most change records a page of the feed may hold (the contract's maximum `limit`).
MAX_PAGE = 10_000
# A page's records, in bytes of JSON before compression: at most this, and a terminal on
# a slow link may ask for as little as the smaller.
MAX_PAGE_BYTES = 4 * 1024 * 1024
MIN_PAGE_BYTES = 4 * 1024
DEFAULT_PRICE_TOLERANCE_PERCENT = Decimal(5)
# Password guesses: a few at once for one account, more for one address (a store's
# managers may share one); then one more every `seconds / count` (docs/api.md).
DEFAULT_LOGIN_RATE_PER_ACCOUNT = Rate(5, 60)
DEFAULT_LOGIN_RATE_PER_ADDRESS = Rate(20, 60)
# The public order status page, per client address: a family's refreshes pass, a script
# trying references does not.
DEFAULT_STATUS_PAGE_RATE = Rate(120, 60)
DEFAULT_HEADER_TIMEOUT_S = 10.0
DEFAULT_KEEP_ALIVE_TIMEOUT_S = 5.0
# A terminal heard from less recently is flagged on the dashboard's Terminals page: a
# terminal beats at every sync round (30 s by default), so ten minutes is many missed.
DEFAULT_TERMINAL_SILENT_MINUTES = 10
SILENT_MINUTES_ENV = "CENTRAL_TERMINAL_SILENT_MINUTES"

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def database_url_from_env() -> str:
    return os.environ.get("CENTRAL_DATABASE_URL", DEFAULT_DATABASE_URL)


IMAGES_DIR_ENV = "CENTRAL_IMAGES_DIR"


def images_dir_from_env() -> Path | None:
    """CENTRAL_IMAGES_DIR: the directory of the catalog's images (`serve --images`)."""
    raw = os.environ.get(IMAGES_DIR_ENV, "").strip()
    return Path(raw) if raw else None


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
    # Reverse proxies whose X-Forwarded-For is believed (central/api/clients.py).
    trusted_proxies: tuple[IpNetwork, ...] = ()
    # /docs and /redoc, the interactive pages of the OpenAPI description.
    api_docs: bool = False
    login_rate_per_account: Rate = DEFAULT_LOGIN_RATE_PER_ACCOUNT
    login_rate_per_address: Rate = DEFAULT_LOGIN_RATE_PER_ADDRESS
    status_page_rate: Rate = DEFAULT_STATUS_PAGE_RATE
    # A request's head must arrive within this of the connection opening (or of the
    # previous answer on it); an idle kept-alive connection is closed after the other.
    header_timeout_s: float = DEFAULT_HEADER_TIMEOUT_S
    keep_alive_timeout_s: float = DEFAULT_KEEP_ALIVE_TIMEOUT_S
    # Customer e-mails (central/mail/settings.py): none unless CENTRAL_SMTP_HOST is set.
    mail: MailSettings = MailSettings()
    # How long a reservation in a store holds its units (central/reservation_settings.py).
    reservations: ReservationSettings = ReservationSettings()
    terminal_silent_minutes: int = DEFAULT_TERMINAL_SILENT_MINUTES
    # Back-in-stock alerts (central/alert_settings.py): product page, longest kept.
    alerts: AlertSettings = AlertSettings()
    # How long customers' data is kept, per kind (central/retention_settings.py).
    retention: RetentionSettings = RetentionSettings()


def trusted_proxies_from_env() -> tuple[IpNetwork, ...]:
    """CENTRAL_TRUSTED_PROXIES: the addresses (or networks, 10.0.0.0/24) of the reverse
    proxies whose X-Forwarded-For names the client, separated by commas or spaces.
    None by default: the client is the connection's peer."""
    raw = os.environ.get("CENTRAL_TRUSTED_PROXIES", "")
    try:
        return tuple(ipaddress.ip_network(item, strict=False)
                     for item in raw.replace(",", " ").split())
    except ValueError as problem:
        raise ValueError(f"CENTRAL_TRUSTED_PROXIES: {problem}") from None


def rate_from_env(name: str, default: Rate) -> Rate:
    """A rate written COUNT/SECONDS: `5/60` is 5 tries at once, then one every 12 s."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    count, _, seconds = raw.partition("/")
    try:
        rate = Rate(int(count), float(seconds))
    except ValueError:
        rate = Rate(0, 0)
    if not (rate.count >= 1 and 0 < rate.seconds < 10**7):
        raise ValueError(f"{name} must read COUNT/SECONDS, 5/60 for instance, not {raw!r}")
    return rate


def silent_minutes_from_env() -> int:
    """CENTRAL_TERMINAL_SILENT_MINUTES: after how many minutes without a heartbeat a
    terminal is flagged silent (a whole number from 1 to 10080, a week; default 10)."""
    raw = os.environ.get(SILENT_MINUTES_ENV, "").strip()
    if not raw:
        return DEFAULT_TERMINAL_SILENT_MINUTES
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 7 * 24 * 60:
        raise ValueError(f"{SILENT_MINUTES_ENV} must be a whole number of minutes from 1 "
                         f"to 10080, not {raw!r}")
    return int(raw)


def flag_from_env(name: str) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if raw in ("", "0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    raise ValueError(f"{name} must be on or off, not {raw!r}")


def seconds_from_env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError:
        value = float("nan")
    if not 0 < value <= 3600:
        raise ValueError(f"{name} must be a number of seconds from 0 to 3600, not {raw!r}")
    return value


_LANGUAGE = re.compile(LANGUAGE_CODE)


def store_views_from(items: list[str], env_name: str = "CENTRAL_STORE_VIEWS") -> dict[str, str]:
    """Magento store views and their language, from `LANGUAGE=CODE` items (`fr=fr_store`):
    those of the environment variable `env_name`, separated by commas or spaces, then
    `items` (the command's options), which win. The store-view code maps to the language."""
    views: dict[str, str] = {}
    for item in [*os.environ.get(env_name, "").replace(",", " ").split(), *items]:
        language, sep, code = item.strip().partition("=")
        if not sep or not code.strip() or not _LANGUAGE.fullmatch(language.strip()):
            raise ValueError(f"a store view is given as LANGUAGE=CODE (fr=fr_store), "
                             f"not {item!r}")
        views[code.strip()] = language.strip()
    return views


def settings_from_env(database_url: str, images_dir: Path | None) -> Settings:
    """The settings of `central serve`: its options, and the environment for the rest."""
    return Settings(
        database_url=database_url, images_dir=images_dir,
        price_tolerance_percent=price_tolerance_from_env(),
        trusted_proxies=trusted_proxies_from_env(),
        api_docs=flag_from_env("CENTRAL_API_DOCS"),
        login_rate_per_account=rate_from_env("CENTRAL_LOGIN_RATE_PER_ACCOUNT",
                                             DEFAULT_LOGIN_RATE_PER_ACCOUNT),
        login_rate_per_address=rate_from_env("CENTRAL_LOGIN_RATE_PER_ADDRESS",
                                             DEFAULT_LOGIN_RATE_PER_ADDRESS),
        status_page_rate=rate_from_env("CENTRAL_STATUS_PAGE_RATE", DEFAULT_STATUS_PAGE_RATE),
        header_timeout_s=seconds_from_env("CENTRAL_HEADER_TIMEOUT_S",
                                          DEFAULT_HEADER_TIMEOUT_S),
        keep_alive_timeout_s=seconds_from_env("CENTRAL_KEEP_ALIVE_TIMEOUT_S",
                                              DEFAULT_KEEP_ALIVE_TIMEOUT_S),
        mail=mail_settings_from_env(),
        reservations=reservation_settings_from_env(),
        terminal_silent_minutes=silent_minutes_from_env(),
        alerts=alert_settings_from_env(),
        retention=retention_settings_from_env())
