"""Where the Luma sample catalog lies: the demo, the tests and the benchmarks read it.

It is not in the repository. It lies in `shared/` beside the checkout; a clone made from
a checkout (`git clone main /tmp/fresh`) finds it beside the checkout it was cloned from;
and `KIOSK_LUMA_DIR` names it anywhere else.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from kiosk_demo import CHECKOUT

LUMA_IN_SHARED = Path("shared") / "datasets" / "luma"


def luma_dir(project_root: Path = CHECKOUT) -> Path:
    """The first place that holds the catalog, else the usual one (so that a message
    about it names where it was expected). Git is asked only when the others fail."""
    for candidate in _candidates(project_root):
        if (candidate / "products.csv").is_file():
            return candidate.resolve()
    return project_root.parent / LUMA_IN_SHARED


def _candidates(project_root: Path) -> Iterator[Path]:
    if os.environ.get("KIOSK_LUMA_DIR"):
        yield Path(os.environ["KIOSK_LUMA_DIR"])
    yield project_root.parent / LUMA_IN_SHARED
    origin = _local_origin(project_root)
    if origin is not None:
        yield origin.parent / LUMA_IN_SHARED


def _local_origin(project_root: Path) -> Path | None:
    """The checkout this one was cloned from, when that is a directory on this machine."""
    try:
        url = subprocess.run(["git", "-C", str(project_root), "config", "--get",
                              "remote.origin.url"], capture_output=True, text=True,
                             timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    url = url.removeprefix("file://")
    if not url or "://" in url or ":" in url.split("/")[0]:     # a remote, not a path
        return None
    path = Path(url) if Path(url).is_absolute() else project_root / url
    return path.resolve() if path.is_dir() else None
