import pytest

from kiosk.core.categories import Crumb, breadcrumb, category, sub_categories, top_categories
from kiosk.core.changes import apply_changes
from kiosk.core.db.cache import open_cache
from kiosk_contract.catalog import Category, ChangeBatch, Product, Variant


def product(sku, categories, image=None):
    return Product(sku=sku, name=sku, price_cents=1000, variants=(Variant(f"{sku}-1", 1000),),
                   categories=tuple(categories), image=image)


@pytest.fixture
def cache(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(
        categories=[
            Category("Women", "Women", position=2, image="women.jpg"),
            Category("Men", "Men", position=3),
            Category("Gear", "Gear", position=3),
            Category("Sale", "Sale", position=0, in_menu=False),
            Category("Women/Tops", "Tops", position=1),
            Category("Women/Bottoms", "Bottoms", position=0),
            Category("Women/Hidden", "Hidden", in_menu=False),
            Category("Women/Tops/Jackets", "Jackets"),
            Category("Womenswear", "Womenswear", position=9),
            Category("Men/Tops", "Tops"),
        ],
        products=[
            product("W1", ["Women/Tops/Jackets", "Women/Tops"], "w1.jpg"),
            product("W2", ["Women/Bottoms", "Sale"]),
            product("W3", ["Women/Hidden"], "w3.jpg"),
            product("WW", ["Womenswear"], "ww.jpg"),
            product("M0", ["Men/Tops"]),                 # no image: the next one's is used
            product("M1", ["Men/Tops"], "m1.jpg"),
        ]))
    return conn


def test_the_menu_starts_with_top_categories_in_position_then_name_order(cache):
    assert [t.path for t in top_categories(cache)] == ["Women", "Gear", "Men", "Womenswear"]


def test_a_count_covers_sub_categories_once_per_product_and_not_look_alike_paths(cache):
    counts = {t.path: t.product_count for t in top_categories(cache)}
    # W1 is linked to Tops and Jackets; W3 sits in a category the menu hides.
    assert counts == {"Women": 3, "Gear": 0, "Men": 2, "Womenswear": 1}
    assert category(cache, "Women/Tops").product_count == 1


def test_a_category_without_image_shows_its_first_product_that_has_one(cache):
    images = {t.path: t.image for t in top_categories(cache)}
    assert images == {"Women": "women.jpg", "Gear": None, "Men": "m1.jpg",
                      "Womenswear": "ww.jpg"}
    assert category(cache, "Women/Tops").image == "w1.jpg"


def test_sub_categories_are_the_menu_children_in_order(cache):
    assert [(t.path, t.name) for t in sub_categories(cache, "Women")] == [
        ("Women/Bottoms", "Bottoms"), ("Women/Tops", "Tops")]
    assert [t.path for t in sub_categories(cache, "Women/Tops")] == ["Women/Tops/Jackets"]
    assert sub_categories(cache, "Women/Tops/Jackets") == []
    assert sub_categories(cache, "Nowhere") == []


def test_one_category_is_found_even_when_the_menu_hides_it(cache):
    hidden = category(cache, "Sale")
    assert (hidden.name, hidden.product_count, hidden.image) == ("Sale", 1, None)
    assert category(cache, "Women/Nope") is None


def test_a_breadcrumb_lists_each_level_from_the_top():
    assert breadcrumb("Women/Tops/Jackets") == [
        Crumb("Women", "Women"), Crumb("Women/Tops", "Tops"),
        Crumb("Women/Tops/Jackets", "Jackets")]
    assert breadcrumb("Gear") == [Crumb("Gear", "Gear")]
    assert breadcrumb("") == []


def test_the_demo_menu_has_luma_departments_with_their_products(demo_cache_dir):
    conn = open_cache(demo_cache_dir).conn
    top = top_categories(conn)
    assert [t.path for t in top] == ["Women", "Men", "Gear"]
    assert all(t.image for t in top)
    tops = {t.name: t.product_count for t in sub_categories(conn, "Women/Tops")}
    assert tops == {"Bras & Tanks": 14, "Hoodies & Sweatshirts": 12, "Jackets": 12, "Tees": 12}
    women = next(t for t in top if t.path == "Women")
    assert women.product_count == sum(t.product_count for t in sub_categories(conn, "Women"))
