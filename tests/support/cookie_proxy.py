"""A loopback reverse proxy that adds a Cookie header to every request it forwards.

Chromium's command line (--screenshot, --dump-dom) has no way to be given a cookie: the
browser is pointed at this proxy instead, which logs it in as the test did over HTTP.
"""

from __future__ import annotations

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "upgrade", "host"}


class CookieProxy:
    def __init__(self, upstream_port: int, cookie: str) -> None:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:          # noqa: N802 (http.server's naming)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in _HOP_BY_HOP | {"cookie"}}
                headers["Cookie"] = proxy.cookie
                connection = http.client.HTTPConnection("127.0.0.1", upstream_port,
                                                        timeout=30)
                connection.request("GET", self.path, headers=headers)
                answer = connection.getresponse()
                body = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in _HOP_BY_HOP | {"content-length"}:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                connection.close()

            def log_message(self, *args) -> None:
                pass

        self.cookie = cookie
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> CookieProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
