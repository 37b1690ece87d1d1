"""Work the server repeats on a thread of its own (the reservations' sweep, the daily
privacy purge) for as long as the app serves."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import asynccontextmanager

from starlette.concurrency import run_in_threadpool


class Periodic:
    """`one_round()` on a thread of its own, every `poll_s` seconds, until stopped. A round
    logs what it did and catches its own faults, so that the next round still comes."""

    def __init__(self, name: str, one_round: Callable[[], None], poll_s: float) -> None:
        self.one_round, self.poll_s = one_round, poll_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.one_round()
            self._stop.wait(self.poll_s)


def run_while_serving(app, make: Callable[[], Periodic]) -> None:
    """Start the Periodic `make` returns when the app starts serving (its lifespan, once
    `app.state` is set up) and stop it when the app stops."""
    original = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(application):
        periodic = make()
        periodic.start()
        try:
            async with original(application) as state:
                yield state
        finally:
            await run_in_threadpool(periodic.stop)

    app.router.lifespan_context = lifespan
