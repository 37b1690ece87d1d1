"""An order placed on the kiosk produces the e-mail its confirmation screen promised:
the whole kiosk, a real central server set up to send mail, and a real SMTP server on
loopback."""

from __future__ import annotations

import pytest
from support.central_server import CentralServer
from support.ordering import order_missing_jacket
from support.smtp import mail_settings, text_and_html
from support.terminal import start_kiosk

PAY = "https://paiement.luma.example/{reference}"


@pytest.fixture(scope="module")
def central(tmp_path_factory, seeded_central_db, luma_dir, module_smtp):
    """The suite's central server (tests/sync/conftest.py), here sending customer mail."""
    tmp_path = tmp_path_factory.mktemp("central-mail")
    database = tmp_path / "central.db"
    database.write_bytes(seeded_central_db.read_bytes())
    server = CentralServer(tmp_path, f"sqlite:///{database}", luma_dir / "images",
                           mail_settings(module_smtp, CENTRAL_PAYMENT_URL_TEMPLATE=PAY))
    server.cli("init-db")        # the seeded copy may predate the mail queue
    server.start()
    yield server
    server.stop()


def test_the_e_mail_the_confirmation_promised_arrives(qtbot, qapp, central, kiosk_config,
                                                      module_smtp):
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    # The server's first heartbeat answer says what it sends customers.
    qtbot.waitUntil(lambda: kiosk.sync is not None
                    and kiosk.sync.status.customer_messages is not None, timeout=30_000)
    confirmation = order_missing_jacket(qtbot, kiosk)
    reference = confirmation.order.reference
    assert confirmation.next_steps.text().startswith(
        "Vous allez recevoir un e-mail de confirmation avec un lien de paiement.")
    assert "lien de paiement de l’e-mail" in confirmation.payment.text()
    [message] = module_smtp.wait_for(reference, timeout_s=60)
    assert message["Subject"] == f"Commande {reference} reçue"
    assert message["To"] == "zoe.darc@example.fr"
    text, _ = text_and_html(message)
    assert PAY.format(reference=reference) in text
    assert f"https://commandes.luma.example/o/{reference}?lang=fr" in text
    kiosk.shutdown()
