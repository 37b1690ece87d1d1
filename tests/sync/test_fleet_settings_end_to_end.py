"""Fleet configuration end to end: IT pushes settings with `central config push`, a real
terminal syncs with a real central server, and applies them at its next idle reset, the
keys its own file sets winning; a bad file is refused before anything is pushed."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from support.terminal import start_kiosk

from kiosk.core.config import load_config
from kiosk.core.fleet_config import kept_revision


def central_config(central, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "central", "config", *args],
                          capture_output=True, text=True, env=central._env(),
                          cwd=central.workdir, timeout=120)


@pytest.fixture
def pinned_config(kiosk_config):
    """The suite's terminal, its own file setting the countdown: that key is pinned."""
    path = kiosk_config.source
    path.write_text(path.read_text(encoding="utf-8") + "[session]\ncountdown_seconds = 25\n",
                    encoding="utf-8")
    return load_config(path)


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pushed_settings_reach_the_terminal_and_apply_at_its_next_idle_reset(
        qtbot, qapp, central, pinned_config, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="kiosk.ui.fleet_settings")
    name, data_dir = pinned_config.terminal_id, pinned_config.data_dir
    kiosk = start_kiosk(qtbot, qapp, pinned_config)
    qtbot.waitUntil(lambda: kiosk.sync is not None and kiosk.sync.rounds_done > 0,
                    timeout=60_000)
    first = kept_revision(data_dir)      # nothing pushed yet: no settings, a revision still
    assert first and kiosk.config.from_fleet == ()
    kiosk.start_session()                # a shopper is at the kiosk

    chain = write(tmp_path, "chain.toml", "version = 1\n[session]\n"
                  "inactivity_timeout_seconds = 45\ncountdown_seconds = 10\n"
                  "[display]\ntext_scale = 1.5\n")
    store = write(tmp_path, "store.toml", "[delivery]\nstandard_fee = 3.5\n")
    terminal = write(tmp_path, "terminal.toml", "[session]\ninactivity_timeout_seconds = 60\n")
    pushed = central_config(central, "push", str(chain), "--chain")
    assert pushed.returncode == 0, pushed.stderr
    assert "session.inactivity_timeout_seconds = 45\tapplies at the next idle reset" \
        in pushed.stdout
    assert "display.text_scale = 1.5\tapplies at the next restart" in pushed.stdout
    for file, where in ((store, ["--store", "paris-rivoli"]), (terminal, ["--terminal", name])):
        assert central_config(central, "push", str(file), *where).returncode == 0
    shown = central_config(central, "show", "--terminal", name).stdout
    assert "session.inactivity_timeout_seconds = 60" in shown     # its own override wins

    qtbot.waitUntil(lambda: kept_revision(data_dir) != first, timeout=60_000)
    qtbot.wait(200)
    # Kept, not applied in front of the shopper.
    assert kiosk.config.inactivity_timeout_seconds == 90 and kiosk.idle.timeout_s == 90

    kiosk.end_session()
    qtbot.waitUntil(lambda: kiosk.config.inactivity_timeout_seconds == 60, timeout=10_000)
    config = kiosk.config
    assert kiosk.idle.timeout_s == 60 and config.standard_fee == 3.5
    assert config.countdown_seconds == 25 and kiosk.idle.countdown_s == 25   # pinned locally
    assert config.from_fleet == ("delivery.standard_fee", "display.text_scale",
                                 "session.inactivity_timeout_seconds")
    assert kiosk.theme.scale == 1.0          # read at start only: waits for a restart
    assert any("waiting for a restart of the kiosk: display.text_scale" in record.message
               for record in caplog.records)
    # The next start reads what was kept, even before the server answers.
    assert load_config(pinned_config.source).text_scale == 1.5
    kiosk.shutdown()


def test_a_bad_file_is_refused_by_check_and_push_naming_file_key_and_reason(
        central, tmp_path):
    bad = write(tmp_path, "bad.toml", "[session]\ninactivity_timeout_seconds = 5\n"
                "[paths]\ndata_dir = \"/tmp\"\n[display]\ntext_scal = 1.5\n")
    before = central_config(central, "show").stdout
    for args in (["check", str(bad)], ["push", str(bad), "--store", "paris-rivoli"]):
        done = central_config(central, *args)
        assert done.returncode == 2
        problems = done.stderr.splitlines()
        assert problems[0] == (f"{bad}:2: session.inactivity_timeout_seconds: must be "
                               "between 15 and 1800, got 5")
        assert problems[1].startswith(f"{bad}:4: paths.data_dir: set in each terminal's own "
                                      "file only")
        assert problems[2] == (f"{bad}:6: display.text_scal: unknown key (did you mean "
                               "'display.text_scale'?)")
    assert central_config(central, "show").stdout == before        # nothing pushed
    unknown = central_config(central, "push", str(write(tmp_path, "ok.toml", "")),
                             "--store", "nowhere")
    assert unknown.returncode == 2 and "no store 'nowhere'" in unknown.stderr
