"""The words of a shopper's text as the search reads them, for search.py and synonyms.py.

French shoppers write as they speak: "pantalon de yoga", "bouteille d'eau", "sac à dos".
The little words between the ones that matter name nothing in a catalog, so they are
left out; a French plural's final s or x is read as its singular too.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUERY_CHARS = 200
MAX_TOKENS = 8
MAX_TOKEN_CHARS = 40
WORD = re.compile(r"\w+", re.UNICODE)

# Articles, prepositions, elided forms (d', l', j', qu') and the start of a request
# ("je cherche un..."), folded. None of them names a product, a colour or a size.
FILLER_WORDS = frozenset((
    "a", "au", "aux", "avec", "ce", "ces", "cherche", "d", "de", "des", "du", "en", "et",
    "j", "je", "l", "la", "le", "les", "ma", "mes", "mon", "ou", "par", "pour", "qu",
    "que", "sa", "ses", "son", "sur", "un", "une", "veux", "voudrais", "vos", "votre",
    "taille",       # "taille M": the size is the word that matters
))


def query_words(text: str) -> list[str]:
    """The words of a shopper's text, lower-cased, safe to quote into an FTS5 query."""
    text = unicodedata.normalize("NFC", text or "")[:MAX_QUERY_CHARS]
    words = [w.lower()[:MAX_TOKEN_CHARS] for w in WORD.findall(text)]
    return [w.replace("_", "") for w in words if w.strip("_")][:MAX_TOKENS]


def folded(word: str) -> str:
    """A word as the search indexes hold it: lower case, without accents."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def without_fillers(words: list[str], *, last_is_prefix: bool = False) -> list[str]:
    """The words that name something. A word still being typed stays ("le" may become
    "legging"), and so do all of them when nothing else would remain ("de" alone)."""
    kept = [word for position, word in enumerate(words)
            if folded(word) not in FILLER_WORDS
            or (last_is_prefix and position == len(words) - 1)]
    return kept or list(words)


def singular(word: str) -> str:
    """French plurals end in s or x ("vestes", "chapeaux"); short words keep theirs."""
    return word[:-1] if len(word) >= 4 and word[-1] in "sx" else word
