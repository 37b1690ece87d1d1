"""The confirmation screen promises the shopper only what the central server said it
does (its heartbeat answer): an e-mail, a payment link, or neither; and an order still
waiting on this terminal is told its e-mail comes once the order has been sent."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from support.clock import TEST_NOW

from kiosk.core.customer_messages import CustomerMessages
from kiosk.core.orders import DeliveryOption, PlacedOrder
from kiosk.ui.screens.confirmation import ConfirmationScreen

ORDER = PlacedOrder("0" * 36, "K7D-3MXQ9P", 8980, 1, DeliveryOption("standard", 0, 3),
                    date(2026, 11, 26), TEST_NOW)
WITH_LINK = CustomerMessages(order_email=True, payment_link=True)
MAIL_ONLY = CustomerMessages(order_email=True, payment_link=False)


def screen(qtbot, context, online: bool, messages: CustomerMessages | None):
    shown = ConfirmationScreen(context, ORDER, online, messages)
    qtbot.addWidget(shown)
    return shown


@pytest.mark.parametrize(("online", "messages", "next_steps", "payment"), [
    (True, WITH_LINK,
     "Vous allez recevoir un e-mail de confirmation avec un lien de paiement. Nous expédions "
     "vos articles dès le paiement reçu et vous prévenons par e-mail à leur départ.",
     "Ou en ligne : utilisez le lien de paiement de l’e-mail."),
    (True, MAIL_ONLY,
     "Vous allez recevoir un e-mail de confirmation. Nous expédions vos articles dès le "
     "paiement reçu et vous prévenons par e-mail à leur départ.", None),
    (False, WITH_LINK,
     "Dès que cette borne aura transmis votre commande, vous recevrez un e-mail de "
     "confirmation avec un lien de paiement.", "Ou en ligne"),
    (False, MAIL_ONLY,
     "Dès que cette borne aura transmis votre commande, vous recevrez un e-mail de "
     "confirmation.", None),
])
def test_an_e_mail_is_promised_only_when_the_server_sends_one(qtbot, shopper, online,
                                                             messages, next_steps, payment):
    shown = screen(qtbot, shopper, online, messages)
    assert shown.next_steps.text().startswith(next_steps)
    assert shown.payment.text().startswith("En caisse dans ce magasin : montrez votre numéro "
                                           "de commande ou son code QR.")
    if payment is None:
        assert "lien" not in shown.payment.text() and "en ligne" not in shown.payment.text()
    else:
        assert payment in shown.payment.text()


@pytest.mark.parametrize("messages", [None, CustomerMessages(False, False)])
def test_a_server_that_sends_no_e_mail_or_does_not_say_gets_no_e_mail_promised(
        qtbot, shopper, messages):
    shopper.config = dataclasses.replace(
        shopper.config, status_url_template="https://commandes.luma.example/o/{reference}")
    for online in (True, False):
        shown = screen(qtbot, shopper, online, messages)
        words = shown.next_steps.text() + " " + shown.payment.text()
        assert "e-mail" not in words and "lien" not in words
        assert shown.next_steps.text() == ("Suivez votre commande sur sa page : scannez le "
                                           "code QR ci-dessus. Nous expédions vos articles "
                                           "dès le paiement reçu.")
        assert shown.payment.text() == ("En caisse dans ce magasin : montrez votre numéro de "
                                        "commande ou son code QR. Cette borne ne vous demande "
                                        "jamais votre carte.")


def test_without_a_status_page_the_shopper_is_told_to_keep_the_reference(qtbot, shopper):
    shopper.config = dataclasses.replace(shopper.config, central_url="",
                                         status_url_template="")
    shown = screen(qtbot, shopper, True, None)
    assert not shown.url
    assert shown.next_steps.text().startswith(
        "Gardez votre numéro de commande : le personnel du magasin peut vous dire où en est "
        "votre commande.")


def test_the_promise_is_worded_in_english_too(qtbot, shopper, qapp):
    shown = screen(qtbot, shopper, False, MAIL_ONLY)
    qapp.installTranslator(shopper.translators["en"])
    try:
        shown.retranslate()
        assert shown.next_steps.text() == (
            "Once this terminal has sent your order, you will receive an e-mail confirming "
            "it. We send your items once the order is paid, and e-mail you when they leave.")
        assert shown.payment.text() == ("At the till of this store: show your order "
                                        "reference or its QR code. This terminal never asks "
                                        "for your card.")
    finally:
        qapp.removeTranslator(shopper.translators["en"])
