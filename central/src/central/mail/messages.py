"""What each customer e-mail says, in French or English, as plain text and HTML.

The words are those the shopper read on the kiosk (each line's name, size and colour as
the order carries them). The HTML has no image, no script, no remote style and no link
but to the chain's own pages (the order's status page, and its payment page when the
chain has one): nothing in it tells anyone that it was opened. The templates are in
central/mail/templates/; the HTML ones escape every value they print.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from central.db import models
from central.mail.settings import MailSettings
from central.order_lifecycle import AWAITING_PAYMENT, CANCELLED, RECEIVED, SHIPPED
from central.status_page import money

# The statuses a customer is told about, and the kind of message each makes.
KIND_OF_STATUS = {RECEIVED: "order_received", AWAITING_PAYMENT: "awaiting_payment",
                  SHIPPED: "shipped", CANCELLED: "cancelled"}
# The messages that say how to pay, and list what was ordered.
_WITH_PAYMENT = {"order_received", "awaiting_payment"}

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "subject": {
            "order_received": "Commande {reference} reçue",
            "awaiting_payment": "Commande {reference} : en attente de votre paiement",
            "shipped": "Commande {reference} expédiée",
            "cancelled": "Commande {reference} annulée",
        },
        "hello": "Bonjour {first_name},",
        "intro": {
            "order_received": "Nous avons bien reçu votre commande {reference}, passée au "
                              "magasin {store}. Merci !",
            "awaiting_payment": "Votre commande {reference} attend votre paiement : nous "
                                "l'expédions dès qu'elle est payée.",
            "shipped": "Votre commande {reference} est partie : elle est en route vers "
                       "vous.",
            "cancelled": "Votre commande {reference} a été annulée. Pour toute question, "
                         "adressez-vous au magasin {store}.",
        },
        "your_order": "Votre commande",
        "size": "Taille {size}", "color": "couleur {color}",
        "quantity": "{quantity} × {price}",
        "delivery": {"standard": "Livraison standard", "express": "Livraison express"},
        "delivered_to": "Livrée à",
        "total": "Total",
        "how_to_pay": "Comment payer",
        "pay_online": "Payez en ligne sur notre page de paiement :",
        "pay_at_till_too": "Ou payez à la caisse du magasin {store} en donnant la "
                           "référence {reference}.",
        "pay_at_till": "Payez à la caisse du magasin {store} en donnant la référence "
                       "{reference}.",
        "follow": "Suivez votre commande :",
        "footer": "Ce message vous est envoyé à la suite de votre commande au magasin "
                  "{store}.",
    },
    "en": {
        "subject": {
            "order_received": "Order {reference} received",
            "awaiting_payment": "Order {reference}: waiting for your payment",
            "shipped": "Order {reference} shipped",
            "cancelled": "Order {reference} cancelled",
        },
        "hello": "Hello {first_name},",
        "intro": {
            "order_received": "We have received your order {reference}, placed at "
                              "{store}. Thank you!",
            "awaiting_payment": "Your order {reference} is waiting for your payment: we "
                                "ship it as soon as it is paid.",
            "shipped": "Your order {reference} has left us: it is on its way to you.",
            "cancelled": "Your order {reference} has been cancelled. For any question, "
                         "please ask at {store}.",
        },
        "your_order": "Your order",
        "size": "Size {size}", "color": "colour {color}",
        "quantity": "{quantity} × {price}",
        "delivery": {"standard": "Standard delivery", "express": "Express delivery"},
        "delivered_to": "Delivered to",
        "total": "Total",
        "how_to_pay": "How to pay",
        "pay_online": "Pay online on our payment page:",
        "pay_at_till_too": "Or pay at the till of {store}, giving the reference "
                           "{reference}.",
        "pay_at_till": "Pay at the till of {store}, giving the reference {reference}.",
        "follow": "Follow your order:",
        "footer": "You receive this message because of your order at {store}.",
    },
}

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
    undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
    lstrip_blocks=True, auto_reload=False)


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class LineWords:
    name: str
    details: str            # "Size M, colour Black", or empty
    quantity: str           # "2 × 39,00 €"
    amount: str


def order_message(kind: str, order: models.Order, store_name: str,
                  mail: MailSettings) -> Rendered:
    """The message of `kind` about `order`, in the order's language."""
    language = order.language if order.language in TEXT else "fr"
    text = TEXT[language]
    reference = order.reference

    def words(template: str) -> str:
        return template.format(reference=reference, store=store_name,
                               first_name=order.customer.get("first_name", ""))

    def price(cents: int) -> str:
        return money(cents, order.currency, language)

    delivery = order.delivery or {}
    method = str(delivery.get("method", ""))
    with_payment = kind in _WITH_PAYMENT
    payment_url = mail.payment_url(reference) if with_payment else None
    context = {
        "language": language, "text": text, "subject": words(text["subject"][kind]),
        "hello": words(text["hello"]), "intro": words(text["intro"][kind]),
        "lines": [_line_words(line, text, price) for line in order.lines]
        if with_payment else [],
        "delivery_label": text["delivery"].get(method, method),
        "delivery_fee": price(int(delivery.get("fee_cents", 0))),
        "address": _address_lines(order.customer) if kind == "order_received" else [],
        "total": price(order.total_cents),
        "payment_url": payment_url, "pay_at_till": words(
            text["pay_at_till_too"] if payment_url else text["pay_at_till"])
        if with_payment else None,
        "status_url": mail.status_url(reference, language),
        "footer": words(text["footer"]),
    }
    return Rendered(context["subject"],
                    _TEMPLATES.get_template("order.txt").render(context),
                    _TEMPLATES.get_template("order.html").render(context))


def _line_words(line: models.OrderLine, text: dict[str, Any], price) -> LineWords:
    details = [text["size"].format(size=line.size) if line.size else "",
               text["color"].format(color=line.color) if line.color else ""]
    joined = ", ".join(part for part in details if part)
    return LineWords(line.name, joined[:1].upper() + joined[1:],
                     text["quantity"].format(quantity=line.quantity,
                                             price=price(line.unit_price_cents)),
                     price(line.unit_price_cents * line.quantity))


def _address_lines(customer: dict[str, Any]) -> list[str]:
    address = customer.get("address") or {}
    name = " ".join(part for part in (customer.get("first_name", ""),
                                      customer.get("last_name", "")) if part)
    town = " ".join(part for part in (address.get("postal_code", ""),
                                      address.get("city", "")) if part)
    return [part for part in (name, address.get("line1", ""), address.get("line2", ""), town)
            if part]
