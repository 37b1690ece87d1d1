import os
from pathlib import Path

import pytest

# Set before any Qt import so that no test ever needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LUMA_DIR = PROJECT_ROOT.parent / "shared" / "datasets" / "luma"


@pytest.fixture(scope="session")
def luma_dir() -> Path:
    assert (LUMA_DIR / "products.csv").exists(), f"Luma dataset missing at {LUMA_DIR}"
    return LUMA_DIR


@pytest.fixture(scope="session")
def demo_cache_dir(tmp_path_factory, luma_dir) -> Path:
    """A demo cache built once for the session; tests must not write into it."""
    from kiosk.core.demo import build_demo_cache

    data_dir = tmp_path_factory.mktemp("demo-data")
    build_demo_cache(luma_dir, data_dir)
    return data_dir
