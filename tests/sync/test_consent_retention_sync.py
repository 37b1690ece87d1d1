"""The consents of a reservation and of a back-in-stock alert state the times the kiosk's
central server keeps their details, as set there (CENTRAL_KEEP_RESERVATIONS_DAYS,
CENTRAL_ALERT_KEEP_DAYS, CENTRAL_KEEP_MAIL_DAYS): the whole kiosk and a real central
server on loopback, the screens opened as a shopper's taps open them."""

from __future__ import annotations

import pytest
from support.central_server import CentralServer
from support.ordering import current
from support.terminal import start_kiosk

from kiosk.ui.screens.back_in_stock import BackInStockScreen
from kiosk.ui.screens.reservation import ReservationScreen

SKU = "WJ01-L-Red"


@pytest.fixture(scope="module")
def central(tmp_path_factory, seeded_central_db, luma_dir):
    """The suite's central server (tests/sync/conftest.py), with times of its own."""
    tmp_path = tmp_path_factory.mktemp("central-consent-retention")
    database = tmp_path / "central.db"
    database.write_bytes(seeded_central_db.read_bytes())
    server = CentralServer(tmp_path, f"sqlite:///{database}", luma_dir / "images",
                           {"CENTRAL_KEEP_RESERVATIONS_DAYS": "45",
                            "CENTRAL_ALERT_KEEP_DAYS": "60", "CENTRAL_KEEP_MAIL_DAYS": "20"})
    server.cli("init-db")        # the seeded copy may predate the erasure records
    server.start()
    yield server
    server.stop()


def test_the_consents_state_the_servers_times(qtbot, qapp, central, kiosk_config):
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    try:
        qtbot.waitUntil(lambda: kiosk.sync is not None
                        and kiosk.sync.status.retention_days is not None, timeout=30_000)
        kiosk.start_session()
        kiosk.navigator.open_reservation(SKU, "lyon-republique", "Luma Lyon République")
        assert current(kiosk, ReservationScreen).consent.accessibleName() == (
            "J'accepte que le magasin garde mes coordonnées pour cette réservation. Elles "
            "sont effacées 45 jours après son retrait, son annulation ou son expiration.")
        kiosk.navigator.open_back_in_stock(SKU, "Veste Stellar Solar · L · Rouge")
        assert current(kiosk, BackInStockScreen).consent.accessibleName() == (
            "J'accepte de recevoir un e-mail au sujet de cet article. Mon adresse est effacée "
            "dès que cet e-mail est envoyé, ou au bout de 60 jours si l'article n'est pas "
            "revenu d'ici là. Les copies des e-mails que nous envoyons sont effacées 20 jours "
            "après leur envoi.")
    finally:
        kiosk.shutdown()
