"""Satisfaction ratings: the follow-up reasons IT configures, and how presses become ratings.

A shopper taps one of four faces (1 very unhappy ... 4 very happy). The press logic lives
here, with the times given by the caller, so it is tested without a clock:

- presses within `repeat_window_seconds` of a rating's first press are that one rating;
  while it is still unwritten, a different face replaces its score (a finger corrected
  a slip), and once written it stays as it was (a journaled item is never changed, and
  a second item would count the visit twice);
- when `burst_presses` presses fall within `burst_window_seconds`, the rating they make
  is kept but flagged as misuse, and the central reports leave it out by default.

A rating is written once, when its follow-up question is answered, skipped, timed out,
or left (idle reset, Back, shutdown): `RatingDesk.take` hands it out exactly once.

The reasons file is TOML (see assets/ratings/reasons.toml):

    [negative]                      # offered after a score of 1 or 2
    question = { fr = "…", en = "…" }
    [[negative.reasons]]
    code = "waiting_time"           # stable: the central reports count by it
    fr = "Le temps d’attente"
    en = "Waiting time"
    [positive]                      # offered after a score of 3 or 4, the same way
"""

from __future__ import annotations

import re
import sqlite3
import tomllib
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.core import outbox

SCORES = (1, 2, 3, 4)
NEGATIVE_SCORES = frozenset({1, 2})
LANGUAGES = ("fr", "en")
CODE_PATTERN = re.compile(r"[a-z0-9_]{1,40}")
# The server takes at most 10 reason codes per rating; more would not fit a screen anyway.
MAX_REASONS = 10
MAX_LABEL_LENGTH = 40
MAX_QUESTION_LENGTH = 80
_SIDES = ("negative", "positive")


class RatingReasonsError(Exception):
    """A reasons file that cannot be used; the message names the file, key and reason."""


@dataclass(frozen=True)
class Reason:
    code: str
    labels: dict[str, str]

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels["en"]


@dataclass(frozen=True)
class FollowUp:
    """The question asked after a score on one side of the scale, and its answers."""

    question: dict[str, str]
    reasons: tuple[Reason, ...]

    def question_in(self, language: str) -> str:
        return self.question.get(language) or self.question["en"]


@dataclass(frozen=True)
class RatingReasons:
    negative: FollowUp
    positive: FollowUp

    def for_score(self, score: int) -> FollowUp:
        return self.negative if score in NEGATIVE_SCORES else self.positive


def load_reasons(path: str | Path) -> RatingReasons:
    """Read a reasons file; RatingReasonsError lists every problem at once."""
    path = Path(path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RatingReasonsError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise RatingReasonsError(f"{path}: cannot read: not UTF-8 text") from None
    except OSError as error:
        raise RatingReasonsError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise RatingReasonsError(f"{path}: not valid TOML: {error}") from None
    problems: list[str] = []

    def report(key: str, reason: str) -> None:
        problems.append(f"{path}: {key}: {reason}")

    for key in document:
        if key not in _SIDES:
            report(key, "unknown key: the file has [negative] and [positive] only")
    sides = {side: _follow_up(document.get(side), side, report) for side in _SIDES}
    seen: dict[str, str] = {}
    for side, follow_up in sides.items():
        for reason in follow_up.reasons if follow_up else ():
            if reason.code in seen and seen[reason.code] != side:
                report(f"{side}.reasons", f"code {reason.code!r} is also a {seen[reason.code]} "
                                          "reason: the reports could not tell them apart")
            seen.setdefault(reason.code, side)
    if problems:
        raise RatingReasonsError("\n".join(problems))
    return RatingReasons(**sides)


def _follow_up(body: Any, side: str, report) -> FollowUp | None:
    if body is None:
        report(side, "missing: a [" + side + "] table with a question and reasons is needed")
        return None
    if not isinstance(body, dict):
        report(side, "must be a table")
        return None
    for key in body:
        if key not in ("question", "reasons"):
            report(f"{side}.{key}", "unknown key: expected question and reasons")
    question = _wording(body.get("question"), f"{side}.question", MAX_QUESTION_LENGTH, report)
    raw = body.get("reasons")
    if not isinstance(raw, list) or not raw:
        report(f"{side}.reasons", "must list at least one reason as [[" + side + ".reasons]]")
        return None
    if len(raw) > MAX_REASONS:
        report(f"{side}.reasons", f"at most {MAX_REASONS} reasons, got {len(raw)}")
    reasons, codes = [], set()
    for number, entry in enumerate(raw, start=1):
        key = f"{side}.reasons[{number}]"
        if not isinstance(entry, dict):
            report(key, "must be a table with code, fr and en")
            continue
        for name in entry:
            if name not in ("code", *LANGUAGES):
                report(f"{key}.{name}", "unknown key: expected code, fr and en")
        code = entry.get("code")
        if not isinstance(code, str) or not CODE_PATTERN.fullmatch(code):
            report(f"{key}.code", "must be 1 to 40 of a-z, 0-9 and _, like \"waiting_time\", "
                                  f"got {code!r}")
            code = None
        elif code in codes:
            report(f"{key}.code", f"{code!r} is used twice in {side}")
        codes.add(code)
        labels = _wording({k: entry.get(k) for k in LANGUAGES if k in entry}, key,
                          MAX_LABEL_LENGTH, report)
        if code and labels:
            reasons.append(Reason(code, labels))
    if question is None:
        return None
    return FollowUp(question, tuple(reasons))


def _wording(raw: Any, key: str, limit: int, report) -> dict[str, str] | None:
    """One text in each language, neither empty nor too long for its place on screen."""
    if not isinstance(raw, dict):
        report(key, f"must give the text in each language, like {{ fr = \"…\", en = \"…\" }}, "
                    f"got {raw!r}")
        return None
    wording, fine = {}, True
    for language in LANGUAGES:
        text = raw.get(language)
        if not isinstance(text, str) or not text.strip():
            report(f"{key}.{language}", "missing or empty text")
            fine = False
        elif len(text) > limit:
            report(f"{key}.{language}", f"at most {limit} characters, got {len(text)}")
            fine = False
        else:
            wording[language] = text.strip()
    return wording if fine else None


# --- presses and ratings ----------------------------------------------------------------

@dataclass(frozen=True)
class RatingRules:
    repeat_window_s: float
    burst_presses: int
    burst_window_s: float

    @classmethod
    def from_config(cls, config) -> RatingRules:
        return cls(config.rating_repeat_window_seconds, config.rating_burst_presses,
                   config.rating_burst_window_seconds)


@dataclass(frozen=True)
class Rating:
    id: str
    store_id: str
    score: int
    rated_at: datetime
    reasons: tuple[str, ...] = ()
    misuse: bool = False

    def payload(self) -> dict[str, Any]:
        """What the server's POST /v1/ratings takes (central.schemas.RatingIn)."""
        # Local time with its offset, as events carry it: the store's hour reads directly.
        return {"id": self.id, "store_id": self.store_id, "score": self.score,
                "reasons": list(self.reasons),
                "rated_terminal_at": self.rated_at.astimezone().isoformat(timespec="seconds"),
                "misuse": self.misuse}


@dataclass(frozen=True)
class Press:
    """What one press of a face came to."""

    new: bool                       # False: a repeat of the current rating
    rating: Rating | None           # the rating waiting for its follow-up; None if written
    superseded: Rating | None = None   # an unwritten older rating: write it now


@dataclass
class _Current:
    first_press: float
    rating: Rating
    taken: bool = False


@dataclass
class RatingDesk:
    """Turns presses (with monotonic times) into ratings and hands each out once."""

    rules: RatingRules
    store_id: str
    _presses: deque[float] = field(default_factory=deque)
    _current: _Current | None = None

    def press(self, score: int, at: float, now: datetime | None = None) -> Press:
        if score not in SCORES:
            raise ValueError(f"a score is 1 to 4, got {score}")
        self._presses.append(at)
        while self._presses and self._presses[0] <= at - self.rules.burst_window_s:
            self._presses.popleft()
        burst = len(self._presses) >= self.rules.burst_presses
        current = self._current
        if current is not None and at - current.first_press < self.rules.repeat_window_s:
            if current.taken:
                return Press(new=False, rating=None)
            current.rating = replace(
                current.rating, score=score, misuse=current.rating.misuse or burst,
                # Reasons of the other side of the scale do not fit the new score.
                reasons=current.rating.reasons if _side(score) == _side(current.rating.score)
                else ())
            return Press(new=False, rating=current.rating)
        superseded = self.take() if current is not None else None
        rating = Rating(outbox.new_uuid(), self.store_id, score, now or outbox.utc_now(),
                        misuse=burst)
        self._current = _Current(at, rating)
        return Press(new=True, rating=rating, superseded=superseded)

    def pending(self) -> Rating | None:
        current = self._current
        return current.rating if current is not None and not current.taken else None

    def set_reasons(self, codes: Iterable[str], rating_id: str | None = None) -> None:
        """The reasons ticked so far: written with the rating however the question ends."""
        current = self._waiting(rating_id)
        if current is not None:
            current.rating = replace(current.rating, reasons=tuple(codes)[:MAX_REASONS])

    def take(self, rating_id: str | None = None) -> Rating | None:
        """The unwritten rating (that one, if `rating_id` is given), to be written now;
        None once it has been taken, so that every way out of the question can ask."""
        current = self._waiting(rating_id)
        if current is None:
            return None
        current.taken = True
        return current.rating

    def _waiting(self, rating_id: str | None) -> _Current | None:
        current = self._current
        if current is None or current.taken:
            return None
        if rating_id is not None and current.rating.id != rating_id:
            return None
        return current


def _side(score: int) -> bool:
    return score in NEGATIVE_SCORES


def write_rating(journal_conn: sqlite3.Connection, rating: Rating) -> str:
    """Journal one rating for the server, durably; raises outbox.JournalWriteError."""
    outbox.enqueue(journal_conn, "rating", rating.id, rating.payload(), now=rating.rated_at)
    return rating.id
