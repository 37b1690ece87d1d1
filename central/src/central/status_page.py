"""The public order status page, in French and English: plain HTML, no script.

Anyone holding the reference can open it, so it shows no personal data beyond the
customer's initials. The markup is in central/templates/status/, which escape every
value they print, whether it comes from a terminal or the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

import qrcode
import qrcode.image.svg
from markupsafe import Markup

from central.page_headers import page_headers
from central.page_templates import render

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
PARIS = ZoneInfo("Europe/Paris")
REFERENCE_PATTERN = re.compile(r"^[A-Z0-9-]{4,20}$")

STYLE = (
    "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "background:#f4f4f1;color:#1c1c1c;line-height:1.45}"
    "main{max-width:36rem;margin:0 auto;padding:1rem}"
    "h1{font-size:1.35rem;margin:.5rem 0}h2{font-size:1.1rem;margin:0 0 .5rem}"
    "section{background:#fff;border-radius:.5rem;padding:1rem;margin:1rem 0;"
    "box-shadow:0 1px 2px rgba(0,0,0,.1)}"
    ".status{font-size:1.15rem;font-weight:600}"
    "ol.steps{list-style:none;padding:0;margin:.75rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem}"
    "ol.steps li{flex:1 1 6.5rem;border:2px solid #b9b9b9;border-radius:.4rem;padding:.35rem .5rem}"
    "ol.steps li.done{border-color:#2f6f3e}ol.steps li.current{border-color:#9a5b00;"
    "font-weight:600}ol.steps small{display:block;color:#555}"
    "table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.35rem .2rem;"
    "vertical-align:top;border-bottom:1px solid #e4e4e0}.num{text-align:right;white-space:nowrap}"
    "tfoot td{font-weight:600;border-bottom:none}dl{margin:0}dt{color:#555;font-size:.9rem}"
    "dd{margin:0 0 .5rem}.qr{background:#fff;text-align:center}"
    ".qr svg{width:12rem;height:12rem}nav{text-align:right}a{color:#1a4d8f}"
)
HEADERS = page_headers(STYLE, form_action="'none'", referrer="no-referrer")

TEXT = {
    "fr": {
        "order": "Commande {reference}",
        "other_language": "English", "other_code": "en",
        "status": {
            "received": "Reçue : le magasin l'a bien enregistrée.",
            "awaiting_payment": "En attente de votre paiement.",
            "paid": "Payée : elle sera bientôt expédiée.",
            "shipped": "Expédiée : elle est en route.",
            "delivered": "Livrée.",
            "cancelled": "Annulée.",
        },
        "steps": ("Reçue", "Paiement", "Expédiée", "Livrée"),
        "step_state": {"done": "étape franchie", "current": "en attente",
                       "todo": "à venir"},
        "progress": "Avancement",
        "details": "Détails",
        "store": "Magasin", "received_on": "Reçue le", "for": "Pour",
        "item": "Article", "size": "Taille", "color": "Couleur", "quantity": "Qté",
        "price": "Prix", "delivery": "Livraison", "total": "Total",
        "how_to_pay": "Comment payer",
        "pay_text": "Montrez le code QR de cette page à la caisse du magasin, ou utilisez "
                    "le lien de paiement reçu par e-mail.",
        "pay_text_till": "Montrez le code QR de cette page à la caisse du magasin, ou "
                         "donnez-y la référence de la commande.",
        "qr_label": "Code QR de la commande {reference}",
        "refused_title": "Commande {reference} non acceptée",
        "refused_text": "Cette commande n'a pas pu être acceptée. Merci de vous adresser "
                        "au magasin.",
        "refused_on": "Refusée le",
        "reason": "Raison\u00a0: {reason}",
        "reasons": {
            "item_withdrawn": "un des articles n'est plus vendu.",
            "price_changed": "le prix d'un des articles a changé depuis la commande.",
        },
        "other_reason": "la commande n'a pas passé les contrôles du serveur.",
        "not_found_title": "Commande introuvable",
        "not_found_text": "Nous ne trouvons pas cette commande. Si elle a été passée "
                          "pendant une coupure du réseau du magasin, elle ne nous est "
                          "peut-être pas encore parvenue : réessayez un peu plus tard. "
                          "Vérifiez aussi la référence sur votre reçu.",
        "unavailable_title": "Service momentanément indisponible",
        "unavailable_text": "Nous ne pouvons pas afficher votre commande pour le moment. "
                            "Elle n'est pas perdue : réessayez dans quelques minutes.",
        "item_no_longer_listed": "Article retiré du catalogue",
        "busy_title": "Trop de demandes",
        "busy_text": "Cette page a été demandée trop souvent depuis votre connexion. "
                     "Réessayez dans une minute.",
        "months": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                   "septembre", "octobre", "novembre", "décembre"),
        "date": "{day} {month} {year} à {hour:02d} h {minute:02d}",
    },
    "en": {
        "order": "Order {reference}",
        "other_language": "Français", "other_code": "fr",
        "status": {
            "received": "Received: the store has recorded it.",
            "awaiting_payment": "Waiting for your payment.",
            "paid": "Paid: it will be shipped soon.",
            "shipped": "Shipped: it is on its way.",
            "delivered": "Delivered.",
            "cancelled": "Cancelled.",
        },
        "steps": ("Received", "Payment", "Shipped", "Delivered"),
        "step_state": {"done": "done", "current": "waiting", "todo": "to come"},
        "progress": "Progress",
        "details": "Details",
        "store": "Store", "received_on": "Received on", "for": "For",
        "item": "Item", "size": "Size", "color": "Colour", "quantity": "Qty",
        "price": "Price", "delivery": "Delivery", "total": "Total",
        "how_to_pay": "How to pay",
        "pay_text": "Show this page's QR code at the store's till, or use the payment link "
                    "sent to you by e-mail.",
        "pay_text_till": "Show this page's QR code at the store's till, or give the order's "
                         "reference there.",
        "qr_label": "QR code of order {reference}",
        "refused_title": "Order {reference} not accepted",
        "refused_text": "This order could not be accepted. Please ask in store.",
        "refused_on": "Refused on",
        "reason": "Reason: {reason}",
        "reasons": {
            "item_withdrawn": "one of the items is no longer sold.",
            "price_changed": "the price of one of the items changed after the order was "
                             "placed.",
        },
        "other_reason": "the order did not pass the server's checks.",
        "not_found_title": "Order not found",
        "not_found_text": "We cannot find this order. If it was placed while the store's "
                          "network was down, it may not have reached us yet: try again a "
                          "little later. Please also check the reference on your receipt.",
        "unavailable_title": "Service temporarily unavailable",
        "unavailable_text": "We cannot show your order right now. It is not lost: please "
                            "try again in a few minutes.",
        "item_no_longer_listed": "Item no longer in the catalogue",
        "busy_title": "Too many requests",
        "busy_text": "This page was asked for too often from your connection. Please try "
                     "again in a minute.",
        "months": ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"),
        "date": "{day} {month} {year} at {hour:02d}:{minute:02d}",
    },
}

# Where each status stands on the four steps shown: step index -> state.
_STEP_STATES = {
    "received": ("done", "todo", "todo", "todo"),
    "awaiting_payment": ("done", "current", "todo", "todo"),
    "paid": ("done", "done", "todo", "todo"),
    "shipped": ("done", "done", "done", "todo"),
    "delivered": ("done", "done", "done", "done"),
}


@dataclass(frozen=True)
class LineView:
    name: str | None                # the catalog's; None once the item has left it
    size: str | None
    color: str | None
    quantity: int
    unit_price_cents: int


@dataclass(frozen=True)
class OrderView:
    reference: str
    status: str
    store_name: str
    received_at: datetime
    initials: str
    lines: tuple[LineView, ...]
    delivery_fee_cents: int
    total_cents: int
    currency: str


@dataclass(frozen=True)
class RefusalView:
    reference: str
    store_name: str
    refused_at: datetime
    error: str


def choose_language(asked: str | None, accept_language: str | None) -> str:
    """`?lang=` if it names a language we have, else the browser's preference among
    ours, else French."""
    if asked in LANGUAGES:
        return asked
    best, best_q = DEFAULT_LANGUAGE, 0.0
    for item in (accept_language or "").split(",")[:20]:
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if primary in LANGUAGES and 0 < quality <= 1 and quality > best_q:
            best, best_q = primary, quality
    return best


def initials(first_name: str, last_name: str) -> str:
    """"J. D." for Jeanne Dupont: enough for the customer to recognise the order."""
    parts = [name.strip()[:1].upper() + "." for name in (first_name, last_name)
             if name.strip()]
    return " ".join(parts)


def money(cents: int, currency: str, language: str) -> str:
    units, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    if language == "fr":
        # Typeset as in French: narrow no-break spaces between thousands, a comma, and a
        # no-break space before the symbol so that it never wraps alone.
        grouped = f"{units:,}".replace(",", "\u202f")
        symbol = "€" if currency == "EUR" else currency
        return f"{sign}{grouped},{rest:02d}\u00a0{symbol}"
    grouped = f"{units:,}"
    symbol = "€" if currency == "EUR" else currency + "\u00a0"
    return f"{sign}{symbol}{grouped}.{rest:02d}"


def when(moment: datetime, language: str) -> str:
    local = moment.astimezone(PARIS)
    text = TEXT[language]
    return text["date"].format(day=local.day, month=text["months"][local.month - 1],
                               year=local.year, hour=local.hour, minute=local.minute)


def order_page(order: OrderView, language: str, payment_link: bool = False) -> str:
    """`payment_link`: whether the customer's e-mails carry a link to pay (the page
    mentions it only then)."""
    text = TEXT[language]
    qr_code = None
    if order.status == "awaiting_payment":
        qr_code = _qr_svg(order.reference, text["qr_label"].format(reference=order.reference))
    return _render("status/order.html", language,
                   text["order"].format(reference=order.reference), order=order,
                   status=text["status"].get(order.status, order.status),
                   steps=_steps(order.status, text), qr_code=qr_code,
                   pay_text=text["pay_text"] if payment_link else text["pay_text_till"],
                   received_on=when(order.received_at, language),
                   money=partial(money, currency=order.currency, language=language))


def refusal_page(refusal: RefusalView, language: str) -> str:
    text = TEXT[language]
    return _render("status/refusal.html", language,
                   text["refused_title"].format(reference=refusal.reference), refusal=refusal,
                   reason=text["reasons"].get(refusal.error, text["other_reason"]),
                   refused_on=when(refusal.refused_at, language))


def not_found_page(language: str) -> str:
    return _message_page(language, "not_found")


def unavailable_page(language: str) -> str:
    """While the server's database cannot be reached."""
    return _message_page(language, "unavailable")


def busy_page(language: str) -> str:
    """While this client asks for status pages faster than it may."""
    return _message_page(language, "busy")


def _message_page(language: str, name: str) -> str:
    text = TEXT[language]
    return _render("status/message.html", language, text[f"{name}_title"],
                   message=text[f"{name}_text"])


def _steps(status: str, text: dict) -> list[dict[str, Any]]:
    """The four steps shown and where the order stands on each; none once cancelled."""
    states = _STEP_STATES.get(status)
    if states is None:
        return []
    # The last step reached (or the one waiting) is the one a screen reader announces.
    here = max(i for i, state in enumerate(states) if state != "todo")
    return [{"label": label, "state": state, "here": index == here,
             "mark": {"done": "✓", "current": "…", "todo": "○"}[state]}
            for index, (label, state) in enumerate(zip(text["steps"], states, strict=True))]


def _qr_svg(reference: str, label: str) -> Markup:
    """The reference as a QR code, for the till's scanner: inline SVG, nothing fetched."""
    image = qrcode.make(reference, image_factory=qrcode.image.svg.SvgPathImage, border=4)
    svg = image.to_string(encoding="unicode")
    # The library's own markup, with a role and the (escaped) label added.
    return Markup(svg.replace("<svg ", f"<svg role=\"img\" aria-label=\"{escape(label)}\" ",
                              1))


def _render(template: str, language: str, title: str, **context: Any) -> str:
    return render(template, language=language, text=TEXT[language], title=title,
                  style=Markup(STYLE), **context)
