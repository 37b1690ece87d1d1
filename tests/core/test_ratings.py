"""Ratings: the reasons file, presses turned into ratings, and the journaled payload."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from central.schemas import RatingIn
from kiosk.core.config import ConfigError, load_config, rating_reasons_path
from kiosk.core.db.journal import open_journal
from kiosk.core.ratings import (
    RatingDesk,
    RatingReasonsError,
    RatingRules,
    load_reasons,
    write_rating,
)

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "ratings" / "reasons.toml"
RULES = RatingRules(repeat_window_s=10, burst_presses=5, burst_window_s=30)
MOMENT = datetime(2026, 3, 14, 9, 30, tzinfo=timezone.utc)

SMALL = """
[negative]
question = { fr = "Pourquoi ?", en = "Why?" }
[[negative.reasons]]
code = "waiting_time"
fr = "L'attente"
en = "Waiting"
[positive]
question = { fr = "Quoi ?", en = "What?" }
[[positive.reasons]]
code = "staff_helpful"
fr = "Le personnel"
en = "Staff"
"""


def desk() -> RatingDesk:
    return RatingDesk(RULES, "paris-rivoli")


def problems(tmp_path, text) -> list[str]:
    path = tmp_path / "reasons.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RatingReasonsError) as raised:
        load_reasons(path)
    return str(raised.value).splitlines()


# --- the reasons file ---------------------------------------------------------------------

def test_the_shipped_reasons_have_the_codes_the_dashboard_knows():
    reasons = load_reasons(SHIPPED)
    assert [r.code for r in reasons.negative.reasons] == [
        "waiting_time", "staff", "product_availability", "prices", "store_tidiness", "other"]
    assert [r.code for r in reasons.positive.reasons] == [
        "staff_helpful", "found_everything", "good_prices", "tidy_store", "quick_visit",
        "other_positive"]
    assert reasons.for_score(1) is reasons.negative and reasons.for_score(2) is reasons.negative
    assert reasons.for_score(3) is reasons.positive and reasons.for_score(4) is reasons.positive
    for follow_up in (reasons.negative, reasons.positive):
        assert follow_up.question_in("fr") != follow_up.question_in("en")
        assert all(r.label("fr") and r.label("en") for r in follow_up.reasons)


def test_a_small_file_loads(tmp_path):
    path = tmp_path / "reasons.toml"
    path.write_text(SMALL, encoding="utf-8")
    reasons = load_reasons(path)
    assert reasons.negative.question_in("fr") == "Pourquoi ?"
    assert reasons.positive.reasons[0].label("en") == "Staff"


def test_every_problem_is_named_with_the_file_and_the_key(tmp_path):
    text = SMALL.replace('code = "waiting_time"', 'code = "Waiting Time"') \
        .replace('en = "Staff"', 'en = ""') \
        .replace('question = { fr = "Quoi ?", en = "What?" }', 'question = "What?"') \
        + '[[positive.reasons]]\ncode = "staff_helpful"\nfr = "x"\nen = "y"\ncolour = "red"\n'
    found = problems(tmp_path, text)
    path = tmp_path / "reasons.toml"
    assert found == [
        f"{path}: negative.reasons[1].code: must be 1 to 40 of a-z, 0-9 and _, like "
        "\"waiting_time\", got 'Waiting Time'",
        f"{path}: positive.question: must give the text in each language, like "
        "{ fr = \"…\", en = \"…\" }, got 'What?'",
        f"{path}: positive.reasons[1].en: missing or empty text",
        f"{path}: positive.reasons[2].colour: unknown key: expected code, fr and en",
        f"{path}: positive.reasons[2].code: 'staff_helpful' is used twice in positive",
    ]


def test_a_missing_side_a_shared_code_and_too_many_reasons_are_refused(tmp_path):
    only_negative = SMALL.split("[positive]")[0]
    assert problems(tmp_path, only_negative)[0].endswith(
        "positive: missing: a [positive] table with a question and reasons is needed")
    shared = SMALL.replace('code = "staff_helpful"', 'code = "waiting_time"')
    assert problems(tmp_path, shared)[0].endswith(
        "positive.reasons: code 'waiting_time' is also a negative reason: "
        "the reports could not tell them apart")
    many = SMALL + "".join(f'[[positive.reasons]]\ncode = "r{n}"\nfr = "x"\nen = "y"\n'
                           for n in range(10))
    assert problems(tmp_path, many)[0].endswith("positive.reasons: at most 10 reasons, got 11")


def test_an_unreadable_file_says_why(tmp_path):
    assert problems(tmp_path, "[negative\n")[0].startswith(f"{tmp_path / 'reasons.toml'}: "
                                                          "not valid TOML")
    with pytest.raises(RatingReasonsError, match="file not found"):
        load_reasons(tmp_path / "absent.toml")


def test_check_config_refuses_a_broken_reasons_file(tmp_path):
    (tmp_path / "reasons.toml").write_text("[positive]\n", encoding="utf-8")
    config = tmp_path / "kiosk.toml"
    config.write_text('[terminal]\nstore_id = "s1"\nterminal_id = "t1"\n'
                      f'[paths]\ndata_dir = "{tmp_path}"\nlog_dir = "{tmp_path}"\n'
                      '[ratings]\nreasons_file = "reasons.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(config)
    (problem,) = raised.value.problems
    assert problem.key == "ratings.reasons_file" and problem.line == 8
    assert "negative: missing" in problem.reason and str(tmp_path / "reasons.toml") in \
        problem.reason


def test_the_shipped_file_is_used_unless_one_is_named(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('[terminal]\nstore_id = "s1"\nterminal_id = "t1"\n'
                      f'[paths]\ndata_dir = "{tmp_path}"\nlog_dir = "{tmp_path}"\n',
                      encoding="utf-8")
    assert rating_reasons_path(load_config(config)) == SHIPPED


# --- presses ------------------------------------------------------------------------------

def test_one_press_is_one_rating_handed_out_once():
    ratings = desk()
    press = ratings.press(4, at=100.0, now=MOMENT)
    assert press.new and press.rating.score == 4 and not press.rating.misuse
    assert ratings.pending() == press.rating
    ratings.set_reasons(["quick_visit"], press.rating.id)
    taken = ratings.take(press.rating.id)
    assert taken.reasons == ("quick_visit",) and taken.id == press.rating.id
    assert ratings.take() is None and ratings.take(press.rating.id) is None
    assert ratings.pending() is None


def test_presses_within_the_window_count_once():
    ratings = desk()
    first = ratings.press(2, at=100.0)
    again = ratings.press(2, at=109.9)
    assert not again.new and again.rating.id == first.rating.id
    # A different face before it is written: the finger corrected a slip.
    corrected = ratings.press(1, at=105.0)
    assert corrected.rating.id == first.rating.id and corrected.rating.score == 1
    assert ratings.take().score == 1
    # Once written, a repeat changes nothing and asks for nothing.
    late = ratings.press(4, at=109.0)
    assert not late.new and late.rating is None
    # The window is counted from the rating's first press: a steady tapper makes a new
    # rating every window, not one for ever.
    assert ratings.press(4, at=110.0).new


def test_a_face_on_the_other_side_drops_the_reasons_ticked():
    ratings = desk()
    first = ratings.press(1, at=0.0)
    ratings.set_reasons(["prices"], first.rating.id)
    assert ratings.press(2, at=1.0).rating.reasons == ("prices",)
    assert ratings.press(3, at=2.0).rating.reasons == ()


def test_a_burst_is_kept_and_flagged_as_misuse():
    ratings = desk()
    flags = []
    for at in (0.0, 10.0, 20.0):           # each outside the repeat window of the last
        flags.append(ratings.press(1, at=at).rating.misuse)
        ratings.take()
    assert flags == [False, False, False]
    # Repeats of a written rating make nothing, but count towards the burst.
    assert ratings.press(1, at=25.0).rating is None
    assert ratings.press(1, at=29.0).rating is None
    burst = ratings.press(1, at=30.5)      # the fifth press within 30 s
    assert burst.new and burst.rating.misuse
    assert ratings.take().misuse
    calm = ratings.press(3, at=100.0)      # older presses no longer count
    assert calm.new and not calm.rating.misuse


def test_a_burst_on_an_unwritten_rating_flags_it():
    ratings = desk()
    first = ratings.press(4, at=0.0).rating
    for at in (1.0, 2.0, 3.0):
        assert not ratings.press(4, at=at).rating.misuse
    assert ratings.press(4, at=4.0).rating.misuse
    taken = ratings.take()
    assert taken.id == first.id and taken.misuse


def test_a_new_rating_hands_out_an_unwritten_older_one():
    ratings = desk()
    first = ratings.press(3, at=0.0).rating
    second = ratings.press(4, at=50.0)
    assert second.superseded == first and second.rating.id != first.id
    assert ratings.take(first.id) is None        # already handed out
    assert ratings.take(second.rating.id) == second.rating


def test_a_score_outside_one_to_four_is_a_programming_error():
    with pytest.raises(ValueError):
        desk().press(5, at=0.0)


# --- the journal --------------------------------------------------------------------------

def test_the_payload_is_what_the_server_takes(tmp_path):
    ratings = desk()
    press = ratings.press(2, at=0.0, now=MOMENT)
    ratings.set_reasons(["waiting_time", "prices"], press.rating.id)
    rating = ratings.take()
    conn = open_journal(tmp_path).conn
    write_rating(conn, rating)
    (kind, uuid, payload), = conn.execute("SELECT kind, uuid, payload FROM outbox").fetchall()
    conn.close()
    body = json.loads(payload)
    assert kind == "rating" and uuid == rating.id
    checked = RatingIn.model_validate(body)
    assert checked.score == 2 and checked.reasons == ["waiting_time", "prices"]
    assert checked.store_id == "paris-rivoli" and checked.misuse is False
    # The store's local time, with its offset: the same instant as the press.
    assert datetime.fromisoformat(body["rated_terminal_at"]) == MOMENT
    assert datetime.fromisoformat(body["rated_terminal_at"]).utcoffset() is not None
