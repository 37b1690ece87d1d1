"""Admin mode tells staff why the central server cannot be used, in their language, with
the technical detail a tap away: against real loopback sockets, no server faked."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QPushButton
from support.gestures import named, tap, touch

from kiosk.core.admin import hash_pin
from kiosk.core.config import load_config
from kiosk.ui.admin.trouble import ZERO_WIDTH_SPACE
from kiosk.ui.app import KioskApp

PIN = "2468"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def refusing_every_token() -> Iterator[str]:
    """A server answering 401 to everything, as the central server does to a bad token."""

    class Handler(BaseHTTPRequestHandler):
        def _refuse(self) -> None:
            body = b'{"error": "unauthorized", "message": "unknown token"}'
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _refuse       # noqa: N815 (http.server's naming)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def start_kiosk(qtbot, qapp, demo_config):
    started = []

    def start(central_url: str) -> KioskApp:
        text = demo_config.source.read_text(encoding="utf-8")
        demo_config.source.write_text(
            text + f'[central]\nurl = "{central_url}"\n'
                   f'[admin]\npin_hash = "{hash_pin(PIN, iterations=100_000)}"\n',
            encoding="utf-8")
        kiosk = KioskApp(qapp, load_config(demo_config.source), windowed=True)
        started.append(kiosk)
        qtbot.addWidget(kiosk.window)
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
        kiosk.set_language("en")      # the PIN pad's words; the pages are read in French
        return kiosk

    yield start
    for kiosk in started:
        kiosk.shutdown()


def open_admin(qtbot, kiosk):
    for _ in range(5):
        touch(kiosk.window, QPoint(8, 8))
    qtbot.waitUntil(lambda: kiosk.admin.asking_pin, timeout=5000)
    for digit in PIN:
        tap(qtbot, named(kiosk.admin.pad, QPushButton, digit))
    tap(qtbot, named(kiosk.admin.pad, QPushButton, "OK"))
    qtbot.waitUntil(lambda: kiosk.admin.is_open, timeout=5000)
    kiosk.set_language("fr")
    return kiosk.admin.panel


def figure_shown(qtbot, page, name: str, start: str) -> str:
    """Wait until the status page, read again, shows a value for `name` starting with
    `start`; return that value."""
    def shown_now() -> bool:
        try:
            return page.figures.value(name).startswith(start)
        except KeyError:          # that row is not there yet
            page.refresh()
            return False

    qtbot.waitUntil(shown_now, timeout=10000)
    return page.figures.value(name)


def test_an_unreachable_server_is_said_in_french_with_the_detail_a_tap_away(
        qtbot, start_kiosk):
    url = f"http://127.0.0.1:{closed_port()}"
    kiosk = start_kiosk(url)
    panel = open_admin(qtbot, kiosk)
    status = panel.status
    central = figure_shown(qtbot, status, "Serveur central", f"{url} · serveur injoignable")
    assert central == f"{url} · serveur injoignable : vérifiez le réseau et le serveur"
    assert figure_shown(qtbot, status, "Synchronisation", "hors ligne") \
        == "hors ligne — serveur injoignable : vérifiez le réseau et le serveur"
    # The words the library used stay out of the figures, and are one tap away.
    details = status.details
    assert "Connection refused" not in central
    assert details.isVisible() and not details.text.isVisible()
    # Everything read and laid out, as it is when a finger comes.
    kiosk.runner.wait_idle()
    QApplication.processEvents()        # the answers of the last reads arrive
    figures = status.figures

    def laid_out() -> bool:
        return (0 < figures.sizeHint().height() <= figures.height()
                and details.y() >= figures.geometry().bottom())

    qtbot.waitUntil(laid_out, timeout=2000)
    tap(qtbot, named(status, QPushButton, "Afficher les détails"))
    assert details.text.isVisible()
    shown = details.text.text().replace(ZERO_WIDTH_SPACE, "")
    assert "Connection refused" in shown and "Max retries exceeded" in shown
    assert details.text.accessibleName() == details.details
    # Wrapped, never cut: the label is as tall as its wrapped text needs, inside the page.
    qtbot.waitUntil(lambda: details.text.height() >= details.text.heightForWidth(
        details.text.width()), timeout=2000)
    assert details.text.width() <= status.scroll.viewport().width()
    assert details.details.rstrip().endswith("))")     # the whole message, not cut
    tap(qtbot, named(status, QPushButton, "Masquer les détails"))
    assert not details.text.isVisible()


def test_a_refused_token_is_said_on_the_status_and_sync_pages(qtbot, start_kiosk):
    with refusing_every_token() as url:
        kiosk = start_kiosk(url)
        panel = open_admin(qtbot, kiosk)
        refused = "le serveur refuse le jeton de ce terminal : l'informatique doit le renouveler"
        assert figure_shown(qtbot, panel.status, "Synchronisation", "hors ligne") \
            == f"hors ligne — {refused}"
        # The alert the refusal raised is told in words too; its English detail is behind
        # the button.
        alert = figure_shown(qtbot, panel.status, "Alerte", "jeton refusé")
        assert alert.startswith("jeton refusé par le serveur : rien n'est perdu, la "
                                "synchronisation attend l'informatique (signalée ")
        assert "token_refused" not in alert
        assert "Alerte : token_refused · " in panel.status.details.details
        sync_page = panel.sync
        panel.show_page(panel.pages.index(sync_page))
        qtbot.waitUntil(lambda: refused in sync_page.state.text(), timeout=5000)
        assert sync_page.state.text() == f"Dernière synchronisation interrompue : {refused}"
        assert sync_page.details.details.startswith("HTTP 401 · unauthorized")
