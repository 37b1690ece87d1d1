"""Fleet configuration: settings IT sets once for the whole chain, a store or a terminal.

`central config check FILE` checks a file with the terminal config's own schema
(`kiosk_contract.config_schema`, which the terminal reads its own file with), as
`kiosk check-config` would; `central config push FILE --chain | --store ID | --terminal
NAME` checks it the same way and keeps it. Each terminal gets, in its heartbeat's answer,
the chain's settings overridden by its store's and then its own, with a revision that
changes whenever they do; it applies them at its next idle reset, its own file's keys
winning (docs/api.md, "Fleet configuration").
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import utc_now
from kiosk_contract.config_schema import (
    CONFIG_VERSION,
    SCHEMA,
    ConfigProblem,
    KeyLines,
    check_fleet_document,
    syntax_problem,
)

SCOPES = ("chain", "store", "terminal")    # each overrides the one before
_BY_KEY = {setting.key: setting for setting in SCHEMA}


@dataclass
class CheckedFile:
    source: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    problems: list[ConfigProblem] = field(default_factory=list)
    notes: list[ConfigProblem] = field(default_factory=list)     # warnings: a renamed key

    def applies(self, key: str) -> str:
        """When a terminal applies a key it is sent (the schema says which need a restart)."""
        return "at the next idle reset" if _BY_KEY[key].live else "at the next restart"


def check_file(path: Path) -> CheckedFile:
    """A fleet config file checked: its settings, or every problem naming file, line, key
    and reason."""
    checked = CheckedFile()
    try:
        checked.source = path.read_text(encoding="utf-8")
        document = tomllib.loads(checked.source)
    except FileNotFoundError:
        checked.problems.append(ConfigProblem(path, None, None, "file not found"))
        return checked
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else \
            getattr(error, "strerror", None) or str(error)
        checked.problems.append(ConfigProblem(path, None, None, f"cannot read: {reason}"))
        return checked
    except tomllib.TOMLDecodeError as error:
        checked.problems.append(syntax_problem(path, error))
        return checked
    lines = KeyLines(checked.source)
    checked.settings = check_fleet_document(
        document,
        lambda key, reason: checked.problems.append(
            ConfigProblem(path, key, lines.find(key), reason)),
        lambda key, reason: checked.notes.append(
            ConfigProblem(path, key, lines.find(key), reason)))
    checked.problems.sort(key=lambda p: (p.line is None, p.line or 0))
    return checked


def keep(session: Session, scope: str, target: str, checked: CheckedFile) -> None:
    """Keep a checked file as the scope's settings, replacing what was pushed before."""
    row = session.get(models.FleetSettings, (scope, target))
    if row is None:
        row = models.FleetSettings(scope=scope, target=target)
        session.add(row)
    row.settings, row.source, row.pushed_at = checked.settings, checked.source, utc_now()


# Read at every heartbeat: built once.
_F = models.FleetSettings
_SETTINGS_OF = select(_F.scope, _F.settings).where(or_(
    _F.scope == "chain",
    (_F.scope == "store") & (_F.target == bindparam("store_id")),
    (_F.scope == "terminal") & (_F.target == bindparam("terminal_name"))))


def config_for(session: Session, store_id: str, terminal_name: str) -> dict[str, Any]:
    """What a terminal is sent: the merged settings, their format version and revision."""
    rows = session.execute(_SETTINGS_OF, {"store_id": store_id, "terminal_name": terminal_name})
    by_scope = {scope: settings for scope, settings in rows}
    merged: dict[str, Any] = {}
    for scope in SCOPES:
        merged.update(by_scope.get(scope) or {})
    canonical = json.dumps({"version": CONFIG_VERSION, "settings": merged}, sort_keys=True,
                           ensure_ascii=False)
    return {"version": CONFIG_VERSION,
            "revision": hashlib.sha256(canonical.encode()).hexdigest()[:16],
            "settings": merged}
