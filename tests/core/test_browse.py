from datetime import date

from kiosk.core.browse import band_key, first_page, price_bands, products_page
from kiosk.core.search import SearchFilters

TODAY = date(2026, 11, 25)     # a fixed day: it decides which special prices run

JACKETS = "Women/Tops/Jackets"
STORE = "paris-rivoli"


def test_price_bands_are_cut_at_round_amounts():
    assert price_bands(3200, 8400) == [(None, 4000), (4001, 6000), (6001, 8000), (8001, None)]
    assert price_bands(2200, 8400) == [(None, 4000), (4001, 6000), (6001, 8000), (8001, None)]
    assert price_bands(1399, 13499) == [(None, 5000), (5001, 10000), (10001, None)]
    assert price_bands(2000, 2050) == []      # one price, or nearly: nothing to choose
    assert price_bands(None, None) == []
    for low, high in ((100, 99_900), (999, 1001), (4500, 4900), (1, 10**7)):
        bands = price_bands(low, high)
        assert len(bands) <= 4
        assert all(end + 1 == start for (_, end), (start, _) in zip(bands, bands[1:], strict=False))


def test_each_price_band_has_a_key_of_its_own():
    bands = price_bands(1399, 13499)
    assert [band_key(band) for band in bands] == ["-5000", "5001-10000", "10001-"]


def test_a_category_read_page_by_page_gives_each_product_once(demo_cache):
    filters = SearchFilters(category_path=JACKETS)
    found, _words, cards, complete = first_page(demo_cache, filters, 5, STORE, TODAY)
    assert found.count > 10 and len(cards) == 5 and not complete
    offset = len(cards)
    while not complete:
        page, complete = products_page(demo_cache, filters, offset, 5, STORE, TODAY)
        cards += page
        offset += len(page)
    ids = [card.id for card in cards]
    assert len(ids) == len(set(ids)) == found.count


def test_a_page_past_the_end_is_empty_and_the_last(demo_cache):
    filters = SearchFilters(category_path=JACKETS)
    found, _, _, _ = first_page(demo_cache, filters, 5, STORE, TODAY)
    assert products_page(demo_cache, filters, found.count, 5, STORE, TODAY) == ([], True)
