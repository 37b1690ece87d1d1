"""The public pages of back-in-stock alerts, in French and English, in the status page's
style: confirming an alert (a button, so that a mail scanner following links confirms
nothing), its one-click unsubscribe, and the product page its message links to when the
chain has no page of its own. No personal data is shown on any of them."""

from __future__ import annotations

from email import message_from_bytes, policy
from typing import Any
from urllib.parse import parse_qs

from markupsafe import Markup

from central.page_headers import page_headers
from central.page_templates import render
from central.status_page import STYLE
from central.status_page import TEXT as STATUS_TEXT

# The confirmation page posts its form to itself.
HEADERS = page_headers(STYLE, form_action="'self'", referrer="no-referrer")

TEXT = {
    "fr": {
        "confirm_title": "Confirmer votre alerte",
        "confirm_text": "Vous serez prévenu(e) une seule fois par e-mail quand cet article "
                        "sera de nouveau disponible.",
        "confirm_button": "Confirmer mon alerte",
        "confirmed_title": "Alerte confirmée",
        "confirmed_text": "Merci : nous vous écrirons une fois, dès que l'article sera de "
                          "nouveau disponible, puis effacerons votre adresse.",
        "ended_title": "Alerte terminée",
        "ended_text": "Cette alerte est terminée : nous ne vous écrirons plus à son sujet.",
        "unsubscribed_title": "Désinscription faite",
        "unsubscribed_text": "Vous ne recevrez plus de message pour cette alerte, et votre "
                             "adresse est effacée.",
        "unknown_title": "Lien inconnu",
        "unknown_text": "Ce lien ne correspond à aucune alerte. Vérifiez qu'il est complet.",
        "in_stock": "Disponible dans ces magasins",
        "none_in_stock": "Il n'est disponible dans aucun magasin pour le moment.",
        "size": "Taille", "color": "Couleur", "price": "Prix",
    },
    "en": {
        "confirm_title": "Confirm your alert",
        "confirm_text": "You will be told once by e-mail when this item is available again.",
        "confirm_button": "Confirm my alert",
        "confirmed_title": "Alert confirmed",
        "confirmed_text": "Thank you: we will write once, as soon as the item is available "
                          "again, then erase your address.",
        "ended_title": "Alert ended",
        "ended_text": "This alert has ended: we will not write to you about it again.",
        "unsubscribed_title": "Unsubscribed",
        "unsubscribed_text": "You will receive no more messages for this alert, and your "
                             "address is erased.",
        "unknown_title": "Unknown link",
        "unknown_text": "This link matches no alert. Check that it is complete.",
        "in_stock": "In stock at these stores",
        "none_in_stock": "No store has it at the moment.",
        "size": "Size", "color": "Colour", "price": "Price",
    },
}


def message_page(language: str, name: str) -> str:
    text = TEXT[language]
    return _render("status/message.html", language, text[f"{name}_title"],
                   message=text[f"{name}_text"])


def confirm_page(language: str) -> str:
    return _render("status/alert_confirm.html", language, TEXT[language]["confirm_title"])


def product_page(language: str, name: str, size: str | None, color: str | None,
                 price: str, stores: list[str]) -> str:
    return _render("status/product.html", language, name, size=size, color=color,
                   price=price, stores=stores)


def _render(template: str, language: str, title: str, **context: Any) -> str:
    # The status page's words (the other language's link) with this page's own.
    return render(template, language=language, text=STATUS_TEXT[language] | TEXT[language],
                  title=title, style=Markup(STYLE), **context)


def one_click_unsubscribe(content_type: str, body: bytes) -> bool:
    """Whether a POST is RFC 8058's one-click unsubscribe: the form field
    List-Unsubscribe=One-Click, sent by a mail client's button as multipart/form-data or
    application/x-www-form-urlencoded."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        fields = parse_qs(body.decode("utf-8", "replace"))
        return fields.get("List-Unsubscribe") == ["One-Click"]
    if kind != "multipart/form-data":
        return False
    # A form's parts are MIME parts: the e-mail parser reads them, given the boundary.
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    form = message_from_bytes(head + body, policy=policy.HTTP)
    return form.is_multipart() and any(
        part.get_param("name", header="content-disposition") == "List-Unsubscribe"
        and (part.get_payload(decode=True) or b"").strip() == b"One-Click"
        for part in form.iter_parts())
