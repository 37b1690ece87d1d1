"""The one hook from a change of the shopper's text size or contrast to a widget that
took sizes or colours from the theme when it was made (kiosk/ui/appearance.py calls it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class Restyling:
    """For a widget whose sizes (spacing, margins, minimum heights, icons) or painted
    colours come from the theme: `restyle(theme)` runs whenever the shopper chooses
    another text size or contrast, on every such widget in the window. Texts written in
    the style sheet follow by themselves. Put it before the Qt class among the bases."""

    def restyle(self, theme: Theme) -> None:
        """Take every size and colour again from `theme`, as if made with it."""
