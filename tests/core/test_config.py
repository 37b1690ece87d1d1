import dataclasses
import tomllib
from pathlib import Path

import pytest
from support.config_files import MINIMAL, write

from kiosk.core.config import (
    DEFAULT_SHOWN_ATTRIBUTES,
    MASK,
    SCHEMA,
    ConfigError,
    KioskConfig,
    ShownAttribute,
    check_config_command,
    load_config,
    synonyms_path,
)
from kiosk_contract import config_schema
from kiosk_contract.keypad import DEFAULT_BINDINGS

CONFIG_DIR = Path(__file__).resolve().parents[2] / "config"

PIN_HASH = "pbkdf2_sha256$600000$c2FsdHNhbHQ$aGFzaGhhc2g"




def problems_of(path: Path) -> list:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return caught.value.problems


def test_the_shipped_example_is_valid_once_its_token_file_exists(tmp_path):
    text = (CONFIG_DIR / "kiosk.example.toml").read_text(encoding="utf-8")
    (tmp_path / "token").write_text("s3cret\n")
    config = load_config(write(tmp_path, text.replace('"/etc/kiosk/token"', '"token"')))
    assert (config.store_id, config.terminal_id) == ("paris-rivoli", "paris-rivoli-01")
    assert config.read_token() == "s3cret"
    assert config.languages == ("fr", "en")
    assert config.images_dir == Path("/var/lib/kiosk/images")


def test_the_example_sets_every_key_of_the_schema():
    document = tomllib.loads((CONFIG_DIR / "kiosk.example.toml").read_text(encoding="utf-8"))
    assert document.pop("version") == config_schema.CONFIG_VERSION
    written = {f"{section}.{key}" for section, body in document.items() for key in body}
    assert written == {setting.key for setting in SCHEMA}


def test_each_key_is_read_as_the_type_of_the_field_it_fills():
    by_key = {setting.key: setting for setting in SCHEMA}
    hints = {field.name: field.type for field in dataclasses.fields(KioskConfig)}
    assert (by_key["languages.offered"].type, hints["languages"]) == (list, "tuple[str, ...]")
    assert (by_key["central.token_file"].type, hints["token_file"]) == (Path, "Path | None")
    assert by_key["catalog.shown_attributes"].type is ShownAttribute
    assert by_key["display.text_scale"].type is float
    assert by_key["keypad.volume_up"].default == DEFAULT_BINDINGS["volume_up"]
    # Beside the keys the config holds only where it was read from and what the fleet gave.
    assert set(hints) - {s.attr for s in SCHEMA} == {"source", "fleet_revision", "from_fleet",
                                                     "notes"}


def test_the_demo_config_is_valid():
    config = load_config(CONFIG_DIR / "demo.toml")
    assert config.terminal_id == "paris-rivoli-01"
    assert config.central_url == "" and config.read_token() is None
    assert config.show_cursor and config.fullscreen
    assert config.data_dir == (CONFIG_DIR.parent / "var/demo/data").resolve()


def test_defaults_fill_what_is_left_out_and_paths_are_relative_to_the_file(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert config.data_dir == (tmp_path / "data").resolve()
    assert config.log_dir == (tmp_path / "logs").resolve()
    assert config.images_dir == config.data_dir / "images"
    assert (config.inactivity_timeout_seconds, config.countdown_seconds) == (90, 20)
    assert config.sync_interval_seconds == 30 and config.orientation == "auto"
    assert config.default_language == "fr" and config.fullscreen and not config.show_cursor
    assert (config.locale, config.currency) == ("fr_FR", "EUR")
    assert config.text_scale == 1.0


def test_a_whole_number_is_a_valid_text_scale(tmp_path):
    config = load_config(write(tmp_path, "[display]\ntext_scale = 2\n" + MINIMAL))
    assert config.text_scale == 2.0 and isinstance(config.text_scale, float)


def test_relative_paths_do_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "token").write_text("abc")
    text = MINIMAL.replace('"data"', '"../state"') + '[central]\ntoken_file = "token"\n'
    path = write(tmp_path / "etc", text)
    monkeypatch.chdir(tmp_path.parent)
    config = load_config(path.relative_to(tmp_path.parent))
    assert config.data_dir == (tmp_path / "state").resolve()
    assert config.token_file == (tmp_path / "etc" / "token").resolve()
    assert config.read_token() == "abc"


def test_a_missing_file_is_named(tmp_path):
    [problem] = problems_of(tmp_path / "absent.toml")
    assert problem.key is None and problem.line is None
    assert str(problem) == f"{tmp_path / 'absent.toml'}: file not found"


def test_an_unreadable_file_is_reported_not_raised(tmp_path):
    [problem] = problems_of(tmp_path)  # a directory
    assert problem.key is None and "cannot read" in problem.reason


def test_a_syntax_error_names_its_line_with_tomllibs_reason(tmp_path):
    [problem] = problems_of(write(tmp_path, MINIMAL + "\n[session]\ncountdown_seconds = = 3\n"))
    assert problem.line == 10
    assert problem.reason == "Invalid value"
    assert str(problem) == f"{tmp_path / 'kiosk.toml'}:10: Invalid value"


def test_an_unknown_key_is_named_with_its_line_and_a_suggestion(tmp_path):
    text = MINIMAL + "[session]\ninactivity_timout_seconds = 60\n"
    [problem] = problems_of(write(tmp_path, text))
    assert problem.key == "session.inactivity_timout_seconds"
    assert problem.line == 9
    assert "did you mean 'session.inactivity_timeout_seconds'?" in problem.reason


def test_a_misspelled_section_is_suggested(tmp_path):
    [problem] = problems_of(write(tmp_path, MINIMAL + "[sesion]\ncountdown_seconds = 20\n"))
    assert problem.key == "sesion" and problem.line == 8
    assert "did you mean 'session'?" in problem.reason


def test_a_dotted_key_is_located_too(tmp_path):
    [problem] = problems_of(write(tmp_path, "display.orientation = 'up'\n" + MINIMAL))
    assert (problem.key, problem.line) == ("display.orientation", 1)


@pytest.mark.parametrize("line, key, words", [
    ("[session]\ncountdown_seconds = \"20\"", "session.countdown_seconds",
     "expected an integer, got a string ('20')"),
    ("[session]\ncountdown_seconds = true", "session.countdown_seconds",
     "expected an integer, got a boolean (true)"),
    ("[session]\ncountdown_seconds = 20.0", "session.countdown_seconds",
     "expected an integer, got a decimal number"),
    ("[session]\ncountdown_seconds = 500", "session.countdown_seconds",
     "must be between 5 and 120, got 500"),
    ("[central]\nsync_interval_seconds = 4", "central.sync_interval_seconds", "between 5 and"),
    ("[display]\norientation = \"diagonal\"", "display.orientation", "must be one of"),
    ("[display]\nshow_cursor = \"yes\"", "display.show_cursor", "expected true or false"),
    ("[display]\ntext_scale = 3", "display.text_scale", "must be between 1.0 and 2.0, got 3"),
    ("[display]\ntext_scale = \"big\"", "display.text_scale",
     "expected a number, got a string ('big')"),
    ("[languages]\noffered = \"fr\"", "languages.offered", "expected a list of strings"),
    ("[languages]\noffered = [\"fr\", \"de\"]", "languages.offered", "unknown language 'de'"),
    ("[languages]\noffered = [\"fr\", \"fr\"]", "languages.offered", "twice"),
    ("[languages]\noffered = []", "languages.offered", "at least one"),
    ("[languages]\noffered = [\"en\"]\ndefault = \"fr\"", "languages.default",
     "'fr' is not among the offered languages"),
    ("[central]\nurl = \"ftp://x\"", "central.url", "http"),
    ("[website]\nproduct_url_template = \"https://x/{id}\"", "website.product_url_template",
     "must contain {sku}"),
    ("[website]\nproduct_url_template = \"https://x/{sku}/{foo}\"",
     "website.product_url_template", "unknown placeholder {foo}"),
    ("[website]\nproduct_url_template = \"https://x/{sku\"", "website.product_url_template",
     "not a valid template"),
    ("[admin]\npin_hash = \"1234\"", "admin.pin_hash", "pbkdf2_sha256$<iterations>"),
    ("[admin]\npin_hash = \"pbkdf2_sha256$1000$c2FsdA$aGFzaA\"", "admin.pin_hash",
     "at least 100000"),
    ("[locale]\ncurrency = \"euro\"", "locale.currency", "three-letter"),
    ("[locale]\nlocale = \"fr-FR\"", "locale.locale", "like fr_FR"),
])
def test_wrong_values_are_refused_with_key_line_and_reason(tmp_path, line, key, words):
    [problem] = problems_of(write(tmp_path, MINIMAL + line + "\n"))
    assert problem.key == key
    assert problem.line is not None and problem.line > 7
    assert words in problem.reason


@pytest.mark.parametrize("store_id", ["Paris", "-paris", "paris\n", "a" * 65, ""])
def test_ids_must_be_lower_case_slugs(tmp_path, store_id):
    text = MINIMAL.replace('"lyon-republique"', repr(store_id).replace("'", '"'))
    [problem] = problems_of(write(tmp_path, text))
    assert (problem.key, problem.line) == ("terminal.store_id", 2)


def test_a_required_path_cannot_be_empty(tmp_path):
    [problem] = problems_of(write(tmp_path, MINIMAL.replace('"data"', '""')))
    assert problem.key == "paths.data_dir" and "must not be empty" in problem.reason


def test_every_problem_is_reported_at_once_in_line_order(tmp_path):
    text = '[terminal]\nstore_id = "Bad Id"\n[session]\ncountdown_seconds = 1\ncolour = 3\n'
    problems = problems_of(write(tmp_path, text))
    located = [(p.key, p.line) for p in problems if p.line is not None]
    assert located == [("terminal.store_id", 2), ("session.countdown_seconds", 4),
                       ("session.colour", 5)]
    missing = [p.key for p in problems if p.line is None]
    assert missing == ["terminal.terminal_id", "paths.data_dir", "paths.log_dir"]
    assert all(p.reason == "required key is missing" for p in problems if p.line is None)


@pytest.mark.parametrize("make_token, words", [
    (lambda token: None, "No such file or directory"),
    (lambda token: token.write_text("  \n"), "is empty"),
    (lambda token: token.mkdir(), "Is a directory"),
    (lambda token: token.write_bytes(b"\xff\xfe"), "not UTF-8"),
])
def test_a_missing_empty_or_unreadable_token_file_is_refused(tmp_path, make_token, words):
    make_token(tmp_path / "token")
    [problem] = problems_of(write(tmp_path, MINIMAL + '[central]\ntoken_file = "token"\n'))
    assert problem.key == "central.token_file" and problem.line == 9
    assert problem.reason.startswith("cannot read token file: ") and words in problem.reason


def test_check_config_prints_ok_for_a_good_file(tmp_path, capsys):
    assert check_config_command(write(tmp_path, MINIMAL)) == 0
    assert capsys.readouterr() == ("OK\n", "")


def test_check_config_prints_every_problem_on_stderr(tmp_path, capsys):
    bad = write(tmp_path, MINIMAL + "[session]\ncountdown_seconds = 0\nfoo = 1\n")
    assert check_config_command(bad) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{bad}:9: session.countdown_seconds: must be between 5 and 120, got 0",
        f"{bad}:10: session.foo: unknown key",
    ]


def test_masked_view_hides_secrets_and_shows_effective_values(tmp_path):
    (tmp_path / "token").write_text("s3cret")
    text = MINIMAL + f'[admin]\npin_hash = "{PIN_HASH}"\n[central]\ntoken_file = "token"\n'
    shown = load_config(write(tmp_path, text)).masked()
    assert shown["admin.pin_hash"] == MASK and shown["central.token_file"] == MASK
    assert PIN_HASH not in str(shown) and "s3cret" not in str(shown)
    assert shown["terminal.store_id"] == "lyon-republique"
    assert shown["paths.catalog_images_dir"] == str((tmp_path / "data" / "images").resolve())
    assert list(shown) == [setting.key for setting in SCHEMA]


def test_masked_view_leaves_unset_secrets_empty(tmp_path):
    shown = load_config(write(tmp_path, MINIMAL)).masked()
    assert shown["admin.pin_hash"] == "" and shown["central.token_file"] == ""


def test_the_shipped_synonyms_are_used_unless_a_file_is_named(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert synonyms_path(config).name == "synonyms.toml" and synonyms_path(config).exists()
    (tmp_path / "words.toml").write_text('veste = ["jacket"]\n', encoding="utf-8")
    config = load_config(write(tmp_path, MINIMAL + '[search]\nsynonyms_file = "words.toml"\n'))
    assert synonyms_path(config) == tmp_path / "words.toml"


def test_a_broken_synonyms_file_is_refused_naming_both_files(tmp_path):
    (tmp_path / "words.toml").write_text('veste = ["jacket"]\nsac = 3\n', encoding="utf-8")
    [problem] = problems_of(write(tmp_path, MINIMAL + '[search]\nsynonyms_file = "words.toml"\n'))
    assert problem.key == "search.synonyms_file" and problem.line == 9
    assert "words.toml:2" in problem.reason and "sac" in problem.reason


# --- the product attributes shoppers read -----------------------------------------------

def test_left_out_the_shown_attributes_describe_the_product_and_hide_merchandising_flags(
        tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert config.shown_attributes == DEFAULT_SHOWN_ATTRIBUTES
    keys = [attribute.key for attribute in config.shown_attributes]
    assert keys[:3] == ["material", "pattern", "climate"]
    assert not {"erin_recommends", "new", "sale"} & set(keys)
    assert config.shown_attributes[0].label("fr") == "Matière"
    assert config.shown_attributes[0].label("en") == "Material"


def test_the_shown_attributes_come_in_the_order_and_words_it_sets(tmp_path):
    text = MINIMAL + (
        '[catalog]\nshown_attributes = [\n'
        '    { key = "climate", fr = "Saison", en = "Season" },\n'
        '    { key = "sale", fr = " En promotion ", en = "On sale",'
        ' agrees_with = "special_price" },\n'
        ']\n')
    config = load_config(write(tmp_path, text))
    climate, sale = config.shown_attributes
    assert (climate.key, climate.label("fr"), climate.label("en")) \
        == ("climate", "Saison", "Season")
    assert (climate.agrees_with, sale.agrees_with) == ("", "special_price")
    assert sale.label("fr") == "En promotion"
    assert config.masked()["catalog.shown_attributes"] == (
        "climate (Saison / Season), sale (En promotion / On sale, agrees with special_price)")


def test_an_empty_list_shows_no_attribute(tmp_path):
    config = load_config(write(tmp_path, MINIMAL + "[catalog]\nshown_attributes = []\n"))
    assert config.shown_attributes == ()


@pytest.mark.parametrize("entries, words", [
    ('"material"', 'expected a list of tables like { key = "material"'),
    ('{ key = "material", fr = "Matière" }', "entry 1 ('material'): needs a label in en"),
    ('{ key = "material", fr = "", en = "Material" }', "needs a label in fr"),
    ('{ fr = "Matière", en = "Material" }', "entry 1: key must be the catalog's attribute name"),
    ('{ key = "a b", fr = "A", en = "A" }', "key must be the catalog's attribute name"),
    ('{ key = "pattern", fr = "Motif", en = "Pattern" }, '
     '{ key = "pattern", fr = "Motif", en = "Pattern" }',
     "entry 2 ('pattern'): lists 'pattern' a second time"),
    ('{ key = "sale", fr = "Soldes", en = "Sale", agrees_with = "price" }',
     "agrees_with must be 'special_price', got 'price'"),
    ('{ key = "sale", fr = "Soldes", en = "Sale", frr = "x" }',
     "unknown field 'frr' (did you mean 'fr'?)"),
    (f'{{ key = "sale", fr = "{"x" * 41}", en = "Sale" }}', "longer than 40 characters"),
])
def test_a_wrong_shown_attribute_is_refused_naming_the_entry_and_why(tmp_path, entries, words):
    text = MINIMAL + f"[catalog]\nshown_attributes = [{entries}]\n"
    [problem] = problems_of(write(tmp_path, text))
    assert (problem.file, problem.key, problem.line) == (
        tmp_path / "kiosk.toml", "catalog.shown_attributes", 9)
    assert words in problem.reason


def test_every_wrong_entry_is_reported_at_once(tmp_path):
    text = MINIMAL + ('[catalog]\nshown_attributes = [\n  { key = "a", fr = "A" },\n'
                      '  { key = "b", en = "B" },\n]\n')
    [problem] = problems_of(write(tmp_path, text))
    assert problem.reason == ("entry 1 ('a'): needs a label in en (a non-empty string); "
                              "entry 2 ('b'): needs a label in fr (a non-empty string)")


def test_speech_defaults_to_speech_dispatcher_on_a_speaker_at_the_voices_own_pace(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert (config.speech_engine, config.audio_output) == ("speechd", "speaker")
    assert (config.speech_rate, config.speech_volume) == (0.0, 0.8)
    assert config.speech_time_multiplier == 2.0


def test_the_accessibility_section_sets_engine_rate_volume_output_and_time(tmp_path):
    text = MINIMAL + ('[accessibility]\nspeech_engine = "mock"\nspeech_rate = -0.5\n'
                      'speech_volume = 1\naudio_output = "headset"\ntime_multiplier = 3\n')
    config = load_config(write(tmp_path, text))
    assert (config.speech_engine, config.audio_output) == ("mock", "headset")
    assert (config.speech_rate, config.speech_volume) == (-0.5, 1.0)
    assert config.speech_time_multiplier == 3.0


@pytest.mark.parametrize("line, key, words", [
    ('speech_engine = "espeak"', "accessibility.speech_engine",
     "must be one of 'speechd', 'mock', got 'espeak'"),
    ("speech_rate = 2", "accessibility.speech_rate", "must be between -1.0 and 1.0, got 2"),
    ("speech_volume = -0.1", "accessibility.speech_volume",
     "must be between 0.0 and 1.0, got -0.1"),
    ('speech_volume = "loud"', "accessibility.speech_volume",
     "expected a number, got a string ('loud')"),
    ('audio_output = "jack"', "accessibility.audio_output",
     "must be one of 'speaker', 'headset', got 'jack'"),
    ("time_multiplier = 0.5", "accessibility.time_multiplier",
     "must be between 1.0 and 10.0, got 0.5"),
    ("speech_pitch = 0", "accessibility.speech_pitch", "unknown key"),
])
def test_a_wrong_accessibility_value_names_file_key_line_and_reason(tmp_path, line, key, words):
    path = write(tmp_path, MINIMAL + "[accessibility]\n" + line + "\n")
    [problem] = problems_of(path)
    assert (problem.file, problem.key, problem.line) == (path, key, 9)
    assert words in problem.reason


def test_the_screen_stands_as_a_43_inch_upright_unless_the_display_section_says(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    assert (config.screen_height_mm, config.bottom_edge_mm) == (950.0, 700.0)
    text = MINIMAL + "[display]\nscreen_height_mm = 535\nbottom_edge_mm = 812.5\n"
    mounting = load_config(write(tmp_path, text)).screen_mounting
    assert (mounting.height_mm, mounting.bottom_edge_mm, mounting.top_edge_mm) == \
        (535.0, 812.5, 1347.5)


@pytest.mark.parametrize("lines, key, words", [
    ("screen_height_mm = 95", "display.screen_height_mm", "must be between 100 and 3000, got 95"),
    ('screen_height_mm = "95 cm"', "display.screen_height_mm",
     "expected a number, got a string ('95 cm')"),
    ("bottom_edge_mm = -10", "display.bottom_edge_mm", "must be between 0 and 2500, got -10"),
    # Wholly above the reach of a shopper in a wheelchair, or wholly below 380 mm.
    ("bottom_edge_mm = 1300", "display.bottom_edge_mm",
     "the screen stands 1300 to 2250 mm above the floor: none of it between 380 and 1220 mm"),
    ("screen_height_mm = 300\nbottom_edge_mm = 50", "display.bottom_edge_mm",
     "the screen stands 50 to 350 mm above the floor"),
])
def test_a_screen_standing_wrong_is_refused_with_file_key_line_and_reason(
        tmp_path, lines, key, words):
    path = write(tmp_path, MINIMAL + "[display]\n" + lines + "\n")
    [problem] = problems_of(path)
    assert (problem.file, problem.key) == (path, key)
    assert problem.line is not None and problem.line > 8
    assert words in problem.reason


def test_check_config_keys_documents_every_key_from_the_one_declaration(capsys):
    assert check_config_command(None, keys=True) == 0
    printed = capsys.readouterr().out
    for setting in SCHEMA:
        assert f"{setting.key} = " in printed and setting.doc.split("\n")[0][:30] in printed
    block = printed.split("session.inactivity_timeout_seconds = 90\n")[1].split("\n\n")[0]
    assert "an integer; applies without a restart; terminal file or fleet" in block
    block = printed.split("paths.data_dir = (required)\n")[1]
    assert "applies after a restart; terminal file only" in block.splitlines()[1]


# --- the format's version and its upgrade steps ----------------------------------------

@pytest.fixture
def version_2_renames_two_keys(monkeypatch):
    """A next format in which two keys got new names, one of them in another section."""
    monkeypatch.setattr(config_schema, "CONFIG_VERSION", 2)
    monkeypatch.setattr(config_schema, "UPGRADES", (config_schema.Upgrade(2, (
        ("session.idle_seconds", "session.inactivity_timeout_seconds"),
        ("speech.rate", "accessibility.speech_rate"))),))


def test_a_file_without_a_version_is_version_1_and_one_saying_so_reads_the_same(tmp_path):
    unsaid = load_config(write(tmp_path, MINIMAL))
    said = load_config(write(tmp_path, "version = 1\n" + MINIMAL))
    assert said.masked() == unsaid.masked() and said.notes == ()


@pytest.mark.parametrize("version", ["0", '"2"', "true", "1.5"])
def test_a_version_that_is_not_a_version_is_refused_naming_it(tmp_path, version):
    path = write(tmp_path, f"version = {version}\n" + MINIMAL)
    [problem] = problems_of(path)
    assert (problem.file, problem.key, problem.line) == (path, "version", 1)
    assert "must be a whole number from 1 to 1" in problem.reason


def test_renamed_keys_of_an_older_file_are_moved_with_a_warning_not_refused(
        tmp_path, capsys, version_2_renames_two_keys):
    path = write(tmp_path, MINIMAL + "[session]\nidle_seconds = 45\n[speech]\nrate = 0.5\n")
    config = load_config(path)
    assert config.inactivity_timeout_seconds == 45 and config.speech_rate == 0.5
    moved = {note.key: note for note in config.notes}
    assert set(moved) == {"session.idle_seconds", "speech.rate"}
    assert (moved["session.idle_seconds"].file, moved["session.idle_seconds"].line) == (path, 9)
    assert "renamed session.inactivity_timeout_seconds in config version 2" \
        in moved["session.idle_seconds"].reason
    assert check_config_command(path) == 0
    out, err = capsys.readouterr()
    assert out == "OK\n"
    assert f"warning: {path}:11: speech.rate: renamed accessibility.speech_rate" in err


def test_a_renamed_key_set_under_both_names_keeps_the_new_one(
        tmp_path, version_2_renames_two_keys):
    path = write(tmp_path, MINIMAL + "[session]\nidle_seconds = 45\n"
                                     "inactivity_timeout_seconds = 60\n")
    config = load_config(path)
    assert config.inactivity_timeout_seconds == 60
    [note] = config.notes
    assert note.key == "session.idle_seconds" and "session.idle_seconds ignored" in note.reason


def test_a_file_at_the_new_version_does_not_know_the_old_names(
        tmp_path, version_2_renames_two_keys):
    path = write(tmp_path, "version = 2\n" + MINIMAL + "[session]\nidle_seconds = 45\n")
    [problem] = problems_of(path)
    assert problem.key == "session.idle_seconds" and problem.reason.startswith("unknown key")


def test_a_file_for_a_newer_kiosk_is_read_with_a_warning(tmp_path):
    config = load_config(write(tmp_path, "version = 7\n" + MINIMAL))
    [note] = config.notes
    assert note.key == "version" and "written for config version 7" in note.reason
