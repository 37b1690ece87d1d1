"""Checkable controls that act however the shopper turns them.

A tap clicks a checkable button: Qt turns it, then sends `clicked`. A screen reader's user
or switch access performs the control's first AT-SPI action instead, which Qt names
"Toggle" on a checkable button: it turns the button and sends no `clicked`. A control that
acted on `clicked` would then look chosen while nothing was chosen. So every checkable
control of the kiosk acts on `toggled`, which both send, and tells the shopper turning it
from the kiosk showing its state (a `setChecked` from code) by what the kiosk holds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton


def act_on_toggle(button: QAbstractButton, holds: Callable[[], bool],
                  act: Callable[[bool], None]) -> None:
    """`act(checked)` whenever `button` is turned to a state other than `holds()`, the
    state the kiosk holds for it: a tap, a keypad's select, an assistive technology's
    Toggle. The kiosk showing what it holds (setChecked to it) does nothing."""
    button.toggled.connect(lambda checked: None if checked == holds() else act(checked))
