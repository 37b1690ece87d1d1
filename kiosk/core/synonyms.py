"""Shopper words mapped to catalog words, so that "veste" finds the Luma jackets.

The file is TOML, one line per shopper word or phrase (see assets/search/synonyms.toml):

    veste = ["jacket", "jackets"]
    "débardeur" = ["tank", "tanks"]
    soutien-gorge = ["bra", "bras"]

A value that starts with @ is not a catalog word but a way into the catalog:

    solde = ["sale", "promotions", "@on-special"]   # and the products on special today
    enfant = ["kids", "@optional"]                  # left out when nothing matches

IT edits it, so a broken file is refused with every problem at once, each naming the
file, the line and the reason. Lookups ignore case, accents, a French plural's final
s or x and the little words between ("sac a dos" finds the key "sac à dos").
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from kiosk.core.search_words import folded, query_words, singular, without_fillers

# Keys an unfinished word may be the start of, at most: each adds terms to the query.
MAX_PREFIX_KEYS = 4
# Letters typed before keys are offered for an unfinished word ("ves" -> veste).
MIN_PREFIX_LETTERS = 3
# Catalog phrases one shopper word stands for, at most: each is one more index lookup.
MAX_ALTERNATIVES = 12

Phrase = tuple[str, ...]

# The ways in a value may name (written with a leading @):
ON_SPECIAL = "on-special"     # the products whose special price runs today answer the word
OPTIONAL = "optional"         # when the search finds nothing, the word is left out; alone,
#                               it shows the whole catalog
WAYS = (ON_SPECIAL, OPTIONAL)


class KeyMatch(NamedTuple):
    """What a shopper phrase stands for: how many of the words typed it covers, the
    catalog phrases any of which satisfies it, and the ways in it names."""

    length: int
    phrases: tuple[Phrase, ...] = ()
    ways: frozenset[str] = frozenset()


NO_MATCH = KeyMatch(0)


class SynonymsError(Exception):
    """A synonyms file that cannot be used; the message names the file, line and reason."""


class Synonyms:
    """Read-only lookups of shopper phrases, prepared once for per-keystroke use."""

    def __init__(self, mapping: Mapping[str, Iterable[str]]) -> None:
        merged: dict[Phrase, dict[Phrase, None]] = {}
        ways: dict[Phrase, set[str]] = {}
        self._singular_of: dict[Phrase, Phrase] = {}   # key as written -> lookup form
        self._spelling: dict[Phrase, str] = {}
        for key, values in mapping.items():
            written = _key_words(key)
            if not written:
                continue
            lookup_form = tuple(singular(w) for w in written)
            alternatives = merged.setdefault(lookup_form, {})
            for value in values:
                if _way(value) in WAYS:
                    ways.setdefault(lookup_form, set()).add(_way(value))
                elif catalog_words := tuple(query_words(value)):
                    alternatives[catalog_words] = None
            self._singular_of[written] = lookup_form
            self._spelling.setdefault(written, key.lower())
        self._by_key = {key: tuple(alts)[:MAX_ALTERNATIVES]
                        for key, alts in merged.items() if alts or ways.get(key)}
        self._ways = {key: frozenset(found) for key, found in ways.items()}
        self._longest = max((len(key) for key in self._by_key), default=0)
        self._written = sorted(w for w, s in self._singular_of.items() if s in self._by_key)

    def lookup(self, words: list[str], start: int, *, last_is_prefix: bool) -> KeyMatch:
        """The longest key starting at `words[start]`: how many words it covers, the
        catalog phrases it stands for and its ways in; NO_MATCH when no key starts there.

        When the key reaches the last word and that word is still being typed, keys it
        may be the start of count too ("ves" -> veste), once a few letters are typed;
        their catalog phrases only, as a way in is taken for a word the shopper wrote.
        """
        plain = tuple(folded(w) for w in words[start:start + self._longest])
        for length in range(len(plain), 0, -1):
            key = tuple(singular(w) for w in plain[:length])
            found = list(self._by_key.get(key, ()))
            if last_is_prefix and start + length == len(words):
                for written in self._keys_begun_by(plain[:length]):
                    found.extend(self._by_key[self._singular_of[written]])
            if found or key in self._by_key:
                return KeyMatch(length, tuple(dict.fromkeys(found))[:MAX_ALTERNATIVES],
                                self._ways.get(key, frozenset()))
        return NO_MATCH

    def completions(self, typed: str) -> list[str]:
        """Keys, as written in the file, whose first word the word being typed begins."""
        typed = folded(typed)
        found = []
        for written in self._written[bisect.bisect_left(self._written, (typed,)):]:
            if not written[0].startswith(typed):
                break
            if written != (typed,):
                found.append(self._spelling[written])
        return found

    def has_word(self, word: str) -> bool:
        return (singular(folded(word)),) in self._by_key

    def _keys_begun_by(self, typed: Phrase) -> list[Phrase]:
        """Keys of as many words as `typed`, the same but for a longer last word. In
        sorted order they follow `typed` in one run, so the scan stops at the first
        key outside it."""
        if sum(len(w) for w in typed) < MIN_PREFIX_LETTERS:
            return []
        keys = []
        for written in self._written[bisect.bisect_left(self._written, typed):]:
            if written[:len(typed) - 1] != typed[:-1] or len(written) < len(typed) \
                    or not written[len(typed) - 1].startswith(typed[-1]):
                break
            if len(written) == len(typed) and written != typed:
                keys.append(written)
                if len(keys) == MAX_PREFIX_KEYS:
                    break
        return keys


def load_synonyms(path: str | Path) -> Synonyms:
    """Read a synonyms file; SynonymsError lists every problem, each with its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SynonymsError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise SynonymsError(f"{path}: cannot read: not UTF-8 text") from None
    except OSError as error:
        raise SynonymsError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
        if where:
            path_and_line, message = f"{path}:{where.group(1)}", message[:where.start()]
        else:
            path_and_line = str(path)
        raise SynonymsError(f"{path_and_line}: not valid TOML: {message}") from None
    problems = []
    for key, value in document.items():
        if reason := _problem(key, value):
            line = _line_of(text, key)
            problems.append(f"{path}:{line}: {key}: {reason}" if line else
                            f"{path}: {key}: {reason}")
    if problems:
        raise SynonymsError("\n".join(problems))
    return Synonyms(document)


def _problem(key: str, value: object) -> str | None:
    if not query_words(key):
        return "a shopper word must contain letters or digits"
    if isinstance(value, dict):
        return "sections are not used here: write each word as  word = [\"catalog word\"]"
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return f"must be a list of catalog words in quotes, like [\"jacket\"], got {value!r}"
    unknown = [item for item in value if _way(item) is not None and _way(item) not in WAYS]
    if unknown:
        known = ", ".join(f"@{way}" for way in WAYS)
        return f"unknown way in {unknown[0]!r}: the ways are {known}"
    if not any(query_words(item) for item in value):
        return "must name at least one catalog word"
    return None


def _line_of(text: str, key: str) -> int | None:
    """Where a key or [section] is written: tomllib does not say, so scan the text."""
    name = re.escape(key)
    written = re.compile(rf"""\s*(?:\[\s*)?(?:"{name}"|'{name}'|{name})\s*[=\]]""")
    for number, line in enumerate(text.splitlines(), start=1):
        if written.match(line):
            return number
    return None


def _key_words(key: str) -> Phrase:
    """A key as looked up: folded, without the little words ("sac à dos" -> sac, dos)."""
    return tuple(folded(w) for w in without_fillers(query_words(key)))


def _way(value: str) -> str | None:
    """The way in a value names ("@on-special" -> "on-special"), None for catalog words."""
    value = value.strip()
    return value[1:].strip().lower() if value.startswith("@") else None
