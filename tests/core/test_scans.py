import pytest

from kiosk.core.barcodes import check_digit
from kiosk.core.changes import apply_changes
from kiosk.core.db.cache import open_cache
from kiosk.core.scans import ScanResult, resolve_scan
from kiosk_contract.catalog import ChangeBatch, Product, Variant

EAN = "200000000001" + check_digit("200000000001")
UPC = "03600029145" + check_digit("03600029145")       # 12 digits, held as its EAN-13


@pytest.fixture
def cache(tmp_path):
    conn = open_cache(tmp_path).conn
    apply_changes(conn, ChangeBatch(products=[
        Product("MH01", "Chaz Hoodie", 5200, (
            Variant("MH01-S-Black", 5200, size="S", color="Black", barcode=EAN),
            Variant("MH01-M-Black", 5200, size="M", color="Black", barcode="0" + UPC))),
    ]))
    return conn


def product_id(conn):
    return conn.execute("SELECT id FROM products WHERE sku = 'MH01'").fetchone()[0]


def test_a_barcode_opens_its_product_with_that_variant(cache):
    assert resolve_scan(cache, f" {EAN}\n") == ScanResult("found", product_id(cache),
                                                          "MH01-S-Black")


def test_a_upc_a_label_finds_the_variant_stored_as_ean_13(cache):
    assert resolve_scan(cache, UPC).variant_sku == "MH01-M-Black"


def test_variant_and_product_skus_are_codes_too(cache):
    assert resolve_scan(cache, "MH01-M-Black").variant_sku == "MH01-M-Black"
    assert resolve_scan(cache, "MH01") == ScanResult("found", product_id(cache), None)


def test_a_wrong_check_digit_is_a_misread_and_an_absent_code_unknown(cache):
    wrong = EAN[:-1] + str((int(EAN[-1]) + 1) % 10)
    assert resolve_scan(cache, wrong).outcome == "misread"
    assert resolve_scan(cache, "&é\"'(-è_çà").outcome == "misread"
    other = "300000000001" + check_digit("300000000001")
    assert resolve_scan(cache, other).outcome == "unknown"
    assert resolve_scan(cache, "WJ99-XL-Red").outcome == "unknown"
