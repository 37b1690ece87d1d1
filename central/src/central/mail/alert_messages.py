"""The e-mails of a back-in-stock alert: the confirmation asked before anything else is
sent (double opt-in), and the one message saying the variant is back. French or English as
the shopper used the kiosk; plain text and HTML, no image, no tracking; links only to the
chain's own pages, and to the one-click unsubscribe page in every message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from central.mail.messages import _TEMPLATES, Rendered

CONFIRM, BACK_IN_STOCK = "alert_confirm", "back_in_stock"
KINDS = (CONFIRM, BACK_IN_STOCK)
# central/alerts.py's unsubscribe_url, as the plain text ends with it.
_UNSUBSCRIBE_URL = re.compile(r"https?://\S+/alerts/unsubscribe/[\w-]+\?lang=[a-z]+")

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "subject": {CONFIRM: "Confirmez votre alerte : {item}",
                    BACK_IN_STOCK: "De retour en stock : {item}"},
        "hello": "Bonjour,",
        "intro": {CONFIRM: "Vous avez demandé au magasin {store} d'être prévenu(e) quand "
                           "cet article sera de nouveau disponible {where}. Confirmez "
                           "votre demande en suivant ce lien :",
                  BACK_IN_STOCK: "Bonne nouvelle : cet article est de nouveau disponible. "
                                 "Voyez-le ici :"},
        "where_store": "au magasin {store}", "where_any": "dans l'un de nos magasins",
        "not_you": "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : "
                   "sans confirmation, nous ne vous écrirons plus et effacerons votre "
                   "adresse.",
        "stores": "Magasins où il est disponible",
        "once": "C'est notre seul message pour cette alerte : votre adresse est "
                "maintenant effacée.",
        "unsubscribe": "Ne plus recevoir de message pour cette alerte :",
        "size": "Taille {size}", "color": "couleur {color}",
    },
    "en": {
        "subject": {CONFIRM: "Confirm your alert: {item}",
                    BACK_IN_STOCK: "Back in stock: {item}"},
        "hello": "Hello,",
        "intro": {CONFIRM: "You asked at {store} to be told when this item is available "
                           "again {where}. Please confirm by following this link:",
                  BACK_IN_STOCK: "Good news: this item is available again. See it here:"},
        "where_store": "at {store}", "where_any": "in any of our stores",
        "not_you": "If you did not ask for this, ignore this message: without a "
                   "confirmation we will not write again and will erase your address.",
        "stores": "Stores that have it",
        "once": "This is our only message for this alert: your address is now erased.",
        "unsubscribe": "Stop messages for this alert:",
        "size": "Size {size}", "color": "colour {color}",
    },
}


@dataclass(frozen=True)
class AlertItem:
    """The variant as the shopper's language names it."""

    name: str
    size: str | None
    color: str | None


def alert_message(kind: str, language: str, item: AlertItem, asked_at: str,
                  wanted_store: str | None, link: str, unsubscribe_url: str,
                  stores: list[str]) -> Rendered:
    """`asked_at`: the store whose kiosk took the alert; `wanted_store`: the store chosen,
    None for any; `link`: the confirmation page, or the product page; `stores`: the stores
    that have it now (the back-in-stock message only)."""
    language = language if language in TEXT else "fr"
    text = TEXT[language]
    details = [text["size"].format(size=item.size) if item.size else "",
               text["color"].format(color=item.color) if item.color else ""]
    joined = ", ".join(part for part in details if part)
    where = text["where_store"].format(store=wanted_store) if wanted_store \
        else text["where_any"]
    context = {
        "language": language, "text": text, "kind": kind,
        "subject": text["subject"][kind].format(item=item.name),
        "intro": text["intro"][kind].format(store=asked_at, where=where),
        "item_name": item.name, "details": joined[:1].upper() + joined[1:],
        "link": link, "unsubscribe_url": unsubscribe_url,
        "stores": stores if kind == BACK_IN_STOCK else [],
        "closing": text["once"] if kind == BACK_IN_STOCK else text["not_you"],
    }
    return Rendered(context["subject"],
                    _TEMPLATES.get_template("alert.txt").render(context),
                    _TEMPLATES.get_template("alert.html").render(context))


def unsubscribe_link(kind: str, text: str) -> str | None:
    """The one-click unsubscribe link of an alert's message, read back from its plain
    text: the alert keeps its token only hashed, so the message holds the one copy.
    None for any other kind of message (orders and reservations are not subscriptions)."""
    if kind not in KINDS:
        return None
    found = _UNSUBSCRIBE_URL.findall(text)
    return found[-1] if found else None
