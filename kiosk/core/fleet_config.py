"""The settings IT set for this terminal on the central server: the chain's, its store's
and its own, merged there and sent with each heartbeat's answer (docs/api.md).

They are kept in the data directory, so that a terminal that starts offline still has
them, and read with the terminal's own file (kiosk/core/config.py), whose keys win. A
newer set is applied at the next idle reset, not in front of a shopper.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk_contract.config_schema import ConfigProblem

FILE_NAME = "fleet-config.json"


@dataclass(frozen=True)
class FleetConfig:
    revision: str                   # changes whenever the merged settings do
    version: int                    # the config format's version they are written in
    settings: dict[str, Any]        # by dotted key, as a config file writes the values
    path: Path = Path(FILE_NAME)    # where the terminal keeps them


def fleet_config_from(answer: Any) -> FleetConfig | None:
    """The fleet settings in a heartbeat's answer; None from a server that sends none (one
    from before fleet configuration) or sends them malformed: what is kept stays."""
    sent = answer.get("config") if isinstance(answer, dict) else None
    if not isinstance(sent, dict):
        return None
    revision, version, settings = sent.get("revision"), sent.get("version"), \
        sent.get("settings")
    if not (isinstance(revision, str) and revision and isinstance(version, int)
            and isinstance(settings, dict) and all(isinstance(k, str) for k in settings)):
        return None
    return FleetConfig(revision, version, settings)


def read_fleet_config(data_dir: Path) -> tuple[FleetConfig | None, ConfigProblem | None]:
    """What was kept, or None if nothing was; a file that cannot be read is a problem to
    note, not a reason to refuse to start (the terminal's own file is enough)."""
    path = data_dir / FILE_NAME
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return None, ConfigProblem(path, None, None, f"fleet settings not applied: {error}")
    fleet = fleet_config_from({"config": kept})
    if fleet is None:
        return None, ConfigProblem(path, None, None,
                                   "fleet settings not applied: not a fleet config")
    return FleetConfig(fleet.revision, fleet.version, fleet.settings, path), None


def kept_revision(data_dir: Path) -> str:
    kept, _ = read_fleet_config(data_dir)
    return kept.revision if kept else ""


def keep_fleet_config(data_dir: Path, fleet: FleetConfig) -> bool:
    """Keep what the server sent, if it differs from what is kept; True if it did. Written
    beside and renamed, so that a power cut leaves the old set or the new, never half."""
    if kept_revision(data_dir) == fleet.revision:
        return False
    path = data_dir / FILE_NAME
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        json.dump({"revision": fleet.revision, "version": fleet.version,
                   "settings": fleet.settings}, out, ensure_ascii=False, sort_keys=True)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, path)
    return True
