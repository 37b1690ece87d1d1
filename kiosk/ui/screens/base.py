"""What a shopper screen offers the app, declared once rather than probed for.

Small for now: the screens that show catalog data follow sync's changes through it.
The rest of a screen's interface (title, language, orientation, formatter) is to join it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.core.catalog_change import CatalogChange


class Screen(QWidget):
    def catalog_changed(self, change: CatalogChange) -> None:
        """Sync has changed the cache. A screen showing what `change` concerns reads it
        again, keeping the shopper's place (their choice, the scroll, what they typed).
        Nothing to do for a screen that shows no catalog data."""
