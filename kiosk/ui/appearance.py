"""Larger text and high contrast, switched while the kiosk runs (issue 22).

`Appearance.apply(text_scale, high_contrast)` makes the theme for the shopper's choice
and re-styles the whole window with it: the style sheet is filled in again from
kiosk/ui/styles (admin mode's too), every open widget that took sizes or colours from
the theme gets `restyle(theme)` (kiosk/ui/restyling.py), images are decoded again at the
new size, and the screens opened afterwards are made with the new theme. Applying the
terminal's own scale without contrast gives back exactly the kiosk as it started.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import HIGH_CONTRAST, Theme

if TYPE_CHECKING:
    from kiosk.ui.thumbnails import ThumbnailCache

# The bounds images are decoded to, at scale 1.0: a card's picture, and a product's (or
# the attract screen's) large one.
THUMBNAIL_PX = 300
PICTURE_PX = 900


def image_bound(theme: Theme, base_px: int) -> QSize:
    return QSize(theme.px(base_px), theme.px(base_px))


class Appearance:
    """Owns the theme the window is drawn with; `theme` is the one in force."""

    def __init__(self, theme: Theme, window: QWidget, *, thumbnails: ThumbnailCache,
                 pictures: ThumbnailCache) -> None:
        self.theme = theme
        self._usual_colors = theme.colors
        self._window = window
        self._images = ((thumbnails, THUMBNAIL_PX), (pictures, PICTURE_PX))
        self._followers: list[Callable[[Theme], None]] = []

    def follow(self, take_theme: Callable[[Theme], None]) -> None:
        """`take_theme(theme)` is called at every change, before the widgets are restyled:
        for what keeps a theme to make widgets with later (the sessions, admin mode)."""
        self._followers.append(take_theme)

    def apply(self, text_scale: float, high_contrast: bool) -> None:
        """Draw the window at `text_scale` (1.0, 1.5, 2.0), in high contrast or not."""
        colors = HIGH_CONTRAST if high_contrast else self._usual_colors
        theme = replace(self.theme, scale=text_scale, colors=colors)
        if theme == self.theme:
            return
        self.theme = theme
        for take_theme in self._followers:
            take_theme(theme)
        for cache, base_px in self._images:
            cache.set_bound(image_bound(theme, base_px))
        window = self._window
        window.setUpdatesEnabled(False)     # one repaint, not one per widget restyled
        try:
            # As when the widgets were made: sizes from the theme first, then the sheet,
            # which has the last word where it sets a least height or a padding too. The
            # old sheet goes first, so that it hands back the margins it added.
            window.setStyleSheet("")
            widgets = [window, *window.findChildren(QWidget)]
            for widget in widgets:
                if isinstance(widget, Restyling):
                    widget.restyle(theme)
            window.setStyleSheet(theme.style_sheet())
            # Every layout placed again: a least height set in between may have resized a
            # widget that nothing else would give back its size (same text size, new colours).
            for widget in widgets:
                if widget.layout() is not None:
                    widget.layout().invalidate()
                    widget.layout().activate()
        finally:
            window.setUpdatesEnabled(True)
