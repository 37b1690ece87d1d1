"""Words of the catalog itself (colours, sizes, category and attribute names) in a language.

The words and their translations live with the kiosk's other texts, in the "CatalogWords"
context of kiosk/i18n/kiosk_<language>.ts: translators see them beside everything else,
and the central server, which has no Qt, reads the same file here. Any word not listed is
shown as the catalog writes it (a chain with its catalog in French needs no list).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from kiosk.i18n import I18N_DIR

log = logging.getLogger(__name__)

CONTEXT = "CatalogWords"
# Attribute values are lists written "Men, Women, Unisex": each item is a word of its own.
_LIST_SEPARATOR = re.compile(r"\s*,\s*")


@lru_cache(maxsize=8)
def catalog_words(language: str, i18n_dir: Path = I18N_DIR) -> dict[str, str]:
    """The catalog words of `language`, keyed by the source word as written and, for
    words that come in another case (search completions are in lower case), casefolded."""
    path = i18n_dir / f"kiosk_{language}.ts"
    try:
        context = _catalog_context(path)
    except (OSError, SyntaxError) as error:     # ElementTree's ParseError is a SyntaxError
        log.error("catalog words for %r not read from %s: %s", language, path, error)
        return {}
    words: dict[str, str] = {}
    for message in context.iter("message") if context is not None else ():
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or not translation.text:
            continue
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        words[source.text] = translation.text
    # "Erin recommends" (a flag) and "Erin Recommends" (a category) differ by case only:
    # as written wins, and a casefolded key never hides one.
    for source, translation in list(words.items()):
        words.setdefault(source.casefold(), translation)
    return words


def _catalog_context(path: Path):
    """The CatalogWords context of a .ts file. The file is read only as far as it: the
    contexts come in alphabetical order, so this one is near the top of the file."""
    # Imported here: the kiosk's first screen shows no catalog word and need not wait for it.
    import xml.etree.ElementTree as ElementTree

    for _event, element in ElementTree.iterparse(path):
        if element.tag == "context" and element.findtext("name") == CONTEXT:
            return element
    return None


def translated_word(word: str, language: str) -> str:
    """`word` in `language` when it is a known catalog word, else as written. A list
    ("Men, Women") is translated item by item; a word written in lower case (a search
    completion) is answered in lower case."""
    if not word:
        return word
    words, plain = catalog_words(language), word.strip()
    whole = words.get(plain, words.get(plain.casefold()))
    if whole is None:
        items = _LIST_SEPARATOR.split(plain)
        if len(items) < 2:
            return word
        return ", ".join(translated_word(item, language) for item in items)
    return whole.lower() if word.islower() else whole
