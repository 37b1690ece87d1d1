"""Where on the screen a shopper can reach: EN 301 549 clause 8.3 (the figures of its
forward reach, which a wheelchair user and a child both meet).

Every control a shopper uses must lie between 380 mm and 1,220 mm above the floor. The
terminal's config says how tall its screen is and how high its bottom edge stands; from
those, and the window's height in pixels, the band of pixel rows in reach follows.
"""

from __future__ import annotations

from dataclasses import dataclass

LOWEST_REACH_MM = 380
HIGHEST_REACH_MM = 1220


@dataclass(frozen=True)
class ScreenMounting:
    """How the screen stands: its visible height and its bottom edge above the floor."""

    height_mm: float
    bottom_edge_mm: float

    @property
    def top_edge_mm(self) -> float:
        return self.bottom_edge_mm + self.height_mm

    def reachable_rows(self, window_height: int) -> tuple[int, int]:
        """The first pixel row in reach and the first one below it, for a window as tall
        as the screen. The whole window when the screen lies wholly in reach."""
        pixels_per_mm = window_height / self.height_mm
        above_reach = (self.top_edge_mm - HIGHEST_REACH_MM) * pixels_per_mm
        below_reach = (LOWEST_REACH_MM - self.bottom_edge_mm) * pixels_per_mm
        first = min(max(0, _whole(above_reach)), window_height)
        end = max(min(window_height, window_height - _whole(below_reach)), first)
        return first, end

    def overlaps_reach(self) -> bool:
        return self.bottom_edge_mm < HIGHEST_REACH_MM and self.top_edge_mm > LOWEST_REACH_MM


def _whole(pixels: float) -> int:
    """Rounded up: a row partly out of reach counts as out of it."""
    whole = int(pixels)
    return whole + 1 if pixels > whole else whole
