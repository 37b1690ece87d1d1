"""'How was your visit?' on the whole kiosk, in French: faces, the follow-up question, the
thank-you, and each rating journaled once whichever way the question ends.

The rating desk's clock is a fake the tests move on: repeat and burst windows are
crossed without waiting.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QPushButton
from support.clock import TEST_CLOCK
from support.gestures import named, shown, start, tap
from support.layout import clipped_text
from support.ordering import current, order_missing_jacket

from central.schemas import RatingIn
from kiosk.core.db.journal import open_journal
from kiosk.core.orders import BasketLine
from kiosk.ui.app import KioskApp
from kiosk.ui.screens.confirmation import ConfirmationScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.rating import RatingScreen
from kiosk.ui.widgets.faces import FaceButton

QUESTION_NEGATIVE = "Qu’est-ce qui n’est pas allé ?"
QUESTION_POSITIVE = "Qu’avez-vous particulièrement apprécié ?"


class Clock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(kiosk):
    kiosk.ratings.clock = Clock()
    return kiosk.ratings.clock


def journal_ratings(config) -> list[dict]:
    conn = open_journal(config.data_dir).conn
    rows = conn.execute("SELECT payload FROM outbox WHERE kind = 'rating' ORDER BY id").fetchall()
    conn.close()
    return [json.loads(payload) for (payload,) in rows]


def written(kiosk) -> list[dict]:
    """The ratings in the journal once the database worker has done what it was given."""
    kiosk.runner.wait_idle()
    return journal_ratings(kiosk.config)


def open_from_home(qtbot, kiosk) -> RatingScreen:
    start(qtbot, kiosk)
    tap(qtbot, shown(qtbot, kiosk.window, QPushButton, "Notez votre visite"))
    screen = current(kiosk, RatingScreen)
    shown(qtbot, screen, QLabel, "Comment s’est passée votre visite ?")
    screen.thanks_ms = 200          # the thank-you's few seconds, shortened
    return screen


def tap_face(qtbot, screen, word):
    tap(qtbot, shown(qtbot, screen, FaceButton, word))


def faces_on_screen(kiosk) -> list[str]:
    return [face.accessibleName() for face in kiosk.window.findChildren(FaceButton)
            if face.isVisible()]


def back_at_the_start(qtbot, kiosk):
    qtbot.waitUntil(lambda: not kiosk.window.showing_session())


def test_a_rating_with_reasons(qtbot, kiosk, clock):
    screen = open_from_home(qtbot, kiosk)
    kiosk.context.session.add_to_compare(kiosk.cards[0].id)
    assert not kiosk.tray.isVisible()          # the compare tray stays out of it
    tap_face(qtbot, screen, "Mécontent")

    # The question alone: the face chosen is not left for the next person to see.
    shown(qtbot, screen, QLabel, QUESTION_NEGATIVE)
    assert faces_on_screen(kiosk) == []
    tap(qtbot, shown(qtbot, screen, QPushButton, "Le temps d’attente"))
    tap(qtbot, shown(qtbot, screen, QPushButton, "Les prix"))
    tap(qtbot, shown(qtbot, screen, QPushButton, "Les prix"))     # changed their mind
    tap(qtbot, shown(qtbot, screen, QPushButton, "Produits indisponibles"))
    assert named(screen, QPushButton, "Le temps d’attente").text().startswith("✓ ")
    tap(qtbot, named(screen, QPushButton, "Envoyer"))

    shown(qtbot, screen, QLabel, "Merci !")
    assert faces_on_screen(kiosk) == []
    assert not any(chip.isVisible() for chip in screen.findChildren(QPushButton, "Chip"))
    back_at_the_start(qtbot, kiosk)

    (rating,) = written(kiosk)
    checked = RatingIn.model_validate(rating)
    assert (checked.score, checked.reasons, checked.misuse) == (
        2, ["waiting_time", "product_availability"], False)
    assert checked.store_id == kiosk.config.store_id


def test_skip_writes_the_rating_without_reasons(qtbot, kiosk, clock):
    screen = open_from_home(qtbot, kiosk)
    tap_face(qtbot, screen, "Très content")
    shown(qtbot, screen, QLabel, QUESTION_POSITIVE)
    tap(qtbot, shown(qtbot, screen, QPushButton, "Une visite rapide"))
    tap(qtbot, named(screen, QPushButton, "Passer"))
    back_at_the_start(qtbot, kiosk)
    assert [(r["score"], r["reasons"]) for r in written(kiosk)] == [(4, [])]


def test_repeated_presses_count_once(qtbot, kiosk, clock):
    screen = open_from_home(qtbot, kiosk)
    tap_face(qtbot, screen, "Content")
    tap(qtbot, shown(qtbot, screen, QPushButton, "Passer"))
    back_at_the_start(qtbot, kiosk)

    # Back at once for another go: the same visit, counted once, no question asked.
    clock.now += 3
    screen = open_from_home(qtbot, kiosk)
    tap_face(qtbot, screen, "Très mécontent")
    shown(qtbot, screen, QLabel, "Merci !")
    back_at_the_start(qtbot, kiosk)
    assert [r["score"] for r in written(kiosk)] == [3]

    # Past the window, a new rating.
    clock.now += 60
    screen = open_from_home(qtbot, kiosk)
    tap_face(qtbot, screen, "Très mécontent")
    tap(qtbot, shown(qtbot, screen, QPushButton, "Passer"))
    back_at_the_start(qtbot, kiosk)
    assert [r["score"] for r in written(kiosk)] == [3, 1]


def test_a_burst_is_kept_and_flagged_as_misuse(qtbot, qapp, demo_config):
    config = dataclasses.replace(demo_config, rating_burst_presses=3)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    kiosk.ratings.clock = clock = Clock()
    try:
        for _ in range(3):               # three ratings in 22 seconds: the third is a burst
            screen = open_from_home(qtbot, kiosk)
            tap_face(qtbot, screen, "Très mécontent")
            tap(qtbot, shown(qtbot, screen, QPushButton, "Passer"))
            back_at_the_start(qtbot, kiosk)
            clock.now += 11
        assert [r["misuse"] for r in written(kiosk)] == [False, False, True]
    finally:
        kiosk.shutdown()


def test_the_question_times_out_with_what_was_ticked(qtbot, kiosk, clock):
    screen = open_from_home(qtbot, kiosk)
    screen.question_timeout_ms = 300
    tap_face(qtbot, screen, "Content")
    tap(qtbot, shown(qtbot, screen, QPushButton, "Un personnel serviable"))
    shown(qtbot, screen, QLabel, "Merci !")        # nobody tapped Send or Skip
    back_at_the_start(qtbot, kiosk)
    assert [(r["score"], r["reasons"]) for r in written(kiosk)] == [(3, ["staff_helpful"])]


def test_the_idle_reset_during_the_question_writes_the_rating_once(qtbot, kiosk, clock):
    screen = open_from_home(qtbot, kiosk)
    tap_face(qtbot, screen, "Très mécontent")
    tap(qtbot, shown(qtbot, screen, QPushButton, "La propreté du magasin"))

    kiosk.idle.expired.emit()          # the shopper walked away mid-question

    assert not kiosk.window.showing_session()
    qtbot.waitUntil(lambda: not kiosk.window.findChildren(RatingScreen))
    assert faces_on_screen(kiosk) == []
    on_screen = [w.text() for cls in (QLabel, QPushButton)
                 for w in kiosk.window.findChildren(cls) if w.isVisible()]
    assert QUESTION_NEGATIVE not in on_screen
    assert not any("propreté" in text for text in on_screen)
    assert [(r["score"], r["reasons"]) for r in written(kiosk)] == [(1, ["store_tidiness"])]
    # The next shopper's session starts clean and nothing is written again.
    start(qtbot, kiosk)
    assert isinstance(kiosk.window.current_screen(), HomeScreen)
    assert len(written(kiosk)) == 1


def test_leaving_the_question_by_back_still_writes_the_rating(qtbot, kiosk, clock):
    screen = open_from_home(qtbot, kiosk)
    tap_face(qtbot, screen, "Très content")
    shown(qtbot, screen, QLabel, QUESTION_POSITIVE)
    tap(qtbot, named(kiosk.top_bar, QPushButton, "Retour"))
    assert isinstance(kiosk.window.current_screen(), HomeScreen)
    qtbot.waitUntil(lambda: len(journal_ratings(kiosk.config)) == 1)
    assert [(r["score"], r["reasons"]) for r in written(kiosk)] == [(4, [])]


def test_a_rating_waiting_at_shutdown_is_written(qtbot, qapp, demo_config):
    kiosk = KioskApp(qapp, demo_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    screen = open_from_home(qtbot, kiosk)
    tap_face(qtbot, screen, "Mécontent")
    tap(qtbot, shown(qtbot, screen, QPushButton, "Les prix"))
    kiosk.shutdown()
    assert [(r["score"], r["reasons"]) for r in journal_ratings(demo_config)] == [
        (2, ["prices"])]


def test_no_thanks_from_home_goes_back(qtbot, kiosk, clock):
    open_from_home(qtbot, kiosk)
    tap(qtbot, named(kiosk.window, QPushButton, "Non merci"))
    assert isinstance(kiosk.window.current_screen(), HomeScreen)
    assert kiosk.window.showing_session()
    assert written(kiosk) == []


def test_done_after_an_order_offers_the_rating(qtbot, kiosk, clock):
    order_missing_jacket(qtbot, kiosk)
    tap(qtbot, named(kiosk.window, QPushButton, "Terminé"))
    screen = current(kiosk, RatingScreen)
    screen.thanks_ms = 200
    tap_face(qtbot, screen, "Très content")
    tap(qtbot, shown(qtbot, screen, QPushButton, "J’ai trouvé ce que je cherchais"))
    tap(qtbot, named(screen, QPushButton, "Envoyer"))
    back_at_the_start(qtbot, kiosk)
    assert [(r["score"], r["reasons"]) for r in written(kiosk)] == [(4, ["found_everything"])]


def test_no_thanks_after_an_order_ends_the_session(qtbot, kiosk, clock):
    order_missing_jacket(qtbot, kiosk)
    tap(qtbot, named(kiosk.window, QPushButton, "Terminé"))
    current(kiosk, RatingScreen)
    tap(qtbot, shown(qtbot, kiosk.window, QPushButton, "Non merci"))
    assert not kiosk.window.showing_session()
    assert written(kiosk) == []


def test_done_ends_the_session_when_the_store_does_not_ask(qtbot, kiosk):
    kiosk.config = kiosk.context.config = dataclasses.replace(
        kiosk.config, offer_rating_after_order=False)
    order_missing_jacket(qtbot, kiosk)
    tap(qtbot, named(kiosk.window, QPushButton, "Terminé"))
    assert not kiosk.window.showing_session()
    assert not any(isinstance(kiosk.window.screens.widget(i), ConfirmationScreen | RatingScreen)
                   and not kiosk.window.screens.widget(i).isHidden()
                   for i in range(kiosk.window.screens.count()))


def faces_words_fit(screen) -> bool:
    """Each face's word in its two lines (painted, so clipped_text cannot see it)."""
    for face in screen.faces:
        box = face.word_box()
        needed = QFontMetrics(face.word_font()).boundingRect(
            QRect(0, 0, box.width(), 10_000), Qt.TextFlag.TextWordWrap, face.text())
        if needed.height() > box.height() or needed.width() > box.width():
            return False
    return True


@pytest.mark.parametrize("text_scale", [1.5, 2.0])
@pytest.mark.parametrize("size", [QSize(1080, 1920), QSize(1920, 1080)],
                         ids=["portrait", "landscape"])
def test_the_rating_screens_fit_in_large_type(qtbot, qapp, demo_config, size, text_scale):
    orientation = "portrait" if size.width() < size.height() else "landscape"
    config = dataclasses.replace(demo_config, text_scale=text_scale, orientation=orientation)
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(size)
    qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10_000)
    try:
        kiosk.start_session()
        jacket = BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket", "L", "Red", 7500, 1)
        screens = {"home": lambda: None,
                   "basket question": lambda: (kiosk.context.session.add_to_basket(jacket),
                                               kiosk.navigator.open_rating()),
                   "faces": lambda: current(kiosk, RatingScreen).basket_question
                   .confirm_button.click(),
                   "question": lambda: current(kiosk, RatingScreen)._on_face(2),
                   "thanks": lambda: current(kiosk, RatingScreen)._on_send()}
        for name, step in screens.items():
            step()
            for language in ("fr", "en"):
                kiosk.set_language(language)
                qtbot.wait(50)              # layouts settle; a tap never comes sooner
                where = f"{name}, {language}, {orientation}"
                assert kiosk.window.size() == size, where
                assert clipped_text(kiosk.window) == [], where
                if name == "home":
                    assert kiosk.home.rate_visit.isVisible()
                if name == "faces":
                    assert faces_words_fit(current(kiosk, RatingScreen)), where
            kiosk.set_language("fr")
        # Every face and answer is a large target.
        screen = current(kiosk, RatingScreen)
        assert all(face.height() >= kiosk.theme.touch_target for face in screen.faces)
    finally:
        kiosk.shutdown()


def with_a_jacket_in_the_basket(qtbot, kiosk):
    start(qtbot, kiosk)
    kiosk.context.session.add_to_basket(BasketLine(
        "WJ01-L-Red", 1, "Stellar Solar Jacket", "L", "Red", 7500, 2))
    tap(qtbot, shown(qtbot, kiosk.window, QPushButton, "Notez votre visite"))
    screen = current(kiosk, RatingScreen)
    # Asked over the faces, which no finger reaches while the question is up.
    shown(qtbot, screen, QLabel, "Votre panier contient 2 articles pas encore commandés")
    assert screen.basket_question.geometry() == screen.rect()
    return screen


def test_rating_from_home_with_a_basket_asks_first_and_the_basket_can_be_kept(
        qtbot, kiosk, clock):
    screen = with_a_jacket_in_the_basket(qtbot, kiosk)
    tap(qtbot, named(screen, QPushButton, "Garder mon panier"))
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current_screen(), HomeScreen))
    assert kiosk.window.showing_session()
    assert kiosk.context.session.basket.item_count == 2
    assert written(kiosk) == []


def test_a_shopper_who_lets_the_basket_go_rates_and_the_visit_ends(qtbot, kiosk, clock):
    screen = with_a_jacket_in_the_basket(qtbot, kiosk)
    tap(qtbot, named(screen, QPushButton, "Vider mon panier et noter"))
    tap_face(qtbot, screen, "Content")
    tap(qtbot, shown(qtbot, screen, QPushButton, "Passer"))
    back_at_the_start(qtbot, kiosk)
    assert kiosk.context.session.basket.item_count == 0
    assert [r["score"] for r in written(kiosk)] == [3]
