"""Each terminal's health, from its last heartbeat, for the staff's Terminals page.

A heartbeat is kept whole (`terminals.last_heartbeat`, JSON), so a field a terminal adds
needs no new column; a terminal from before a field simply lacks it, and it is shown as
unknown (None here), never guessed. Terminals in trouble come first: silent ones (or
never heard from), then those with refused items (dead letters), then a clock far off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import as_utc, iso
from central.fleet_config import config_for

# Beyond this a terminal's times are told wrong to shoppers and in its reports.
CLOCK_OFF_S = 300.0
OUTBOX_QUEUES = ("order", "rating", "event")

# Each problem a terminal may have, worst first: the order of the page.
NEVER_HEARD, SILENT, DEAD_LETTERS, CLOCK_OFF = "never_heard", "silent", "dead_letters", \
    "clock_off"
PROBLEMS = (NEVER_HEARD, SILENT, DEAD_LETTERS, CLOCK_OFF)

# The columns of the CSV file and of the JSON API's rows, in that order.
COLUMNS = ("terminal", "store_id", "store", "status", "problems", "version", "config_version",
           "config_revision", "config_current", "last_heartbeat_at", "silent_minutes",
           "clock_drift_s", "outbox", "dead_letters", "last_pull_at")


@dataclass(frozen=True)
class TerminalHealth:
    terminal: str
    store_id: str
    store: str
    problems: tuple[str, ...]         # from PROBLEMS, worst first; empty: all is well
    version: str | None
    config_version: int | None        # the config format the terminal reads
    config_revision: str | None       # the fleet settings it had kept; "" none yet
    config_current: bool | None       # that revision is what the server sends it now
    last_heartbeat_at: datetime | None    # the server's clock
    silent_minutes: int | None
    clock_drift_s: float | None       # terminal minus server
    outbox: int | None                # orders, ratings and events waiting to go up
    dead_letters: int | None          # items the server refused, kept for staff
    last_pull_at: str | None          # the terminal's clock as it wrote it; "" none yet

    @property
    def status(self) -> str:
        return self.problems[0] if self.problems else "ok"

    def row(self) -> dict[str, Any]:
        """The JSON API's and the CSV file's row."""
        values = {name: getattr(self, name) for name in COLUMNS
                  if name not in ("status", "problems", "last_heartbeat_at")}
        return {**values, "status": self.status, "problems": " ".join(self.problems),
                "last_heartbeat_at": iso(self.last_heartbeat_at)}


def fleet_health(session: Session, now: datetime, silent_minutes: int
                 ) -> list[TerminalHealth]:
    """Every terminal in service (revoked ones left out), trouble first."""
    stores = dict(session.execute(select(models.Store.id, models.Store.name)).all())
    terminals = session.scalars(select(models.Terminal)
                                .where(models.Terminal.revoked_at.is_(None))).all()
    sent = _SentRevisions(session)
    health = [_health(terminal, stores, sent, now, silent_minutes) for terminal in terminals]
    return sorted(health, key=_trouble_first)


class _SentRevisions:
    """The fleet settings' revision the server sends each terminal now, worked out once a
    store for the terminals that have no settings of their own (nearly all of them)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.own = set(session.scalars(select(models.FleetSettings.target)
                                       .where(models.FleetSettings.scope == "terminal")))
        self.by_key: dict[tuple[str, str], str] = {}

    def revision(self, store_id: str, terminal: str) -> str:
        key = (store_id, terminal if terminal in self.own else "")
        if key not in self.by_key:
            self.by_key[key] = config_for(self.session, store_id, terminal)["revision"]
        return self.by_key[key]


def _health(terminal: models.Terminal, stores: dict[str, str], sent: _SentRevisions,
            now: datetime, silent_after: int) -> TerminalHealth:
    beat = terminal.last_heartbeat if isinstance(terminal.last_heartbeat, dict) else {}
    seen = as_utc(terminal.last_heartbeat_at)
    silent = None if seen is None else max(0, int((now - seen).total_seconds() // 60))
    queue = beat.get("queue") if isinstance(beat.get("queue"), dict) else None
    revision = _text(beat.get("config_revision"))
    current = None if revision is None else \
        revision == sent.revision(terminal.store_id, terminal.name)
    drift = terminal.clock_drift_s
    problems = []
    if seen is None:
        problems.append(NEVER_HEARD)
    elif silent >= silent_after:
        problems.append(SILENT)
    dead = _count(queue, "dead")
    if dead:
        problems.append(DEAD_LETTERS)
    if drift is not None and abs(drift) > CLOCK_OFF_S:
        problems.append(CLOCK_OFF)
    outbox = None if queue is None or any(_count(queue, kind) is None
                                          for kind in OUTBOX_QUEUES) \
        else sum(_count(queue, kind) for kind in OUTBOX_QUEUES)
    config_format = beat.get("config_version")
    return TerminalHealth(
        terminal=terminal.name, store_id=terminal.store_id,
        store=stores.get(terminal.store_id, terminal.store_id), problems=tuple(problems),
        version=_text(beat.get("version")),
        config_version=config_format if isinstance(config_format, int) else None,
        config_revision=revision, config_current=current, last_heartbeat_at=seen,
        silent_minutes=silent, clock_drift_s=drift, outbox=outbox, dead_letters=dead,
        last_pull_at="" if "last_pull_at" in beat and beat["last_pull_at"] is None
        else _text(beat.get("last_pull_at")))


def _trouble_first(health: TerminalHealth) -> tuple:
    worst = PROBLEMS.index(health.problems[0]) if health.problems else len(PROBLEMS)
    # Among the silent, the longest silent first; then by store and name.
    return (worst, -(health.silent_minutes or 0) if health.problems else 0,
            health.store.lower(), health.terminal.lower())


def _count(queue: dict | None, kind: str) -> int | None:
    value = (queue or {}).get(kind)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
