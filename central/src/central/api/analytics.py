"""The data behind the dashboard, as JSON and as CSV files, for logged-in staff."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from central.analytics import queries
from central.analytics.export import to_csv
from central.analytics.local_time import CHAIN_ZONE
from central.analytics.schemas import DashboardOut
from central.api.deps import DB
from central.api.errors import ApiError, ErrorBody
from central.api.staff_auth import CurrentManager
from central.schemas import StoreId

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 413, 422, 429)}
router = APIRouter(prefix="/v1/analytics", tags=["analytics"], responses=ERRORS)

Start = Annotated[date | None, Query(description="first day (store-local), default: "
                                                 "27 days before `end`")]
End = Annotated[date | None, Query(description="last day, included; default: today")]
StoreFilter = Annotated[StoreId | None, Query(description="one store; default: all")]
IncludeMisuse = Annotated[bool, Query(description="count ratings flagged as a burst")]
Panel = Literal["stores", "heatmap", "moments", "trend", "reasons", "funnel", "zero_results",
                "reservations", "alerts"]


def today() -> date:
    return datetime.now(CHAIN_ZONE).date()


def make_filters(start: date | None, end: date | None, store_id: str | None,
                 include_misuse: bool) -> queries.Filters:
    try:
        end = end or today()
        start = start or max(end - timedelta(days=27), queries.EARLIEST)
        return queries.Filters(start, end, store_id, include_misuse)
    except (ValueError, OverflowError) as problem:
        message = str(problem) if isinstance(problem, ValueError) else "date out of range"
        raise ApiError(422, "validation_failed", "1 field is invalid",
                       [{"path": "query.start", "message": message}]) from None


def filters_out(filters: queries.Filters) -> dict[str, Any]:
    return {"start": filters.start.isoformat(), "end": filters.end.isoformat(),
            "store_id": filters.store_id, "include_misuse": filters.include_misuse}


@router.get("/dashboard", response_model=DashboardOut,
            summary="Every panel of the dashboard for a range of days")
def dashboard(db: DB, _: CurrentManager, start: Start = None, end: End = None,
              store_id: StoreFilter = None, include_misuse: IncludeMisuse = False
              ) -> dict[str, Any]:
    filters = make_filters(start, end, store_id, include_misuse)
    with db.reading() as session:
        return {"filters": filters_out(filters), **queries.dashboard(session, filters)}


class CsvResponse(Response):
    media_type = "text/csv"


# Errors are JSON here too: said explicitly, or they would be listed as text/csv.
_JSON_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": "An error", "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/ErrorBody"}}}} for status in ERRORS}


@router.get("/csv/{panel}", response_class=CsvResponse,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "The panel's rows, UTF-8 with a BOM"},
                       **_JSON_ERRORS},
            summary="One panel of the dashboard as a CSV file")
def csv_panel(db: DB, _: CurrentManager, panel: Panel, start: Start = None,
              end: End = None, store_id: StoreFilter = None,
              include_misuse: IncludeMisuse = False) -> Response:
    filters = make_filters(start, end, store_id, include_misuse)
    with db.reading() as session:
        rows = queries.panel(session, filters, panel)
    name = f"{panel}-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    return CsvResponse(to_csv(queries.PANEL_COLUMNS[panel], rows),
                       headers={"Content-Disposition": f'attachment; filename="{name}"',
                                "Cache-Control": "no-store"})
