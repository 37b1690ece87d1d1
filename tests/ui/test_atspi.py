"""Names and roles, checked by a real assistive-technology client (issue 22, item 7).

The real kiosk runs on an X server of its own with Qt's accessibility on, and exposes its
tree on the AT-SPI bus as it does on a terminal. tests/support/atspi_walk.py, run by the
system's Python with Debian's pyatspi, takes a shopper's way through it as a screen
reader's user would (the attract screen, the home, a category, a product, the basket) and
reports, screen by screen, every control without a name or with the wrong role. It works
the product's options and the accessibility panel's switches with their first action, Qt's
"Toggle", and goes on only once the kiosk acts on it as on a tap.

Once as the kiosk starts, once for a shopper who switched on, from the start screen, the
largest text, high contrast and reach mode (all three together: the most a screen must
hold).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support.atspi_desktop import accessible_desktop, stop

SUPPORT = Path(__file__).resolve().parents[1] / "support"
WALKER = SUPPORT / "atspi_walk.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")
KIOSK = Path(sys.executable).with_name("kiosk")
WALK_TIMEOUT_S = 300
SCREENS = ["attract", "home", "category", "product", "basket", "form", "accessibility"]


def tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:] if path.exists() else "(no log)"


@pytest.mark.parametrize("walk_options", [[], ["--large"]],
                         ids=["as it starts", "largest text, high contrast, reach mode"])
def test_a_screen_reader_finds_every_control_of_a_journey_named_and_in_its_role(
        tmp_path, demo_config, walk_options):
    found = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True,
                           text=True, timeout=60)
    assert found.returncode == 0, \
        f"{SYSTEM_PYTHON} cannot import pyatspi (./scripts/test installs python3-pyatspi): " \
        f"{found.stderr.strip()}"
    config = demo_config.source      # the demo catalog; speech through Qt's silent engine
    kiosk_log = tmp_path / "kiosk.log"
    with accessible_desktop(tmp_path) as env:
        kiosk_env = {**env, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
        with open(kiosk_log, "wb") as log:
            kiosk = subprocess.Popen([str(KIOSK), "run", "--config", str(config)],
                                     env=kiosk_env, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        try:
            walk = subprocess.run([str(SYSTEM_PYTHON), str(WALKER), *walk_options], env=env,
                                  capture_output=True, text=True, timeout=WALK_TIMEOUT_S)
            still_running = kiosk.poll() is None
        finally:
            stop(kiosk)

    assert still_running, f"the kiosk ended during the walk: {tail(kiosk_log)}"
    assert walk.returncode == 0, \
        f"the walk stopped: {walk.stderr.strip()}\nkiosk's log: {tail(kiosk_log)}"
    readings = [json.loads(line) for line in walk.stdout.splitlines() if line.startswith("{")]
    assert [reading["screen"] for reading in readings] == SCREENS
    for reading in readings:
        # Each screen shows more than the accessibility button: the walk read it whole.
        assert len(reading["controls"]) >= 3, reading
    problems = [f"{reading['screen']}: {problem}"
                for reading in readings for problem in reading["problems"]]
    assert problems == [], "\n".join(problems)
