"""Files the kiosk ships beside its code: the typeface and the sounds."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from kiosk.shipped import ASSETS

log = logging.getLogger(__name__)

CHIME = ASSETS / "sounds" / "still-there.wav"
FONTS = ASSETS / "fonts"
# Designed by the Braille Institute for readers with low vision: letters that are easy
# to tell apart (I, l, 1; O, 0) suit shoppers reading a screen while standing.
FONT_FAMILY = "Atkinson Hyperlegible"


def install_fonts() -> str | None:
    """Register the shipped typeface with Qt; return its family, or None if unavailable.

    Without it Qt falls back to the system's sans-serif, so a missing file is logged but
    does not stop the kiosk.
    """
    for path in sorted(FONTS.glob("*/*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("could not load the font file %s", path)
    if FONT_FAMILY in QFontDatabase.families():
        return FONT_FAMILY
    log.warning("font %r is not available; using the system font", FONT_FAMILY)
    return None
