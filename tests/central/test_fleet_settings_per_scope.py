"""Fleet configuration on the server: checked files kept per scope, and each terminal's
heartbeat answer carrying the chain's settings overridden by its store's and its own."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import delete

from central.db import models
from central.fleet_config import check_file, keep
from central.terminals import add_terminal

BEAT = {"version": "0.1.0", "terminal_time": datetime(2026, 11, 24, 15, 10,
                                                       tzinfo=timezone.utc).isoformat(),
        "queue": {"order": 0, "rating": 0, "event": 0, "dead": 0}}


@pytest.fixture
def fleet(api):
    """The shared database with no fleet settings, as it is left afterwards."""
    with api.db.writing() as session:
        session.execute(delete(models.FleetSettings))
    yield api
    with api.db.writing() as session:
        session.execute(delete(models.FleetSettings))


def push(api, tmp_path, scope: str, target: str, text: str) -> None:
    path = tmp_path / f"{scope}-{target or 'all'}.toml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert checked.problems == []
    with api.db.writing() as session:
        keep(session, scope, target, checked)


def terminal(api, store: str) -> tuple[str, dict[str, str]]:
    name = f"fleet-{uuid.uuid4().hex[:8]}"
    with api.db.writing() as session:
        token = add_terminal(session, store, name)
    return name, {"Authorization": f"Bearer {token}"}


def config_sent(api, headers) -> dict:
    answer = api.client.post("/v1/heartbeat", json=BEAT, headers=headers)
    assert answer.status_code == 200
    return answer.json()["config"]


def test_each_terminal_gets_the_chain_then_its_store_then_its_own_settings(fleet, tmp_path):
    own_name, own = terminal(fleet, "paris-rivoli")
    _, same_store = terminal(fleet, "paris-rivoli")
    _, elsewhere = terminal(fleet, "lyon-republique")
    nothing = config_sent(fleet, own)
    assert nothing["settings"] == {} and nothing["version"] == 1 and nothing["revision"]

    push(fleet, tmp_path, "chain", "", "[session]\ninactivity_timeout_seconds = 45\n"
                                       "countdown_seconds = 10\n")
    push(fleet, tmp_path, "store", "paris-rivoli", "[session]\ncountdown_seconds = 15\n"
                                                   '[languages]\noffered = ["fr"]\n')
    push(fleet, tmp_path, "terminal", own_name, "[session]\ninactivity_timeout_seconds = 60\n")
    assert config_sent(fleet, own)["settings"] == {
        "session.inactivity_timeout_seconds": 60, "session.countdown_seconds": 15,
        "languages.offered": ["fr"]}
    assert config_sent(fleet, same_store)["settings"] == {
        "session.inactivity_timeout_seconds": 45, "session.countdown_seconds": 15,
        "languages.offered": ["fr"]}
    assert config_sent(fleet, elsewhere)["settings"] == {
        "session.inactivity_timeout_seconds": 45, "session.countdown_seconds": 10}
    # The revision follows the settings: the same while they stay, another once they change.
    revision = config_sent(fleet, own)["revision"]
    assert revision != nothing["revision"] and config_sent(fleet, own)["revision"] == revision
    push(fleet, tmp_path, "terminal", own_name, "")          # its override cleared
    cleared = config_sent(fleet, own)
    assert cleared["revision"] != revision
    assert cleared["settings"]["session.inactivity_timeout_seconds"] == 45


def test_shown_attributes_are_sent_as_a_file_writes_them(fleet, tmp_path):
    _, headers = terminal(fleet, "paris-rivoli")
    push(fleet, tmp_path, "chain", "", "[catalog]\nshown_attributes = [\n"
         '  { key = "material", fr = "Matière", en = "Material" },\n]\n')
    assert config_sent(fleet, headers)["settings"] == {"catalog.shown_attributes": [
        {"key": "material", "fr": "Matière", "en": "Material"}]}


def test_a_renamed_key_in_a_pushed_file_is_kept_under_its_new_name(tmp_path, monkeypatch):
    from kiosk_contract import config_schema
    monkeypatch.setattr(config_schema, "CONFIG_VERSION", 2)
    monkeypatch.setattr(config_schema, "UPGRADES", (config_schema.Upgrade(
        2, (("session.idle_seconds", "session.inactivity_timeout_seconds"),)),))
    path = tmp_path / "old.toml"
    path.write_text("[session]\nidle_seconds = 50\n", encoding="utf-8")
    checked = check_file(path)
    assert checked.problems == []
    assert checked.settings == {"session.inactivity_timeout_seconds": 50}
    [note] = checked.notes
    assert (note.file, note.line, note.key) == (path, 2, "session.idle_seconds")
    assert "renamed session.inactivity_timeout_seconds" in note.reason
