"""What one shopper switched on to use the kiosk: speech, larger text, high contrast,
reach mode, more time, and how speech sounds.

The choices belong to the shopper's session: they start from the terminal's config and
go back to it at the idle reset (EN 301 549 5.1.3.13: the next shopper does not inherit
a stranger's volume). Immutable: a change makes a new value, which the app applies.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# Larger text in three steps up to twice the size; the first is the terminal's own.
TEXT_SCALES = (1.0, 1.5, 2.0)
RATE_RANGE = (-1.0, 1.0)      # QTextToSpeech's: slowest to fastest, 0 the voice's own
VOLUME_RANGE = (0.0, 1.0)
SPEECH_STEP = 0.1             # one press of "faster", "slower", "louder" or "quieter"


def _clamped(value: float, bounds: tuple[float, float]) -> float:
    low, high = bounds
    return round(min(high, max(low, value)), 2)


@dataclass(frozen=True)
class AccessibilityChoices:
    speech: bool = False
    text_scale: float = TEXT_SCALES[0]
    high_contrast: bool = False
    reach: bool = False              # every control within reach of a seated shopper
    more_time: bool = False          # time limits multiplied (always while speech is on)
    speech_rate: float = 0.0
    speech_volume: float = 0.8

    @classmethod
    def from_config(cls, config) -> AccessibilityChoices:
        """A new session's: the config's text scale and voice, nothing switched on."""
        return cls(text_scale=config.text_scale, speech_rate=config.speech_rate,
                   speech_volume=config.speech_volume)

    def with_speech(self, on: bool) -> AccessibilityChoices:
        return replace(self, speech=on)

    def next_text_scale(self) -> AccessibilityChoices:
        """One step larger, and from the largest back to the smallest."""
        larger = [scale for scale in TEXT_SCALES if scale > self.text_scale + 1e-9]
        return replace(self, text_scale=larger[0] if larger else TEXT_SCALES[0])

    def with_text_scale(self, scale: float) -> AccessibilityChoices:
        return replace(self, text_scale=scale)

    def with_high_contrast(self, on: bool) -> AccessibilityChoices:
        return replace(self, high_contrast=on)

    def with_reach(self, on: bool) -> AccessibilityChoices:
        return replace(self, reach=on)

    def with_more_time(self, on: bool) -> AccessibilityChoices:
        return replace(self, more_time=on)

    def with_rate(self, rate: float) -> AccessibilityChoices:
        return replace(self, speech_rate=_clamped(rate, RATE_RANGE))

    def with_volume(self, volume: float) -> AccessibilityChoices:
        return replace(self, speech_volume=_clamped(volume, VOLUME_RANGE))

    def time_multiplier(self, configured: float) -> float:
        """How many times longer the idle timeouts are: the config's multiplier when the
        shopper asked for more time or listens to speech, else 1."""
        return configured if (self.more_time or self.speech) else 1.0
