"""The heartbeat file a watchdog looks at: written off the GUI thread, its failures told
once per streak rather than every few seconds."""

import logging

from kiosk.ui.heartbeat import HEARTBEAT_FILE, Heartbeat
from kiosk.ui.tasks import TaskRunner


def test_the_heartbeat_file_is_touched_as_soon_as_the_heartbeat_starts(qtbot, qapp, tmp_path):
    runner = TaskRunner(qapp)
    heartbeat = Heartbeat(runner, tmp_path)
    heartbeat.start()
    qtbot.waitUntil((tmp_path / HEARTBEAT_FILE).exists, timeout=5000)
    heartbeat.stop()
    runner.close()


def test_a_failing_heartbeat_is_logged_once_per_streak_and_its_end_too(
        qtbot, qapp, tmp_path, caplog):
    runner = TaskRunner(qapp)
    data_dir = tmp_path / "not-yet"          # no directory: the file cannot be touched
    heartbeat = Heartbeat(runner, data_dir)

    def beat_and_wait() -> None:
        heartbeat.beat()
        assert runner.wait_idle()
        qapp.processEvents()      # the outcome, posted to the GUI thread, is heard

    with caplog.at_level(logging.INFO, logger="kiosk.ui.heartbeat"):
        beat_and_wait()
        beat_and_wait()
        data_dir.mkdir()
        beat_and_wait()
        beat_and_wait()
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2, messages
    assert messages[0].startswith("cannot touch the heartbeat file")
    assert messages[1] == "the heartbeat file is written again"
    assert (data_dir / HEARTBEAT_FILE).exists()
    runner.close()
