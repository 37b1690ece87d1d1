"""What a real terminal's heartbeat tells the central server about its health: the config
format it reads and the fleet settings it has kept, as the staff's Terminals page shows."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from central.db import models
from central.db.engine import Database
from central.fleet_health import fleet_health
from kiosk.core.config_schema import CONFIG_VERSION
from kiosk.core.fleet_config import kept_revision
from kiosk.core.sync.client import CentralClient
from kiosk.core.sync.engine import SyncEngine

TERMINAL_NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)


def test_the_heartbeat_says_which_settings_the_terminal_has(central, tmp_path, luma_dir):
    name = f"health-{tmp_path.name}"[:60]
    token = central.add_terminal(name).read_text().strip()
    data_dir = tmp_path / "terminal"
    data_dir.mkdir()
    engine = SyncEngine(data_dir, CentralClient(central.url, token, total_timeout_s=10),
                        version="health-test", interval_s=30,
                        purge_after=timedelta(days=30), images_dir=luma_dir / "images",
                        clock=lambda: TERMINAL_NOW, rng=random.Random(3))
    db = Database(central.database_url)
    try:
        engine.run_round(push_only=True)          # nothing kept yet: says so, then keeps
        assert last_beat(db, name)["config_revision"] == ""
        kept = kept_revision(data_dir)
        assert kept
        engine.run_round(push_only=True)
        beat = last_beat(db, name)
        assert beat["config_version"] == CONFIG_VERSION and beat["config_revision"] == kept
        assert beat["version"] == "health-test"
        with db.reading() as session:
            [health] = [h for h in fleet_health(session, datetime.now(timezone.utc), 10)
                        if h.terminal == name]
        assert health.config_current is True and health.config_version == CONFIG_VERSION
        assert health.outbox == 0 and health.dead_letters == 0
    finally:
        engine.close()
        db.dispose()


def last_beat(db: Database, name: str) -> dict:
    with db.reading() as session:
        return session.scalar(select(models.Terminal.last_heartbeat)
                              .where(models.Terminal.name == name))
