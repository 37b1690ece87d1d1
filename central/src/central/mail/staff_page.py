"""The dashboard's page of one order, for staff: the order, its history, and the
customer e-mails about it with their fate; a message refused or bounced is announced at
the top, as the thing staff must act on (call the customer, correct the address).

Rendered in the dashboard's frame and stylesheet (central/templates/dashboard/), which
escape every value they print.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from central.analytics.page import LINK, STYLE
from central.db import models
from central.mail.queue import BOUNCED, REFUSED, message_summary
from central.page_templates import render
from central.status_page import money, when

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "other_language": "English", "other_code": "en",
        "order": "Commande {reference}", "not_found": "Commande introuvable",
        "not_found_text": "Aucune commande ne porte la référence {reference}.",
        "dashboard": "Tableau de bord",
        "summary": "Commande", "status": "Statut", "store": "Magasin",
        "received": "Reçue le", "customer": "Client", "email": "E-mail", "total": "Total",
        "language": "Langue",
        "lines": "Articles", "item": "Article", "quantity": "Qté", "price": "Prix",
        "history": "Historique", "when": "Quand", "by": "Par", "note": "Note",
        "messages": "E-mails au client", "message": "Message", "to": "À",
        "state": "État", "attempts": "Essais", "error": "Dernière erreur",
        "no_messages": "Aucun e-mail pour cette commande (l'envoi d'e-mails n'était pas "
                       "configuré, ou aucun statut n'en demandait).",
        "undelivered": "L'e-mail « {message} » à {recipient} n'a pas été remis ({state}) : "
                       "{error}",
        "statuses": {"received": "Reçue", "awaiting_payment": "En attente de paiement",
                     "paid": "Payée", "shipped": "Expédiée", "delivered": "Livrée",
                     "cancelled": "Annulée"},
        "kinds": {"order_received": "Commande reçue",
                  "awaiting_payment": "En attente de paiement",
                  "shipped": "Expédiée", "cancelled": "Annulée"},
        "states": {"queued": "en attente d'envoi", "sending": "en cours d'envoi",
                   "sent": "envoyé", "refused": "refusé", "bounced": "revenu en erreur"},
    },
    "en": {
        "other_language": "Français", "other_code": "fr",
        "order": "Order {reference}", "not_found": "Order not found",
        "not_found_text": "No order has the reference {reference}.",
        "dashboard": "Dashboard",
        "summary": "Order", "status": "Status", "store": "Store",
        "received": "Received on", "customer": "Customer", "email": "E-mail",
        "total": "Total", "language": "Language",
        "lines": "Items", "item": "Item", "quantity": "Qty", "price": "Price",
        "history": "History", "when": "When", "by": "By", "note": "Note",
        "messages": "E-mails to the customer", "message": "Message", "to": "To",
        "state": "State", "attempts": "Attempts", "error": "Last error",
        "no_messages": "No e-mail for this order (sending e-mails was not set up, or no "
                       "status called for one).",
        "undelivered": "The e-mail “{message}” to {recipient} was not delivered ({state}): "
                       "{error}",
        "statuses": {"received": "Received", "awaiting_payment": "Waiting for payment",
                     "paid": "Paid", "shipped": "Shipped", "delivered": "Delivered",
                     "cancelled": "Cancelled"},
        "kinds": {"order_received": "Order received",
                  "awaiting_payment": "Waiting for payment", "shipped": "Shipped",
                  "cancelled": "Cancelled"},
        "states": {"queued": "waiting to be sent", "sending": "being sent",
                   "sent": "sent", "refused": "refused", "bounced": "bounced"},
    },
}


def order_page(language: str, order: models.Order, store_name: str,
               messages: list[models.MailMessage]) -> str:
    text = TEXT[language]
    rows = [message_summary(message) for message in messages]
    undelivered = [text["undelivered"].format(
        message=text["kinds"].get(row["kind"], row["kind"]), recipient=row["recipient"],
        state=text["states"][row["state"]], error=row["last_error"])
        for row in rows if row["state"] in (REFUSED, BOUNCED)]
    customer = order.customer
    return render(
        "dashboard/order.html", **_frame(language, text["order"].format(
            reference=order.reference)),
        order=order, store_name=store_name, undelivered=undelivered, messages=rows,
        status=text["statuses"].get(order.status, order.status),
        received=when(order.received_at, language),
        customer_name=f"{customer.get('first_name', '')} {customer.get('last_name', '')}",
        customer_email=customer.get("email", ""),
        money=lambda cents: money(cents, order.currency, language),
        history=[(when(entry.changed_at, language),
                  text["statuses"].get(entry.status, entry.status), entry.changed_by,
                  entry.note) for entry in order.history])


def not_found_page(language: str, reference: str) -> str:
    text = TEXT[language]
    return render("dashboard/order.html", **_frame(language, text["not_found"]),
                  order=None, missing=text["not_found_text"].format(reference=reference))


def _frame(language: str, title: str) -> dict[str, Any]:
    return {"language": language, "text": TEXT[language], "title": title,
            "style": Markup(STYLE), "query": "", "link": LINK}
