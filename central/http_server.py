"""uvicorn, as `central serve` runs it.

- The client's address is the connection's peer: uvicorn's own reading of
  X-Forwarded-For (which it believes from 127.0.0.1 by default) is off, and the server
  reads it itself, from the proxies IT listed only (central/api/clients.py).
- A request's head (its line and headers) must arrive whole within a time limit, counted
  from the connection opening or from the previous answer on it: uvicorn's keep-alive
  timeout alone stops counting at the first byte, so a client that sends a header a
  minute would hold a connection open for ever.
"""

from __future__ import annotations

import asyncio

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from central.settings import Settings


def serve(app: FastAPI, settings: Settings, host: str, port: int) -> None:
    class Protocol(HeadTimeoutProtocol):
        head_timeout_s = settings.header_timeout_s

    uvicorn.run(app, host=host, port=port, log_level="info", http=Protocol,
                proxy_headers=False, timeout_keep_alive=settings.keep_alive_timeout_s)


class HeadTimeoutProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing connections whose request head is late."""

    head_timeout_s = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._await_head()

    def handle_events(self) -> None:
        super().handle_events()
        # IDLE: the head of the next request has not all arrived yet.
        if self.conn.their_state is not h11.IDLE and self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        super().connection_lost(exc)

    def _await_head(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        self._head_deadline = self.loop.call_later(self.head_timeout_s, self._head_late)

    def _head_late(self) -> None:
        self._head_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()
