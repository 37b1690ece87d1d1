"""The server's repeated work (central/src/central/background.py), which the mail sender, the
reservations' sweep and the privacy purge share: a round at once, another when woken long
before its poll, none after stopping; kept on app.state while the app serves."""

from __future__ import annotations

import threading

from fastapi import FastAPI
from fastapi.testclient import TestClient

from central.background import Periodic, run_while_serving

# Long enough that a round seen before it is one the wake-up brought, never the poll.
HOUR_S = 3600.0
# How long a round may take to come on a loaded machine; only a bound on waiting.
PATIENCE_S = 30.0


class Rounds:
    def __init__(self) -> None:
        self.count = 0
        self._changed = threading.Condition()

    def one_round(self) -> None:
        with self._changed:
            self.count += 1
            self._changed.notify_all()

    def reach(self, count: int) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.count >= count, PATIENCE_S)


def test_a_round_runs_at_once_then_when_woken_and_none_after_stopping():
    rounds = Rounds()
    periodic = Periodic("test-rounds", rounds.one_round, poll_s=HOUR_S)
    periodic.start()
    try:
        assert rounds.reach(1)
        periodic.wake()
        assert rounds.reach(2)
    finally:
        periodic.stop()
    assert not periodic._thread.is_alive()
    assert rounds.count == 2


def test_the_app_keeps_its_periodic_on_its_state_while_it_serves_and_stops_it_after():
    rounds = Rounds()
    app = FastAPI()
    made: list[Periodic] = []

    def make() -> Periodic:
        made.append(Periodic("test-served", rounds.one_round, poll_s=HOUR_S))
        return made[0]

    run_while_serving(app, make, state_name="worker")
    assert made == []                   # nothing runs before the app serves
    with TestClient(app):
        assert app.state.worker is made[0]
        assert rounds.reach(1)
    assert app.state.worker is None
    assert not made[0]._thread.is_alive()
