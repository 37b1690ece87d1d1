"""The privacy notice on the review screen states how long the chain's order service keeps
the shopper's details, as the central server said in its heartbeat answer; a server that
does not say leaves the notice's usual wording."""

from __future__ import annotations

import pytest

from kiosk.core.retention import RetentionDays
from kiosk.ui.screens.review import ReviewScreen

USUAL_FR = ("Nous utilisons vos nom, adresse, e-mail et numéro de téléphone uniquement pour "
            "livrer cette commande")


def review(qtbot, context, retention: RetentionDays | None) -> ReviewScreen:
    shown = ReviewScreen(context, retention)
    qtbot.addWidget(shown)
    return shown


@pytest.mark.parametrize(("days", "said"), [
    (1095, "Notre service commandes les conserve 1095 jours après la livraison ou "
           "l’annulation, puis les efface."),
    (1, "Notre service commandes les conserve 1 jour après la livraison ou l’annulation, "
        "puis les efface."),
])
def test_the_notice_states_the_servers_time_for_orders(qtbot, shopper, days, said):
    shown = review(qtbot, shopper, RetentionDays(days, 30, 90, 90, 90))
    assert shown.consent_text.text().startswith(USUAL_FR)
    assert shown.consent_text.text().endswith(" " + said)


def test_a_server_that_does_not_say_leaves_the_usual_wording(qtbot, shopper):
    shown = review(qtbot, shopper, None)
    assert shown.consent_text.text().startswith(USUAL_FR)
    assert "service commandes les conserve" not in shown.consent_text.text()
    assert shown.consent_text.text().endswith("ou les effacer.")
