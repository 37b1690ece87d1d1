import os
import sqlite3
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from support.clock import TEST_NOW

from kiosk_demo.datasets import luma_dir as find_luma_dir

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Set before any Qt import so that no test ever needs a display. The offscreen screen is
# 800x800 unless told otherwise: a whole portrait kiosk window must fit on it, or a tap
# on its lower part, replayed by the kinetic scroller to whatever lies at that screen
# point, would find nothing there.
OFFSCREEN_SCREEN = PROJECT_ROOT / "tests" / "support" / "offscreen-screen.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={OFFSCREEN_SCREEN}"
LUMA_DIR = find_luma_dir()

# Hypothesis would fail an example that took longer than 200 ms: a timed assertion,
# which a loaded CI worker fails now and then (it did, on an e-mail address).
settings.register_profile("kiosk", deadline=None)
settings.load_profile("kiosk")


def _loopback_smtp():
    from support.smtp import LoopbackSmtp  # aiosmtpd: only for the tests that mail

    server = LoopbackSmtp()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp():
    """A real SMTP server on loopback, fresh for each test (tests/support/smtp.py)."""
    yield from _loopback_smtp()


@pytest.fixture(scope="module")
def module_smtp():
    """One loopback SMTP server for a module, serving its module-wide central server."""
    yield from _loopback_smtp()


@pytest.fixture(scope="session")
def luma_dir() -> Path:
    assert (LUMA_DIR / "products.csv").exists(), f"Luma dataset missing at {LUMA_DIR}"
    return LUMA_DIR


@pytest.fixture(scope="session")
def demo_cache_dir(tmp_path_factory, luma_dir) -> Path:
    """A demo cache built once for the session; tests must not write into it."""
    from kiosk_demo.luma import build_demo_cache

    data_dir = tmp_path_factory.mktemp("demo-data")
    build_demo_cache(luma_dir, data_dir, now=TEST_NOW)
    return data_dir


@pytest.fixture
def demo_cache(demo_cache_dir):
    """The demo cache, read only: what a terminal's screens read, for tests of the reads."""
    conn = sqlite3.connect(f"file:{demo_cache_dir / 'cache.db'}?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.fixture(autouse=True)
def no_translation_outlives_its_test():
    """Tests with Qt start with no translator installed, whatever ran before them."""
    ledger = _translators()
    yield
    if ledger is not None:
        ledger.remove_all()


@pytest.fixture(autouse=True)
def no_widget_outlives_its_test():
    """The widgets a test showed are deleted as it ends (pytest-qt closes them and asks
    for their deletion just before): left to Python's collector, a screen could be torn
    down during a later test, its attributes already gone when an event reached it."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent
        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _translators():
    # Made once Qt is loaded (test modules import it when they are collected, before any
    # test runs): tests of kiosk.core alone never load it.
    global _LEDGER
    if _LEDGER is None and "PySide6.QtCore" in sys.modules:
        from support.languages import TranslatorLedger
        _LEDGER = TranslatorLedger()
    return _LEDGER


_LEDGER = None
