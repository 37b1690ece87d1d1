"""What the central server tells customers by e-mail, as its heartbeat answer says
(docs/api.md, `POST /v1/heartbeat`): the confirmation screen promises only that.

A server that does not say (one from before e-mails, or none heard since the terminal
started) is taken to send nothing: the screen then promises no e-mail, which stays true.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CustomerMessages:
    order_email: bool       # an e-mail when the order arrives, and when it ships
    payment_link: bool      # that e-mail carries a link to the chain's payment page


NONE_SENT = CustomerMessages(order_email=False, payment_link=False)


def customer_messages_from(heartbeat_answer: object) -> CustomerMessages | None:
    """The server's word in a heartbeat answer, or None when it says nothing readable."""
    told = heartbeat_answer.get("customer_messages") \
        if isinstance(heartbeat_answer, dict) else None
    if not isinstance(told, dict):
        return None
    order_email, payment_link = told.get("order_email"), told.get("payment_link")
    if not isinstance(order_email, bool) or not isinstance(payment_link, bool):
        return None
    return CustomerMessages(order_email, order_email and payment_link)
