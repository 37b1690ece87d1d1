"""Words for the codes terminals send: rating reasons, in French and English.

The kiosk's reasons file (assets/ratings/reasons.toml) may list others; a code the
server does not know is shown as it is.
"""

from __future__ import annotations

NEGATIVE_REASONS = {
    "waiting_time": ("Temps d'attente", "Waiting time"),
    "staff": ("Accueil du personnel", "Staff"),
    "product_availability": ("Produit indisponible", "Product availability"),
    "prices": ("Prix", "Prices"),
    "store_tidiness": ("Rangement du magasin", "Store tidiness"),
    "other": ("Autre", "Other"),
}
POSITIVE_REASONS = {
    "staff_helpful": ("Personnel serviable", "Helpful staff"),
    "found_everything": ("J'ai tout trouvé", "Found everything"),
    "good_prices": ("Bons prix", "Good prices"),
    "tidy_store": ("Magasin bien rangé", "Tidy store"),
    "quick_visit": ("Visite rapide", "Quick visit"),
    "other_positive": ("Autre (positif)", "Other (positive)"),
}


def reason_label(code: str, language: str) -> str:
    names = NEGATIVE_REASONS.get(code) or POSITIVE_REASONS.get(code)
    if names is None:
        return code
    return names[0] if language == "fr" else names[1]


def reason_polarity(code: str) -> str | None:
    if code in NEGATIVE_REASONS:
        return "negative"
    if code in POSITIVE_REASONS:
        return "positive"
    return None
