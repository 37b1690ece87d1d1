"""Work the server repeats on a thread of its own (the mail sender, the reservations'
sweep, the daily privacy purge) for as long as the app serves."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import asynccontextmanager

from starlette.concurrency import run_in_threadpool


class Periodic:
    """`one_round()` on a thread of its own, every `poll_s` seconds or as soon as woken,
    until stopped. A round logs what it did and catches its own faults, so that the next
    round still comes. Stopping waits up to `stop_wait_s` for the round under way."""

    def __init__(self, name: str, one_round: Callable[[], None], poll_s: float,
                 stop_wait_s: float = 30.0) -> None:
        self.one_round, self.poll_s, self.stop_wait_s = one_round, poll_s, stop_wait_s
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Run the next round now rather than at the end of the wait."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=self.stop_wait_s)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.one_round()
            self._wake.wait(self.poll_s)
            self._wake.clear()


def run_while_serving(app, make: Callable[[], Periodic], state_name: str | None = None
                      ) -> None:
    """Start the Periodic `make` returns when the app starts serving (its lifespan, once
    `app.state` is set up) and stop it when the app stops; kept meanwhile as
    `app.state.<state_name>` when named, for whoever wakes it."""
    original = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(application):
        periodic = make()
        periodic.start()
        if state_name:
            setattr(app.state, state_name, periodic)
        try:
            async with original(application) as state:
                yield state
        finally:
            if state_name:
                setattr(app.state, state_name, None)
            await run_in_threadpool(periodic.stop)

    app.router.lifespan_context = lifespan
