from pathlib import Path

from central.magento import read_standard_products

HEADER = ("sku,product_type,name,price,special_price,categories,visibility,base_image,"
          "additional_attributes,configurable_variations,description\n")


def write_csv(tmp_path: Path, body: bytes) -> Path:
    path = tmp_path / "products.csv"
    path.write_bytes(HEADER.encode() + body)
    return path


def test_a_good_file_gives_parents_with_their_variants(luma_dir):
    result = read_standard_products(luma_dir / "products.csv")
    assert result.problems == []
    assert len(result.products) == 147
    assert sum(len(p.variants) for p in result.products) == 1847
    hoodie = next(p for p in result.products if p.sku == "MH01")
    assert hoodie.name == "Chaz Kangeroo Hoodie"
    assert hoodie.price_cents == 5200
    assert {(v.size, v.color) for v in hoodie.variants} >= {("XS", "Black"), ("XL", "Orange")}
    assert "Men/Tops/Hoodies & Sweatshirts" in hoodie.categories
    assert "Default Category" not in hoodie.categories
    assert hoodie.attributes["material"] == "Wool"
    assert hoodie.gallery[0] == "m/h/mh01-gray_main.jpg"


def test_html_entities_in_names_are_decoded(luma_dir):
    result = read_standard_products(luma_dir / "products.csv")
    names = [p.name for p in result.products]
    assert not any("&" in n and ";" in n for n in names)
    assert any("™" in n for n in names)
    assert all(n == n.strip() for n in names)


def test_malformed_rows_are_reported_with_row_and_reason_and_skipped(tmp_path):
    path = write_csv(tmp_path, (
        b"A-S,simple,Good tee S,20,,Default Category/Men,Not Visible Individually,,size=S,,\n"
        b",simple,No sku,20,,,\"Catalog, Search\",,,,\n"
        b"B,simple,Negative,-5,,,\"Catalog, Search\",,,,\n"
        b"C,simple,Text price,twelve,,,\"Catalog, Search\",,,,\n"
        b"D,simple,Bad \xe9ncoding,10,,,\"Catalog, Search\",,,,\n"
        b"A,configurable,Good tee,20,,Default Category/Men,\"Catalog, Search\",,,"
        b"\"sku=A-S,size=S,color=Red\",\"<p>multi\nline</p>\"\n"
        b"E,configurable,Ghost parent,20,,,\"Catalog, Search\",,,\"sku=NOPE,size=S,color=Red\",\n"
        b"F-S,simple,Orphan,20,,,Not Visible Individually,,,,\n"
        b"G,simple,Fine single,10.50,,,\"Catalog, Search\",,,,\n"
    ))
    result = read_standard_products(path)
    reasons = {p.row: p.reason for p in result.problems}
    assert reasons[2] == "missing SKU"
    assert "negative" in reasons[3]
    assert "not a number" in reasons[4]
    assert "UTF-8" in reasons[5]
    assert "unknown variant SKU NOPE" in reasons[7]
    assert "no parent" in reasons[8]
    assert len(result.problems) == 6
    # The multi-line description pushes later records' lines down.
    assert {p.row: p.line for p in result.problems}[7] == 9
    assert sorted(p.sku for p in result.products) == ["A", "G"]
    assert next(p for p in result.products if p.sku == "G").price_cents == 1050
    assert "6 rows skipped" in result.summary()


def test_a_missing_file_raises_an_os_error(tmp_path):
    import pytest
    with pytest.raises(OSError):
        read_standard_products(tmp_path / "absent.csv")
