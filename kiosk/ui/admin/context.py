"""What the admin pages are given: the app's services, never the app itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.core.clock import SYSTEM_CLOCK, Clock
from kiosk.core.config import KioskConfig
from kiosk.ui.admin.words import AdminWords
from kiosk.ui.catalog_reader import CatalogReader
from kiosk.ui.formatting import Formatter
from kiosk.ui.journal_writer import JournalWriter
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.core.terminal_status import IntegrityCheck
    from kiosk.ui.sync import SyncService


@dataclass
class AdminContext:
    theme: Theme
    runner: TaskRunner
    catalog: CatalogReader                       # both databases, read on the database worker
    journal: JournalWriter                       # what is written to the journal
    config: Callable[[], KioskConfig]            # the running config (a reload replaces it)
    sync: Callable[[], SyncService | None]       # None without a central server, or not yet
    formatter: Callable[[], Formatter]           # numbers in the language on screen
    # Integrity checks by database ("cache", "journal"): the app records those it runs at
    # start, the status page those staff ask for.
    integrity: dict[str, IntegrityCheck] = field(default_factory=dict)
    words: AdminWords = field(default_factory=AdminWords)
    clock: Clock = SYSTEM_CLOCK                  # the same clock as the shopper's screens

    def audit(self, event_type: str, data: dict[str, Any] | None) -> None:
        """Journal an admin event (synced to the server like the shoppers')."""
        self.journal.record(event_type, data)

    @property
    def version(self) -> str:
        # Looked up when a page shows it: importlib.metadata is slow to import, and the
        # kiosk's first screen has no use for it.
        from kiosk import __version__

        return __version__
