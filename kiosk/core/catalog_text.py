"""The catalog's text in the shopper's language, falling back to the chain's default.

The cache keeps a record's text in the default language in its own columns, and its
other languages in a `translations` column: JSON by language code holding only the
fields translated (cache schema 6). A field a language leaves out, or a language a
record leaves out, is read in the default language.
"""

from __future__ import annotations

import json
import re
from typing import Any

# A language code as the change feed writes it ('fr', 'pt-BR'). Anything else is read in
# the default language: a code is written into SQL, never a shopper's text.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def text_sql(table: str, field: str, language: str | None) -> str:
    """SQL reading `table.field` in `language`, else as the default row writes it.

    json_extract on the row itself: no join, and an untranslated row ('{}') costs a
    two-byte parse, so card queries keep their speed."""
    if not language or not _LANGUAGE_CODE.fullmatch(language):
        return f"{table}.{field}"
    return (f"coalesce(nullif(json_extract({table}.translations, '$.\"{language}\".{field}'),"
            f" ''), {table}.{field})")


def in_language(translations: str | None, language: str | None) -> dict[str, Any]:
    """The fields translated into `language` of a `translations` column ({} for none).
    A column that is not JSON reads as untranslated: the default text is still there."""
    if not language or not translations or translations == "{}":
        return {}
    try:
        fields = json.loads(translations).get(language)
    except (ValueError, AttributeError):
        return {}
    return fields if isinstance(fields, dict) else {}


def translated(fields: dict[str, Any], field: str, default: str | None) -> str | None:
    """`field` of the translated `fields` where it holds some text, else `default`."""
    value = fields.get(field)
    return value if isinstance(value, str) and value else default
