"""Catalog words in a language, read from the translation files without Qt."""

from __future__ import annotations

import pytest

from kiosk.core.catalog_words import catalog_words, translated_word

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CatalogWords</name>
    <message><source>Purple</source><translation>Violet</translation></message>
    <message><source>Erin recommends</source>
        <translation>Recommandé par Erin</translation></message>
    <message><source>Erin Recommends</source><translation>Les choix d'Erin</translation></message>
    <message><source>Teal</source><translation type="unfinished"></translation></message>
</context>
<context>
    <name>HomeScreen</name>
    <message><source>Categories</source><translation>Catégories</translation></message>
</context>
</TS>
"""


@pytest.fixture(autouse=True)
def fresh_words():
    catalog_words.cache_clear()
    yield
    catalog_words.cache_clear()


def test_only_the_finished_catalog_words_are_read(tmp_path):
    (tmp_path / "kiosk_fr.ts").write_text(TS, encoding="utf-8")
    words = catalog_words("fr", tmp_path)
    assert words["Purple"] == "Violet"
    assert "Teal" not in words and "teal" not in words          # not translated yet
    assert "Categories" not in words                            # another context's text


def test_a_missing_or_damaged_translation_file_leaves_the_words_as_written(tmp_path, caplog):
    assert catalog_words("de", tmp_path) == {}
    (tmp_path / "kiosk_it.ts").write_text(TS[:300], encoding="utf-8")     # cut short
    assert catalog_words("it", tmp_path) == {}
    assert "kiosk_it.ts" in caplog.text


@pytest.mark.parametrize(("word", "french"), [
    ("Purple", "Violet"),
    ("Women", "Femme"),
    ("hoodies & sweatshirts", "sweats à capuche et sweat-shirts"),   # a search completion
    ("Men, Women, Unisex", "Homme, Femme, Mixte"),                    # an attribute's list
    ("Cocona&reg; performance fabric, Organic Cotton",
     "Cocona&reg; performance fabric, Coton bio"),                     # a brand stays
    ("6 foot", "1,8 m"),
    ("Erin recommends", "Recommandé par Erin"),     # a flag, not the category of the same
    ("Erin Recommends", "Les choix d'Erin"),        # words in another case
    ("Juno Jacket", "Juno Jacket"),                 # not a known word: as written
    ("", ""),
])
def test_known_catalog_words_are_shown_in_french(word, french):
    assert translated_word(word, "fr") == french


def test_english_shows_the_catalog_words_as_they_are():
    assert translated_word("Purple", "en") == "Purple"
    assert translated_word("Men, Women", "en") == "Men, Women"


def test_a_language_without_translations_shows_the_catalog_as_written():
    assert translated_word("Purple", "xx") == "Purple"
