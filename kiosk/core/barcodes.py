"""GTIN barcodes: check digits for EAN-13, EAN-8 and UPC-A, and what a scanned code is."""

from __future__ import annotations

import hashlib
import re
from enum import Enum

GTIN_LENGTHS = (8, 12, 13)
# What the catalog's SKUs are made of (letters, digits, dashes...), and no longer than a
# catalog lookup accepts.
_SKU = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,63}")
# GS1 keeps prefixes 200-299 for numbers a retailer assigns itself, which ours are.
IN_STORE_PREFIX = "2"


def check_digit(payload: str) -> str:
    """The GS1 check digit for the digits before it (weights 3,1,3,... from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(payload)))
    return str((10 - total % 10) % 10)


def is_valid_gtin(code: str) -> bool:
    """True for an EAN-13, EAN-8 or UPC-A whose check digit is right."""
    return (code.isascii() and code.isdigit() and len(code) in GTIN_LENGTHS
            and check_digit(code[:-1]) == code[-1])


def in_store_ean13(sku: str, taken: set[str]) -> str:
    """A stable EAN-13 for a SKU: derived from its hash, so codes do not move when other
    products are added; the next free number is taken on the rare collision."""
    number = int.from_bytes(hashlib.sha256(sku.encode()).digest()[:8], "big") % 10**11
    while True:
        payload = IN_STORE_PREFIX + f"{number:011d}"
        code = payload + check_digit(payload)
        if code not in taken:
            taken.add(code)
            return code
        number = (number + 1) % 10**11


class ScanKind(Enum):
    GTIN = "gtin"                    # an EAN-13, EAN-8 or UPC-A with the right check digit
    INVALID_GTIN = "invalid_gtin"    # the digits of one, but the check digit is wrong
    SKU = "sku"                      # shaped like a SKU: the catalog will say if it is one
    UNREADABLE = "unreadable"        # empty, spaces inside, control or non-ASCII characters


def classify_scan(code: str) -> ScanKind:
    """What a scanned code is, before anything is looked up; spaces around it are ignored.

    An INVALID_GTIN is most often a misread or a damaged label, better scanned again than
    searched for; only a catalog whose SKUs are all-digit numbers of those lengths would
    still look it up. UNREADABLE codes often come from a scanner set for another keyboard
    layout than the terminal's (digits typed as "&é\"'(-è_çà" on AZERTY).
    """
    code = code.strip()
    if is_valid_gtin(code):
        return ScanKind.GTIN
    if code.isascii() and code.isdigit() and len(code) in GTIN_LENGTHS:
        return ScanKind.INVALID_GTIN
    if _SKU.fullmatch(code):
        return ScanKind.SKU
    return ScanKind.UNREADABLE
