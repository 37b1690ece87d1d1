"""Read Magento 2 product CSV files into catalog records.

Two layouts are understood:
- the standard product import/export CSV (`products.csv`): configurable parents list
  their simple variants in `configurable_variations`;
- the sample-data installer's simple-product CSVs (Luma's gear files): categories and
  multi-select values separated by newlines, images in a separate `sku,image` file.

A bad row never stops an import: it is reported with its row number and reason, and
skipped. The records are written by `kiosk.core.changes.apply_changes`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kiosk.core.catalog import Category, Product, Variant
from kiosk.core.richtext import clean_label

ROOT_CATEGORY = "Default Category"
# Magento bookkeeping flags that mean nothing to a shopper.
_HIDDEN_ATTRIBUTES = frozenset({"has_options", "required_options", "size", "color"})


@dataclass(frozen=True)
class RowProblem:
    file: str
    row: int          # data row, 1 = first row after the header
    line: int         # physical line where the record starts
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: row {self.row} (line {self.line}): {self.reason}"


@dataclass
class ImportResult:
    products: list[Product] = field(default_factory=list)
    categories: dict[str, Category] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    rows_read: int = 0

    def merge(self, other: ImportResult) -> None:
        self.products.extend(other.products)
        for path, category in other.categories.items():
            self.categories.setdefault(path, category)
        self.problems.extend(other.problems)
        self.rows_read += other.rows_read

    def summary(self) -> str:
        variants = sum(len(p.variants) for p in self.products)
        return (f"{self.rows_read} rows read: {len(self.products)} products, {variants} variants, "
                f"{len(self.categories)} categories imported; {len(self.problems)} rows skipped")


class _RowError(Exception):
    """A reason to skip the current row."""


@dataclass
class _Row:
    number: int
    line: int
    values: dict[str, str]


def read_rows(path: Path, result: ImportResult) -> Iterator[_Row]:
    """Records with their row and line numbers; undecodable rows are reported, not raised."""
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        start_line = 2
        for number, values in enumerate(reader, start=1):
            result.rows_read += 1
            row = _Row(number, start_line, values)
            start_line = reader.line_num + 1
            if any(_has_bad_bytes(v) for v in values.values() if isinstance(v, str)):
                result.problems.append(RowProblem(path.name, row.number, row.line,
                                                  "not valid UTF-8 text"))
                continue
            if None in values:   # more cells than the header has
                result.problems.append(RowProblem(path.name, row.number, row.line,
                                                  "more cells than columns in the header"))
                continue
            yield row


def _has_bad_bytes(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def read_categories(path: Path) -> ImportResult:
    """A category tree file: name, url_key, path (the parent's path by names), flags."""
    result = ImportResult()
    for row in read_rows(path, result):
        name = clean_label(row.values.get("name", ""))
        if not name:
            result.problems.append(RowProblem(path.name, row.number, row.line, "missing name"))
            continue
        parent = row.values.get("path", "").strip()
        full_path = f"{parent}/{name}" if parent else name
        result.categories[full_path] = Category(
            path=full_path, name=name,
            position=_int_or(row.values.get("position"), 0),
            in_menu=row.values.get("include_in_menu", "1").strip() == "1"
            and row.values.get("active", "1").strip() == "1",
        )
    return result


def read_standard_products(path: Path) -> ImportResult:
    """The standard Magento 2 product CSV, with configurable parents and simple variants."""
    result = ImportResult()
    simples: dict[str, _Row] = {}
    parents: list[_Row] = []
    seen: set[str] = set()
    for row in read_rows(path, result):
        sku = row.values.get("sku", "").strip()
        try:
            if not sku:
                raise _RowError("missing SKU")
            if sku in seen:
                raise _RowError(f"duplicate SKU {sku!r}")
            _price_cents(row.values.get("price", ""))
        except _RowError as exc:
            result.problems.append(RowProblem(path.name, row.number, row.line, str(exc)))
            continue
        seen.add(sku)
        kind = row.values.get("product_type", "").strip()
        if kind == "configurable":
            parents.append(row)
        elif kind == "simple":
            simples[sku] = row
        else:
            result.problems.append(RowProblem(path.name, row.number, row.line,
                                              f"unsupported product type {kind!r}"))

    claimed: set[str] = set()
    for row in parents:
        try:
            product = _configurable(row, simples, claimed)
        except _RowError as exc:
            result.problems.append(RowProblem(path.name, row.number, row.line, str(exc)))
            continue
        _add_product(result, product)

    for sku, row in simples.items():
        if sku in claimed:
            continue
        if row.values.get("visibility", "").strip() == "Not Visible Individually":
            result.problems.append(RowProblem(path.name, row.number, row.line,
                                              "variant of no parent product"))
            continue
        _add_product(result, _standalone(row))
    return result


def _configurable(row: _Row, simples: dict[str, _Row], claimed: set[str]) -> Product:
    values = row.values
    variants = []
    missing = []
    for spec in filter(None, values.get("configurable_variations", "").split("|")):
        pairs = _pairs(spec, ",")
        child = simples.get(pairs.get("sku", ""))
        if child is None:
            missing.append(pairs.get("sku", "?"))
            continue
        claimed.add(child.values["sku"].strip())
        variants.append(_variant(child, size=pairs.get("size"), color=pairs.get("color")))
    if missing:
        raise _RowError(f"unknown variant SKU {', '.join(missing[:3])}: parent skipped")
    if not variants:
        raise _RowError("configurable product without variants")
    return _product(values, tuple(variants))


def _standalone(row: _Row) -> Product:
    attributes = _pairs(row.values.get("additional_attributes", ""), ",")
    variant = _variant(row, size=attributes.get("size"), color=attributes.get("color"))
    return _product(row.values, (variant,))


def _variant(row: _Row, *, size: str | None, color: str | None) -> Variant:
    values = row.values
    return Variant(
        sku=values["sku"].strip(),
        price_cents=_price_cents(values.get("price", "")),
        size=size or None,
        color=color or None,
        special_price_cents=_optional_price(values.get("special_price", "")),
        image=_image_path(values.get("base_image", "")),
    )


def _product(values: dict[str, str], variants: tuple[Variant, ...]) -> Product:
    base = _image_path(values.get("base_image", ""))
    extra = [_image_path(p) for p in values.get("additional_images", "").split(",")]
    gallery = tuple(dict.fromkeys(p for p in [base, *extra] if p))
    attributes = {k: v.replace("|", ", ") for k, v in
                  _pairs(values.get("additional_attributes", ""), ",").items()
                  if k not in _HIDDEN_ATTRIBUTES}
    return Product(
        sku=values["sku"].strip(),
        name=clean_label(values.get("name", "")) or values["sku"].strip(),
        price_cents=_price_cents(values.get("price", "")),
        variants=variants,
        categories=tuple(_category_paths(values.get("categories", ""), ",")),
        description_html=values.get("description", ""),
        special_price_cents=_optional_price(values.get("special_price", "")),
        special_from=_iso_date(values.get("special_price_from_date", "")),
        special_to=_iso_date(values.get("special_price_to_date", "")),
        image=base,
        gallery=gallery,
        attributes=attributes,
    )


def read_sample_data_products(path: Path, images: dict[str, list[str]]) -> ImportResult:
    """Luma's installer format: one simple product per row, newline-separated lists.

    `images` maps SKUs to image paths, as read by `read_image_lists`.
    """
    result = ImportResult()
    seen: set[str] = set()
    for row in read_rows(path, result):
        values = row.values
        sku = values.get("sku", "").strip()
        try:
            if not sku:
                raise _RowError("missing SKU")
            if sku in seen:
                raise _RowError(f"duplicate SKU {sku!r}")
            price = _price_cents(values.get("price", ""))
        except _RowError as exc:
            result.problems.append(RowProblem(path.name, row.number, row.line, str(exc)))
            continue
        seen.add(sku)
        gallery = tuple(images.get(sku, ()))
        variant = Variant(sku=sku, price_cents=price, size=values.get("size") or None,
                          color=(values.get("color") or "").strip().title() or None,
                          image=gallery[0] if gallery else None)
        attributes = {k: ", ".join(filter(None, v.split("\n"))) for k, v in values.items()
                      if k in ("activity", "material", "features_bags", "strap_bags",
                               "style_bags", "gender", "category_gear", "pattern")
                      and v and v.strip()}
        path_names = [clean_label(n) for n in values.get("category", "").split("\n")]
        _add_product(result, Product(
            sku=sku, name=clean_label(values.get("name", "")) or sku, price_cents=price,
            variants=(variant,), categories=tuple(_walk_category_names(path_names)),
            description_html=values.get("description", ""),
            special_price_cents=_optional_price(values.get("special_price", "")),
            image=gallery[0] if gallery else None, gallery=gallery, attributes=attributes,
        ))
    return result


def _walk_category_names(names: list[str]) -> Iterator[str]:
    """The installer's rule: walk down by name; a name that is not a known child of the
    current place starts again from the root. Known children are those that follow
    each other, so 'Gear, Bags, Collections, Erin Recommends' gives two paths."""
    roots = {"Gear", "Collections", "Men", "Women", "Training", "Promotions"}
    current: list[str] = []
    for name in filter(None, names):
        if name in roots and current:
            yield "/".join(current)
            current = []
        current.append(name)
    if current:
        yield "/".join(current)


def read_image_lists(paths: list[Path]) -> tuple[dict[str, list[str]], list[RowProblem]]:
    """`sku,image` files, one row per image, merged into one map."""
    images: dict[str, list[str]] = {}
    scratch = ImportResult()
    for path in paths:
        for row in read_rows(path, scratch):
            image = _image_path(row.values.get("image", ""))
            if row.values.get("sku") and image:
                images.setdefault(row.values["sku"].strip(), []).append(image)
    return images, scratch.problems


def _add_product(result: ImportResult, product: Product) -> None:
    result.products.append(product)
    for path in product.categories:
        parts = path.split("/")
        for depth in range(1, len(parts) + 1):
            sub = "/".join(parts[:depth])
            result.categories.setdefault(sub, Category(path=sub, name=parts[depth - 1]))


def _category_paths(text: str, separator: str) -> Iterator[str]:
    for raw in text.split(separator):
        path = raw.strip()
        if path.startswith(ROOT_CATEGORY + "/"):
            path = path[len(ROOT_CATEGORY) + 1:]
        elif path == ROOT_CATEGORY:
            continue
        if path:
            yield "/".join(clean_label(part) for part in path.split("/"))


def _pairs(text: str, separator: str) -> dict[str, str]:
    pairs = {}
    for item in text.split(separator):
        key, sep, value = item.partition("=")
        if sep and key.strip():
            pairs[key.strip()] = value.strip()
    return pairs


def _price_cents(text: str) -> int:
    cents = _optional_price(text)
    if cents is None:
        raise _RowError("missing price")
    return cents


def _optional_price(text: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise _RowError(f"price {text!r} is not a number") from None
    if not amount.is_finite() or amount < 0:
        raise _RowError(f"price {text!r} is negative or not finite")
    return int((amount * 100).to_integral_value())


def _iso_date(text: str) -> str | None:
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%m/%d/%y", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise _RowError(f"date {text!r} is not in a known format")


def _image_path(text: str) -> str | None:
    text = (text or "").strip().lstrip("/")
    # Paths are relative to the images directory; refuse anything that could leave it.
    if not text or ".." in text.split("/") or re.match(r"^[a-z]+:", text):
        return None
    return text


def _int_or(text: str | None, default: int) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return default

