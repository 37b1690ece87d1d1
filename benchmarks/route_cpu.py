"""Server CPU per request for the fleet's three routes, measured in-process: the ASGI app
(every middleware included) called directly, on a throwaway PostgreSQL holding the demo
chain and `--terminals` terminals. CPU time of this process (all its threads), not wall
time, so a busy machine does not change it much; PostgreSQL's own CPU is not counted.

    .venv/bin/python benchmarks/route_cpu.py [--terminals 5000] [--requests 2000]

Prints milliseconds of CPU per request for GET /v1/changes (nothing new), POST
/v1/heartbeat and POST /v1/orders, as benchmarks/fleet.py's terminals send them.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from fleet import LUMA, make_terminals  # noqa: E402
from support.scale_out import head_cursor, order_body  # noqa: E402
from support.throwaway_postgres import ThrowawayPostgres  # noqa: E402

from central.app import create_app  # noqa: E402
from central.db.engine import Database  # noqa: E402
from central.db.schema import upgrade  # noqa: E402
from central.settings import Settings  # noqa: E402
from kiosk_demo.luma import seed_central  # noqa: E402


async def call(app, method: str, target: str, token: str, body: bytes = b"",
               extra: dict[str, str] | None = None) -> tuple[int, bytes]:
    path, _, query = target.partition("?")
    headers = [(b"host", b"central"), (b"authorization", f"Bearer {token}".encode()),
               (b"accept-encoding", b"gzip")]
    if body:
        headers += [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())]
    headers += [(key.lower().encode(), value.encode()) for key, value in (extra or {}).items()]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "root_path": "", "headers": headers,
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000), "state": {}}
    sent = False
    answer: dict = {"body": b""}

    async def receive() -> dict:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return answer["status"], answer["body"]


def heartbeat_body() -> bytes:
    return json.dumps({"version": "0.1.0",
                       "terminal_time": datetime.now(timezone.utc).isoformat(),
                       "queue": {"order": 0, "rating": 1, "event": 0, "dead": 0}}).encode()


async def measure(app, terminals, cursor: str, requests: int) -> dict[str, float]:
    routes = {
        "GET /v1/changes": lambda n, name, store, token: call(
            app, "GET", f"/v1/changes?limit=500&cursor={cursor}", token),
        "POST /v1/heartbeat": lambda n, name, store, token: call(
            app, "POST", "/v1/heartbeat", token, heartbeat_body()),
        "POST /v1/orders": lambda n, name, store, token: call(
            app, "POST", "/v1/orders", token, json.dumps(order_body(name, store)).encode(),
            {"Idempotency-Key": str(uuid.uuid4())}),
    }
    figures = {}
    async with app.router.lifespan_context(app):
        for route, send in routes.items():
            for n in range(50):          # warm: connections opened, statements cached
                status, answer = await send(n, *terminals[n % len(terminals)])
                assert 200 <= status < 300, (route, status, answer[:300])
            started = time.process_time()
            for n in range(requests):
                status, answer = await send(n, *terminals[(n * 7) % len(terminals)])
                assert 200 <= status < 300, (route, status, answer[:300])
            figures[route] = (time.process_time() - started) / requests * 1000
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terminals", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    postgres = ThrowawayPostgres()
    postgres.start()
    try:
        db = Database(postgres.new_database("route_cpu"))
        upgrade(db)
        seed_central(db, LUMA)
        terminals = make_terminals(db, args.terminals)
        app = create_app(Settings(db.url, images_dir=LUMA / "images"), db)
        figures = asyncio.run(measure(app, terminals, head_cursor(db), args.requests))
        for route, ms in figures.items():
            print(f"{route:<20} {ms:6.2f} ms CPU per request")
        db.dispose()
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
