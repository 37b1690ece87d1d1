"""Admin mode's look, on top of the shop's style sheet: a dark frame that no shopper
mistakes for a shop screen, with the same type scale and touch targets."""

from __future__ import annotations

from kiosk.ui.theme import Theme


def admin_style(theme: Theme) -> str:
    return theme.sheet("admin.qss")
