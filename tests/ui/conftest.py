"""Shopper screens on the demo catalog, without the whole app around them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSize, QTranslator
from support.clock import TEST_CLOCK
from support.languages import formatter_for

from kiosk.core.config import load_config
from kiosk.core.db.cache import open_cache
from kiosk.core.db.journal import open_journal
from kiosk.core.synonyms import load_synonyms
from kiosk.i18n import qm_path
from kiosk.i18n.build import build
from kiosk.ui.app import KioskApp
from kiosk.ui.catalog_reader import CatalogReader
from kiosk.ui.formatting import Formatter, shopper_locale
from kiosk.ui.journal_writer import JournalWriter
from kiosk.ui.screens.context import ShopperContext, ShopperSession
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache


@pytest.fixture
def demo_config(tmp_path, demo_cache_dir, luma_dir):
    """A terminal config pointing at a private copy of the demo cache."""
    data_dir = tmp_path / "data"
    shutil.copytree(demo_cache_dir, data_dir)
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "t1"\n'
        'store_name = "Luma Paris Rivoli"\n'
        f'[paths]\ndata_dir = "{data_dir}"\nlog_dir = "{tmp_path / "logs"}"\n'
        f'catalog_images_dir = "{luma_dir / "images"}"\n'
        '[languages]\ndefault = "fr"\n'
        # Qt's test engine: utterances are asserted, nothing is heard.
        '[accessibility]\nspeech_engine = "mock"\n', encoding="utf-8")
    return load_config(path)


SYNONYMS = Path(__file__).resolve().parents[2] / "assets" / "search" / "synonyms.toml"


class RecordingNavigator:
    """Stands in for the app: remembers where screens asked to go."""

    def __init__(self) -> None:
        self.opened: list[tuple] = []
        self.messages: list[str] = []
        self.alerts_taken = True          # as a server that e-mails customers says

    def open_category(self, path: str) -> None:
        self.opened.append(("category", path))

    def open_search(self, text: str = "") -> None:
        self.opened.append(("search", text))

    def open_product(self, product_id: int, variant_sku: str | None = None) -> None:
        self.opened.append(("product", product_id, variant_sku))

    def open_compare(self) -> None:
        self.opened.append(("compare",))

    def open_stores(self, variant_sku: str) -> None:
        self.opened.append(("stores", variant_sku))

    def open_reservation(self, variant_sku: str, store_id: str, store_name: str) -> None:
        self.opened.append(("reservation", variant_sku, store_id, store_name))

    def open_back_in_stock(self, variant_sku: str, item_words: str) -> None:
        self.opened.append(("back_in_stock", variant_sku, item_words))

    def takes_alerts(self) -> bool:
        return self.alerts_taken

    def notify(self, message: str) -> None:
        self.messages.append(message)

    def go_back(self) -> None:
        self.opened.append(("back",))

    def open_basket(self) -> None:
        self.opened.append(("basket",))

    def open_customer_form(self) -> None:
        self.opened.append(("customer_form",))

    def open_review(self) -> None:
        self.opened.append(("review",))

    def show_confirmation(self, order) -> None:
        self.opened.append(("confirmation", order.reference))

    def order_sent(self) -> None:
        self.opened.append(("order_sent",))

    def finish_session(self) -> None:
        self.opened.append(("finished",))

    def open_rating(self, at_end: bool = False) -> None:
        self.opened.append(("rating", at_end))


@pytest.fixture
def runner(qapp):
    """The kiosk's task runner, closed after the test."""
    runner = TaskRunner(qapp)
    yield runner
    stop_runner(runner)


def stop_runner(runner: TaskRunner) -> None:
    """Closes a test's runner once the widgets the test showed (closed by pytest-qt, their
    deletion asked for) are deleted: with the last runner closed, Python's collector runs
    at any allocation again, and could tear a screen's Python side down before its Qt side,
    an event then reaching a screen without its attributes."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.close()


@pytest.fixture
def shopper_context(qapp, demo_config):
    """A French shopper's context on the demo catalog, with a real database worker."""
    runner = TaskRunner(qapp)
    cache = open_cache(demo_config.data_dir).conn
    journal = open_journal(demo_config.data_dir).conn
    theme = Theme()
    context = ShopperContext(
        theme=theme,
        formatter=Formatter(shopper_locale("fr", demo_config.locale), demo_config.currency),
        thumbnails=ThumbnailCache(runner, demo_config.images_dir, QSize(300, 300)),
        pictures=ThumbnailCache(runner, demo_config.images_dir, QSize(900, 900)),
        catalog=CatalogReader(runner, lambda: cache, lambda: journal),
        journal=JournalWriter(runner, lambda: journal, demo_config.store_id),
        runner=runner,
        navigator=RecordingNavigator(),
        session=ShopperSession(),
        config=demo_config,
        synonyms=load_synonyms(SYNONYMS),
        clock=TEST_CLOCK,
    )
    yield context
    stop_runner(runner)
    cache.close()
    journal.close()


@pytest.fixture
def kiosk(qtbot, qapp, demo_config):
    """The whole kiosk, windowed, on a private copy of the demo catalog (no server)."""
    kiosk = KioskApp(qapp, demo_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    yield kiosk
    kiosk.shutdown()
    # Its window (closed by pytest-qt) deleted while the kiosk's Python side is whole.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def shopper(qapp, shopper_context):
    """The shopper context with the French translation installed, as the app starts; the
    English one is at hand in `translators` for a language switch."""
    build()
    translators = {}
    for language in ("fr", "en"):
        translators[language] = QTranslator(qapp)
        assert translators[language].load(str(qm_path(language)))
    qapp.installTranslator(translators["fr"])
    shopper_context.translators = translators
    shopper_context.formatter = formatter_for(shopper_context, "fr")
    yield shopper_context
    for translator in translators.values():
        qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp):
    """The English translation installed, as the app does for an English shopper: the
    source strings' "hour(s)" become proper plurals. Installed last, it is asked first."""
    build()
    translator = QTranslator(qapp)
    assert translator.load(str(qm_path("en")))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)
