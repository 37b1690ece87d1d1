"""Languages in UI tests: the formatter the app makes for each, and translators kept in
check."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.ui.formatting import Formatter, shopper_locale


def formatter_for(context, language: str) -> Formatter:
    return Formatter(shopper_locale(language, context.config.locale), context.config.currency)


class TranslatorLedger:
    """Every translator installed on the application, so that none outlives its test.

    A kiosk a test forgot to shut down, or a test that failed before removing what it
    installed, would otherwise leave French (or English) on for the tests after it, whose
    outcome would then depend on the order they ran in.
    """

    def __init__(self) -> None:
        self.installed: dict[int, QTranslator] = {}
        self._install = QCoreApplication.installTranslator
        self._remove = QCoreApplication.removeTranslator
        QCoreApplication.installTranslator = staticmethod(self._on_install)
        QCoreApplication.removeTranslator = staticmethod(self._on_remove)

    def _on_install(self, translator: QTranslator) -> bool:
        self.installed[id(translator)] = translator
        return self._install(translator)

    def _on_remove(self, translator: QTranslator) -> bool:
        self.installed.pop(id(translator), None)
        return self._remove(translator)

    def remove_all(self) -> None:
        for translator in list(self.installed.values()):
            if shiboken6.isValid(translator):
                QCoreApplication.removeTranslator(translator)
        self.installed.clear()
