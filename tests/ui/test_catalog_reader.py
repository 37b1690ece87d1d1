from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from kiosk.core.categories import top_categories
from kiosk.core.db.journal import open_journal


def test_an_answer_reaches_the_screen_that_asked(qtbot, shopper_context):
    screen = QWidget()
    answers = []
    shopper_context.catalog.fetch(screen, top_categories, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert [tile.name for tile in answers[0]][:3] == ["Women", "Men", "Gear"]


def test_an_answer_for_a_screen_gone_meanwhile_is_dropped(qtbot, shopper_context):
    screen = QWidget()
    answers, finished = [], []
    shopper_context.catalog.fetch(screen, top_categories, answers.append)
    screen.deleteLater()     # the shopper moved on before the worker answered
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    shopper_context.runner.run_db(lambda: None, finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert answers == []


def test_shopper_events_reach_the_journal_off_the_gui_thread(qtbot, shopper_context):
    shopper_context.journal.record_search("veste", 0)
    shopper_context.journal.record("product_view", {"sku": "WJ01"})
    assert shopper_context.runner.wait_idle()
    journal = open_journal(shopper_context.config.data_dir).conn
    kinds = [row[0] for row in journal.execute(
        "SELECT json_extract(payload, '$.type') FROM outbox WHERE kind = 'event' ORDER BY id")]
    assert kinds == ["zero_result_search", "product_view"]
