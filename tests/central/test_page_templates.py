"""The server's HTML templates: every one escapes what it prints, and none opts out."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from jinja2 import nodes

from central.analytics.page import dashboard_page, login_page
from central.analytics.page_text import TEXT
from central.analytics.queries import FilterProblem, Filters
from central.page_templates import ENVIRONMENT, TEMPLATES_DIR
from central.status_page import LineView, OrderView, RefusalView, order_page, refusal_page

HOSTILE = "</title><script>alert('x')</script>\"><img src=x onerror=alert(1)>"
ESCAPED = ("&lt;/title&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&gt;"
           "&lt;img src=x onerror=alert(1)&gt;")


def template_names() -> list[str]:
    names = sorted(ENVIRONMENT.list_templates())
    on_disk = sorted(str(path.relative_to(TEMPLATES_DIR))
                     for path in TEMPLATES_DIR.rglob("*.html"))
    assert names == on_disk and names
    return names


@pytest.mark.parametrize("name", template_names())
def test_every_template_escapes_by_default_and_never_opts_out(name):
    autoescape = ENVIRONMENT.autoescape
    assert autoescape is True or autoescape(name) is True
    source = ENVIRONMENT.loader.get_source(ENVIRONMENT, name)[0]
    tree = ENVIRONMENT.parse(source)
    assert not list(tree.find_all((nodes.EvalContextModifier,))), \
        f"{name} turns autoescape off"
    assert "safe" not in {node.name for node in tree.find_all(nodes.Filter)}, \
        f"{name} marks a value safe"


def test_a_value_is_escaped_with_the_entities_the_pages_always_used():
    page = ENVIRONMENT.from_string("<p title=\"{{ value }}\">{{ value }}</p>")
    assert page.render(value="<a href='x'>\"&\"</a>") == (
        "<p title=\"&lt;a href=&#x27;x&#x27;&gt;&quot;&amp;&quot;&lt;/a&gt;\">"
        "&lt;a href=&#x27;x&#x27;&gt;&quot;&amp;&quot;&lt;/a&gt;</p>")


def hostile_data() -> dict:
    """Every text a terminal or the catalog supplies, hostile."""
    store = {"store_id": "s1", "store": HOSTILE, "ratings": 3, "average_score": 2.5,
             "score_1": 1, "score_2": 0, "score_3": 1, "score_4": 1, "flagged_misuse": 1}
    return {
        "stores": [store],
        "heatmap": [{"store_id": "s1", "hour": 12, "ratings": 3, "average_score": 2.5}],
        "moments": [], "moment_min_ratings": 5, "best_moments": [], "worst_moments": [],
        "trend": [{"week": "2026-11-02", "ratings": 3, "average_score": 2.5, "sessions": 4}],
        "reasons": [{"reason": HOSTILE, "label_fr": HOSTILE, "label_en": HOSTILE,
                     "polarity": None, "ratings": 2, "average_score": 2.0}],
        "funnel": [{"store_id": "s1", "store": HOSTILE, "sessions": 4, "searches": 2,
                    "zero_result_searches": 1, "product_views": 1, "orders": 1}],
        "zero_results": [{"text": HOSTILE, "searches": 1, "stores": 1}],
        "reservations": [{"store_id": "s1", "store": HOSTILE, "reserved": 2, "held": 1,
                          "collected": 1, "expired": 0, "cancelled": 0}],
        "alerts": [{"store_id": "s1", "store": HOSTILE, "asked": 2, "confirmed": 1,
                    "sent": 1, "followed": 1, "follow_unknown": 0}],
    }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hostile_texts_reach_the_dashboard_as_text(language):
    page = dashboard_page(language, hostile_data(),
                          Filters(date(2026, 11, 1), date(2026, 11, 14), "s1"),
                          [("s1", HOSTILE)], HOSTILE, HOSTILE,
                          FilterProblem.END_BEFORE_START)
    assert "<script" not in page and "<img" not in page
    # The store in the filters, the table, the heatmap, the funnel, the reservations and
    # the alerts; the search; the reason code; the user's name and the CSRF token.
    assert page.count(ESCAPED) >= 9
    assert TEXT[language]["problems"][FilterProblem.END_BEFORE_START] in page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hostile_texts_reach_the_login_page_as_text(language):
    page = login_page(language, HOSTILE, HOSTILE)
    assert "<script" not in page and page.count(ESCAPED) == 2


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_filter_problem_has_its_words(language):
    assert set(TEXT[language]["problems"]) == set(FilterProblem)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hostile_texts_reach_the_status_pages_as_text(language):
    moment = datetime(2026, 11, 2, 17, 5, tzinfo=timezone.utc)
    lines = (LineView(HOSTILE, HOSTILE, HOSTILE, 1, 1250),)
    order = OrderView("AB12-0001", "awaiting_payment", HOSTILE, moment, HOSTILE, lines, 0,
                      1250, HOSTILE)
    page = order_page(order, language)
    assert "<script" not in page and "<img" not in page
    # The store, the initials, the item's name, size and colour, and the currency of
    # its price, the delivery fee and the total.
    assert page.count(ESCAPED) == 8
    assert page.count("<svg") == 1                  # the QR code, the one markup passed
    refusal = refusal_page(RefusalView("AB12-0001", HOSTILE, moment, HOSTILE), language)
    assert "<script" not in refusal and refusal.count(ESCAPED) == 1
