"""What the search screen shows for a text, read in one go: the cards, the completions of
the word being typed, and what is offered before typing or when nothing is found."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date

from kiosk.core.categories import CategoryTile, top_categories
from kiosk.core.products import ProductCard, cards_by_id, featured_cards
from kiosk.core.search import search, suggest
from kiosk.core.synonyms import Synonyms

# Cards shown for a search. Counting every match of a broad word costs a hundred times
# more than finding a page, so beyond this the count says "more than".
RESULT_LIMIT = 200
SUGGESTIONS = 6
POPULAR = 24
# Shopper text said back to them is cut here: it may be 200 characters of anything.
ECHO_CHARS = 30
_LAST_WORD = re.compile(r"\w+(?=\W*$)")
_WORD_START = re.compile(r"(?<!\S)\S")


@dataclass(frozen=True)
class SearchAnswer:
    generation: int
    text: str
    cards: list[ProductCard]
    more: bool                        # more matches than the cards shown
    exact_product_id: int | None      # the product whose SKU or barcode was typed
    exact_variant_sku: str | None
    corrected_text: str | None        # the words searched instead, when a typo was fixed
    suggestions: list[str]            # completions of the word being typed, in the language


@dataclass(frozen=True)
class Discovery:
    """What a shopper is offered before typing, and when nothing is found."""

    categories: list[CategoryTile]
    popular: list[ProductCard]


def look_up(conn: sqlite3.Connection, text: str, generation: int, store_id: str,
            synonyms: Synonyms | None, today: date, language: str | None = None
            ) -> SearchAnswer:
    """Everything the screen shows for `text`, in one trip to the database worker, its
    cards named in `language` and priced on `today` (the terminal clock's day)."""
    result = search(conn, text, today=today, limit=RESULT_LIMIT + 1, synonyms=synonyms,
                    language=language)
    shown = result.product_ids[:RESULT_LIMIT]
    exact = shown[0] if shown and result.exact_variant_sku else None
    suggestions = suggest(conn, text, SUGGESTIONS, synonyms=synonyms, language=language)
    return SearchAnswer(
        generation=generation, text=text,
        cards=cards_by_id(conn, shown, store_id, today, language),
        more=len(result.product_ids) > RESULT_LIMIT, exact_product_id=exact,
        exact_variant_sku=result.exact_variant_sku, corrected_text=result.corrected_text,
        suggestions=suggestions)


def discover(conn: sqlite3.Connection, store_id: str, today: date,
             language: str | None = None) -> Discovery:
    return Discovery(top_categories(conn, language),
                     featured_cards(conn, store_id, POPULAR, today=today, language=language))


def completed(text: str, word: str) -> str:
    """`text` with the word being typed (its last) replaced by `word`, ready for the next.
    A completion of several words ("hoodies & sweatshirts") takes the place of as many of
    the last words typed as it begins with ("hoodies & sw"), rather than repeat them."""
    typing = _LAST_WORD.search(text)
    start = typing.start() if typing else len(text)
    folded = word.casefold()
    for earlier in _WORD_START.finditer(text, 0, start):   # the longest tail first
        if folded.startswith(text[earlier.start():].rstrip().casefold()):
            start = earlier.start()
            break
    return f"{text[:start]}{word} "


def echoed(text: str) -> str:
    """The shopper's text as quoted back to them: one line, cut short."""
    plain = " ".join(text.split())
    return plain if len(plain) <= ECHO_CHARS else plain[:ECHO_CHARS - 1].rstrip() + "…"
