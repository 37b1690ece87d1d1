"""The one hook from Qt's language change to a widget's texts, for screens and widgets
alike (kiosk/ui/screens/base.py builds the screens' interface on it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """For a widget whose texts are in the shopper's language: `retranslate()` runs at
    every language change. Put it before the Qt class among the bases."""

    def retranslate(self) -> None:
        """Set every text again in the language now installed."""

    def changeEvent(self, event: QEvent) -> None:
        # Not once Python's collector has emptied it (its Qt side is then being deleted).
        if event.type() == QEvent.Type.LanguageChange and vars(self):
            self.retranslate()
        super().changeEvent(event)
