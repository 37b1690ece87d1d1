"""docs/api.md names every route the server serves, and the error codes it answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from central.app import create_app
from central.settings import Settings

API_DOC = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()


@pytest.mark.parametrize("path", sorted(create_app(Settings("sqlite://")).openapi()["paths"]))
def test_every_route_of_the_openapi_is_documented(path):
    assert path in API_DOC


@pytest.mark.parametrize("code", ["item_withdrawn", "price_changed", "transition_not_allowed",
                                  "CENTRAL_PRICE_TOLERANCE_PERCENT", "GET /o/{reference}"])
def test_the_order_checks_and_the_status_page_are_documented(code):
    assert code in API_DOC
