"""Alembic's entry point; `central.db.schema.upgrade` passes the connection in."""

from alembic import context

from central.db.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
