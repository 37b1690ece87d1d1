"""The details a shopper gives to reserve in a store: a name, and a phone number or an
e-mail address (at least one, each right when given)."""

from __future__ import annotations

from kiosk.core.reservations import EMAIL, NAME, PHONE, check_details, customer_of
from kiosk.core.validation import Problem


def test_a_name_and_a_mobile_number_are_enough():
    results = check_details({NAME: " Zoé  Martin ", PHONE: "06 12 34 56 78"})
    assert customer_of(results) == {NAME: "Zoé Martin", PHONE: "+33612345678", EMAIL: ""}


def test_an_e_mail_address_alone_is_enough_too():
    results = check_details({NAME: "Sam", EMAIL: "Sam@Example.COM"})
    assert customer_of(results) == {NAME: "Sam", PHONE: "", EMAIL: "Sam@example.com"}


def test_neither_contact_is_asked_for_on_the_phone_field():
    results = check_details({NAME: "Sam", PHONE: "  ", EMAIL: ""})
    assert results[PHONE].problem is Problem.REQUIRED and customer_of(results) is None


def test_a_contact_given_must_be_right_even_with_the_other_right():
    results = check_details({NAME: "Sam", PHONE: "01 23", EMAIL: "sam@example.com"})
    assert results[PHONE].problem is Problem.PHONE_INVALID and customer_of(results) is None
    assert check_details({NAME: "", EMAIL: "sam@example.com"})[NAME].problem \
        is Problem.REQUIRED
