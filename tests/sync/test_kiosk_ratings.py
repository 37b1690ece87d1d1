"""Ratings given on a kiosk whose server is away reach the server once each, later.

The shopper's taps go through the real rating screen; the kiosk's own sync service sends
what the journal holds. What the server stored is read from its database.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from datetime import datetime, timedelta

import requests
from PySide6.QtWidgets import QLabel, QPushButton
from support.gestures import shown, start, tap
from support.terminal import DELIVERED_WITHIN_MS, start_kiosk

from kiosk.core.db.journal import open_journal
from kiosk.ui.widgets.faces import FaceButton


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def server_ratings(central, terminal_id: str) -> dict[str, tuple]:
    with closing(sqlite3.connect(central.database_url.removeprefix("sqlite:///"))) as conn:
        rows = conn.execute(
            "SELECT r.id, r.score, r.reasons, r.misuse, r.store_id FROM ratings r "
            "JOIN terminals t ON t.id = r.terminal_id WHERE t.name = ?",
            (terminal_id,)).fetchall()
    return {id_: (score, json.loads(reasons), bool(misuse), store)
            for id_, score, reasons, misuse, store in rows}


def journal_ratings(config) -> dict[str, str]:
    """Each journaled rating's state ('pending', 'sent'...), by id."""
    conn = open_journal(config.data_dir).conn
    rows = conn.execute("SELECT uuid, state FROM outbox WHERE kind = 'rating'").fetchall()
    conn.close()
    return dict(rows)


def rate(qtbot, kiosk, face, answer=None):
    start(qtbot, kiosk)
    tap(qtbot, shown(qtbot, kiosk.window, QPushButton, "Notez votre visite"))
    screen = kiosk.window.current_screen()
    screen.thanks_ms = 100
    tap(qtbot, shown(qtbot, screen, FaceButton, face))
    if screen.pages.currentWidget() is screen.question_page:
        if answer:
            tap(qtbot, shown(qtbot, screen, QPushButton, answer))
        tap(qtbot, shown(qtbot, screen, QPushButton, "Envoyer"))
    shown(qtbot, screen, QLabel, "Merci !")
    qtbot.waitUntil(lambda: not kiosk.window.showing_session())


def test_ratings_given_offline_arrive_once_each(qtbot, qapp, central, kiosk_config):  # noqa: F811
    central.stop()
    try:
        kiosk = start_kiosk(qtbot, qapp, kiosk_config)
        kiosk.ratings.clock = clock = Clock()
        rate(qtbot, kiosk, "Mécontent", "Le temps d’attente")
        clock.now += 2
        rate(qtbot, kiosk, "Très mécontent")          # the same visit again: counted once
        clock.now += 60
        rate(qtbot, kiosk, "Très content", "Une visite rapide")
        clock.now += 60
        rate(qtbot, kiosk, "Content")
        kiosk.shutdown()
    finally:
        central.start()
    journaled = journal_ratings(kiosk_config)
    assert len(journaled) == 3 and set(journaled.values()) == {"pending"}
    assert server_ratings(central, kiosk_config.terminal_id) == {}

    # The terminal comes back with the network: the ratings go up by themselves.
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    qtbot.waitUntil(lambda: set(journal_ratings(kiosk_config).values()) == {"sent"},
                    timeout=DELIVERED_WITHIN_MS)
    stored = server_ratings(central, kiosk_config.terminal_id)
    assert set(stored) == set(journaled)
    assert sorted(stored.values()) == [
        (2, ["waiting_time"], False, "paris-rivoli"),
        (3, [], False, "paris-rivoli"),
        (4, ["quick_visit"], False, "paris-rivoli")]
    kiosk.shutdown()


def test_ratings_from_the_kiosk_show_on_the_dashboard_burst_flagged(
        qtbot, qapp, central, kiosk_config):
    """The issue's walk-through: one good rating, one bad with a reason, and a burst of
    presses; once synced, the managers' figures count them under this store and this
    hour, and the burst's last rating as flagged and left out."""
    auth = manager_login(central)
    before = dashboard(central, auth)
    hours = {datetime.now().astimezone().hour}     # the store's clock is this machine's
    kiosk = start_kiosk(qtbot, qapp, kiosk_config)
    kiosk.ratings.clock = clock = Clock()
    rate(qtbot, kiosk, "Très content")
    clock.now += 100
    rate(qtbot, kiosk, "Mécontent", "Le temps d’attente")
    clock.now += 100
    # Five presses in 12 s: the first four are one rating (repeats within 10 s), the
    # fifth makes a new one, which completes the burst and is flagged.
    for gap in (0, 2, 2, 2, 6):
        clock.now += gap
        rate(qtbot, kiosk, "Très mécontent")
    qtbot.waitUntil(lambda: len(journal_ratings(kiosk_config)) == 4
                    and set(journal_ratings(kiosk_config).values()) == {"sent"},
                    timeout=DELIVERED_WITHIN_MS)
    kiosk.shutdown()
    hours.add(datetime.now().astimezone().hour)    # the hour may have turned meanwhile
    after = dashboard(central, auth)

    store_before, store_after = (store_row(d) for d in (before, after))
    assert store_after["ratings"] - store_before["ratings"] == 3
    for score in (4, 2, 1):
        assert store_after[f"score_{score}"] - store_before[f"score_{score}"] == 1
    assert store_after["flagged_misuse"] - store_before["flagged_misuse"] == 1
    assert sum(hour_ratings(after, hour) - hour_ratings(before, hour) for hour in hours) == 3
    reasons = {r["reason"]: r["ratings"] for r in after["reasons"]}
    reasons_before = {r["reason"]: r["ratings"] for r in before["reasons"]}
    assert reasons["waiting_time"] - reasons_before.get("waiting_time", 0) == 1


def manager_login(central) -> tuple[str, str]:
    """A staff account made with the CLI, as the chain makes them; its credentials."""
    username, password = f"manager-{uuid.uuid4().hex[:8]}", "a-long-manager-password"
    done = subprocess.run([sys.executable, "-m", "central", "staff", "add", username,
                           "--password-stdin"], input=password + "\n", capture_output=True,
                          text=True, cwd=central.workdir, timeout=60,
                          env=dict(os.environ, CENTRAL_DATABASE_URL=central.database_url))
    assert done.returncode == 0, done.stderr
    return username, password


def dashboard(central, auth) -> dict:
    # The days around the store's today, this machine's: the default range ends on the
    # chain's today (Paris), a day before a store clock running ahead of Paris.
    day = datetime.now().astimezone().date()
    days = {"start": (day - timedelta(days=1)).isoformat(),
            "end": (day + timedelta(days=1)).isoformat()}
    answer = requests.get(f"{central.url}/v1/analytics/dashboard",
                          params={"store_id": "paris-rivoli", **days}, auth=auth, timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()


def store_row(figures: dict) -> dict:
    rows = [row for row in figures["stores"] if row["store_id"] == "paris-rivoli"]
    return rows[0] if rows else {"ratings": 0, "score_4": 0, "score_2": 0, "score_1": 0,
                                 "flagged_misuse": 0}


def hour_ratings(figures: dict, hour: int) -> int:
    return sum(cell["ratings"] for cell in figures["heatmap"]
               if cell["store_id"] == "paris-rivoli" and cell["hour"] == hour)
