"""The terminal's databases from start to swap, without a screen: what the kiosk's
database worker runs."""

import sqlite3
from datetime import datetime, timezone

import pytest

from kiosk.core.db.cache import CACHE_FILE, REBUILT_CACHE_FILE, open_cache
from kiosk.core.db.terminal_data import TerminalData

CHECKED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


def product_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM products").fetchone()[0]


def terminal_data(data_dir) -> TerminalData:
    return TerminalData(data_dir, clock=lambda: CHECKED_AT)


def copy_demo_cache(demo_cache_dir, to):
    to.mkdir(parents=True, exist_ok=True)
    (to / CACHE_FILE).write_bytes((demo_cache_dir / CACHE_FILE).read_bytes())


def set_aside_caches(data_dir) -> list[str]:
    """The damaged cache files moved out of the way (without their WAL and SHM)."""
    return sorted(path.name for path in data_dir.glob(f"{CACHE_FILE}.corrupt-*")
                  if not path.name.endswith(("-wal", "-shm")))


def test_the_first_read_comes_before_the_cache_check_and_a_sound_cache_stays(
        tmp_path, demo_cache_dir):
    copy_demo_cache(demo_cache_dir, tmp_path)
    data = terminal_data(tmp_path)

    products = data.open(product_count)

    assert products == product_count(open_cache(demo_cache_dir, check=False).conn)
    assert data.integrity["journal"].ok and data.integrity["journal"].at == CHECKED_AT
    assert "cache" not in data.integrity        # its check reads the whole file: later
    cache = data.cache_connection()
    assert data.check_cache() is False
    assert data.integrity["cache"].ok
    assert data.cache_connection() is cache
    assert data.journal_connection() is not None


def test_a_cache_too_damaged_to_open_is_set_aside_at_once_and_an_empty_one_answers(tmp_path):
    opened = open_cache(tmp_path)
    opened.conn.execute("INSERT INTO sync_state VALUES ('cursor', 'abc')")
    opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.conn.close()
    damaged = bytearray((tmp_path / CACHE_FILE).read_bytes())
    damaged[:16] = b"this is garbage!"
    (tmp_path / CACHE_FILE).write_bytes(bytes(damaged))

    data = terminal_data(tmp_path)

    assert data.open(product_count) == 0
    assert len(set_aside_caches(tmp_path)) == 1
    assert (tmp_path / set_aside_caches(tmp_path)[0]).read_bytes() == bytes(damaged)
    assert data.cache_connection().execute("SELECT count(*) FROM sync_state").fetchone()[0] == 0


def test_damage_deep_in_the_cache_is_found_by_the_deferred_check_which_replaces_it(
        tmp_path, demo_cache_dir):
    copy_demo_cache(demo_cache_dir, tmp_path)
    cache_file = tmp_path / CACHE_FILE
    damaged_bytes = bytearray(cache_file.read_bytes())
    middle = len(damaged_bytes) // 2 // 4096 * 4096
    damaged_bytes[middle:middle + 16 * 4096] = b"\xff" * (16 * 4096)
    cache_file.write_bytes(bytes(damaged_bytes))
    terminal = terminal_data(tmp_path)
    assert terminal.open(lambda conn: conn.execute("SELECT 1").fetchone()[0]) == 1
    damaged = terminal.cache_connection()

    assert terminal.check_cache() is True

    assert not terminal.integrity["cache"].ok
    assert terminal.integrity["cache"].at == CHECKED_AT
    assert terminal.cache_connection() is not damaged
    assert product_count(terminal.cache_connection()) == 0   # sync refills it
    assert len(set_aside_caches(tmp_path)) == 1


def test_a_cache_rebuilt_by_sync_is_swapped_in_and_the_old_connection_closed(
        tmp_path, demo_cache_dir):
    data = terminal_data(tmp_path)
    assert data.open(product_count) == 0                     # a terminal not yet synced
    (tmp_path / REBUILT_CACHE_FILE).write_bytes((demo_cache_dir / CACHE_FILE).read_bytes())
    old = data.cache_connection()

    data.swap_in_rebuilt_cache()

    assert product_count(data.cache_connection()) > 0
    assert not (tmp_path / REBUILT_CACHE_FILE).exists()
    with pytest.raises(sqlite3.ProgrammingError):
        old.execute("SELECT 1")


def test_a_cache_rebuilt_just_before_the_last_stop_is_put_in_place_at_start(
        tmp_path, demo_cache_dir):
    (tmp_path / REBUILT_CACHE_FILE).write_bytes((demo_cache_dir / CACHE_FILE).read_bytes())

    products = terminal_data(tmp_path).open(product_count)

    assert products > 0
    assert not (tmp_path / REBUILT_CACHE_FILE).exists()


def test_connections_are_none_until_the_databases_are_open(tmp_path):
    data = terminal_data(tmp_path)
    assert data.cache_connection() is None and data.journal_connection() is None
