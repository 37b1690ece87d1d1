"""What a heartbeat answer says the server e-mails customers, read trusting nothing."""

from __future__ import annotations

import pytest

from kiosk.core.customer_messages import CustomerMessages, customer_messages_from


@pytest.mark.parametrize(("answer", "told"), [
    ({"server_time": "2026-11-24T14:10:01Z", "clock_drift_seconds": 0.0,
      "customer_messages": {"order_email": True, "payment_link": True}},
     CustomerMessages(True, True)),
    ({"customer_messages": {"order_email": True, "payment_link": False}},
     CustomerMessages(True, False)),
    # A payment link without the e-mail that carries it is no link for the shopper.
    ({"customer_messages": {"order_email": False, "payment_link": True}},
     CustomerMessages(False, False)),
    # A server from before e-mails says nothing: nothing is promised.
    ({"server_time": "2026-11-24T14:10:01Z", "clock_drift_seconds": 0.0}, None),
    ({"customer_messages": {"order_email": "yes", "payment_link": False}}, None),
    ({"customer_messages": {"order_email": True}}, None),
    ({"customer_messages": []}, None),
    ([], None),
    (None, None),
])
def test_the_server_s_word_is_read_only_when_it_is_clear(answer, told):
    assert customer_messages_from(answer) == told
