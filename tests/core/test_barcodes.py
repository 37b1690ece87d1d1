import pytest

from kiosk.core.barcodes import ScanKind, classify_scan, in_store_ean13, is_valid_gtin


@pytest.mark.parametrize("code", ["4006381333931", "96385074", "036000291452", "5901234123457"])
def test_real_codes_are_valid(code):
    assert is_valid_gtin(code)


@pytest.mark.parametrize("code", ["4006381333932", "9638507", "03600029145A", "", "٤٠٠٦٣٨١٣٣٣٩٣١"])
def test_wrong_check_digit_length_or_characters_are_invalid(code):
    assert not is_valid_gtin(code)


def test_in_store_codes_are_valid_stable_and_unique():
    taken: set[str] = set()
    first = in_store_ean13("MH01-XS-Black", taken)
    assert is_valid_gtin(first) and first.startswith("2")
    assert in_store_ean13("MH01-XS-Black", set()) == first
    # Asking again for the same SKU with the code taken yields another valid code.
    second = in_store_ean13("MH01-XS-Black", taken)
    assert second != first and is_valid_gtin(second)


@pytest.mark.parametrize("code, kind", [
    ("4006381333931", ScanKind.GTIN),           # EAN-13
    ("96385074", ScanKind.GTIN),                # EAN-8
    ("036000291452", ScanKind.GTIN),            # UPC-A
    (" 4006381333931\r\n", ScanKind.GTIN),      # what surrounds the code is not part of it
    ("4006381333932", ScanKind.INVALID_GTIN),   # one digit misread
    ("96385075", ScanKind.INVALID_GTIN),
    ("036000291453", ScanKind.INVALID_GTIN),
    ("MH01-XS-Black", ScanKind.SKU),
    ("24-MB01", ScanKind.SKU),
    ("1234567", ScanKind.SKU),                  # digits, but no GTIN has seven
    ("40063813339310", ScanKind.SKU),           # nor fourteen: a case code, not an item
    ("", ScanKind.UNREADABLE),
    ("MH01 XS", ScanKind.UNREADABLE),
    ("-MH01", ScanKind.UNREADABLE),
    ("&é\"'(-è_çà", ScanKind.UNREADABLE),      # 1234567890 from a QWERTY scanner on AZERTY
    ("٤٠٠٦٣٨١٣٣٣٩٣١", ScanKind.UNREADABLE),     # digits, but not ASCII ones
    ("01\x1d4006381333931", ScanKind.UNREADABLE),
    ("A" * 65, ScanKind.UNREADABLE),
])
def test_scans_are_classified_before_any_lookup(code, kind):
    assert classify_scan(code) is kind


def test_every_in_store_code_classifies_as_a_gtin():
    taken: set[str] = set()
    codes = [in_store_ean13(f"SKU-{n}", taken) for n in range(200)]
    assert {classify_scan(code) for code in codes} == {ScanKind.GTIN}
