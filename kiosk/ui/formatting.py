"""Prices and numbers in the shopper's language and the store's country."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from kiosk.core.products import ProductCard


def shopper_locale(language: str, store_locale: str) -> QLocale:
    """The shopper's language with the store's country: English in France writes €49.00."""
    country = QLocale(store_locale).territory()
    return QLocale(QLocale.codeToLanguage(language), country)


class Formatter:
    def __init__(self, locale: QLocale, currency: str) -> None:
        self.locale = locale
        self.language = QLocale.languageToCode(locale.language())   # 'fr', 'en'
        own_code = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
        self._symbol = (locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
                        if own_code == currency else currency)
        # Fetched once per language: these strings are painted for every card.
        self.in_stock_here = QCoreApplication.translate("ProductCard", "In stock here")
        self.not_in_stock_here = QCoreApplication.translate("ProductCard",
                                                            "Not in stock here")
        self.instead_of = QCoreApplication.translate("ProductCard", "%1 instead of %2")

    def price(self, cents: int) -> str:
        return self.locale.toCurrencyString(cents / 100, self._symbol, 2)

    def card_description(self, card: ProductCard) -> str:
        """What a screen reader says for a card: the same facts the card shows."""
        stock = self.in_stock_here if card.in_stock_here else self.not_in_stock_here
        price = self.price(card.price_cents)
        if card.on_special:
            price = self.instead_of.replace("%1", price).replace(
                "%2", self.price(card.regular_price_cents))
        return f"{card.name}, {price}, {stock}"
