"""The files the kiosk ships with its code: the typeface, icons, sounds, the search
synonyms and the rating reasons.

In a checkout they are the repository's `assets/`; the terminal's wheel carries them
inside the package, as `kiosk/assets/`.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
ASSETS = _PACKAGE / "assets" if (_PACKAGE / "assets").is_dir() else _PACKAGE.parent / "assets"
SHIPPED_SYNONYMS = ASSETS / "search" / "synonyms.toml"
SHIPPED_RATING_REASONS = ASSETS / "ratings" / "reasons.toml"
