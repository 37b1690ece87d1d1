"""The privacy notice a kiosk shows states the time its central server keeps orders'
personal details, as set there (CENTRAL_KEEP_ORDERS_DAYS): the whole kiosk and a real
central server on loopback."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from support.central_server import CentralServer
from support.gestures import named, tap
from support.ordering import current, fill_as_zoe, open_missing_jacket, to_basket, to_form
from support.terminal import start_kiosk

from kiosk.ui.screens.review import ReviewScreen


@pytest.fixture(scope="module")
def central(tmp_path_factory, seeded_central_db, luma_dir):
    """The suite's central server (tests/sync/conftest.py), keeping orders two years."""
    tmp_path = tmp_path_factory.mktemp("central-privacy")
    database = tmp_path / "central.db"
    database.write_bytes(seeded_central_db.read_bytes())
    server = CentralServer(tmp_path, f"sqlite:///{database}", luma_dir / "images",
                           {"CENTRAL_KEEP_ORDERS_DAYS": "730"})
    server.cli("init-db")        # the seeded copy may predate the erasure records
    server.start()
    yield server
    server.stop()


def test_the_review_states_how_long_the_server_keeps_the_order(qtbot, qapp, central,
                                                                 kiosk_config):
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    qtbot.waitUntil(lambda: kiosk.sync is not None
                    and kiosk.sync.status.retention_days is not None, timeout=30_000)
    assert kiosk.sync.status.retention_days.orders == 730
    _, name, _ = open_missing_jacket(qtbot, kiosk)
    form = to_form(qtbot, kiosk, to_basket(qtbot, kiosk, name))
    fill_as_zoe(qtbot, form)
    tap(qtbot, named(form, QPushButton, "Continuer"))
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current_screen(), ReviewScreen))
    assert current(kiosk, ReviewScreen).consent_text.text().endswith(
        " Notre service commandes les conserve 730 jours après la livraison ou "
        "l’annulation, puis les efface.")
    kiosk.shutdown()
