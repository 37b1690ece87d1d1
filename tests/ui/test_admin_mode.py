"""Admin mode on the whole kiosk: the gesture, the PIN, every page on seeded data."""

from __future__ import annotations

import dataclasses
import json
import random
import sqlite3
from contextlib import closing
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from support.clock import TEST_CLOCK, TEST_NOW
from support.gestures import named, tap, touch
from support.layout import clipped_text
from support.screen_keyboard import type_on_screen

from kiosk.core import journey, outbox
from kiosk.core.admin import hash_pin
from kiosk.core.config import load_config
from kiosk.core.db.journal import open_journal
from kiosk.core.log_view import MASK
from kiosk.core.terminal_status import database_bytes
from kiosk.ui.admin.mode import RESTART_EXIT_CODE
from kiosk.ui.app import KioskApp

PIN = "2468"
PIN_HASH = hash_pin(PIN, iterations=100_000)     # the least the config takes: quick tests


def write_admin_config(demo_config, extra: str = "") -> None:
    text = demo_config.source.read_text(encoding="utf-8")
    demo_config.source.write_text(
        text + f'[admin]\npin_hash = "{PIN_HASH}"\nmax_pin_attempts = 3\n'
               f'lockout_seconds = 30\n{extra}', encoding="utf-8")


def seed_journal(data_dir) -> None:
    """What a day at the terminal leaves in the journal: sessions, searches, orders,
    ratings, a dead letter, on the test clock's day."""
    conn = open_journal(data_dir).conn
    now = TEST_NOW
    for _ in range(3):
        journey.record_event(conn, "paris-rivoli", journey.SESSION_START, now=now)
    journey.record_search(conn, "paris-rivoli", "veste", 12, now=now)
    journey.record_search(conn, "paris-rivoli", "parapluie", 0, now=now)
    journey.record_event(conn, "paris-rivoli", journey.SESSION_START,
                         now=now - timedelta(days=2))
    for reference in ("K7D-3MXQ9P", "K7D-4NPRT7"):
        outbox.enqueue(conn, "order", outbox.new_uuid(),
                       {"reference": reference, "customer": {"email": "zoe@example.fr"}},
                       now=now)
    for score in (4, 3, 1):
        outbox.enqueue(conn, "rating", outbox.new_uuid(),
                       {"score": score, "misuse": False, "reasons": []}, now=now)
    [order] = outbox.due(conn, "order", now, 1, longest_wait=timedelta(minutes=1))
    outbox.mark_dead(conn, order.id, "HTTP 422 · price_changed · MJ01-XS-Red: 39,00 € now")
    conn.close()


@pytest.fixture
def admin_config(demo_config):
    write_admin_config(demo_config)
    seed_journal(demo_config.data_dir)
    return load_config(demo_config.source)


@pytest.fixture
def kiosk(qtbot, qapp, admin_config):
    kiosk = KioskApp(qapp, admin_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    kiosk.set_language("en")      # staff texts in English; French is checked on its own
    kiosk.quits = []
    kiosk.admin.quit = kiosk.quits.append
    yield kiosk
    kiosk.shutdown()


def journal_rows(kiosk, sql, *args):
    kiosk.runner.wait_idle()
    with closing(sqlite3.connect(kiosk.config.data_dir / "journal.db")) as conn:
        return conn.execute(sql, args).fetchall()


def admin_events(kiosk):
    return [(kind, json.loads(data)) for kind, data in journal_rows(
        kiosk, "SELECT json_extract(payload, '$.type'), json_extract(payload, '$.data') "
               "FROM outbox WHERE kind = 'event' AND json_extract(payload, '$.type') "
               "LIKE 'admin%' ORDER BY id")]


def corner_taps(qtbot, kiosk, count=5):
    """Quick taps in the top-left corner, as staff do (and Back takes them too)."""
    for _ in range(count):
        touch(kiosk.window, QPoint(8, 8))


def enter_pin(qtbot, kiosk, pin):
    pad = kiosk.admin.pad
    for digit in pin:
        tap(qtbot, named(pad, QPushButton, digit))
    tap(qtbot, named(pad, QPushButton, "OK"))


def open_admin(qtbot, kiosk):
    corner_taps(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    enter_pin(qtbot, kiosk, PIN)
    qtbot.waitUntil(lambda: kiosk.admin.is_open, timeout=5000)
    return kiosk.admin.panel


def page(qtbot, panel, name):
    tap(qtbot, named(panel, QPushButton, name))
    return panel.current_page()


# --- getting in -----------------------------------------------------------------------

def test_the_gesture_and_the_right_pin_open_admin_mode(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    assert panel.isVisible() and not kiosk.admin.pad.isVisible()
    assert named(panel, QLabel, "Admin mode").isVisible()
    assert not named(panel, QPushButton, "Leave to the desktop").isVisible()
    assert [kind for kind, _ in admin_events(kiosk)] == ["admin_opened"]
    tap(qtbot, named(panel, QPushButton, "Close admin mode"))
    assert not kiosk.admin.active
    assert [kind for kind, _ in admin_events(kiosk)] == ["admin_opened", "admin_closed"]


def test_the_pin_pad_speaks_french_on_a_french_screen(qtbot, kiosk):
    kiosk.set_language("fr")
    corner_taps(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    pad = kiosk.admin.pad
    assert named(pad, QLabel, "Accès du personnel : saisissez le code").isVisible()
    tap(qtbot, named(pad, QPushButton, "1"))
    assert pad.dots.accessibleName() == "1 chiffre saisi"
    tap(qtbot, named(pad, QPushButton, "Annuler"))
    assert not kiosk.admin.active


def test_a_wrong_pin_is_refused_and_logged_without_its_digits(qtbot, kiosk):
    corner_taps(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    enter_pin(qtbot, kiosk, "97531")
    qtbot.waitUntil(lambda: kiosk.admin.pad.message.isVisible()
                    and "Wrong PIN" in kiosk.admin.pad.message.text(), timeout=5000)
    assert "2 attempts left" in kiosk.admin.pad.message.text()
    assert not kiosk.admin.is_open
    assert admin_events(kiosk) == [("admin_pin_failed", {"attempts_left": 2})]
    payloads = " ".join(p for (p,) in journal_rows(kiosk, "SELECT payload FROM outbox"))
    assert "97531" not in payloads
    enter_pin(qtbot, kiosk, PIN)                 # a right PIN still opens
    qtbot.waitUntil(lambda: kiosk.admin.is_open, timeout=5000)


def test_wrong_pins_lock_the_pad_for_a_while_said_in_words_and_kept_in_the_journal(
        qtbot, kiosk):
    clock = [1000.0]
    kiosk.admin.lockout._clock = lambda: clock[0]
    corner_taps(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    for attempt in range(3):
        enter_pin(qtbot, kiosk, "1111")
        qtbot.waitUntil(lambda n=attempt: len(admin_events(kiosk)) >= n + 1, timeout=5000)
    pad = kiosk.admin.pad
    qtbot.waitUntil(lambda: "Too many wrong PINs" in pad.message.text(), timeout=5000)
    assert pad.message.text() == "Too many wrong PINs. Try again in 30 seconds."
    assert not named(pad, QPushButton, "5").isEnabled()
    assert [kind for kind, _ in admin_events(kiosk)][-1] == "admin_locked_out"
    assert journal_rows(kiosk, "SELECT failures, lockouts, locked_until IS NOT NULL "
                               "FROM admin_lockout") == [(0, 1, 1)]
    clock[0] += 31           # the lockout's time passes
    qtbot.waitUntil(lambda: named(pad, QPushButton, "5").isEnabled(), timeout=5000)
    assert not pad.message.isVisible()
    enter_pin(qtbot, kiosk, PIN)
    qtbot.waitUntil(lambda: kiosk.admin.is_open, timeout=5000)
    assert journal_rows(kiosk, "SELECT failures, lockouts FROM admin_lockout") == [(0, 0)]


def test_a_lockout_survives_a_restart(qtbot, qapp, kiosk, admin_config):
    kiosk.admin.lockout.lockouts = 1
    kiosk.admin.lockout._locked_until = kiosk.admin.lockout._clock() + 30
    kiosk.admin._save_lockout()
    kiosk.runner.wait_idle()
    kiosk.shutdown()
    again = KioskApp(qapp, admin_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(again.window)
    try:
        qtbot.waitUntil(lambda: again.cards is not None, timeout=10000)
        corner_taps(qtbot, again)
        qtbot.waitUntil(lambda: again.admin.asking_pin, timeout=5000)
        assert again.admin.lockout.locked
        assert not again.admin.pad.ok_button.isEnabled()
    finally:
        again.shutdown()
        kiosk.shutdown = lambda: None


def test_admin_mode_closes_after_its_idle_time(qtbot, kiosk):
    kiosk.admin.idle.setInterval(300)
    open_admin(qtbot, kiosk)
    qtbot.waitUntil(lambda: not kiosk.admin.active, timeout=5000)
    assert admin_events(kiosk)[-1] == ("admin_closed", {"why": "idle"})


def test_an_unanswered_pin_pad_closes_after_the_idle_time_too(qtbot, kiosk):
    kiosk.admin.idle.setInterval(300)
    corner_taps(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    qtbot.waitUntil(lambda: not kiosk.admin.active, timeout=5000)


def test_the_shopper_idle_reset_closes_admin_mode(qtbot, kiosk):
    open_admin(qtbot, kiosk)
    assert kiosk.window.showing_session()      # the first corner tap woke the attract screen
    kiosk.idle._idle.setInterval(100)
    kiosk.idle.countdown_s = 1
    kiosk.idle.start()
    qtbot.waitUntil(lambda: not kiosk.window.showing_session(), timeout=5000)
    assert not kiosk.admin.active
    assert admin_events(kiosk)[-1] == ("admin_closed", {"why": "shopper_reset"})


def test_without_a_pin_in_the_config_the_gesture_opens_nothing(qtbot, qapp, demo_config):
    kiosk = KioskApp(qapp, demo_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
        corner_taps(qtbot, kiosk)
        kiosk.runner.wait_idle()
        assert not kiosk.admin.active
    finally:
        kiosk.shutdown()


def test_random_taps_at_a_shoppers_pace_never_open_admin_mode(qtbot, kiosk):
    """Taps anywhere on the window, the corner included, a third of a second to two
    seconds apart: a shopper's pace. The gesture's clock follows that pace."""
    now = [0.0]
    kiosk.admin.gesture._clock = lambda: now[0]
    rng = random.Random(20261124)
    width, height = kiosk.window.width(), kiosk.window.height()
    handle = kiosk.window.windowHandle()
    in_corner = 0
    for _ in range(2000):
        now[0] += rng.uniform(0.3, 2.0)
        point = QPoint(rng.randrange(width), rng.randrange(height))
        in_corner += point.x() < 72 and point.y() < 72
        QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         point)
        QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           point)
        assert not kiosk.admin.active
    assert in_corner > 0        # the corner was hit now and then, never five times running
    # The same taps, quick and in the corner, do open it: the gesture was listening.
    for _ in range(5):
        now[0] += 0.4
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(10, 10))
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)


def test_corner_taps_still_work_as_back_for_a_shopper(qtbot, kiosk):
    kiosk.start_session()
    kiosk.navigator.open_search("veste")
    assert kiosk.window.screens.count() == 2
    tap(qtbot, kiosk.top_bar.back_button)
    assert kiosk.window.screens.count() == 1


# --- the pages --------------------------------------------------------------------------

def test_the_status_page_shows_the_terminal_its_queue_and_its_files(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    status = panel.status
    qtbot.waitUntil(lambda: status.local is not None, timeout=5000)
    figures = status.figures
    assert figures.value("Store") == "Luma Paris Rivoli (paris-rivoli)"
    assert figures.value("Terminal") == "t1"
    assert figures.value("Central server") == "none configured"
    assert figures.value("Orders waiting") == "1"
    assert figures.value("Ratings waiting") == "3"
    assert figures.value("Dead letters") == "1"
    assert int(figures.value("Events waiting")) >= 6
    assert figures.value("Cursor moved") == "no cursor yet"    # a demo import, never synced
    cache_size = database_bytes(kiosk.config.data_dir / "cache.db")
    assert figures.value("Cache size") == kiosk.formatter.data_size(cache_size)
    assert " of " in figures.value("Disk free")
    qtbot.waitUntil(lambda: figures.value("Cache check").startswith("sound"), timeout=10000)
    assert figures.value("Journal check").startswith("sound (checked ")
    tap(qtbot, named(panel, QPushButton, "Check the databases"))
    qtbot.waitUntil(lambda: not status.checking, timeout=10000)
    assert figures.value("Journal check").startswith("sound (checked ")
    assert "admin_integrity_check" in [kind for kind, _ in admin_events(kiosk)]


def test_the_today_page_counts_this_terminals_day(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    today = page(qtbot, panel, "Today")
    qtbot.waitUntil(lambda: today.today is not None, timeout=5000)
    figures = today.figures
    # Three seeded sessions, and the one the first corner tap started.
    assert figures.value("Sessions") == "4"
    assert figures.value("Searches") == "2"
    assert figures.value("Searches that found nothing") == "1"
    assert figures.value("Orders") == "2"
    assert figures.value("Ratings") == "3"
    assert figures.value("Average rating") == "2.67 out of 4"


def test_a_dead_letter_shows_the_servers_reason_and_can_be_sent_again(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    letters = page(qtbot, panel, "Dead letters")
    qtbot.waitUntil(lambda: len(letters.letters) == 1, timeout=5000)
    text = letters.list.item(0).text()
    assert "Order K7D-3MXQ9P" in text and "price_changed" in text and "zoe@" not in text
    letters.list.setCurrentRow(0)
    tap(qtbot, named(panel, QPushButton, "Send again"))
    qtbot.waitUntil(lambda: letters.letters == [], timeout=5000)
    assert "sent at the next sync" in letters.outcome.text()
    assert journal_rows(kiosk, "SELECT state FROM outbox WHERE kind = 'order' "
                               "AND json_extract(payload, '$.reference') = 'K7D-3MXQ9P'"
                        ) == [("pending",)]
    assert admin_events(kiosk)[-1][0] == "admin_dead_letter_retried"


def test_discarding_needs_a_typed_reason_and_a_confirmation_and_keeps_the_item(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    letters = page(qtbot, panel, "Dead letters")
    qtbot.waitUntil(lambda: len(letters.letters) == 1, timeout=5000)
    letters.list.setCurrentRow(0)
    tap(qtbot, named(panel, QPushButton, "Discard…"))
    confirm = named(panel, QPushButton, "Discard")
    assert not confirm.isEnabled()             # no reason typed yet
    type_on_screen(qtbot, letters.keyboard, "doublon")
    assert named(panel, QLineEdit, "Reason for discarding").text() == "doublon"
    tap(qtbot, confirm)
    assert letters.confirm_label.isVisible()   # asked once more, in words
    assert journal_rows(kiosk, "SELECT count(*) FROM outbox WHERE state = 'discarded'"
                        ) == [(0,)]
    tap(qtbot, named(panel, QPushButton, "Yes, discard it"))
    qtbot.waitUntil(lambda: letters.letters == [], timeout=5000)
    assert journal_rows(kiosk, "SELECT state, discard_reason FROM outbox "
                               "WHERE json_extract(payload, '$.reference') = 'K7D-3MXQ9P'"
                        ) == [("discarded", "doublon")]
    kind, data = admin_events(kiosk)[-1]
    assert kind == "admin_dead_letter_discarded" and data["reason"] == "doublon"


def test_the_sync_page_says_when_there_is_no_server(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    sync = page(qtbot, panel, "Sync")
    assert "No central server" in sync.state.text()
    assert not named(panel, QPushButton, "Sync now").isEnabled()


def test_the_scanner_test_shows_the_code_and_opens_no_product(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    devices = page(qtbot, panel, "Devices")
    screens = kiosk.window.screens.count()
    kiosk.scanner.scanned.emit("4006381333931")
    assert "4006381333931" in devices.last_code.text()
    assert "a valid EAN/UPC barcode" in devices.last_code.text()
    kiosk.scanner.scanned.emit("4006381333932")
    assert "NOT valid" in devices.last_code.text()
    kiosk.runner.wait_idle()
    assert kiosk.window.screens.count() == screens


def test_the_touch_grid_lights_up_where_touched(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    devices = page(qtbot, panel, "Devices")
    cell = named(panel, QPushButton, "Cell 1, 1: not touched")
    tap(qtbot, cell)
    assert cell.isChecked() and cell.text() == "✓"
    assert cell.accessibleName() == "Cell 1, 1: touched"
    tap(qtbot, cell)                      # a second touch keeps it lit
    assert cell.isChecked() and devices.touched == 1
    tap(qtbot, named(panel, QPushButton, "Clear the grid"))
    assert devices.touched == 0


def test_the_config_page_masks_secrets_and_refuses_a_bad_file(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    config_page = page(qtbot, panel, "Config")
    shown_text = config_page.text.toPlainText()
    assert "admin.pin_hash = '••••'" in shown_text and "pbkdf2" not in shown_text
    assert "terminal.terminal_id = 't1'" in shown_text
    running = kiosk.config
    good = running.source.read_text(encoding="utf-8")
    running.source.write_text(good.replace('terminal_id = "t1"', "terminal_id = 42")
                              + "[orders]\nmax_items = 900\n", encoding="utf-8")
    tap(qtbot, named(panel, QPushButton, "Reload from disk"))
    qtbot.waitUntil(lambda: config_page.outcome.isVisible(), timeout=5000)
    outcome = config_page.outcome.text()
    assert "refused" in outcome and "the running config is kept" in outcome
    assert "terminal.terminal_id: expected a string" in outcome
    assert "orders.max_items: must be between 1 and 500, got 900" in outcome
    assert kiosk.config is running
    assert admin_events(kiosk)[-1] == ("admin_config_refused", {"problems": 2})

    running.source.write_text(good + "[orders]\nmax_items = 7\n[central]\n"
                                     'url = "https://central.example.com"\n', encoding="utf-8")
    tap(qtbot, named(panel, QPushButton, "Reload from disk"))
    qtbot.waitUntil(lambda: kiosk.config is not running, timeout=5000)
    assert kiosk.config.max_order_items == 7 and kiosk.context.config.max_order_items == 7
    outcome = config_page.outcome.text()
    assert "In effect now: orders.max_items" in outcome
    assert "In effect after a restart: central.url" in outcome
    assert "orders.max_items = 7" in config_page.text.toPlainText()
    assert admin_events(kiosk)[-1] == ("admin_config_reloaded", {
        "applied": ["orders.max_items"], "at_restart": ["central.url"]})


def test_the_log_page_shows_the_last_lines_masked(qtbot, kiosk):
    log_dir = kiosk.config.log_dir
    log_dir.mkdir(parents=True, exist_ok=True)
    (log_dir / "kiosk.log").write_text(
        "2026-11-24 14:03:12,123 INFO kiosk: started\n"
        "2026-11-24 14:03:13,001 WARNING kiosk.core.sync.push: refused: "
        "customer.email zoe@example.fr, phone 06 12 34 56 78, Bearer abc123\n",
        encoding="utf-8")
    panel = open_admin(qtbot, kiosk)
    log_page = page(qtbot, panel, "Log")
    qtbot.waitUntil(lambda: log_page.lines is not None, timeout=5000)
    text = log_page.text.toPlainText()
    assert "kiosk: started" in text and MASK in text
    for secret in ("zoe@", "06 12", "abc123"):
        assert secret not in text


def test_restart_ends_the_app_with_the_restart_status_after_the_audit(qtbot, kiosk):
    panel = open_admin(qtbot, kiosk)
    tap(qtbot, named(panel, QPushButton, "Restart the app"))
    qtbot.waitUntil(lambda: kiosk.quits == [RESTART_EXIT_CODE], timeout=5000)
    assert admin_events(kiosk)[-1][0] == "admin_restart"


def test_leaving_to_the_desktop_only_when_the_config_allows_it(qtbot, qapp, demo_config):
    write_admin_config(demo_config, "allow_exit_to_desktop = true\n")
    kiosk = KioskApp(qapp, load_config(demo_config.source), windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
        kiosk.set_language("en")
        kiosk.quits = []
        kiosk.admin.quit = kiosk.quits.append
        panel = open_admin(qtbot, kiosk)
        tap(qtbot, named(panel, QPushButton, "Leave to the desktop"))
        qtbot.waitUntil(lambda: kiosk.quits == [0], timeout=5000)
        assert admin_events(kiosk)[-1][0] == "admin_exit"
    finally:
        kiosk.shutdown()


@pytest.mark.parametrize("text_scale", [1.5, 2.0])
@pytest.mark.parametrize("size", [QSize(1080, 1920), QSize(1920, 1080)],
                         ids=["portrait", "landscape"])
def test_every_admin_page_fits_in_large_type(qtbot, qapp, admin_config, size, text_scale):
    orientation = "portrait" if size.height() > size.width() else "landscape"
    config = dataclasses.replace(admin_config, text_scale=text_scale, orientation=orientation)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
    kiosk.set_language("en")
    corner_taps(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    for language in ("fr", "en"):
        kiosk.set_language(language)
        assert clipped_text(kiosk.admin.pad) == [], f"PIN pad, {language}, {orientation}"
        assert kiosk.window.size() == size, f"PIN pad, {language}, {orientation}"
    enter_pin(qtbot, kiosk, PIN)
    qtbot.waitUntil(lambda: kiosk.admin.is_open, timeout=5000)
    panel = kiosk.admin.panel
    for language in ("fr", "en"):
        kiosk.set_language(language)
        for index in range(len(panel.pages)):
            panel.show_page(index)
            where = f"page {index}, {language}, {orientation}"
            # The figures arrive from the database worker, then are laid out.
            try:
                qtbot.waitUntil(lambda: clipped_text(panel) == [], timeout=2000)
            except qtbot.TimeoutError:
                assert clipped_text(panel) == [], where
            assert kiosk.window.size() == size, where
    kiosk.shutdown()
