"""The terminal's configuration: one TOML file, one declared schema, one validation.

IT deploys terminals with config files only, so a bad file must say exactly what is
wrong: every problem at once, each naming the file, the line, the key and the reason.
Stdlib only: `kiosk check-config` must work without Qt.
"""

from __future__ import annotations

import difflib
import os
import re
import string
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.keypad import DEFAULT_BINDINGS, key_names_problem, shared_key
from kiosk.core.ratings import RatingReasonsError, load_reasons
from kiosk.core.reach import HIGHEST_REACH_MM, LOWEST_REACH_MM, ScreenMounting
from kiosk.core.synonyms import SynonymsError, load_synonyms

MASK = "••••"
LANGUAGES = ("fr", "en")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
PIN_HASH_PATTERN = re.compile(r"pbkdf2_sha256\$(\d+)\$[A-Za-z0-9+/=._-]+\$[A-Za-z0-9+/=._-]+")
MIN_PIN_ITERATIONS = 100_000
# Order references avoid letters and digits that look alike (0/O, 1/I/L, 2/Z, 5/S, 8/B).
REFERENCE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
REFERENCE_PREFIX_PATTERN = re.compile(f"[{REFERENCE_ALPHABET}]{{2,3}}")
SHIPPED_SYNONYMS = Path(__file__).resolve().parents[2] / "assets" / "search" / "synonyms.toml"
SHIPPED_RATING_REASONS = (Path(__file__).resolve().parents[2] / "assets" / "ratings"
                          / "reasons.toml")


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


# --- the schema: the one place every key is declared ---------------------------------

@dataclass(frozen=True)
class Setting:
    key: str                    # dotted TOML key, "section.name"
    attr: str                   # the KioskConfig field it fills
    type: type                  # str, int, bool, list (of str), Path, ShownAttribute (tables)
    default: Any = None         # used when the key is left out (never for required keys)
    required: bool = False
    doc: str = ""
    check: Check | None = None  # applied once the type is right
    secret: bool = False        # masked on the admin screen


_AN_ID = "1 to 64 lower-case letters, digits or dashes, not starting with a dash"

SCHEMA: tuple[Setting, ...] = (
    Setting("terminal.store_id", "store_id", str, required=True,
            doc="the store this terminal stands in", check=matches(ID_PATTERN, _AN_ID)),
    Setting("terminal.terminal_id", "terminal_id", str, required=True,
            doc="this terminal, unique in the chain", check=matches(ID_PATTERN, _AN_ID)),
    Setting("terminal.store_name", "store_name", str, "", doc="name shown in the top bar"),
    Setting("central.url", "central_url", str, "", doc="central server; empty for none",
            check=_url),
    Setting("central.token_file", "token_file", Path, "", secret=True,
            doc="file holding this terminal's token; empty for none"),
    Setting("central.ca_bundle", "ca_bundle", Path, "",
            doc="CA certificates to trust for the server; empty for the system's"),
    Setting("central.sync_interval_seconds", "sync_interval_seconds", int, 30,
            doc="seconds between syncs", check=in_range(5, 3600)),
    Setting("languages.offered", "languages", list, ("fr", "en"),
            doc="languages a shopper can pick", check=_languages),
    Setting("languages.default", "default_language", str, "fr",
            doc="language of the start screen", check=one_of(*LANGUAGES)),
    Setting("session.inactivity_timeout_seconds", "inactivity_timeout_seconds", int, 90,
            doc="idle time before 'Still there?'", check=in_range(15, 1800)),
    Setting("session.countdown_seconds", "countdown_seconds", int, 20,
            doc="length of the 'Still there?' countdown", check=in_range(5, 120)),
    Setting("display.orientation", "orientation", str, "auto",
            doc="screen orientation", check=one_of("portrait", "landscape", "auto")),
    Setting("display.text_scale", "text_scale", float, 1.0,
            doc="size of text and controls; 1.5 for large type", check=in_range(1.0, 2.0)),
    Setting("display.show_cursor", "show_cursor", bool, False, doc="show the mouse pointer"),
    Setting("display.fullscreen", "fullscreen", bool, True, doc="fill the whole screen"),
    Setting("display.screen_height_mm", "screen_height_mm", float, 950.0,
            doc="the screen's visible height as it stands, in mm", check=in_range(100, 3000)),
    Setting("display.bottom_edge_mm", "bottom_edge_mm", float, 700.0,
            doc="height of the screen's bottom edge above the floor, in mm",
            check=in_range(0, 2500)),
    Setting("accessibility.speech_engine", "speech_engine", str, "speechd",
            doc="text-to-speech engine: speech-dispatcher, or Qt's mock for tests",
            check=one_of("speechd", "mock")),
    Setting("accessibility.speech_rate", "speech_rate", float, 0.0,
            doc="speech rate a session starts with: -1.0 slowest, 0 the voice's own, 1.0 "
                "fastest", check=in_range(-1.0, 1.0)),
    Setting("accessibility.speech_volume", "speech_volume", float, 0.8,
            doc="speech volume a session starts with, 0.0 to 1.0", check=in_range(0.0, 1.0)),
    Setting("accessibility.audio_output", "audio_output", str, "speaker",
            doc="where speech is heard; only a headset hears the customer's details read back",
            check=one_of("speaker", "headset")),
    Setting("accessibility.time_multiplier", "speech_time_multiplier", float, 2.0,
            doc="time limits are this many times longer while speech is on",
            check=in_range(1.0, 10.0)),
    *(Setting(f"keypad.{action}", f"keypad_{action}", list, keys, check=key_names_problem,
              doc=f"keys the accessible keypad sends for {action.replace('_', ' ')}")
      for action, keys in DEFAULT_BINDINGS.items()),
    Setting("paths.data_dir", "data_dir", Path, required=True,
            doc="cache.db and journal.db", check=_not_empty),
    Setting("paths.log_dir", "log_dir", Path, required=True,
            doc="rotating log files", check=_not_empty),
    Setting("paths.catalog_images_dir", "catalog_images_dir", Path, "",
            doc="product images; empty for <data_dir>/images"),
    Setting("locale.locale", "locale", str, "fr_FR", doc="formats of prices, dates, numbers",
            check=matches(re.compile(r"[a-z]{2}_[A-Z]{2}"), "language_COUNTRY, like fr_FR")),
    Setting("locale.currency", "currency", str, "EUR", doc="ISO 4217 currency code",
            check=matches(re.compile(r"[A-Z]{3}"), "a three-letter code like EUR")),
    Setting("website.product_url_template", "product_url_template", str, "",
            doc="product page on the website, for QR codes", check=_url_template),
    Setting("catalog.shown_attributes", "shown_attributes", ShownAttribute,
            DEFAULT_SHOWN_ATTRIBUTES, check=_shown_attributes,
            doc="the product attributes shoppers read, in order, with a label per language"),
    Setting("search.synonyms_file", "synonyms_file", Path, "",
            doc="shopper words for catalog words (TOML); empty for the shipped file"),
    Setting("stock.few_left_threshold", "few_left_threshold", int, 3,
            doc="at or below this many, a variant shows 'only a few left'",
            check=in_range(1, 100)),
    Setting("stock.live_timeout_seconds", "live_stock_timeout_seconds", float, 1.5,
            doc="how long a product page waits for live stock before showing the cache's",
            check=in_range(0.2, 10.0)),
    Setting("stock.max_age_minutes", "stock_max_age_minutes", int, 60,
            doc="older stock figures are shown as possibly out of date",
            check=in_range(1, 10080)),
    Setting("orders.max_quantity_per_line", "max_quantity_per_line", int, 5,
            doc="most units of one variant in an order", check=in_range(1, 99)),
    Setting("orders.max_lines", "max_order_lines", int, 10,
            doc="most different variants in an order", check=in_range(1, 50)),
    Setting("orders.max_items", "max_order_items", int, 20,
            doc="most units in an order, all lines together", check=in_range(1, 500)),
    Setting("orders.reference_prefix", "reference_prefix", str, "",
            doc="start of this terminal's order references; empty: made from terminal_id",
            check=lambda v: None if not v or REFERENCE_PREFIX_PATTERN.fullmatch(v) else
            f"must be 2 or 3 of {REFERENCE_ALPHABET}, got {v!r}"),
    Setting("orders.status_url_template", "status_url_template", str, "",
            doc="public page of an order, for its QR code; empty: the central server's",
            check=_status_url_template),
    Setting("delivery.standard_fee", "standard_fee", float, 4.90,
            doc="fee for standard delivery", check=_money),
    Setting("delivery.standard_days", "standard_days", int, 3,
            doc="working days to deliver by standard delivery", check=in_range(1, 60)),
    Setting("delivery.express_offered", "express_offered", bool, True,
            doc="whether express delivery is offered"),
    Setting("delivery.express_fee", "express_fee", float, 9.90,
            doc="fee for express delivery", check=_money),
    Setting("delivery.express_days", "express_days", int, 1,
            doc="working days to deliver by express delivery", check=in_range(1, 60)),
    Setting("privacy.notice_version", "privacy_notice_version", str, "2026-01",
            doc="version of the privacy notice the shopper agrees to",
            check=matches(re.compile(r"[A-Za-z0-9._-]{1,40}"), "1 to 40 letters, digits, . _ -")),
    Setting("privacy.notice_url", "privacy_notice_url", str,
            "https://shop.example.com/privacy", doc="the privacy notice, for its QR code",
            check=_url),
    Setting("privacy.purge_order_details_after_days", "purge_order_details_after_days", int,
            30, doc="days after which a sent order's customer details leave the terminal",
            check=in_range(1, 365)),
    Setting("ratings.reasons_file", "rating_reasons_file", Path, "",
            doc="follow-up reasons after a rating, in both languages (TOML); empty for the "
                "shipped file"),
    Setting("ratings.repeat_window_seconds", "rating_repeat_window_seconds", int, 10,
            doc="presses within this many seconds of a rating count as that one rating",
            check=in_range(1, 300)),
    Setting("ratings.burst_presses", "rating_burst_presses", int, 5,
            doc="this many presses within the burst window are flagged as misuse",
            check=in_range(2, 100)),
    Setting("ratings.burst_window_seconds", "rating_burst_window_seconds", int, 30,
            doc="the window in which a burst of presses is counted", check=in_range(1, 600)),
    Setting("ratings.question_timeout_seconds", "rating_question_timeout_seconds", int, 20,
            doc="the follow-up question is skipped after this many seconds without a tap",
            check=in_range(5, 120)),
    Setting("ratings.offer_after_order", "offer_rating_after_order", bool, True,
            doc="whether the rating screen follows an order's confirmation"),
    Setting("scanner.device", "scanner_device", Path, "",
            doc="the barcode scanner's input device, which `kiosk doctor` looks for; empty: "
                "not checked"),
    Setting("admin.pin_hash", "admin_pin_hash", str, "", secret=True,
            doc="staff PIN, hashed; empty: no admin mode", check=_pin_hash),
    Setting("admin.pin_length", "admin_pin_length", int, 0,
            doc="how many digits the PIN has, said with each typed ('Digit 3 of 4'); 0: "
                "not said", check=in_range(0, 12)),
    Setting("admin.allow_exit_to_desktop", "allow_exit_to_desktop", bool, False,
            doc="whether admin mode may leave to the desktop"),
    Setting("admin.gesture_corner", "admin_gesture_corner", str, "top-left",
            doc="the corner tapped to open admin mode",
            check=one_of("top-left", "top-right", "bottom-left", "bottom-right")),
    Setting("admin.gesture_taps", "admin_gesture_taps", int, 5,
            doc="taps in that corner that open the PIN pad", check=in_range(3, 10)),
    Setting("admin.gesture_seconds", "admin_gesture_seconds", float, 3.0,
            doc="the time within which the taps must come", check=in_range(1.0, 10.0)),
    Setting("admin.idle_timeout_seconds", "admin_idle_timeout_seconds", int, 120,
            doc="admin mode closes after this long without a touch", check=in_range(15, 3600)),
    Setting("admin.max_pin_attempts", "admin_max_pin_attempts", int, 5,
            doc="wrong PINs before a lockout", check=in_range(1, 20)),
    Setting("admin.lockout_seconds", "admin_lockout_seconds", int, 30,
            doc="the first lockout; each next one lasts twice as long", check=in_range(5, 3600)),
)

_BY_KEY = {s.key: s for s in SCHEMA}
_SECTIONS = sorted({s.key.split(".")[0] for s in SCHEMA})


@dataclass(frozen=True)
class KioskConfig:
    source: Path
    store_id: str
    terminal_id: str
    store_name: str
    central_url: str
    token_file: Path | None
    ca_bundle: Path | None
    sync_interval_seconds: int
    languages: tuple[str, ...]
    default_language: str
    inactivity_timeout_seconds: int
    countdown_seconds: int
    orientation: str
    text_scale: float
    show_cursor: bool
    fullscreen: bool
    screen_height_mm: float
    bottom_edge_mm: float
    speech_engine: str
    speech_rate: float
    speech_volume: float
    audio_output: str
    speech_time_multiplier: float
    keypad_up: tuple[str, ...]
    keypad_down: tuple[str, ...]
    keypad_left: tuple[str, ...]
    keypad_right: tuple[str, ...]
    keypad_select: tuple[str, ...]
    keypad_back: tuple[str, ...]
    keypad_help: tuple[str, ...]
    keypad_pause: tuple[str, ...]
    keypad_volume_up: tuple[str, ...]
    keypad_volume_down: tuple[str, ...]
    data_dir: Path
    log_dir: Path
    catalog_images_dir: Path | None
    locale: str
    currency: str
    product_url_template: str
    shown_attributes: tuple[ShownAttribute, ...]
    synonyms_file: Path | None
    few_left_threshold: int
    live_stock_timeout_seconds: float
    stock_max_age_minutes: int
    max_quantity_per_line: int
    max_order_lines: int
    max_order_items: int
    reference_prefix: str
    status_url_template: str
    standard_fee: float
    standard_days: int
    express_offered: bool
    express_fee: float
    express_days: int
    privacy_notice_version: str
    privacy_notice_url: str
    purge_order_details_after_days: int
    rating_reasons_file: Path | None
    rating_repeat_window_seconds: int
    rating_burst_presses: int
    rating_burst_window_seconds: int
    rating_question_timeout_seconds: int
    offer_rating_after_order: bool
    scanner_device: Path | None
    admin_pin_hash: str
    admin_pin_length: int
    allow_exit_to_desktop: bool
    admin_gesture_corner: str
    admin_gesture_taps: int
    admin_gesture_seconds: float
    admin_idle_timeout_seconds: int
    admin_max_pin_attempts: int
    admin_lockout_seconds: int

    @property
    def screen_mounting(self) -> ScreenMounting:
        return ScreenMounting(self.screen_height_mm, self.bottom_edge_mm)

    @property
    def images_dir(self) -> Path:
        return self.catalog_images_dir or self.data_dir / "images"

    @property
    def synonyms_path(self) -> Path:
        return self.synonyms_file or SHIPPED_SYNONYMS

    @property
    def rating_reasons_path(self) -> Path:
        return self.rating_reasons_file or SHIPPED_RATING_REASONS

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


def load_config(path: str | os.PathLike) -> KioskConfig:
    """Read and validate a terminal's config; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([ConfigProblem(path, None, None, "file not found")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError([ConfigProblem(path, None, None, f"cannot read: {_why(error)}")]) \
            from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([_syntax_problem(path, error)]) from None
    return _validate(path, document, _KeyLines(text))


def _syntax_problem(path: Path, error: tomllib.TOMLDecodeError) -> ConfigProblem:
    message = str(error)
    found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    if not found:
        return ConfigProblem(path, None, None, message)
    return ConfigProblem(path, None, int(found.group(1)), message[:found.start()])


def _validate(path: Path, document: dict, lines: _KeyLines) -> KioskConfig:
    problems: list[ConfigProblem] = []

    def report(key: str, reason: str) -> None:
        problems.append(ConfigProblem(path, key, lines.find(key), reason))

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
            if setting.required:
                report(setting.key, "required key is missing")
            values[setting.attr] = setting.default
            continue
        raw = body[name]
        if reason := _type_problem(setting, raw) or (setting.check and setting.check(raw)):
            report(setting.key, reason)
        else:
            values[setting.attr] = _typed(setting, raw)

    # Only when both keys are fine on their own (else they are reported already).
    if {"languages", "default_language"} <= values.keys() \
            and values["default_language"] not in values["languages"]:
        report("languages.default",
               f"{values['default_language']!r} is not among the offered languages")

    if {"screen_height_mm", "bottom_edge_mm"} <= values.keys():
        mounting = ScreenMounting(values["screen_height_mm"], values["bottom_edge_mm"])
        if not mounting.overlaps_reach():
            report("display.bottom_edge_mm",
                   f"the screen stands {mounting.bottom_edge_mm:g} to "
                   f"{mounting.top_edge_mm:g} mm above the floor: none of it between "
                   f"{LOWEST_REACH_MM} and {HIGHEST_REACH_MM} mm, where shoppers reach")

    base = path.resolve().parent
    for setting in SCHEMA:
        if setting.type is Path and setting.attr in values:
            raw = values[setting.attr]
            values[setting.attr] = (base / raw).resolve() if raw else None
    if values.get("token_file") and (reason := _token_problem(values["token_file"])):
        report("central.token_file", reason)
    if values.get("synonyms_file"):
        try:
            load_synonyms(values["synonyms_file"])
        except SynonymsError as error:
            report("search.synonyms_file", str(error))
    if values.get("rating_reasons_file"):
        try:
            load_reasons(values["rating_reasons_file"])
        except RatingReasonsError as error:
            report("ratings.reasons_file", str(error))

    keypad = {action: tuple(values[f"keypad_{action}"]) for action in DEFAULT_BINDINGS
              if f"keypad_{action}" in values}
    if len(keypad) == len(DEFAULT_BINDINGS) and (shared := shared_key(keypad)):
        key, first, second = shared
        report(f"keypad.{second}", f"{key!r} is already the key for {first}")
    values.update({f"keypad_{action}": keys for action, keys in keypad.items()})

    if problems:
        raise ConfigError(sorted(problems, key=lambda p: (p.line is None, p.line or 0)))
    values["languages"] = tuple(values["languages"])
    return KioskConfig(source=path, **values)


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


def _typed(setting: Setting, raw: Any) -> Any:
    """A checked value as the config holds it."""
    if setting.type is float:
        return float(raw)
    if setting.type is ShownAttribute:
        return _shown_attributes_from(raw)
    return raw


def _token_problem(path: Path) -> str | None:
    try:
        if not path.read_text(encoding="utf-8").strip():
            return f"cannot read token file: {path} is empty"
    except (OSError, UnicodeDecodeError) as error:
        return f"cannot read token file: {_why(error)}: {path}"
    return None


def _why(error: Exception) -> str:
    """The short reason ('Permission denied'), without Python's decoration."""
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(error, "strerror", None) or str(error)


def _suggest(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _KeyLines:
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


def check_config_command(path: str | os.PathLike) -> int:
    """`kiosk check-config PATH`: OK on stdout, or every problem on stderr and status 2."""
    try:
        load_config(path)
    except ConfigError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    print("OK")
    return 0
