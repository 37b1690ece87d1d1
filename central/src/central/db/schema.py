"""Creating and upgrading the central database with Alembic, from code."""

from __future__ import annotations

import secrets
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from central.db.engine import Database
from central.db.models import Meta

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(db: Database) -> None:
    """Bring the schema to the latest version, and give a new database its epoch."""
    config = _config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with db.writing() as session:
        if session.get(Meta, "epoch") is None:
            # Cursors carry the epoch: a cursor from another database is told to reset.
            session.add(Meta(key="epoch", value=secrets.token_hex(4)))
            session.add(Meta(key="pruned_through", value="0"))


def head_revision() -> str | None:
    """The revision the migrations bring a database to."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def is_current(db: Database, head: str | None = None) -> bool:
    """Whether the database is at `head` (default: the migrations' head) and has its
    epoch."""
    head = head or head_revision()
    with db.engine.connect() as connection:
        if MigrationContext.configure(connection).get_current_revision() != head:
            return False
        return connection.execute(select(Meta.value).where(Meta.key == "epoch")).first() \
            is not None
