"""How far a long import has gone, for the operator who started it.

On a terminal one line is redrawn in place a few times a second; into a file or a pipe
(a cron job's log) a plain line is written every so often instead. Either way each line
says what is done, how fast, and about how long is left.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

# How often the line is redrawn on a terminal, and a plain line written elsewhere.
REDRAW_EVERY_S = 0.25
LINE_EVERY_S = 10.0


class Progress:
    """Told of each step with `step(unit, done, fraction)`; `done()` at the end, before
    the summary. A new `unit` starts a new phase, with its own rate ("rows read", then
    "products written")."""

    def __init__(self, stream: TextIO, *, clock: Callable[[], float] = time.monotonic,
                 live: bool | None = None) -> None:
        self.stream = stream
        self.clock = clock
        self.live = stream.isatty() if live is None else live
        self.every_s = REDRAW_EVERY_S if self.live else LINE_EVERY_S
        self._unit: str | None = None
        self._started = self._shown_at = 0.0
        self._drawn = False

    def step(self, unit: str, done: int, fraction: float) -> None:
        now = self.clock()
        if unit != self._unit:
            self._end_line()
            self._unit, self._started, self._shown_at = unit, now, now
            return
        if now - self._shown_at < self.every_s:
            return
        self._shown_at = now
        self._show(describe(unit, done, fraction, now - self._started))

    def done(self) -> None:
        self._end_line()

    def _show(self, line: str) -> None:
        if self.live:
            # Back to the line's start, the old line cleared, the new one drawn.
            self.stream.write(f"\r\x1b[K{line}")
            self._drawn = True
        else:
            self.stream.write(f"{line}\n")
        self.stream.flush()

    def _end_line(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


def describe(unit: str, done: int, fraction: float, elapsed_s: float) -> str:
    """'42,000 rows read (35%), 2,100 a second, about 0:40 left'."""
    rate = done / elapsed_s if elapsed_s > 0 else 0.0
    line = f"{done:,} {unit} ({fraction:.0%}), {rate:,.0f} a second"
    if 0 < fraction < 1:
        line += f", about {_duration(elapsed_s * (1 - fraction) / fraction)} left"
    return line


def _duration(seconds: float) -> str:
    minutes, second = divmod(round(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}" if hours else f"{minute}:{second:02d}"
