"""What a blind shopper hears: the kiosk's narrator speaking through Qt's mock engine, each
utterance asserted as it was handed to the engine (EN 301 549 5.1.3), French and English."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QPushButton
from support.clock import TEST_CLOCK
from support.gestures import named, scroll_into_view, start, tap
from support.heard import Heard

from kiosk.core.orders import BasketLine, DeliveryOption, PlacedOrder
from kiosk.ui.app import KioskApp
from kiosk.ui.speech import State

WAIT_MS = 10_000
JACKETS = "Women/Tops/Jackets"


def make_kiosk(qtbot, qapp, config):
    kiosk = KioskApp(qapp, config, windowed=True, clock=TEST_CLOCK)
    qtbot.addWidget(kiosk.window)
    qtbot.waitUntil(lambda: kiosk.cards is not None and kiosk.speech.available is not None,
                    timeout=WAIT_MS)
    return kiosk


@pytest.fixture
def kiosk(qtbot, qapp, demo_config):
    kiosk = make_kiosk(qtbot, qapp, demo_config)
    yield kiosk
    kiosk.shutdown()


@pytest.fixture
def heard(qtbot, kiosk):
    return Heard(qtbot, kiosk)


def speech_on(kiosk) -> None:
    session = kiosk.context.session
    session.choose_accessibility(session.accessibility.with_speech(True))


def open_product(qtbot, kiosk, heard, sku_name: str = "") -> tuple:
    """The first featured product with sizes, opened; what was said once its name came."""
    card = next(card for card in kiosk.cards if "Jacket" in card.name or "Veste" in card.name)
    kiosk.navigator.open_product(card.id)
    product = kiosk.window.current_screen()
    qtbot.waitUntil(lambda: product.page is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(heard.all) and heard.all[-1].startswith(product.page.name),
                    timeout=WAIT_MS)
    return product, heard.all[-1]


def listen_to_a_chosen_variant(qtbot, kiosk, heard):
    """A shopper with speech on, on a product page with its first size and colour chosen."""
    start(qtbot, kiosk)
    speech_on(kiosk)
    product, _ = open_product(qtbot, kiosk, heard)
    product.sizes.chip(product.sizes.keys()[0]).click()
    product.colors.chip(product.colors.keys()[0]).click()
    return product


def test_nothing_is_said_until_the_shopper_switches_speech_on(qtbot, kiosk, heard):
    heard.nothing_after(lambda: start(qtbot, kiosk))
    heard.nothing_after(lambda: kiosk.navigator.open_basket())
    basket = kiosk.window.current_screen()
    said = heard.next(lambda: speech_on(kiosk))
    assert said.startswith(f"{basket.title()}."), "where the shopper is, once speech is on"
    assert kiosk.speech.enabled


def test_each_screen_says_its_title_on_arrival_and_a_product_its_name_once_read(
        qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    said = heard.next(lambda: kiosk.navigator.open_basket())
    assert said.startswith("Votre livraison à domicile. ")
    product, said = open_product(qtbot, kiosk, heard)
    assert said == f"{product.page.name}."
    assert heard.all.count(said) == 1, "its name once, not again when it came"



def test_a_focused_size_says_its_name_role_state_and_where_it_is(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    product, _ = open_product(qtbot, kiosk, heard)
    size = product.sizes.keys()[0]
    chip = product.sizes.chip(size)
    assert heard.next(chip.setFocus) == f"{size}, en stock ici, bouton, non sélectionné."
    chip.click()
    assert heard.next(lambda: product.sizes.chip(product.sizes.keys()[1]).setFocus()) \
        .endswith(", bouton, non sélectionné.")
    assert heard.next(chip.setFocus) == f"{size}, en stock ici, bouton, sélectionné."


def test_the_main_action_says_the_price_and_the_stock_in_words_with_its_age(
        qtbot, kiosk, heard):
    product = listen_to_a_chosen_variant(qtbot, kiosk, heard)
    assert product.variant is not None
    said = heard.next(product.order_button.setFocus)
    cents = product.page.price_for(product.chosen_size, product.chosen_color).price_cents
    assert cents % 100 == 0, "a whole price, said without cents"
    assert said.startswith(f"{product.order_button.accessibleName()}, bouton. "
                           f"{cents // 100} euros. "), "a price as a price, not its signs"
    stock = product.decision_bar.stock.accessibleName()
    assert stock in ("En stock ici", "Pas en stock ici") or stock.startswith("Plus que")
    assert f"{stock}. " in said, "the level in words, not its mark"
    assert product.stock_age.text().startswith(("Vérifié", "Peut avoir changé"))
    assert said.endswith(f"{product.stock_age.text()}."), "the figure's age follows it"


def test_a_store_on_the_stores_screen_says_its_stock_in_words_with_its_age(
        qtbot, kiosk, heard):
    product = listen_to_a_chosen_variant(qtbot, kiosk, heard)
    kiosk.navigator.open_stores(product.variant.sku)
    stores = kiosk.window.current_screen()
    qtbot.waitUntil(lambda: bool(stores.cards), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: heard.all[-1].startswith(f"{stores.title()}."), timeout=WAIT_MS)
    card = stores.cards[0]
    said = heard.next(card.details_button.setFocus)
    assert said.startswith(f"{card.details_button.accessibleName()}, bouton, non sélectionné. ")
    assert card.level.text() in ("En stock", "Épuisé") or card.level.text().startswith("Plus")
    assert said.endswith(f", {card.level.text()}, {card.age.text()}."), "the level, its age"
    assert card.age.text().startswith(("Vérifié", "Peut avoir changé"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_price_is_said_as_a_price(qtbot, kiosk, language):
    kiosk.set_language(language)
    formatter = kiosk.formatter
    written = (f"{formatter.price(7550)}, {formatter.price(123456)}, {formatter.price(100)}, "
               f"{formatter.price(7500)}")
    assert formatter.spoken_prices(written) == "75 euros 50, 1234 euros 56, 1 euro, 75 euros"
    assert formatter.spoken_prices("Taille 42, 3 articles") == "Taille 42, 3 articles"


def test_a_product_grid_says_each_card_focus_moves_to_with_its_price(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    said = heard.next(lambda: kiosk.navigator.open_category(JACKETS))
    category = kiosk.window.current_screen()
    assert said.startswith(f"{category.title()}.")
    qtbot.waitUntil(lambda: category.model.rowCount() > 2, timeout=WAIT_MS)
    grid = category.grid
    kiosk.window.activateWindow()        # focus moves only in the active window
    qtbot.waitUntil(kiosk.window.isActiveWindow, timeout=WAIT_MS)
    heard.next(category.filters_button.setFocus)    # wherever focus landed on arrival
    assert heard.next(grid.setFocus).startswith("Produits de cette catégorie, liste.")
    card = category.model.card(1)
    said = heard.next(lambda: grid.setCurrentIndex(category.model.index(1, 0)))
    assert said.startswith(f"{card.name}, ")
    assert f"{card.price_cents // 100} euro" in said and "€" not in said


def test_a_basket_stepper_says_the_quantity_and_the_prices_with_it(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    kiosk.context.session.add_to_basket(BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket",
                                                   "L", "Red", 7550, quantity=2))
    speech_on(kiosk)
    heard.next(kiosk.navigator.open_basket)
    basket = kiosk.window.current_screen()
    more = named(basket, QPushButton, "Un de plus : Stellar Solar Jacket")
    assert heard.next(more.setFocus) == ("Un de plus : Stellar Solar Jacket, bouton. "
                                         "Quantité : 2. 75 euros 50 l’unité, 151 euros.")
    more.click()
    name = "Un de plus : Stellar Solar Jacket"
    qtbot.waitUntil(lambda: named(basket, QPushButton, name).isVisible() and "Quantité : 3"
                    in named(basket, QPushButton, name).accessibleDescription(), timeout=WAIT_MS)
    more = named(basket, QPushButton, name)
    said = heard.next(lambda: kiosk.narrator.say_control(more))
    assert said.endswith("Quantité : 3. 75 euros 50 l’unité, 226 euros 50.")


def test_speech_follows_the_language_and_says_the_screen_again_in_it(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    product, _ = open_product(qtbot, kiosk, heard)
    assert heard.next(product.compare_button.setFocus) == \
        "Ajouter au comparateur, bouton, non sélectionné."
    before = len(heard.all)
    kiosk.set_language("en")
    # Said again once the product is read in English, with the control still focused
    # (what was said at once, the name not yet read again, is cut short by it).
    qtbot.waitUntil(lambda: "Stellar Solar Jacket. Add to compare, button, not selected."
                    in heard.all[before:], timeout=WAIT_MS)
    assert kiosk.speech.language == "en"


def test_a_notice_is_said_as_it_appears(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    kiosk.navigator.open_basket()
    qtbot.wait(50)
    message = "Nous ne connaissons pas ce produit. Un membre du personnel peut vous aider."
    assert heard.next(lambda: kiosk.navigator.notify(message)) == message
    assert kiosk.notice.isVisible() and kiosk.notice.text() == message


def fill(form, key: str, text: str) -> None:
    field = form.field(key)
    form.activate(field)
    field.edit.setText(text)
    field.edit.textEdited.emit(text)


def test_a_field_found_wrong_is_said_as_the_shopper_leaves_it(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    heard.next(kiosk.navigator.open_customer_form)
    form = kiosk.window.current_screen()
    heard.next(form.proceed.setFocus)
    assert heard.next(lambda: form.activate(form.field("first_name"))) == \
        "Prénom : champ vide, champ de saisie."
    said = heard.next(lambda: form.activate(form.field("last_name")))
    first_name_wanted = form.field("first_name").error.accessibleName()
    assert said == f"{first_name_wanted} Nom : champ vide, champ de saisie."
    said = heard.next(lambda: tap(qtbot, named(form, QPushButton, "Continuer")))
    assert said.startswith(f"{form.summary.accessibleName()} Prénom : champ vide, champ de "
                           "saisie. ")
    assert form.summary.accessibleName() == "Vérifiez 7 champs, s’il vous plaît."
    assert said.endswith(first_name_wanted), "the focused field says why"


def test_in_english_a_field_says_its_label_and_state_and_why_it_is_wrong(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    kiosk.set_language("en")
    speech_on(kiosk)
    heard.next(kiosk.navigator.open_customer_form)
    form = kiosk.window.current_screen()
    assert heard.next(form.proceed.setFocus) == "Continue, button."
    assert heard.next(lambda: form.activate(form.field("first_name"))) == \
        "First name: empty, text field."
    fill(form, "first_name", "Marie")
    assert heard.next(lambda: form.activate(form.field("email"))) == \
        "E-mail: empty, text field."
    fill(form, "email", "marie")
    said = heard.next(lambda: form.activate(form.field("first_name")))
    assert said == ("An e-mail address contains an @, as in marie@example.fr. "
                    "First name: filled, text field.")


def test_the_customers_details_are_read_back_only_into_a_headset(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    heard.next(kiosk.navigator.open_customer_form)
    form = kiosk.window.current_screen()
    fill(form, "first_name", "Marie")
    said = heard.next(lambda: form.activate(form.field("last_name")))
    said = heard.next(lambda: form.activate(form.field("first_name")))
    last_name_wanted = form.field("last_name").error.accessibleName()
    assert said == f"{last_name_wanted} Prénom : champ rempli, champ de saisie."
    assert not any("Marie" in utterance for utterance in heard.all)


def test_with_a_headset_the_customers_details_are_read_back(qtbot, qapp, demo_config):
    kiosk = make_kiosk(qtbot, qapp, dataclasses.replace(demo_config, audio_output="headset"))
    try:
        heard = Heard(qtbot, kiosk)
        start(qtbot, kiosk)
        speech_on(kiosk)
        kiosk.navigator.open_customer_form()
        form = kiosk.window.current_screen()
        fill(form, "first_name", "Marie")
        heard.next(lambda: form.activate(form.field("last_name")))
        said = heard.next(lambda: form.activate(form.field("first_name")))
        assert said.endswith(" Prénom : Marie, champ de saisie.")
    finally:
        kiosk.shutdown()


def test_the_idle_warning_is_said_once_as_it_comes_up(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    qtbot.wait(50)
    overlay = kiosk.still_there
    kiosk.idle.set_timeouts(0.05, 30)
    said = heard.next(kiosk.idle.activity)
    assert overlay.isVisible()
    assert said == (f"{overlay.question.text()} {overlay.detail.text()} "
                    f"{overlay.stay_button.accessibleName()}.")
    assert "30 secondes" in said
    said_so_far = len(heard.all)
    qtbot.waitUntil(lambda: "29 secondes" in overlay.detail.text(), timeout=WAIT_MS)
    qtbot.wait(50)
    assert len(heard.all) == said_so_far, "not said again at every second"


ORDER = PlacedOrder(uuid="4f1c", reference="PAR-K7D3MX", total_cents=15000, item_count=2,
                    delivery=DeliveryOption("standard", 0, 3),
                    expected_date=date(2026, 12, 10), placed_at=datetime(2026, 12, 7, 10))


@pytest.mark.parametrize("language, spelled", [
    ("fr", "P, A, R, tiret, K, 7, D, 3, M, X"),
    ("en", "P, A, R, dash, K, 7, D, 3, M, X"),
])
def test_the_whole_confirmation_is_said_with_its_reference_spelled(
        qtbot, kiosk, heard, language, spelled):
    start(qtbot, kiosk)
    kiosk.set_language(language)
    speech_on(kiosk)
    qtbot.wait(50)
    said = heard.next(lambda: kiosk.navigator.show_confirmation(ORDER))
    confirmation = kiosk.window.current_screen()
    assert said.startswith(f"{confirmation.title()}. ")
    assert f"{confirmation.reference_caption.text()}. {spelled}. " in said
    assert "PAR-K7D3MX" not in said
    assert "150 euros" in said and kiosk.formatter.price(15000) not in said
    for label in (confirmation.summary, confirmation.next_steps, confirmation.payment):
        for line in label.text().splitlines():
            assert kiosk.formatter.spoken_prices(line.replace(" · ", ", ")) in said
    assert f" {confirmation.payment.text()}" in said


def test_a_new_focus_cuts_off_what_is_being_said(qtbot, kiosk, heard):
    words: list[str] = []
    kiosk.speech.word_spoken.connect(words.append)
    start(qtbot, kiosk)
    speech_on(kiosk)
    qtbot.wait(50)
    heard.next(lambda: kiosk.navigator.show_confirmation(ORDER))
    confirmation = kiosk.window.current_screen()
    qtbot.waitUntil(lambda: len(words) > 2, timeout=WAIT_MS)
    heard.next(confirmation.done.setFocus)
    # The mock engine says the words it can (no accents, no punctuation).
    qtbot.waitUntil(lambda: kiosk.speech.state == State.Ready and words[-1] == "bouton",
                    timeout=WAIT_MS)
    last_of_the_page = confirmation.payment.text().split()[-1].strip(".")
    assert last_of_the_page == "carte"
    assert last_of_the_page not in words, "the page was cut off by the new focus"


@pytest.mark.parametrize("language, progress", [
    ("fr", ["Chiffre 1.", "Chiffre 2.", "Chiffre 3.", "Chiffre 2."]),
    ("en", ["Digit 1.", "Digit 2.", "Digit 3.", "Digit 2."]),
])
def test_the_pin_pad_says_how_many_digits_are_typed_never_which(
        qtbot, kiosk, heard, language, progress):
    start(qtbot, kiosk)
    kiosk.set_language(language)
    speech_on(kiosk)
    qtbot.wait(50)
    pad = kiosk.admin.pad
    pad.open()
    qtbot.wait(50)
    before = len(heard.all)
    for key in ("7", "5", "9"):
        heard.next(lambda key=key: tap(qtbot, named(pad, QPushButton, key)))
    heard.next(lambda: tap(qtbot, pad.erase_button))
    assert heard.all[before:] == progress
    assert pad.typed == 2


def test_the_pin_pad_says_digit_3_of_4_where_it_knows_the_pins_length(
        qtbot, qapp, demo_config):
    kiosk = make_kiosk(qtbot, qapp, dataclasses.replace(demo_config, admin_pin_length=4))
    try:
        heard = Heard(qtbot, kiosk)
        start(qtbot, kiosk)
        speech_on(kiosk)
        qtbot.wait(50)
        pad = kiosk.admin.pad
        pad.open()
        qtbot.wait(50)
        before = len(heard.all)
        for key in ("3", "1", "4", "1", "5"):
            heard.next(lambda key=key: tap(qtbot, named(pad, QPushButton, key)))
        assert heard.all[before:] == ["Chiffre 1 sur 4.", "Chiffre 2 sur 4.", "Chiffre 3 sur 4.",
                                      "Chiffre 4 sur 4.", "Chiffre 5."]
    finally:
        kiosk.shutdown()


def test_the_idle_reset_silences_speech_and_forgets_the_shoppers_voice(
        qtbot, kiosk, heard):
    start(qtbot, kiosk)
    session = kiosk.context.session
    session.choose_accessibility(session.accessibility.with_speech(True).with_rate(0.6)
                                 .with_volume(0.3))
    assert (kiosk.speech.rate, kiosk.speech.volume) == (0.6, 0.3)
    kiosk.end_session()
    assert not kiosk.speech.enabled
    assert kiosk.speech.rate == kiosk.config.speech_rate
    assert kiosk.speech.volume == kiosk.config.speech_volume
    heard.nothing_after(lambda: start(qtbot, kiosk))
    heard.nothing_after(lambda: kiosk.navigator.open_basket())
    kiosk.speech.repeat()
    assert heard.all[-1:] != [""] and not kiosk.speech.enabled


class Said:
    """Waits for the kiosk to say something that starts with given words."""

    def __init__(self, qtbot, heard) -> None:
        self.qtbot, self.heard = qtbot, heard

    def after(self, action, starting: str) -> str:
        before = len(self.heard.all)
        action()
        self.qtbot.waitUntil(lambda: any(said.startswith(starting)
                                         for said in self.heard.all[before:]), timeout=WAIT_MS)
        return next(said for said in reversed(self.heard.all[before:])
                    if said.startswith(starting))


def in_sight(qtbot, widget):
    """A control below the product page's fold, slid into sight before a finger aims."""
    scroll_into_view(widget)
    qtbot.waitUntil(lambda: widget.visibleRegion().boundingRect() == widget.rect())


def test_a_quantity_stepped_by_touch_is_said_with_the_lines_total(qtbot, kiosk, heard):
    start(qtbot, kiosk)
    kiosk.context.session.add_to_basket(BasketLine("WJ01-L-Red", 1, "Stellar Solar Jacket",
                                                   "L", "Red", 7550, quantity=2))
    speech_on(kiosk)
    heard.next(kiosk.navigator.open_basket)
    basket = kiosk.window.current_screen()
    name = "Un de plus : Stellar Solar Jacket"
    said = Said(qtbot, heard).after(lambda: tap(qtbot, named(basket, QPushButton, name)),
                                    f"{name}, bouton. Quantité : 3.")
    assert said == f"{name}, bouton. Quantité : 3. 75 euros 50 l’unité, 226 euros 50."
    assert kiosk.context.session.basket.quantity_of("WJ01-L-Red") == 3
    less = "Un de moins : Stellar Solar Jacket"
    said = Said(qtbot, heard).after(lambda: tap(qtbot, named(basket, QPushButton, less)),
                                    f"{less}, bouton. Quantité : 2.")
    assert said.endswith("Quantité : 2. 75 euros 50 l’unité, 151 euros.")


def test_a_size_a_comparison_and_a_filter_chosen_by_touch_say_their_new_state(
        qtbot, kiosk, heard):
    start(qtbot, kiosk)
    speech_on(kiosk)
    product, _ = open_product(qtbot, kiosk, heard)
    said = Said(qtbot, heard)
    size = product.sizes.chip(product.sizes.keys()[0])
    in_sight(qtbot, size)
    assert said.after(lambda: tap(qtbot, size), size.accessibleName()) == \
        f"{size.accessibleName()}, bouton, sélectionné."
    compare = product.compare_button
    in_sight(qtbot, compare)
    assert said.after(lambda: tap(qtbot, compare), "Dans le comparateur") == \
        "Dans le comparateur, bouton, sélectionné."

    kiosk.navigator.open_category(JACKETS)
    category = kiosk.window.current_screen()
    qtbot.waitUntil(lambda: category.model.rowCount() > 0, timeout=WAIT_MS)
    tap(qtbot, category.filters_button)
    chip = named(category.panel, QPushButton, "M")
    assert said.after(lambda: tap(qtbot, chip), "M,") == "M, bouton, sélectionné."
    assert said.after(lambda: tap(qtbot, chip), "M,") == "M, bouton, non sélectionné."
