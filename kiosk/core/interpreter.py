"""How the kiosk's threads share the Python interpreter: set once, by the process that
runs the app."""

from __future__ import annotations

import sys

# How long a thread that wants the GIL waits before the holder is asked to hand it over:
# 5 ms in CPython by default. The kiosk's threads do most of their work outside the GIL
# (Qt painting, SQLite, the network) and come back for it often: the GUI thread to run a
# slot, the sync writer after each SQLite statement. Behind a thread busy in Python (the
# one reading the next change page), each return waited up to the whole interval. At
# 0.5 ms a first sync of 100k products ends 0.5 s sooner (benchmarks/sync.py), and the
# GUI thread's longest wait behind such a thread went from 6.7 to 3.3 ms in a probe.
GIL_SWITCH_INTERVAL_S = 0.0005


def share_the_gil_finely() -> None:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
