"""What a scanned code opens: a product with its variant chosen, or a reason it cannot.

Codes come from a barcode scanner (or a SKU label read by one). A GTIN with a wrong check
digit is a misread and is not looked up: the shopper is asked to scan again rather than
told that the product does not exist.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

from kiosk.core.barcodes import ScanKind, classify_scan

Outcome = Literal["found", "unknown", "misread"]


@dataclass(frozen=True)
class ScanResult:
    outcome: Outcome
    product_id: int | None = None
    variant_sku: str | None = None     # None when the code names the product as a whole


def resolve_scan(conn: sqlite3.Connection, code: str) -> ScanResult:
    code = code.strip()
    kind = classify_scan(code)
    if kind in (ScanKind.INVALID_GTIN, ScanKind.UNREADABLE):
        return ScanResult("misread")
    if kind is ScanKind.GTIN:
        # A UPC-A label is the EAN-13 with a leading zero; the catalog may hold either.
        candidates = [code, "0" + code] if len(code) == 12 else [code]
        for barcode in candidates:
            row = conn.execute("SELECT product_id, sku FROM variants WHERE barcode = ?",
                               (barcode,)).fetchone()
            if row:
                return ScanResult("found", row[0], row[1])
        return ScanResult("unknown")
    row = conn.execute("SELECT product_id, sku FROM variants WHERE sku = ?", (code,)).fetchone()
    if row:
        return ScanResult("found", row[0], row[1])
    row = conn.execute("SELECT id FROM products WHERE sku = ?", (code,)).fetchone()
    return ScanResult("found", row[0]) if row else ScanResult("unknown")
