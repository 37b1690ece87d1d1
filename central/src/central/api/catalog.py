"""Catalog and stock down: the change feed, live stock, images."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path, PurePosixPath
from stat import S_ISREG
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as FastApiPath
from fastapi.responses import FileResponse, Response
from pydantic.json_schema import GenerateJsonSchema
from sqlalchemy import select

from central.api.deps import DB, AppSettings, CurrentTerminal
from central.api.errors import ApiError, ErrorBody
from central.db import models
from central.db.engine import iso, utc_now
from central.feed import AVAILABLE_TO_PROMISE, BadCursor, read_page
from central.schemas import ORDER_EXAMPLE, StockOut, free_text
from central.settings import MAX_PAGE, MAX_PAGE_BYTES, MIN_PAGE_BYTES
from kiosk_contract.change_feed import PAGE_SCHEMA, STOCK_VALUES

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 404, 413, 422)}
router = APIRouter(prefix="/v1", responses=ERRORS)


def changes_page_components() -> dict[str, dict[str, Any]]:
    """The contract's page as OpenAPI components (central/app.py adds them): ChangesPage,
    and StockFigure, a stock figure's array."""
    page = GenerateJsonSchema().generate(PAGE_SCHEMA)
    page.update(title="ChangesPage", description="A page of the change feed; with `reset`, "
                "a cursor too old, and empty lists.")
    figure = page["properties"]["stock"]["items"]
    figure.update(title="StockFigure", description="[" + ", ".join(STOCK_VALUES) + "]",
                  examples=[["MJ01-XS-Red", "paris-rivoli", 3, "2026-11-24T13:58:02Z", None]])
    page["properties"]["stock"]["items"] = {"$ref": "#/components/schemas/StockFigure"}
    return {"ChangesPage": page, "StockFigure": figure}


# The page is described by the contract's one declaration, which terminals check it
# with; it is not run through a model here: pages are large and hot, and the tests check
# that they match. read_page hands over the JSON text itself, mostly records encoded
# when they were written.
@router.get("/changes", summary="Catalog, store and stock changes after a cursor",
            response_model=None,
            responses={200: {"content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/ChangesPage"}}}}})
def changes(request: Request, db: DB, settings: AppSettings, _: CurrentTerminal,
            cursor: Annotated[str | None, Query(max_length=200)] = None,
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
            max_bytes: Annotated[int | None, Query(ge=MIN_PAGE_BYTES)] = None) -> Response:
    with db.reading() as session:
        try:
            page = read_page(session, cursor, min(limit, settings.max_page),
                             max_bytes=min(max_bytes or MAX_PAGE_BYTES, MAX_PAGE_BYTES))
        except BadCursor:
            raise ApiError(400, "bad_cursor", "this cursor was not made by this server") \
                from None
    body = page.encode()
    headers = {"Vary": "Accept-Encoding"}
    if accepts_gzip(request.headers.get("accept-encoding", "")):
        # The feed is most of what a terminal downloads, and JSON shrinks to about a
        # seventh: a store on a slow link gets its first sync. The fastest level, as the
        # server builds pages for hundreds of terminals.
        body = gzip.compress(body, compresslevel=1, mtime=0)
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header takes gzip (a `q=0` refuses it)."""
    for item in accept_encoding.split(","):
        coding, _, params = item.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            quality = params.strip().lower().removeprefix("q=")
            try:
                return not params.strip() or float(quality) > 0
            except ValueError:
                return False
    return False


@router.get("/stock", response_model=StockOut, summary="Live stock of one variant")
def stock(db: DB, _: CurrentTerminal,
          sku: Annotated[free_text(100, min_length=1),
                         Query(examples=[ORDER_EXAMPLE["lines"][0]["sku"]])]) -> dict[str, Any]:
    with db.reading() as session:
        if session.get(models.Variant, sku) is None:
            raise ApiError(404, "not_found", f"no variant {sku!r}")
        s = models.Stock
        stores = [{"store_id": store_id, "quantity": quantity, "taken_at": iso(taken_at),
                   "restock_date": restock_date.isoformat() if restock_date else None}
                  for store_id, quantity, taken_at, restock_date in session.execute(
                      select(s.store_id, AVAILABLE_TO_PROMISE, s.taken_at, s.restock_date)
                      .where(s.variant_sku == sku).order_by(s.store_id))]
    return {"sku": sku, "server_time": iso(utc_now()), "stores": stores}


@router.get("/images/{path:path}", summary="An image the catalog names",
            response_class=FileResponse,
            responses={200: {"description": "The file, of the image type its name says",
                             "content": {"image/*": {}}},
                       304: {"description": "Unchanged since the ETag sent in If-None-Match"}})
def image(path: Annotated[str, FastApiPath(examples=["m/j/mj01-red_main.jpg"])],
          request: Request, settings: AppSettings, _: CurrentTerminal) -> Response:
    root = settings.images_dir
    pure = PurePosixPath(path)
    if root is None or not path or pure.is_absolute() or ".." in pure.parts:
        raise ApiError(404, "not_found", "no such image")
    target = Path(root, *pure.parts)
    try:
        stat = target.stat()
    # A name no file system allows (too long, a NUL) names no image either.
    except (OSError, ValueError):
        raise ApiError(404, "not_found", "no such image") from None
    if not S_ISREG(stat.st_mode):
        raise ApiError(404, "not_found", "no such image")
    etag = '"' + hashlib.sha1(f"{stat.st_size}-{stat.st_mtime_ns}".encode()).hexdigest() + '"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return FileResponse(target, headers={"ETag": etag})
