"""Order and reservation references, drawn the same way by terminals and the server.

A reference is a terminal's prefix, a hyphen and six characters from an alphabet with no
look-alikes ('K7D-3MXQ9P'), so that a shopper can read it out at the till. The server
recognises whose references are whose by drawing a terminal's default prefix as the
terminal does.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable

from kiosk_contract.config_schema import REFERENCE_ALPHABET

REFERENCE_LENGTH = 6        # after the terminal's prefix: 25**6, about 244 million
DERIVED_PREFIX_LENGTH = 3   # a terminal's prefix when IT sets none


def derived_prefix(terminal_id: str) -> str:
    """Three characters drawn from a terminal's id; the central server draws them the
    same way from the terminal's name to know whose references are whose."""
    digest = int.from_bytes(hashlib.sha256(terminal_id.encode()).digest()[:8], "big")
    characters = []
    for _ in range(DERIVED_PREFIX_LENGTH):
        digest, index = divmod(digest, len(REFERENCE_ALPHABET))
        characters.append(REFERENCE_ALPHABET[index])
    return "".join(characters)


def new_reference(prefix: str, choose: Callable[[str], str] = secrets.choice) -> str:
    """A short reference a shopper can read out: 'K7D-3MXQ9P'. No look-alike characters."""
    return prefix + "-" + "".join(choose(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
