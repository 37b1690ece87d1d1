from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kiosk.core.changes import apply_changes
from kiosk.core.db.cache import open_cache
from kiosk.core.search import (
    Facets,
    SearchFilters,
    facets,
    fts_expression,
    query_words,
    search,
    size_sort_key,
    suggest,
)
from kiosk.core.synonyms import Synonyms, SynonymsError, load_synonyms
from kiosk_contract.catalog import Category, ChangeBatch, Product, StockLevel, Variant

TODAY = date(2026, 11, 25)     # a fixed day: it decides which special prices run

SHIPPED_SYNONYMS = Path(__file__).resolve().parents[2] / "assets/search/synonyms.toml"
HOSTILE = [
    '"', '"unbalanced', "hood*", "*", "NEAR(hood", "hood AND", "AND OR NOT", "(((", ")",
    "hood)", "{name}: x", "name:hood", "^hood", "😀🔥", "a" * 500, "\x00", "-", "+", "''",
    "hood \" OR 1=1 --", "NEAR(\"a\" \"b\", 2)", " ",
]


def product(sku, name, price=2000, categories=("Women/Tops",), description="", variants=None,
            **extra):
    variants = variants or (Variant(f"{sku}-1", price, size="M", color="Black"),)
    return Product(sku=sku, name=name, price_cents=price, variants=tuple(variants),
                   categories=tuple(categories), description_html=description, **extra)


@pytest.fixture
def cache(tmp_path):
    conn = open_cache(tmp_path).conn
    categories = [Category(p, p.rsplit("/", 1)[-1]) for p in
                  ("Women", "Women/Tops", "Women/Scarves", "Men", "Men/Hoodies")]
    apply_changes(conn, ChangeBatch(categories=categories, products=[
        product("W1", "Écharpe en laine", 3500, ("Women/Scarves",),
                "<p>Une écharpe chaude.</p>"),
        product("W2", "Summer Tee", 1500, description="<p>Light cotton, pairs with an echarpe</p>"),
        product("M1", "Chaz Hoodie", 5200, ("Men/Hoodies",), variants=(
            Variant("MH01-S-Black", 5200, size="S", color="Black", barcode="2000000000015"),
            Variant("MH01-L-Gray", 5200, size="L", color="Gray"))),
        product("M2", "Hooded Rain Jacket", 8000, ("Men",)),
        product("W3", "Tank for hoodie lovers", 1200),
        product("S1", "Scarf", 900, ("Women/Scarves",), special_price_cents=500),
        product("M3", "Plain Sweater", 4000, ("Men/Hoodies",)),
        product("W4", "Winter Coat", 9000, ("Women",), "<p>Wear it over a hoodie.</p>"),
    ]))
    apply_changes(conn, ChangeBatch(stock=[
        StockLevel("MH01-S-Black", "paris", 0, "2026-11-24T10:00:00Z"),
        StockLevel("MH01-L-Gray", "paris", 3, "2026-11-24T10:00:00Z"),
        StockLevel("W1-1", "paris", 0, "2026-11-24T10:00:00Z"),
    ]))
    return conn


def names(conn, ids):
    return [conn.execute("SELECT name FROM products WHERE id = ?", (i,)).fetchone()[0]
            for i in ids]


def test_accents_and_case_do_not_matter(cache):
    for text in ("echarpe", "ECHARPE", "écharpe", "Écharpe"):
        assert names(cache, search(cache, text, today=TODAY).product_ids)[0] == "Écharpe en laine"


def test_prefixes_find_products_as_the_shopper_types(cache):
    assert "Chaz Hoodie" in names(cache, search(cache, "ho", today=TODAY).product_ids)
    assert names(cache, search(cache, "chaz ho", today=TODAY).product_ids) == ["Chaz Hoodie"]


def test_a_name_match_ranks_before_a_description_match(cache):
    assert names(cache, search(cache, "echarpe", today=TODAY).product_ids) == [
        "Écharpe en laine", "Summer Tee"]


def test_name_matches_rank_before_category_then_description_matches(cache):
    found = names(cache, search(cache, "hood", today=TODAY).product_ids)
    assert set(found[:3]) == {"Chaz Hoodie", "Hooded Rain Jacket", "Tank for hoodie lovers"}
    assert found[3:] == ["Plain Sweater", "Winter Coat"]


def test_an_exact_sku_or_barcode_comes_first_and_names_the_variant(cache):
    by_sku = search(cache, "mh01-l-gray", today=TODAY)
    assert names(cache, by_sku.product_ids)[0] == "Chaz Hoodie"
    assert by_sku.exact_variant_sku == "MH01-L-Gray"
    by_barcode = search(cache, "2000000000015", today=TODAY)
    assert by_barcode.exact_variant_sku == "MH01-S-Black"
    assert names(cache, by_barcode.product_ids) == ["Chaz Hoodie"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_never_raises_and_returns_a_list(cache, hostile):
    result = search(cache, hostile, today=TODAY)
    assert isinstance(result.product_ids, list)


# Keys and values a careless or hostile edit of the file could contain.
HOSTILE_SYNONYMS = Synonyms({'"': ["*"], "near(": ['" OR 1=1 --'], "hood": ['"', "coat)"],
                             "^a": ["{name}: x", "NEAR(\"a\" \"b\", 2)"], "(((": [")"]})


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_with_hostile_synonyms_never_raises(cache, hostile):
    for synonyms in (HOSTILE_SYNONYMS, load_synonyms(SHIPPED_SYNONYMS)):
        assert isinstance(search(cache, hostile, synonyms=synonyms, today=TODAY).product_ids, list)
        assert isinstance(search(cache, hostile + " hood", synonyms=synonyms,
                                 today=TODAY).product_ids,
                          list)


def test_operators_typed_by_a_shopper_are_searched_as_words(cache):
    typed_star = names(cache, search(cache, "hood*", today=TODAY).product_ids)
    assert typed_star == names(cache, search(cache, "hood", today=TODAY).product_ids)
    assert query_words('NEAR("x" AND y*)') == ["near", "x", "and", "y"]


def test_filters_by_category_including_sub_categories(cache):
    found = names(cache, search(cache, "", SearchFilters(category_path="Women"),
                                today=TODAY).product_ids)
    assert set(found) == {"Écharpe en laine", "Summer Tee", "Tank for hoodie lovers", "Scarf",
                          "Winter Coat"}
    assert names(cache, search(cache, "", SearchFilters(category_path="Wom"),
                               today=TODAY).product_ids) == []


def test_size_colour_and_stock_filters_apply_to_one_and_the_same_variant(cache):
    # The hoodie has S Black (none here) and L Gray (3 here).
    assert names(cache, search(cache, "hoodie", SearchFilters(
        sizes=frozenset({"L"}), in_stock_at="paris"), today=TODAY).product_ids) == ["Chaz Hoodie"]
    assert search(cache, "hoodie", SearchFilters(
        sizes=frozenset({"S"}), in_stock_at="paris"), today=TODAY).product_ids == []
    assert search(cache, "chaz", SearchFilters(
        sizes=frozenset({"S"}), colors=frozenset({"Gray"})), today=TODAY).product_ids == []


def test_price_range_uses_the_special_price_and_sorts_by_price(cache):
    cheap = search(cache, "", SearchFilters(max_price_cents=1200, sort="price_asc"), today=TODAY)
    assert names(cache, cheap.product_ids) == ["Scarf", "Tank for hoodie lovers"]
    dear_first = search(cache, "", SearchFilters(min_price_cents=3000, sort="price_desc"),
                        today=TODAY)
    assert names(cache, dear_first.product_ids) == ["Winter Coat", "Hooded Rain Jacket",
                                                    "Chaz Hoodie", "Plain Sweater",
                                                    "Écharpe en laine"]


def test_results_respect_the_limit(cache):
    assert len(search(cache, "", limit=2, today=TODAY).product_ids) == 2
    assert len(search(cache, "h", limit=2, today=TODAY).product_ids) == 2


def test_browsing_pages_through_with_an_offset_in_the_same_order(cache):
    by_price = SearchFilters(sort="price_asc")
    everything = search(cache, "", by_price, limit=100, today=TODAY).product_ids
    pages = [search(cache, "", by_price, limit=3, offset=start, today=TODAY).product_ids
             for start in range(0, len(everything) + 3, 3)]
    assert [product_id for page in pages for product_id in page] == everything
    assert pages[-1] == []


def test_the_demo_catalog_answers_typical_searches(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    top = names(conn, search(conn, "hoodie", limit=5, today=TODAY).product_ids)
    assert all("Hoodie" in name for name in top)
    watches = names(conn, search(conn, "watch", limit=5, today=TODAY).product_ids)
    assert all("Watch" in name for name in watches)


# --- synonyms ----------------------------------------------------------------------

FRENCH = Synonyms({"veste": ["jacket"], "débardeur": ["tank"], "pluie": ["rain"],
                   "hiver": ["winter"], "t-shirt": ["tee"], "écharpe": ["scarf"],
                   "pull": ["plain sweater"]})


def test_a_shopper_word_finds_the_catalog_words_it_stands_for(cache):
    assert names(cache, search(cache, "veste", synonyms=FRENCH, today=TODAY).product_ids) == [
        "Hooded Rain Jacket"]
    assert search(cache, "veste", today=TODAY).product_ids == []


def test_synonym_keys_ignore_case_accents_and_a_plural(cache):
    for typed in ("debardeur", "DÉBARDEUR", "Débardeurs ", "vestes"):
        assert search(cache, typed, synonyms=FRENCH, today=TODAY).product_ids, typed


def test_the_shoppers_own_word_is_searched_too(cache):
    found = names(cache, search(cache, "écharpe", synonyms=FRENCH, today=TODAY).product_ids)
    assert set(found[:2]) == {"Écharpe en laine", "Scarf"}
    assert "Summer Tee" in found      # "echarpe" in its description


def test_every_word_typed_is_required_whether_or_not_it_has_synonyms(cache):
    assert names(cache, search(cache, "veste pluie", synonyms=FRENCH, today=TODAY).product_ids) == [
        "Hooded Rain Jacket"]
    assert search(cache, "veste hiver", synonyms=FRENCH, today=TODAY).product_ids == []
    assert names(cache, search(cache, "veste hood", synonyms=FRENCH, today=TODAY).product_ids) == [
        "Hooded Rain Jacket"]


def test_a_key_or_a_catalog_phrase_may_be_several_words(cache):
    for typed in ("t-shirt", "T shirt", "t-shirts "):
        assert names(cache, search(cache, typed, synonyms=FRENCH, today=TODAY).product_ids) == [
            "Summer Tee"], typed
    # Both words of "plain sweater" are needed: the hoodies' category is not enough.
    assert names(cache, search(cache, "pull", synonyms=FRENCH, today=TODAY).product_ids) == [
        "Plain Sweater"]


def test_the_word_being_typed_expands_once_three_letters_begin_a_key(cache):
    assert names(cache, search(cache, "ves", synonyms=FRENCH, today=TODAY).product_ids) == [
        "Hooded Rain Jacket"]
    assert search(cache, "ve", synonyms=FRENCH, today=TODAY).product_ids == []
    assert search(cache, "ves ", synonyms=FRENCH, today=TODAY).product_ids == []   # a finished word


def test_synonyms_become_a_quoted_or_group_in_the_index_query():
    assert fts_expression(["t", "shirt", "veste"], synonyms=FRENCH) == (
        '(("t" AND "shirt") OR "tee") AND ("veste"* OR "jacket")')
    assert fts_expression(["hood"], last_is_prefix=False,
                          synonyms=HOSTILE_SYNONYMS) == '("hood" OR "coat")'


def test_the_shipped_synonyms_let_a_french_shopper_find_luma_products(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    synonyms = load_synonyms(SHIPPED_SYNONYMS)
    jackets = search(conn, "veste femme", synonyms=synonyms, limit=10, today=TODAY).product_ids
    assert len(jackets) == 10
    for product_id in jackets:
        paths = conn.execute("SELECT c.path FROM product_categories pc JOIN categories c "
                             "ON c.id = pc.category_id WHERE pc.product_id = ?", (product_id,))
        assert "Women/Tops/Jackets" in {row[0] for row in paths}
    for typed, words in (("sweat", ("Hoodie", "Sweatshirt")), ("débardeur", ("Tank",)),
                         ("pantalon", ("Pant",)), ("sac à dos", ("Backpack",)),
                         ("montre", ("Watch",)), ("t-shirt", ("Tee",)),
                         ("soutien-gorge", ("Bra",))):
        found = names(conn, search(conn, typed, synonyms=synonyms, limit=3,
                                   today=TODAY).product_ids)
        assert found and all(any(w in name for w in words) for name in found), (typed, found)


def test_a_broken_synonyms_file_is_refused_naming_the_file_line_and_reason(tmp_path):
    path = tmp_path / "synonyms.toml"
    path.write_text('veste = ["jacket"]\nsac = bag\n')
    with pytest.raises(SynonymsError, match=r"synonyms\.toml:2: not valid TOML: Invalid value$"):
        load_synonyms(path)
    path.write_text('veste = ["jacket"]\nsac = "bag"\n"!!" = ["x"]\n\npull = [""]\n'
                    '[tops]\nhaut = ["top"]\n')
    with pytest.raises(SynonymsError) as refused:
        load_synonyms(path)
    problems = str(refused.value).splitlines()
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:{n}" for n in (2, 3, 5, 6)]
    assert "sac: must be a list of catalog words" in problems[0]
    assert "!!: a shopper word must contain letters" in problems[1]
    assert "pull: must name at least one catalog word" in problems[2]
    assert "tops: sections are not used" in problems[3]
    with pytest.raises(SynonymsError, match="file not found"):
        load_synonyms(tmp_path / "missing.toml")


# --- one typo ----------------------------------------------------------------------

@pytest.mark.parametrize("typed, meant, found", [
    ("jaket", "jacket", "Hooded Rain Jacket"),       # a letter left out
    ("hoodei ", "hoodie", "Chaz Hoodie"),            # two letters swapped
    ("écharpr", "echarpe", "Écharpe en laine"),      # a wrong letter, accents aside
    ("sweatter", "sweater", "Plain Sweater"),        # a letter too many
    ("Rain Jaket", "rain jacket", "Hooded Rain Jacket"),
])
def test_a_long_word_with_one_typo_is_corrected_and_says_so(cache, typed, meant, found):
    result = search(cache, typed, today=TODAY)
    assert names(cache, result.product_ids)[0] == found
    assert result.corrected_text == meant


def test_no_correction_for_short_words_two_typos_or_a_search_that_finds(cache):
    for typed in ("caot", "jakcte", "hood", "sweater coat"):
        result = search(cache, typed, today=TODAY)
        assert result.corrected_text is None, typed
    assert search(cache, "caot", today=TODAY).product_ids == []
    assert search(cache, "sweater coat", today=TODAY).product_ids == []   # both words are known


def test_a_corrected_word_being_typed_still_matches_as_a_prefix(cache):
    # "hoodie" begins the category "Hoodies" of the sweater: only while typing.
    assert "Plain Sweater" in names(cache, search(cache, "hoodei", today=TODAY).product_ids)
    assert "Plain Sweater" not in names(cache, search(cache, "hoodei ", today=TODAY).product_ids)


def test_a_correction_obeys_the_filters(cache):
    assert search(cache, "jaket", SearchFilters(category_path="Men"),
                  today=TODAY).corrected_text == "jacket"
    women = search(cache, "jaket", SearchFilters(category_path="Women"), today=TODAY)
    assert (women.product_ids, women.corrected_text) == ([], None)
    by_price = search(cache, "jaket", SearchFilters(sort="price_asc"), today=TODAY)
    assert names(cache, by_price.product_ids) == ["Hooded Rain Jacket"]


def test_the_most_common_word_one_typo_away_wins(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(categories=[Category("Men", "Men")], products=[
        product("A", "Wool Jacket", categories=("Men",)),
        product("B", "Rain Jacket", categories=("Men",)),
        product("C", "Tacket Belt", categories=("Men",))]))
    assert search(conn, "xacket", today=TODAY).corrected_text == "jacket"
    assert search(conn, "tackt", today=TODAY).corrected_text == "tacket"


def test_a_mistyped_synonym_key_is_corrected_too(cache):
    result = search(cache, "vetse", synonyms=FRENCH, today=TODAY)
    assert (names(cache, result.product_ids), result.corrected_text) == (
        ["Hooded Rain Jacket"], "veste")


def test_a_cache_from_before_the_vocabulary_and_facet_indexes_gains_them(tmp_path):
    from kiosk.core.db.cache import CACHE_MIGRATIONS
    from kiosk.core.db.sqlite import connect, migrate

    old = connect(tmp_path / "cache.db", synchronous="NORMAL")
    migrate(old, CACHE_MIGRATIONS[:2])
    # A product as that cache held it (today's writer writes columns it did not have).
    old.execute("INSERT INTO products (id, sku, name, price_cents) "
                "VALUES (1, 'A', 'Wool Jacket', 2000)")
    old.execute("INSERT INTO variants (product_id, sku, size, color, price_cents) "
                "VALUES (1, 'A-1', 'M', 'Black', 2000)")
    for index in ("product_titles", "product_search"):
        old.execute(f"INSERT INTO {index} (rowid, name, skus, categories) "
                    "VALUES (1, 'Wool Jacket', 'A A-1', '')")
    old.commit()
    old.close()
    conn = open_cache(tmp_path).conn
    assert search(conn, "jaket", today=TODAY).corrected_text == "jacket"
    assert facets(conn, "jacket", today=TODAY).sizes == ("M",)


def test_the_demo_catalog_forgives_typical_typos(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    for typed, meant in (("pnats", "pants"), ("jaket", "jacket"), ("hoodei", "hoodie"),
                         ("backpak", "backpack"), ("wacth", "watch")):
        result = search(conn, typed, today=TODAY)
        assert result.corrected_text == meant
        assert result.product_ids == search(conn, meant, today=TODAY).product_ids != []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_around_a_typo_never_raises(cache, hostile):
    for text in (hostile + " jaket", "jaket " + hostile, hostile + "jaket"):
        assert isinstance(search(cache, text, synonyms=FRENCH, today=TODAY).product_ids, list)


# --- suggestions as you type ---------------------------------------------------------

def test_suggestions_complete_the_word_being_typed_from_names_then_categories(cache):
    assert suggest(cache, "hoo") == ["hoodie", "hooded", "hoodies"]
    assert suggest(cache, "Sca") == ["scarf", "scarves"]
    assert suggest(cache, "ECH") == ["écharpe"]


def test_suggestions_go_with_the_words_before_the_one_being_typed(cache):
    assert suggest(cache, "chaz ho") == ["hoodie", "hoodies"]
    assert suggest(cache, "rain ho") == ["hooded", "hoodies"]


def test_no_suggestion_for_a_finished_word_or_nothing_typed(cache):
    for text in ("hoo ", "", "  ", "zzz"):
        assert suggest(cache, text) == [], text


def test_suggestions_respect_the_limit_and_keep_room_for_categories(cache):
    assert suggest(cache, "h", limit=2) == ["hoodie", "hoodies"]
    assert suggest(cache, "hoo", limit=0) == []


def test_suggestions_offer_the_synonym_keys_a_word_begins(cache):
    assert suggest(cache, "ves", synonyms=FRENCH) == ["veste"]
    assert suggest(cache, "deb", synonyms=FRENCH) == ["débardeur"]


def test_the_demo_catalog_suggests_as_a_shopper_types(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    found = suggest(conn, "hoo")
    assert found[0] == "hoodie" and "hoodies & sweatshirts" in found
    assert "jacket" in suggest(conn, "jac")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_never_breaks_suggestions(cache, hostile):
    for text in (hostile, "hood " + hostile, hostile + "ho"):
        assert isinstance(suggest(cache, text, synonyms=HOSTILE_SYNONYMS), list)


# --- result count and facets ---------------------------------------------------------

def test_facets_describe_every_product_the_search_finds(cache):
    found = facets(cache, "hood", today=TODAY)
    assert found.count == len(search(cache, "hood", today=TODAY).product_ids) == 5
    assert found.sizes == ("S", "M", "L")
    assert found.colors == ("Black", "Gray")
    assert (found.min_price_cents, found.max_price_cents) == (1200, 9000)


def test_the_count_is_of_all_matches_not_of_the_first_page(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(categories=[Category("Men", "Men")], products=[
        product(f"T{n}", f"Tee {n}", 1000 + n, ("Men",)) for n in range(120)]))
    assert len(search(conn, "tee", today=TODAY).product_ids) == 50
    found = facets(conn, "tee", today=TODAY)
    assert (found.count, found.min_price_cents, found.max_price_cents) == (120, 1000, 1119)


def test_browsing_a_category_uses_todays_price(cache):
    women = facets(cache, "", SearchFilters(category_path="Women"), today=TODAY)
    assert women.count == 5
    assert (women.min_price_cents, women.max_price_cents) == (500, 9000)   # the scarf's special
    assert (women.sizes, women.colors) == (("M",), ("Black",))


def test_each_facet_leaves_its_own_filter_out_and_applies_the_others(cache):
    small = facets(cache, "chaz", SearchFilters(sizes=frozenset({"S"})), today=TODAY)
    assert (small.count, small.sizes, small.colors) == (1, ("S", "L"), ("Black",))
    gray = facets(cache, "chaz", SearchFilters(colors=frozenset({"Gray"})), today=TODAY)
    assert (gray.count, gray.sizes, gray.colors) == (1, ("L",), ("Black", "Gray"))
    neither = facets(cache, "chaz", SearchFilters(sizes=frozenset({"S"}),
                                                  colors=frozenset({"Gray"})), today=TODAY)
    assert (neither.count, neither.sizes, neither.colors) == (0, ("L",), ("Black",))
    cheap = facets(cache, "", SearchFilters(max_price_cents=1200), today=TODAY)
    assert (cheap.count, cheap.min_price_cents, cheap.max_price_cents) == (2, 500, 9000)


def test_facets_with_stock_offer_only_what_the_store_has(cache):
    here = facets(cache, "chaz", SearchFilters(in_stock_at="paris"), today=TODAY)
    assert (here.count, here.sizes, here.colors) == (1, ("L",), ("Gray",))
    assert facets(cache, "echarpe", SearchFilters(in_stock_at="paris"), today=TODAY).count == 0


def test_facets_follow_synonyms_and_typo_corrections(cache):
    assert facets(cache, "veste", synonyms=FRENCH, today=TODAY).count == 1
    corrected = facets(cache, "jaket", today=TODAY)
    assert (corrected.count, corrected.corrected_text) == (1, "jacket")
    assert facets(cache, "jaket", SearchFilters(category_path="Women"), today=TODAY) == Facets()


def test_sizes_read_as_a_shopper_expects():
    sizes = ["XL", "36", "M", "10 foot", "S", "XXL", "xs", "6 foot", "L", "28", "One Size",
             "30,5", "2XS"]
    assert sorted(sizes, key=size_sort_key) == [
        "2XS", "xs", "S", "M", "L", "XL", "XXL", "28", "30,5", "36", "6 foot", "10 foot",
        "One Size"]


def test_the_demo_catalog_facets_a_category(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    jackets = facets(conn, "", SearchFilters(category_path="Women/Tops/Jackets"), today=TODAY)
    assert jackets.count == len(search(conn, "", SearchFilters(
        category_path="Women/Tops/Jackets"), limit=1000, today=TODAY).product_ids) > 5
    assert jackets.sizes == ("XS", "S", "M", "L", "XL")
    pants = facets(conn, "", SearchFilters(category_path="Men/Bottoms/Pants"), today=TODAY).sizes
    assert len(pants) > 3 and list(pants) == sorted(pants, key=int)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_never_breaks_facets(cache, hostile):
    for synonyms in (None, HOSTILE_SYNONYMS):
        found = facets(cache, hostile, SearchFilters(sizes=frozenset({hostile})),
                       synonyms=synonyms, today=TODAY)
        assert isinstance(found.count, int)


# --- French shopper words ----------------------------------------------------------

FRENCH_QUERIES = Path(__file__).resolve().parents[2] / "benchmarks/data/french_queries.txt"
A_SUNDAY = date(2026, 12, 6)


def paths_of(conn, product_id):
    return {path for (path,) in conn.execute(
        "SELECT c.path FROM product_categories pc JOIN categories c ON c.id = pc.category_id "
        "WHERE pc.product_id = ?", (product_id,))}


def products_under(conn, *tops):
    return {product_id for (product_id,) in conn.execute("SELECT id FROM products")
            if any(path.startswith(tuple(f"{top}/" for top in tops))
                   for path in paths_of(conn, product_id))}


@pytest.fixture
def demo(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    yield conn
    conn.close()


def shipped_search(conn, text):
    return search(conn, text, limit=500, today=A_SUNDAY,
                  synonyms=load_synonyms(SHIPPED_SYNONYMS)).product_ids


@pytest.mark.parametrize("typed", ["vêtement", "vetements", "Vêtements ", "habits"])
def test_a_word_for_clothes_leads_to_every_garment_before_any_gear(demo, typed):
    # Gear comes after, when its French description speaks of clothes ("vêtements pliés").
    garments, found = products_under(demo, "Women", "Men"), shipped_search(demo, typed)
    assert set(found[:len(garments)]) == garments
    assert all("vêtement" in demo.execute("SELECT translations FROM products WHERE id = ?",
                                          (product_id,)).fetchone()[0]
               for product_id in found[len(garments):])


def test_homme_and_femme_lead_to_the_men_and_the_women(demo):
    men, women = products_under(demo, "Men"), products_under(demo, "Women")
    assert set(shipped_search(demo, "homme")) == men
    for_women = set(shipped_search(demo, "femme"))
    assert women <= for_women and not for_women & (men - women)


@pytest.mark.parametrize("typed", ["soldes", "Promo", "pas cher "])
def test_sale_words_lead_to_the_offers_first_then_the_promotions(demo, typed):
    found = shipped_search(demo, typed)
    on_special = [product_id for (product_id,) in demo.execute(
        "SELECT id FROM products WHERE special_price_cents < price_cents "
        "AND special_from IS NULL AND special_to IS NULL ORDER BY id")]
    assert on_special and found[:len(on_special)] == on_special
    assert products_under(demo, "Promotions") <= set(found)


def test_enfant_leads_to_the_whole_catalog_when_no_product_is_for_children(demo):
    everything = {product_id for (product_id,) in demo.execute("SELECT id FROM products")}
    assert set(shipped_search(demo, "enfant")) == everything


def test_french_little_words_and_elision_do_not_hide_the_products(demo):
    yoga_pants = shipped_search(demo, "pantalon de yoga")
    assert yoga_pants == shipped_search(demo, "pantalon yoga") != []
    assert all("Yoga Pant" in name for name in names(demo, yoga_pants[:4]))
    assert names(demo, shipped_search(demo, "bouteille d'eau"))[0] == "Affirm Water Bottle"
    assert shipped_search(demo, "sac a dos") == shipped_search(demo, "sac à dos") != []


def test_a_word_that_names_no_gear_is_left_out_rather_than_finding_nothing(demo):
    watches = shipped_search(demo, "montre")
    assert shipped_search(demo, "montre homme") == watches != []
    said = search(demo, "montre de homme", synonyms=load_synonyms(SHIPPED_SYNONYMS), today=TODAY)
    assert said.corrected_text == "montre"     # the screen says what was searched
    # A real product word is never dropped (one in neither language of the demo).
    assert shipped_search(demo, "cravate") == []


def test_a_plural_also_finds_its_singular(cache):
    assert names(cache, search(cache, "jackets ",
                               today=TODAY).product_ids) == ["Hooded Rain Jacket"]
    assert names(cache, search(cache, "coats", today=TODAY).product_ids) == ["Winter Coat"]


def test_a_word_standing_for_the_offers_finds_those_running_today(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(categories=[Category("Men", "Men")], products=[
        product("A", "Rain Jacket", 5000, ("Men",), special_price_cents=4000,
                special_from="2026-12-01", special_to="2026-12-10"),
        product("B", "Wool Jacket", 6000, ("Men",), special_price_cents=6000),
        product("C", "Sale Tee", 1000, ("Men",)),
        product("D", "Wool Cap", 2000, ("Men",), special_price_cents=1500)]))
    synonyms = Synonyms({"solde": ["sale", "@on-special"], "veste": ["jacket"]})

    def found(text, today):
        return names(conn, search(conn, text, today=today, synonyms=synonyms).product_ids)

    assert found("soldes", A_SUNDAY) == ["Rain Jacket", "Wool Cap", "Sale Tee"]
    assert found("soldes", date(2026, 12, 11)) == ["Wool Cap", "Sale Tee"]   # ended
    assert found("veste soldes", A_SUNDAY) == ["Rain Jacket"]   # an equal price is no offer
    assert facets(conn, "soldes", today=A_SUNDAY, synonyms=synonyms).count == 3
    by_price = search(conn, "soldes", SearchFilters(sort="price_asc"), today=A_SUNDAY,
                      synonyms=synonyms)
    assert names(conn, by_price.product_ids) == ["Sale Tee", "Wool Cap", "Rain Jacket"]


def test_optional_words_are_left_out_only_when_nothing_is_found(cache):
    synonyms = Synonyms({"homme": ["men", "@optional"], "enfant": ["@optional"],
                         "veste": ["jacket"]})
    assert names(cache, search(cache, "veste homme", synonyms=synonyms,
                               today=TODAY).product_ids) == [
        "Hooded Rain Jacket"]
    scarves = search(cache, "écharpe homme", synonyms=synonyms, today=TODAY)
    assert names(cache, scarves.product_ids) == ["Écharpe en laine", "Summer Tee"]
    assert scarves.corrected_text == "écharpe"
    assert facets(cache, "écharpe homme", synonyms=synonyms, today=TODAY) == replace(
        facets(cache, "écharpe", synonyms=synonyms, today=TODAY), corrected_text="écharpe")
    everything = search(cache, "enfant", synonyms=synonyms, today=TODAY)
    assert (len(everything.product_ids), everything.corrected_text) == (8, None)
    assert facets(cache, "enfant", synonyms=synonyms, today=TODAY).count == 8


def test_a_synonyms_file_naming_an_unknown_way_in_is_refused(tmp_path):
    path = tmp_path / "synonyms.toml"
    path.write_text('solde = ["sale", "@on-sale"]\n')
    with pytest.raises(SynonymsError, match=r"synonyms\.toml:1: solde: unknown way in '@on-sale'"):
        load_synonyms(path)


def test_the_french_benchmark_holds_100_distinct_queries():
    lines = [line.strip() for line in FRENCH_QUERIES.read_text(encoding="utf-8").splitlines()]
    queries = [line for line in lines if line and not line.startswith("#")]
    assert len(queries) == len(set(queries)) == 100
