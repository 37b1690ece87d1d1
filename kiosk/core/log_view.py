"""The last lines of the terminal's log, fit to be shown on the shop floor.

Order payloads are never logged, but a log line can still quote what a server or a
library said: e-mail addresses, phone numbers, tokens. Each line is masked before it
leaves this module, so the admin screen never has the raw text to show.
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.core.logs import LOG_FILE

MASK = "[masked]"
TAIL_BYTES = 64 * 1024

_RULES = (
    # Authorization headers and key=value secrets: the value goes, the name stays.
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), r"\1 " + MASK),
    (re.compile(r"(?i)\b(token|password|passwd|secret|pin|pin_hash|api[_-]?key)"
                r"(\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|\S+)"), r"\1\2" + MASK),
    (re.compile(r"pbkdf2_sha256\$\S+"), MASK),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), MASK),
    # International numbers and French ones written as ten digits; timestamps and 8- or
    # 13-digit barcodes are left alone.
    (re.compile(r"\+\d(?:[ .-]?\d){7,14}|(?<![\d:.-])0\d(?:[ .-]?\d{2}){4}(?![\d:])"), MASK),
    (re.compile(r"\b[0-9a-fA-F]{24,}\b"), MASK),
)
# Anything token-like: a long run of letters and digits with both in it.
_TOKEN = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{32,}(?![\w-])")
# UUIDs stay readable: they name queued items, and staff look them up with IT.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def mask_line(line: str) -> str:
    for pattern, replacement in _RULES:
        line = pattern.sub(replacement, line)
    return _TOKEN.sub(lambda m: m[0] if _UUID.fullmatch(m[0]) else MASK, line)


def last_lines(log_dir: Path, count: int = 200) -> list[str]:
    """The last `count` lines of the current log file, masked; [] if there is none yet."""
    path = log_dir / LOG_FILE
    try:
        with path.open("rb") as file:
            file.seek(0, 2)
            size = file.tell()
            file.seek(max(0, size - TAIL_BYTES))
            tail = file.read()
    except FileNotFoundError:
        return []
    lines = tail.decode("utf-8", errors="replace").splitlines()
    if size > TAIL_BYTES:
        lines = lines[1:]      # the first one is cut
    return [mask_line(line) for line in lines[-count:]]
