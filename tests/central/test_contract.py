"""Schemathesis against the OpenAPI the central server serves.

The issue asks for zero 5xx and every response keeping the contract: generated requests,
valid and invalid, with a real terminal's token, are sent to every operation, on SQLite
and PostgreSQL alike, and every check schemathesis has is run on the answers (among them
not_a_server_error, status_code_conformance, content_type_conformance and
response_schema_conformance). Bounded and derandomized, with no example database, so that
CI runs the same cases every time, in about half a minute.
"""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance
from sqlalchemy import select

from central.app import create_app
from central.db import models
from central.db.engine import utc_now
from central.limits import Rate
from central.settings import Settings
from central.staff import add_staff
from central.terminals import token_hash

# Schemathesis needs the operations when pytest collects, before any fixture exists, and
# its fixture-based loader (schemathesis.pytest.from_fixture) fails on pytest 9.2 (it sets
# Function._nodeid, which pytest no longer has). So the contract is read at import from an
# app whose database (empty, in memory) is never used: every request, the checks' own
# probes included, is sent to the app of the `api` fixture instead, and
# test_the_contract_under_test_is_the_one_served makes sure both serve the same OpenAPI.
contract = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings("sqlite://")))

EXAMPLES_PER_OPERATION = 25

# What the issue asks of every answer; every other check schemathesis has runs as well.
ISSUE_CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
                "response_schema_conformance")

# positive_data_acceptance expects any request the schema allows to succeed. For these
# operations, the contract has rules that JSON Schema cannot state, so a schema-valid
# request is rightly refused; every other check still runs on them.
RULES_BEYOND_JSON_SCHEMA = {
    # A cursor is opaque: only one that this server made is accepted (400 bad_cursor).
    "GET /v1/changes",
    # total_cents must be the lines plus the fee, and a reference is unique in the chain
    # (422); an Idempotency-Key used before with another body is refused (422); an item no
    # longer sold, or a price gone up, is refused (422).
    "POST /v1/orders",
    # An Idempotency-Key must be a UUID, and one used before with another body is refused
    # (422), as for orders.
    "POST /v1/reservations",
    # The same for alerts; and an e-mail address is checked beyond any pattern (422).
    "POST /v1/alerts",
    # A range of days must run forwards, span at most 366 days and lie within 2000-2099
    # (422): JSON Schema can bound neither a date nor one parameter by another.
    "GET /v1/analytics/dashboard",
    "GET /v1/analytics/csv/{panel}",
}


# Schemathesis builds the cases of its coverage phase, credentials included, when pytest
# collects, before any fixture runs: the token has to be known by then. So this test's
# terminal has a fixed token, which contract_terminal registers in each database.
CONTRACT_TOKEN = "contract-test-token"
STAFF_USERNAME, STAFF_PASSWORD = "contract-staff", "contract-staff-password"
STAFF_BASIC = "Basic " + base64.b64encode(f"{STAFF_USERNAME}:{STAFF_PASSWORD}".encode()).decode()


@contract.auth(refresh_interval=None, retry_on=[])
class ContractTerminalAuth:
    """Given to schemathesis rather than added to each request, so that it knows the
    header is there: it leaves it out, and expects a 401, in the cases made for that."""

    def get(self, case, context):
        return CONTRACT_TOKEN

    def set(self, case, token, context):
        # The staff and analytics APIs take a staff account instead (a terminal's token
        # gets 401 there).
        credentials = STAFF_BASIC \
            if case.operation.path.startswith(("/v1/staff/", "/v1/analytics/")) \
            else f"Bearer {token}"
        case.headers = {**(case.headers or {}), "Authorization": credentials}


@pytest.fixture
def contract_terminal(api):
    # Schemathesis sends wrong credentials on purpose, many times: with the usual limits
    # its own staff account would soon be refused (429) and the operations never reached.
    # The limiter has tests of its own (test_login_limits.py).
    unlimited = Rate(10**9, 1)
    api.client.app.state.settings = replace(api.client.app.state.settings,
                                            login_rate_per_account=unlimited,
                                            login_rate_per_address=unlimited)
    with api.db.writing() as session:
        terminal = session.scalar(select(models.Terminal).where(
            models.Terminal.token_hash == token_hash(CONTRACT_TOKEN)))
        if terminal is None:
            session.add(models.Terminal(name="contract-test", store_id="paris-rivoli",
                                        token_hash=token_hash(CONTRACT_TOKEN),
                                        created_at=utc_now()))
        else:
            terminal.revoked_at = None          # test_api revokes every terminal once
        if session.scalar(select(models.StaffUser.id).where(
                models.StaffUser.username == STAFF_USERNAME)) is None:
            add_staff(session, STAFF_USERNAME, STAFF_PASSWORD)


def test_the_contract_under_test_is_the_one_served(api):
    assert api.client.get("/openapi.json").json() == contract.raw_schema


def test_the_exceptions_name_real_operations():
    labels = {result.ok().label for result in contract.get_all_operations()}
    assert RULES_BEYOND_JSON_SCHEMA <= labels


def test_the_checks_the_issue_names_are_among_those_run():
    # call_and_validate runs the checks the configuration enables: make sure a future
    # schemathesis does not quietly leave out one of these.
    for result in contract.get_all_operations():
        config = contract.config.checks_config_for(operation=result.ok(), phase=None)
        for name in ISSUE_CHECKS:
            assert getattr(config, name).enabled, (result.ok().label, name)


@contract.parametrize()
# The app and its database are shared by all the cases of an operation on purpose: the
# server must keep its contract whatever earlier requests stored.
@settings(max_examples=EXAMPLES_PER_OPERATION, derandomize=True, database=None,
          deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_answer_keeps_the_contract(case, api, contract_terminal):
    excluded = [positive_data_acceptance] \
        if case.operation.label in RULES_BEYOND_JSON_SCHEMA else []
    case.call_and_validate(app=api.client.app, excluded_checks=excluded)
