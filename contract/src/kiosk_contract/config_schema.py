"""The terminal config's schema: every key declared once, as a field of `KioskConfig`.

Each field says its TOML key, default, check and doc; the field's type is the key's type.
From that one declaration come the validation (every problem naming its key and reason),
the defaults, the docs `kiosk check-config --keys` prints, and what the central server
checks a fleet-wide config against (`central config check`): this module is the part of the
terminal's config the server imports, so it reads no file and needs nothing but the stdlib.
"""

from __future__ import annotations

import difflib
import re
import string
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kiosk_contract.keypad import DEFAULT_BINDINGS, key_names_problem, shared_key
from kiosk_contract.reach import HIGHEST_REACH_MM, LOWEST_REACH_MM, ScreenMounting

MASK = "••••"
LANGUAGES = ("fr", "en")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
PIN_HASH_PATTERN = re.compile(r"pbkdf2_sha256\$(\d+)\$[A-Za-z0-9+/=._-]+\$[A-Za-z0-9+/=._-]+")
MIN_PIN_ITERATIONS = 100_000
# Order references avoid letters and digits that look alike (0/O, 1/I/L, 2/Z, 5/S, 8/B).
REFERENCE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
REFERENCE_PREFIX_PATTERN = re.compile(f"[{REFERENCE_ALPHABET}]{{2,3}}")


@dataclass(frozen=True)
class ConfigProblem:
    file: Path
    key: str | None
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else f"{self.file}"
        return f"{where}: {self.key}: {self.reason}" if self.key else f"{where}: {self.reason}"


class ConfigError(Exception):
    def __init__(self, problems: list[ConfigProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# --- checks: each returns why a (well-typed) value is wrong, or None -----------------

Check = Callable[[Any], str | None]


def in_range(low: float, high: float) -> Check:
    return lambda v: None if low <= v <= high else f"must be between {low} and {high}, got {v}"


def one_of(*choices: str) -> Check:
    listed = ", ".join(repr(c) for c in choices)
    return lambda v: None if v in choices else f"must be one of {listed}, got {v!r}"


def matches(pattern: re.Pattern, meaning: str) -> Check:
    return lambda v: None if pattern.fullmatch(v) else f"must be {meaning}, got {v!r}"


def _not_empty(value: str) -> str | None:
    return None if value else "must not be empty"


def _url(value: str) -> str | None:
    if value and not value.startswith(("http://", "https://")):
        return f"must start with http:// or https://, got {value!r}"
    return None


def _languages(value: list[str]) -> str | None:
    if not value:
        return "must offer at least one language"
    unknown = [v for v in value if v not in LANGUAGES]
    if unknown:
        return f"unknown language {unknown[0]!r}: choose from {', '.join(LANGUAGES)}"
    if len(set(value)) != len(value):
        return "lists a language twice"
    return None


def _url_template(value: str) -> str | None:
    if not value:
        return None
    if problem := _url(value):
        return problem
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as error:  # an unbalanced brace
        return f"is not a valid template: {error}"
    if "sku" not in fields:
        return "must contain {sku}, where the product's SKU goes"
    if unknown := sorted(fields - {"sku"}):
        return f"unknown placeholder {{{unknown[0]}}}: only {{sku}} is replaced"
    return None


def _status_url_template(value: str) -> str | None:
    if not value:
        return None
    if problem := _url(value):
        return problem
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as error:
        return f"is not a valid template: {error}"
    if fields != {"reference"}:
        return "must contain {reference}, where the order's reference goes, and nothing else"
    return None


def _money(value: float) -> str | None:
    if not 0 <= value <= 1000:
        return f"must be between 0 and 1000, got {value}"
    if abs(value * 100 - round(value * 100)) > 1e-6:
        return f"must have at most two decimals, got {value}"
    return None


@dataclass(frozen=True)
class ShownAttribute:
    """A catalog attribute shoppers read on a product page, with its label in each language.
    Attributes not listed (merchandising flags, internal notes) are never shown."""

    key: str                          # as the catalog names it: "material", "style_general"
    labels: tuple[tuple[str, str], ...]   # (language, label), one per language of LANGUAGES
    agrees_with: str = ""             # "special_price": a yes/no flag checked against prices

    def label(self, language: str) -> str:
        return dict(self.labels).get(language, self.key)

    def __str__(self) -> str:
        labels = " / ".join(label for _, label in self.labels)
        checked = f", agrees with {self.agrees_with}" if self.agrees_with else ""
        return f"{self.key} ({labels}{checked})"


# The one fact a flag can be checked against: a "sale" flag shown only when a special price
# runs, or a "no" one only when none does. A flag that contradicts the prices is left out.
AGREES_WITH_SPECIAL_PRICE = "special_price"
ATTRIBUTE_KEY_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
MAX_LABEL_LENGTH = 40


def _shown(key: str, fr: str, en: str) -> ShownAttribute:
    return ShownAttribute(key, (("fr", fr), ("en", en)))


# What a Magento catalog like Luma's describes its products with; its merchandising flags
# (erin_recommends, new, sale) say nothing true about a product to a shopper.
DEFAULT_SHOWN_ATTRIBUTES = (
    _shown("material", "Matière", "Material"),
    _shown("pattern", "Motif", "Pattern"),
    _shown("climate", "Climat", "Climate"),
    _shown("style_general", "Style", "Style"),
    _shown("style_bottom", "Style", "Style"),
    _shown("style_bags", "Style", "Style"),
    _shown("activity", "Activité", "Activity"),
    _shown("features_bags", "Caractéristiques", "Features"),
    _shown("strap_bags", "Bandoulière", "Strap"),
    _shown("gender", "Pour", "For"),
    _shown("eco_collection", "Collection écoresponsable", "Eco collection"),
    _shown("performance_fabric", "Tissu technique", "Performance fabric"),
)


def _shown_attributes(tables: list[dict]) -> str | None:
    """Every problem of every entry, each naming the entry by its place and key."""
    problems, seen = [], set()
    fields = {"key", "agrees_with", *LANGUAGES}
    for number, table in enumerate(tables, start=1):
        key = table.get("key")
        where = f"entry {number}" + (f" ({key!r})" if isinstance(key, str) and key else "")
        if not isinstance(key, str) or not ATTRIBUTE_KEY_PATTERN.fullmatch(key):
            problems.append(f"{where}: key must be the catalog's attribute name, like "
                            f"\"material\", got {key!r}")
        elif key in seen:
            problems.append(f"{where}: lists {key!r} a second time")
        seen.add(key)
        for language in LANGUAGES:
            label = table.get(language)
            if not isinstance(label, str) or not label.strip():
                problems.append(f"{where}: needs a label in {language} (a non-empty string)")
            elif len(label) > MAX_LABEL_LENGTH:
                problems.append(f"{where}: its label in {language} is longer than "
                                f"{MAX_LABEL_LENGTH} characters")
        agrees = table.get("agrees_with", "")
        if agrees not in ("", AGREES_WITH_SPECIAL_PRICE):
            problems.append(f"{where}: agrees_with must be "
                            f"{AGREES_WITH_SPECIAL_PRICE!r}, got {agrees!r}")
        problems += [f"{where}: unknown field {name!r}" + _suggest(name, sorted(fields))
                     for name in table if name not in fields]
    return "; ".join(problems) or None


def _shown_attributes_from(tables: list[dict]) -> tuple[ShownAttribute, ...]:
    return tuple(ShownAttribute(table["key"],
                                tuple((language, table[language].strip())
                                      for language in LANGUAGES),
                                table.get("agrees_with", ""))
                 for table in tables)


def _pin_hash(value: str) -> str | None:
    if not value:
        return None
    found = PIN_HASH_PATTERN.fullmatch(value)
    if not found:  # never echo the value: it is a secret
        return "must look like pbkdf2_sha256$<iterations>$<salt>$<hash>"
    if int(found.group(1)) < MIN_PIN_ITERATIONS:
        return f"uses {found.group(1)} iterations; at least {MIN_PIN_ITERATIONS} are required"
    return None


def _reference_prefix(value: str) -> str | None:
    if not value or REFERENCE_PREFIX_PATTERN.fullmatch(value):
        return None
    return f"must be 2 or 3 of {REFERENCE_ALPHABET}, got {value!r}"


# --- the schema: each key declared once, on the field it fills ------------------------

@dataclass(frozen=True)
class Setting:
    key: str                    # dotted TOML key, "section.name"
    attr: str                   # the KioskConfig field it fills
    type: type                  # str, int, float, bool, list (of str), Path, ShownAttribute
    default: Any = None         # used when the key is left out (never for required keys)
    required: bool = False
    doc: str = ""
    check: Check | None = None  # applied once the type is right
    secret: bool = False        # masked on the admin screen
    live: bool = False          # read afresh where it is used; else read at start only
    local: bool = False         # only the terminal's own file may set it, never the fleet's

    @property
    def applies(self) -> str:
        return "without a restart" if self.live else "after a restart"


_DECLARED = "kiosk.setting"


def setting(key: str, *, default: Any = None, required: bool = False, doc: str = "",
            check: Check | None = None, secret: bool = False, live: bool = False,
            local: bool = False) -> Any:
    """Declare a KioskConfig field's key. A path, which the file gives relative to itself,
    and the keys that say which terminal this is and how it reaches the server, are
    `local`: only the terminal's own file sets them."""
    return field(metadata={_DECLARED: dict(
        key=key, default=default, required=required, doc=doc, check=check, secret=secret,
        live=live, local=local)})


def _keypad(action: str) -> Any:
    return setting(f"keypad.{action}", default=DEFAULT_BINDINGS[action],
                   check=key_names_problem,
                   doc=f"keys the accessible keypad sends for {action.replace('_', ' ')}")


_AN_ID = "1 to 64 lower-case letters, digits or dashes, not starting with a dash"


@dataclass(frozen=True)
class KioskConfig:
    source: Path
    store_id: str = setting(
        "terminal.store_id", local=True, required=True,
        doc="the store this terminal stands in",
        check=matches(ID_PATTERN, _AN_ID))
    terminal_id: str = setting(
        "terminal.terminal_id", local=True, required=True,
        doc="this terminal, unique in the chain",
        check=matches(ID_PATTERN, _AN_ID))
    store_name: str = setting(
        "terminal.store_name", default="", doc="name shown in the top bar")
    central_url: str = setting(
        "central.url", local=True, default="", doc="central server; empty for none", check=_url)
    token_file: Path | None = setting(
        "central.token_file", local=True, default="", secret=True,
        doc="file holding this terminal's token; empty for none")
    ca_bundle: Path | None = setting(
        "central.ca_bundle", local=True, default="",
        doc="CA certificates to trust for the server; empty for the system's")
    sync_interval_seconds: int = setting(
        "central.sync_interval_seconds", default=30, doc="seconds between syncs",
        check=in_range(5, 3600))
    languages: tuple[str, ...] = setting(
        "languages.offered", default=("fr", "en"), doc="languages a shopper can pick",
        check=_languages)
    default_language: str = setting(
        "languages.default", default="fr", doc="language of the start screen",
        check=one_of(*LANGUAGES))
    inactivity_timeout_seconds: int = setting(
        "session.inactivity_timeout_seconds", default=90, doc="idle time before 'Still there?'",
        check=in_range(15, 1800), live=True)
    countdown_seconds: int = setting(
        "session.countdown_seconds", default=20, doc="length of the 'Still there?' countdown",
        check=in_range(5, 120), live=True)
    orientation: str = setting(
        "display.orientation", default="auto", doc="screen orientation",
        check=one_of("portrait", "landscape", "auto"))
    text_scale: float = setting(
        "display.text_scale", default=1.0, doc="size of text and controls; 1.5 for large type",
        check=in_range(1.0, 2.0))
    show_cursor: bool = setting(
        "display.show_cursor", default=False, doc="show the mouse pointer")
    fullscreen: bool = setting(
        "display.fullscreen", default=True, doc="fill the whole screen")
    screen_height_mm: float = setting(
        "display.screen_height_mm", default=950.0,
        doc="the screen's visible height as it stands, in mm", check=in_range(100, 3000))
    bottom_edge_mm: float = setting(
        "display.bottom_edge_mm", default=700.0,
        doc="height of the screen's bottom edge above the floor, in mm", check=in_range(0, 2500))
    speech_engine: str = setting(
        "accessibility.speech_engine", default="speechd",
        doc="text-to-speech engine: speech-dispatcher, or Qt's mock for tests",
        check=one_of("speechd", "mock"))
    speech_rate: float = setting(
        "accessibility.speech_rate", default=0.0,
        doc="speech rate a session starts with: -1.0 slowest, 0 the voice's own, 1.0 "
            "fastest",
        check=in_range(-1.0, 1.0))
    speech_volume: float = setting(
        "accessibility.speech_volume", default=0.8,
        doc="speech volume a session starts with, 0.0 to 1.0", check=in_range(0.0, 1.0))
    audio_output: str = setting(
        "accessibility.audio_output", default="speaker",
        doc="where speech is heard; only a headset hears the customer's details read back",
        check=one_of("speaker", "headset"))
    speech_time_multiplier: float = setting(
        "accessibility.time_multiplier", default=2.0,
        doc="time limits are this many times longer while speech is on", check=in_range(1.0, 10.0))
    keypad_up: tuple[str, ...] = _keypad("up")
    keypad_down: tuple[str, ...] = _keypad("down")
    keypad_left: tuple[str, ...] = _keypad("left")
    keypad_right: tuple[str, ...] = _keypad("right")
    keypad_select: tuple[str, ...] = _keypad("select")
    keypad_back: tuple[str, ...] = _keypad("back")
    keypad_help: tuple[str, ...] = _keypad("help")
    keypad_pause: tuple[str, ...] = _keypad("pause")
    keypad_volume_up: tuple[str, ...] = _keypad("volume_up")
    keypad_volume_down: tuple[str, ...] = _keypad("volume_down")
    data_dir: Path = setting(
        "paths.data_dir", local=True, required=True, doc="cache.db and journal.db",
        check=_not_empty)
    log_dir: Path = setting(
        "paths.log_dir", local=True, required=True, doc="rotating log files", check=_not_empty)
    catalog_images_dir: Path | None = setting(
        "paths.catalog_images_dir", local=True, default="",
        doc="product images; empty for <data_dir>/images")
    locale: str = setting(
        "locale.locale", default="fr_FR", doc="formats of prices, dates, numbers",
        check=matches(re.compile(r"[a-z]{2}_[A-Z]{2}"), "language_COUNTRY, like fr_FR"))
    currency: str = setting(
        "locale.currency", default="EUR", doc="ISO 4217 currency code",
        check=matches(re.compile(r"[A-Z]{3}"), "a three-letter code like EUR"))
    product_url_template: str = setting(
        "website.product_url_template", default="", doc="product page on the website, for QR codes",
        check=_url_template, live=True)
    shown_attributes: tuple[ShownAttribute, ...] = setting(
        "catalog.shown_attributes", default=DEFAULT_SHOWN_ATTRIBUTES, check=_shown_attributes,
        doc="the product attributes shoppers read, in order, with a label per language", live=True)
    synonyms_file: Path | None = setting(
        "search.synonyms_file", local=True, default="",
        doc="shopper words for catalog words (TOML); empty for the shipped file")
    few_left_threshold: int = setting(
        "stock.few_left_threshold", default=3,
        doc="at or below this many, a variant shows 'only a few left'", check=in_range(1, 100),
        live=True)
    live_stock_timeout_seconds: float = setting(
        "stock.live_timeout_seconds", default=1.5,
        doc="how long a product page waits for live stock before showing the cache's",
        check=in_range(0.2, 10.0))
    stock_max_age_minutes: int = setting(
        "stock.max_age_minutes", default=60,
        doc="older stock figures are shown as possibly out of date", check=in_range(1, 10080),
        live=True)
    max_quantity_per_line: int = setting(
        "orders.max_quantity_per_line", default=5, doc="most units of one variant in an order",
        check=in_range(1, 99), live=True)
    max_order_lines: int = setting(
        "orders.max_lines", default=10, doc="most different variants in an order",
        check=in_range(1, 50), live=True)
    max_order_items: int = setting(
        "orders.max_items", default=20, doc="most units in an order, all lines together",
        check=in_range(1, 500), live=True)
    reference_prefix: str = setting(
        "orders.reference_prefix", default="",
        doc="start of this terminal's order references; empty: made from terminal_id",
        check=lambda v: None if not v or REFERENCE_PREFIX_PATTERN.fullmatch(v) else
            f"must be 2 or 3 of {REFERENCE_ALPHABET}, got {v!r}",
        live=True)
    status_url_template: str = setting(
        "orders.status_url_template", default="",
        doc="public page of an order, for its QR code; empty: the central server's",
        check=_status_url_template, live=True)
    standard_fee: float = setting(
        "delivery.standard_fee", default=4.90, doc="fee for standard delivery", check=_money,
        live=True)
    standard_days: int = setting(
        "delivery.standard_days", default=3, doc="working days to deliver by standard delivery",
        check=in_range(1, 60), live=True)
    express_offered: bool = setting(
        "delivery.express_offered", default=True, doc="whether express delivery is offered",
        live=True)
    express_fee: float = setting(
        "delivery.express_fee", default=9.90, doc="fee for express delivery", check=_money,
        live=True)
    express_days: int = setting(
        "delivery.express_days", default=1, doc="working days to deliver by express delivery",
        check=in_range(1, 60), live=True)
    privacy_notice_version: str = setting(
        "privacy.notice_version", default="2026-01",
        doc="version of the privacy notice the shopper agrees to",
        check=matches(re.compile(r"[A-Za-z0-9._-]{1,40}"), "1 to 40 letters, digits, . _ -"),
        live=True)
    privacy_notice_url: str = setting(
        "privacy.notice_url", default="https://shop.example.com/privacy",
        doc="the privacy notice, for its QR code", check=_url, live=True)
    purge_order_details_after_days: int = setting(
        "privacy.purge_order_details_after_days", default=30,
        doc="days after which a sent order's customer details leave the terminal",
        check=in_range(1, 365))
    rating_reasons_file: Path | None = setting(
        "ratings.reasons_file", local=True, default="",
        doc="follow-up reasons after a rating, in both languages (TOML); empty for the "
            "shipped file")
    rating_repeat_window_seconds: int = setting(
        "ratings.repeat_window_seconds", default=10,
        doc="presses within this many seconds of a rating count as that one rating",
        check=in_range(1, 300))
    rating_burst_presses: int = setting(
        "ratings.burst_presses", default=5,
        doc="this many presses within the burst window are flagged as misuse",
        check=in_range(2, 100))
    rating_burst_window_seconds: int = setting(
        "ratings.burst_window_seconds", default=30,
        doc="the window in which a burst of presses is counted", check=in_range(1, 600))
    rating_question_timeout_seconds: int = setting(
        "ratings.question_timeout_seconds", default=20,
        doc="the follow-up question is skipped after this many seconds without a tap",
        check=in_range(5, 120))
    offer_rating_after_order: bool = setting(
        "ratings.offer_after_order", default=True,
        doc="whether the rating screen follows an order's confirmation")
    scanner_device: Path | None = setting(
        "scanner.device", local=True, default="",
        doc="the barcode scanner's input device, which `kiosk doctor` looks for; empty: "
            "not checked",
        live=True)
    admin_pin_hash: str = setting(
        "admin.pin_hash", default="", secret=True, doc="staff PIN, hashed; empty: no admin mode",
        check=_pin_hash, live=True)
    admin_pin_length: int = setting(
        "admin.pin_length", default=0,
        doc="how many digits the PIN has, said with each typed ('Digit 3 of 4'); 0: "
            "not said",
        check=in_range(0, 12), live=True)
    allow_exit_to_desktop: bool = setting(
        "admin.allow_exit_to_desktop", default=False,
        doc="whether admin mode may leave to the desktop", live=True)
    admin_gesture_corner: str = setting(
        "admin.gesture_corner", default="top-left", doc="the corner tapped to open admin mode",
        check=one_of("top-left", "top-right", "bottom-left", "bottom-right"), live=True)
    admin_gesture_taps: int = setting(
        "admin.gesture_taps", default=5, doc="taps in that corner that open the PIN pad",
        check=in_range(3, 10), live=True)
    admin_gesture_seconds: float = setting(
        "admin.gesture_seconds", default=3.0, doc="the time within which the taps must come",
        check=in_range(1.0, 10.0), live=True)
    admin_idle_timeout_seconds: int = setting(
        "admin.idle_timeout_seconds", default=120,
        doc="admin mode closes after this long without a touch", check=in_range(15, 3600),
        live=True)
    admin_max_pin_attempts: int = setting(
        "admin.max_pin_attempts", default=5, doc="wrong PINs before a lockout",
        check=in_range(1, 20), live=True)
    admin_lockout_seconds: int = setting(
        "admin.lockout_seconds", default=30,
        doc="the first lockout; each next one lasts twice as long", check=in_range(5, 3600),
        live=True)
    # Beside the keys: what central's fleet config gave (kiosk/core/fleet_config.py), and
    # what the file's reader should hear about without refusing it (a renamed key).
    fleet_revision: str = ""
    from_fleet: tuple[str, ...] = ()
    notes: tuple[ConfigProblem, ...] = ()

    @property
    def screen_mounting(self) -> ScreenMounting:
        return ScreenMounting(self.screen_height_mm, self.bottom_edge_mm)

    @property
    def images_dir(self) -> Path:
        return self.catalog_images_dir or self.data_dir / "images"

    @property
    def keypad_bindings(self) -> dict[str, tuple[str, ...]]:
        """Each keypad action ("up", "select", "volume_up"...) with the keys that do it."""
        return {action: getattr(self, f"keypad_{action}") for action in DEFAULT_BINDINGS}

    @property
    def order_status_url_template(self) -> str:
        """Where a shopper's phone finds an order, from its QR code; '' without a server."""
        if self.status_url_template:
            return self.status_url_template
        return self.central_url.rstrip("/") + "/o/{reference}" if self.central_url else ""

    def read_token(self) -> str | None:
        """The terminal's token, or None without a token file. Raises OSError if it vanished."""
        if self.token_file is None:
            return None
        return self.token_file.read_text(encoding="utf-8").strip() or None

    def masked(self) -> dict[str, object]:
        """The effective config by dotted key, secrets hidden: for the admin screen."""
        effective = {**vars(self), "catalog_images_dir": self.images_dir}
        shown: dict[str, object] = {}
        for setting in SCHEMA:
            value = effective[setting.attr]
            if setting.secret and value:
                value = MASK
            elif isinstance(value, Path):
                value = str(value)
            elif value is None:  # an optional path left out
                value = ""
            elif setting.type is ShownAttribute:
                value = ", ".join(str(shown) for shown in value)
            shown[setting.key] = value
        return shown


def _schema_of(config_class: type) -> tuple[Setting, ...]:
    hints = typing.get_type_hints(config_class)
    return tuple(Setting(attr=f.name, type=_key_type(hints[f.name]), **f.metadata[_DECLARED])
                 for f in fields(config_class) if _DECLARED in f.metadata)


def _key_type(hint: Any) -> type:
    """The TOML value a field's type is read from: `Path | None` from a string (a path),
    `tuple[str, ...]` from a list of strings, `tuple[ShownAttribute, ...]` from tables."""
    if isinstance(hint, types.UnionType):
        return next(part for part in typing.get_args(hint) if part is not type(None))
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        return list if item is str else item
    return hint


SCHEMA: tuple[Setting, ...] = _schema_of(KioskConfig)
for _setting in SCHEMA:
    if _setting.type is Path:       # a path means something on its own terminal only
        assert _setting.local, f"{_setting.key}: a path is set in the terminal's file only"

_BY_KEY = {s.key: s for s in SCHEMA}
_SECTIONS = sorted({s.key.split(".")[0] for s in SCHEMA})


# --- the format's versions: a file written for an older kiosk still starts this one ----

CONFIG_VERSION = 1
VERSION_KEY = "version"     # top-level, before any [section]; a file without it is 1


@dataclass(frozen=True)
class Upgrade:
    """What changed in the format at `version`: keys renamed or moved to another section.
    A file older than that is read with its keys moved, each move noted, never refused."""

    version: int
    moved: tuple[tuple[str, str], ...]      # (old dotted key, new dotted key)


# Each version after 1 adds its step here; none yet: no key has been renamed since 1.
UPGRADES: tuple[Upgrade, ...] = ()

Report = Callable[[str, str], None]       # (dotted key, reason)


def upgraded(document: dict, report: Report, note: Report) -> dict:
    """The document as the current version reads it: its keys moved by each step after
    the file's version, each move noted naming the old key and the new one."""
    current = CONFIG_VERSION
    document = {name: dict(body) if isinstance(body, dict) else body
                for name, body in document.items()}
    version = document.pop(VERSION_KEY, 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        report(VERSION_KEY, f"must be a whole number from 1 to {current}, got {version!r}")
        return document
    if version > current:
        note(VERSION_KEY, f"the file is written for config version {version}; this kiosk "
                          f"reads version {current}: keys it does not know are refused")
    for step in sorted(UPGRADES, key=lambda step: step.version):
        if step.version <= version:
            continue
        for old, new in step.moved:
            _move(document, old, new, step.version, note)
    return document


def _move(document: dict, old: str, new: str, version: int, note: Report) -> None:
    old_section, old_name = old.split(".")
    body = document.get(old_section)
    if not isinstance(body, dict) or old_name not in body:
        return
    value = body.pop(old_name)
    if not body:
        del document[old_section]
    new_section, new_name = new.split(".")
    target = document.setdefault(new_section, {})
    if not isinstance(target, dict):
        return          # reported as a section that is not a table
    if new_name in target:
        note(old, f"renamed {new} in config version {version}; the file sets both: {new} "
                  f"is used and {old} ignored; remove {old}")
        return
    target[new_name] = value
    note(old, f"renamed {new} in config version {version}; its value is used as {new}: "
              f"write it so, with version = {CONFIG_VERSION} at the top of the file")


# --- validation ---------------------------------------------------------------------

def checked_values(document: dict, report: Report, *, fleet: bool = False) -> dict[str, Any]:
    """Each key the document sets, typed and checked, by dotted key (paths still as
    written). Reports unknown sections and keys, wrong types and values and, unless the
    document is a fleet config (which sets only what it changes), missing required keys;
    a fleet config may not set a terminal's `local` keys."""
    for section, body in document.items():
        if section not in _SECTIONS:
            report(section, "unknown section" + _suggest(section, _SECTIONS))
        elif not isinstance(body, dict):
            report(section, "must be a [section] table")
        else:
            for name in body:
                key = f"{section}.{name}"
                if key not in _BY_KEY:
                    report(key, "unknown key" + _suggest(key, list(_BY_KEY)))

    values: dict[str, Any] = {}
    for setting in SCHEMA:
        section, name = setting.key.split(".")
        body = document.get(section)
        if not isinstance(body, dict) or name not in body:
            if setting.required and not fleet:
                report(setting.key, "required key is missing")
            continue
        if fleet and setting.local:
            report(setting.key, "set in each terminal's own file only, never for the fleet: "
                                "it names a path on the terminal or says which terminal "
                                "it is and how it reaches the server")
            continue
        if problem := value_problem(setting, body[name]):
            report(setting.key, problem)
        else:
            values[setting.key] = typed(setting, body[name])
    return values


def value_problem(setting: Setting, raw: Any) -> str | None:
    return _type_problem(setting, raw) or (setting.check and setting.check(raw)) or None


def with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """Every key's value: the given ones, the defaults for the others (None if required)."""
    return {s.key: values.get(s.key, s.default) for s in SCHEMA}


def cross_problems(values: dict[str, Any], report: Report) -> None:
    """What is wrong between keys, each fine on its own: `values` holds every key."""
    if values["languages.default"] not in values["languages.offered"]:
        report("languages.default",
               f"{values['languages.default']!r} is not among the offered languages")
    mounting = ScreenMounting(values["display.screen_height_mm"],
                              values["display.bottom_edge_mm"])
    if not mounting.overlaps_reach():
        report("display.bottom_edge_mm",
               f"the screen stands {mounting.bottom_edge_mm:g} to "
               f"{mounting.top_edge_mm:g} mm above the floor: none of it between "
               f"{LOWEST_REACH_MM} and {HIGHEST_REACH_MM} mm, where shoppers reach")
    keypad = {action: tuple(values[f"keypad.{action}"]) for action in DEFAULT_BINDINGS}
    if shared := shared_key(keypad):
        key, first, second = shared
        report(f"keypad.{second}", f"{key!r} is already the key for {first}")


def check_fleet_document(document: dict, report: Report, note: Report) -> dict[str, Any]:
    """A chain's, store's or terminal's fleet config, checked as `kiosk check-config`
    checks a terminal's file: the keys it sets, at the current version, as JSON values."""
    values = checked_values(upgraded(document, report, note), report, fleet=True)
    cross_problems(with_defaults(values), report)
    return {key: as_written(_BY_KEY[key], value) for key, value in values.items()}


def as_written(setting: Setting, value: Any) -> Any:
    """A checked value as a file (or JSON) writes it."""
    if setting.type is ShownAttribute:
        return [{"key": shown.key, **dict(shown.labels),
                 **({"agrees_with": shown.agrees_with} if shown.agrees_with else {})}
                for shown in value]
    return list(value) if isinstance(value, tuple) else value


def syntax_problem(path: Path, error: Exception) -> ConfigProblem:
    """A TOML syntax error (tomllib's), with its line apart."""
    message = str(error)
    found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    if not found:
        return ConfigProblem(path, None, None, message)
    return ConfigProblem(path, None, int(found.group(1)), message[:found.start()])


def describe_schema() -> list[str]:
    """Every key with its type, default, when it applies and who may set it, for IT."""
    lines = []
    for setting in SCHEMA:
        default = "(required)" if setting.required else repr(as_written(setting,
                                                                         setting.default))
        if setting.type is ShownAttribute:
            default = "(the shipped list)"
        who = "terminal file only" if setting.local else "terminal file or fleet"
        lines.append(f"{setting.key} = {default}\n    {setting.doc}\n"
                     f"    {_EXPECTED[setting.type]}; applies {setting.applies}; {who}")
    return lines


_EXPECTED = {str: "a string", Path: "a string (a path)", int: "an integer",
             float: "a number", bool: "true or false", list: "a list of strings",
             ShownAttribute: 'a list of tables like { key = "material", fr = "Matière", '
                             'en = "Material" }'}
_KINDS = {bool: "a boolean", str: "a string", int: "an integer", float: "a decimal number",
          list: "a list", dict: "a table"}


def _type_problem(setting: Setting, raw: Any) -> str | None:
    if setting.type is Path:
        ok = isinstance(raw, str)
    elif setting.type is int:  # bool is a subclass of int in Python, not in TOML
        ok = isinstance(raw, int) and not isinstance(raw, bool)
    elif setting.type is float:  # TOML's 1 is an integer; a whole number is fine here
        ok = isinstance(raw, int | float) and not isinstance(raw, bool)
    elif setting.type is list:
        ok = isinstance(raw, list) and all(isinstance(item, str) for item in raw)
    elif setting.type is ShownAttribute:
        ok = isinstance(raw, list) and all(isinstance(item, dict) for item in raw)
    else:
        ok = isinstance(raw, setting.type)
    if ok:
        return None
    kind = _KINDS.get(type(raw), "a date or time")
    shown = str(raw).lower() if isinstance(raw, bool) else repr(raw)
    return f"expected {_EXPECTED[setting.type]}, got {kind} ({shown})"


def typed(setting: Setting, raw: Any) -> Any:
    """A checked value as the config holds it."""
    if setting.type is float:
        return float(raw)
    if setting.type is ShownAttribute:
        return _shown_attributes_from(raw)
    return raw


def _suggest(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class KeyLines:
    """Where each dotted key sits in the file: tomllib does not say, so scan the text."""

    _HEADER = re.compile(r"\s*\[\s*([A-Za-z0-9_-]+)\s*\]")
    # A bare key (possibly dotted, like `session.countdown_seconds`) or a quoted one.
    _ASSIGNMENT = re.compile(r"""\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.-]+))\s*=""")

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        section = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if header := self._HEADER.match(line):
                section = header.group(1)
                self._lines.setdefault(section, number)
            elif assignment := self._ASSIGNMENT.match(line):
                name = next(g for g in assignment.groups() if g is not None)
                self._lines.setdefault(f"{section}.{name}" if section else name, number)

    def find(self, key: str) -> int | None:
        return self._lines.get(key)
