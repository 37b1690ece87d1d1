"""Search in every language the cache holds: names, categories and descriptions of each
language are found, ranked by the name the shopper reads, and typos are corrected from
the shopper's words first."""

from datetime import date

import pytest

from kiosk.core.changes import apply_changes
from kiosk.core.db.cache import CACHE_MIGRATIONS, open_cache
from kiosk.core.db.sqlite import connect, migrate
from kiosk.core.search import RANKABLE_MATCHES, facets, search, suggest
from kiosk.core.synonyms import Synonyms
from kiosk_contract.catalog import Category, ChangeBatch, Product, Variant

TODAY = date(2026, 11, 25)     # a fixed day: it decides which special prices run


def product(sku, name, *, french=None, categories=("Men/Jackets",), description="",
            french_description=None):
    text = {}
    if french:
        text["name"] = french
    if french_description:
        text["description_html"] = french_description
    return Product(sku=sku, name=name, price_cents=2000,
                   variants=(Variant(f"{sku}-1", 2000, size="M", color="Black"),),
                   categories=tuple(categories), description_html=description,
                   translations={"fr": text} if text else {})


CATEGORIES = [Category("Men", "Men", translations={"fr": {"name": "Homme"}}),
              Category("Men/Jackets", "Jackets", translations={"fr": {"name": "Vestes"}}),
              Category("Gear", "Gear")]


@pytest.fixture
def cache(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(categories=CATEGORIES, products=[
        product("J1", "Juno Jacket", french="Veste Juno",
                description="<p>A light shell.</p>",
                french_description="<p>Une coque légère et imperméable.</p>"),
        product("J2", "Proteus Fleece Jacket", french="Polaire Proteus"),
        product("B1", "Sprite Bottle", french="Gourde Sprite", categories=("Gear",)),
        product("T1", "Breathe Tee", categories=("Gear",)),     # not translated
    ]))
    return conn


def names(conn, ids):
    return [conn.execute("SELECT name FROM products WHERE id = ?", (i,)).fetchone()[0]
            for i in ids]


def test_a_french_name_finds_its_product_and_the_english_one_still_does(cache):
    assert names(cache, search(cache, "veste ju", language="fr", today=TODAY).product_ids) == [
        "Juno Jacket"]
    assert names(cache, search(cache, "gourde spr", language="fr", today=TODAY).product_ids) == [
        "Sprite Bottle"]
    assert names(cache, search(cache, "bottle", language="fr", today=TODAY).product_ids) == [
        "Sprite Bottle"]
    # The index does not depend on the shopper's language: an English shopper typing a
    # French word finds the product too.
    assert names(cache, search(cache, "polaire",
                               today=TODAY).product_ids) == ["Proteus Fleece Jacket"]
    assert facets(cache, "polaire", language="fr", today=TODAY).count == 1


def test_translated_categories_and_descriptions_are_searched(cache):
    assert set(names(cache, search(cache, "vestes", language="fr", today=TODAY).product_ids)) == {
        "Juno Jacket", "Proteus Fleece Jacket"}
    assert names(cache, search(cache, "homme", language="fr", today=TODAY).product_ids) == [
        "Juno Jacket", "Proteus Fleece Jacket"]
    assert names(cache, search(cache, "imperméable", today=TODAY).product_ids) == ["Juno Jacket"]


def test_a_product_left_untranslated_is_found_by_its_default_name(cache):
    assert names(cache, search(cache, "breathe", language="fr",
                               today=TODAY).product_ids) == ["Breathe Tee"]


def test_a_retranslated_product_is_no_longer_found_by_its_old_french_name(cache):
    apply_changes(cache, ChangeBatch(products=[
        product("J1", "Juno Jacket", french="Blouson Juno")]))
    assert cache.execute("SELECT t.name FROM product_titles t JOIN products p "
                         "ON p.id = t.rowid WHERE p.sku = 'J1'").fetchone()[0] == (
        "Juno Jacket\nBlouson Juno")
    assert names(cache, search(cache, "blouson", language="fr",
                               today=TODAY).product_ids) == ["Juno Jacket"]


def test_synonyms_still_lead_to_words_no_name_holds(cache):
    synonyms = Synonyms({"manteau": ["jacket"]})
    assert set(names(cache, search(cache, "manteau", language="fr",
                                   synonyms=synonyms, today=TODAY).product_ids)) == {
        "Juno Jacket", "Proteus Fleece Jacket"}


def test_a_typo_is_corrected_from_the_shopper_s_language_first(tmp_path):
    conn = open_cache(tmp_path).conn
    # "vestz" is one letter from the French "veste" and from the English "vests", which
    # more products hold: the French shopper is given "veste", others "vests".
    apply_changes(conn, ChangeBatch(categories=CATEGORIES, products=[
        product("J1", "Juno Jacket", french="Veste Juno"),
        *(product(f"V{n}", f"Running Vests {n}", categories=("Gear",)) for n in range(3))]))
    french = search(conn, "vestz", language="fr", today=TODAY)
    assert (french.corrected_text, names(conn, french.product_ids)) == ("veste", ["Juno Jacket"])
    assert search(conn, "vestz", today=TODAY).corrected_text == "vests"
    assert search(conn, "vestz", language="en", today=TODAY).corrected_text == "vests"


def test_suggestions_offer_words_and_categories_of_the_shopper_s_language(cache):
    assert "veste" in suggest(cache, "ves", language="fr")
    assert "vestes" in suggest(cache, "vest", language="fr")
    assert "jackets" in suggest(cache, "jack")


def test_completions_come_from_the_names_the_shopper_reads(cache):
    # Each shopper is offered the words of their language, and the words common to both
    # (Juno, Sprite), and those of a name left untranslated (Breathe Tee).
    for typed, french, english in (("jac", [], ["jacket", "jackets"]),
                                   ("bot", [], ["bottle"]),
                                   ("pol", ["polaire"], []),
                                   ("gou", ["gourde"], []),
                                   ("ve", ["veste", "vestes"], []),
                                   ("ju", ["juno"], ["juno"]),
                                   ("spr", ["sprite"], ["sprite"]),
                                   ("bre", ["breathe"], ["breathe"])):
        assert suggest(cache, typed, language="fr") == french, typed
        assert suggest(cache, typed, language="en") == english, typed
        assert suggest(cache, typed) == english, typed


def test_a_typo_is_corrected_to_the_shopper_s_word_else_to_another_language_s(cache):
    # "jackte" is one letter from the English "jacket", "polaie" from the French
    # "polaire": each shopper's own word is offered first, and a word only the other
    # language holds is still better than nothing found. "sprit" is one letter from a name
    # common to both.
    assert search(cache, "jackte", language="en", today=TODAY).corrected_text == "jacket"
    assert search(cache, "jackte", language="fr", today=TODAY).corrected_text == "jacket"
    assert search(cache, "polaie", language="fr", today=TODAY).corrected_text == "polaire"
    assert search(cache, "polaie", language="en", today=TODAY).corrected_text == "polaire"
    for language in ("fr", "en"):
        found = search(cache, "sprit ", language=language, today=TODAY)
        assert (found.corrected_text, names(cache, found.product_ids)) == (
            "sprite", ["Sprite Bottle"]), language
        assert facets(cache, "jackte", language=language, today=TODAY).count == 2
    # Category names too: "Jackets" in English, "Vestes" in French.
    assert search(cache, "jackeets", language="en", today=TODAY).corrected_text == "jackets"
    assert search(cache, "vesttes", language="fr", today=TODAY).corrected_text == "vestes"


def test_a_broad_tier_lists_products_with_a_typed_word_in_their_name_first(tmp_path):
    # More backpacks mention a water bottle pocket than a tier ranks; the bottles, whose
    # names hold "bottle", come after them in catalog order and must still come first.
    conn = open_cache(tmp_path).conn
    backpacks = [product(f"P{n}", f"Trail Backpack {n}", categories=("Gear",),
                         description="<p>A pocket for your water bottle.</p>")
                 for n in range(RANKABLE_MATCHES + 20)]
    bottles = [product(f"B{n}", f"Sprite Bottle {n}", categories=("Gear",),
                       description="<p>Keeps water cold.</p>") for n in range(3)]
    apply_changes(conn, ChangeBatch(categories=CATEGORIES, products=backpacks + bottles))
    for typed in ("water bottle", "water bott"):
        found = names(conn, search(conn, typed, limit=10, today=TODAY).product_ids)
        assert found[:3] == ["Sprite Bottle 0", "Sprite Bottle 1", "Sprite Bottle 2"], typed
        assert found[3:] == [f"Trail Backpack {n}" for n in range(7)], typed


def test_a_cache_translated_before_its_index_held_languages_is_indexed_again(tmp_path):
    old = connect(tmp_path / "cache.db", synchronous="NORMAL")
    migrate(old, CACHE_MIGRATIONS[:6])
    old.execute("INSERT INTO categories (id, path, name, translations) VALUES "
                "(1, 'Men', 'Men', '{\"fr\": {\"name\": \"Homme\"}}')")
    old.execute("INSERT INTO products (id, sku, name, description_html, price_cents, "
                "category_paths, translations) VALUES (1, 'J1', 'Juno Jacket', "
                "'<p>A shell</p>', 2000, '[\"Men\"]', "
                "'{\"fr\": {\"name\": \"Veste Juno\", "
                "\"description_html\": \"<p>Une coque</p>\"}}')")
    old.execute("INSERT INTO products (id, sku, name, price_cents, category_paths) "
                "VALUES (2, 'T1', 'Breathe Tee', 2000, '[]')")
    old.execute("INSERT INTO variants (product_id, sku, barcode, size, price_cents) VALUES "
                "(1, 'J1-M', '2000000000015', 'M', 2000), (2, 'T1-M', NULL, 'M', 2000)")
    old.execute("INSERT INTO product_categories VALUES (1, 1)")
    for index in ("product_titles", "product_search"):
        old.execute(f"INSERT INTO {index} (rowid, name, skus, categories) VALUES "
                    "(1, 'Juno Jacket', 'J1 J1-M 2000000000015', 'Men'), "
                    "(2, 'Breathe Tee', 'T1 T1-M', '')")
    old.commit()
    old.close()
    conn = open_cache(tmp_path).conn
    for typed, found in (("veste", [1]), ("homme", [1]), ("coque", [1]), ("shell", [1]),
                         ("jacket", [1]), ("2000000000015", [1]), ("breathe", [2])):
        assert search(conn, typed, language="fr", today=TODAY).product_ids == found, typed
    assert conn.execute("SELECT count(*) FROM product_titles").fetchone()[0] == 2


def test_a_word_being_typed_is_found_in_titles_and_in_descriptions_alone(tmp_path):
    # "bott" begins title words ("bottle") and "resis" only a description's word: both
    # are found as the shopper types, in names first.
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(categories=CATEGORIES, products=[
        product("P1", "Trail Backpack", categories=("Gear",),
                description="<p>Water resistant, with a water bottle pocket.</p>"),
        product("B1", "Sprite Bottle", categories=("Gear",),
                description="<p>Keeps water cold.</p>")]))
    assert names(conn, search(conn, "water bott", today=TODAY).product_ids) == ["Sprite Bottle",
                                                                   "Trail Backpack"]
    assert names(conn, search(conn, "water resis", today=TODAY).product_ids) == ["Trail Backpack"]
    assert names(conn, search(conn, "bottl", today=TODAY).product_ids) == ["Sprite Bottle",
                                                             "Trail Backpack"]
