"""Demo and benchmark data for the kiosk and its central server: the Luma chain, synthetic
catalogs, made-up history. Development tools, never part of a terminal or a server.

They run from a checkout (an editable install, as `./scripts/demo` and `./scripts/test`
make it): they read the repository's `assets/demo` and find the Luma files beside it.
"""

from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[3]
