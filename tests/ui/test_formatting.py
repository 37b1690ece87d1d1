"""Prices, numbers and sizes as the shopper writes them, whatever the machine's locale."""

from __future__ import annotations

import pytest

from kiosk.ui.formatting import Formatter, shopper_locale

NBSP, NNBSP = "\u00a0", "\u202f"


def formatter(language: str, store_locale: str = "fr_FR", currency: str = "EUR") -> Formatter:
    return Formatter(shopper_locale(language, store_locale), currency)


def test_a_french_shopper_in_france_reads_french_numbers():
    french = formatter("fr")
    assert french.price(7500) == f"75,00{NBSP}€"
    assert french.number(2, 2) == "2,00"
    assert french.number(1234) == f"1{NNBSP}234"
    assert french.data_size(81_900_000_000) == "81,9 Go"
    # Sizes and colours come in the shopper's language from the catalog: only joined here.
    assert french.variant("M", "Violet") == "M · Violet"
    assert french.variant(None, "Violet") == "Violet"


def test_an_english_shopper_in_france_reads_english_numbers_and_the_euro():
    english = formatter("en")
    assert english.price(7500) == "€75.00"         # not the 75,00 € of en_FR
    assert english.price(123456) == "€1,234.56"
    assert english.number(2.0, 2) == "2.00"
    assert english.data_size(81_900_000_000) == "81.9 GB"
    assert english.variant("M", "Purple") == "M · Purple"


def test_a_shopper_of_the_stores_language_reads_the_stores_country():
    assert formatter("fr", "fr_CH", "CHF").price(123456) == f"1'234,56{NBSP}CHF"
    assert formatter("en", "en_IE").price(123456) == "€1,234.56"


@pytest.mark.parametrize(("language", "store", "currency", "sign"), [
    ("en", "fr_FR", "EUR", "€"), ("fr", "en_GB", "GBP", "£"), ("en", "fr_FR", "XYZ", "XYZ")])
def test_the_currency_sign_is_found_for_any_language(language, store, currency, sign):
    assert sign in formatter(language, store, currency).price(100)


def test_a_number_without_decimals_is_rounded():
    assert formatter("fr").number(41.6) == "42"
