"""Fixtures: a central server seeded with the demo chain, running on loopback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.central_server import CentralServer

from kiosk.core.config import load_config
from kiosk.i18n.build import build


@pytest.fixture(scope="session")
def seeded_central_db(tmp_path_factory, luma_dir) -> Path:
    """A central SQLite database seeded with the demo chain, made once and copied."""
    workdir = tmp_path_factory.mktemp("central-seed")
    database = workdir / "central.db"
    server = CentralServer(workdir, f"sqlite:///{database}", luma_dir / "images")
    server.cli("init-db")
    server.seed_demo(luma_dir)
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


@pytest.fixture
def kiosk_config(tmp_path, central, demo_cache_dir, luma_dir):
    """A terminal of paris-rivoli known to the server, syncing every 5 seconds."""
    build()
    name = "k-" + tmp_path.name.lower().replace("_", "-")[:60]
    token_file = central.add_terminal(name)
    data_dir = tmp_path / "data"
    shutil.copytree(demo_cache_dir, data_dir)   # the catalog at hand; sync brings the rest
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "{name}"\n'
        f'[central]\nurl = "{central.url}"\ntoken_file = "{token_file}"\n'
        "sync_interval_seconds = 5\n"
        f'[paths]\ndata_dir = "{data_dir}"\nlog_dir = "{tmp_path / "logs"}"\n'
        f'catalog_images_dir = "{luma_dir / "images"}"\n', encoding="utf-8")
    return load_config(path)
