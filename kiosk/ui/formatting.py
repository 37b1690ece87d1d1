"""The one place that puts prices, dates and numbers in the shopper's language.

Every shopper screen, admin mode included, asks its Formatter: nothing formats a number
with the default QLocale() (the machine's). The catalog's own words come in the shopper's
language from the cache (kiosk.core.catalog_text).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from kiosk.core.products import ProductCard


def shopper_locale(language: str, store_locale: str) -> QLocale:
    """How a shopper reading `language` writes numbers: as the store's country does when
    it speaks that language (fr in fr_FR: 75,00 €), else as the language itself does
    (English in France: €75.00, not the en_FR of reference books, which writes 75,00 €)."""
    store = QLocale(store_locale)
    wanted = QLocale.codeToLanguage(language)
    if store.language() == wanted:
        return store
    return QLocale(wanted)


def currency_symbol(locale: QLocale, currency: str) -> str:
    """The sign `locale` writes for the ISO `currency`: its own when it is its country's,
    else the one of a locale that uses it, same language first ('€' for English, not 'EUR');
    the code itself for a currency no locale knows."""
    iso = QLocale.CurrencySymbolFormat.CurrencyIsoCode
    sign = QLocale.CurrencySymbolFormat.CurrencySymbol
    any_script, any_country = QLocale.Script.AnyScript, QLocale.Country.AnyCountry

    def candidates():
        # Most shoppers read their store's own currency: the lists are asked for only when not.
        yield locale
        yield from QLocale.matchingLocales(locale.language(), any_script, any_country)
        yield from QLocale.matchingLocales(QLocale.Language.AnyLanguage, any_script, any_country)

    return next((candidate.currencySymbol(sign) for candidate in candidates()
                 if candidate.currencySymbol(iso) == currency), currency)


class SpokenPrice(QObject):
    """The words of a price said aloud, through tr() so that lupdate finds their plurals
    (it reads only a plain name as the count)."""

    def euros(self, count: int) -> str:
        return self.tr("%n euro(s)", "", count)


# A price with every part a written price may have: thousands, and cents.
SAMPLE_UNITS, SAMPLE_HUNDREDTHS = 1234, 56


class Formatter:
    def __init__(self, locale: QLocale, currency: str) -> None:
        self.locale = locale
        self.language = QLocale.languageToCode(locale.language())   # 'fr', 'en'
        self._currency = currency
        self._symbol = currency_symbol(locale, currency)
        self._written_price: re.Pattern | None = None     # made when first spoken
        # Fetched once per language: these strings are painted for every card.
        self.in_stock_here = QCoreApplication.translate("ProductCard", "In stock here")
        self.not_in_stock_here = QCoreApplication.translate("ProductCard",
                                                            "Not in stock here")
        self.instead_of = QCoreApplication.translate("ProductCard", "%1 instead of %2")

    def price(self, cents: int) -> str:
        return self.locale.toCurrencyString(cents / 100, self._symbol, 2)

    def spoken_prices(self, text: str) -> str:
        """`text` for speech, each price in it as this formatter writes them said as a
        price ('75 euros 50'), where a voice would read '75,50 €' 'seventy-five comma
        fifty euro sign'. Prices in a currency without its words here stay as written."""
        if self._currency != "EUR":
            return text
        if self._written_price is None:
            self._written_price = self._price_pattern()
        return self._written_price.sub(self._spoken_price, text)

    def _price_pattern(self) -> re.Pattern:
        written = self.price(SAMPLE_UNITS * 100 + SAMPLE_HUNDREDTHS)
        number = f"{self.locale.toString(SAMPLE_UNITS)}{self.locale.decimalPoint()}" \
                 f"{SAMPLE_HUNDREDTHS}"
        before, _, after = written.partition(number)
        group = re.escape(self.locale.groupSeparator())
        return re.compile(f"{re.escape(before)}(\\d{{1,3}}(?:{group}\\d{{3}})*|\\d+)"
                          f"{re.escape(self.locale.decimalPoint())}(\\d{{2}}){re.escape(after)}")

    def _spoken_price(self, found: re.Match) -> str:
        units = int(re.sub(r"\D", "", found.group(1)))
        hundredths = int(found.group(2))
        words = SpokenPrice().euros(units)
        return f"{words} {hundredths}" if hundredths else words

    def number(self, value: float, decimals: int = 0) -> str:
        if decimals == 0:
            return self.locale.toString(round(value))
        return self.locale.toString(float(value), "f", decimals)

    def data_size(self, size_bytes: int) -> str:
        """'81,9 Go' in French, '81.9 GB' in English."""
        return self.locale.formattedDataSize(size_bytes, 1,
                                             QLocale.DataSizeFormat.DataSizeSIFormat)

    def variant(self, size: str | None, color: str | None) -> str:
        """'M · Violet': a size and colour, either possibly missing, as the catalog gives
        them in the shopper's language."""
        return " · ".join(part for part in (size, color) if part)

    def card_description(self, card: ProductCard) -> str:
        """What a screen reader says for a card: the same facts the card shows."""
        stock = self.in_stock_here if card.in_stock_here else self.not_in_stock_here
        price = self.price(card.price_cents)
        if card.on_special:
            price = self.instead_of.replace("%1", price).replace(
                "%2", self.price(card.regular_price_cents))
        return f"{card.name}, {price}, {stock}"
