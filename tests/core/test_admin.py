import io
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.cli import main
from kiosk.core import admin, journey, outbox
from kiosk.core.admin import PinLockout, SavedLockout, hash_pin, verify_pin
from kiosk.core.config import load_config
from kiosk.core.db.journal import open_journal
from kiosk.core.log_view import MASK, last_lines, mask_line
from kiosk.core.terminal_status import dead_letter_list, today_figures

FAST = 100_000   # the least the config accepts, to keep the tests quick
NOON = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


class Clocks:
    """A monotonic clock and a wall clock that tests move by hand."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall_at = NOON

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall_at += timedelta(seconds=seconds)

    def lockout(self, attempts=5, seconds=30) -> PinLockout:
        return PinLockout(attempts, seconds, clock=lambda: self.mono, wall=lambda: self.wall_at)


def test_a_pin_is_checked_against_its_salted_hash():
    stored = hash_pin("2468", iterations=FAST)
    assert stored.startswith("pbkdf2_sha256$100000$") and "2468" not in stored
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("2468", "")
    assert not verify_pin("2468", "pbkdf2_sha256$100000$!!$??")
    # The same PIN twice gives two hashes: the salt is random.
    assert hash_pin("2468", iterations=FAST) != stored


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", " 1234", ""])
def test_only_4_to_12_digits_make_a_pin(pin):
    with pytest.raises(admin.PinError):
        hash_pin(pin, iterations=FAST)


def test_hash_pin_prints_a_line_the_config_accepts(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("975310\n"))
    assert main(["hash-pin", "--pin-stdin"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith('pin_hash = "pbkdf2_sha256$600000$') and "975310" not in line
    config = tmp_path / "kiosk.toml"
    config.write_text('[terminal]\nstore_id = "s"\nterminal_id = "t"\n'
                      '[paths]\ndata_dir = "d"\nlog_dir = "l"\n'
                      f"[admin]\n{line}\n", encoding="utf-8")
    stored = load_config(config).admin_pin_hash
    assert verify_pin("975310", stored) and not verify_pin("975311", stored)


def test_hash_pin_refuses_what_is_not_a_pin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("12ab\n"))
    assert main(["hash-pin", "--pin-stdin"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "4 to 12 digits" in err


def test_hash_pin_asks_twice_without_echo_and_refuses_a_mismatch(monkeypatch, capsys):
    answers = iter(["4321", "4312"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert main(["hash-pin"]) == 2
    assert capsys.readouterr().out == ""


def test_five_wrong_pins_lock_and_each_lockout_doubles():
    clocks = Clocks()
    lockout = clocks.lockout()
    for _ in range(4):
        assert lockout.record_failure() is None
    assert lockout.attempts_left() == 1 and not lockout.locked
    assert lockout.record_failure() == 30
    assert lockout.locked and lockout.remaining_s() == 30
    assert lockout.record_failure() is None         # nothing is counted while locked
    clocks.advance(29.5)
    assert lockout.locked
    clocks.advance(1)
    assert not lockout.locked and lockout.attempts_left() == 5
    lengths = []
    for _ in range(3):
        for _ in range(4):
            lockout.record_failure()
        lengths.append(lockout.record_failure())
        clocks.advance(lengths[-1])
    assert lengths == [60, 120, 240]


def test_a_right_pin_ends_the_streak():
    clocks = Clocks()
    lockout = clocks.lockout()
    for _ in range(5):
        lockout.record_failure()
    clocks.advance(30)
    lockout.record_success()
    for _ in range(4):
        lockout.record_failure()
    assert lockout.record_failure() == 30            # back to the first lockout's length


def test_a_lockout_never_exceeds_a_day():
    lockout = Clocks().lockout(attempts=1, seconds=3600)
    assert lockout.lockout_length(40) == admin.LONGEST_LOCKOUT_S


def test_the_streak_survives_a_restart_through_the_journal(tmp_path):
    journal = open_journal(tmp_path).conn
    clocks = Clocks()
    before = clocks.lockout()
    for _ in range(5):
        before.record_failure()
    clocks.advance(10)
    admin.save_lockout(journal, before.saved())
    journal.close()

    # The power comes back: a new process, a monotonic clock that starts again.
    clocks.mono = 5.0
    after = clocks.lockout()
    after.restore(admin.load_lockout(open_journal(tmp_path).conn))
    assert after.locked and after.remaining_s() == pytest.approx(20)
    assert after.lockouts == 1


def test_a_wall_clock_set_back_cannot_stretch_a_lockout():
    clocks = Clocks()
    lockout = clocks.lockout()
    saved = SavedLockout(0, 1, NOON + timedelta(days=2))   # written with a clock far ahead
    lockout.restore(saved)
    assert lockout.remaining_s() == 30


def test_wrong_pins_before_a_restart_still_count():
    clocks = Clocks()
    lockout = clocks.lockout()
    lockout.restore(SavedLockout(4, 0, None))
    assert lockout.record_failure() == 30


def test_log_lines_lose_contact_details_and_secrets():
    line = ("2026-11-24 14:03:12,123 WARNING kiosk.core.sync.push: order "
            "0b7e1234-aaaa-4bbb-8ccc-123456789abc refused: zoe.dupont@example.fr, "
            "06 12 34 56 78, +33 6 12 34 56 78, Authorization: Bearer abc.DEF-123, "
            "token=hunter2 pin_hash=pbkdf2_sha256$600000$c2FsdA$aGFzaA "
            "key xK3v9Qm2Lr8Tz1Wp5Ys7Nd4Hj6Bf0Gc2Ae9 EAN 4006381333931")
    masked = mask_line(line)
    for secret in ("zoe.dupont", "06 12", "+33", "abc.DEF", "hunter2", "pbkdf2",
                   "xK3v9Qm2"):
        assert secret not in masked
    # What staff need to read stays: the time, the logger, the item's id, a barcode.
    assert masked.startswith("2026-11-24 14:03:12,123 WARNING kiosk.core.sync.push")
    assert "0b7e1234-aaaa-4bbb-8ccc-123456789abc" in masked and "4006381333931" in masked
    assert masked.count(MASK) >= 7


def test_the_log_view_shows_the_last_lines_masked(tmp_path):
    assert last_lines(tmp_path) == []
    (tmp_path / "kiosk.log").write_text(
        "".join(f"line {n} from jo{n}@example.fr\n" for n in range(500)), encoding="utf-8")
    lines = last_lines(tmp_path, count=3)
    assert lines == [f"line {n} from {MASK}" for n in (497, 498, 499)]


def test_today_counts_what_happened_here_since_midnight(tmp_path):
    journal = open_journal(tmp_path).conn
    yesterday, today = NOON - timedelta(days=1), NOON + timedelta(hours=1)
    for moment in (yesterday, today, today):
        journey.record_event(journal, "s", journey.SESSION_START, now=moment)
    journey.record_search(journal, "s", "veste", 12, now=today)
    journey.record_search(journal, "s", "xyzzy", 0, now=today)
    journey.record_search(journal, "s", "veste", 3, now=yesterday)
    outbox.enqueue(journal, "order", "o1", {"reference": "K7D-1"}, now=today)
    for uuid, score, misuse in (("r1", 4, False), ("r2", 1, False), ("r3", 1, True)):
        outbox.enqueue(journal, "rating", uuid, {"score": score, "misuse": misuse}, now=today)
    outbox.enqueue(journal, "rating", "r0", {"score": 1, "misuse": False}, now=yesterday)

    figures = today_figures(journal, NOON)
    assert (figures.sessions, figures.searches, figures.zero_result_searches,
            figures.orders, figures.ratings) == (2, 2, 1, 1, 2)
    assert figures.average_rating == pytest.approx(2.5)


def test_dead_letters_say_what_they_are_without_personal_data(tmp_path):
    journal = open_journal(tmp_path).conn
    outbox.enqueue(journal, "order", "o1", {"reference": "K7D-3MXQ9P",
                                            "customer": {"email": "z@example.fr"}}, now=NOON)
    [item] = outbox.due(journal, "order", NOON, 1, longest_wait=timedelta(minutes=1))
    outbox.mark_dead(journal, item.id, "HTTP 422 · price_changed")
    [letter] = dead_letter_list(journal)
    assert (letter.kind, letter.summary, letter.reason) == ("order", "K7D-3MXQ9P",
                                                            "HTTP 422 · price_changed")
    assert "z@example.fr" not in repr(letter)


def test_local_figures_read_queue_cursor_disk_and_sizes(tmp_path):
    from kiosk.core.changes import apply_changes
    from kiosk.core.db.cache import open_cache
    from kiosk.core.terminal_status import local_figures
    from kiosk_contract.catalog import ChangeBatch

    cache = open_cache(tmp_path).conn
    journal = open_journal(tmp_path).conn
    empty = local_figures(cache, journal, tmp_path)
    assert not empty.has_cursor and empty.cursor_moved_at is None
    apply_changes(cache, ChangeBatch(), cursor="c1")
    moved = local_figures(cache, journal, tmp_path).cursor_moved_at
    cache.execute("UPDATE sync_state SET value = '2026-01-01T00:00:00+00:00' "
                  "WHERE key = 'cursor_moved_at'")
    apply_changes(cache, ChangeBatch(), cursor="c1")      # the same cursor: it did not move
    assert local_figures(cache, journal, tmp_path).cursor_moved_at.year == 2026
    assert moved is not None
    journey.record_event(journal, "s", journey.SESSION_START)
    figures = local_figures(cache, journal, tmp_path)
    assert figures.has_cursor and figures.queue["event"] == 1 and figures.queue["dead"] == 0
    assert figures.cache_bytes > 0 and figures.journal_bytes > 0
    assert 0 < figures.disk_free_bytes <= figures.disk_total_bytes


def test_a_reload_says_which_changed_keys_apply_now_and_which_at_restart(tmp_path):
    import dataclasses

    from kiosk.core.admin import reload_plan
    path = tmp_path / "kiosk.toml"
    path.write_text('[terminal]\nstore_id = "s"\nterminal_id = "t"\n'
                    '[paths]\ndata_dir = "d"\nlog_dir = "l"\n', encoding="utf-8")
    running = load_config(path)
    loaded = dataclasses.replace(running, max_order_items=7, inactivity_timeout_seconds=60,
                                 central_url="https://central.example.com",
                                 admin_pin_hash=hash_pin("1234", iterations=FAST),
                                 shown_attributes=())
    plan = reload_plan(running, loaded)
    # A product page reads the attributes to show from the config each time it opens.
    assert plan.applied_now == ("session.inactivity_timeout_seconds",
                                "catalog.shown_attributes", "orders.max_items",
                                "admin.pin_hash")
    assert plan.at_restart == ("central.url",)
    assert reload_plan(running, running) == admin.ReloadPlan((), ())
