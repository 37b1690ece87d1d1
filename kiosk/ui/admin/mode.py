"""Admin mode from gesture to goodbye: the PIN pad, the lockout, the panel, the audit.

Every staff action is journaled as an event (synced like any other) and never holds the
PIN's digits. Admin mode closes by itself after its idle time, and always when the
shopper session is reset.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.core.admin import PinLockout, load_lockout, save_lockout, verify_pin
from kiosk.core.config import KioskConfig
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.gesture import CornerTaps
from kiosk.ui.admin.pin_pad import PinPad
from kiosk.ui.admin.style import admin_style

if TYPE_CHECKING:
    from kiosk.ui.admin.panel import AdminPanel
    from kiosk.ui.theme import Theme

log = logging.getLogger(__name__)

# `kiosk run` starts itself again when the app ends with this status (kiosk.cli).
RESTART_EXIT_CODE = 75
_ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                       QEvent.Type.KeyPress, QEvent.Type.Wheel})


class AdminMode(QObject):
    """An event filter for the kiosk window (the gesture, and staff activity) and the
    controller of the PIN pad and the panel.

    `quit(status)` ends the application (QApplication.exit); `apply_config` makes a
    reloaded config the running one.
    """

    opened = Signal()
    closed = Signal(str)      # why: "staff", "idle", "shopper_reset", "cancelled"

    def __init__(self, context: AdminContext, window: QWidget,
                 apply_config: Callable[[KioskConfig], None],
                 quit: Callable[[int], None]) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.quit = quit
        self._apply_config = apply_config
        config = context.config()
        self.gesture = CornerTaps(config.admin_gesture_corner, config.admin_gesture_taps,
                                  config.admin_gesture_seconds, context.theme.touch_target,
                                  self)
        self.gesture.triggered.connect(self.ask_pin)
        self.lockout = PinLockout(config.admin_max_pin_attempts, config.admin_lockout_seconds)
        self._lockout_read = False
        self.pad = PinPad(context.theme, window)
        self.pad.setStyleSheet(admin_style(context.theme))
        self.pad.submitted.connect(self._check_pin)
        self.pad.cancelled.connect(lambda: self.close("cancelled"))
        self.panel: AdminPanel | None = None      # made at the first opening
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(config.admin_idle_timeout_seconds * 1000)
        self.idle.timeout.connect(lambda: self.close("idle"))
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_lockout)

    # --- state ------------------------------------------------------------------------

    @property
    def asking_pin(self) -> bool:
        return self.pad.isVisible()

    @property
    def is_open(self) -> bool:
        """The panel is showing: staff are in."""
        return self.panel is not None and self.panel.isVisible()

    @property
    def active(self) -> bool:
        return self.asking_pin or self.is_open

    # --- input ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.active:
            if kind in _ACTIVITY:
                self.idle.start()
            elif kind == QEvent.Type.Resize:
                for overlay in (self.pad, self.panel):
                    if overlay is not None and overlay.isVisible():
                        overlay.setGeometry(self.window.rect())
            return False
        return self.gesture.eventFilter(watched, event)

    def take_scan(self, code: str) -> bool:
        """A scan while admin mode shows goes to the scanner test, never to a product."""
        if not self.active:
            return False
        if self.is_open and self.panel.current_page() is self.panel.devices:
            self.panel.devices.show_scan(code)
        return True

    # --- the PIN ----------------------------------------------------------------------

    def ask_pin(self) -> None:
        if self.active:
            return
        if not self.context.config().admin_pin_hash:
            log.info("admin gesture seen, but no admin PIN is configured")
            return
        if self._lockout_read:
            self._show_pad()
            return
        # The streak left by the last run (wrong PINs, a lockout under way) first.
        self.context.journal.write(load_lockout, self._on_lockout_read,
                                   lambda _error: self._on_lockout_read(None))

    def _on_lockout_read(self, saved) -> None:
        self.lockout.restore(saved)
        self._lockout_read = True
        self._show_pad()

    def _show_pad(self) -> None:
        self.pad.open()
        self.idle.start()
        if self.lockout.locked:
            self._show_lockout()

    def _check_pin(self, pin: str) -> None:
        if self.lockout.locked:
            return
        self.pad.set_busy(True)
        stored = self.context.config().admin_pin_hash
        # Half a second of hashing: on a worker, the pad stays responsive.
        self.context.runner.run_compute(lambda: verify_pin(pin, stored), self._on_checked,
                                        waited=True)

    def _on_checked(self, right: bool) -> None:
        self.pad.set_busy(False)
        if not self.asking_pin:
            return     # closed meanwhile (idle, shopper reset)
        if right:
            self.lockout.record_success()
            self._save_lockout()
            self._open_panel()
            return
        length = self.lockout.record_failure()
        self._save_lockout()
        self.context.audit("admin_pin_failed",
                           {"attempts_left": self.lockout.attempts_left() if not length else 0})
        if length:
            log.warning("admin PIN: %d wrong attempts, locked for %d s",
                        self.lockout.max_attempts, length)
            self.context.audit("admin_locked_out",
                               {"seconds": length, "lockout": self.lockout.lockouts})
            self._show_lockout()
        else:
            self.pad.show_wrong(self.lockout.attempts_left())

    def _show_lockout(self) -> None:
        remaining = self.lockout.remaining_s()
        if remaining <= 0:
            self._tick.stop()
            self.pad.set_unlocked()
            return
        self.pad.set_locked(self.context.words.duration(max(1, remaining)))
        if not self._tick.isActive():
            self._tick.start()

    def _save_lockout(self) -> None:
        saved = self.lockout.saved()
        self.context.journal.write(lambda conn: save_lockout(conn, saved),
                                   lambda _none: None,
                                   lambda error: log.error("lockout not saved: %s", error))

    # --- the panel --------------------------------------------------------------------

    def _open_panel(self) -> None:
        self.pad.hide()
        self._tick.stop()
        if self.panel is None:
            # Imported at the first opening: its pages are not needed before.
            from kiosk.ui.admin.panel import AdminPanel

            self.panel = AdminPanel(self.context, self.apply_config, self.window)
            self.panel.setStyleSheet(admin_style(self.context.theme))
            self.panel.close_requested.connect(lambda: self.close("staff"))
            self.panel.restart_requested.connect(self.restart)
            self.panel.exit_requested.connect(self.exit_to_desktop)
        self.context.audit("admin_opened", None)
        log.info("admin mode opened")
        self.panel.open()
        self.idle.start()
        self.opened.emit()

    def close(self, why: str) -> None:
        if not self.active:
            return
        was_open = self.is_open
        self.pad.hide()
        if self.panel is not None:
            self.panel.hide()
        self.idle.stop()
        self._tick.stop()
        if was_open:
            self.context.audit("admin_closed", {"why": why})
            log.info("admin mode closed (%s)", why)
        self.closed.emit(why)

    def set_theme(self, theme: Theme) -> None:
        """The shopper chose another text size or contrast (kiosk/ui/appearance.py): admin
        mode is drawn with it too; a closed panel, laid out with the old sizes, is made
        again at its next opening."""
        self.context.theme = theme
        self.pad.setStyleSheet(admin_style(theme))
        if self.panel is not None and not self.is_open:
            self.panel.deleteLater()
            self.panel = None
        elif self.panel is not None:
            self.panel.setStyleSheet(admin_style(theme))

    def apply_config(self, config: KioskConfig) -> None:
        """A reloaded config: admin mode's own keys take effect at once."""
        self._apply_config(config)
        self.gesture.configure(config.admin_gesture_corner, config.admin_gesture_taps,
                               config.admin_gesture_seconds, self.context.theme.touch_target)
        self.lockout.max_attempts = config.admin_max_pin_attempts
        self.lockout.lockout_s = config.admin_lockout_seconds
        self.idle.setInterval(config.admin_idle_timeout_seconds * 1000)

    def restart(self) -> None:
        self._leave("admin_restart", RESTART_EXIT_CODE)

    def exit_to_desktop(self) -> None:
        if not self.context.config().allow_exit_to_desktop:
            return
        self._leave("admin_exit", 0)

    def _leave(self, event: str, status: int) -> None:
        log.info("%s asked from admin mode", event)
        self.context.audit(event, None)
        # The database worker takes jobs in order: once this one runs, the audit event
        # is in the journal.
        self.context.runner.run_db(lambda: None, lambda _none: self.quit(status))
