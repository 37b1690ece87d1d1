"""The accessible keypad: a shopper who cannot see or touch the screen orders with keys only.

Keys are sent to the kiosk's window as a USB keypad's reach it (QTest on the QWindow),
so they pass the idle watcher, the guard and the scanner on the way, as real ones do.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support.clock import TEST_CLOCK
from support.contrast import contrast_ratio
from support.gestures import tap
from support.heard import Heard

from kiosk.core.db.journal import open_journal
from kiosk.ui.app import KioskApp
from kiosk.ui.keypad import RING_BAND
from kiosk.ui.screens.basket import BasketScreen
from kiosk.ui.screens.confirmation import ConfirmationScreen
from kiosk.ui.screens.customer_form import CustomerFormScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.product import ProductScreen
from kiosk.ui.screens.rating import RatingScreen
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.screens.search import SearchScreen

UP, DOWN, LEFT, RIGHT = Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right
SELECT, BACK = Qt.Key.Key_Return, Qt.Key.Key_Backspace
MOST_PRESSES = 200       # more, and the keypad would be no way to get there


def press(qtbot, kiosk, key, times=1):
    for _ in range(times):
        QTest.keyClick(kiosk.window.windowHandle(), key)
    QApplication.processEvents()


def on(kiosk):
    """The control with keypad focus."""
    assert kiosk.keypad.current is not None, "no control has keypad focus"
    return kiosk.keypad.current.widget


def screen(qtbot, kiosk, cls):
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current_screen(), cls))
    return kiosk.window.current_screen()


def move_to(qtbot, kiosk, name, key=RIGHT):
    """Press `key` until the control named `name` has focus, as a shopper listening to
    each name would."""
    for _ in range(MOST_PRESSES):
        if kiosk.keypad.current is not None and on(kiosk).accessibleName() == name:
            return on(kiosk)
        press(qtbot, kiosk, key)
    raise AssertionError(f"{name!r} never reached; on {on(kiosk).accessibleName()!r}")


def steer_to(qtbot, kiosk, target):
    """Arrows to `target` on a keyboard: rows with up and down, along a row with left and
    right."""
    for _ in range(MOST_PRESSES):
        here: QRect = kiosk.keypad.current.rect(kiosk.window)
        there = QRect(target.mapTo(kiosk.window, target.rect().topLeft()), target.size())
        if on(kiosk) is target:
            return
        if there.top() >= here.bottom():
            press(qtbot, kiosk, DOWN)
        elif there.bottom() <= here.top():
            press(qtbot, kiosk, UP)
        else:
            press(qtbot, kiosk, RIGHT if there.center().x() > here.center().x() else LEFT)
    raise AssertionError(f"key {target.accessibleName()!r} never reached")


def key_for(keyboard, action, text=""):
    return next((key for key in keyboard.keys
                 if key.spec.action == action and (not text or key.spec.text == text)), None)


def type_with_keypad(qtbot, kiosk, keyboard, text, heard=None):
    """Each character with arrows and select on the on-screen keyboard: the digits' page
    and back as needed, shift before a capital. Each key reached is said by its name."""
    def hit(key):
        steer_to(qtbot, kiosk, key)
        if heard is not None:
            heard.last(f"{key.accessibleName()}, bouton")
        press(qtbot, kiosk, SELECT)

    for char in text:
        lower = char.lower()
        action, typed = ("space", " ") if char == " " else ("type", lower)
        if key_for(keyboard, action, typed) is None:
            hit(key_for(keyboard, "numbers") or key_for(keyboard, "letters"))
        if char != lower:
            hit(key_for(keyboard, "shift"))
        hit(key_for(keyboard, action, typed))


def test_any_keypad_key_on_the_attract_screen_starts_a_session_with_speech(qtbot, kiosk):
    assert not kiosk.window.showing_session()
    press(qtbot, kiosk, Qt.Key.Key_F3)          # volume down: any key of the keypad
    assert kiosk.window.showing_session()
    assert kiosk.context.session.accessibility.speech
    # The home's first control has focus, with the ring around it.
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    home = kiosk.window.current_screen()
    assert on(kiosk) is home.focus_order()[0]
    assert kiosk.keypad.ring.isVisible()


def test_the_ring_surrounds_the_focused_control_and_a_touch_takes_it_away(qtbot, kiosk):
    press(qtbot, kiosk, DOWN)
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    ring = kiosk.keypad.ring
    control = on(kiosk)
    box = QRect(control.mapTo(kiosk.window, control.rect().topLeft()), control.size())
    # Two bands of at least 3 px, outside the control: it shows whole.
    assert ring.geometry() == box.adjusted(-6, -6, 6, 6)
    tap(qtbot, control)            # the search opens, by touch: no ring on it
    screen(qtbot, kiosk, SearchScreen)
    qtbot.wait(10)
    assert not ring.isVisible()
    assert kiosk.keypad.current is None


def test_back_goes_to_the_screen_before(qtbot, kiosk):
    press(qtbot, kiosk, DOWN)
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    press(qtbot, kiosk, SELECT)          # the search entry
    screen(qtbot, kiosk, SearchScreen)
    press(qtbot, kiosk, BACK)
    screen(qtbot, kiosk, HomeScreen)


def test_the_faces_and_their_question_answer_the_keypad(qtbot, kiosk):
    press(qtbot, kiosk, DOWN)
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    move_to(qtbot, kiosk, "Notez votre visite", DOWN)
    press(qtbot, kiosk, SELECT)
    rating = screen(qtbot, kiosk, RatingScreen)
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    assert on(kiosk) is rating.faces[0]
    move_to(qtbot, kiosk, "Mécontent")
    press(qtbot, kiosk, SELECT)
    # The follow-up question: its reasons are ticked with select, and sent.
    qtbot.waitUntil(lambda: rating.pages.currentWidget() is rating.question_page)
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None
                    and kiosk.keypad.current.group in rating.focus_order())
    move_to(qtbot, kiosk, "Les prix")
    press(qtbot, kiosk, SELECT)
    assert rating.checked_reasons() == ["prices"]
    move_to(qtbot, kiosk, "Envoyer")
    press(qtbot, kiosk, SELECT)
    qtbot.waitUntil(lambda: rating.pages.currentWidget() is rating.thanks_page)
    kiosk.runner.wait_idle()
    conn = open_journal(kiosk.config.data_dir).conn
    payloads = conn.execute("SELECT payload FROM outbox WHERE kind = 'rating'").fetchall()
    conn.close()
    [(payload,)] = payloads
    assert (json.loads(payload)["score"], json.loads(payload)["reasons"]) == (2, ["prices"])


def test_the_compare_tray_under_the_screen_is_reached_after_the_screens_controls(
        qtbot, kiosk):
    press(qtbot, kiosk, DOWN)
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    for card in kiosk.cards[:2]:
        kiosk.context.session.add_to_compare(card.id)
    qtbot.waitUntil(lambda: kiosk.tray.compare_button.isVisible())
    for _ in range(MOST_PRESSES):
        if kiosk.keypad.current.group is kiosk.tray:
            break
        press(qtbot, kiosk, DOWN)
    # Along the tray: its products, then the button that compares them.
    move_to(qtbot, kiosk, kiosk.tray.compare_button.accessibleName())
    press(qtbot, kiosk, SELECT)
    qtbot.waitUntil(lambda: type(kiosk.window.current_screen()).__name__ == "CompareScreen")


def test_the_accessibility_panel_is_reached_and_worked_with_the_keypad(qtbot, kiosk):
    menu = kiosk.accessibility_menu
    press(qtbot, kiosk, DOWN)
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    # Last after the screen's own controls, always in the same place.
    move_to(qtbot, kiosk, menu.bar.button.accessibleName(), DOWN)
    press(qtbot, kiosk, SELECT)
    qtbot.waitUntil(lambda: menu.panel.isVisible())
    qtbot.waitUntil(lambda: on(kiosk) is menu.panel.focus_order()[0])
    # Only the panel's controls while it shows.
    for _ in range(len(menu.panel.focus_order()) + 2):
        press(qtbot, kiosk, DOWN)
        assert kiosk.keypad.current.group in menu.panel.focus_order()
    move_to(qtbot, kiosk, menu.panel.high_contrast.accessibleName(), UP)
    press(qtbot, kiosk, SELECT)
    assert kiosk.context.session.accessibility.high_contrast
    move_to(qtbot, kiosk, menu.panel.done_button.accessibleName(), DOWN)
    press(qtbot, kiosk, SELECT)
    qtbot.waitUntil(lambda: not menu.panel.isVisible())
    qtbot.waitUntil(lambda: on(kiosk) is kiosk.window.current_screen().focus_order()[0])


def test_a_blind_shopper_orders_with_the_keypad_alone_and_hears_each_step(qtbot, kiosk):
    order_with_the_keypad(qtbot, kiosk, Heard(qtbot, kiosk))


def test_the_keypad_order_works_on_a_screen_turned_wide(qtbot, qapp, demo_config):
    config = dataclasses.replace(demo_config, orientation="landscape")
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    try:
        qtbot.waitUntil(lambda: kiosk.cards is not None, timeout=10000)
        assert kiosk.window.landscape
        order_with_the_keypad(qtbot, kiosk, Heard(qtbot, kiosk))
    finally:
        kiosk.shutdown()


def order_with_the_keypad(qtbot, kiosk, heard):
    """attract -> search "veste" -> product -> colour and size -> deliver to my home ->
    basket -> form -> review -> confirm -> confirmation, with keys only, and what the
    kiosk says at each step."""
    # Select, the key under the thumb, on the attract screen: speech comes on, and says
    # where the shopper is and what has focus.
    press(qtbot, kiosk, SELECT)
    assert heard.last("Accueil.") == "Accueil. Rechercher un produit, bouton."
    press(qtbot, kiosk, SELECT)

    search = screen(qtbot, kiosk, SearchScreen)
    answered: list[str] = []
    search.answered.connect(answered.append)
    assert heard.last("Rechercher.").startswith("Rechercher. Rechercher, champ de saisie, vide.")
    press(qtbot, kiosk, DOWN)
    assert on(kiosk) in search.keyboard.keys
    type_with_keypad(qtbot, kiosk, search.keyboard, "veste", heard)
    assert search.field.text() == "veste"
    # Results come as the shopper types: on a slow worker those of "vest" may show while
    # the search for "veste" is still on its way, and would replace the cards read below.
    qtbot.waitUntil(lambda: answered[-1:] == ["veste"])
    assert search.grid.accessibleName() == "Résultats de la recherche"
    for _ in range(MOST_PRESSES):
        if kiosk.keypad.current.group is search.grid:
            break
        press(qtbot, kiosk, DOWN)
    first = search.model.card(0)
    found = heard.last("Résultats de la recherche, liste.")
    euros = str(first.price_cents // 100)
    assert first.name in found and euros in found
    press(qtbot, kiosk, SELECT)

    product = screen(qtbot, kiosk, ProductScreen)
    qtbot.waitUntil(lambda: product.page is not None and bool(product.colors.keys())
                    and bool(product.sizes.keys()))
    # The product's name once read, then the control focus lands on.
    heard.last(f"{first.name}. ")
    colour = product.colors.chip(product.colors.keys()[0])
    move_to(qtbot, kiosk, colour.accessibleName())
    assert heard.last(colour.accessibleName()).endswith("bouton, non sélectionné.")
    press(qtbot, kiosk, SELECT)
    assert product.colors.checked_keys() == {product.colors.keys()[0]}
    assert heard.last(colour.accessibleName()).endswith("bouton, sélectionné.")
    size = product.sizes.chip(product.sizes.keys()[0])
    move_to(qtbot, kiosk, size.accessibleName())
    press(qtbot, kiosk, SELECT)
    assert product.sizes.checked_keys() == {product.sizes.keys()[0]}
    assert heard.last(size.accessibleName()).endswith("bouton, sélectionné.")
    move_to(qtbot, kiosk, product.order_button.accessibleName())
    # The action says what is ordered, at what price, and whether it is here.
    action = heard.last("Livrer à mon domicile, bouton.")
    assert euros in action
    assert f"Taille {product.sizes.keys()[0]}" in action
    press(qtbot, kiosk, SELECT)

    basket = screen(qtbot, kiosk, BasketScreen)
    heard.last("Votre livraison à domicile.")
    move_to(qtbot, kiosk, basket.proceed.accessibleName())
    press(qtbot, kiosk, SELECT)

    form = screen(qtbot, kiosk, CustomerFormScreen)
    assert heard.last("Vos coordonnées de livraison.") == \
        "Vos coordonnées de livraison. Prénom : champ vide, champ de saisie."
    assert on(kiosk) is form.fields[0].edit
    press(qtbot, kiosk, SELECT)             # the field as if tapped: its keyboard comes up
    qtbot.waitUntil(lambda: form.keyboard.isVisible())
    press(qtbot, kiosk, DOWN)               # the keyboard comes right after its field
    assert on(kiosk) in form.keyboard.keys
    answers = {"first_name": "Zoé", "last_name": "Arc", "email": "zoe@example.fr",
               "phone": "0612345678", "address_line1": "12 rue Lys",
               "postal_code": "69003", "city": "Lyon"}
    for field, following in zip(form.fields, [*form.fields[1:], None], strict=True):
        assert form.active is field
        type_with_keypad(qtbot, kiosk, form.keyboard, answers.get(field.spec.key, ""), heard)
        steer_to(qtbot, kiosk, key_for(form.keyboard, "done"))
        press(qtbot, kiosk, SELECT)         # Done: on to the next field, which is read
        if following is not None:
            assert heard.last(following.edit.accessibleName()) == \
                f"{following.edit.accessibleName()} : champ vide, champ de saisie."
    assert {f.spec.key: f.edit.text() for f in form.fields if f.edit.text()} == answers
    move_to(qtbot, kiosk, form.proceed.accessibleName())
    # Through a speaker, a field says it is filled, never what it holds (5.1.3.9).
    assert "Prénom : champ rempli, champ de saisie." in heard.all
    assert not [said for said in heard.all for answer in ("Zoé", "Lys", "0612345678")
                if answer in said]
    press(qtbot, kiosk, SELECT)

    review = screen(qtbot, kiosk, ReviewScreen)
    heard.last("Vérifier et confirmer.")
    move_to(qtbot, kiosk, review.consent.accessibleName())
    assert heard.last(review.consent.accessibleName()).endswith("case à cocher, non cochée.")
    press(qtbot, kiosk, SELECT)
    assert review.consent.isChecked()
    assert heard.last(review.consent.accessibleName()).endswith("case à cocher, cochée.")
    move_to(qtbot, kiosk, review.confirm.accessibleName())
    heard.last("Confirmer la commande, bouton.")
    press(qtbot, kiosk, SELECT)

    confirmation = screen(qtbot, kiosk, ConfirmationScreen)
    # The whole confirmation, its reference one character at a time, then the focus.
    whole = heard.last("Merci, votre commande est passée.")
    assert kiosk.speech.spelled(confirmation.order.reference) in whole
    assert whole.endswith("Terminé, bouton.")
    assert on(kiosk) is confirmation.done


@pytest.mark.parametrize("high_contrast", [False, True], ids=["usual", "high contrast"])
def test_the_ring_is_two_bands_of_three_pixels_one_standing_out_on_any_colour_of_the_theme(
        qtbot, kiosk, high_contrast):
    press(qtbot, kiosk, DOWN)
    session = kiosk.context.session
    session.choose_accessibility(session.accessibility.with_high_contrast(high_contrast))
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    press(qtbot, kiosk, RIGHT)
    colors = kiosk.context.theme.colors
    ring = kiosk.keypad.ring.geometry()
    picture = kiosk.window.grab().toImage()
    middle = ring.center().x()
    bands = [picture.pixelColor(middle, ring.top() + depth).name().upper()
             for depth in range(2 * RING_BAND)]
    assert bands == [colors.text] * RING_BAND + [colors.surface] * RING_BAND
    # Whatever colour of the theme the ring lies on, one band contrasts 3:1 with it.
    for name, colour in vars(colors).items():
        bands = (colors.text, colors.surface)
        assert max(contrast_ratio(colour, band) for band in bands) >= 3, name


def test_help_says_it_again_and_the_volume_keys_set_the_shoppers_volume(qtbot, kiosk):
    heard = Heard(qtbot, kiosk)
    press(qtbot, kiosk, DOWN)
    said = heard.last("Accueil.")
    count = len(heard.all)
    press(qtbot, kiosk, Qt.Key.Key_F1)           # help
    qtbot.waitUntil(lambda: len(heard.all) == count + 1)
    assert heard.all[-1] == said
    volume = kiosk.context.session.accessibility.speech_volume
    press(qtbot, kiosk, Qt.Key.Key_VolumeUp)
    assert kiosk.context.session.accessibility.speech_volume == pytest.approx(volume + 0.1)
    assert kiosk.speech.volume == pytest.approx(volume + 0.1)
    press(qtbot, kiosk, Qt.Key.Key_F3, times=3)   # volume down, as the config maps it
    assert kiosk.speech.volume == pytest.approx(volume - 0.2)
    # The next shopper starts at the configured volume again.
    kiosk.end_session()
    assert kiosk.speech.volume == pytest.approx(kiosk.config.speech_volume)


def test_a_scan_ending_in_enter_opens_its_product_and_presses_nothing(qtbot, kiosk):
    press(qtbot, kiosk, DOWN)
    qtbot.waitUntil(lambda: kiosk.keypad.current is not None)
    assert on(kiosk).accessibleName() == "Rechercher un produit"
    handle = kiosk.window.windowHandle()
    for char in "WJ01-M-Blue":          # a scanner types fast, then Enter
        QTest.keyClick(handle, char)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    product = screen(qtbot, kiosk, ProductScreen)
    assert [type(s) for s in kiosk.window.open_screens()] == [HomeScreen, ProductScreen]
    qtbot.waitUntil(lambda: product.page is not None)


def warn_still_there(qtbot, kiosk):
    """Bring up "Still there?" at once; the time to answer it stays the config's."""
    kiosk.idle.set_timeouts(0.05, kiosk.config.countdown_seconds)
    kiosk.idle.activity()
    qtbot.waitUntil(kiosk.still_there.isVisible)
    kiosk.idle.set_timeouts(kiosk.config.inactivity_timeout_seconds,
                            kiosk.config.countdown_seconds)


def test_a_key_answering_still_there_only_gives_more_time_and_says_so(qtbot, kiosk):
    heard = Heard(qtbot, kiosk)
    press(qtbot, kiosk, DOWN)                    # speech on, focus on the home's first control
    heard.last("Accueil.")
    home, control = kiosk.window.current_screen(), on(kiosk)
    for key in (RIGHT, SELECT):
        warn_still_there(qtbot, kiosk)
        # Said with what to do, a key as well as a touch.
        assert "ou appuyez sur une touche pour continuer" in heard.last("Vous êtes toujours là ?")
        press(qtbot, kiosk, key)
        assert not kiosk.still_there.isVisible()
        assert kiosk.idle.running and not kiosk.idle.warning_shown
        qtbot.wait(50)
        # The screen behind is as it was: the key did not move focus nor press anything.
        assert kiosk.window.current_screen() is home
        assert on(kiosk) is control and control.hasFocus()
        assert heard.last("Vous avez plus de temps.") == \
            f"Vous avez plus de temps. {control.accessibleName()}, bouton."
    # The next key acts again.
    press(qtbot, kiosk, SELECT)
    screen(qtbot, kiosk, SearchScreen)
