"""Why the central server could not be used, found from real failures on loopback sockets."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.core.sync.client import CentralClient, Verdict
from kiosk.core.sync.trouble import Trouble, trouble_of_error, trouble_of_status
from kiosk.core.terminal_status import measure_central

# A self-signed certificate for 127.0.0.1 and its key, which no system trusts.
UNTRUSTED_PEM = Path(__file__).resolve().parents[1] / "support" / "untrusted_server.pem"


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_socket() -> Iterator[int]:
    """A port that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []

    def accept() -> None:
        try:
            while True:
                accepted.append(listener.accept()[0])
        except OSError:         # closed at the end of the test
            pass

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()
        for connection in accepted:
            connection.close()


@contextmanager
def answering(status: int, body: bytes = b"{}", length: int | None = None,
              tls: bool = False) -> Iterator[int]:
    """An HTTP server answering every GET with `status` and `body` (announcing `length`
    bytes if given: more than it sends is a cut answer); over TLS with an untrusted
    certificate if `tls`."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:          # noqa: N802 (http.server's naming)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(length or len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(UNTRUSTED_PEM)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def probe(url: str, timeout_s: float = 3.0):
    client = CentralClient(url, "secret-token")
    try:
        return client.probe(timeout_s)
    finally:
        client.close()


def test_a_closed_port_is_an_unreachable_server():
    answer = probe(f"http://127.0.0.1:{closed_port()}")
    assert (answer.verdict, answer.trouble) == (Verdict.UNREACHABLE, Trouble.UNREACHABLE)
    assert "Connection refused" in answer.reason       # the detail stays for staff


def test_a_name_the_dns_does_not_know_is_told_apart():
    # .invalid is reserved: it never resolves, with or without a network.
    answer = probe("http://central.invalid")
    assert answer.trouble is Trouble.NAME_NOT_RESOLVED


def test_a_server_that_never_answers_is_a_timeout():
    with silent_socket() as port:
        answer = probe(f"http://127.0.0.1:{port}", timeout_s=0.3)
    assert (answer.verdict, answer.trouble) == (Verdict.UNREACHABLE, Trouble.TIMEOUT)


def test_a_tls_handshake_with_a_plain_http_server_is_a_certificate_problem():
    with answering(200) as port:
        answer = probe(f"https://127.0.0.1:{port}")
    assert answer.trouble is Trouble.CERTIFICATE


def test_a_certificate_no_one_trusts_is_a_certificate_problem():
    with answering(200, tls=True) as port:
        answer = probe(f"https://127.0.0.1:{port}")
    assert answer.trouble is Trouble.CERTIFICATE
    assert "CERTIFICATE_VERIFY_FAILED" in answer.reason


@pytest.mark.parametrize(("status", "trouble"), [
    (401, Trouble.TOKEN_REFUSED), (403, Trouble.TOKEN_REFUSED),
    (500, Trouble.SERVER_ERROR), (503, Trouble.SERVER_ERROR), (429, Trouble.SERVER_ERROR),
    (404, Trouble.BAD_ANSWER),
])
def test_a_refusal_is_sorted_by_its_status(status, trouble):
    with answering(status, b'{"error": "nope", "message": "no"}') as port:
        answer = probe(f"http://127.0.0.1:{port}")
    assert answer.trouble is trouble
    assert answer.reason.startswith(f"HTTP {status}")


def test_a_cut_or_garbled_answer_is_a_bad_answer():
    with answering(200, b'{"openapi": "3', length=200) as port:
        cut = probe(f"http://127.0.0.1:{port}")
    with answering(200, b"<html>a captive portal</html>") as port:
        garbled = probe(f"http://127.0.0.1:{port}")
    assert (cut.trouble, garbled.trouble) == (Trouble.BAD_ANSWER, Trouble.BAD_ANSWER)


def test_a_good_answer_has_no_trouble_and_the_status_page_measure_carries_the_cause():
    with answering(200) as port:
        client = CentralClient(f"http://127.0.0.1:{port}", "token")
        reached = measure_central(client, 3.0)
        client.close()
    assert reached.reachable and reached.trouble is None
    client = CentralClient(f"http://127.0.0.1:{closed_port()}", "token")
    missed = measure_central(client, 3.0)
    client.close()
    assert (missed.reachable, missed.trouble) == (False, Trouble.UNREACHABLE)
    assert "Connection refused" in missed.reason


def test_errors_from_outside_the_network_are_not_taken_for_network_faults():
    assert trouble_of_error(ConnectionRefusedError(111, "Connection refused")) \
        is Trouble.UNREACHABLE
    assert trouble_of_error(socket.gaierror(-2, "Name or service not known")) \
        is Trouble.NAME_NOT_RESOLVED
    assert trouble_of_error(KeyError("status")) is Trouble.UNEXPECTED
    assert trouble_of_status(204) is None
