"""The central API in-process (FastAPI's TestClient) on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import delete
from support.throwaway_postgres import ThrowawayPostgres

from central.app import create_app
from central.db.engine import Database
from central.db.models import RateLimit
from central.db.schema import _config, upgrade
from central.settings import Settings
from central.terminals import add_terminal
from kiosk_demo.luma import seed_central


@pytest.fixture(scope="session")
def postgres():
    server = ThrowawayPostgres()
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_at(request, tmp_path):
    """Makes a new database of each engine brought up to a given revision only: the
    state a migration after it starts from."""
    made: list[Database] = []

    def at(revision: str) -> Database:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / f'at-{revision}.db'}"
        else:
            url = request.getfixturevalue("postgres").new_database("migration")
        db = Database(url)
        config = _config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        made.append(db)
        return db

    yield at
    for db in made:
        db.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def seeded_database(request, tmp_path_factory, luma_dir):
    """A central database with the demo chain, once per database engine."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('central') / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres").new_database("central")
    db = Database(url)
    upgrade(db)
    seed_central(db, luma_dir)
    yield db
    db.dispose()


@pytest.fixture
def api(seeded_database, luma_dir):
    # The database outlives the test: the tries an earlier test counted are forgotten, as
    # they would be after a while.
    with seeded_database.writing() as session:
        session.execute(delete(RateLimit))
    app = create_app(Settings(seeded_database.url, images_dir=luma_dir / "images"),
                     seeded_database)
    with TestClient(app) as client:
        yield Api(client, seeded_database)


class Api:
    """The test client, plus terminals made for each test."""

    def __init__(self, client: TestClient, db: Database) -> None:
        self.client, self.db = client, db

    def terminal(self, store: str = "paris-rivoli") -> dict[str, str]:
        with self.db.writing() as session:
            token = add_terminal(session, store, f"test-{uuid.uuid4().hex[:10]}")
        return {"Authorization": f"Bearer {token}"}
