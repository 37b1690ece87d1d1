"""For the machines that watch the server: is it alive, may it take requests, its metrics.

Outside the terminals' contract (not in the OpenAPI description), and answered to anyone
who reaches the process: the reverse proxy decides who may (deploy/central/nginx).
- /health/live: the process answers (nothing else is looked at: a database outage must
  not get every worker restarted);
- /health/ready: the database answers and its schema is the one this server was built
  for (`central init-db` run after an upgrade), else 503 and why;
- /metrics: Prometheus' text format (central/metrics.py).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy.exc import SQLAlchemyError

from central.api.deps import DB
from central.db.schema import is_current
from central.metrics import exposition

router = APIRouter(include_in_schema=False)
_NOT_STORED = {"Cache-Control": "no-store"}


@router.get("/health/live")
def live() -> JSONResponse:
    return JSONResponse({"status": "alive"}, headers=_NOT_STORED)


@router.get("/health/ready")
def ready(request: Request, db: DB) -> JSONResponse:
    try:
        current = is_current(db, request.app.state.schema_head)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or type(error).__name__).strip()
        return _not_ready("the database cannot be reached: "
                          + (reason.splitlines()[0] if reason else type(error).__name__))
    if not current:
        return _not_ready("the database schema is not this server's: run `central init-db`")
    return JSONResponse({"status": "ready"}, headers=_NOT_STORED)


def _not_ready(reason: str) -> JSONResponse:
    return JSONResponse({"status": "not_ready", "reason": reason}, status_code=503,
                        headers=_NOT_STORED)


@router.get("/metrics")
def metrics(db: DB) -> Response:
    return Response(exposition(db), media_type=CONTENT_TYPE_LATEST, headers=_NOT_STORED)
