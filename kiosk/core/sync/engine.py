"""One sync round, and what the terminal should show about it.

`SyncEngine.run_round()` is called again and again on one worker thread: push (what
shoppers did here matters most), heartbeat, pull, missing images, then the purge of
old personal data. It owns its own connections to both files and never opens a
transaction across them.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.core import outbox
from kiosk.core.catalog_change import NO_CHANGE, CatalogChange
from kiosk.core.customer_messages import CustomerMessages, customer_messages_from
from kiosk.core.db.cache import is_empty, open_cache, rebuilt_cache_waiting
from kiosk.core.db.journal import open_journal, raise_alert
from kiosk.core.db.opening import OpenedDatabase
from kiosk.core.fleet_config import fleet_config_from, keep_fleet_config, kept_revision
from kiosk.core.retention import RetentionDays, retention_days_from
from kiosk.core.sync.client import Answer, CentralClient, Verdict
from kiosk.core.sync.images import fetch_images, have_image, missing_images
from kiosk.core.sync.pull import (
    PAGE_SHARE_OF_TIMEOUT,
    PageSize,
    PullResult,
    pull,
    read_cursor,
    rebuild_beside,
)
from kiosk.core.sync.push import Pusher, backoff_s
from kiosk.core.sync.trouble import Trouble
from kiosk_contract.config_schema import CONFIG_VERSION

log = logging.getLogger(__name__)


@dataclass
class SyncStatus:
    """What staff (and the shopper-facing screens) need to know after a round."""

    online: bool = False
    unauthorized: bool = False
    last_pull_at: datetime | None = None     # terminal clock, when the round ended
    last_push_at: datetime | None = None
    clock_drift_s: float | None = None       # terminal minus server
    # What the server e-mails customers, from its last heartbeat answer; None: not said.
    customer_messages: CustomerMessages | None = None
    # How long it keeps customers' data, for the privacy notice; None: not said.
    retention_days: RetentionDays | None = None
    queue: dict[str, int] = field(default_factory=dict)
    new_fleet_config: bool = False           # central sent other settings, now kept
    # What the screens should read again. A cache rebuilt beside changes nothing they
    # read until it is swapped in; then everything (kiosk.ui.sync says so).
    change: CatalogChange = NO_CHANGE
    rebuilt_cache_ready: bool = False        # close the cache, install it, reopen
    images_fetched: int = 0
    pushed: dict[str, int] = field(default_factory=dict)   # items stored by the server, by kind
    pages_pulled: int = 0
    records_pulled: int = 0
    pull_seconds: float = 0.0                # catalog and stock down, images apart
    problem: str = ""                        # the last failure's technical detail
    trouble: Trouble | None = None           # its cause, for staff
    next_round_in_s: float = 0.0

    @property
    def catalog_changed(self) -> bool:
        return bool(self.change)


class SyncEngine:
    def __init__(self, data_dir: Path, client: CentralClient, *, version: str,
                 interval_s: float, purge_after: timedelta, images_dir: Path,
                 clock: Callable[[], datetime] = outbox.utc_now,
                 rng: random.Random | None = None) -> None:
        self.data_dir, self.client, self.version = data_dir, client, version
        self.interval_s, self.purge_after, self.images_dir = interval_s, purge_after, images_dir
        self.clock = clock
        self.rng = rng or random.Random()
        self.status = SyncStatus()
        self._failures = 0          # rounds in a row that could not reach the server
        self._token_refused = False
        self._says_config = True    # False once a server from before the fields took none
        self._images_to_fetch: list[str] | None = None   # None: not listed yet
        self._unavailable_images: set[str] = set()
        self._cache: OpenedDatabase | None = None
        self._journal: OpenedDatabase | None = None
        # Learnt from this link and kept across rounds.
        self._page_size = PageSize(client.total_timeout_s * PAGE_SHARE_OF_TIMEOUT)
        # Set from another thread when an order waits: a long pull stops between two
        # pages, keeping them, so that the next round sends the order first.
        self.push_waiting = threading.Event()

    # --- the round ------------------------------------------------------------------------

    def run_round(self, *, push_only: bool = False) -> SyncStatus:
        status = SyncStatus(last_pull_at=self.status.last_pull_at,
                            last_push_at=self.status.last_push_at,
                            clock_drift_s=self.status.clock_drift_s,
                            customer_messages=self.status.customer_messages,
                            retention_days=self.status.retention_days)
        self.status = status
        journal = self._journal_conn()
        # What shoppers did here goes up first; a heartbeat that fails afterwards does not
        # hold it back.
        self.push_waiting.clear()
        pushed = Pusher(journal, self.client, clock=self.clock, rng=self.rng).push()
        status.pushed = pushed.sent
        stopped = pushed.stopped_by
        if stopped is None:
            status.last_push_at = self.clock()
            stopped = self._heartbeat(journal)
        if stopped is None and not push_only:
            stopped = self._pull()
        if stopped is None and not push_only and not status.rebuilt_cache_ready:
            self._fetch_images()
        outbox.purge_personal_data(journal, self.clock() - self.purge_after, self.clock())
        status.queue = outbox.queue_depths(journal)
        self._conclude(stopped)
        return status

    def _heartbeat(self, journal) -> Answer | None:
        beat = {
            "version": self.version,
            "terminal_time": self.clock().isoformat(),
            "last_pull_at": _iso(self.status.last_pull_at),
            "last_push_at": _iso(self.status.last_push_at),
            "queue": outbox.queue_depths(journal),
        }
        # For the staff's Terminals page: which settings this terminal has. A server from
        # before these fields refuses them (422): it is sent the heartbeat it knows.
        config = {"config_version": CONFIG_VERSION,
                  "config_revision": kept_revision(self.data_dir)}
        answer = self.client.heartbeat(beat | config if self._says_config else beat)
        if answer.verdict is Verdict.REJECTED and answer.status == 422 and self._says_config:
            plain = self.client.heartbeat(beat)
            if plain.verdict is Verdict.OK:
                self._says_config, answer = False, plain
        if answer.verdict is Verdict.OK and isinstance(answer.body, dict):
            drift = answer.body.get("clock_drift_seconds")
            if isinstance(drift, int | float):
                self.status.clock_drift_s = float(drift)
            self.status.customer_messages = customer_messages_from(answer.body)
            self.status.retention_days = retention_days_from(answer.body)
            self._keep_fleet_config(answer.body)
            return None
        if answer.verdict in (Verdict.UNREACHABLE, Verdict.UNAUTHORIZED):
            return answer
        return None   # a heartbeat the server refuses must not stop orders going up

    def _keep_fleet_config(self, body: dict) -> None:
        """The settings IT set centrally, kept for the app to apply at its next idle reset."""
        fleet = fleet_config_from(body)
        if fleet is None:
            return
        try:
            self.status.new_fleet_config = keep_fleet_config(self.data_dir, fleet)
        except OSError as error:    # kept next time; the running settings stay meanwhile
            log.warning("cannot keep the fleet settings central sent: %s", error)

    def _pull(self) -> Answer | None:
        if rebuilt_cache_waiting(self.data_dir):
            self.status.rebuilt_cache_ready = True   # the app has yet to swap it in
            return None
        started = time.perf_counter()
        conn = self._cache_conn()
        if read_cursor(conn) is not None or is_empty(self._cache):
            result = pull(conn, self.client, page_size=self._page_size,
                          interrupted=self.push_waiting.is_set)
            self.status.change = result.change
            if result.reset:
                log.warning("the server asked for a new copy of the catalog; rebuilding "
                            "it beside the current one")
                result = self._rebuild()
        else:
            # Data without a cursor (a demo import): replace it with the server's copy.
            result = self._rebuild()
        self.status.pages_pulled += result.pages
        self.status.records_pulled += result.records
        self.status.pull_seconds = time.perf_counter() - started
        if result.records:
            log.info("pulled %d changes in %d pages in %.1f s", result.records, result.pages,
                     self.status.pull_seconds)
        if result.complete:
            self.status.last_pull_at = self.clock()
        return result.failure

    def _fetch_images(self) -> None:
        # Listing what is missing reads the whole catalog: only after it changed.
        if self.status.records_pulled or self._images_to_fetch is None:
            self._images_to_fetch = missing_images(self._cache_conn(), self.images_dir)
        fetched = fetch_images(self._images_to_fetch, self.client, self.images_dir,
                               self._unavailable_images, self.push_waiting.is_set)
        self._images_to_fetch = [p for p in self._images_to_fetch
                                 if not have_image(self.images_dir, p)]
        self.status.images_fetched = fetched

    def _rebuild(self) -> PullResult:
        result = rebuild_beside(self.data_dir, self.client, page_size=self._page_size,
                                interrupted=self.push_waiting.is_set)
        if result.complete:
            self.close_cache()      # the app swaps the files once every reader has let go
            self.status.rebuilt_cache_ready = True
        return result

    def _conclude(self, stopped: Answer | None) -> None:
        status = self.status
        if stopped is None:
            self._failures = 0
            self._token_refused = False
            status.online = True
            # A pull cut short for an order, or with more to come: the next round at once.
            status.next_round_in_s = 0.0 if self.push_waiting.is_set() else self.interval_s
            return
        status.problem, status.trouble = stopped.reason, stopped.trouble
        refused = stopped.verdict is Verdict.UNAUTHORIZED
        status.online, status.unauthorized = refused, refused
        if refused and not self._token_refused:     # one alert per streak, not per round
            raise_alert(self._journal_conn(), "token_refused",
                        f"the central server refused this terminal's token ({stopped.reason});"
                        " nothing is lost, sync waits until IT fixes the token")
        self._token_refused = refused
        self._failures += 1
        delay = max(backoff_s(self._failures, self.rng), stopped.retry_after_s or 0.0)
        status.next_round_in_s = max(1.0, min(delay, self.interval_s * 10))
        log.info("sync stopped: %s; next round in %.0f s", stopped.reason,
                 status.next_round_in_s)

    # --- connections ----------------------------------------------------------------------

    def _journal_conn(self):
        if self._journal is None:
            self._journal = open_journal(self.data_dir)
        return self._journal.conn

    def _cache_conn(self):
        if self._cache is None:
            self._cache = open_cache(self.data_dir, check=False)
        return self._cache.conn

    def close_cache(self) -> None:
        if self._cache is not None:
            self._cache.conn.close()
            self._cache = None

    def close(self) -> None:
        self.close_cache()
        if self._journal is not None:
            self._journal.conn.close()
            self._journal = None
        self.client.close()


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
