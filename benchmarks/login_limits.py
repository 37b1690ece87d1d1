"""Password guessing: how many guesses the server's default limits let through, and what
a check costs.

Prints figures; asserts nothing. A guesser who never stops (a try every 0.1 s, on one
account from one address, or on many accounts from one address) is played against the
real limiter (`central.limits`) on a fresh SQLite database, with a simulated clock; then
the cost of one check and give-back, as a right password pays it, is timed on the real
clock. With --postgres, a throw-away PostgreSQL cluster instead (fsync off).

    .venv/bin/python benchmarks/login_limits.py [--postgres]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from central.db.engine import Database  # noqa: E402
from central.db.schema import upgrade  # noqa: E402
from central.limits import Limiter, Rate  # noqa: E402
from central.settings import (  # noqa: E402
    DEFAULT_LOGIN_RATE_PER_ACCOUNT,
    DEFAULT_LOGIN_RATE_PER_ADDRESS,
)


class SimulatedClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def let_through(db: Database, accounts: int, seconds: float) -> int:
    """Guesses allowed in `seconds` to one address trying `accounts` accounts in turn,
    one try every 0.1 s."""
    clock = SimulatedClock()
    limiter = Limiter(db, clock)
    run = uuid.uuid4().hex           # keys of their own: each run starts with none used
    start, allowed, turn = clock.now, 0, 0
    while clock.now - start < seconds:
        account = f"login-account:{run}-{turn % accounts}"
        if not limiter.check({account: DEFAULT_LOGIN_RATE_PER_ACCOUNT,
                              f"login-address:{run}": DEFAULT_LOGIN_RATE_PER_ADDRESS}):
            allowed += 1
        turn += 1
        clock.now += 0.1
    return allowed


def check_cost_ms(db: Database, rounds: int = 200) -> float:
    limiter = Limiter(db)
    limits = {"login-account:timed": Rate(5, 60), "login-address:192.0.2.1": Rate(20, 60)}
    started = time.perf_counter()
    for _ in range(rounds):
        limiter.check(limits)
        limiter.give_back(limits)
    return (time.perf_counter() - started) / rounds * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    postgres = None
    if args.postgres:
        from support.throwaway_postgres import ThrowawayPostgres
        postgres = ThrowawayPostgres()
        postgres.start()
        url = postgres.new_database("limits")
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='login-limits-')) / 'central.db'}"
    db = Database(url)
    try:
        upgrade(db)
        print(f"database: {db.engine.dialect.name}")
        print(f"limits: per account {DEFAULT_LOGIN_RATE_PER_ACCOUNT}, "
              f"per address {DEFAULT_LOGIN_RATE_PER_ADDRESS}")
        for accounts, what in ((1, "one account, one address"),
                               (1000, "1,000 accounts in turn, one address")):
            first_minute = let_through(db, accounts, 60)
            hour = let_through(db, accounts, 3600)
            print(f"{what}: {first_minute} guesses in the first minute, {hour} in an hour "
                  f"({(hour - first_minute) / 59:.1f} a minute after the first)")
        print(f"a right password's check and give-back: {check_cost_ms(db):.2f} ms")
    finally:
        db.dispose()
        if postgres is not None:
            postgres.stop()


if __name__ == "__main__":
    main()
