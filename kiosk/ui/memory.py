"""Giving the system back the memory a finished session freed."""

from __future__ import annotations

import functools
import sys


@functools.cache
def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: the first screen has no use for it

    try:
        library = ctypes.CDLL("libc.so.6")
    except OSError:    # not glibc
        return None
    return library if hasattr(library, "malloc_trim") else None


def release_freed_memory() -> None:
    """Give the system back the heap that freed objects left: glibc keeps it for reuse,
    and the worker threads' heaps fragment, so that over tens of thousands of sessions the
    kiosk's resident size crept up by megabytes though what it used stayed the same."""
    library = _glibc()
    if library is not None:
        library.malloc_trim(0)
