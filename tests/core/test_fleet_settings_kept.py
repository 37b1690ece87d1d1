"""The settings central sent, as the terminal keeps and reads them with its own file."""

from __future__ import annotations

import json

from support.config_files import MINIMAL, write

from kiosk.core.config import load_config, reload_for_fleet
from kiosk.core.fleet_config import (
    FILE_NAME,
    FleetConfig,
    fleet_config_from,
    keep_fleet_config,
    kept_revision,
)


def keep(tmp_path, settings: dict, revision: str = "r1") -> None:
    (tmp_path / "data").mkdir(exist_ok=True)
    assert keep_fleet_config(tmp_path / "data", FleetConfig(revision, 1, settings))


def test_central_settings_fill_what_the_file_leaves_out_and_the_file_wins(tmp_path):
    keep(tmp_path, {"session.inactivity_timeout_seconds": 45, "session.countdown_seconds": 10,
                    "languages.default": "en"})
    path = write(tmp_path, MINIMAL + "[session]\ncountdown_seconds = 25\n")
    config = load_config(path)
    assert config.inactivity_timeout_seconds == 45 and config.default_language == "en"
    assert config.countdown_seconds == 25          # set in the file: pinned
    assert config.from_fleet == ("languages.default", "session.inactivity_timeout_seconds")
    assert config.fleet_revision == "r1" and config.notes == ()
    assert load_config(path, fleet=False).inactivity_timeout_seconds == 90


def test_a_fleet_setting_the_kiosk_cannot_use_is_left_out_with_a_note(tmp_path):
    keep(tmp_path, {"session.inactivity_timeout_seconds": 5, "central.ca_bundle": "/tmp/ca.pem",
                    "session.renamed_later": 3, "delivery.standard_fee": 2.5})
    config = load_config(write(tmp_path, MINIMAL))
    assert config.inactivity_timeout_seconds == 90 and config.standard_fee == 2.5
    reasons = {note.key: note.reason for note in config.notes}
    assert reasons["session.inactivity_timeout_seconds"] == \
        "not applied: must be between 15 and 1800, got 5"
    assert reasons["central.ca_bundle"] == "not applied: only the terminal's own file sets it"
    assert reasons["session.renamed_later"] == "not applied: this kiosk has no such key"
    assert {note.file for note in config.notes} == {(tmp_path / "data" / FILE_NAME)}


def test_a_fleet_setting_at_odds_with_the_file_is_left_out_not_refused(tmp_path):
    keep(tmp_path, {"languages.default": "en", "display.text_scale": 1.5})
    config = load_config(write(tmp_path, MINIMAL + '[languages]\noffered = ["fr"]\n'))
    assert config.default_language == "fr" and config.text_scale == 1.5
    [note] = config.notes
    assert note.key == "languages.default"
    assert note.reason == "not applied: 'en' is not among the offered languages"


def test_a_damaged_fleet_file_is_noted_and_the_file_alone_is_used(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / FILE_NAME).write_text("{not json", encoding="utf-8")
    config = load_config(write(tmp_path, MINIMAL))
    [note] = config.notes
    assert note.file == tmp_path / "data" / FILE_NAME
    assert note.reason.startswith("fleet settings not applied:")
    assert config.fleet_revision == "" and config.from_fleet == ()


def test_the_terminal_keeps_only_a_well_formed_answer_and_only_when_it_changed(tmp_path):
    assert fleet_config_from({"server_time": "..."}) is None           # an older server
    assert fleet_config_from({"config": {"revision": "", "version": 1, "settings": {}}}) \
        is None
    assert fleet_config_from({"config": {"revision": "a", "version": 1, "settings": []}}) \
        is None
    sent = fleet_config_from({"config": {"revision": "a", "version": 1,
                                         "settings": {"stock.few_left_threshold": 2}}})
    assert keep_fleet_config(tmp_path, sent) and not keep_fleet_config(tmp_path, sent)
    assert json.loads((tmp_path / FILE_NAME).read_text())["settings"] == \
        {"stock.few_left_threshold": 2}
    assert kept_revision(tmp_path) == "a"
    assert not list(tmp_path.glob("*.partial"))


def test_the_config_is_read_again_only_when_central_sent_other_settings(tmp_path):
    path = write(tmp_path, MINIMAL)
    keep(tmp_path, {"stock.few_left_threshold": 2}, "r1")
    running = load_config(path)
    assert reload_for_fleet(running) is None
    keep(tmp_path, {"stock.few_left_threshold": 4}, "r2")
    reread = reload_for_fleet(running)
    assert reread.few_left_threshold == 4 and reread.fleet_revision == "r2"
