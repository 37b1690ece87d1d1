"""Product search over cache.db, fast enough to run on every keystroke.

Design (the plain "MATCH 'tok*' ORDER BY rank" costs 50-180 ms at a million products,
almost all of it ranking every match of a one- or two-letter prefix):

1. An exact SKU or barcode wins outright.
2. Matching is tiered by where the words are found: all in the name, then in name or
   SKUs, then adding categories (three queries on the small titles index, with column
   filters), then anywhere including the description (the full index). Each tier is
   read in rowid order and cut at the page size, so a broad prefix reads a few dozen
   postings instead of ranking half the catalog, and words found only in descriptions
   do not make the title tiers wade through description matches.
3. Inside a tier, when it has few enough matches to rank cheaply, they are ordered by
   how well the name fits the words typed (the name the shopper reads, or the default
   one if it fits better); a broad tier puts the products with a typed word in their name
   first ("water bottle": the bottles before the backpacks with a bottle pocket), each
   part in rowid order, which is the catalog's own order (featured products first).
   Every language's names, categories and descriptions are in the same indexes: a French
   shopper finds the jackets by their French name "veste", and an English word still works.
4. A shopper word may stand for catalog words (synonyms: "veste" finds the jackets): it
   becomes an OR of itself and them, a few more lookups in the same query. A plural
   also looks for its singular; little words ("de", "d'", "à") are left out.
5. A word may also stand for the products on special today (soldes): they come first.
6. Only when nothing matches, a long word with one typo is corrected against the titles'
   vocabulary, to the most common word one edit away that a name or a category name
   holds as the shopper reads it (in their language, else the default one where a name
   is not translated), else to another language's word rather than to nothing,
   and the search runs once more; then the words marked optional (enfant) are left out,
   down to the whole catalog. Completions likewise come from the names the shopper reads.

Shopper text never reaches FTS5 syntax: it is cut into words, and each word is quoted,
so quotes, `*`, NEAR, AND, parentheses or emoji cannot form an operator.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal, NamedTuple

from kiosk.core.search_words import MAX_QUERY_CHARS as MAX_QUERY_CHARS  # the screen's limit
from kiosk.core.search_words import WORD, folded, query_words, singular, without_fillers
from kiosk.core.synonyms import NO_MATCH, ON_SPECIAL, OPTIONAL, Phrase, Synonyms

# A tier with at most this many matches is ranked; beyond it, rowid (catalog) order.
RANKABLE_MATCHES = 300
# Of a broad tier past the first, the matches read to put those with a typed word in their
# name first: reading a match costs a few microseconds, merging a prefix's lists far more.
NAME_FIRST_READ = 1000
# A word being typed with this many letters or more (longer than the indexes' own
# prefixes) is looked for as the title words it begins, at most PREFIX_WORDS of them: a
# few whole words read lazily, where the prefix would merge the lists of every word it
# begins before giving the first match ("bott" in a million descriptions: 36 ms, as
# "bottle" OR "bottoms": 0.4 ms). In the titles this is the same search; in the full
# index it is tried first, and the prefix follows when it finds too few.
PREFIX_AS_WORDS_FROM = 3
PREFIX_WORDS = 12

# (index, column filter): where all the words must be found, best tier first.
_TIERS = (("product_titles", "{name} : "), ("product_titles", "{name skus} : "),
          ("product_titles", ""), ("product_search", ""))
_NAME_TIER = _TIERS[0]
_IN_FULL_INDEX = "p.id IN (SELECT rowid FROM product_search WHERE product_search MATCH ?)"
# Candidates for a typo, most common first, checked for a name in the shopper's language.
_CORRECTIONS_CHECKED = 5
# Names read per candidate to find it in the shopper's language.
_NAMES_CHECKED = 20
# A mistyped word is corrected from this length (shorter ones have too many neighbours
# one edit away) up to this one (the candidates to look up grow with the length).
FUZZY_MIN_LETTERS = 5
FUZZY_MAX_LETTERS = 20
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# Names read for the completions of the word being typed: the first ones, in catalog order.
SUGGESTION_SAMPLE = 200
# Letter sizes in the order a shopper reads them; numbers come after, then the rest.
_LETTER_SIZES = {size: rank for rank, spellings in enumerate(
    (("XXXS", "3XS"), ("XXS", "2XS"), ("XS",), ("S",), ("M",), ("L",), ("XL",),
     ("XXL", "2XL"), ("XXXL", "3XL"), ("XXXXL", "4XL"))) for size in spellings}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NUMBER_OR_NOT = re.compile(r"\d+|\D+")
_IN_STOCK = ("EXISTS (SELECT 1 FROM stock st WHERE st.variant_sku = v.sku "
             "AND st.store_id = ? AND st.quantity > 0)")
# Above any character a word may hold: the upper bound of the words a prefix begins.
_AFTER_EVERY_WORD = "\U0010ffff"
# A language code as the change feed writes it ('fr', 'pt-BR'): only such a code is
# written into SQL, never a shopper's text.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")

Sort = Literal["relevance", "price_asc", "price_desc"]


@dataclass(frozen=True)
class SearchFilters:
    category_path: str | None = None     # includes its sub-categories
    min_price_cents: int | None = None
    max_price_cents: int | None = None
    sizes: frozenset[str] = frozenset()
    colors: frozenset[str] = frozenset()
    in_stock_at: str | None = None       # a store id: only variants with stock there
    sort: Sort = "relevance"


@dataclass
class SearchResult:
    product_ids: list[int] = field(default_factory=list)
    # The variant whose SKU or barcode was typed or scanned, if any.
    exact_variant_sku: str | None = None
    # The words searched instead of the shopper's, when a typo was corrected ("jacket")
    # or optional words were left out ("montre" for "montre homme"; None when none is left).
    corrected_text: str | None = None


@dataclass(frozen=True)
class Facets:
    """What the filter panel offers for a search. The count obeys every filter; the
    sizes, the colours and the price range each leave their own filter out, so that
    choosing size M does not hide size L."""

    count: int = 0
    sizes: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    min_price_cents: int | None = None
    max_price_cents: int | None = None
    # As in SearchResult: the words counted instead of the shopper's.
    corrected_text: str | None = None


# Each group is required; any one of its alternatives satisfies it. An alternative is a
# phrase and whether its last word is still being typed (a prefix).
Group = list[tuple[Phrase, bool]]


class _Part(NamedTuple):
    """A group and the ways in its synonym names (ON_SPECIAL, OPTIONAL)."""

    group: Group
    ways: frozenset[str] = frozenset()


def fts_expression(words: list[str], *, last_is_prefix: bool = True,
                   synonyms: Synonyms | None = None) -> str:
    """All words required. Words followed by a space are finished and match whole; only
    the one being typed is a prefix. (A prefix makes FTS5 merge the lists of every word
    it starts, which for several prefixes costs tens of milliseconds at a million.)
    A word with synonyms may be matched by any of them instead."""
    return _render(_groups(words, last_is_prefix, synonyms))


def _groups(words: list[str], last_is_prefix: bool, synonyms: Synonyms | None) -> list[Group]:
    return [part.group for part in _parts(words, last_is_prefix, synonyms)]


def _parts(words: list[str], last_is_prefix: bool, synonyms: Synonyms | None) -> list[_Part]:
    words = without_fillers(words, last_is_prefix=last_is_prefix)
    parts: list[_Part] = []
    start = 0
    while start < len(words):
        covered, alternatives, ways = (
            synonyms.lookup(words, start, last_is_prefix=last_is_prefix) if synonyms
            else NO_MATCH)
        end = start + max(covered, 1)
        typing = last_is_prefix and end == len(words)
        typed = tuple(words[start:end])
        # "shorts" finds the "Short"s: the singular as a whole word, even while typing
        # (as a prefix, "gri" of "gris" would begin "grips").
        plural = singular(typed[-1]) != typed[-1]
        parts.append(_Part([(typed, typing),
                            *([((*typed[:-1], singular(typed[-1])), False)] if plural else []),
                            *((alternative, False) for alternative in alternatives)], ways))
        start = end
    return parts


def _render(groups: list[Group]) -> str:
    """The FTS5 expression; every word is quoted (words hold only letters and digits)."""
    def phrase(words: Phrase, prefix: bool) -> str:
        quoted = [f'"{w}"' for w in words]
        if prefix:
            quoted[-1] += "*"
        return quoted[0] if len(quoted) == 1 else f"({' AND '.join(quoted)})"

    rendered = [[phrase(words, prefix) for words, prefix in group] for group in groups]
    return " AND ".join(alts[0] if len(alts) == 1 else f"({' OR '.join(alts)})"
                        for alts in rendered)


def search(conn: sqlite3.Connection, text: str, filters: SearchFilters = SearchFilters(),
           *, today: date, limit: int = 50, offset: int = 0,
           synonyms: Synonyms | None = None, language: str | None = None) -> SearchResult:
    """`offset` pages through browsing (no text: a category's next screenful); a search
    with text gives its best `limit` matches and ignores it. Names of every language
    match; `language`, the shopper's, ranks by the name they read and corrects typos
    from their words first."""
    result = SearchResult()
    exact = _exact_variant(conn, text)
    if exact is not None:
        product_id, result.exact_variant_sku = exact
        result.product_ids.append(product_id)
    words = query_words(text)
    where, params = _filter_sql(conn, filters, today)
    if not words:
        if not text.strip():    # browsing, no query
            result.product_ids = _browse(conn, where, params, filters, today, limit, offset)
        return result
    last_is_prefix = not text[-1:].isspace()

    def matches(parts: list[_Part]) -> list[int]:
        if not parts:       # every word was optional: the whole catalog
            return _browse(conn, where, params, filters, today, limit, 0)
        if filters.sort != "relevance":
            return _all_matches_by_price(conn, parts, where, params, filters, today, limit)
        specials = [product_id for product_id in _on_special(conn, parts, where, params, today,
                                                             limit)
                    if product_id not in result.product_ids]
        return specials + _tiered_matches(conn, [part.group for part in parts], where, params,
                                          limit, result.product_ids + specials, language)

    parts = _parts(words, last_is_prefix, synonyms)
    found = matches(parts)
    if found and _only_in_descriptions(conn, parts, where, params):
        found = []
    if not found and not result.product_ids:
        corrected = _corrected_words(conn, words, last_is_prefix, synonyms, language)
        if corrected and (found := matches(_parts(corrected, last_is_prefix, synonyms))):
            result.corrected_text = " ".join(corrected)
        elif (required := _required(parts)) != parts:
            found = matches(required)
            result.corrected_text = _said(required) if found and required else None
    if filters.sort != "relevance":
        result.product_ids = found
    else:
        result.product_ids.extend(found)
        del result.product_ids[limit:]
    return result


def suggest(conn: sqlite3.Connection, text: str, limit: int = 6, *,
            synonyms: Synonyms | None = None, language: str | None = None) -> list[str]:
    """Completions of the word being typed, each to take its place: words of product names
    that go with the words before it (most frequent first), synonym keys, then category
    names ("hoo" -> "hoodie", "hooded", "hoodies & sweatshirts"). Lower case. Names and
    categories are read in `language` (the default one where untranslated): the index
    finds a name by any of its languages, the shopper is offered the words they read."""
    words = query_words(text)
    if not words or limit <= 0 or text[-1:].isspace():
        return []
    typed = folded(words[-1])
    # The words before it that name something ("pantalon de " -> pantalon).
    before = _render(_groups(without_fillers(words, last_is_prefix=True)[:-1], False, synonyms))
    match = f'{before} AND {{name}} : "{words[-1]}"*' if before else f'{{name}} : "{words[-1]}"*'
    counts: Counter[str] = Counter()
    spellings: dict[str, str] = {}
    for (name,) in conn.execute(
            f"SELECT {_in_language('p', 'name', language)} FROM product_titles t "
            "JOIN products p ON p.id = t.rowid WHERE product_titles MATCH ? LIMIT ?",
            (match, SUGGESTION_SAMPLE)):
        for word in {w.lower() for w in WORD.findall(name)}:
            plain = folded(word)
            if plain.startswith(typed) and plain != typed:
                counts[plain] += 1
                spellings.setdefault(plain, word)
    completions = [spellings[plain] for plain, _ in
                   sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    completions += synonyms.completions(typed) if synonyms else []
    categories = [name.lower() for name in category_names(conn, language)
                  if any(folded(w).startswith(typed) for w in WORD.findall(name))
                  and folded(name) != typed]
    # Categories are few and broad: they keep a place even when names offer plenty.
    names_room = limit - min(len(categories), limit // 2)
    chosen = list(dict.fromkeys(completions))[:names_room]
    chosen += [c for c in categories if c not in chosen]
    return chosen[:limit]


def category_names(conn: sqlite3.Connection, language: str | None = None) -> list[str]:
    """The categories' names, sorted: in `language` where translated, else the default."""
    return [name for (name,) in conn.execute(
        f"SELECT DISTINCT {_in_language('categories', 'name', language)} AS shown "
        "FROM categories ORDER BY shown")]


def _in_language(table: str, column: str, language: str | None) -> str:
    """SQL for `table.column` in `language`, falling back to the default language."""
    translated = _translated(table, column, language)
    return f"coalesce(nullif({translated}, ''), {table}.{column})" if translated else \
        f"{table}.{column}"


def _translated(table: str, column: str, language: str | None) -> str | None:
    """SQL for `table.column` translated into `language` (NULL where it is not); None for
    no language. The code is written into the SQL only when it has a code's letters."""
    if not language or not _LANGUAGE_CODE.fullmatch(language):
        return None
    return f"json_extract({table}.translations, '$.\"{language}\".{column}')"


def facets(conn: sqlite3.Connection, text: str, filters: SearchFilters = SearchFilters(), *,
           today: date, synonyms: Synonyms | None = None,
           language: str | None = None) -> Facets:
    """Count, sizes, colours and price range of every product `search` would find."""
    words = query_words(text)
    if not words:
        return Facets() if text.strip() else _facets(conn, [], filters, today)
    last_is_prefix = not text[-1:].isspace()
    parts = _parts(words, last_is_prefix, synonyms)
    found = _facets(conn, parts, filters, today)
    if found.count and _only_in_descriptions(conn, parts, *_filter_sql(conn, filters, today)):
        found = Facets()
    if found.count == 0:
        corrected = _corrected_words(conn, words, last_is_prefix, synonyms, language)
        if corrected:
            retried = _facets(conn, _parts(corrected, last_is_prefix, synonyms), filters, today)
            if retried.count:
                return replace(retried, corrected_text=" ".join(corrected))
        if (required := _required(parts)) != parts:
            retried = _facets(conn, required, filters, today)
            if retried.count and required:
                return replace(retried, corrected_text=_said(required))
            return retried
    return found


def _facets(conn: sqlite3.Connection, parts: list[_Part], filters: SearchFilters,
            today: date) -> Facets:
    # The prices index holds all that is read of a product here; without statistics
    # SQLite would rather fetch each wide row by its id.
    source = "products p INDEXED BY products_prices"
    matching, text_params = _matching(parts, today)
    price = _effective_price(today)
    # One pass: the range among products that pass every filter but the price, and the
    # count of those the price filter keeps too.
    bounds = [(bound, op) for bound, op in ((filters.min_price_cents, ">="),
                                            (filters.max_price_cents, "<=")) if bound is not None]
    counted = (f"sum({' AND '.join(f'{price} {op} ?' for _, op in bounds)})" if bounds
               else "count(*)")
    where, params = _filter_sql(conn, replace(filters, min_price_cents=None,
                                              max_price_cents=None), today, whole_category=True)
    count, low, high = conn.execute(
        f"SELECT {counted}, min({price}), max({price}) FROM {source} WHERE {matching} {where}",
        [*(bound for bound, _ in bounds), *text_params, *params]).fetchone()
    # The size and colour pairs of the variants in stock (if asked) of the products that
    # pass the product filters; each list then applies the other's filter.
    where, params = _filter_sql(conn, replace(filters, sizes=frozenset(), colors=frozenset(),
                                              in_stock_at=None), today, whole_category=True)
    stock = f" AND {_IN_STOCK}" if filters.in_stock_at else ""
    pairs = conn.execute(
        f"SELECT DISTINCT v.size, v.color FROM variants v WHERE v.product_id IN "
        f"(SELECT p.id FROM {source} WHERE {matching} {where}){stock}",
        [*text_params, *params, *([filters.in_stock_at] if stock else [])]).fetchall()
    sizes = {size for size, color in pairs
             if size and (not filters.colors or color in filters.colors)}
    colors = {color for size, color in pairs
              if color and (not filters.sizes or size in filters.sizes)}
    return Facets(count=count or 0, sizes=tuple(sorted(sizes, key=size_sort_key)),
                  colors=tuple(sorted(colors, key=str.casefold)),
                  min_price_cents=low, max_price_cents=high)


def size_sort_key(size: str) -> tuple:
    """XS, S, M, L, XL, XXL; then numbers ascending (28, 29, 30.5); then the rest in
    natural order ("6 foot" before "10 foot")."""
    shown = size.strip().upper()
    if shown in _LETTER_SIZES:
        return (0, _LETTER_SIZES[shown])
    if _NUMBER.fullmatch(shown):
        return (1, float(shown.replace(",", ".")))
    return (2, tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                     for part in _NUMBER_OR_NOT.findall(shown.casefold())))


def _tiered_matches(conn: sqlite3.Connection, groups: list[Group], where: str, params: list,
                    limit: int, already: list[int], language: str | None) -> list[int]:
    """Tier after tier until the page is full, leaving out the products `already` found."""
    seen = set(already)
    found: list[int] = []
    expression = _render(groups)
    as_words = _prefix_as_title_words(conn, groups)
    for index, columns in _TIERS:
        if len(already) + len(found) >= limit:
            break
        wanted = limit + len(seen)
        name_first = (index, columns) != _NAME_TIER
        matched = None
        if as_words:
            matched = _tier(conn, index, f"{columns}({_render(as_words)})", as_words, where,
                            params, wanted, language, name_first)
            if index == "product_search" and \
                    len(set(matched) - seen) < limit - len(already) - len(found):
                matched = None  # too few: the prefix may begin words only descriptions hold
        if matched is None:
            matched = _tier(conn, index, f"{columns}({expression})", groups, where, params,
                            wanted, language, name_first)
        for product_id in matched:
            if product_id not in seen:
                seen.add(product_id)
                found.append(product_id)
    return found


def _prefix_as_title_words(conn: sqlite3.Connection, groups: list[Group]) -> list[Group] | None:
    """`groups` with the word being typed replaced by the title words it begins; None when
    no word is being typed, it is short, or begins no title word or too many."""
    last = groups[-1] if groups else []
    typing = [(words, prefix) for words, prefix in last if prefix]
    if not typing or len(typing[0][0][-1]) < PREFIX_AS_WORDS_FROM:
        return None
    words = typing[0][0]
    begun: list[str] = []
    start, end = folded(words[-1]), folded(words[-1]) + _AFTER_EVERY_WORD
    # One word at a time from the instances: the first instance of each ends the lookup,
    # where the rows' view would count the products of every word.
    while len(begun) <= PREFIX_WORDS and (row := conn.execute(
            "SELECT term FROM product_titles_terms WHERE term >= ? AND term <= ? LIMIT 1",
            (start, end)).fetchone()):
        begun.append(row[0])
        start = row[0] + "\x00"
    if not begun or len(begun) > PREFIX_WORDS:
        return None
    whole = [((*words[:-1], term), False) for term in begun]
    return [*groups[:-1], [alt for alt in last if not alt[1]] + whole]


def _tier(conn: sqlite3.Connection, index: str, match: str, groups: list[Group], where: str,
          params: list, limit: int, language: str | None, name_first: bool) -> list[int]:
    """One tier's matches: ranked when there are few; else, with `name_first`, those of the
    first NAME_FIRST_READ with a typed word in their name first, each part in catalog
    (rowid) order.

    Only rowids and names are read here. FTS5's bm25() would count every document of each
    phrase to weigh it, which for a one-letter prefix means the whole catalog.
    """
    shown_name = _in_language("p", "name", language)
    rows = conn.execute(
        f"SELECT p.id, p.name, {shown_name} FROM {index} s JOIN products p ON p.id = s.rowid "
        f"WHERE {index} MATCH ? {where} LIMIT ?",
        [match, *params, max(limit, NAME_FIRST_READ if name_first else RANKABLE_MATCHES + 1)],
    ).fetchall()
    if len(rows) <= RANKABLE_MATCHES:
        alternatives = [[tuple(folded(w) for w in words) for words, _ in group]
                        for group in groups]
        rows.sort(key=lambda row: (min(_name_score(row[2], alternatives),
                                       _name_score(row[1], alternatives)), row[0]))
    elif name_first:
        typed = _typed_words(groups)
        rows.sort(key=lambda row: not (typed.search(_plain(row[1]))
                                       or typed.search(_plain(row[2]))))   # stable: rowids
    return [row[0] for row in rows[:limit]]


def _typed_words(groups: list[Group]) -> re.Pattern:
    """A pattern finding any typed word (or a synonym's phrase) in a plain name, the one
    being typed as the start of a word."""
    return re.compile("|".join(
        r"\b" + r"\W+".join(re.escape(folded(w)) for w in words) + ("" if prefix else r"\b")
        for group in groups for words, prefix in group))


def _plain(name: str) -> str:
    """A name lower-cased, and without accents where it has some (most have none)."""
    return name.lower() if name.isascii() else folded(name)


def _name_score(name: str, alternatives: list[list[Phrase]]) -> tuple[int, int, int]:
    """Smaller is better: typed words (or their synonyms) found whole, then found early,
    then short names. `alternatives` are folded, one list per word typed."""
    name_words = query_words(folded(name))
    whole = sum(1 for group in alternatives
                if any(all(w in name_words for w in phrase) for phrase in group))
    starts = tuple({w for group in alternatives for phrase in group for w in phrase})
    first = next((i for i, nw in enumerate(name_words) if nw.startswith(starts)),
                 len(name_words))
    return (-whole, first, len(name_words))


def _corrected_words(conn: sqlite3.Connection, words: list[str], last_is_prefix: bool,
                     synonyms: Synonyms | None, language: str | None = None) -> list[str] | None:
    """The words with each unknown one replaced by the most common known word one edit
    (Damerau) away; None when there is nothing to correct. A word is known when the
    titles or the synonyms hold it, or, for the word being typed, a word it begins."""
    corrected = list(words)
    for position, word in enumerate(words):
        plain = folded(word)
        if not (FUZZY_MIN_LETTERS <= len(plain) <= FUZZY_MAX_LETTERS and plain.isalpha()):
            continue
        typing = last_is_prefix and position == len(words) - 1
        if _in_titles(conn, plain, typing) or (synonyms and synonyms.has_word(plain)):
            continue
        corrected[position] = _closest_word(conn, plain, synonyms, language) or word
    return corrected if corrected != words else None


def _in_titles(conn: sqlite3.Connection, word: str, as_prefix: bool) -> bool:
    upper = word + _AFTER_EVERY_WORD if as_prefix else word
    return conn.execute("SELECT 1 FROM product_titles_vocab WHERE term >= ? AND term <= ? "
                        "LIMIT 1", (word, upper)).fetchone() is not None


def _closest_word(conn: sqlite3.Connection, word: str, synonyms: Synonyms | None,
                  language: str | None = None) -> str | None:
    """Of the candidates the titles hold, the most common one found in a name translated
    into the shopper's language, else in a name or a category name as they read it
    (translated, else in the default language), else in another language's names (an
    English word misspelt by a French shopper still finds its products); a synonym key
    when the titles hold none. (The titles hold every language's words in one vocabulary:
    "vestz" is one edit from the French "veste" and from the English "vests", and each
    shopper is given their own.)"""
    candidates = sorted(_one_edit_away(word))
    known = [term for (term,) in conn.execute(
        f"SELECT term FROM product_titles_vocab WHERE term IN ({','.join('?' * len(candidates))})"
        " ORDER BY doc DESC, term LIMIT ?", [*candidates, _CORRECTIONS_CHECKED])]
    translated = _translated("p", "name", language)
    if translated and (read := next((term for term in known
                                     if _in_names(conn, term, translated)), None)):
        return read
    if known:
        categories = {folded(w) for name in category_names(conn, language)
                      for w in WORD.findall(name.lower())}
        read = next((term for term in known if term in categories
                     or _in_names(conn, term, _in_language("p", "name", language))), None)
        return read or known[0]
    return next((c for c in candidates if synonyms and synonyms.has_word(c)), None)


def _in_names(conn: sqlite3.Connection, term: str, name: str) -> bool:
    """Whether `term` is a word of a product name as the SQL `name` reads it: looked for
    among the first names holding it in any language."""
    return any(term in query_words(folded(text or "")) for (text,) in conn.execute(
        f"SELECT {name} FROM product_titles t JOIN products p ON p.id = t.rowid "
        "WHERE product_titles MATCH ? LIMIT ?", (f'{{name}} : "{term}"', _NAMES_CHECKED)))


def _one_edit_away(word: str) -> set[str]:
    """Every word one deletion, transposition, substitution or insertion away."""
    letters = _LETTERS | set(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {head + tail[1:] for head, tail in splits if tail}
    edits |= {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
    edits |= {head + letter + tail[1:] for head, tail in splits if tail for letter in letters}
    edits |= {head + letter + tail for head, tail in splits for letter in letters}
    edits.discard(word)
    return edits


def _all_matches_by_price(conn, parts, where, params, filters, today, limit) -> list[int]:
    matching, text_params = _matching(parts, today)
    return [row[0] for row in conn.execute(
        f"SELECT p.id FROM products p WHERE {matching} {where} "
        f"ORDER BY {_order_by(filters, today)} LIMIT ?", [*text_params, *params, limit])]


def _matching(parts: list[_Part], today: date) -> tuple[str, list]:
    """SQL condition on `p`, and its parameters: every part is found in the full index,
    or the product is on special today and the parts that do not stand for it are."""
    if not parts:
        return "1", []
    condition, params = _IN_FULL_INDEX, [_render([part.group for part in parts])]
    if any(ON_SPECIAL in part.ways for part in parts):
        others, other_params = _matching(
            [part for part in parts if ON_SPECIAL not in part.ways], today)
        condition = f"({condition} OR ({_on_special_today(today)} AND {others}))"
        params += other_params
    return condition, params


def _on_special(conn, parts, where, params, today, limit) -> list[int]:
    """The products on special today that a search for `parts` finds through a word that
    stands for them (soldes), in catalog order; none when no word does. The other words'
    matches are read in catalog order and each checked from the prices index."""
    if not any(ON_SPECIAL in part.ways for part in parts):
        return []
    others = [part.group for part in parts if ON_SPECIAL not in part.ways]
    source, text_params, order = "products p INDEXED BY products_prices", [], "p.id"
    if others:
        source = ("product_search s JOIN products p INDEXED BY products_prices "
                  "ON p.id = s.rowid AND product_search MATCH ?")
        text_params, order = [_render(others)], "s.rowid"
    return [row[0] for row in conn.execute(
        f"SELECT p.id FROM {source} WHERE {_on_special_today(today)} {where} "
        f"ORDER BY {order} LIMIT ?", [*text_params, *params, limit])]


def _only_in_descriptions(conn: sqlite3.Connection, parts: list[_Part], where: str,
                          params: list) -> bool:
    """Whether a search with optional words finds them all only through descriptions:
    then the words that matter, found in names, serve the shopper better ("montre homme":
    the watches, not a jacket whose French description says it "montre" a logo)."""
    if _required(parts) == parts:
        return False
    return conn.execute(
        f"SELECT 1 FROM product_titles s JOIN products p ON p.id = s.rowid "
        f"WHERE product_titles MATCH ? {where} LIMIT 1",
        [_render([part.group for part in parts]), *params]).fetchone() is None


def _required(parts: list[_Part]) -> list[_Part]:
    """The parts a search cannot do without: those whose synonym is not OPTIONAL."""
    return [part for part in parts if OPTIONAL not in part.ways]


def _said(parts: list[_Part]) -> str:
    """The words the shopper typed for these parts (each group's first phrase)."""
    return " ".join(word for part in parts for word in part.group[0][0])


def _browse(conn, where, params, filters, today, limit, offset) -> list[int]:
    return [row[0] for row in conn.execute(
        f"SELECT p.id FROM products p WHERE 1 {where} ORDER BY {_order_by(filters, today)} "
        f"LIMIT ? OFFSET ?", [*params, limit, offset])]


def _order_by(filters: SearchFilters, today: date) -> str:
    """Catalog order, or today's price; the product id breaks ties so pages are stable."""
    if filters.sort == "relevance":
        return "p.id"
    direction = "ASC" if filters.sort == "price_asc" else "DESC"
    return f"{_effective_price(today)} {direction}, p.id"


def _on_special_today(today: date) -> str:
    """SQL: the price paid today is below the regular one (a special price equal to it
    is no offer)."""
    return f"{_effective_price(today)} < p.price_cents"


def _effective_price(today: date) -> str:
    """SQL for the price a shopper pays today: the special price while its dates allow it.

    The date is written into the SQL (it is an ISO date made here, never shopper text)
    so that the expression can sit anywhere in a statement without shifting parameters.
    """
    day = today.isoformat()
    return ("(CASE WHEN p.special_price_cents IS NOT NULL "
            f"AND COALESCE(p.special_from, '0000') <= '{day}' "
            f"AND COALESCE(p.special_to, '9999') >= '{day}' "
            "THEN p.special_price_cents ELSE p.price_cents END)")


def _filter_sql(conn: sqlite3.Connection, filters: SearchFilters, today: date, *,
                whole_category: bool = False) -> tuple[str, list]:
    """SQL conditions on `p` for the filters. A search reads a page: its matches lead and
    each one is checked for the category. Facets read every match: `whole_category` lets
    the category's own product list lead instead of checking the whole catalog."""
    clauses: list[str] = []
    params: list = []
    if filters.category_path:
        ids = [row[0] for row in conn.execute(
            "SELECT id FROM categories WHERE path = ? OR substr(path, 1, ?) = ?",
            (filters.category_path, len(filters.category_path) + 1,
             filters.category_path + "/"))]
        listed = ",".join("?" * len(ids)) or "NULL"
        clauses.append(
            f"p.id IN (SELECT product_id FROM product_categories WHERE category_id IN ({listed}))"
            if whole_category else
            f"EXISTS (SELECT 1 FROM product_categories pc WHERE pc.product_id = p.id "
            f"AND pc.category_id IN ({listed}))")
        params.extend(ids)
    for bound, op in ((filters.min_price_cents, ">="), (filters.max_price_cents, "<=")):
        if bound is not None:
            clauses.append(f"{_effective_price(today)} {op} ?")
            params.append(bound)
    variant_conditions = []
    for column, values in (("size", filters.sizes), ("color", filters.colors)):
        if values:
            variant_conditions.append(f"v.{column} IN ({','.join('?' * len(values))})")
            params.extend(sorted(values))
    if filters.in_stock_at:
        variant_conditions.append(_IN_STOCK)
        params.append(filters.in_stock_at)
    if variant_conditions:
        # One variant must satisfy all of them: 'M', 'Black' and 'in stock' together.
        clauses.append("EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND "
                       + " AND ".join(variant_conditions) + ")")
    return "".join(f" AND {c}" for c in clauses), params


def _exact_variant(conn: sqlite3.Connection, text: str) -> tuple[int, str] | None:
    code = (text or "").strip()
    if not code or len(code) > 64 or any(ch.isspace() for ch in code):
        return None
    row = conn.execute(
        "SELECT product_id, sku FROM variants WHERE barcode = ? OR sku = ? LIMIT 1",
        (code, code)).fetchone()
    if row:
        return row[0], row[1]
    row = conn.execute("SELECT p.id, v.sku FROM products p JOIN variants v ON v.product_id = p.id "
                       "WHERE p.sku = ? ORDER BY v.id LIMIT 1", (code,)).fetchone()
    return (row[0], None) if row else None
