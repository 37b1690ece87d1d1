import shutil
from pathlib import Path

import pytest

from kiosk.core.config import MASK, ConfigError, check_config_command, load_config

CONFIG_DIR = Path(__file__).resolve().parents[2] / "config"

MINIMAL = """\
[terminal]
store_id = "lyon-republique"
terminal_id = "lyon-02"

[paths]
data_dir = "data"
log_dir = "logs"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return caught.value.problems


def test_the_shipped_example_is_valid_once_its_token_file_exists(tmp_path):
    text = (CONFIG_DIR / "kiosk.example.toml").read_text(encoding="utf-8")
    (tmp_path / "token").write_text("s3cret\n")
    path = write(tmp_path, text.replace('"/etc/kiosk/token"', '"token"'))
    config = load_config(path)
    assert config.store_id == "paris-rivoli"
    assert config.read_token() == "s3cret"
    assert config.languages == ("fr", "en")


def test_the_demo_config_is_valid():
    config = load_config(CONFIG_DIR / "demo.toml")
    assert config.central_url == ""
    assert config.images_dir.name == "images"


def test_defaults_fill_what_is_left_out_and_paths_are_relative_to_the_file(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert config.data_dir == (tmp_path / "data").resolve()
    assert config.images_dir == config.data_dir / "images"
    assert (config.inactivity_timeout_seconds, config.countdown_seconds) == (90, 20)
    assert config.default_language == "fr" and config.fullscreen and not config.show_cursor


def test_a_missing_file_is_named(tmp_path):
    [problem] = problems_of(tmp_path / "absent.toml")
    assert "absent.toml" in str(problem) and "not found" in problem.reason


def test_a_syntax_error_names_its_line(tmp_path):
    [problem] = problems_of(write(tmp_path, MINIMAL + "\n[session]\ncountdown_seconds = = 3\n"))
    assert problem.line == 10
    assert "TOML syntax error" in problem.reason
    assert str(problem).startswith(f"{tmp_path / 'kiosk.toml'}:10: ")


def test_an_unknown_key_is_named_with_its_line_and_a_suggestion(tmp_path):
    text = MINIMAL + "[session]\ninactivity_timout_seconds = 60\n"
    [problem] = problems_of(write(tmp_path, text))
    assert problem.key == "session.inactivity_timout_seconds"
    assert problem.line == 9
    assert "did you mean 'session.inactivity_timeout_seconds'?" in problem.reason


def test_a_misspelled_section_is_suggested(tmp_path):
    [problem] = problems_of(write(tmp_path, MINIMAL + "[dispaly]\nshow_cursor = true\n"))
    assert problem.key == "dispaly" and "did you mean 'display'?" in problem.reason


@pytest.mark.parametrize("line, key, words", [
    ("[session]\ncountdown_seconds = \"20\"", "session.countdown_seconds", "expected an integer"),
    ("[session]\ncountdown_seconds = true", "session.countdown_seconds", "boolean"),
    ("[session]\ncountdown_seconds = 2.5", "session.countdown_seconds", "expected an integer"),
    ("[session]\ncountdown_seconds = 500", "session.countdown_seconds", "between 5 and 120"),
    ("[display]\norientation = \"diagonal\"", "display.orientation", "must be one of"),
    ("[display]\nshow_cursor = \"yes\"", "display.show_cursor", "true or false"),
    ("[languages]\noffered = [\"fr\", \"de\"]", "languages.offered", "unknown language 'de'"),
    ("[languages]\noffered = [\"en\"]\ndefault = \"fr\"", "languages.default", "not among"),
    ("[central]\nurl = \"ftp://x\"", "central.url", "http"),
    ("[website]\nproduct_url_template = \"https://x/{id}\"", "website.product_url_template",
     "{sku}"),
    ("[admin]\npin_hash = \"1234\"", "admin.pin_hash", "kiosk hash-pin"),
    ("[admin]\npin_hash = \"pbkdf2_sha256$1000$c2FsdA$aGFzaA\"", "admin.pin_hash", "iterations"),
    ("[locale]\ncurrency = \"euro\"", "locale.currency", "three-letter"),
])
def test_wrong_values_are_refused_with_key_line_and_reason(tmp_path, line, key, words):
    [problem] = problems_of(write(tmp_path, MINIMAL + line + "\n"))
    assert problem.key == key
    assert problem.line is not None and problem.line > 7
    assert words in problem.reason


def test_every_problem_is_reported_at_once_in_line_order(tmp_path):
    text = '[terminal]\nstore_id = "Bad Id"\n[session]\ncountdown_seconds = 1\ncolour = 3\n'
    problems = problems_of(write(tmp_path, text))
    keys = [p.key for p in problems]
    assert keys[:3] == ["terminal.store_id", "session.countdown_seconds", "session.colour"]
    assert {"terminal.terminal_id", "paths.data_dir", "paths.log_dir"} <= set(keys)


@pytest.mark.parametrize("setup, words", [
    (lambda d: None, "No such file"),
    (lambda d: (d / "token").write_text("  \n"), "empty"),
    (lambda d: (d / "token").mkdir(), "directory"),
])
def test_a_missing_empty_or_unreadable_token_file_is_refused(tmp_path, setup, words):
    setup(tmp_path)
    [problem] = problems_of(write(tmp_path, MINIMAL + '[central]\ntoken_file = "token"\n'))
    assert problem.key == "central.token_file" and problem.line == 9
    assert words in problem.reason


def test_check_config_prints_ok_or_every_problem(tmp_path, capsys):
    good = write(tmp_path, MINIMAL)
    assert check_config_command(good) == 0
    assert capsys.readouterr().out.strip() == "OK"

    bad = tmp_path / "bad.toml"
    shutil.copy(good, bad)
    bad.write_text(MINIMAL + "[session]\ncountdown_seconds = 0\n")
    assert check_config_command(bad) == 2
    err = capsys.readouterr().err
    assert f"{bad}:9: session.countdown_seconds: must be between 5 and 120, got 0" in err
    assert "Traceback" not in err


def test_masked_view_hides_the_pin_hash(tmp_path):
    pin = "pbkdf2_sha256$600000$c2FsdHNhbHQ$aGFzaGhhc2g"
    config = load_config(write(tmp_path, MINIMAL + f'[admin]\npin_hash = "{pin}"\n'))
    shown = config.masked()
    assert shown["admin.pin_hash"] == MASK
    assert pin not in str(shown)
    assert shown["terminal.store_id"] == "lyon-republique"
