"""The change feed's page (`GET /v1/changes`, docs/api.md), declared once for both ends.

The terminal checks every page it reads with it; the server describes its answer with it
(`PAGE_SCHEMA`, in its OpenAPI document) and its tests check the pages it writes
against it. The records
a page carries are the catalog's own dataclasses (`kiosk_contract.catalog`).

A first sync reads millions of stock figures and hundreds of thousands of products, so
a page is parsed and checked in one pass by a pydantic-core schema, compiled once, whose
loops run in Rust: checking them field by field in Python cost more than writing them.
A page that does not follow it is refused whole, with the path of the first faulty field.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic_core import SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from kiosk_contract.catalog import (
    LANGUAGE_CODE,
    Category,
    Product,
    Store,
    Tombstone,
    TombstoneKind,
    Variant,
)


class ProtocolError(ValueError):
    """The server's answer does not follow the contract (docs/api.md)."""


def validate_page(body: bytes | Any) -> dict[str, Any]:
    """The page in `body` (the answer's bytes, or JSON already parsed), its records read
    into the catalog's dataclasses and its stock figures left as arrays."""
    try:
        if isinstance(body, bytes | bytearray):
            return _PAGE.validate_json(body)
        return _PAGE.validate_python(body)
    except ValidationError as error:
        raise ProtocolError(_describe(error)) from None


def _describe(error: ValidationError) -> str:
    """The first problem, as 'page.products.3.price_cents: expected ...'."""
    first = error.errors(include_url=False, include_input=False)[0]
    loc, kind = list(first["loc"]), first["type"]
    if kind == "json_invalid":
        return f"page: not JSON ({first['msg']})"
    if loc[:1] == ["stock"] and len(loc) > 1:
        if len(loc) > 2:                  # a stock figure's value, by its name
            loc[2] = STOCK_VALUES[loc[2]]
        elif kind in _WRONG_SHAPE:
            kind = "stock_figure"
    where = ".".join(["page", *map(str, loc)])
    return f"{where}: {_CONTAINER_ERRORS.get(kind, first['msg'])}"


# Lists and objects are not wrapped in custom errors as values are: that would put their
# own message in the place of any error found inside them.
_CONTAINER_ERRORS = {"missing": "missing", "list_type": "expected a list",
                     "tuple_type": "expected a list", "dict_type": "expected an object",
                     "dataclass_args_type": "expected an object",
                     "dataclass_type": "expected an object",
                     "stock_figure": "expected an array of five values"}
_WRONG_SHAPE = {"tuple_type", "too_short", "too_long"}


# Each kind of value says in its own words what was expected: the schema's errors are
# the messages staff read in the sync log.
def _expecting(what: str, schema: cs.CoreSchema) -> cs.CoreSchema:
    return cs.custom_error_schema(schema, custom_error_type="contract",
                                  custom_error_message=f"expected {what}")


_TEXT = _expecting("a string", cs.str_schema(strict=True))
_CENTS = _expecting("a non-negative integer", cs.int_schema(strict=True, ge=0))
_FLAG = _expecting("true or false", cs.bool_schema(strict=True))
_NUMBER = _expecting("a number", cs.float_schema(strict=True, allow_inf_nan=False))
_TEXTS = _expecting("a list of strings", cs.tuple_schema(
    [cs.str_schema(strict=True)], variadic_item_index=0))
_TEXT_MAP = _expecting("an object of strings", cs.dict_schema(
    cs.str_schema(strict=True), cs.str_schema(strict=True), strict=True))


def _optional(schema: cs.CoreSchema, what: str = "", default: Any = None) -> cs.CoreSchema:
    """A field that may be left out; and may be null, unless it has a `default`, a value
    or a type (tuple, dict) of which each record gets a new one."""
    if default is None:
        schema = _expecting(f"{what} or null", cs.nullable_schema(schema))
        return cs.with_default_schema(schema, default=None)
    if isinstance(default, type):
        return cs.with_default_schema(schema, default_factory=default)
    return cs.with_default_schema(schema, default=default)


def _list_of(item: cs.CoreSchema, as_tuple: bool = False) -> cs.CoreSchema:
    if as_tuple:
        return _optional(cs.tuple_schema([item], variadic_item_index=0), default=tuple)
    return _optional(cs.list_schema(item, strict=True), default=list)


def _record(cls: type, **fields: cs.CoreSchema) -> cs.CoreSchema:
    """An object read into the catalog's dataclass `cls`, built by the schema itself:
    other keys are ignored, and a field made by `_optional` may be left out."""
    return cs.dataclass_schema(cls, cs.dataclass_args_schema(cls.__name__, [
        cs.dataclass_field(name, schema) for name, schema in fields.items()]), list(fields))


_TEXT_OR_NULL = _expecting("a string or null", cs.nullable_schema(cs.str_schema(strict=True)))
_OPTIONAL_TEXT = cs.with_default_schema(_TEXT_OR_NULL, default=None)
# Text that null or leaving it out makes empty.
_TEXT_OR_EMPTY = cs.with_default_schema(
    cs.no_info_after_validator_function(lambda text: text or "", _TEXT_OR_NULL), default="")
_OPTIONAL_CENTS = _optional(cs.int_schema(strict=True, ge=0), "a non-negative integer")



def _translations(**fields: cs.CoreSchema) -> cs.CoreSchema:
    """A record's `translations`: by language code, an object of the translated `fields`,
    each of which may be left out. Other keys are ignored, as in records."""
    text = cs.typed_dict_schema({name: cs.typed_dict_field(schema, required=False)
                                 for name, schema in fields.items()}, strict=True)
    return _optional(cs.dict_schema(_LANGUAGE_CODE, text, strict=True), default=dict)


_LANGUAGE_CODE = _expecting("a language code (fr, pt-BR)", cs.str_schema(
    strict=True, pattern=f"^{LANGUAGE_CODE}$"))
_VARIANT = _record(
    Variant, sku=_TEXT, price_cents=_CENTS, size=_OPTIONAL_TEXT, color=_OPTIONAL_TEXT,
    barcode=_OPTIONAL_TEXT, special_price_cents=_OPTIONAL_CENTS, image=_OPTIONAL_TEXT,
    translations=_translations(size=_TEXT, color=_TEXT))
_PRODUCT = _record(
    Product, sku=_TEXT, name=_TEXT, price_cents=_CENTS,
    variants=_list_of(_VARIANT, as_tuple=True),
    categories=_optional(_TEXTS, default=tuple),
    description_html=_TEXT_OR_EMPTY,
    special_price_cents=_OPTIONAL_CENTS, special_from=_OPTIONAL_TEXT,
    special_to=_OPTIONAL_TEXT, image=_OPTIONAL_TEXT,
    gallery=_optional(_TEXTS, default=tuple), attributes=_optional(_TEXT_MAP, default=dict),
    featured=_optional(_FLAG, default=False),
    short_description_html=_TEXT_OR_EMPTY, image_label=_OPTIONAL_TEXT,
    translations=_translations(name=_TEXT, description_html=_TEXT,
                               short_description_html=_TEXT, image_label=_TEXT,
                               attributes=_TEXT_MAP))
_CATEGORY = _record(
    Category, path=_TEXT, name=_TEXT,
    position=_optional(_expecting("an integer", cs.int_schema(strict=True)), default=0),
    in_menu=_optional(_FLAG, default=True), image=_OPTIONAL_TEXT,
    translations=_translations(name=_TEXT))
_STORE = _record(
    Store, id=_TEXT, name=_TEXT, address=_TEXT, postal_code=_TEXT, city=_TEXT,
    latitude=_NUMBER, longitude=_NUMBER,
    phone=_TEXT_OR_EMPTY, opening_hours=_optional(_TEXT_MAP, default=dict))
# A stock figure is an array (docs/api.md), which becomes the stock table's row as is.
STOCK_VALUES = ("variant_sku", "store_id", "quantity", "taken_at", "restock_date")
_STOCK = cs.tuple_schema([_TEXT, _TEXT, _CENTS, _TEXT, _TEXT_OR_NULL])
_KINDS = get_args(TombstoneKind)
_TOMBSTONE = _record(
    Tombstone, kind=_expecting(f"one of {', '.join(_KINDS)}", cs.literal_schema(list(_KINDS))),
    key=_TEXT)

PAGE_SCHEMA = cs.typed_dict_schema({
    name: cs.typed_dict_field(schema, required=schema["type"] != "default")
    for name, schema in {
        "reset": _FLAG, "has_more": _FLAG,
        "cursor": _optional(cs.str_schema(strict=True), "a string"),
        "categories": _list_of(_CATEGORY), "products": _list_of(_PRODUCT),
        "stores": _list_of(_STORE), "stock": _list_of(_STOCK),
        "deletions": _list_of(_TOMBSTONE)}.items()}, strict=True)
_PAGE = SchemaValidator(PAGE_SCHEMA)
