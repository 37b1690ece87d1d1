"""Product and category images the cache names but the terminal does not have yet."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

from kiosk.core.sync.client import CentralClient, Verdict

log = logging.getLogger(__name__)

IMAGES_PER_ROUND = 200
# Downloads under way together: on a store's link, most of an image's time is the round
# trip, which several requests in flight share.
IMAGES_AT_ONCE = 4

_NAMED_IMAGES = """
SELECT image FROM products WHERE image IS NOT NULL
UNION SELECT value FROM products, json_each(products.gallery)
UNION SELECT image FROM variants WHERE image IS NOT NULL
UNION SELECT image FROM categories WHERE image IS NOT NULL
"""


def missing_images(conn: sqlite3.Connection, images_dir: Path) -> list[str]:
    return [path for (path,) in conn.execute(_NAMED_IMAGES)
            if is_safe_image_path(path) and not have_image(images_dir, path)]


def have_image(images_dir: Path, path: str) -> bool:
    """An empty file is no image: what a cut answer left before answers were checked, or
    what a power cut can leave of a file whose data never reached the disk."""
    try:
        return (images_dir / path).stat().st_size > 0
    except OSError:
        return False


def fetch_images(paths: list[str], client: CentralClient, images_dir: Path,
                 unavailable: set[str], interrupted: Callable[[], bool] = lambda: False) -> int:
    """Download up to IMAGES_PER_ROUND of `paths`, IMAGES_AT_ONCE at a time; return how
    many were written.

    Paths the server does not have are added to `unavailable` and not asked again by
    this run of the kiosk. A network fault ends the round (the downloads under way
    finish); so does `interrupted()` (an order waits to go up); the rest comes next time.
    """
    fault = threading.Event()

    def fetch(path: str) -> bool:
        if fault.is_set() or interrupted():
            return False
        answer = client.image(path)
        if answer.verdict is Verdict.OK:
            _write_atomically(images_dir / path, answer.body)
            return True
        if answer.verdict is Verdict.REJECTED:
            unavailable.add(path)
        else:
            fault.set()
        return False

    wanted = [p for p in paths if p not in unavailable][:IMAGES_PER_ROUND]
    with ThreadPoolExecutor(IMAGES_AT_ONCE, thread_name_prefix="images") as downloads:
        return sum(downloads.map(fetch, wanted))


def is_safe_image_path(path: str) -> bool:
    """Relative, inside the images directory: a catalog never names /etc/passwd."""
    pure = PurePosixPath(path)
    return bool(path) and not pure.is_absolute() and ".." not in pure.parts \
        and "\\" not in path


def _write_atomically(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(content)
    os.replace(partial, target)   # a power cut leaves no half image under the real name
