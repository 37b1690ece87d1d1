"""The customer form's fields: what is wrong with each, and the value to store when right.

Validators return a `FieldResult`, never a sentence: the UI turns each `Problem` into a
message in the shopper's language. An accepted value satisfies the central server's
`Customer` contract (`central.schemas`), so an order never becomes a dead letter for a
field the kiosk let through. Every validator is cheap enough to run on each keystroke and
never raises on a str, whatever it holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

import email_validator
import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType


class Problem(Enum):
    REQUIRED = "required"                        # empty, or only spaces, in a required field
    TOO_LONG = "too_long"                        # more characters than the server keeps
    INVALID_CHARACTERS = "invalid_characters"    # control, invisible or unencodable characters
    NEEDS_LETTER = "needs_letter"                # a name, street or city with no letter at all
    EMAIL_NO_AT = "email_no_at"                  # no @ in the e-mail address
    EMAIL_NO_DOMAIN_DOT = "email_no_domain_dot"  # nothing after the @, or no dot there
    EMAIL_INVALID = "email_invalid"              # any other malformed e-mail address
    PHONE_INVALID = "phone_invalid"              # not a phone number that exists
    PHONE_NOT_MOBILE = "phone_not_mobile"        # a real number, but a landline or service
    POSTAL_CODE_FORMAT = "postal_code_format"    # not exactly five digits
    POSTAL_CODE_UNKNOWN = "postal_code_unknown"  # five digits no French department uses


@dataclass(frozen=True)
class FieldResult:
    """Either the value to store (problem None) or what is wrong (value None)."""

    value: str | None
    problem: Problem | None

    def __post_init__(self) -> None:
        if (self.value is None) == (self.problem is None):
            raise ValueError("a FieldResult has a value or a problem, not both or neither")

    @property
    def ok(self) -> bool:
        return self.problem is None


# The server's limits (`central.schemas`), counted in code points as pydantic does.
NAME_MAX = 100
EMAIL_MAX = 254
ADDRESS_LINE_MAX = 200
CITY_MAX = 100
INSTRUCTIONS_MAX = 300
# The server's own patterns; fullmatch stands for their ^...$ anchors.
_SERVER_EMAIL = re.compile(r"[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+")
_SERVER_PHONE = re.compile(r"\+[1-9][0-9]{6,14}")
_POSTAL_CODE = re.compile(r"[0-9]{5}")
# Far beyond any field's limit: longer input is refused before any normalising work, so a
# pasted novel cannot make a keystroke slow. No real typing shrinks this much.
_INPUT_CAP = 4_096

# Invisible format characters are refused (bidi overrides, zero-width spaces, BOM): they
# would make two names that look alike differ, or reorder a label. The joiners stay, as
# some scripts' spelling and emoji sequences need them.
_ALLOWED_FORMAT = {"\u200c", "\u200d"}
# Cc controls (NUL among them), Cs lone surrogates (no UTF-8 encoding: the order could not
# even be sent), Co private use (no glyph on any screen or label).
_REFUSED_CATEGORIES = {"Cc", "Cs", "Co"}
_WHITESPACE_RUN = re.compile(r"\s+")
# What may appear in a phone number besides digits: grouping people type or paste.
_PHONE_SEPARATORS = set(" .-()/")
# Mobile numbers, and those a country's plan cannot tell from landlines (US, Canada...).
_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
# French postal codes start with the department: 01-95 in metropolitan France (20 for
# Corsica), 97 and 98 overseas. 00 (military sectors, no home delivery), 96 and 99 are
# no department's, so these are typing mistakes.
_UNKNOWN_DEPARTMENTS = {"00", "96", "99"}


def _has_refused_character(text: str) -> bool:
    for char in text:
        category = unicodedata.category(char)
        if category in _REFUSED_CATEGORIES:
            return True
        if category == "Cf" and char not in _ALLOWED_FORMAT:
            return True
    return False


def _has_letter(text: str) -> bool:
    return any(unicodedata.category(char).startswith("L") for char in text)


def _prepare(text: str, *, collapse: bool) -> tuple[str | None, Problem | None]:
    """Common first steps: type check, size guard, NFC, trim, refused characters."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if len(text) > _INPUT_CAP:
        return None, Problem.TOO_LONG
    # An on-screen keyboard may send "e" + combining accent; the server and search want
    # the composed form, and a length counted as the shopper sees it.
    text = unicodedata.normalize("NFC", text).strip()
    if _has_refused_character(text):
        return None, Problem.INVALID_CHARACTERS
    if collapse:
        text = _WHITESPACE_RUN.sub(" ", text)
    return text, None


def _check_line(text: str, *, max_length: int, required: bool,
                needs_letter: bool) -> FieldResult:
    """A one-line free-text field: name, street, city."""
    value, problem = _prepare(text, collapse=True)
    if problem is not None:
        return FieldResult(None, problem)
    assert value is not None
    if not value:
        return FieldResult(None, Problem.REQUIRED) if required else FieldResult("", None)
    if len(value) > max_length:
        return FieldResult(None, Problem.TOO_LONG)
    if needs_letter and not _has_letter(value):
        return FieldResult(None, Problem.NEEDS_LETTER)
    return FieldResult(value, None)


def check_first_name(text: str) -> FieldResult:
    return _check_line(text, max_length=NAME_MAX, required=True, needs_letter=True)


def check_last_name(text: str) -> FieldResult:
    return _check_line(text, max_length=NAME_MAX, required=True, needs_letter=True)


def check_address_line1(text: str) -> FieldResult:
    # "12" alone is not somewhere a courier can go; any street, place or PO box has letters.
    return _check_line(text, max_length=ADDRESS_LINE_MAX, required=True, needs_letter=True)


def check_address_line2(text: str) -> FieldResult:
    # Optional, and "12" may well be a flat number.
    return _check_line(text, max_length=ADDRESS_LINE_MAX, required=False, needs_letter=False)


def check_city(text: str) -> FieldResult:
    return _check_line(text, max_length=CITY_MAX, required=True, needs_letter=True)


def check_instructions(text: str) -> FieldResult:
    """Optional, and may span lines ("Code 4512B" then "3e étage"): line breaks are kept
    (as \\n) and each line trimmed; other controls are refused."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if len(text) > _INPUT_CAP:
        return FieldResult(None, Problem.TOO_LONG)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    checked = []
    for line in lines:
        value, problem = _prepare(line, collapse=False)
        if problem is not None:
            return FieldResult(None, problem)
        checked.append(value)
    value = "\n".join(checked).strip()
    if len(value) > INSTRUCTIONS_MAX:
        return FieldResult(None, Problem.TOO_LONG)
    return FieldResult(value, None)


def check_email(text: str) -> FieldResult:
    """Syntax only (no DNS look-up: the kiosk may be offline); stores the normalised form
    (domain in lower case, local part as typed)."""
    value, problem = _prepare(text, collapse=False)
    if problem is not None:
        return FieldResult(None, problem)
    assert value is not None
    if not value:
        return FieldResult(None, Problem.REQUIRED)
    if len(value) > EMAIL_MAX:
        return FieldResult(None, Problem.TOO_LONG)
    if "@" not in value:
        return FieldResult(None, Problem.EMAIL_NO_AT)
    domain = value.rpartition("@")[2]
    # A bracketed [IP] domain has no dot to add: it is refused below as invalid.
    if "." not in domain and not domain.startswith("["):
        return FieldResult(None, Problem.EMAIL_NO_DOMAIN_DOT)
    try:
        # Quoted local parts and [IP] domains stay refused (the defaults): the server's
        # pattern would refuse some of them, and no shopper means one.
        normalized = email_validator.validate_email(value, check_deliverability=False).normalized
    except email_validator.EmailNotValidError:
        return FieldResult(None, Problem.EMAIL_INVALID)
    if len(normalized) > EMAIL_MAX:
        return FieldResult(None, Problem.TOO_LONG)
    if not _SERVER_EMAIL.fullmatch(normalized) or _has_refused_character(normalized):
        return FieldResult(None, Problem.EMAIL_INVALID)
    return FieldResult(normalized, None)


def _phone_characters_ok(text: str) -> bool:
    body = text[1:] if text.startswith("+") else text
    return all((char.isascii() and char.isdigit()) or char in _PHONE_SEPARATORS
               or char.isspace() for char in body)


def check_phone(text: str, default_region: str = "FR") -> FieldResult:
    """A mobile number, stored in E.164 ("+33612345678"). Numbers without a +country code
    are read as `default_region`'s; "0033..." is read as "+33..."."""
    value, problem = _prepare(text, collapse=False)
    if problem is not None:
        return FieldResult(None, problem)
    assert value is not None
    if not value:
        return FieldResult(None, Problem.REQUIRED)
    # Only digits and grouping: phonenumbers would otherwise skip letters, read "poste 12"
    # as an extension (which E.164 drops) or map letters to digits.
    if not _phone_characters_ok(value):
        return FieldResult(None, Problem.PHONE_INVALID)
    try:
        # phonenumbers knows ASCII spaces only; a pasted number may have French typography's.
        number = phonenumbers.parse(_WHITESPACE_RUN.sub(" ", value), default_region)
    except phonenumbers.NumberParseException:
        return FieldResult(None, Problem.PHONE_INVALID)
    if number.extension or not phonenumbers.is_valid_number(number):
        return FieldResult(None, Problem.PHONE_INVALID)
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        return FieldResult(None, Problem.PHONE_NOT_MOBILE)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if not _SERVER_PHONE.fullmatch(e164):
        return FieldResult(None, Problem.PHONE_INVALID)
    return FieldResult(e164, None)


def format_phone_for_display(e164: str, home_region: str = "FR") -> str:
    """A stored number as the shopper would write it: "06 12 34 56 78" for one of
    `home_region`, "+44 7400 123456" for others. Anything unreadable is shown unchanged."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == home_region:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def check_postal_code(text: str) -> FieldResult:
    """A French postal code. Spaces inside are dropped ("75 001"), as some write it."""
    value, problem = _prepare(text, collapse=False)
    if problem is not None:
        return FieldResult(None, problem)
    assert value is not None
    value = _WHITESPACE_RUN.sub("", value)
    if not value:
        return FieldResult(None, Problem.REQUIRED)
    if not _POSTAL_CODE.fullmatch(value):
        return FieldResult(None, Problem.POSTAL_CODE_FORMAT)
    if value[:2] in _UNKNOWN_DEPARTMENTS:
        return FieldResult(None, Problem.POSTAL_CODE_UNKNOWN)
    return FieldResult(value, None)


# The form's fields, in the order the form shows them.
FIELDS: dict[str, Callable[[str], FieldResult]] = {
    "first_name": check_first_name,
    "last_name": check_last_name,
    "email": check_email,
    "phone": check_phone,
    "address_line1": check_address_line1,
    "address_line2": check_address_line2,
    "postal_code": check_postal_code,
    "city": check_city,
    "instructions": check_instructions,
}


def check_customer(fields: Mapping[str, str], default_region: str = "FR"
                   ) -> dict[str, FieldResult]:
    """Every field of the form checked; a missing key counts as an empty field. An unknown
    key is a programming error (a misspelt field would be lost silently) and raises."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown customer fields: {sorted(unknown)}")
    results = {}
    for name, check in FIELDS.items():
        text = fields.get(name, "")
        results[name] = (check_phone(text, default_region) if name == "phone"
                         else check(text))
    return results


def customer_payload(results: Mapping[str, FieldResult]) -> dict[str, Any]:
    """The order's `customer` object, as the server's Customer schema has it, from the
    results of `check_customer`. Call it only once every field is ok: it raises otherwise."""
    wrong = [name for name in FIELDS if name not in results or not results[name].ok]
    if wrong:
        raise ValueError(f"customer fields not valid: {wrong}")

    def value(name: str) -> str:
        stored = results[name].value
        assert stored is not None
        return stored

    return {
        "first_name": value("first_name"),
        "last_name": value("last_name"),
        "email": value("email"),
        "phone": value("phone"),
        "address": {
            "line1": value("address_line1"),
            "line2": value("address_line2"),
            "postal_code": value("postal_code"),
            "city": value("city"),
            "country": "FR",
        },
        "instructions": value("instructions"),
    }
