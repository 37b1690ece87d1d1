"""Why the central server could not be used, in a few causes staff can act on.

A network library's exception says everything in its own words ("HTTPConnectionPool(...):
Max retries exceeded ... [Errno 111]"). Admin mode says the cause in the staff's language
and keeps those words as the technical detail; this module finds the cause.

requests is imported only where an exception is sorted, on the network worker: admin mode
imports this module on the GUI thread for the names of the causes alone.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from enum import Enum


class Trouble(Enum):
    UNREACHABLE = "unreachable"              # nothing answers at that address and port
    NAME_NOT_RESOLVED = "name_not_resolved"  # the server's host name is unknown to the DNS
    TIMEOUT = "timeout"                      # no answer, or not all of it, in time
    TOKEN_REFUSED = "token_refused"          # 401 or 403: this terminal's token is not taken
    CERTIFICATE = "certificate"              # the TLS handshake failed
    SERVER_ERROR = "server_error"            # 5xx, or 429: the server's side is failing
    BAD_ANSWER = "bad_answer"                # an answer that is not the API's: cut, garbled
    UNEXPECTED = "unexpected"                # not a network fault: a bug, see the detail


def trouble_of_status(status: int) -> Trouble | None:
    """The cause behind an HTTP status; None for a success."""
    if 200 <= status < 300:
        return None
    if status in (401, 403):
        return Trouble.TOKEN_REFUSED
    if status >= 500 or status == 429:
        return Trouble.SERVER_ERROR
    return Trouble.BAD_ANSWER      # a 404 at the probe: that address is not our server


def trouble_of_error(error: BaseException) -> Trouble:
    """The cause behind an exception raised while talking to the server."""
    import requests
    from urllib3.exceptions import NameResolutionError

    chain = list(_causes(error))
    if any(isinstance(e, ssl.SSLError | requests.exceptions.SSLError)
           for e in chain):
        return Trouble.CERTIFICATE
    # requests' own Timeout, not urllib3's: urllib3 counts a refused connection as a
    # kind of connect timeout.
    if isinstance(error, requests.Timeout) or any(isinstance(e, TimeoutError) for e in chain):
        return Trouble.TIMEOUT
    if any(isinstance(e, NameResolutionError | socket.gaierror) for e in chain):
        return Trouble.NAME_NOT_RESOLVED
    if isinstance(error, requests.exceptions.ChunkedEncodingError
                  | requests.exceptions.ContentDecodingError
                  | requests.exceptions.TooManyRedirects):
        return Trouble.BAD_ANSWER
    if isinstance(error, requests.RequestException | OSError):
        return Trouble.UNREACHABLE
    return Trouble.UNEXPECTED


def _causes(error: BaseException) -> Iterator[BaseException]:
    """`error` and every exception it wraps: urllib3 and requests keep the first cause in
    `reason`, in their arguments, or as the exception's cause or context."""
    seen: set[int] = set()
    waiting = [error]
    while waiting:
        current = waiting.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = [getattr(current, "reason", None), current.__cause__, current.__context__,
                 *current.args]
        waiting.extend(e for e in inner if isinstance(e, BaseException))
