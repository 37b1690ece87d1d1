"""Settings IT set on the central server, applied when no shopper is using the kiosk.

The sync keeps what central sends (kiosk/core/fleet_config.py); the kiosk reads its
config again at the next idle reset, or at once if the attract screen is up when new
settings arrive. Keys read at start only are named in the log as waiting for a restart,
as admin mode's reload names them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.core.admin import reload_plan
from kiosk.core.config import ConfigError, KioskConfig, reload_for_fleet
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class FleetSettings:
    def __init__(self, runner: TaskRunner, config: Callable[[], KioskConfig],
                 apply: Callable[[KioskConfig], None]) -> None:
        self._runner = runner
        self._config = config
        self._apply = apply
        self._reading = False

    def apply_if_changed(self) -> None:
        """Called at an idle reset: the config read again (on a worker: it is disk work)
        if central's settings changed since it was last read."""
        if self._reading:
            return
        self._reading = True
        running = self._config()
        self._runner.run_compute(lambda: reload_for_fleet(running), self._on_read,
                                 self._on_failed)

    def _on_read(self, loaded: KioskConfig | ConfigError | None) -> None:
        self._reading = False
        if isinstance(loaded, ConfigError):
            log.warning("central's settings not applied, the config file has problems:\n%s",
                        loaded)
            return
        if loaded is None:
            return
        plan = reload_plan(self._config(), loaded)
        self._apply(loaded)
        log.info("central's settings (revision %s) applied: %s", loaded.fleet_revision,
                 ", ".join(plan.applied_now) or "nothing changed now")
        if plan.at_restart:
            log.warning("central's settings waiting for a restart of the kiosk: %s",
                        ", ".join(plan.at_restart))

    def _on_failed(self, error: BaseException) -> None:
        self._reading = False
        log.warning("central's settings could not be read: %s", error)
