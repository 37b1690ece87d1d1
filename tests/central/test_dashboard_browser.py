"""The dashboard opened in a real headless Chromium (Debian's package), logged in as a
manager: a screenshot that is not blank, and the DOM as the browser built it."""

from __future__ import annotations

import shutil
import subprocess
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import uvicorn
from analytics_helpers import BETA_NAME, END, START, fresh_database, send_fixture
from staff_helpers import STAFF_PASSWORD
from support.central_server import free_port
from support.cookie_proxy import CookieProxy

from central.app import create_app
from central.settings import Settings
from central.staff import add_staff
from central.staff_sessions import COOKIE_NAME

WIDTH, HEIGHT = 1024, 1400          # a landscape tablet, scrolled


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "Chromium is not installed: ./scripts/test installs it (Debian: chromium)"
    return found


class Served:
    """The app on a loopback port, in this process, logged in once."""

    def __init__(self, db) -> None:
        self.port = free_port()
        config = uvicorn.Config(create_app(Settings(db.url), db), host="127.0.0.1",
                                port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        with db.writing() as session:
            add_staff(session, "browser-manager", STAFF_PASSWORD)

    def __enter__(self) -> Served:
        self.thread.start()
        while not self.server.started:
            self.thread.join(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join()

    def session_cookie(self) -> str:
        class Keep(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None                       # keep the 303 and its Set-Cookie
        opener = urllib.request.build_opener(Keep)
        form = urllib.parse.urlencode({"username": "browser-manager",
                                       "password": STAFF_PASSWORD}).encode()
        try:
            opener.open(f"http://127.0.0.1:{self.port}/dashboard/login", data=form)
            raise AssertionError("the login did not redirect")
        except urllib.error.HTTPError as redirect:
            assert redirect.code == 303
            cookie = redirect.headers["Set-Cookie"].split(";")[0]
        assert cookie.startswith(COOKIE_NAME + "=")
        return cookie


@pytest.fixture(scope="module", params=["with data", "without data"])
def served(request, tmp_path_factory):
    db = fresh_database(request, tmp_path_factory, "sqlite")
    if request.param == "with data":
        send_fixture(db)
    with Served(db) as server:
        yield request.param, server
    db.dispose()


def run_chromium(url: str, *options: str, workdir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", f"--user-data-dir={workdir / 'profile'}",
         f"--window-size={WIDTH},{HEIGHT}", *options, url],
        capture_output=True, text=True, timeout=120, cwd=workdir)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_dashboard_renders_in_chromium(served, language, tmp_path):
    kind, server = served
    query = urllib.parse.urlencode({"start": START.isoformat(), "end": END.isoformat(),
                                    "lang": language})
    with CookieProxy(server.port, server.session_cookie()) as proxy:
        url = f"http://127.0.0.1:{proxy.port}/dashboard?{query}"
        shot = tmp_path / f"dashboard-{language}.png"
        done = run_chromium(url, f"--screenshot={shot}", workdir=tmp_path)
        assert shot.exists(), done.stderr[-2000:]
        dom = run_chromium(url, "--dump-dom", workdir=tmp_path).stdout

    from PySide6.QtGui import QImage
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)
    colours = {image.pixel(x, y) for x in range(0, WIDTH, 16) for y in range(0, HEIGHT, 16)}
    assert len(colours) > 20, "the screenshot is (nearly) blank"

    assert f'<html lang="{language}">' in dom
    assert "Luma Alpha République" in dom
    title = "Avis et fréquentation des magasins" if language == "fr" \
        else "Store ratings and visits"
    assert title in dom
    if kind == "with data":
        assert "Luma Beta &quot;Bêta&quot;, &lt;Co&gt; &amp; fils" in dom \
            or BETA_NAME.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in dom
        for chart in ('class="heatmap"', 'class="trend"', 'class="reasons"',
                      'class="funnel"', 'class="bar"'):
            assert chart in dom
    else:
        assert 'class="heatmap"' not in dom
        assert ("Aucune donnée" if language == "fr" else "No data for this period") in dom
