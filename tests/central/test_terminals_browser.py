"""The Terminals page opened in a real headless Chromium, logged in as a manager: a
screenshot that is not blank, trouble first in the DOM as the browser built it, the counts
and the filters; one store's page holds only that store's terminals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from analytics_helpers import fresh_database
from support.cookie_proxy import CookieProxy
from test_dashboard_browser import HEIGHT, WIDTH, Served, run_chromium

from central.db import models
from central.db.engine import utc_now
from central.terminals import add_terminal


@pytest.fixture(scope="module")
def served(request, tmp_path_factory):
    db = fresh_database(request, tmp_path_factory, "sqlite")
    now = utc_now()
    beats = {"caisse-1": (now - timedelta(minutes=1), 0.4, 0, "2.1.0"),
             "caisse-2": (now - timedelta(hours=2), -2.0, 0, "2.1.0"),
             "caisse-3": (now - timedelta(minutes=1), 420.0, 3, "1.4.0")}
    with db.writing() as session:
        add_terminal(session, "beta", "caisse-muette")         # never heard from
        for name, (at, drift, dead, version) in beats.items():
            add_terminal(session, "alpha", name)
            terminal = session.query(models.Terminal).filter_by(name=name).one()
            terminal.last_heartbeat_at, terminal.clock_drift_s = at, drift
            terminal.outbox, terminal.dead_letters = 5, dead        # as the heartbeat writes
            terminal.last_heartbeat = {
                "version": version, "terminal_time": at.isoformat(),
                "last_pull_at": (at - timedelta(minutes=5)).isoformat(),
                "queue": {"order": 0, "rating": 1, "event": 4, "dead": dead}}
            if version == "2.1.0":     # the older version's heartbeat says no config
                terminal.last_heartbeat |= {"config_version": 1, "config_revision": ""}
    with Served(db) as server:
        yield server
    db.dispose()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_terminals_page_renders_in_chromium(served, language, tmp_path):
    with CookieProxy(served.port, served.session_cookie()) as proxy:
        url = f"http://127.0.0.1:{proxy.port}/dashboard/terminals?lang={language}"
        shot = tmp_path / f"terminals-{language}.png"
        done = run_chromium(url, f"--screenshot={shot}", workdir=tmp_path)
        assert shot.exists(), done.stderr[-2000:]
        dom = run_chromium(url, "--dump-dom", workdir=tmp_path).stdout

    from PySide6.QtGui import QImage
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)
    colours = {image.pixel(x, y) for x in range(0, WIDTH, 16) for y in range(0, HEIGHT, 16)}
    assert len(colours) > 10, "the screenshot is (nearly) blank"

    assert f'<html lang="{language}">' in dom
    order = [dom.index(name) for name in ("caisse-muette", "caisse-2", "caisse-3",
                                          "caisse-1")]
    assert order == sorted(order), "trouble first: never heard, silent, refused items"
    words = ("Jamais entendu", "Silencieux depuis 2 h", "3 envois refusés",
             "Horloge décalée (7 min d'avance)", "aucun réglage central") \
        if language == "fr" else \
        ("Never heard from", "Silent for 2 h", "3 refused items",
         "Clock off (7 min ahead)", "no central settings")
    for expected in words:
        assert expected.replace("'", "&#39;") in dom or expected in dom
    counts = ("Jamais entendus : 1", "Silencieux : 1", "Avec des envois refusés : 1") \
        if language == "fr" else ("Never heard from: 1", "Silent: 1", "With refused items: 1")
    for expected in counts:
        assert f"<li>{expected}</li>" in dom
    assert '<select name="store_id">' in dom and 'name="attention"' in dom


def test_one_stores_page_in_chromium_holds_only_its_terminals(served, tmp_path):
    with CookieProxy(served.port, served.session_cookie()) as proxy:
        url = f"http://127.0.0.1:{proxy.port}/dashboard/terminals?lang=en&store_id=beta"
        dom = run_chromium(url, "--dump-dom", workdir=tmp_path).stdout
    assert "caisse-muette" in dom and "caisse-1" not in dom
    assert "1 terminal in service at" in dom and '<option value="beta" selected="">' in dom
