"""Staff accounts and their passwords: the one place where a password is checked.

The staff JSON API checks HTTP Basic credentials with `authenticate`; a dashboard with a
login page should call the same function, so that there is one rule for who gets in.

Passwords are kept as scrypt hashes (stdlib), each with its own salt, in a string that
names its algorithm and parameters: `scrypt$n=16384,r=8,p=1$<salt>$<hash>` (base64).
Stronger parameters can be adopted later without breaking the hashes already stored.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import utc_now

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# Parameters accepted when reading a stored hash: anything beyond is a damaged row,
# not a reason to spend a gigabyte of memory.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16


@dataclass(frozen=True)
class StaffMember:
    id: int
    username: str


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return (f"scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}$"
            f"{_b64(salt)}${_b64(digest)}")


def verify_password(password: str, encoded: str) -> bool:
    """True when `password` is the one `encoded` was made from; False for any mismatch
    or any stored string this module did not write."""
    try:
        algorithm, parameters, salt, expected = encoded.split("$")
        if algorithm != "scrypt":
            return False
        values = dict(item.split("=", 1) for item in parameters.split(","))
        n, r, p = int(values["n"]), int(values["r"]), int(values["p"])
        if not (1 < n <= _MAX_N and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
            return False
        expected_bytes = base64.b64decode(expected, validate=True)
        if not 16 <= len(expected_bytes) <= 64:
            return False
        digest = _scrypt(password, base64.b64decode(salt, validate=True), n, r, p,
                         length=len(expected_bytes))
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(digest, expected_bytes)


@functools.cache
def _decoy_hash() -> str:
    """Checked against when the username is unknown or disabled, so that the answer takes
    as long as for a real account and does not tell which usernames exist."""
    return hash_password(secrets.token_urlsafe(16))


def authenticate(session: Session, username: str, password: str) -> StaffMember | None:
    """The active staff member with these credentials, or None."""
    user = None
    name = normalise_username(username)
    # Every stored username matches the pattern; checking it first also keeps text the
    # database cannot compare (a NUL, for PostgreSQL) away from it.
    if USERNAME_PATTERN.match(name) and len(password) <= MAX_PASSWORD_LENGTH:
        user = session.scalar(select(models.StaffUser).where(
            models.StaffUser.username == name))
    if user is None or user.disabled_at is not None:
        verify_password(password[:MAX_PASSWORD_LENGTH], _decoy_hash())
        return None
    if not verify_password(password, user.password_hash):
        return None
    return StaffMember(user.id, user.username)


def normalise_username(username: str) -> str:
    return username.strip().lower()


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValueError(f"the password must have at most {MAX_PASSWORD_LENGTH} characters")


def add_staff(session: Session, username: str, password: str) -> models.StaffUser:
    name = normalise_username(username)
    if not USERNAME_PATTERN.match(name):
        raise ValueError("a username is 1 to 64 characters of a-z, 0-9, '.', '_' and '-', "
                         "starting with a letter or digit")
    check_new_password(password)
    if session.scalar(select(models.StaffUser.id).where(models.StaffUser.username == name)):
        raise ValueError(f"there is already a staff account {name!r}")
    user = models.StaffUser(username=name, password_hash=hash_password(password),
                            created_at=utc_now())
    session.add(user)
    return user


def list_staff(session: Session) -> list[models.StaffUser]:
    return list(session.scalars(select(models.StaffUser).order_by(models.StaffUser.username)))


def disable_staff(session: Session, username: str, at: datetime | None = None
                  ) -> models.StaffUser:
    user = session.scalar(select(models.StaffUser).where(
        models.StaffUser.username == normalise_username(username)))
    if user is None:
        raise ValueError(f"no staff account {normalise_username(username)!r}")
    user.disabled_at = user.disabled_at or at or utc_now()
    return user


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int,
            length: int = HASH_BYTES) -> bytes:
    # maxmem: scrypt needs about 128 * n * r bytes; OpenSSL's default cap is 32 MiB.
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=129 * n * r * p + 1024 * 1024, dklen=length)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
