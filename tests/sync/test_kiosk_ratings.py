"""Ratings given on a kiosk whose server is away reach the server once each, later.

The shopper's taps go through the real rating screen; the kiosk's own sync service sends
what the journal holds. What the server stored is read from its database.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

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
