"""Admin mode's PIN: hashing, checking, and the lockout after wrong guesses.

The config holds only a salted PBKDF2-SHA256 hash of the PIN (`kiosk hash-pin` makes
it). Checking a PIN recomputes the hash and compares in constant time.

Wrong PINs lead to lockouts: after `max_attempts` wrong ones, no PIN is taken for
`lockout_s`; each lockout in a streak lasts twice the one before; a right PIN ends the
streak. The streak is kept in the journal, not only in memory: otherwise pulling the
power cord would give a guesser a fresh set of attempts every minute. The time a
lockout ends is saved on the wall clock (the monotonic clock starts again at boot), and
read back no further away than the lockout's own length, so a clock set wrong cannot
lock staff out for longer than the rule says.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from kiosk.core.config import MIN_PIN_ITERATIONS, PIN_HASH_PATTERN, SCHEMA, KioskConfig
from kiosk.core.db.sqlite import write_transaction

ALGORITHM = "pbkdf2_sha256"
# OWASP's figure for PBKDF2-HMAC-SHA256 (2023): about half a second on a kiosk's CPU.
DEFAULT_ITERATIONS = 600_000
SALT_BYTES = 16
PIN_PATTERN = re.compile(r"[0-9]{4,12}")
# However long a streak, a lockout never lasts more than a day: staff must get back in.
LONGEST_LOCKOUT_S = 24 * 3600.0


class PinError(ValueError):
    """A PIN that is not 4 to 12 digits."""


def hash_pin(pin: str, *, iterations: int = DEFAULT_ITERATIONS,
             salt: bytes | None = None) -> str:
    """The config's form of a PIN: pbkdf2_sha256$<iterations>$<salt>$<hash>, base64."""
    if not PIN_PATTERN.fullmatch(pin):
        raise PinError("a PIN is 4 to 12 digits")
    if iterations < MIN_PIN_ITERATIONS:
        raise ValueError(f"at least {MIN_PIN_ITERATIONS} iterations")
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    derived = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"{ALGORITHM}${iterations}${_b64(salt)}${_b64(derived)}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from. False for any malformed input."""
    if not stored or not PIN_HASH_PATTERN.fullmatch(stored):
        return False
    _algorithm, iterations, salt, expected = stored.split("$")
    try:
        salt_bytes, expected_bytes = _unb64(salt), _unb64(expected)
    except ValueError:
        return False
    # The same work for a malformed PIN as for a wrong one: the time says nothing.
    candidate = pin.encode() if PIN_PATTERN.fullmatch(pin) else b"\x00" + pin.encode()
    derived = hashlib.pbkdf2_hmac("sha256", candidate, salt_bytes, int(iterations),
                                  dklen=len(expected_bytes) or None)
    return hmac.compare_digest(derived, expected_bytes) and bool(PIN_PATTERN.fullmatch(pin))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (ValueError, base64.binascii.Error) as error:
        raise ValueError(str(error)) from None


# --- the lockout ---------------------------------------------------------------------

@dataclass(frozen=True)
class SavedLockout:
    """The streak as the journal keeps it."""

    failures: int                    # wrong PINs since the last lockout or right PIN
    lockouts: int                    # lockouts in this streak
    locked_until: datetime | None    # wall clock, UTC


class PinLockout:
    """Counts wrong PINs and says when the PIN pad takes PINs again.

    `clock` is a monotonic clock in seconds and `wall` the wall clock (both injected
    for tests); only the wall clock is saved.
    """

    def __init__(self, max_attempts: int, lockout_s: float, *,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.max_attempts = max_attempts
        self.lockout_s = lockout_s
        self._clock = clock
        self._wall = wall
        self.failures = 0
        self.lockouts = 0
        self._locked_until: float | None = None

    def lockout_length(self, number: int) -> float:
        """How long the `number`th lockout of a streak lasts (1 for the first)."""
        return min(LONGEST_LOCKOUT_S, self.lockout_s * 2 ** min(max(number - 1, 0), 32))

    def remaining_s(self) -> float:
        if self._locked_until is None:
            return 0.0
        return max(0.0, self._locked_until - self._clock())

    @property
    def locked(self) -> bool:
        return self.remaining_s() > 0

    def attempts_left(self) -> int:
        return self.max_attempts - self.failures

    def record_failure(self) -> float | None:
        """A wrong PIN; the length of the lockout it starts, if it starts one."""
        if self.locked:
            return None    # the pad takes no PIN while locked: nothing to count
        self.failures += 1
        if self.failures < self.max_attempts:
            return None
        self.failures = 0
        self.lockouts += 1
        length = self.lockout_length(self.lockouts)
        self._locked_until = self._clock() + length
        return length

    def record_success(self) -> None:
        self.failures = 0
        self.lockouts = 0
        self._locked_until = None

    def saved(self) -> SavedLockout:
        remaining = self.remaining_s()
        until = self._wall() + timedelta(seconds=remaining) if remaining > 0 else None
        return SavedLockout(self.failures, self.lockouts, until)

    def restore(self, saved: SavedLockout | None) -> None:
        if saved is None:
            return
        self.failures = max(0, min(saved.failures, self.max_attempts - 1))
        self.lockouts = max(0, saved.lockouts)
        self._locked_until = None
        if saved.locked_until is not None and self.lockouts > 0:
            left = (saved.locked_until - self._wall()).total_seconds()
            left = min(left, self.lockout_length(self.lockouts))
            if left > 0:
                self._locked_until = self._clock() + left


def load_lockout(conn: sqlite3.Connection) -> SavedLockout | None:
    row = conn.execute("SELECT failures, lockouts, locked_until FROM admin_lockout "
                       "WHERE id = 1").fetchone()
    if row is None:
        return None
    until = datetime.fromisoformat(row["locked_until"]) if row["locked_until"] else None
    return SavedLockout(row["failures"], row["lockouts"], until)


def save_lockout(conn: sqlite3.Connection, saved: SavedLockout) -> None:
    until = saved.locked_until.astimezone(timezone.utc).isoformat() \
        if saved.locked_until else None
    with write_transaction(conn):
        conn.execute("INSERT INTO admin_lockout (id, failures, lockouts, locked_until) "
                     "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                     "failures = excluded.failures, lockouts = excluded.lockouts, "
                     "locked_until = excluded.locked_until",
                     (saved.failures, saved.lockouts, until))


# --- reloading the config ------------------------------------------------------------

# Keys read afresh where they are used (a new shopper session, the idle watcher, admin
# mode itself, `kiosk doctor`) are declared `live` in the schema; every other key is read
# once at start and waits for a restart.
LIVE_KEYS = frozenset(setting.key for setting in SCHEMA if setting.live)


@dataclass(frozen=True)
class ReloadPlan:
    applied_now: tuple[str, ...]       # changed keys that take effect at once
    at_restart: tuple[str, ...]        # changed keys that wait for the app to restart


def reload_plan(running: KioskConfig, loaded: KioskConfig) -> ReloadPlan:
    """Which keys changed between the running config and the one read from disk."""
    old, new = running.masked(), loaded.masked()
    changed = [key for key in new if old.get(key) != new[key]]
    live = tuple(k for k in changed if k in LIVE_KEYS)
    return ReloadPlan(live, tuple(k for k in changed if k not in live))
