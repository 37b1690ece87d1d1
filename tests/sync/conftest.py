"""Fixtures: a central server seeded with the demo chain, running on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.central_server import CentralServer


@pytest.fixture(scope="session")
def seeded_central_db(tmp_path_factory, luma_dir) -> Path:
    """A central SQLite database seeded with the demo chain, made once and copied."""
    workdir = tmp_path_factory.mktemp("central-seed")
    database = workdir / "central.db"
    server = CentralServer(workdir, f"sqlite:///{database}", luma_dir / "images")
    server.cli("init-db")
    server.cli("seed-demo", "--luma", str(luma_dir))
    return database


@pytest.fixture(scope="module")
def central(tmp_path_factory, seeded_central_db, luma_dir):
    """A running central server for the module, on a copy of the seeded database.

    Tests share it: each uses a terminal of its own and looks only at its orders.
    """
    tmp_path = tmp_path_factory.mktemp("central")
    database = tmp_path / "central.db"
    database.write_bytes(seeded_central_db.read_bytes())
    server = CentralServer(tmp_path, f"sqlite:///{database}", luma_dir / "images")
    server.start()
    yield server
    server.stop()
