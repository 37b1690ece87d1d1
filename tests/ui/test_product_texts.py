"""The product page shows the catalog's short description and names its main picture by
the catalog's image label, in the shopper's language with the default one to fall back on."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_product_screen import change_cache, show, switch_to_english

DESCRIBED = (
    "UPDATE products SET short_description_html = ?, image_label = ?, "
    "translations = json_set(translations, '$.fr', json(?)) WHERE sku = ?")


def described(sku, short, label, french):
    return (DESCRIBED, short, label, json.dumps(french), sku)


def short_description(screen) -> QLabel:
    return screen.findChild(QLabel, "ProductShortDescription")


def picture_words(screen, row=0) -> tuple[str, str | None]:
    index = screen.gallery.gallery_model.index(row)
    return (index.data(Qt.ItemDataRole.AccessibleTextRole),
            index.data(Qt.ItemDataRole.AccessibleDescriptionRole))


def test_the_short_description_and_the_picture_s_label_in_french_then_english(
        qtbot, qapp, shopper):
    change_cache(shopper, described(
        "WJ01", "<p>Light and <b>warm</b>.</p>", "Stellar jacket, front",
        {"name": "Veste Stellar", "short_description_html": "<p>Légère et <b>chaude</b>.</p>",
         "image_label": "Veste Stellar, de face"}))
    screen = show(qtbot, shopper)
    label = short_description(screen)
    assert label.isVisible()
    assert "Légère et <b>chaude</b>." in label.text()
    assert label.accessibleName() == "Légère et chaude."
    # The main picture is named by what it shows; its place is said beside it.
    assert picture_words(screen) == ("Veste Stellar, de face", "Image 1 sur 3")
    # Pictures the catalog does not describe are named by their place, as before.
    assert picture_words(screen, 1) == ("Image 2 sur 3", None)
    screen.gallery.show_page(1, animated=False)

    switch_to_english(qapp, shopper, screen)
    assert "Light and <b>warm</b>." in label.text()
    assert label.accessibleName() == "Light and warm."
    assert picture_words(screen) == ("Stellar jacket, front", "Picture 1 of 3")
    assert screen.gallery.page() == 1       # described anew, the strip stays where it was


def test_untranslated_the_default_language_shows_and_none_shows_nothing(
        qtbot, qapp, shopper):
    change_cache(shopper, described("WJ01", "<p>Light and warm.</p>", "Stellar jacket, front",
                                    {"name": "Veste Stellar"}))
    screen = show(qtbot, shopper)
    assert "Light and warm." in short_description(screen).text()
    assert picture_words(screen)[0] == "Stellar jacket, front"

    other = show(qtbot, shopper, "WJ06")     # the demo's: no short description, no label
    assert not short_description(other).isVisible()
    assert picture_words(other) == ("Image 1 sur 3", None)
