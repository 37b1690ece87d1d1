"""Fixtures for the terminal-as-appliance tests: a terminal config on a copy of the demo
cache, and a datagram socket standing in for systemd's notification socket."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from support.central_server import CentralServer
from support.notify_socket import NotifySocket

from kiosk.core.config import load_config


@pytest.fixture
def terminal_config_file(tmp_path, demo_cache_dir, luma_dir) -> Path:
    """A terminal of paris-rivoli with the demo catalog, no central server, Qt's mock voice."""
    data_dir = tmp_path / "data"
    shutil.copytree(demo_cache_dir, data_dir)
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[terminal]\nstore_id = "paris-rivoli"\nterminal_id = "paris-rivoli-07"\n'
        'store_name = "Luma Paris Rivoli"\n'
        f'[paths]\ndata_dir = "{data_dir}"\nlog_dir = "{tmp_path / "logs"}"\n'
        f'catalog_images_dir = "{luma_dir / "images"}"\n'
        '[accessibility]\nspeech_engine = "mock"\n', encoding="utf-8")
    return path


@pytest.fixture
def terminal_config(terminal_config_file):
    return load_config(terminal_config_file)


@pytest.fixture
def notify_socket():
    """In the abstract namespace, as systemd's own is: no path to clean up or overflow."""
    name = f"@kiosk-test-notify-{uuid.uuid4().hex}"
    listener = NotifySocket(b"\0" + name[1:].encode())
    listener.name = name
    yield listener
    listener.close()


@pytest.fixture(scope="module")
def central(tmp_path_factory, luma_dir):
    """The reference central server with the demo chain, in its own process on loopback."""
    workdir = tmp_path_factory.mktemp("central")
    server = CentralServer(workdir, f"sqlite:///{workdir / 'central.db'}", luma_dir / "images")
    server.cli("init-db")
    server.seed_demo(luma_dir)
    server.start()
    yield server
    server.stop()
