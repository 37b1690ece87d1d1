"""The terminal's configuration: one TOML file, checked against one declared schema.

IT deploys terminals with config files only, so a bad file must say exactly what is
wrong: every problem at once, each naming the file, the line, the key and the reason.
The schema is `kiosk_contract.config_schema`, which central checks fleet settings with
too; this module reads the file, the files it names and the fleet settings central sent
(kiosk/core/fleet_config.py), which the file's own keys override. Stdlib only:
`kiosk check-config` must work without Qt.
"""

from __future__ import annotations

import logging
import os
import sys
import tomllib
from pathlib import Path
from typing import Any

from kiosk.core.fleet_config import FleetConfig, kept_revision, read_fleet_config
from kiosk.core.ratings import RatingReasonsError, load_reasons
from kiosk.core.synonyms import SynonymsError, load_synonyms
from kiosk.shipped import SHIPPED_RATING_REASONS, SHIPPED_SYNONYMS
from kiosk_contract.config_schema import (  # noqa: F401 - what the rest of the kiosk imports
    AGREES_WITH_SPECIAL_PRICE,
    DEFAULT_SHOWN_ATTRIBUTES,
    MASK,
    MIN_PIN_ITERATIONS,
    PIN_HASH_PATTERN,
    REFERENCE_ALPHABET,
    REFERENCE_PREFIX_PATTERN,
    SCHEMA,
    ConfigError,
    ConfigProblem,
    KeyLines,
    KioskConfig,
    ShownAttribute,
    checked_values,
    cross_problems,
    describe_schema,
    syntax_problem,
    typed,
    upgraded,
    value_problem,
    with_defaults,
)

log = logging.getLogger(__name__)
_BY_KEY = {s.key: s for s in SCHEMA}


def load_config(path: str | os.PathLike, *, fleet: bool = True) -> KioskConfig:
    """Read and validate a terminal's config; raise ConfigError listing every problem.

    With `fleet`, the settings central last sent fill the keys the file leaves out; one
    this kiosk cannot use is left out with a note, never a refusal to start."""
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
        raise ConfigError([syntax_problem(path, error)]) from None
    lines = KeyLines(text)
    problems: list[ConfigProblem] = []
    notes: list[ConfigProblem] = []

    def report(key: str, reason: str) -> None:
        problems.append(ConfigProblem(path, key, lines.find(key), reason))

    def note(key: str, reason: str) -> None:
        notes.append(ConfigProblem(path, key, lines.find(key), reason))

    local = checked_values(upgraded(document, report, note), report)
    stored = _stored_fleet(path, local, notes) if fleet else None
    from_fleet = _usable_fleet_settings(stored, local, notes)
    # A fleet setting that does not fit with the file's keys (a default language the file
    # does not offer) is left out, with a note, and the rest tried again.
    while True:
        values = with_defaults({**from_fleet, **local})
        mismatches: list[tuple[str, str]] = []
        cross_problems(values, lambda key, reason, found=mismatches: found.append((key, reason)))
        if not mismatches or not from_fleet:
            break
        reasons = dict(mismatches)
        for key in [key for key in reasons if key in from_fleet] or list(from_fleet):
            del from_fleet[key]
            notes.append(_fleet_note(stored, key, "not applied: " + reasons.get(
                key, "it does not fit with the terminal's own file")))
    for key, reason in mismatches:
        report(key, reason)

    attrs = {_BY_KEY[key].attr: value for key, value in values.items() if value is not None}
    _resolve_paths(path, attrs, report)
    if problems:
        raise ConfigError(sorted(problems, key=lambda p: (p.line is None, p.line or 0)))
    for problem in notes:
        log.warning("%s", problem)
    attrs["languages"] = tuple(attrs["languages"])
    attrs.update({s.attr: tuple(attrs[s.attr]) for s in SCHEMA if s.key.startswith("keypad.")})
    return KioskConfig(source=path, fleet_revision=stored.revision if stored else "",
                       from_fleet=tuple(sorted(from_fleet)), notes=tuple(notes), **attrs)


def synonyms_path(config: KioskConfig) -> Path:
    """The synonyms file search reads: the config's, else the one shipped."""
    return config.synonyms_file or SHIPPED_SYNONYMS


def rating_reasons_path(config: KioskConfig) -> Path:
    """The rating reasons offered: the config's file, else the one shipped."""
    return config.rating_reasons_file or SHIPPED_RATING_REASONS


def reload_for_fleet(running: KioskConfig) -> KioskConfig | ConfigError | None:
    """The config read again if central's settings changed since `running` was read (the
    sync keeps them in the data directory); None if they did not."""
    if kept_revision(running.data_dir) == running.fleet_revision:
        return None
    try:
        return load_config(running.source)
    except ConfigError as error:
        return error


def _stored_fleet(path: Path, local: dict[str, Any], notes: list[ConfigProblem]) \
        -> FleetConfig | None:
    data_dir = local.get("paths.data_dir")
    if not data_dir:
        return None
    stored, problem = read_fleet_config((path.resolve().parent / data_dir).resolve())
    if problem is not None:
        notes.append(problem)
    return stored


def _usable_fleet_settings(stored: FleetConfig | None, local: dict[str, Any],
                           notes: list[ConfigProblem]) -> dict[str, Any]:
    """The fleet's keys the file leaves out (a key the file sets is pinned there), each
    checked again: central may run a newer schema than this kiosk."""
    if stored is None:
        return {}
    usable = {}
    for key, raw in stored.settings.items():
        setting = _BY_KEY.get(key)
        if key in local:
            continue
        if setting is None:
            notes.append(_fleet_note(stored, key, "not applied: this kiosk has no such key"))
        elif setting.local:
            notes.append(_fleet_note(stored, key, "not applied: only the terminal's own "
                                                  "file sets it"))
        elif problem := value_problem(setting, raw):
            notes.append(_fleet_note(stored, key, f"not applied: {problem}"))
        else:
            usable[key] = typed(setting, raw)
    return usable


def _fleet_note(stored: FleetConfig | None, key: str, reason: str) -> ConfigProblem:
    file = stored.path if stored else Path("fleet config")
    return ConfigProblem(file, key, None, reason)


def _resolve_paths(path: Path, attrs: dict[str, Any], report) -> None:
    """Paths relative to the file, and the files they name readable and well formed."""
    base = path.resolve().parent
    for setting in SCHEMA:
        if setting.type is Path and setting.attr in attrs:
            raw = attrs[setting.attr]
            attrs[setting.attr] = (base / raw).resolve() if raw else None
    if attrs.get("token_file") and (reason := _token_problem(attrs["token_file"])):
        report("central.token_file", reason)
    if attrs.get("synonyms_file"):
        try:
            load_synonyms(attrs["synonyms_file"])
        except SynonymsError as error:
            report("search.synonyms_file", str(error))
    if attrs.get("rating_reasons_file"):
        try:
            load_reasons(attrs["rating_reasons_file"])
        except RatingReasonsError as error:
            report("ratings.reasons_file", str(error))


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


def check_config_command(path: str | os.PathLike, *, keys: bool = False) -> int:
    """`kiosk check-config PATH`: OK on stdout, or every problem on stderr and status 2.
    Notes (a renamed key moved, a fleet setting not applied) go to stderr with the OK.
    With `keys`, every key the file may set, documented, instead."""
    if keys:
        print("\n".join(describe_schema()))
        return 0
    try:
        config = load_config(path)
    except ConfigError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    for problem in config.notes:
        print(f"warning: {problem}", file=sys.stderr)
    print("OK")
    return 0
