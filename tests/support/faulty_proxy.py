"""A loopback TCP proxy that the tests tell how to misbehave.

It sits between the kiosk and the central server and breaks the server's answers the
way store networks do: late, cut short, reset, never delivered after the server acted.
It knows nothing of HTTP: each mode acts on the bytes flowing back to the kiosk.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass
from enum import Enum


class Fault(Enum):
    NONE = "none"
    REFUSE = "refuse"              # the connection is refused (closed at once, with RST)
    LATENCY = "latency"            # every chunk back is delayed
    TRICKLE = "trickle"            # the answer comes back a few bytes at a time
    TRUNCATE = "truncate"          # the answer stops after a few bytes, then a clean close
    RESET = "reset"                # the answer stops after a few bytes, then a reset
    LOSE_ANSWER = "lose_answer"    # the server got the request and answered; the kiosk
                                   # never hears it (a lost acknowledgement)
    SERVER_ERROR = "server_error"  # a 500 from something in front of the server, which
                                   # never sees the request
    SLOW_LINK = "slow_link"        # a thin pipe: bytes both ways wait `delay_s`, and the
                                   # answers come back at `bytes_per_s`, no faster


@dataclass
class FaultPlan:
    fault: Fault = Fault.NONE
    delay_s: float = 0.3           # LATENCY, TRICKLE, SLOW_LINK
    keep_bytes: int = 40           # TRUNCATE, RESET
    bytes_per_s: float = 16_000    # SLOW_LINK: 128 kbit/s


class FaultyProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.plan = FaultPlan()
        self.connections = 0
        self.bytes_down = 0            # SLOW_LINK: sent to the kiosk, all connections together
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closing = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set(self, fault: Fault, **options: float) -> None:
        """Applies from the next bytes the server sends, on open connections too."""
        self.plan = FaultPlan(fault, **options)

    def close(self) -> None:
        self._closing = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        if self.plan.fault is Fault.REFUSE:
            _reset(client)
            return
        if self.plan.fault is Fault.SERVER_ERROR:
            _receive(client)
            client.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                           b"Connection: close\r\n\r\n")
            client.close()
            return
        try:
            upstream = socket.create_connection(self.upstream, timeout=10)
        except OSError:
            _reset(client)
            return
        threading.Thread(target=_pump, args=(client, upstream, self), daemon=True).start()
        try:
            self._answer(upstream, client)
        except OSError:
            pass     # the kiosk gave up and hung up: what these faults are for
        finally:
            for end in (client, upstream):
                try:
                    end.close()
                except OSError:
                    pass

    def _answer(self, upstream: socket.socket, client: socket.socket) -> None:
        sent = 0
        link = _SlowLink()
        while chunk := _receive(upstream):
            plan = self.plan
            if plan.fault is Fault.SLOW_LINK:
                self.bytes_down += link.send(client, chunk, plan)
                continue
            if plan.fault is Fault.LOSE_ANSWER:
                # The server has answered, so it has done the work: drop the line now.
                _reset(client)
                return
            if plan.fault is Fault.LATENCY:
                time.sleep(plan.delay_s)
            if plan.fault in (Fault.TRUNCATE, Fault.RESET):
                room = plan.keep_bytes - sent
                client.sendall(chunk[:room])
                sent += min(room, len(chunk))
                if sent >= plan.keep_bytes:
                    if plan.fault is Fault.RESET:
                        _reset(client)
                    else:
                        client.shutdown(socket.SHUT_RDWR)
                    return
                continue
            if plan.fault is Fault.TRICKLE:
                for start in range(0, len(chunk), 16):
                    client.sendall(chunk[start:start + 16])
                    time.sleep(plan.delay_s / 10)
                continue
            client.sendall(chunk)


class _SlowLink:
    """One connection's way back through a thin pipe: each byte leaves `delay_s` after it
    arrived, and no sooner than the bytes before it let it at `bytes_per_s`."""

    SLICE = 1460      # a packet's worth: the pipe fills smoothly, not a chunk at a time

    def __init__(self) -> None:
        self.free_at = 0.0

    def send(self, client: socket.socket, chunk: bytes, plan: FaultPlan) -> int:
        """Pass `chunk` on at the link's pace; how many bytes went before the kiosk hung up
        (an OSError) is the count that crossed the link."""
        arrived, sent = time.monotonic(), 0
        for start in range(0, len(chunk), self.SLICE):
            piece = chunk[start:start + self.SLICE]
            leaves = max(arrived + plan.delay_s, self.free_at)
            time.sleep(max(0.0, leaves - time.monotonic()))
            try:
                client.sendall(piece)
            except OSError:
                return sent
            sent += len(piece)
            self.free_at = leaves + len(piece) / plan.bytes_per_s
        return sent


def _pump(source: socket.socket, target: socket.socket, proxy: FaultyProxy) -> None:
    """Kiosk to server: untouched, but for a slow link's delay."""
    try:
        while chunk := _receive(source):
            if proxy.plan.fault is Fault.SLOW_LINK:
                time.sleep(proxy.plan.delay_s)
            target.sendall(chunk)
    except OSError:
        pass
    try:
        target.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def _receive(end: socket.socket) -> bytes:
    try:
        return end.recv(65536)
    except OSError:
        return b""


def _reset(end: socket.socket) -> None:
    """Close with RST rather than FIN: what a dropped connection looks like."""
    try:
        end.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # Wake the thread blocked reading this socket first: a socket another thread is
        # inside recv() on is not really closed, and the RST would never leave.
        end.shutdown(socket.SHUT_RD)
    except OSError:
        pass
    try:
        end.close()
    except OSError:
        pass
