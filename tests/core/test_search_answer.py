from datetime import date

from kiosk.core.search_answer import (
    ECHO_CHARS,
    completed,
    discover,
    echoed,
    look_up,
)

TODAY = date(2026, 11, 25)     # a fixed day: it decides which special prices run

STORE = "paris-rivoli"


def test_a_completion_takes_the_place_of_the_word_being_typed():
    assert completed("sac à d", "dos") == "sac à dos "
    assert completed("veste noi", "noir") == "veste noir "
    assert completed("", "veste") == "veste "


def test_a_completion_of_several_words_replaces_the_words_it_begins_with():
    assert completed("hoodies & sw", "hoodies & sweatshirts") == "hoodies & sweatshirts "
    assert completed("noir Sweats à", "sweats à capuche") == "noir sweats à capuche "
    assert completed("veste noi", "noir") == "veste noir "     # one word: only the last


def test_shopper_text_is_echoed_on_one_line_and_cut_short():
    assert echoed("  veste \n noire ") == "veste noire"
    long = echoed("veste " * 20)
    assert len(long) == ECHO_CHARS and long.endswith("…")
    assert echoed("x" * ECHO_CHARS) == "x" * ECHO_CHARS


def test_a_typed_variant_code_answers_its_product_first(demo_cache):
    product_id, sku = demo_cache.execute(
        "SELECT product_id, sku FROM variants ORDER BY sku LIMIT 1").fetchone()
    answer = look_up(demo_cache, sku, 7, STORE, None, TODAY)
    assert answer.generation == 7 and answer.text == sku
    assert answer.exact_product_id == product_id == answer.cards[0].id
    assert answer.exact_variant_sku == sku


def test_a_word_found_nowhere_answers_no_cards_and_no_more(demo_cache):
    answer = look_up(demo_cache, "qzxwvy", 1, STORE, None, TODAY)
    assert answer.cards == [] and not answer.more
    assert answer.exact_product_id is None and answer.exact_variant_sku is None


def test_before_typing_the_departments_and_popular_products_are_offered(demo_cache):
    offered = discover(demo_cache, STORE, TODAY)
    assert offered.categories and offered.popular
