"""The shopper's languages: one translator and one formatter for each, made once, and the
attract screen's offers to start in another language, each in that language's words."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTranslator

from kiosk.core.config import KioskConfig
from kiosk.i18n import qm_path
from kiosk.ui.formatting import Formatter, shopper_locale
from kiosk.ui.shell import LANGUAGE_NAMES

log = logging.getLogger(__name__)

# The attract screen's offer to start in another language, in that language's own words.
START_IN_LANGUAGE = QT_TRANSLATE_NOOP("AttractScreen", "Start in English")


class Languages:
    def __init__(self, app: QCoreApplication, config: KioskConfig) -> None:
        self._app = app
        self._config = config
        # Made once: reloading a .qm file at every switch costs memory Qt does not give back.
        self._translators: dict[str, QTranslator] = {}
        self._formatters: dict[str, Formatter] = {}

    def install(self, language: str) -> Formatter:
        """Make `language` the one Qt translates into (every widget is told: LanguageChange);
        its formatter is returned."""
        self.uninstall()
        self._app.installTranslator(self._translator_for(language))
        return self.formatter_for(language)

    def uninstall(self) -> None:
        for translator in self._translators.values():
            self._app.removeTranslator(translator)

    def formatter_for(self, language: str) -> Formatter:
        if language not in self._formatters:
            self._formatters[language] = Formatter(
                shopper_locale(language, self._config.locale), self._config.currency)
        return self._formatters[language]

    def offers_besides(self, language: str) -> dict[str, str]:
        """"Start in …" for every language but `language`, each written in the language it
        offers, by that language's translator."""
        return {code: (self._translator_for(code).translate("AttractScreen", START_IN_LANGUAGE)
                       or LANGUAGE_NAMES[code])
                for code in self._config.languages if code != language}

    def _translator_for(self, language: str) -> QTranslator:
        if language not in self._translators:
            translator = QTranslator(self._app)
            if not translator.load(str(qm_path(language))):
                log.error("no translation file for %r: texts stay in English", language)
            self._translators[language] = translator
        return self._translators[language]
