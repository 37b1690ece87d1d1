"""Each terminal's health, from its last heartbeat, for the staff's Terminals page.

A heartbeat is kept whole (`terminals.last_heartbeat`, JSON), so a field a terminal adds
needs no new column; a terminal from before a field simply lacks it, and it is shown as
unknown (None here), never guessed. Terminals in trouble come first: never heard from,
silent, then those with refused items (dead letters), a large outbox, a clock far off.

A chain has thousands of terminals: the trouble of each, the order, the filters and the
counts are worked out by the database (`_Trouble`), so a page reads only its own rows.
For that the heartbeat also writes its queue figures in columns (`queue_figures`). The
same rules are then applied in Python to each row read, to say them in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import as_utc, iso
from central.fleet_config import config_for

# Beyond this a terminal's times are told wrong to shoppers and in its reports.
CLOCK_OFF_S = 300.0
# A terminal pushes what it holds at each round, 100 items a batch: this many waiting
# means its pushes have been failing for a long while, though its heartbeats get through.
LARGE_OUTBOX_ITEMS = 500
OUTBOX_QUEUES = ("order", "rating", "event")

# Each problem a terminal may have, worst first: the order of the page.
NEVER_HEARD, SILENT, DEAD_LETTERS, OUTBOX_LARGE, CLOCK_OFF = \
    "never_heard", "silent", "dead_letters", "outbox_large", "clock_off"
PROBLEMS = (NEVER_HEARD, SILENT, DEAD_LETTERS, OUTBOX_LARGE, CLOCK_OFF)

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


@dataclass(frozen=True)
class FleetCounts:
    """How many terminals in service there are, how many need looking at (any problem),
    and how many have each problem (a terminal may have several)."""
    terminals: int
    attention: int
    problems: dict[str, int]


@dataclass(frozen=True)
class FleetView:
    """Which terminals are asked for: one store's or all, only those needing attention."""
    store_id: str | None = None
    attention_only: bool = False


def queue_figures(queue: dict[str, Any] | None) -> dict[str, int | None]:
    """The heartbeat's queue depths as the terminals table keeps them: `outbox`, the
    orders, ratings and events waiting (unknown if one of them was not said), and
    `dead_letters`, the items refused."""
    waiting = [_count(queue, kind) for kind in OUTBOX_QUEUES]
    return {"outbox": None if None in waiting else sum(waiting),
            "dead_letters": _count(queue, "dead")}


class _Trouble:
    """Each problem as an SQL condition on a terminal's row, at one moment and with one
    silent setting: the same rules as `_health`, which says them for the rows read."""

    def __init__(self, now: datetime, silent_minutes: int) -> None:
        terminal = models.Terminal
        self.conditions = {
            NEVER_HEARD: terminal.last_heartbeat_at.is_(None),
            SILENT: terminal.last_heartbeat_at <= now - timedelta(minutes=silent_minutes),
            DEAD_LETTERS: terminal.dead_letters > 0,
            OUTBOX_LARGE: terminal.outbox >= LARGE_OUTBOX_ITEMS,
            CLOCK_OFF: func.abs(terminal.clock_drift_s) > CLOCK_OFF_S,
        }
        self.any = or_(*self.conditions.values())
        # The worst problem's place in PROBLEMS; after them all, the terminals in order.
        self.rank = case(*((condition, place) for place, condition
                           in enumerate(self.conditions.values())), else_=len(PROBLEMS))


def _in_view(query: Select, view: FleetView, trouble: _Trouble) -> Select:
    query = query.where(models.Terminal.revoked_at.is_(None))      # revoked: left out
    if view.store_id is not None:
        query = query.where(models.Terminal.store_id == view.store_id)
    if view.attention_only:
        query = query.where(trouble.any)
    return query


def fleet_counts(session: Session, now: datetime, silent_minutes: int,
                 store_id: str | None = None) -> FleetCounts:
    """The counts over every terminal in service (of one store if given), in one query."""
    trouble = _Trouble(now, silent_minutes)

    def how_many(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    figures = session.execute(_in_view(
        select(func.count(), how_many(trouble.any),
               *(how_many(condition) for condition in trouble.conditions.values())),
        FleetView(store_id), trouble)).one()
    return FleetCounts(terminals=figures[0], attention=figures[1],
                       problems=dict(zip(PROBLEMS, figures[2:], strict=True)))


def fleet_health(session: Session, now: datetime, silent_minutes: int,
                 view: FleetView = FleetView(), offset: int = 0, limit: int | None = None
                 ) -> list[TerminalHealth]:
    """The terminals in service asked for, trouble first (among those in trouble, the
    longest silent first), then by store and name; `limit` of them from `offset`."""
    terminal, store = models.Terminal, models.Store
    trouble = _Trouble(now, silent_minutes)
    store_name = func.coalesce(store.name, terminal.store_id)
    query = _in_view(
        select(terminal.name, terminal.store_id, store_name, terminal.last_heartbeat_at,
               terminal.last_heartbeat, terminal.clock_drift_s, terminal.outbox,
               terminal.dead_letters)
        .outerjoin(store, store.id == terminal.store_id), view, trouble) \
        .order_by(trouble.rank,
                  case((trouble.rank < len(PROBLEMS), terminal.last_heartbeat_at)),
                  func.lower(store_name), func.lower(terminal.name), terminal.id) \
        .offset(offset).limit(limit)
    sent = _SentRevisions(session)
    # Plain rows through the session's connection: no ORM work for thousands of them.
    return [_health(row, sent, now, silent_minutes)
            for row in session.connection().execute(query)]


def store_choices(session: Session) -> list[tuple[str, str]]:
    """Every store (id, name) by name: the choices of the page's store filter."""
    return [(store_id, name) for store_id, name in session.execute(
        select(models.Store.id, models.Store.name).order_by(models.Store.name))]


class _SentRevisions:
    """The fleet settings' revision the server sends each terminal now. Nearly every
    terminal, and most stores, have no settings of their own: all of those are sent the
    chain's, worked out once; the others once a store, or once a terminal."""

    def __init__(self, session: Session) -> None:
        self.session = session
        settings = models.FleetSettings
        owners = session.execute(select(settings.scope, settings.target)
                                 .where(settings.scope.in_(("store", "terminal")))).all()
        self.own = {scope: {target for kind, target in owners if kind == scope}
                    for scope in ("store", "terminal")}
        self.by_key: dict[tuple[str | None, str | None], str] = {}

    def revision(self, store_id: str, terminal: str) -> str:
        key = (store_id if store_id in self.own["store"] else None,
               terminal if terminal in self.own["terminal"] else None)
        if key not in self.by_key:
            self.by_key[key] = config_for(self.session, store_id, terminal)["revision"]
        return self.by_key[key]


def _health(row: Iterable[Any], sent: _SentRevisions, now: datetime, silent_after: int
            ) -> TerminalHealth:
    name, store_id, store_name, seen, beat, drift, outbox, dead = row
    beat = beat if isinstance(beat, dict) else {}
    seen = as_utc(seen)
    silent = None if seen is None else max(0, int((now - seen).total_seconds() // 60))
    revision = _text(beat.get("config_revision"))
    current = None if revision is None else revision == sent.revision(store_id, name)
    problems = []
    if seen is None:
        problems.append(NEVER_HEARD)
    elif silent >= silent_after:
        problems.append(SILENT)
    if dead:
        problems.append(DEAD_LETTERS)
    if outbox is not None and outbox >= LARGE_OUTBOX_ITEMS:
        problems.append(OUTBOX_LARGE)
    if drift is not None and abs(drift) > CLOCK_OFF_S:
        problems.append(CLOCK_OFF)
    config_format = beat.get("config_version")
    return TerminalHealth(
        terminal=name, store_id=store_id, store=store_name, problems=tuple(problems),
        version=_text(beat.get("version")),
        config_version=config_format if isinstance(config_format, int) else None,
        config_revision=revision, config_current=current, last_heartbeat_at=seen,
        silent_minutes=silent, clock_drift_s=drift, outbox=outbox, dead_letters=dead,
        last_pull_at="" if "last_pull_at" in beat and beat["last_pull_at"] is None
        else _text(beat.get("last_pull_at")))


def _count(queue: dict | None, kind: str) -> int | None:
    value = queue.get(kind) if isinstance(queue, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
