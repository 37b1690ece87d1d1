"""The [keypad] section: which key each button of an accessible keypad sends."""


import pytest
from support.config_files import MINIMAL, write

from kiosk.core.config import ConfigError, load_config


def test_a_terminal_without_a_keypad_section_takes_the_common_keys(tmp_path):
    bindings = load_config(write(tmp_path, MINIMAL)).keypad_bindings
    assert bindings["up"] == ("Up",)
    assert bindings["select"] == ("Return", "Enter")
    assert bindings["back"] == ("Backspace", "Back")
    assert bindings["volume_up"] == ("VolumeUp", "F4")
    assert set(bindings) == {"up", "down", "left", "right", "select", "back", "help",
                             "pause", "volume_up", "volume_down"}


def test_it_maps_a_keypad_that_sends_other_keys(tmp_path):
    text = MINIMAL + '[keypad]\nselect = ["Space"]\nhelp = ["H", "F12"]\nback = ["B"]\n'
    bindings = load_config(write(tmp_path, text)).keypad_bindings
    assert (bindings["select"], bindings["help"], bindings["back"]) == \
        (("Space",), ("H", "F12"), ("B",))


@pytest.mark.parametrize("line, key, words", [
    ('select = "Return"', "keypad.select", "expected a list of strings, got a string"),
    ("up = []", "keypad.up", "must name at least one key"),
    ('help = ["Helpp"]', "keypad.help", "unknown key 'Helpp'"),
    ('back = ["Escape"]', "keypad.back", "'Escape' cannot be used: the kiosk blocks it"),
    ('volume_up = ["Up"]', "keypad.volume_up", "'Up' is already the key for up"),
    ("knob = [\"F5\"]", "keypad.knob", "unknown key"),
])
def test_a_wrong_keypad_entry_names_file_key_line_and_reason(tmp_path, line, key, words):
    path = write(tmp_path, MINIMAL + "[keypad]\n" + line + "\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.key, problem.line) == (path, key, 9)
    assert words in problem.reason
