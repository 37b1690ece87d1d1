import sqlite3

import pytest

from kiosk.core.db.cache import CACHE_MIGRATIONS, open_cache, recheck_cache
from kiosk.core.db.journal import JOURNAL_FILE, open_alerts, open_journal
from kiosk.core.db.sqlite import Migration, connect, migrate, schema_version, sql_step


def test_new_files_are_created_at_the_latest_schema_with_their_durability(tmp_path):
    cache = open_cache(tmp_path)
    journal = open_journal(tmp_path)
    assert schema_version(cache.conn) == CACHE_MIGRATIONS[-1].version
    assert cache.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert journal.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # NORMAL is 1, FULL is 2
    assert cache.conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert journal.conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_migrations_bring_an_old_schema_up_to_date_keeping_its_rows(tmp_path):
    v1 = Migration(1, "notes", sql_step("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"))
    v2 = Migration(2, "notes get a title",
                   sql_step("ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT '';"))
    conn = connect(tmp_path / "old.db", synchronous="FULL")
    assert migrate(conn, [v1]) == [1]
    conn.execute("INSERT INTO notes (body) VALUES ('kept')")

    assert migrate(conn, [v1, v2]) == [2]
    assert migrate(conn, [v1, v2]) == []
    assert [tuple(r) for r in conn.execute("SELECT body, title FROM notes")] == [("kept", "")]
    assert schema_version(conn) == 2


def test_a_failing_migration_leaves_the_file_at_its_previous_version(tmp_path):
    v1 = Migration(1, "t", sql_step("CREATE TABLE t (x);"))
    broken = Migration(2, "broken",
                       sql_step("CREATE TABLE u (y);\nINSERT INTO missing VALUES (1);"))
    conn = connect(tmp_path / "db.db", synchronous="FULL")
    migrate(conn, [v1])
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, [v1, broken])
    assert schema_version(conn) == 1
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "u" not in tables


def test_a_file_from_a_newer_kiosk_is_refused(tmp_path):
    conn = connect(tmp_path / "db.db", synchronous="FULL")
    conn.execute("PRAGMA user_version = 99")
    with pytest.raises(sqlite3.DatabaseError, match="newer"):
        migrate(conn, [Migration(1, "t", sql_step("CREATE TABLE t (x);"))])


def _corrupt(path):
    data = bytearray(path.read_bytes())
    data[:16] = b"this is garbage!"
    data[4096:8192] = b"\xff" * 4096
    path.write_bytes(bytes(data))


def test_a_corrupt_cache_is_set_aside_and_rebuilt(tmp_path, caplog):
    opened = open_cache(tmp_path)
    opened.conn.execute("INSERT INTO sync_state VALUES ('cursor', 'abc')")
    opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.conn.close()
    _corrupt(tmp_path / "cache.db")

    reopened = open_cache(tmp_path)

    assert reopened.set_aside_as is not None and reopened.set_aside_as.exists()
    assert reopened.conn.execute("SELECT count(*) FROM sync_state").fetchone()[0] == 0
    assert reopened.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert sum("cache.db was damaged" in r.getMessage() for r in caplog.records) == 1


def test_a_corrupt_journal_is_kept_aside_byte_for_byte_and_staff_are_alerted(tmp_path):
    opened = open_journal(tmp_path)
    opened.conn.execute(
        "INSERT INTO outbox (uuid, kind, payload, created_at) VALUES ('u1', 'order', '{}', 'now')")
    opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.conn.close()
    _corrupt(tmp_path / JOURNAL_FILE)
    damaged_bytes = (tmp_path / JOURNAL_FILE).read_bytes()

    reopened = open_journal(tmp_path)

    assert reopened.set_aside_as.read_bytes() == damaged_bytes
    alerts = open_alerts(reopened.conn)
    assert [a["kind"] for a in alerts] == ["journal_corrupt"]
    assert reopened.set_aside_as.name in alerts[0]["detail"]
    assert reopened.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_a_sound_journal_is_opened_as_is(tmp_path):
    first = open_journal(tmp_path)
    first.conn.execute(
        "INSERT INTO outbox (uuid, kind, payload, created_at) VALUES ('u1', 'rating', '{}', 'now')")
    first.conn.close()
    again = open_journal(tmp_path)
    assert again.set_aside_as is None
    assert [r["uuid"] for r in again.conn.execute("SELECT uuid FROM outbox")] == ["u1"]
    assert open_alerts(again.conn) == []


def test_a_cache_opened_before_its_check_is_replaced_when_the_check_finds_damage(
        tmp_path, demo_cache_dir):
    # The kiosk opens its cache without reading it all, shows its first screen, then
    # checks; damage deep in the file is only found then.
    cache_file = tmp_path / "cache.db"
    cache_file.write_bytes((demo_cache_dir / "cache.db").read_bytes())
    data = bytearray(cache_file.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle:middle + 16 * 4096] = b"\xff" * (16 * 4096)
    cache_file.write_bytes(bytes(data))

    opened = open_cache(tmp_path, check=False)
    assert opened.set_aside_as is None
    checked = recheck_cache(opened)

    assert checked is not opened and checked.set_aside_as.exists()
    assert checked.conn.execute("SELECT count(*) FROM products").fetchone()[0] == 0


def test_a_sound_cache_survives_its_deferred_check(tmp_path, demo_cache_dir):
    (tmp_path / "cache.db").write_bytes((demo_cache_dir / "cache.db").read_bytes())
    opened = open_cache(tmp_path, check=False)
    assert recheck_cache(opened) is opened


def test_outbox_rows_still_readable_in_a_damaged_journal_are_carried_over(tmp_path):
    opened = open_journal(tmp_path)
    payloads = {f"u{n}": '{"reference": "R%d", "note": "%s"}' % (n, "x" * 300)
                for n in range(400)}
    opened.conn.executemany(
        "INSERT INTO outbox (uuid, kind, payload, created_at) VALUES (?, 'order', ?, 'now')",
        payloads.items())
    opened.conn.execute("UPDATE outbox SET state = 'sent' WHERE uuid = 'u0'")
    opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.conn.close()
    journal = tmp_path / JOURNAL_FILE
    data = bytearray(journal.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle:middle + 2 * 4096] = b"\xff" * (2 * 4096)   # two pages of rows lost
    journal.write_bytes(bytes(data))

    reopened = open_journal(tmp_path)

    assert reopened.set_aside_as is not None
    saved = dict(reopened.conn.execute("SELECT uuid, payload FROM outbox"))
    assert 300 < len(saved) < 400
    assert all(payloads[uuid] == payload for uuid, payload in saved.items())
    states = dict(reopened.conn.execute("SELECT uuid, state FROM outbox"))
    assert states["u0"] == "sent" and states["u399"] == "pending"
    [alert] = open_alerts(reopened.conn)
    assert f"with the {len(saved)} outbox items still readable" in alert["detail"]


def test_insert_rows_writes_every_row_in_order_across_statements(tmp_path):
    from kiosk.core.db.sqlite import ROWS_PER_STATEMENT, insert_rows
    conn = connect(tmp_path / "rows.db", synchronous="NORMAL")
    conn.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
    rows = [(n % (ROWS_PER_STATEMENT + 7), f"v{n}") for n in range(2 * ROWS_PER_STATEMENT + 3)]
    insert_rows(conn, "INSERT INTO t (k, v) VALUES {values} "
                "ON CONFLICT (k) DO UPDATE SET v = excluded.v", rows)
    # A key met twice keeps its later value, as with executemany.
    assert dict(conn.execute("SELECT k, v FROM t").fetchall()) == dict(rows)
    insert_rows(conn, "INSERT INTO t (k, v) VALUES {values}", [])     # nothing to write
