"""A chain's fleet against the central server as deployed: 5,000 simulated terminals, each on
its own TLS connection to nginx (deploy/central/'s site), in front of 2 `central serve`
processes on one PostgreSQL, all on this machine.

Each terminal keeps the kiosk's rhythm, in real time (not quickened): it polls the change
feed every 30 s (from the head of the feed, as a terminal that has synced does all day),
says it is alive every 60 s, and sends an order now and then, once an hour on average
(a Poisson process), with an Idempotency-Key and the same body again after any failure, as
the outbox does. Prometheus' scrape of /metrics every 15 s is played too. Terminals start
one after the other over a ramp (`--ramp`) and open their connection then; after a
warm-up, the window measured is the next `--seconds`.

Prints, for the window: requests, p50, p99 and max latency per route as a terminal sees
it (through nginx), errors (target 0: any answer but a 2xx, a failure of the connection,
an order stored other than once), and the CPU seconds used by the servers, nginx and
PostgreSQL (from /proc: what the load generator, in this process, and anything else on
the machine use is not counted), per 1,000 terminals, and what that implies for 20,000.
Asserts nothing. The machine is shared: its load is printed with the figures.

    .venv/bin/python benchmarks/fleet.py [--terminals 5000] [--seconds 120] [--ramp 90]

(A window of 60 s or more holds every terminal's polls and heartbeat.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import ssl
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from sqlalchemy import func, select  # noqa: E402
from support.scale_out import Nginx, ServerProcess, head_cursor, order_body  # noqa: E402
from support.throwaway_postgres import ThrowawayPostgres  # noqa: E402

from central.db import models  # noqa: E402
from central.db.engine import Database, utc_now  # noqa: E402
from central.db.schema import upgrade  # noqa: E402
from central.terminals import token_hash  # noqa: E402
from kiosk_demo.luma import seed_central  # noqa: E402

LUMA = ROOT.parent / "shared" / "datasets" / "luma"
POLL_S, HEARTBEAT_S, ORDER_MEAN_S, SCRAPE_S = 30.0, 60.0, 3600.0, 15.0
RETRY_PAUSE_S = 1.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Figures:
    """What the window measured, by route."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    measuring: bool = False

    def record(self, route: str, seconds: float, problem: str | None) -> None:
        if not self.measuring:
            return
        self.latencies[route].append(seconds)
        if problem is not None:
            self.errors[route].append(problem)


class Connection:
    """One terminal's keep-alive connection over TLS: HTTP/1.1 by hand (what the terminal
    sends is small; a client library per terminal would cost this process more than the
    servers it measures)."""

    def __init__(self, port: int, context: ssl.SSLContext, token: str) -> None:
        self.port, self.context, self.token = port, context, token
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, body: bytes | None = None,
                      headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(
                "127.0.0.1", self.port, ssl=self.context, server_hostname="127.0.0.1")
        lines = [f"{method} {target} HTTP/1.1", f"Host: 127.0.0.1:{self.port}",
                 f"Authorization: Bearer {self.token}", "User-Agent: kiosk",
                 "Accept-Encoding: gzip"]
        if body is not None:
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        try:
            self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b""))
            await self.writer.drain()
            return await self._answer()
        except (OSError, asyncio.IncompleteReadError, ValueError):
            await self.close()
            raise

    async def _answer(self) -> tuple[int, bytes]:
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        fields = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip()
        if fields.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
                body += (await self.reader.readexactly(size + 2))[:-2]
            await self.reader.readuntil(b"\r\n")
        else:
            body = await self.reader.readexactly(int(fields.get("content-length", "0")))
        if fields.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class Terminal:
    def __init__(self, name: str, store: str, token: str, port: int, context: ssl.SSLContext,
                 cursor: str, figures: Figures, rng: random.Random) -> None:
        self.name, self.store, self.cursor = name, store, cursor
        self.connection = Connection(port, context, token)
        self.figures, self.rng = figures, rng
        self.stored: dict[str, str] = {}          # Idempotency-Key: reference answered

    async def run(self, start: float, end: float) -> None:
        """`start`: when the terminal comes up, connects and polls first."""
        loop = asyncio.get_running_loop()
        next_poll = start
        next_beat = next_poll + self.rng.uniform(0, HEARTBEAT_S)
        next_order = start + self.rng.expovariate(1 / ORDER_MEAN_S)
        while True:
            due = min(next_poll, next_beat, next_order)
            if due >= end:
                break
            await asyncio.sleep(max(0.0, due - loop.time()))
            if due == next_poll:
                await self._timed("GET /v1/changes", "GET",
                                  f"/v1/changes?limit=500&cursor={self.cursor}")
                next_poll += POLL_S
            elif due == next_beat:
                await self._timed("POST /v1/heartbeat", "POST", "/v1/heartbeat", json.dumps({
                    "version": "0.1.0",
                    "terminal_time": datetime.now(timezone.utc).isoformat(),
                    "queue": {"order": 0, "rating": self.rng.randint(0, 3), "event": 0,
                              "dead": 0}}).encode())
                next_beat += HEARTBEAT_S
            else:
                await self._order(end)
                next_order += self.rng.expovariate(1 / ORDER_MEAN_S)
        await self.connection.close()

    async def _order(self, end: float) -> None:
        """Sent until the server answers it, as the outbox would; each failure counts."""
        key = str(uuid.uuid4())
        body = json.dumps(order_body(self.name, self.store)).encode()
        while asyncio.get_running_loop().time() < end + 60:
            status, answer = await self._timed("POST /v1/orders", "POST", "/v1/orders", body,
                                               {"Idempotency-Key": key})
            if status == 201:
                self.stored[key] = json.loads(answer)["reference"]
                return
            if status is not None and status < 500 and status not in (409, 429):
                return          # refused: counted as an error already
            await asyncio.sleep(RETRY_PAUSE_S)

    async def _timed(self, route: str, method: str, target: str, body: bytes | None = None,
                     headers: dict[str, str] | None = None) -> tuple[int | None, bytes]:
        started = time.perf_counter()
        try:
            status, answer = await self.connection.request(method, target, body, headers)
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            self.figures.record(route, time.perf_counter() - started,
                                f"{type(error).__name__}: {error}")
            return None, b""
        problem = None if 200 <= status < 300 else f"HTTP {status} {answer[:200]!r}"
        self.figures.record(route, time.perf_counter() - started, problem)
        return status, answer


async def scrape(port: int, context: ssl.SSLContext, figures: Figures, end: float) -> None:
    """Prometheus: /metrics every 15 s, each time on a new connection."""
    loop = asyncio.get_running_loop()
    while loop.time() < end:
        connection = Connection(port, context, "")
        started = time.perf_counter()
        try:
            status, _ = await connection.request("GET", "/metrics")
            problem = None if status == 200 else f"HTTP {status}"
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            problem = f"{type(error).__name__}: {error}"
        figures.record("GET /metrics", time.perf_counter() - started, problem)
        await connection.close()
        await asyncio.sleep(SCRAPE_S)


def process_tree_cpu_s(root_pid: int) -> float:
    """CPU seconds of a process and all its descendants, those gone included (their time
    is added to the parent that reaped them)."""
    children: dict[int, list[int]] = defaultdict(list)
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2:].split()
        stats[int(entry)] = fields
        children[int(fields[1])].append(int(entry))
    total, pending = 0.0, [root_pid]
    while pending:
        pid = pending.pop()
        if pid in stats:
            utime, stime, cutime, cstime = (int(v) for v in stats[pid][11:15])
            total += (utime + stime + cutime + cstime) / CLOCK_TICKS
        pending += children.get(pid, [])
    return total


def postmaster_pid(postgres: ThrowawayPostgres) -> int:
    return int((postgres.data / "postmaster.pid").read_text().split()[0])


def make_terminals(db: Database, count: int) -> list[tuple[str, str, str]]:
    """`count` terminals spread over the demo's stores: (name, store, token)."""
    with db.writing() as session:
        stores = list(session.scalars(select(models.Store.id).order_by(models.Store.id)))
        made = []
        for number in range(count):
            name, store = f"fleet-{number:05d}", stores[number % len(stores)]
            token = uuid.uuid4().hex + uuid.uuid4().hex
            session.add(models.Terminal(name=name, store_id=store, token_hash=token_hash(token),
                                        created_at=utc_now()))
            made.append((name, store, token))
    return made


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def run_fleet(args, terminals, cursor, nginx: Nginx, cpu_groups: dict[str, int],
                    figures: Figures) -> dict:
    context = ssl.create_default_context(cafile=str(nginx.cert))
    rng = random.Random(args.seed)
    fleet = [Terminal(name, store, token, nginx.port, context, cursor, figures,
                      random.Random(rng.random())) for name, store, token in terminals]
    loop = asyncio.get_running_loop()
    start = loop.time() + 1
    window_start = start + args.ramp + args.warm_up
    end = window_start + args.seconds
    # Terminals come up one after the other over the ramp, as a chain's do in the morning
    # (and a load generator can make only so many TLS handshakes a second).
    tasks = [asyncio.create_task(t.run(start + rng.uniform(0, args.ramp), end)) for t in fleet]
    tasks.append(asyncio.create_task(scrape(nginx.port, context, figures, end)))
    await asyncio.sleep(max(0.0, window_start - loop.time()))
    figures.measuring = True
    cpu_before = {group: process_tree_cpu_s(pid) for group, pid in cpu_groups.items()}
    own_before, machine_before = os.times(), _machine_busy_s()
    wall_started = time.monotonic()
    await asyncio.sleep(max(0.0, end - loop.time()))
    cpu_after = {group: process_tree_cpu_s(pid) for group, pid in cpu_groups.items()}
    own_after, machine_after = os.times(), _machine_busy_s()
    wall = time.monotonic() - wall_started
    figures.measuring = False
    await asyncio.gather(*tasks)      # orders under way are answered
    return {"wall": wall, "fleet": fleet,
            "cpu": {group: cpu_after[group] - cpu_before[group] for group in cpu_groups},
            "generator": (own_after.user + own_after.system)
            - (own_before.user + own_before.system),
            "machine": machine_after - machine_before}


def _machine_busy_s() -> float:
    """CPU seconds the whole machine spent busy (every process, ours and the others')."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / CLOCK_TICKS


def report(args, result: dict, figures: Figures, db: Database) -> None:
    wall, cpu = result["wall"], result["cpu"]
    print(f"\nfleet: {args.terminals} terminals, real time (a poll every {POLL_S:g} s, a "
          f"heartbeat every {HEARTBEAT_S:g} s, an order an hour on average), "
          f"2 server processes behind nginx (TLS) on PostgreSQL; window {wall:.0f} s, once "
          f"all had come up over {args.ramp:g} s and {args.warm_up:g} s more")
    print(f"{'route':<22}{'requests':>9}{'per s':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}"
          f"{'errors':>8}")
    total_errors = 0
    for route in sorted(figures.latencies):
        times = figures.latencies[route]
        errors = len(figures.errors[route])
        total_errors += errors
        print(f"{route:<22}{len(times):>9}{len(times) / wall:>8.1f}"
              f"{statistics.median(times) * 1000:>9.1f}{percentile(times, 0.99) * 1000:>9.1f}"
              f"{max(times) * 1000:>9.1f}{errors:>8}")
    stored = {key: reference for t in result["fleet"] for key, reference in t.stored.items()}
    with db.reading() as session:
        rows = dict(session.execute(
            select(models.Order.idempotency_key, models.Order.reference)
            .join(models.Terminal, models.Terminal.id == models.Order.terminal_id)
            .where(models.Terminal.name.like("fleet-%"))).all())
        count = session.scalar(select(func.count()).select_from(models.Order)
                               .join(models.Terminal,
                                     models.Terminal.id == models.Order.terminal_id)
                               .where(models.Terminal.name.like("fleet-%")))
    once = rows == stored and count == len(stored)
    total_errors += 0 if once else 1
    print(f"orders answered 201: {len(stored)}; stored once each, none missing: "
          f"{'yes' if once else 'NO'}")
    for route, problems in sorted(figures.errors.items()):
        for problem in sorted(set(problems))[:5]:
            print(f"  error {route}: {problems.count(problem)} x {problem}")
    print(f"errors: {total_errors} (target 0)")
    served = sum(cpu.values())
    print(f"CPU s in the window: servers {cpu['servers']:.1f}, nginx {cpu['nginx']:.1f}, "
          f"PostgreSQL {cpu['postgresql']:.1f}: {served:.1f} ({served / wall:.2f} cores); "
          f"the load generator {result['generator']:.1f}; the whole machine "
          f"{result['machine']:.1f} of {wall * os.cpu_count():.0f} "
          f"({os.cpu_count()} cores, shared with other work)")
    # A machine busy with other work serves fewer requests than the fleet asks for: the
    # cost is measured per request served and scaled to what the fleet asks.
    asked = args.terminals * (1 / POLL_S + 1 / HEARTBEAT_S + 1 / ORDER_MEAN_S)
    requests = sum(len(times) for route, times in figures.latencies.items()
                   if route != "GET /metrics")
    served = requests / wall
    # Arrivals are random: within 2 % of what was asked is keeping up.
    verdict = "kept up" if served >= 0.98 * asked else "the machine could not keep up"
    print(f"requests asked for by the fleet: {asked:.1f}/s; served {served:.1f}/s "
          f"({served / asked:.0%}): {verdict}")
    per_request = {group: cpu[group] / requests for group in cpu}
    print("CPU per request served: " + ", ".join(
        f"{group} {per_request[group] * 1000:.2f} ms" for group in ("servers", "nginx",
                                                                   "postgresql")))
    per_thousand = {group: per_request[group] * asked / (args.terminals / 1000) * 3600
                    for group in cpu}
    total = sum(per_thousand.values())
    print(f"CPU s per 1,000 terminals per hour, at the fleet's full rate: {total:.0f} "
          f"({total / 3600:.2f} cores): servers {per_thousand['servers']:.0f}, nginx "
          f"{per_thousand['nginx']:.0f}, PostgreSQL {per_thousand['postgresql']:.0f}")
    servers_20k = per_thousand["servers"] * 20 / 3600
    print(f"20,000 terminals: {total * 20 / 3600:.1f} cores busy on average "
          f"({servers_20k:.1f} for the server processes: {max(2, round(servers_20k / 0.6 + 0.49))}"
          f" workers or more, each under 60 %; PostgreSQL "
          f"{per_thousand['postgresql'] * 20 / 3600:.1f}), before peaks")
    print(f"load average at the end: {Path('/proc/loadavg').read_text().split()[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terminals", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--ramp", type=float, default=90,
                        help="seconds over which the terminals come up and connect")
    parser.add_argument("--warm-up", type=float, default=30,
                        help="seconds after the ramp before the window opens")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="fleet-"))
    postgres = ThrowawayPostgres()
    postgres.start()
    servers: list[ServerProcess] = []
    nginx = None
    try:
        db = Database(postgres.new_database("fleet"))
        upgrade(db)
        started = time.monotonic()
        seed_central(db, LUMA)
        terminals = make_terminals(db, args.terminals)
        print(f"seeded the demo chain and {len(terminals)} terminals in "
              f"{time.monotonic() - started:.0f} s", flush=True)
        servers = [ServerProcess(workdir, f"server-{n}", db.url, LUMA / "images")
                   for n in (1, 2)]
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        nginx = Nginx(workdir, [server.port for server in servers])
        nginx.start()
        figures = Figures()
        groups = {"nginx": nginx.process.pid, "postgresql": postmaster_pid(postgres)} \
            | {server.name: server.process.pid for server in servers}
        result = asyncio.run(run_fleet(args, terminals, head_cursor(db), nginx, groups,
                                       figures))
        result["cpu"]["servers"] = sum(result["cpu"].pop(server.name) for server in servers)
        report(args, result, figures, db)
        db.dispose()
    finally:
        if nginx is not None:
            nginx.stop()
        for server in servers:
            server.stop()
        postgres.stop()


if __name__ == "__main__":
    main()
