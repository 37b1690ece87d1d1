"""Each terminal's health for logged-in staff, as JSON and as a CSV file: what the
dashboard's Terminals page shows (central/fleet_health.py), for scripts and spreadsheets."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel

from central.analytics.export import to_csv
from central.api.analytics import _JSON_ERRORS, ERRORS, CsvResponse
from central.api.deps import DB, AppSettings
from central.api.staff_auth import CurrentManager
from central.db.engine import iso, utc_now
from central.fleet_health import COLUMNS, fleet_health

router = APIRouter(prefix="/v1/analytics", tags=["analytics"], responses=ERRORS)


class TerminalRow(BaseModel):
    terminal: str
    store_id: str
    store: str
    status: str
    problems: str
    version: str | None
    config_version: int | None
    config_revision: str | None
    config_current: bool | None
    last_heartbeat_at: str | None
    silent_minutes: int | None
    clock_drift_s: float | None
    outbox: int | None
    dead_letters: int | None
    last_pull_at: str | None


class TerminalsOut(BaseModel):
    server_time: str
    silent_after_minutes: int
    terminals: list[TerminalRow]


@router.get("/terminals", response_model=TerminalsOut,
            summary="Each terminal's health from its last heartbeat, trouble first")
def terminals(db: DB, settings: AppSettings, _: CurrentManager) -> dict[str, Any]:
    now = utc_now()
    with db.reading() as session:
        health = fleet_health(session, now, settings.terminal_silent_minutes)
    return {"server_time": iso(now), "silent_after_minutes": settings.terminal_silent_minutes,
            "terminals": [terminal.row() for terminal in health]}


@router.get("/terminals/csv", response_class=CsvResponse,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "The terminals' rows, UTF-8 with a BOM"},
                       **_JSON_ERRORS},
            summary="Each terminal's health as a CSV file")
def terminals_csv(db: DB, settings: AppSettings, _: CurrentManager) -> Response:
    now = utc_now()
    with db.reading() as session:
        health = fleet_health(session, now, settings.terminal_silent_minutes)
    name = f"terminals-{now:%Y-%m-%dT%H%M}Z.csv"
    return CsvResponse(to_csv(COLUMNS, [terminal.row() for terminal in health]),
                       headers={"Content-Disposition": f'attachment; filename="{name}"',
                                "Cache-Control": "no-store"})
