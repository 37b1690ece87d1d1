"""Languages in UI tests: the formatter the app makes for each."""

from __future__ import annotations

from kiosk.ui.formatting import Formatter, shopper_locale


def formatter_for(context, language: str) -> Formatter:
    return Formatter(shopper_locale(language, context.config.locale), context.config.currency)
