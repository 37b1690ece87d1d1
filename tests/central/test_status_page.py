"""The public status page /o/{reference}: what a customer sees, and nothing more."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone
from html import unescape
from urllib.parse import quote

import pytest
from catalog_helpers import line, own_product, reprice, with_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from staff_helpers import staff_account
from test_api import order, post_order

from central.status_page import choose_language, initials, money, when

PERSONAL = ("jeanne", "dupont", "lefèvre", "+33612345678", "612345678", "12 rue des lilas",
            "lilas", "69003", "code 4512b")


def placed(api, *lines, **changes) -> dict:
    body = order(**changes)
    if lines:
        body = with_lines(body, *lines)
    body["customer"] |= {"email": "jeanne.dupont@example.fr", "instructions": "Code 4512B"}
    answer, _ = post_order(api, api.terminal(body["store_id"]), body)
    assert answer.status_code == 201, answer.text
    return body


def page(api, reference, **params):
    return api.client.get(f"/o/{reference}", params=params or None)


def text_of(answer) -> str:
    """The page with its character references read back (html.escape writes ' as &#x27;)."""
    return unescape(answer.text)


def visible_text(html: str) -> str:
    without_style = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", without_style)


def test_the_page_in_french_by_default(api):
    sku = own_product(api, 3900, name="Beaumont Jacket",
                      translations={"fr": {"name": "Veste Beaumont"}},
                      variant_translations={"fr": {"color": "Bleu"}})
    body = placed(api, line(sku, 3900, quantity=2, name="Veste Beaumont"))
    answer = page(api, body["reference"])
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    html = text_of(answer)
    assert '<html lang="fr">' in html
    assert f"Commande {body['reference']}" in html
    assert "Reçue : le magasin l'a bien enregistrée." in html
    assert "Luma Paris Rivoli" in html
    # The line as the catalog names it in French: what the customer read when ordering.
    assert "Veste Beaumont" in html and ">M<" in html and ">Bleu<" in html
    assert "Blue" not in visible_text(html) and "Beaumont Jacket" not in html
    # Read in English, the page keeps the words of the order's language.
    english = text_of(page(api, body["reference"], lang="en"))
    assert "Veste Beaumont" in english and ">Bleu<" in english
    # An order placed in English: no English translation, the chain's default words.
    other = placed(api, line(sku, 3900, name="Beaumont Jacket"), language="en")
    in_english = text_of(page(api, other["reference"]))
    assert "Beaumont Jacket" in in_english and ">Blue<" in in_english
    assert "Bleu" not in in_english
    assert "39,00\u00a0€" in html and "82,90\u00a0€" in html and "4,90\u00a0€" in html
    assert "J. D." in html
    assert 'href="?lang=en"' in html
    assert "<script" not in html.lower()


def test_the_page_in_english_by_query_or_browser(api):
    body = placed(api, language="en")        # ordered in English: the lines in English
    by_query = page(api, body["reference"], lang="en").text
    by_browser = api.client.get(f"/o/{body['reference']}",
                                headers={"Accept-Language": "en-GB,en;q=0.9,fr;q=0.3"}).text
    for html in (by_query, by_browser):
        assert '<html lang="en">' in html
        assert f"Order {body['reference']}" in html
        assert "Received: the store has recorded it." in html
        assert "€52.00" in html and "€56.90" in html
        assert ">Black<" in html
        assert 'href="?lang=fr"' in html
    # The query wins over the browser.
    forced = api.client.get(f"/o/{body['reference']}?lang=fr",
                            headers={"Accept-Language": "en"}).text
    assert '<html lang="fr">' in forced


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_personal_data_beyond_the_initials(api, language):
    body = placed(api)
    html = page(api, body["reference"], lang=language).text.lower()
    for personal in PERSONAL + ("jeanne.dupont@example.fr", "example.fr", "lyon"):
        assert personal not in html, personal
    assert "j. d." in html


def test_the_steps_say_in_words_where_the_order_stands(api):
    _, staff = staff_account(api)
    body = placed(api)
    reference = body["reference"]
    api.client.post(f"/v1/staff/orders/{reference}/status", headers=staff,
                    json={"status": "awaiting_payment"})
    html = page(api, reference, lang="en").text
    steps = re.search(r'<ol class="steps".*?</ol>', html, flags=re.S).group(0)
    assert [re.sub(r"\s+", " ", visible_text(item)).strip()
            for item in re.findall(r"<li.*?</li>", steps)] == [
        "✓ Received done", "… Payment waiting", "○ Shipped to come", "○ Delivered to come"]
    assert 'aria-current="step"' in steps
    assert "Waiting for your payment." in html
    # No mail set up here: no payment link to speak of (tests/central/test_mail.py).
    assert "or give the order&#x27;s reference there" in html and "<svg" in html
    assert "payment link" not in html
    assert f'aria-label="QR code of order {reference}"' in html
    french = text_of(page(api, reference))
    assert "En attente de votre paiement." in french and "donnez-y la référence" in french
    for status in ("paid", "shipped"):
        api.client.post(f"/v1/staff/orders/{reference}/status", headers=staff,
                        json={"status": status})
    shipped = page(api, reference, lang="en").text
    assert "Shipped: it is on its way." in shipped and "<svg" not in shipped


def test_a_cancelled_order_says_so_without_steps(api):
    _, staff = staff_account(api)
    body = placed(api)
    api.client.post(f"/v1/staff/orders/{body['reference']}/status", headers=staff,
                    json={"status": "cancelled"})
    html = page(api, body["reference"]).text
    assert "Annulée." in html and 'class="steps"' not in html


def test_a_hostile_product_name_is_shown_as_text(api):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'
    sku = own_product(api, 1000, name=hostile)
    body = placed(api, line(sku, 1000))
    html = page(api, body["reference"]).text
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x " \
           "onerror=alert(1)&gt;&amp;amp;" in html


def test_the_page_is_never_cached_and_runs_nothing_foreign(api):
    body = placed(api)
    for answer in (page(api, body["reference"]), page(api, "NOPE-" + uuid.uuid4().hex[:6])):
        assert answer.headers["cache-control"] == "no-store"
        policy = answer.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy
        assert "unsafe-inline" not in policy
        assert re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+'", policy)
        assert answer.headers["x-content-type-options"] == "nosniff"


def test_an_unknown_reference_gets_a_friendly_404_page_in_either_language(api):
    french = page(api, "NOPE-" + uuid.uuid4().hex[:6].upper())
    assert french.status_code == 404 and french.headers["content-type"].startswith("text/html")
    assert "Commande introuvable" in french.text and "coupure du réseau" in french.text
    english = page(api, "NOPE-1234", lang="en")
    assert english.status_code == 404
    assert "Order not found" in english.text and "network was down" in english.text
    assert 'href="?lang=fr"' in english.text


def test_a_reference_is_found_whatever_its_case(api):
    body = placed(api)
    assert page(api, body["reference"].lower()).status_code == 200


@pytest.mark.parametrize("reference", [
    "", "x", "%00", "R7%00ABC", "../../etc/passwd", "a/b/c", "<script>", "%3Cscript%3E",
    "R" * 5000, "%F0%9F%98%80", "%FF%FE", "'; DROP TABLE orders; --", "%E2%80%AE",
])
def test_odd_references_get_the_404_page_never_a_500(api, reference):
    answer = api.client.get(f"/o/{reference}")
    assert answer.status_code == 404
    assert "<script>" not in answer.text


# Header values as HTTP clients send them: printable ASCII.
@given(reference=st.text(max_size=40), language=st.text(max_size=10),
       accept=st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60))
@settings(max_examples=60, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_reference_language_or_header_gets_a_page_never_a_500(api, reference, language,
                                                                  accept):
    headers = {"Accept-Language": accept.strip()}
    answer = api.client.get("/o/" + quote(reference, safe=""),
                            params={"lang": language}, headers=headers)
    assert answer.status_code in (200, 404)
    assert answer.headers["content-type"].startswith("text/html")


def test_a_refused_order_shows_the_refusal_until_it_is_accepted(api):
    sku = own_product(api, 8000)
    body = with_lines(order(), line(sku, 5000))
    headers = api.terminal()
    refused, key = post_order(api, headers, body)
    assert refused.status_code == 422
    french = page(api, body["reference"])
    assert french.status_code == 200
    assert "Cette commande n'a pas pu être acceptée. Merci de vous adresser au magasin." \
        in text_of(french)
    assert "le prix d'un des articles a changé" in text_of(french)
    assert "Luma Paris Rivoli" in french.text
    english = page(api, body["reference"], lang="en").text
    assert "This order could not be accepted. Please ask in store." in english
    for personal in PERSONAL:
        assert personal not in french.text.lower()
    # Staff fix the price; the terminal sends the order again: the order wins.
    reprice(api, sku, 5000)
    accepted, _ = post_order(api, headers, body, key)
    assert accepted.status_code == 201
    html = text_of(page(api, body["reference"]))
    assert "Reçue" in html and "pas pu être acceptée" not in html


def test_a_withdrawn_item_is_explained_in_plain_words(api):
    body = with_lines(order(), line("GONE-" + uuid.uuid4().hex[:6], 500))
    post_order(api, api.terminal(), body)
    assert "un des articles n'est plus vendu" in text_of(page(api, body["reference"]))
    assert "one of the items is no longer sold" in page(api, body["reference"],
                                                          lang="en").text


# --- the pieces ---------------------------------------------------------------------------

@pytest.mark.parametrize("header, expected", [
    (None, "fr"), ("", "fr"), ("en", "en"), ("en-US,en;q=0.9", "en"), ("de,en;q=0.5", "en"),
    ("fr;q=0.4,en;q=0.8", "en"), ("en;q=0,fr;q=0.1", "fr"), ("de", "fr"), ("en;q=abc", "fr"),
    ("en;q=nan", "fr"), (",,;;q=", "fr"), ("FR-ca", "fr"),
])
def test_the_language_follows_the_browser(header, expected):
    assert choose_language(None, header) == expected


def test_the_language_asked_wins_if_we_have_it():
    assert choose_language("en", "fr") == "en"
    assert choose_language("de", "en") == "en"


def test_initials_money_and_dates():
    assert initials("Jeanne", "Dupont-Lefèvre") == "J. D."
    assert initials(" élodie", "de la Tour") == "É. D."
    assert money(3900, "EUR", "fr") == "39,00\u00a0€"
    assert money(3900, "EUR", "en") == "€39.00"
    assert money(123456789, "EUR", "fr") == "1\u202f234\u202f567,89\u00a0€"
    assert money(123456789, "EUR", "en") == "€1,234,567.89"
    winter = datetime(2026, 11, 24, 14, 3, tzinfo=timezone.utc)
    summer = datetime(2026, 7, 1, 22, 30, tzinfo=timezone.utc)
    assert when(winter, "fr") == "24 novembre 2026 à 15 h 03"
    assert when(winter, "en") == "24 November 2026 at 15:03"
    assert when(summer, "fr") == "2 juillet 2026 à 00 h 30"      # Paris is UTC+2 in summer
