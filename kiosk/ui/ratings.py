"""The app's one rating desk: presses from the rating screen, each rating journaled once.

It outlives the screens and the sessions, because repeated presses and bursts span them
(a rating screen opened again and again from the home screen). A rating waits here while
its follow-up question is on screen, and is written when the question ends, whichever
way: answered, skipped, timed out, or left by Back, Home, the idle reset or shutdown.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from kiosk.core.config import KioskConfig, rating_reasons_path
from kiosk.core.ratings import (
    Press,
    Rating,
    RatingDesk,
    RatingReasons,
    RatingReasonsError,
    RatingRules,
    load_reasons,
    write_rating,
)
from kiosk.ui.journal_writer import JournalWriter

log = logging.getLogger(__name__)


class RatingRecorder:
    def __init__(self, journal: JournalWriter, config: KioskConfig,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.desk = RatingDesk(RatingRules.from_config(config), config.store_id)
        self.clock = clock            # monotonic seconds: a clock reset must not merge presses
        self._journal = journal
        self._reasons_path = rating_reasons_path(config)
        self._reasons: RatingReasons | None = None
        self._reasons_failed = False

    def reasons(self) -> RatingReasons | None:
        """The follow-up questions, read at the first rating; None if the file is unusable
        (check-config names the problem; the rating itself still counts)."""
        if self._reasons is None and not self._reasons_failed:
            try:
                self._reasons = load_reasons(self._reasons_path)
            except RatingReasonsError as error:
                log.error("rating reasons not loaded, no follow-up question: %s", error)
                self._reasons_failed = True
        return self._reasons

    def press(self, score: int) -> Press:
        press = self.desk.press(score, self.clock())
        if press.superseded is not None:
            self._write(press.superseded)
        return press

    def set_reasons(self, rating_id: str, codes: Iterable[str]) -> None:
        self.desk.set_reasons(codes, rating_id)

    def finish(self, rating_id: str | None = None, reasons: Iterable[str] | None = None) -> None:
        """Write the waiting rating (that one, if named), with `reasons` if given, else
        with those ticked so far. Asking again, or for a rating already written, does
        nothing: each rating reaches the journal once."""
        if reasons is not None:
            self.desk.set_reasons(reasons, rating_id)
        rating = self.desk.take(rating_id)
        if rating is not None:
            self._write(rating)

    def _write(self, rating: Rating) -> None:
        def failed(error: BaseException) -> None:
            # The shopper has been thanked and has gone: there is no one to tell.
            log.warning("rating %s not journaled: %s", rating.id, error)

        self._journal.write(lambda conn: write_rating(conn, rating), lambda _id: None, failed)
