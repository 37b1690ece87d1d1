"""Read Magento 2 product CSV files into catalog records.

Two layouts are understood:
- the standard product import/export CSV (`products.csv`): configurable parents list
  their simple variants in `configurable_variations`;
- the sample-data installer's simple-product CSVs (Luma's gear files): categories and
  multi-select values separated by newlines, images in a separate `sku,image` file.

In the standard CSV a row with `store_view_code` set is a translation: the same SKU
again, with only the columns that store view changes filled. IT says which language
each store view is in; see `read_standard_products`.

A bad row never stops an import: it is reported with its row number and reason, and
skipped. The records are written by `kiosk.core.changes.apply_changes`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from kiosk_contract.catalog import LANGUAGE_CODE, Category, Product, Translations, Variant
from kiosk_contract.richtext import clean_label

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
        translated: dict[str, int] = {}
        for product in self.products:
            for language in product.translations:
                translated[language] = translated.get(language, 0) + 1
        languages = "".join(f", {count} in {language!r}"
                            for language, count in sorted(translated.items()))
        return (f"{self.rows_read} rows read: {len(self.products)} products{languages}, "
                f"{variants} variants, {len(self.categories)} categories imported; "
                f"{len(self.problems)} rows skipped")


class _RowError(Exception):
    """A reason to skip the current row."""


@dataclass
class _Row:
    number: int
    line: int
    values: dict[str, str]


# Told after each row read: how many rows so far, and the share of the file's bytes read.
RowProgress = Callable[[int, float], None]


def read_rows(path: Path, result: ImportResult,
              progress: RowProgress | None = None) -> Iterator[_Row]:
    """Records with their row and line numbers; undecodable rows are reported, not raised."""
    with path.open("rb") as raw:
        size = max(1, path.stat().st_size)
        handle = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
        # Spaces after a comma are not part of the next cell: Magento's own files have
        # headers written `"base_image", "base_image_label"`.
        reader = csv.DictReader(handle, skipinitialspace=True)
        start_line = 2
        for number, values in enumerate(reader, start=1):
            result.rows_read += 1
            if progress is not None:
                # The bytes the reader has taken in, a buffer ahead of the row: near enough
                # to tell the time left.
                progress(number, min(1.0, raw.tell() / size))
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


# Bytes that are not UTF-8, as the reader's surrogateescape keeps them.
_BAD_BYTES = re.compile("[\udc80-\udcff]")


def _has_bad_bytes(text: str) -> bool:
    return _BAD_BYTES.search(text) is not None


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


def read_standard_products(path: Path, store_views: Mapping[str, str] | None = None,
                           progress: RowProgress | None = None,
                           held: HeldLookup | None = None) -> ImportResult:
    """The standard Magento 2 product CSV, with configurable parents and simple variants.

    `store_views` maps store-view codes to language codes ({'fr_store': 'fr'}). A row
    whose `store_view_code` is one of them translates its SKU's default row, which must
    come before it, into that language: name, description, short description, main image
    label, attribute values (`additional_attributes`), the size and colour labels of a
    variant, and category names (its `categories` paths paired, in order and level by
    level, with the default row's). Empty columns keep the default language's text. A row
    for another store view, an unknown SKU, or before its default row is reported and
    skipped.

    `held` gives the translations a catalog holds already for the products the file
    names (asked once, with their SKUs and their categories' paths): those the file's
    store-view rows do not replace are kept, as `StoreViewTexts` says, so a file of
    default rows alone leaves every translation as it was.
    """
    store_views = store_views or {}
    _check_languages(store_views)
    result = ImportResult()
    simples: dict[str, _Row] = {}
    parents: list[_Row] = []
    defaults: dict[str, _Row] = {}
    refused: dict[str, int] = {}          # SKU -> row number of its skipped default row
    translating: list[tuple[_Row, str]] = []
    for row in read_rows(path, result, progress):
        sku = row.values.get("sku", "").strip()
        view = (row.values.get("store_view_code") or "").strip()
        try:
            if not sku:
                raise _RowError("missing SKU")
            if view:
                if view not in store_views:
                    raise _RowError(f"store view {view!r} has no language given "
                                    f"(LANGUAGE={view})")
                translating.append((row, store_views[view]))
                continue
            if sku in defaults:
                raise _RowError(f"duplicate SKU {sku!r}")
            _price_cents(row.values.get("price", ""))
        except _RowError as exc:
            result.problems.append(RowProblem(path.name, row.number, row.line, str(exc)))
            if sku and not view and sku not in defaults:
                refused.setdefault(sku, row.number)
            continue
        defaults[sku] = row
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

    texts = StoreViewTexts()
    imported = {sku for p in result.products for sku in (p.sku, *(v.sku for v in p.variants))}
    for row, language in translating:
        try:
            texts.read(row, language, defaults, refused)
            sku = row.values["sku"].strip()
            if sku not in imported:         # its default row was read, then left out
                raise _RowError(f"store-view row of {sku!r}, whose product was skipped "
                                f"(default row {defaults[sku].number})")
        except _RowError as exc:
            result.problems.append(RowProblem(path.name, row.number, row.line, str(exc)))
    if held is not None:
        texts.apply(result, held([p.sku for p in result.products], list(result.categories)))
    elif translating:
        texts.apply(result)
    result.problems.sort(key=lambda problem: problem.row)
    return result


def read_store_view_file(path: Path, store_views: Mapping[str, str],
                         catalog: ImportResult) -> None:
    """Translations kept apart from the catalog, as Magento exports one store view: a file
    of store-view rows only, translating the products of `catalog` (read before, from files
    of either layout) in place. Its rows read and problems join the catalog's.

    The columns are those of `read_standard_products`' store-view rows. A row's SKU is a
    product's or a variant's (whose size and colour labels it translates). Its `categories`
    list the product's category paths in the order the catalog's file gave them, each
    under the root category by the root's own name (Default Category) or without it.
    The records' translations are replaced, removed or kept as `StoreViewTexts` says.
    """
    _check_languages(store_views)
    products = {p.sku: p for p in catalog.products}
    variants = {v.sku: v for p in catalog.products for v in p.variants}
    read = ImportResult()
    texts = StoreViewTexts()
    for row in read_rows(path, read):
        sku = row.values.get("sku", "").strip()
        view = (row.values.get("store_view_code") or "").strip()
        try:
            if not sku:
                raise _RowError("missing SKU")
            if not view:
                raise _RowError("no store_view_code: this file holds translations only")
            if view not in store_views:
                raise _RowError(f"store view {view!r} has no language given "
                                f"(LANGUAGE={view})")
            product, variant = products.get(sku), variants.get(sku)
            if product is None and variant is None:
                raise _RowError(f"store-view row for unknown SKU {sku!r}")
            texts.read_apart(row, store_views[view], product, variant)
        except _RowError as exc:
            read.problems.append(RowProblem(path.name, row.number, row.line, str(exc)))
    texts.apply(catalog)
    catalog.problems.extend(read.problems)
    catalog.rows_read += read.rows_read


def _check_languages(store_views: Mapping[str, str]) -> None:
    for view, language in store_views.items():
        # Terminals refuse a page holding a language code they cannot read: one bad
        # code would stop every terminal's sync.
        if not re.fullmatch(LANGUAGE_CODE, language):
            raise ValueError(f"store view {view!r}: {language!r} is not a language code "
                             f"(fr, pt-BR)")


# Columns of a store-view row and the product field each translates.
_TRANSLATED_COLUMNS = {"name": "name", "description": "description_html",
                       "short_description": "short_description_html",
                       "base_image_label": "image_label"}
# Variant labels that store-view rows translate, as option labels of their attribute.
_OPTION_ATTRIBUTES = ("size", "color")


@dataclass(frozen=True)
class HeldTranslations:
    """The translations a catalog holds already: by product SKU; by variant SKU with the
    size and colour labels they translate; by category path."""

    products: Mapping[str, Translations] = field(default_factory=dict)
    variants: Mapping[str, tuple[str | None, str | None, Translations]] = \
        field(default_factory=dict)
    categories: Mapping[str, Translations] = field(default_factory=dict)


# Asked with the SKUs of the products read and the paths of their categories.
HeldLookup = Callable[[list[str], list[str]], HeldTranslations]


@dataclass
class StoreViewTexts:
    """The translations read from store-view rows, gathered before they are given to the
    products, variants and categories they translate.

    What a file does to the translations held already, language by language, as
    Magento's import treats a store view's values:
    - a store-view row sets the fields it fills (name, description, short description,
      image label, each attribute value); a column it leaves empty, or does not have, keeps
      the translation held;
    - a field whose column holds `__EMPTY__VALUE__` (Magento's marker for an empty value),
      or the default row's text itself, loses its translation: it is read in the default
      language again;
    - a size or colour label, and a category name, translate their default label wherever
      it is used: given as `__EMPTY__VALUE__` or as the default label, its translation in
      that language is removed, unless another row of the file translates it;
    - whatever the file's store-view rows do not name is kept, so a file of default rows
      alone changes no translation (a variant's size or colour translation is kept while
      its default label stays the same).
    """

    # SKU -> {language: {field: text, or None where it is removed}}
    products: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    # (attribute, default label) -> {language: label, or None where it is removed}. An
    # option label belongs to its attribute, not to one product.
    options: dict[tuple[str, str], dict[str, str | None]] = field(default_factory=dict)
    # path -> {language: {"name": name}, or {} where it is removed}
    categories: dict[str, Translations] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)

    def read(self, row: _Row, language: str, defaults: dict[str, _Row],
             refused: dict[str, int]) -> None:
        sku = row.values["sku"].strip()
        default = defaults.get(sku)
        if default is None and sku in refused:
            raise _RowError(f"store-view row of {sku!r}, whose default row (row "
                            f"{refused[sku]}) was skipped")
        if default is None:
            raise _RowError(f"store-view row for unknown SKU {sku!r}")
        if default.number > row.number:
            raise _RowError(f"store-view row before the default row of {sku!r} "
                            f"(row {default.number})")
        pairs = _pairs(default.values.get("additional_attributes", ""))
        self._read(row, language, _Defaults(
            texts={column: default.values.get(column) or "" for column in _TRANSLATED_COLUMNS},
            attributes=_attributes(default.values),
            options={attribute: pairs.get(attribute) for attribute in _OPTION_ATTRIBUTES},
            categories=default.values.get("categories", "")))

    def read_apart(self, row: _Row, language: str, product: Product | None,
                   variant: Variant | None) -> None:
        """A row of a file apart from the catalog's: the defaults are the records read."""
        options = {attribute: getattr(variant, attribute) if variant else None
                   for attribute in _OPTION_ATTRIBUTES}
        if product is None:         # a variant: only its size and colour labels translate
            self._read(row, language, _Defaults({}, {}, options, ""), category_paths="")
            return
        self._read(row, language, _Defaults(
            texts={"name": product.name, "description": product.description_html,
                   "short_description": product.short_description_html,
                   "base_image_label": product.image_label or ""},
            attributes=product.attributes, options=options,
            categories=",".join(product.categories)),
            category_paths=",".join(_category_paths(row.values.get("categories", ""), ",")))

    def _read(self, row: _Row, language: str, defaults: _Defaults, *,
              category_paths: str | None = None) -> None:
        values = row.values
        sku = values["sku"].strip()
        if (sku, language) in self.seen:
            raise _RowError(f"second store-view row of {sku!r} in language {language!r}")
        category_names = _category_names(defaults.categories, values.get("categories", "")
                                         if category_paths is None else category_paths)
        self.seen.add((sku, language))
        # field -> its translation, or None where the row removes it
        text: dict[str, object] = {}
        for column, default in defaults.texts.items():
            name = _TRANSLATED_COLUMNS[column]
            translated, default = (values.get(column) or "").strip(), default.strip()
            if name in ("name", "image_label"):
                translated, default = clean_label(translated), clean_label(default)
            if translated:
                text[name] = _translation(translated, default)
        attributes = {key: _translation(value, defaults.attributes[key])
                      for key, value in _attributes(values).items()
                      if key in defaults.attributes}
        if attributes:
            text["attributes"] = attributes
        if text:
            self.products.setdefault(sku, {})[language] = text
        translated_pairs = _pairs(values.get("additional_attributes", ""))
        for attribute in _OPTION_ATTRIBUTES:
            label, translated = defaults.options.get(attribute), translated_pairs.get(attribute)
            if label and translated:
                labels = self.options.setdefault((attribute, label), {})
                translated = _translation(translated, label)
                if translated is not None and labels.get(language) is None:
                    labels[language] = translated
                else:
                    labels.setdefault(language, None)
        for path, name in category_names.items():
            names = self.categories.setdefault(path, {})
            if name is not None and not names.get(language):
                names[language] = {"name": name}
            else:
                names.setdefault(language, {})

    def apply(self, result: ImportResult, held: HeldTranslations | None = None) -> None:
        """Give the translations read to the records, over those they hold already: their
        own, or `held`'s for the records `held` knows."""
        held = held or HeldTranslations()
        held_options = _held_options(held)
        result.products[:] = [self._translated(p, held, held_options) for p in result.products]
        for path, category in result.categories.items():
            kept = held.categories.get(path, category.translations)
            translations = _replaced(kept, self.categories.get(path, {}))
            if translations != category.translations:
                result.categories[path] = replace(category, translations=translations)

    def _translated(self, product: Product, held: HeldTranslations,
                    held_options: dict[tuple[str, str], dict[str, str]]) -> Product:
        variants = tuple(self._translated_variant(v, held, held_options)
                         for v in product.variants)
        kept = held.products.get(product.sku, product.translations)
        return replace(product, variants=variants,
                       translations=_merged(kept, self.products.get(product.sku, {})))

    def _translated_variant(self, variant: Variant, held: HeldTranslations,
                            held_options: dict[tuple[str, str], dict[str, str]]) -> Variant:
        translations = {language: dict(fields)
                        for language, fields in _held_labels(variant, held).items()}
        for attribute in _OPTION_ATTRIBUTES:
            label = getattr(variant, attribute)
            # Another variant's held translation of the label, where this one has none.
            for language, translated in held_options.get((attribute, label), {}).items():
                translations.setdefault(language, {}).setdefault(attribute, translated)
            for language, translated in self.options.get((attribute, label), {}).items():
                if translated is None:
                    translations.get(language, {}).pop(attribute, None)
                else:
                    translations.setdefault(language, {})[attribute] = translated
        translations = {language: fields for language, fields in translations.items() if fields}
        return variant if translations == variant.translations \
            else replace(variant, translations=translations)


def _held_labels(variant: Variant, held: HeldTranslations) -> Translations:
    """The variant's translations held, of the labels it still has (a translation of a
    colour it had before translates nothing now)."""
    if variant.sku not in held.variants:
        return variant.translations
    size, color, translations = held.variants[variant.sku]
    unchanged = {attribute for attribute, label in (("size", size), ("color", color))
                 if getattr(variant, attribute) == label}
    return {language: {key: text for key, text in fields.items() if key in unchanged}
            for language, fields in translations.items()}


def _held_options(held: HeldTranslations) -> dict[tuple[str, str], dict[str, str]]:
    """(attribute, label) -> {language: label}, as the held variants translate them."""
    options: dict[tuple[str, str], dict[str, str]] = {}
    for size, color, translations in held.variants.values():
        for attribute, label in (("size", size), ("color", color)):
            for language, fields in translations.items():
                if label and attribute in fields:
                    options.setdefault((attribute, label), {}).setdefault(
                        language, fields[attribute])
    return options


@dataclass(frozen=True)
class _Defaults:
    """What a store-view row translates: the default row's texts by column, its attributes,
    its size and colour labels, and its category paths as its file wrote them (a variant
    apart from its product has only labels)."""

    texts: dict[str, str]
    attributes: dict[str, str]
    options: dict[str, str | None]
    categories: str


# What Magento's import writes in a column to make a value empty: here, to remove a
# translation (the field is read in the default language again).
EMPTY_VALUE = "__EMPTY__VALUE__"


def _translation(translated: str, default: str) -> str | None:
    """A store-view row's text for a field, or None where it removes the translation: it
    writes the empty-value marker, or the default text itself."""
    return None if translated in (EMPTY_VALUE, default) else translated


def _merged(kept: Translations, given: dict[str, dict[str, Any]]) -> Translations:
    """`kept` with the fields `given` translates set, and those it gives None removed (in
    `attributes`, by attribute); a language left with nothing is dropped."""
    if not given:
        return kept
    merged = {language: dict(fields) for language, fields in kept.items()}
    for language, fields in given.items():
        target = merged.setdefault(language, {})
        for name, value in fields.items():
            if name == "attributes":
                attributes = {**target.get("attributes", {}), **value}
                attributes = {key: text for key, text in attributes.items() if text is not None}
                value = attributes or None
            if value is None:
                target.pop(name, None)
            else:
                target[name] = value
    return {language: fields for language, fields in merged.items() if fields}


def _replaced(kept: Translations, given: Translations) -> Translations:
    """`kept` with the languages `given` names replaced by `given`'s text; a language left
    with no text is dropped."""
    if not given:
        return kept
    replaced = {**kept, **given}
    return {language: fields for language, fields in replaced.items() if fields}


def _category_names(default_text: str, translated_text: str) -> dict[str, str | None]:
    """The translated name of each category of the default row's paths, by path (None
    where the row gives the default name): the store-view row lists the same paths in the
    same order, names translated."""
    translated_text = translated_text.strip()
    if not translated_text:
        return {}
    default_paths = [p.strip() for p in default_text.split(",") if p.strip()]
    translated_paths = [p.strip() for p in translated_text.split(",") if p.strip()]
    if len(default_paths) != len(translated_paths):
        raise _RowError(f"{len(translated_paths)} category paths where the default row has "
                        f"{len(default_paths)}: each path translates the default row's "
                        f"path in the same place")
    names: dict[str, str | None] = {}
    for default_path, translated_path in zip(default_paths, translated_paths, strict=True):
        default_parts = default_path.split("/")
        translated_parts = translated_path.split("/")
        if len(default_parts) != len(translated_parts):
            raise _RowError(f"category {translated_path!r} has not the levels of "
                            f"{default_path!r}, which it translates")
        if default_parts[0] == ROOT_CATEGORY:
            default_parts, translated_parts = default_parts[1:], translated_parts[1:]
        for depth, (default_name, name) in enumerate(
                zip(default_parts, translated_parts, strict=True), start=1):
            path = "/".join(clean_label(part) for part in default_parts[:depth])
            name = clean_label(name)
            if name:
                names[path] = _translation(name, clean_label(default_name))
    return names


def _configurable(row: _Row, simples: dict[str, _Row], claimed: set[str]) -> Product:
    values = row.values
    variants = []
    missing = []
    other_attributes: set[str] = set()
    for spec in filter(None, values.get("configurable_variations", "").split("|")):
        pairs = _pairs(spec)
        other_attributes |= pairs.keys() - {"sku", *_OPTION_ATTRIBUTES}
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
    # A shopper chooses a variant by its size and colour: two alike could not be told apart.
    first_alike: dict[tuple[str | None, str | None], str] = {}
    for variant in variants:
        alike = first_alike.setdefault((variant.size, variant.color), variant.sku)
        if alike != variant.sku:
            told_by = (f", told apart by {', '.join(sorted(other_attributes))} only, which "
                       f"the kiosk does not offer" if other_attributes else "")
            raise _RowError(f"variants {alike!r} and {variant.sku!r} have the same size and "
                            f"colour{told_by}: parent skipped")
    return _product(values, tuple(variants))


def _standalone(row: _Row) -> Product:
    attributes = _pairs(row.values.get("additional_attributes", ""))
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
    attributes = _attributes(values)
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
        short_description_html=values.get("short_description", "") or "",
        image_label=clean_label(values.get("base_image_label", "") or "") or None,
    )


def _attributes(values: dict[str, str]) -> dict[str, str]:
    """The attributes a shopper reads, as text: multiple values joined, markup dropped."""
    return {key: _attribute_label(value.replace("|", ", "))
            for key, value in _pairs(values.get("additional_attributes", "")).items()
            if key not in _HIDDEN_ATTRIBUTES}


# Attribute values repeat from product to product ("Polyester", "Yoga, Gym"): each is
# cleaned once, which took a fifth of a store-view file's import.
_attribute_label = lru_cache(maxsize=65536)(clean_label)


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


def _pairs(text: str) -> dict[str, str]:
    """`code=value,code=value`. As Magento writes them, a value may be wrapped in double
    quotes (`code="a, b"`), inside which commas are the value's and `""` is one quote:
    JSON and markup travel so. Left unwrapped, a piece with no `=` before the next comma
    goes on with the value before it, comma included, as Magento reads it."""
    pairs: dict[str, str] = {}
    last: str | None = None
    position = 0
    while position < len(text):
        key, sep, _ = text[position:].partition("=")
        if not sep or "," in key:       # no '=' before the next comma: not a pair
            comma = text.find(",", position)
            end = len(text) if comma < 0 else comma
            if last is not None:
                pairs[last] += "," + text[position:end]
            position = end + 1
            continue
        position += len(key) + 1
        if text.startswith('"', position):
            value, position = _quoted(text, position + 1)
        else:
            comma = text.find(",", position)
            end = len(text) if comma < 0 else comma
            value, position = text[position:end], end + 1
        if key.strip():
            last = key.strip()
            pairs[last] = value
    return {key: value.strip() for key, value in pairs.items()}


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The value after an opening quote at `start`, and where the next pair begins."""
    parts = []
    position = start
    while True:
        quote = text.find('"', position)
        if quote < 0:                   # never closed: the rest is the value
            parts.append(text[position:])
            return "".join(parts), len(text)
        parts.append(text[position:quote])
        if text.startswith('""', quote):
            parts.append('"')
            position = quote + 2
            continue
        comma = text.find(",", quote)
        return "".join(parts), len(text) if comma < 0 else comma + 1


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

