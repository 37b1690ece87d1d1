"""The dashboard's page of a store's reservations, for staff: the holds to collect first,
each with a button to mark it collected or cancelled, then the ones settled or expired.
French or English; rendered in the dashboard's frame, which escapes every value."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from markupsafe import Markup

from central.analytics.page import LINK, STYLE
from central.page_templates import render
from central.status_page import when

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "other_language": "English", "other_code": "en",
        "title": "Réservations en magasin", "dashboard": "Tableau de bord",
        "store": "Magasin", "show": "Afficher",
        "held": "À retirer", "settled": "Retirées, annulées ou expirées",
        "reference": "Référence", "item": "Article", "quantity": "Qté",
        "customer": "Client", "until": "Jusqu'au", "state": "État", "action": "Action",
        "collected": "Retirée", "cancel": "Annuler",
        "none_held": "Aucune réservation à retirer dans ce magasin.",
        "none_settled": "Aucune autre réservation.",
        "states": {"held": "mise de côté", "collected": "retirée", "cancelled": "annulée",
                   "expired": "expirée"},
        "done": {"collected": "La réservation {reference} est marquée retirée.",
                 "cancelled": "La réservation {reference} est annulée."},
        "refused": "La réservation {reference} n'est plus mise de côté : rien n'a changé.",
    },
    "en": {
        "other_language": "Français", "other_code": "fr",
        "title": "Reservations in store", "dashboard": "Dashboard",
        "store": "Store", "show": "Show",
        "held": "To collect", "settled": "Collected, cancelled or expired",
        "reference": "Reference", "item": "Item", "quantity": "Qty",
        "customer": "Customer", "until": "Until", "state": "State", "action": "Action",
        "collected": "Collected", "cancel": "Cancel",
        "none_held": "No reservation to collect in this store.",
        "none_settled": "No other reservation.",
        "states": {"held": "held", "collected": "collected", "cancelled": "cancelled",
                   "expired": "expired"},
        "done": {"collected": "Reservation {reference} is marked collected.",
                 "cancelled": "Reservation {reference} is cancelled."},
        "refused": "Reservation {reference} is no longer held: nothing changed.",
    },
}


def reservations_page(language: str, store_id: str, stores: list[tuple[str, str]],
                      holds: list[dict[str, Any]], csrf_token: str, notice: str = "") -> str:
    text = TEXT[language]

    def row(hold: dict[str, Any]) -> dict[str, Any]:
        details = " · ".join(part for part in (hold["size"], hold["color"]) if part)
        customer = hold["customer"]
        return {**hold, "item": f"{hold['name']}{' · ' + details if details else ''} "
                                f"({hold['sku']})",
                "contact": " · ".join(part for part in (customer.get("name", ""),
                                                        customer.get("phone", ""),
                                                        customer.get("email", "")) if part),
                "until": when(datetime.fromisoformat(hold["hold_until"].replace(
                    "Z", "+00:00")), language),
                "state_word": text["states"].get(hold["state"], hold["state"])}

    rows = [row(hold) for hold in holds]
    return render("dashboard/reservations.html", language=language, text=text,
                  title=text["title"], style=Markup(STYLE), link=LINK,
                  query=f"store_id={store_id}", store_id=store_id, stores=stores,
                  held=[r for r in rows if r["state"] == "held"],
                  settled=[r for r in rows if r["state"] != "held"],
                  csrf=csrf_token, notice=notice)
