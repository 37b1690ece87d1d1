"""Typing as a shopper does: key by key on the on-screen keyboard."""

from __future__ import annotations

from support.gestures import tap


def _key(keyboard, action, text=""):
    found = next((key for key in keyboard.keys
                  if key.spec.action == action and (not text or key.spec.text == text)), None)
    assert found is not None, f"no {action} key {text!r} on the {keyboard.layout_name} layout"
    return found


def _has(keyboard, action, text=""):
    return any(key.spec.action == action and (not text or key.spec.text == text)
               for key in keyboard.keys)


def type_on_screen(qtbot, keyboard, text):
    """Tap the keys that type `text`: Shift before a capital, the digits' page when the
    letters have none, the letters' page when back to letters."""
    for char in text:
        if char == " ":
            if not _has(keyboard, "space"):
                tap(qtbot, _key(keyboard, "letters"))
            tap(qtbot, _key(keyboard, "space"))
            continue
        lower = char.lower()
        if not _has(keyboard, "type", lower):
            tap(qtbot, _key(keyboard, "numbers" if keyboard.layout_name != "numeric"
                            else "letters"))
        if char != lower:
            tap(qtbot, _key(keyboard, "shift"))
        tap(qtbot, _key(keyboard, "type", lower))


def clear_on_screen(qtbot, keyboard):
    tap(qtbot, _key(keyboard, "clear"))
