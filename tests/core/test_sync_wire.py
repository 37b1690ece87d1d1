import pytest

from kiosk.core.sync.wire import read_changes_page
from kiosk_contract.change_feed import ProtocolError

PAGE = {
    "reset": False, "cursor": "c2", "has_more": True,
    "categories": [{"path": "Men/Tops", "name": "Tops", "position": 1, "in_menu": True,
                    "image": None}],
    "products": [{"sku": "MJ01", "name": "Kit", "price_cents": 4200,
                  "special_price_cents": None, "special_from": None, "special_to": None,
                  "description_html": "<p>Dry</p>", "categories": ["Men/Tops"],
                  "image": "m/mj01.jpg", "gallery": [], "attributes": {"material": "Nylon"},
                  "featured": False,
                  "variants": [{"sku": "MJ01-XS", "price_cents": 4200, "size": "XS",
                                "color": None, "barcode": None, "special_price_cents": None,
                                "image": None}]}],
    "stores": [{"id": "paris", "name": "Paris", "address": "1 rue", "postal_code": "75001",
                "city": "Paris", "latitude": 48.86, "longitude": 2.34, "phone": "",
                "opening_hours": {"mon": "10:00-20:00"}}],
    # [variant_sku, store_id, quantity, taken_at, restock_date]
    "stock": [["MJ01-XS", "paris", 3, "2026-11-24T13:58:02Z", None]],
    "deletions": [{"kind": "stock", "key": "MJ01-XS@lyon"}],
}


def test_a_page_becomes_one_batch_and_its_cursor():
    page = read_changes_page(PAGE)
    assert (page.cursor, page.has_more, page.reset) == ("c2", True, False)
    # Products arrive as the cache's rows, each naming its product by SKU.
    [product] = page.product_rows.products
    assert product[:4] == ("MJ01", "Kit", "<p>Dry</p>", 4200)
    assert page.product_rows.variants == [("MJ01", "MJ01-XS", None, "XS", None, 4200, None,
                                           None, "{}")]
    assert page.product_rows.categories == [("MJ01", "Men/Tops")]
    assert page.batch.stores[0].opening_hours == {"mon": "10:00-20:00"}
    assert page.batch.deletions[0].key == "MJ01-XS@lyon"
    assert page.stock_rows == [("MJ01-XS", "paris", 3, "2026-11-24T13:58:02Z", None)]
    assert page.records == 5


def test_a_reset_carries_nothing_else():
    page = read_changes_page({"reset": True, "cursor": None, "has_more": False})
    assert page.reset and page.cursor is None and page.records == 0


@pytest.mark.parametrize("damage, where", [
    (lambda p: p["products"][0].pop("sku"), "page.products.0.sku: missing"),
    (lambda p: p["products"][0]["variants"][0].update(price_cents=-1),
     "page.products.0.variants.0.price_cents: expected a non-negative integer"),
    (lambda p: p["stock"][0].__setitem__(2, "3"),
     "page.stock.0.quantity: expected a non-negative integer"),
    (lambda p: p["stock"][0].__setitem__(2, True),
     "page.stock.0.quantity: expected a non-negative integer"),
    (lambda p: p["stock"][0].__setitem__(2, -1),
     "page.stock.0.quantity: expected a non-negative integer"),
    (lambda p: p["stock"][0].__setitem__(4, 20261212),
     "page.stock.0.restock_date: expected a string or null"),
    (lambda p: p["stock"].append("3"), "page.stock.1: expected an array of five values"),
    (lambda p: p["stock"][0].append(None), "page.stock.0: expected an array of five values"),
    (lambda p: p["stock"][0].pop(), "page.stock.0.restock_date: missing"),
    (lambda p: p["deletions"][0].update(kind="shop"),
     "page.deletions.0.kind: expected one of product, category, store, stock"),
    (lambda p: p["products"][0].update(categories=["Men", 3]),
     "page.products.0.categories: expected a list of strings"),
    (lambda p: p.update(cursor=None), "page.cursor: expected a string"),
    (lambda p: p.update(products={}), "page.products: expected a list"),
    (lambda p: p["stores"][0].update(latitude=True), "page.stores.0.latitude: expected a number"),
    (lambda p: p["stores"][0].update(longitude=float("nan")),
     "page.stores.0.longitude: expected a number"),
])
def test_a_page_that_breaks_the_contract_is_refused_whole_naming_the_field(damage, where):
    import copy
    broken = copy.deepcopy(PAGE)
    damage(broken)
    with pytest.raises(ProtocolError, match=where.replace(".", r"\.")):
        read_changes_page(broken)


def test_a_body_that_is_not_an_object_is_refused():
    with pytest.raises(ProtocolError, match="page: expected an object"):
        read_changes_page(["not", "a", "page"])


def test_the_answer_s_bytes_read_as_the_parsed_page_does():
    import json
    assert read_changes_page(json.dumps(PAGE).encode()) == read_changes_page(PAGE)


def test_a_cut_body_is_refused_as_not_json():
    import json
    with pytest.raises(ProtocolError, match="page: not JSON"):
        read_changes_page(json.dumps(PAGE).encode()[:-40])


def test_left_out_fields_take_the_contract_s_defaults():
    page = read_changes_page({"reset": False, "cursor": "c", "has_more": False,
                              "categories": [{"path": "Men", "name": "Men"}],
                              "stores": [{"id": "paris", "name": "Paris", "address": "1 rue",
                                          "postal_code": "75001", "city": "Paris",
                                          "latitude": 48.86, "longitude": 2},
                                         {"id": "lyon", "name": "Lyon", "address": "2 rue",
                                          "postal_code": "69001", "city": "Lyon",
                                          "latitude": 45.76, "longitude": 4.83,
                                          "phone": None}]})
    [category] = page.batch.categories
    assert (category.position, category.in_menu, category.image) == (0, True, None)
    paris, lyon = page.batch.stores
    assert (paris.longitude, paris.phone, paris.opening_hours) == (2.0, "", {})
    assert lyon.phone == ""


@pytest.mark.parametrize("description", [{}, {"description_html": None}], ids=["left-out", "null"])
def test_a_product_s_optional_fields_may_be_left_out_or_null_and_extra_ones_are_ignored(
        description):
    page = read_changes_page({"reset": False, "cursor": "c", "has_more": False,
                              "a_later_list": [1],
                              "products": [{"sku": "A", "name": "Anorak", "price_cents": 900,
                                            "a_later_field": {"x": 1}, **description,
                                            "variants": [{"sku": "A-1", "price_cents": 900,
                                                          "weight_grams": 300}]}]})
    [product] = page.product_rows.products
    assert product == ("A", "Anorak", "", 900, None, None, None, None, "[]", "{}", 0, "[]",
                       "", None, "{}")
    assert page.product_rows.variants == [("A", "A-1", None, None, None, 900, None, None, "{}")]


TRANSLATED = {"reset": False, "cursor": "c", "has_more": False,
              "categories": [{"path": "Men", "name": "Men",
                              "translations": {"fr": {"name": "Hommes"}}}],
              "products": [{"sku": "A", "name": "Anorak", "price_cents": 900,
                            "description_html": "<p>Warm</p>",
                            "short_description_html": "<b>Warm</b><script>x()</script>",
                            "image_label": "Front",
                            "translations": {
                                "fr": {"name": "Anorak chaud",
                                       "description_html": "<p onclick='x()'>Chaud</p>",
                                       "attributes": {"material": "Laine"},
                                       "a_later_field": 1},
                                "ja": {"name": "アノラック"}},
                            "variants": [{"sku": "A-1", "price_cents": 900, "color": "Black",
                                          "translations": {"fr": {"color": "Noir"}}}]}]}


def test_translations_arrive_by_language_with_rich_text_made_safe():
    import json
    page = read_changes_page(TRANSLATED)
    [category] = page.batch.categories
    assert category.translations == {"fr": {"name": "Hommes"}}
    [product] = page.product_rows.products
    assert product[12:14] == ("<b>Warm</b>", "Front")
    assert json.loads(product[14]) == {
        "fr": {"name": "Anorak chaud", "description_html": "<p>Chaud</p>",
               "attributes": {"material": "Laine"}},
        "ja": {"name": "アノラック"}}
    [variant] = page.product_rows.variants
    assert json.loads(variant[-1]) == {"fr": {"color": "Noir"}}


@pytest.mark.parametrize("damage, where", [
    (lambda p: p["products"][0]["translations"].update({"French": {}}),
     "page.products.0.translations.French.[key]: expected a language code"),
    (lambda p: p["products"][0]["translations"]["fr"].update(name=None),
     "page.products.0.translations.fr.name: expected a string"),
    (lambda p: p["products"][0]["translations"]["fr"].update(attributes={"material": 3}),
     "page.products.0.translations.fr.attributes: expected an object of strings"),
    (lambda p: p["products"][0]["variants"][0].update(translations=[]),
     "page.products.0.variants.0.translations: expected an object"),
    (lambda p: p["categories"][0]["translations"].update(fr="Hommes"),
     "page.categories.0.translations.fr: expected an object"),
])
def test_translations_that_break_the_contract_refuse_the_page_naming_the_field(damage, where):
    import copy
    broken = copy.deepcopy(TRANSLATED)
    damage(broken)
    with pytest.raises(ProtocolError, match=where.replace(".", r"\.").replace("[", r"\[")):
        read_changes_page(broken)
