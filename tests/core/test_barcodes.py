import pytest

from kiosk.core.barcodes import in_store_ean13, is_valid_gtin


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
