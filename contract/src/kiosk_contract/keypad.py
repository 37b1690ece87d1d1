"""The accessible keypad's actions and the keys that may stand for them (no Qt here).

Keypads on accessible kiosks (EN 301 549 5.1.6.1) plug in as a USB keyboard: each of
their buttons sends a key. The config's [keypad] section says which key each button
sends, by the key's name as Qt spells it without `Key_` ("Up", "Return", "F1",
"VolumeUp"); kiosk/ui/keypad.py turns the names into Qt keys.
"""

from __future__ import annotations

import string

# Each action with the keys a common keypad sends for it, in the order the config lists
# them. Return and Enter both select: the main keyboard's and the number pad's.
DEFAULT_BINDINGS: dict[str, tuple[str, ...]] = {
    "up": ("Up",),
    "down": ("Down",),
    "left": ("Left",),
    "right": ("Right",),
    "select": ("Return", "Enter"),
    "back": ("Backspace", "Back"),
    "help": ("F1", "Help"),
    "pause": ("F2", "MediaTogglePlayPause"),
    "volume_up": ("VolumeUp", "F4"),
    "volume_down": ("VolumeDown", "F3"),
}
ACTIONS = tuple(DEFAULT_BINDINGS)

_NAMED_KEYS = (
    "Up", "Down", "Left", "Right", "Return", "Enter", "Space", "Backspace", "Tab", "Home",
    "End", "PageUp", "PageDown", "Insert", "Delete", "Help", "Back", "Forward", "Select",
    "VolumeUp", "VolumeDown", "VolumeMute", "MediaPlay", "MediaPause", "MediaTogglePlayPause",
    "Plus", "Minus", "Asterisk", "Slash", "Period", "Comma",
)
KEY_NAMES = frozenset(
    (*_NAMED_KEYS, *(f"F{number}" for number in range(1, 25)),
     *string.ascii_uppercase, *string.digits))
# The kiosk swallows these so that a shopper cannot leave it (kiosk/ui/hardening.py).
BLOCKED_KEYS = frozenset({"Escape", "Menu"})


def key_names_problem(names: list[str]) -> str | None:
    """Why a [keypad] entry's list of key names is wrong, or None."""
    if not names:
        return "must name at least one key"
    for name in names:
        if name in BLOCKED_KEYS:
            return f"{name!r} cannot be used: the kiosk blocks it so that shoppers cannot leave"
        if name not in KEY_NAMES:
            return (f"unknown key {name!r}; use a key name such as 'Up', 'Return', 'F1', "
                    "'VolumeUp', a letter 'A' to 'Z' or a digit")
    return None


def shared_key(bindings: dict[str, tuple[str, ...]]) -> tuple[str, str, str] | None:
    """The first key bound to two actions, as (key, first action, second action)."""
    owner: dict[str, str] = {}
    for action, names in bindings.items():
        for name in names:
            if name in owner and owner[name] != action:
                return name, owner[name], action
            owner[name] = action
    return None
