"""Which catalog attributes a shopper reads on a product page: those IT listed, in IT's
order, and never a flag the prices contradict."""

from datetime import date

import pytest

from kiosk.core.changes import apply_changes
from kiosk.core.config import DEFAULT_SHOWN_ATTRIBUTES, ShownAttribute
from kiosk.core.db.cache import open_cache
from kiosk.core.product_page import load_product, shown_attributes
from kiosk_contract.catalog import ChangeBatch, Product, Variant

TODAY = date(2026, 11, 24)
# The demo catalog's flags: 'sale' says nothing about the prices, 'erin_recommends' is a
# merchandising note.
FLAGS = {"material": "Wool", "pattern": "Solid", "climate": "Cool, Windy",
         "erin_recommends": "Yes", "new": "No", "sale": "Yes"}
SALE = ShownAttribute("sale", (("fr", "En promotion"), ("en", "On sale")), "special_price")
CLIMATE = ShownAttribute("climate", (("fr", "Saison"), ("en", "Season")))


def product(sku, *, special=None, variant_special=None, attributes=FLAGS):
    return Product(sku=sku, name=f"Jacket {sku}", price_cents=6000, special_price_cents=special,
                   special_from="2026-11-01" if special else None,
                   special_to="2026-11-30" if special else None,
                   variants=(Variant(f"{sku}-M", 6000, size="M", color="Black",
                                     special_price_cents=variant_special),),
                   attributes=attributes)


@pytest.fixture
def page(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(products=[
        product("FULL"), product("CUT", special=4500), product("VARIANT", variant_special=5000),
        product("NO-SALE", special=4500, attributes={**FLAGS, "sale": "No"}),
        product("ODD", attributes={**FLAGS, "sale": "Maybe"}),
        product("BARE", attributes={"pattern": "", "erin_recommends": "Yes"}),
    ]))
    ids = dict(conn.execute("SELECT sku, id FROM products"))
    yield lambda sku: load_product(conn, ids[sku], "paris", today=TODAY)
    conn.close()


def shown(page, listed):
    return [(attribute.key, value) for attribute, value in shown_attributes(page, listed)]


def test_only_the_listed_attributes_are_shown_in_the_order_listed(page):
    assert shown(page("FULL"), DEFAULT_SHOWN_ATTRIBUTES) == [
        ("material", "Wool"), ("pattern", "Solid"), ("climate", "Cool, Windy")]
    assert shown(page("FULL"), [CLIMATE, DEFAULT_SHOWN_ATTRIBUTES[0]]) == [
        ("climate", "Cool, Windy"), ("material", "Wool")]
    assert shown(page("FULL"), []) == []


def test_a_listed_attribute_the_product_lacks_or_leaves_empty_is_not_shown(page):
    assert shown(page("BARE"), DEFAULT_SHOWN_ATTRIBUTES) == []


def test_a_sale_flag_shows_only_while_a_special_price_runs(page):
    assert shown(page("FULL"), [SALE]) == []                 # "Yes", at the full price
    assert shown(page("CUT"), [SALE]) == [("sale", "Yes")]
    assert shown(page("VARIANT"), [SALE]) == [("sale", "Yes")]    # one size is cheaper
    # "No" while a special price runs contradicts it too; a word that is neither yes nor
    # no cannot be checked, so it is not shown either.
    assert shown(page("NO-SALE"), [SALE]) == []
    assert shown(page("ODD"), [SALE]) == []


def test_a_sale_flag_without_the_check_is_shown_as_the_catalog_says(page):
    unchecked = ShownAttribute("sale", SALE.labels)
    assert shown(page("FULL"), [unchecked]) == [("sale", "Yes")]


def test_the_label_is_the_one_for_the_language_asked(page):
    [(attribute, _)] = shown_attributes(page("FULL"), [CLIMATE])
    assert (attribute.label("fr"), attribute.label("en")) == ("Saison", "Season")
