import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from central.schemas import Customer
from kiosk.core.validation import (
    FIELDS,
    FieldResult,
    Problem,
    check_address_line1,
    check_address_line2,
    check_city,
    check_customer,
    check_email,
    check_first_name,
    check_instructions,
    check_last_name,
    check_phone,
    check_postal_code,
    customer_payload,
    format_phone_for_display,
)

FORM = {
    "first_name": "Zoé",
    "last_name": "D'Arc-Lefèvre",
    "email": "zoe.darc@exemple.fr",
    "phone": "06 12 34 56 78",
    "address_line1": "12 rue de l'Église",
    "address_line2": "Bâtiment B, 3e étage",
    "postal_code": "69003",
    "city": "Lyon",
    "instructions": "Code 4512B",
}


def ok(result: FieldResult) -> str:
    assert result.ok and result.problem is None, result
    assert result.value is not None
    return result.value


def problem(result: FieldResult) -> Problem:
    assert not result.ok and result.value is None, result
    assert isinstance(result.problem, Problem)
    return result.problem


# --- a good form --------------------------------------------------------------------------

def test_a_french_form_is_kept_as_typed_and_fits_the_server():
    results = check_customer(FORM)
    payload = customer_payload(results)
    assert payload == {
        "first_name": "Zoé", "last_name": "D'Arc-Lefèvre",
        "email": "zoe.darc@exemple.fr", "phone": "+33612345678",
        "address": {"line1": "12 rue de l'Église", "line2": "Bâtiment B, 3e étage",
                    "postal_code": "69003", "city": "Lyon", "country": "FR"},
        "instructions": "Code 4512B",
    }
    Customer.model_validate(payload)


def test_spaces_are_trimmed_and_collapsed_but_case_accents_and_punctuation_kept():
    assert ok(check_last_name("  Zoé   D'Arc-Lefèvre ")) == "Zoé D'Arc-Lefèvre"
    assert ok(check_first_name("jean-\u00c9DOUARD")) == "jean-ÉDOUARD"
    assert ok(check_last_name("O\u2019Brien")) == "O\u2019Brien"   # typographic apostrophe
    assert ok(check_address_line1("12\u00a0 rue\u2003des Lilas")) == "12 rue des Lilas"
    assert ok(check_city(" Saint-Étienne ")) == "Saint-Étienne"


def test_decomposed_accents_are_stored_composed():
    typed = unicodedata.normalize("NFD", "Hélène Bérénice")
    assert typed != "Hélène Bérénice"
    assert ok(check_first_name(typed)) == "Hélène Bérénice"
    assert ok(check_city(unicodedata.normalize("NFD", "Orléans"))) == "Orléans"


def test_names_in_other_scripts_are_accepted():
    assert ok(check_last_name("Ñúñez")) == "Ñúñez"
    assert ok(check_last_name("Παπαδόπουλος")) == "Παπαδόπουλος"
    assert ok(check_first_name("明")) == "明"


# --- required, length, characters -----------------------------------------------------------

@pytest.mark.parametrize("check", [check_first_name, check_last_name, check_email, check_phone,
                                   check_address_line1, check_postal_code, check_city])
@pytest.mark.parametrize("text", ["", "   ", "\u3000\t\n"])
def test_required_fields_left_empty(check, text):
    assert problem(check(text)) is Problem.REQUIRED


@pytest.mark.parametrize("check", [check_address_line2, check_instructions])
def test_optional_fields_may_stay_empty(check):
    assert ok(check("")) == ""
    assert ok(check("  ")) == ""


@pytest.mark.parametrize("check, limit", [
    (check_first_name, 100), (check_last_name, 100), (check_address_line1, 200),
    (check_address_line2, 200), (check_city, 100), (check_instructions, 300),
])
def test_lengths_stop_at_the_servers_limit_in_characters(check, limit):
    assert ok(check("é" * limit)) == "é" * limit      # é is two bytes: characters count
    assert problem(check("é" * (limit + 1))) is Problem.TOO_LONG


def test_an_over_long_email_is_too_long():
    assert problem(check_email("a" * 64 + "@" + "b" * 190 + ".fr")) is Problem.TOO_LONG


@pytest.mark.parametrize("check", list(FIELDS.values()))
def test_huge_input_is_refused_quickly(check):
    assert problem(check("7" * 1_000_000)) is Problem.TOO_LONG


@pytest.mark.parametrize("text", [
    "Jean\x00", "Je\x00an", "Jean\x07Paul", "Jean\tPaul", "Jean\nPaul", "Jean\u202ePaul",
    "Jean\u200fPaul", "Jean\u200bPaul", "\ufeffJean", "Jean\ud800", "Jean\ue000",
])
def test_control_invisible_and_unencodable_characters_are_refused(text):
    assert problem(check_first_name(text)) is Problem.INVALID_CHARACTERS


def test_a_name_city_or_street_needs_a_letter():
    assert problem(check_first_name("123")) is Problem.NEEDS_LETTER
    assert problem(check_last_name("-'")) is Problem.NEEDS_LETTER
    assert problem(check_city("69")) is Problem.NEEDS_LETTER
    assert problem(check_address_line1("12")) is Problem.NEEDS_LETTER
    assert ok(check_address_line2("12")) == "12"     # a flat number is fine there


def test_instructions_keep_their_lines():
    text = "Code 4512B  \r\n3e étage, porte gauche\rSonner deux fois\n"
    assert ok(check_instructions(text)) == "Code 4512B\n3e étage, porte gauche\nSonner deux fois"
    assert problem(check_instructions("Code\t4512B")) is Problem.INVALID_CHARACTERS
    assert problem(check_instructions("Code\x00")) is Problem.INVALID_CHARACTERS


# --- e-mail ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, stored", [
    ("jeanne.dupont@example.fr", "jeanne.dupont@example.fr"),
    ("  Jeanne.Dupont@Example.FR ", "Jeanne.Dupont@example.fr"),  # domain lower-cased
    ("zoé@exemple.fr", "zoé@exemple.fr"),
    ("jean+kiosque@gmail.com", "jean+kiosque@gmail.com"),
    ("a@xn--exmple-cua.fr", "a@exämple.fr"),
])
def test_good_emails(text, stored):
    assert ok(check_email(text)) == stored


@pytest.mark.parametrize("text, expected", [
    ("jeanne.dupont.example.fr", Problem.EMAIL_NO_AT),
    ("jeanne@gmail", Problem.EMAIL_NO_DOMAIN_DOT),
    ("jeanne@", Problem.EMAIL_NO_DOMAIN_DOT),
    ("jeanne@localhost", Problem.EMAIL_NO_DOMAIN_DOT),
    ("@gmail.com", Problem.EMAIL_INVALID),
    ("jeanne@gmail.", Problem.EMAIL_INVALID),
    ("jeanne@@gmail.com", Problem.EMAIL_INVALID),
    ("jean ne@gmail.com", Problem.EMAIL_INVALID),
    ("jeanne..dupont@gmail.com", Problem.EMAIL_INVALID),
    ('"jeanne dupont"@gmail.com', Problem.EMAIL_INVALID),
    ("jeanne@[192.168.1.1]", Problem.EMAIL_INVALID),
    ("jeanne@[IPv6:2001:db8::1]", Problem.EMAIL_INVALID),
    ("jeanne@ma-boite.test", Problem.EMAIL_INVALID),
])
def test_email_mistakes(text, expected):
    assert problem(check_email(text)) is expected


# --- phone ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78",
    "+33 6 12 34 56 78", "+33612345678", "0033612345678", "+33 (0)6 12 34 56 78",
    "\u00a006\u202f12 34 56 78 ",
])
def test_french_mobiles_in_any_usual_spelling(text):
    assert ok(check_phone(text)) == "+33612345678"


def test_07_is_mobile_too():
    assert ok(check_phone("07 81 23 45 67")) == "+33781234567"


@pytest.mark.parametrize("text, stored", [
    ("+44 7400 123456", "+447400123456"),      # British mobile
    ("+1 650 253 0000", "+16502530000"),       # US numbers may be either: accepted
    ("+262 692 12 34 56", "+262692123456"),    # Réunion mobile
])
def test_foreign_mobiles_with_their_country_code(text, stored):
    assert ok(check_phone(text)) == stored


@pytest.mark.parametrize("text", [
    "01 42 68 53 00",     # Paris landline
    "04 78 12 34 56",     # Lyon landline
    "09 72 12 34 56",     # internet box
    "+44 20 7946 0958",   # London landline
])
def test_landlines_and_box_numbers_are_not_mobiles(text):
    assert problem(check_phone(text)) is Problem.PHONE_NOT_MOBILE


@pytest.mark.parametrize("text", [
    "12345", "06 12 34 56", "06 12 34 56 78 9", "07 00 00 00 00", "+33", "+",
    "06 12 34 56 78 poste 12", "06 12 34 56 78 ext. 12", "O6 12 34 56 78",
    "+33 6 12 34+56 78", "٠٦١٢٣٤٥٦٧٨", "+999 612345678",
])
def test_phone_mistakes(text):
    assert problem(check_phone(text)) is Problem.PHONE_INVALID


def test_another_default_region():
    assert ok(check_phone("07400 123456", default_region="GB")) == "+447400123456"
    assert problem(check_phone("06 12 34 56 78", default_region="ZZ")) is Problem.PHONE_INVALID


def test_phone_display():
    assert format_phone_for_display("+33612345678") == "06 12 34 56 78"
    assert format_phone_for_display("+447400123456") == "+44 7400 123456"
    assert format_phone_for_display("+447400123456", home_region="GB") == "07400 123456"
    assert format_phone_for_display("not a number") == "not a number"


# --- postal code ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, stored", [
    ("75001", "75001"), (" 69003 ", "69003"), ("75 001", "75001"), ("20000", "20000"),
    ("01000", "01000"), ("97400", "97400"),
])
def test_good_postal_codes(text, stored):
    assert ok(check_postal_code(text)) == stored


@pytest.mark.parametrize("text, expected", [
    ("7500", Problem.POSTAL_CODE_FORMAT),
    ("750011", Problem.POSTAL_CODE_FORMAT),
    ("75OO1", Problem.POSTAL_CODE_FORMAT),
    ("2A004", Problem.POSTAL_CODE_FORMAT),
    ("F-75001", Problem.POSTAL_CODE_FORMAT),
    ("７５００１", Problem.POSTAL_CODE_FORMAT),   # full-width digits: not what the server takes
    ("00000", Problem.POSTAL_CODE_UNKNOWN),
    ("96100", Problem.POSTAL_CODE_UNKNOWN),
    ("99999", Problem.POSTAL_CODE_UNKNOWN),
])
def test_postal_code_mistakes(text, expected):
    assert problem(check_postal_code(text)) is expected


# --- the whole form -------------------------------------------------------------------------

def test_missing_fields_count_as_empty():
    results = check_customer({"first_name": "Zoé"})
    assert results["first_name"].value == "Zoé"
    assert results["last_name"].problem is Problem.REQUIRED
    assert results["instructions"].value == ""
    assert list(results) == list(FIELDS)


def test_an_unknown_field_is_a_programming_error():
    with pytest.raises(ValueError, match="adress_line1"):
        check_customer({**FORM, "adress_line1": "12 rue des Lilas"})


def test_the_payload_needs_every_field_valid():
    results = check_customer({**FORM, "email": "jeanne@gmail"})
    assert results["email"].problem is Problem.EMAIL_NO_DOMAIN_DOT
    with pytest.raises(ValueError, match="email"):
        customer_payload(results)


def test_check_customer_passes_the_region_on():
    results = check_customer({**FORM, "phone": "07400 123456"}, default_region="GB")
    assert results["phone"].value == "+447400123456"


def test_non_text_is_a_programming_error():
    for check in FIELDS.values():
        with pytest.raises(TypeError):
            check(None)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            check(612345678)  # type: ignore[arg-type]


def test_a_result_has_a_value_or_a_problem():
    with pytest.raises(ValueError):
        FieldResult(None, None)
    with pytest.raises(ValueError):
        FieldResult("x", Problem.REQUIRED)


# --- properties -----------------------------------------------------------------------------

# Every code point, surrogates and controls included, with the characters that matter here
# made frequent enough to meet each other.
any_char = st.characters(exclude_categories=())
tricky_char = st.sampled_from([
    " ", "\u00a0", "\t", "\n", "\r", "\x00", "\x1c", "\x85", "\u200f", "\u202e", "\u200d",
    "\ufeff", "\ud800", "\udfff", "\u0301", "é", "'", "-", "@", ".", "+", "0", "6", "😀",
])
any_text = st.text(st.one_of(any_char, tricky_char), max_size=60)

BASE = customer_payload(check_customer(FORM))
# Where each form field goes in the server's Customer.
PLACE = {"address_line1": ("address", "line1"), "address_line2": ("address", "line2"),
         "postal_code": ("address", "postal_code"), "city": ("address", "city")}


def server_accepts(field: str, value: str) -> None:
    customer = {**BASE, "address": dict(BASE["address"])}
    if field in PLACE:
        customer["address"][PLACE[field][1]] = value
    else:
        customer[field] = value
    Customer.model_validate(customer)


def holds_for(field: str, text: str) -> None:
    """What must hold for any input: a result, with a code when refused; when accepted,
    a value the server takes and that checks again to itself (a form filled back in from
    a stored order shows the same)."""
    result = FIELDS[field](text)
    assert isinstance(result, FieldResult)
    if not result.ok:
        assert isinstance(result.problem, Problem)
        assert result.value is None
        return
    assert isinstance(result.value, str)
    server_accepts(field, result.value)
    assert FIELDS[field](result.value) == result


@pytest.mark.parametrize("field", list(FIELDS))
@given(text=any_text)
def test_any_text_gets_a_result_and_accepted_values_fit_the_server(field, text):
    holds_for(field, text)


name_like = st.text(st.one_of(st.characters(categories=["L", "M", "Zs"]),
                              st.sampled_from(" '-.\u2019")), min_size=1, max_size=120)


@pytest.mark.parametrize("field", ["first_name", "last_name", "city", "address_line1",
                                   "address_line2", "instructions"])
@given(text=name_like)
def test_name_like_text(field, text):
    holds_for(field, text)


@given(text=name_like)
def test_names_are_accepted_unless_empty_too_long_or_letterless(text):
    result = check_last_name(text)
    if result.ok:
        return
    assert result.problem in {Problem.REQUIRED, Problem.TOO_LONG, Problem.NEEDS_LETTER,
                              Problem.INVALID_CHARACTERS}


@given(text=st.emails() | st.from_regex(r"[\w.+-]{1,20}@[\w-]{1,20}(\.[\w-]{1,10}){0,2}",
                                         fullmatch=True))
def test_email_like_text(text):
    holds_for("email", text)


phone_like = st.builds(
    "".join,
    st.lists(st.sampled_from("0123456789 .-()") | st.just("06") | st.just("+33")
             | st.just("0033") | st.just("+44 7"), max_size=20),
)


@given(text=phone_like)
def test_phone_like_text(text):
    holds_for("phone", text)


@given(digits=st.text("0123456789", min_size=8, max_size=8), lead=st.sampled_from("67"),
       spaced=st.booleans())
def test_every_french_mobile_is_accepted(digits, lead, spaced):
    text = "0" + lead + digits
    if spaced:
        text = " ".join(text[i:i + 2] for i in range(0, 10, 2))
    result = check_phone(text)
    # phonenumbers knows which 06/07 blocks are allocated; those it accepts are mobiles.
    if result.ok:
        assert result.value == "+33" + lead + digits
    else:
        assert result.problem is Problem.PHONE_INVALID


@given(text=st.from_regex(r"\s*[0-9 ]{0,7}\s*", fullmatch=True))
def test_postal_code_like_text(text):
    holds_for("postal_code", text)
