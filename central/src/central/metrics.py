"""What Prometheus reads at /metrics: request latency per route, orders accepted and refused,
and each terminal's last heartbeat and queues.

A server runs several worker processes, and a scrape reaches only one of them: counts and
latencies are therefore kept in prometheus-client's multiprocess mode, each worker writing
its own files in `PROMETHEUS_MULTIPROC_DIR` (`central serve` makes one), and the worker
that answers adds them all up. Without that variable (the tests' in-process server) each
count lives in the process. What terminals last said is read from the database at scrape
time, so every worker answers the same.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from sqlalchemy import select
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.db import models
from central.db.engine import Database, as_utc

MULTIPROCESS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
QUEUES = ("order", "rating", "event", "dead")
# The label of requests no route answers (404s): their paths are the client's to choose,
# one label each would grow without end.
UNMATCHED = "unmatched"

# Counts of this process (and, in multiprocess mode, its files): not the default
# registry, which would add the exporter's process and garbage-collector figures.
_OWN = CollectorRegistry(auto_describe=True)

REQUEST_SECONDS = Histogram(
    "central_http_request_duration_seconds",
    "Time from a request's arrival at the server to the end of its answer, by route",
    ["method", "route", "status"], registry=_OWN,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
ORDERS_ACCEPTED = Counter(
    "central_orders_accepted", "Orders stored (a retry answered from the stored order is not "
    "counted again)", registry=_OWN)
ORDERS_REPLAYED = Counter(
    "central_orders_replayed", "Retries of an order already stored, answered as the first "
    "time", registry=_OWN)
ORDERS_REFUSED = Counter(
    "central_orders_refused", "Orders answered with an error, by its code (docs/api.md)",
    ["reason"], registry=_OWN)


def multiprocess() -> bool:
    return bool(os.environ.get(MULTIPROCESS_DIR_ENV))


def exposition(db: Database) -> bytes:
    """The text a scrape receives."""
    counts = MultiProcessCollector(None) if multiprocess() else _OWN
    return generate_latest(_Collectors(counts, TerminalCollector(db)))


class _Collectors:
    """Several collectors read as one registry, once."""

    def __init__(self, *collectors) -> None:
        self.collectors = collectors

    def collect(self) -> Iterator[Metric]:
        for collector in self.collectors:
            yield from collector.collect()


class TerminalCollector:
    """Each terminal's last heartbeat: when, its clock's drift, and its queues' depths."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterable[Metric]:
        labels = ["terminal", "store"]
        seen = GaugeMetricFamily(
            "central_terminal_last_heartbeat_timestamp_seconds",
            "When the terminal last said it was alive (Unix time, server clock)", labels=labels)
        drift = GaugeMetricFamily(
            "central_terminal_clock_drift_seconds",
            "The terminal's clock minus the server's at its last heartbeat", labels=labels)
        queued = GaugeMetricFamily(
            "central_terminal_queue_items",
            "Items waiting on the terminal at its last heartbeat, by queue (dead: refused, "
            "for staff)", labels=[*labels, "queue"])
        t = models.Terminal
        with self.db.reading() as session:
            rows = session.execute(
                select(t.name, t.store_id, t.last_heartbeat_at, t.clock_drift_s,
                       t.last_heartbeat)
                .where(t.revoked_at.is_(None), t.last_heartbeat_at.is_not(None))
                .order_by(t.name)).all()
        for name, store, at, clock_drift, beat in rows:
            seen.add_metric([name, store], as_utc(at).timestamp())
            if clock_drift is not None:
                drift.add_metric([name, store], clock_drift)
            queue = (beat or {}).get("queue") or {}
            for kind in QUEUES:
                if isinstance(queue.get(kind), int):
                    queued.add_metric([name, store, kind], queue[kind])
        return [seen, drift, queued]


class RequestMetrics:
    """Times every request, labelled by the route's template (/v1/orders/{reference}), not
    its path: a label per order reference would never stop growing."""

    def __init__(self, app: ASGIApp, routes: list[BaseRoute]) -> None:
        self.app, self.routes = app, routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500        # unless an answer starts: the client sees the connection cut

        async def noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_status)
        finally:
            REQUEST_SECONDS.labels(scope["method"], self._route(scope), str(status)) \
                .observe(time.perf_counter() - started)

    def _route(self, scope: Scope) -> str:
        # The router writes the route it chose into the scope; a request refused before
        # routing (413, 415) is matched here.
        route = scope.get("route")
        if route is None:
            route = next((candidate for candidate in self.routes
                          if candidate.matches(scope)[0] is Match.FULL), None)
        return getattr(route, "path", None) or UNMATCHED
