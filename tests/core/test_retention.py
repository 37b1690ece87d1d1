"""How long the server keeps customer data, as a heartbeat answer says, read trusting
nothing: what the kiosk's privacy notice then states."""

from __future__ import annotations

import pytest

from kiosk.core.retention import RetentionDays, retention_days_from

TOLD = {"orders": 1095, "reservations": 30, "alerts": 90, "refusals": 90,
        "mail_messages": 90}


@pytest.mark.parametrize(("answer", "read"), [
    ({"server_time": "2026-11-24T14:10:01Z", "retention_days": TOLD},
     RetentionDays(1095, 30, 90, 90, 90)),
    # A server from before these settings says nothing: the notice keeps its wording.
    ({"server_time": "2026-11-24T14:10:01Z"}, None),
    ({"retention_days": {**TOLD, "orders": "1095"}}, None),
    ({"retention_days": {**TOLD, "orders": True}}, None),
    ({"retention_days": {**TOLD, "orders": 0}}, None),
    ({"retention_days": {key: value for key, value in TOLD.items() if key != "alerts"}},
     None),
    ({"retention_days": [1095]}, None),
    ([], None),
    (None, None),
])
def test_the_server_s_word_is_read_only_when_it_is_clear(answer, read):
    assert retention_days_from(answer) == read
