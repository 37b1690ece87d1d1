"""The FastAPI application: routers, error handling, limits."""

from __future__ import annotations

from fastapi import FastAPI

from central.api import (
    alerts,
    analytics,
    catalog,
    dashboard,
    dashboard_reservations,
    errors,
    fleet_health,
    health,
    orders,
    reservations,
    staff_orders,
    status_page,
    terminal_reports,
)
from central.api.clients import TrustedProxyHeaders
from central.api.json_bodies import JsonBodiesOnly
from central.db.engine import Database
from central.db.schema import head_revision
from central.limits import Limiter
from central.mail.sender import send_from_server
from central.metrics import RequestMetrics
from central.privacy import purge_in_server
from central.reservations import sweep_in_server
from central.settings import Settings


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    # The interactive pages are off unless IT turns them on; the description itself is
    # the published contract, which terminals also read to see that the server answers.
    docs = {} if settings.api_docs else {"docs_url": None, "redoc_url": None}
    app = FastAPI(title="Kiosk central API", version="1",
                  description="The contract between store terminals and the chain's "
                              "central server. See docs/api.md.", **docs)
    app.state.settings = settings
    app.state.db = db or Database(settings.database_url)
    # Rate limits shared with every other process on the same database (central/limits.py).
    app.state.limiter = Limiter(app.state.db)
    # What /health/ready compares the database with: read once, the code does not change.
    app.state.schema_head = head_revision()
    errors.install(app)
    # Inside the size limit: a body is read whole to be checked only once it is known small.
    app.add_middleware(JsonBodiesOnly, router=app.router)
    app.add_middleware(errors.BodySizeLimit, max_bytes=settings.max_body_bytes)
    routers = [module.router for module in (catalog, orders, reservations, terminal_reports,
                                            staff_orders, dashboard_reservations,
                                            status_page, analytics, fleet_health, dashboard,
                                            health, alerts)]
    app.add_middleware(RequestMetrics, routes=[route for router in routers
                                               for route in router.routes])
    # Outermost: everything after it, the access log included, sees the real client.
    app.add_middleware(TrustedProxyHeaders, proxies=settings.trusted_proxies)
    for router in routers:
        app.include_router(router)
    app.include_router(alerts.pages)
    if settings.mail.enabled and settings.mail.send_in_server:
        send_from_server(app)       # customer e-mails (central/mail/)
    sweep_in_server(app)            # reservations past their time, reminders due
    if settings.retention.purge_in_server:
        purge_in_server(app)        # customers' data past its retention time, daily
    app.openapi_schema = None
    _declare_order_schema(app)
    return app


def _declare_order_schema(app: FastAPI) -> None:
    """POST /v1/orders reads its body itself (to fingerprint it before anything else),
    and GET /v1/changes sends JSON it wrote itself, declared by the contract: put their
    schemas in the OpenAPI description by hand."""
    from central.api.catalog import changes_page_components
    from central.schemas import OrderIn

    base = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = base()
            definitions = OrderIn.model_json_schema(ref_template="#/components/schemas/{model}")
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(definitions.pop("$defs", {}))
            components["OrderIn"] = definitions
            components.update(changes_page_components())
            _declare_body_errors(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi


def _declare_body_errors(schema: dict) -> None:
    """Every operation that takes a body may answer 400 and 415 (JsonBodiesOnly)."""
    error = {"content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/ErrorBody"}}}}
    for operations in schema["paths"].values():
        for operation in operations.values():
            if "requestBody" in operation:
                responses = operation.setdefault("responses", {})
                responses.setdefault("400", {"description": "The body is not JSON"} | error)
                responses.setdefault("415", {"description": "The body is not "
                                                            "application/json in UTF-8"} | error)
