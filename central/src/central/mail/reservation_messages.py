"""The e-mails about a reservation in a store: its confirmation, and a reminder before
the hold ends. French or English as the shopper used the kiosk; plain text and HTML with
no image, no tracking and no link (the reference is all the store needs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db import models
from central.mail.messages import _TEMPLATES, Rendered
from central.mail.queue import queue_message
from central.mail.settings import MailSettings
from central.status_page import when

CONFIRMED, REMINDER = "reservation_confirmed", "reservation_reminder"

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "subject": {CONFIRMED: "Réservation {reference} : votre article vous attend",
                    REMINDER: "Réservation {reference} : dernier rappel"},
        "hello": "Bonjour {name},",
        "intro": {CONFIRMED: "Nous avons mis votre article de côté au magasin {store}, "
                             "jusqu'au {until}.",
                  REMINDER: "Votre article vous attend encore au magasin {store}, "
                            "jusqu'au {until} seulement. Passé ce délai, il sera "
                            "remis en rayon."},
        "item": "Article", "quantity": "Quantité : {quantity}",
        "size": "Taille {size}", "color": "couleur {color}",
        "where": "Où", "reference": "Votre référence : {reference}",
        "how": "Donnez cette référence en magasin pour essayer ou acheter votre article.",
        "footer": "Ce message vous est envoyé à la suite de votre réservation au magasin "
                  "{store}.",
    },
    "en": {
        "subject": {CONFIRMED: "Reservation {reference}: your item is waiting for you",
                    REMINDER: "Reservation {reference}: last reminder"},
        "hello": "Hello {name},",
        "intro": {CONFIRMED: "We have put your item aside at {store}, until {until}.",
                  REMINDER: "Your item is still waiting for you at {store}, until {until} "
                            "only. After that it goes back on the shelf."},
        "item": "Item", "quantity": "Quantity: {quantity}",
        "size": "Size {size}", "color": "colour {color}",
        "where": "Where", "reference": "Your reference: {reference}",
        "how": "Give this reference in the store to try or buy your item.",
        "footer": "You receive this message because of your reservation at {store}.",
    },
}


def reservation_message(kind: str, reservation: models.Reservation, store: models.Store,
                        variant: models.Variant | None) -> Rendered:
    language = reservation.language if reservation.language in TEXT else "fr"
    text = TEXT[language]
    words = {"reference": reservation.reference, "store": store.name,
             "name": reservation.customer.get("name", ""),
             "until": when(reservation.hold_until, language)}
    details = []
    if variant is not None and variant.size:
        details.append(text["size"].format(size=variant.size))
    if variant is not None and variant.color:
        details.append(text["color"].format(color=variant.color))
    joined = ", ".join(details)
    context = {
        "language": language, "text": text,
        "subject": text["subject"][kind].format(**words),
        "hello": text["hello"].format(**words), "intro": text["intro"][kind].format(**words),
        "item_name": variant.product.name if variant is not None else reservation.variant_sku,
        "details": joined[:1].upper() + joined[1:],
        "quantity": text["quantity"].format(quantity=reservation.quantity),
        "address": [store.name, store.address, f"{store.postal_code} {store.city}"],
        "reference": text["reference"].format(**words),
        "footer": text["footer"].format(**words),
    }
    return Rendered(context["subject"],
                    _TEMPLATES.get_template("reservation.txt").render(context),
                    _TEMPLATES.get_template("reservation.html").render(context))


def queue_reservation_message(session: Session, reservation: models.Reservation, kind: str,
                              mail: MailSettings, now: datetime) -> models.MailMessage | None:
    """Queue `kind` about `reservation` in the transaction at hand, once, if mail is set up
    and the customer gave an e-mail address."""
    recipient = reservation.customer.get("email", "")
    if not mail.enabled or not recipient or session.scalar(
            select(models.MailMessage.id).where(
                models.MailMessage.reservation_id == reservation.id,
                models.MailMessage.kind == kind)):
        return None
    store = session.get(models.Store, reservation.store_id)
    variant = session.get(models.Variant, reservation.variant_sku)
    rendered = reservation_message(kind, reservation, store, variant)
    return queue_message(session, reservation.reference.lower(), kind, recipient,
                         reservation.language, rendered, mail, now,
                         reservation_id=reservation.id)
