"""The database-backed rate limits (central/src/central/limits.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from central.db.models import RateLimit
from central.limits import Limiter, Rate, prune


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_an_allowance_lets_its_count_through_at_once_then_refills_one_at_a_time(database_at):
    clock = Clock()
    limiter = Limiter(database_at("head"), clock)
    three_a_minute = {"account:alice": Rate(3, 60)}
    assert [limiter.check(three_a_minute) for _ in range(3)] == [0, 0, 0]
    assert limiter.check(three_a_minute) == 20          # the next one refills in 20 s
    clock.now += 19.5
    assert limiter.check(three_a_minute) == 1           # waits are whole seconds, >= 1
    clock.now += 0.5
    assert limiter.check(three_a_minute) == 0
    assert limiter.check(three_a_minute) == 20
    clock.now += 60
    assert [limiter.check(three_a_minute) for _ in range(4)] == [0, 0, 0, 20]


def test_a_refused_try_costs_nothing(database_at):
    clock = Clock()
    limiter = Limiter(database_at("head"), clock)
    one_a_minute = {"address:10.0.0.1": Rate(1, 60)}
    assert limiter.check(one_a_minute) == 0
    for _ in range(50):                    # hammering does not push the next try back
        assert limiter.check(one_a_minute) == 60
    clock.now += 60
    assert limiter.check(one_a_minute) == 0


def test_a_try_counts_against_every_key_or_none(database_at):
    clock = Clock()
    limiter = Limiter(database_at("head"), clock)
    account, address = Rate(2, 60), Rate(3, 60)
    assert limiter.check({"account:alice": account, "address:a": address}) == 0
    assert limiter.check({"account:alice": account, "address:a": address}) == 0
    # alice's allowance is used up: this try is refused, and the address keeps its third.
    assert limiter.check({"account:alice": account, "address:a": address}) == 30
    assert limiter.check({"account:bob": account, "address:a": address}) == 0
    assert limiter.check({"account:carol": account, "address:a": address}) == 20


def test_a_try_given_back_is_available_again(database_at):
    clock = Clock()
    limiter = Limiter(database_at("head"), clock)
    two_a_minute = {"account:alice": Rate(2, 60)}
    for _ in range(5):                         # right passwords: given back every time
        assert limiter.check(two_a_minute) == 0
        limiter.give_back(two_a_minute)
    assert limiter.check(two_a_minute) == 0
    assert limiter.check(two_a_minute) == 0
    assert limiter.check(two_a_minute) == 30


def test_parallel_tries_never_get_past_the_allowance(database_at):
    db = database_at("head")
    limiter = Limiter(db)
    five_an_hour = {"account:manager": Rate(5, 3600), "address:192.0.2.7": Rate(100, 3600)}
    with ThreadPoolExecutor(max_workers=25) as pool:
        waits = list(pool.map(lambda _: limiter.check(five_an_hour), range(50)))
    assert waits.count(0) == 5
    assert all(wait > 0 for wait in waits if wait)


def test_keys_of_any_length_or_content_are_kept(database_at):
    limiter = Limiter(database_at("head"), Clock())
    odd_keys = ["account:" + "x" * 5000, "account:nul\x00", "account:lone\udc80surrogate"]
    for key in odd_keys:
        assert limiter.check({key: Rate(1, 60)}) == 0
        assert limiter.check({key: Rate(1, 60)}) == 60


def test_pruning_forgets_only_keys_whose_allowance_is_whole(database_at):
    db = database_at("head")
    clock = Clock()
    limiter = Limiter(db, clock)
    limiter.check({"address:old": Rate(1, 60)})
    clock.now += 30
    limiter.check({"address:recent": Rate(1, 60)})
    clock.now += 31
    assert prune(db, clock.now) == 1
    with db.reading() as session:
        assert session.scalars(select(RateLimit.key)).all() == ["address:recent"]
        assert session.scalar(select(func.count()).select_from(RateLimit)) == 1
    assert limiter.check({"address:recent": Rate(1, 60)}) == 29
