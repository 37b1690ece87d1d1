"""A first sync of the demo chain through a thin link: how long, and how many bytes.

Prints figures; asserts nothing. A central server seeded with the demo chain runs on
loopback behind tests/support/faulty_proxy.py's SLOW_LINK (300 ms each way, the
bandwidth given), and an empty terminal syncs until its first pull is complete, with
the product's own time limit (a minute per answer). Each link is tried with the feed
gzipped, as terminals ask for it, and as plain JSON, as before the feed was compressed;
a run that has not completed after --give-up seconds is reported as such.

    .venv/bin/python benchmarks/slow_link.py [--kbits 128 1000] [--give-up 600]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support.central_server import CentralServer  # noqa: E402
from support.faulty_proxy import Fault, FaultyProxy  # noqa: E402

from kiosk.core.sync.client import CentralClient  # noqa: E402
from kiosk.core.sync.engine import SyncEngine  # noqa: E402
from kiosk_demo.datasets import luma_dir  # noqa: E402


def first_sync(server: CentralServer, workdir: Path, kbits: int, gzipped: bool,
               give_up_s: float) -> tuple[float | None, int, int]:
    """Seconds to a complete first pull (None if given up), bytes down, rounds."""
    name = f"bench-{kbits}-{'gz' if gzipped else 'plain'}"
    token = server.add_terminal(name).read_text().strip()
    proxy = FaultyProxy(server.port)
    proxy.set(Fault.SLOW_LINK, bytes_per_s=kbits * 1000 / 8, delay_s=0.3)
    client = CentralClient(proxy.url, token)
    if not gzipped:
        client._session.headers["Accept-Encoding"] = "identity"
    data_dir = workdir / name
    data_dir.mkdir()
    engine = SyncEngine(data_dir, client, version="bench", interval_s=30,
                        purge_after=timedelta(days=30), images_dir=luma_dir() / "images")
    started, rounds, done = time.monotonic(), 0, None
    while time.monotonic() - started < give_up_s:
        status = engine.run_round()
        rounds += 1
        if status.last_pull_at is not None:
            done = time.monotonic() - started
            break
    engine.close()
    proxy.close()
    return done, proxy.bytes_down, rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kbits", type=int, nargs="+", default=[128, 1000])
    parser.add_argument("--give-up", type=float, default=600.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        server = CentralServer(workdir, f"sqlite:///{workdir / 'central.db'}",
                               luma_dir() / "images")
        server.cli("init-db")
        server.seed_demo(luma_dir())
        server.start()
        try:
            print(f"{'link':>10} {'feed':>6} {'first sync':>12} {'bytes down':>12} {'rounds':>7}")
            for kbits in args.kbits:
                for gzipped in (True, False):
                    seconds, down, rounds = first_sync(server, workdir, kbits, gzipped,
                                                       args.give_up)
                    took = f"{seconds:.1f} s" if seconds is not None else "never"
                    print(f"{kbits:>5} kbit {'gzip' if gzipped else 'plain':>6} {took:>12} "
                          f"{down:>12,} {rounds:>7}", flush=True)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
