"""What a real terminal's heartbeat tells the central server about its health: the config
format it reads and the fleet settings it has kept, as the staff's Terminals page shows."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from central.db import models
from central.db.engine import Database
from central.fleet_health import fleet_health
from kiosk.core.fleet_config import kept_revision
from kiosk.core.sync.client import Answer, CentralClient, Verdict
from kiosk.core.sync.engine import SyncEngine
from kiosk_contract.config_schema import CONFIG_VERSION

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


class ServerFromBefore:
    """A central server from before the config fields: its strict contract refuses them
    (422) and takes the heartbeat it knows."""

    total_timeout_s = 10.0

    def __init__(self) -> None:
        self.beats: list[dict] = []

    def heartbeat(self, body: dict) -> Answer:
        self.beats.append(body)
        if "config_version" in body or "config_revision" in body:
            return Answer(Verdict.REJECTED, 422, {"error": "validation_failed"})
        return Answer(Verdict.OK, 200, {"server_time": "2026-11-24T10:00:00Z",
                                        "clock_drift_seconds": 0.0})

    def close(self) -> None:
        self.closed = True


def test_a_server_from_before_the_config_fields_still_gets_heartbeats(tmp_path, luma_dir):
    server = ServerFromBefore()
    engine = SyncEngine(tmp_path, server, version="health-test", interval_s=30,
                        purge_after=timedelta(days=30), images_dir=luma_dir / "images",
                        clock=lambda: TERMINAL_NOW, rng=random.Random(3))
    try:
        first = engine.run_round(push_only=True)
        engine.run_round(push_only=True)
    finally:
        engine.close()
    assert first.online and first.clock_drift_s == 0.0
    # Refused once with the fields, then taken without them, and not offered them again.
    assert ["config_version" in beat for beat in server.beats] == [True, False, False]
