import dataclasses
import shutil

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import QLabel, QListView

from kiosk.core.config import load_config
from kiosk.ui.app import KioskApp
from kiosk.ui.tasks import TaskRunner
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
        '[languages]\ndefault = "fr"\n', encoding="utf-8")
    return load_config(path)


def by_accessible_name(root, cls, name):
    found = [w for w in root.findChildren(cls) if w.accessibleName() == name]
    assert found, f"no {cls.__name__} named {name!r}"
    return found[0]


def test_the_kiosk_opens_on_the_featured_products_in_french(qtbot, qapp, demo_config):
    kiosk = KioskApp(qapp, demo_config, windowed=True)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)

    grid = by_accessible_name(kiosk.window, QListView, "Produits à la une")
    assert grid.isVisible()
    assert grid.model().rowCount() == len(kiosk.cards) > 0
    title = by_accessible_name(kiosk.window, QLabel, "Notre sélection")
    assert title.isVisible()
    first = grid.model().index(0, 0)
    spoken = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert kiosk.cards[0].name in spoken and "€" in spoken
    assert "stock ici" in spoken
    kiosk.runner.wait_idle()


def test_the_window_refuses_to_be_closed_by_a_shopper(qtbot, qapp, demo_config):
    kiosk = KioskApp(qapp, demo_config, windowed=True)
    qtbot.addWidget(kiosk.window)
    event = QCloseEvent()
    kiosk.window.closeEvent(event)
    assert not event.isAccepted()
    assert kiosk.window.isVisible()
    kiosk.runner.wait_idle()


def test_a_terminal_whose_data_cannot_be_opened_says_so_in_the_shoppers_language(
        qtbot, qapp, demo_config, tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the data directory should be")
    config = dataclasses.replace(demo_config, data_dir=blocked)
    kiosk = KioskApp(qapp, config, windowed=True)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    assert "momentanément indisponible" in kiosk.window.status.text()
    assert kiosk.window.status.isVisible()


def test_missing_and_broken_images_end_as_placeholders_without_error(qtbot, qapp, tmp_path):
    (tmp_path / "broken.jpg").write_bytes(b"not a jpeg at all")
    good = QImage(40, 20, QImage.Format.Format_RGB32)
    good.fill(Qt.GlobalColor.red)
    good.save(str(tmp_path / "good.png"))
    runner = TaskRunner()
    cache = ThumbnailCache(runner, tmp_path, QSize(10, 10))
    with qtbot.waitSignals([cache.ready] * 3, timeout=5000):
        for name in ("good.png", "broken.jpg", "absent.jpg"):
            assert cache.get(name) is None   # not decoded yet
    assert not cache.busy
    assert cache.get("good.png").size() == QSize(10, 5)
    assert cache.get("broken.jpg") is None and cache.get("absent.jpg") is None
    assert not cache.busy   # known-bad images are not decoded again
