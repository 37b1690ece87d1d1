"""The consent a shopper gives before a reservation or a back-in-stock alert says how long
the chain keeps their details, as the central server last said in its heartbeat answer
(`retention_days`); before the terminal has heard it, a true sentence without a number.
In French and in English, again at a live language switch, read out by the narrator, and
whole at large type (issue 21)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QCheckBox
from support.clock import TEST_CLOCK
from support.gestures import named, start
from support.heard import Heard
from support.layout import clipped_text

from kiosk.core.retention import RetentionDays
from kiosk.ui.app import KioskApp
from kiosk.ui.screens.back_in_stock import BackInStockScreen
from kiosk.ui.screens.reservation import ReservationScreen
from kiosk.ui.theme import Theme

SKU, LYON, LYON_NAME = "WJ01-L-Red", "lyon-republique", "Luma Lyon République"
ITEM = "Veste Stellar Solar · L · Rouge"
# Each kind its own figure, so that a sentence naming another kind's would show.
RETENTION = RetentionDays(orders=1095, reservations=30, alerts=90, refusals=60,
                          mail_messages=14)
ONE_DAY = RetentionDays(orders=1, reservations=1, alerts=1, refusals=1, mail_messages=1)

RESERVATION_FR = ("J'accepte que le magasin garde mes coordonnées pour cette réservation. "
                  "Elles sont effacées 30 jours après son retrait, son annulation ou son "
                  "expiration.")
RESERVATION_EN = ("I agree that the store keeps my details for this reservation. They are "
                  "erased 30 days after it is collected, cancelled or expires.")
ALERT_FR = ("J'accepte de recevoir un e-mail au sujet de cet article. Mon adresse est effacée "
            "dès que cet e-mail est envoyé, ou au bout de 90 jours si l'article n'est pas "
            "revenu d'ici là. Les copies des e-mails que nous envoyons sont effacées 14 jours "
            "après leur envoi.")
ALERT_EN = ("I agree to receive one e-mail about this item. My address is erased once that "
            "e-mail is sent, or after 90 days if the item is not back by then. Copies of the "
            "e-mails we send are erased 14 days after sending.")


def settle():
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def reservation(context, retention):
    return ReservationScreen(context, SKU, LYON, LYON_NAME, retention)


def alert(context, retention):
    return BackInStockScreen(context, SKU, ITEM, lambda: False, retention)


def opened(qtbot, context, make, retention, width=1080, height=1920):
    screen = make(context, retention)
    screen.setStyleSheet(context.theme.style_sheet())
    qtbot.addWidget(screen)
    screen.resize(width, height)
    screen.show()
    settle()
    return screen


@pytest.fixture
def in_english(qapp, shopper):
    """The English translation installed over the French one, as a language switch does."""
    qapp.installTranslator(shopper.translators["en"])
    settle()
    yield
    qapp.removeTranslator(shopper.translators["en"])


@pytest.mark.parametrize(("make", "said"), [(reservation, RESERVATION_FR), (alert, ALERT_FR)])
def test_in_french_the_consent_names_the_servers_days(qtbot, shopper, make, said):
    screen = opened(qtbot, shopper, make, RETENTION)
    consent = named(screen, QCheckBox, said)
    assert consent is screen.consent
    assert consent.label.text() == said, "the words the shopper reads are those said"


@pytest.mark.parametrize(("make", "said"), [(reservation, RESERVATION_EN), (alert, ALERT_EN)])
def test_in_english_the_consent_names_the_servers_days(qtbot, shopper, in_english, make,
                                                       said):
    screen = opened(qtbot, shopper, make, RETENTION)
    assert named(screen, QCheckBox, said).label.text() == said


@pytest.mark.parametrize(("make", "french", "english"), [
    (reservation, "effacées 1 jour après son retrait", "erased 1 day after it is collected"),
    (alert, "au bout de 1 jour si l'article", "after 1 day if the item"),
])
def test_one_day_is_said_in_the_singular(qtbot, qapp, shopper, make, french, english):
    screen = opened(qtbot, shopper, make, ONE_DAY)
    assert french in screen.consent.accessibleName()
    qapp.installTranslator(shopper.translators["en"])
    settle()                            # the screens retranslate at the LanguageChange
    try:
        assert english in screen.consent.accessibleName()
    finally:
        qapp.removeTranslator(shopper.translators["en"])


@pytest.mark.parametrize(("make", "french", "english"), [
    (reservation,
     "J'accepte que le magasin garde mes coordonnées pour cette réservation, seulement le "
     "temps nécessaire, puis les efface.",
     "I agree that the store keeps my details for this reservation only as long as needed, "
     "then erases them."),
    (alert,
     "J'accepte de recevoir un e-mail au sujet de cet article, et que mon adresse soit "
     "gardée pour cette alerte seulement, puis effacée.",
     "I agree to receive one e-mail about this item, and that my address is kept for this "
     "alert only, then erased."),
])
def test_before_the_server_has_said_the_consent_names_no_number(qtbot, qapp, shopper, make,
                                                                french, english):
    screen = opened(qtbot, shopper, make, None)
    assert named(screen, QCheckBox, french).label.text() == french
    qapp.installTranslator(shopper.translators["en"])
    settle()                            # the screens retranslate at the LanguageChange
    try:
        assert named(screen, QCheckBox, english).label.text() == english
    finally:
        qapp.removeTranslator(shopper.translators["en"])


@pytest.mark.parametrize(("make", "french", "english"),
                         [(reservation, RESERVATION_FR, RESERVATION_EN),
                          (alert, ALERT_FR, ALERT_EN)])
def test_a_language_switch_says_the_days_again_in_the_new_language(qtbot, qapp, shopper,
                                                                     make, french, english):
    screen = opened(qtbot, shopper, make, RETENTION)
    assert screen.consent.accessibleName() == french
    qapp.installTranslator(shopper.translators["en"])
    settle()                            # the screens retranslate at the LanguageChange
    try:
        assert named(screen, QCheckBox, english).label.text() == english
    finally:
        qapp.removeTranslator(shopper.translators["en"])
    settle()
    assert named(screen, QCheckBox, french).label.text() == french


@pytest.mark.parametrize("make", [reservation, alert])
@pytest.mark.parametrize("scale", [1.5, 2.0])
@pytest.mark.parametrize(("width", "height"), [(1080, 1920), (1920, 1080)])
def test_the_longer_consent_is_whole_at_large_type(qtbot, qapp, shopper, in_english, make,
                                                   scale, width, height):
    shopper.theme = Theme(scale=scale)
    screen = opened(qtbot, shopper, make, RETENTION, width, height)
    assert clipped_text(screen) == []
    consent = screen.consent
    assert consent.label.width() <= consent.width()
    assert consent.label.height() >= consent.label.heightForWidth(consent.label.width()), \
        "every line of the sentence has its room"


@pytest.fixture
def speaking_kiosk(qtbot, qapp, demo_config):
    kiosk = KioskApp(qapp, demo_config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None and kiosk.speech.available is not None,
                    timeout=10_000)
    yield kiosk
    kiosk.shutdown()


@pytest.mark.parametrize(("make", "said"), [(reservation, RESERVATION_FR), (alert, ALERT_FR)])
def test_the_narrator_reads_the_days_with_the_tick_box(qtbot, speaking_kiosk, make, said):
    kiosk = speaking_kiosk
    heard = Heard(qtbot, kiosk)
    start(qtbot, kiosk)
    session = kiosk.context.session
    heard.next(lambda: session.choose_accessibility(session.accessibility.with_speech(True)))
    screen = make(kiosk.context, RETENTION)
    heard.next(lambda: kiosk.window.push(screen))
    assert heard.next(screen.consent.setFocus) == f"{said}, case à cocher, non cochée."
