"""Staff accounts made for one test, on the `api` fixture's database."""

from __future__ import annotations

import base64
import uuid

from central.staff import add_staff

STAFF_PASSWORD = "correct horse battery"


def staff_account(api, password: str = STAFF_PASSWORD) -> tuple[str, dict[str, str]]:
    """A new staff account; its username and the Authorization header that logs it in."""
    username = f"staff-{uuid.uuid4().hex[:10]}"
    with api.db.writing() as session:
        add_staff(session, username, password)
    return username, basic(username, password)


def basic(username: str, password: str) -> dict[str, str]:
    pair = f"{username}:{password}".encode()
    return {"Authorization": "Basic " + base64.b64encode(pair).decode()}
