"""Who is asking: the client's address, and whether it came over https.

The client is the connection's peer, unless the peer is one of the reverse proxies the
chain's IT listed (`CENTRAL_TRUSTED_PROXIES`): then X-Forwarded-For is read from its
right-hand end, each listed proxy naming the hop before it, and the first address that is
not a listed proxy is the client. Anything before it was written by the client and proves
nothing. Only a listed proxy is believed about the scheme too (X-Forwarded-Proto): the
dashboard's cookie is marked Secure when the shopper's side of nginx was https.

`TrustedProxyHeaders` settles both once per request, first of all, and writes them where
everything after it looks: the request's client and scheme. So the rate limits, the
access log and the cookie all see the same client.
"""

from __future__ import annotations

import ipaddress

from fastapi import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from central.settings import IpNetwork

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def client_address(request: Request) -> str:
    """The client's address as TrustedProxyHeaders settled it (the key of rate limits)."""
    return request.client.host if request.client and request.client.host else "unknown"


class TrustedProxyHeaders:
    """Replaces the peer by the client a listed proxy names, and the scheme by the one it
    says the client used."""

    def __init__(self, app: ASGIApp, proxies: tuple[IpNetwork, ...]) -> None:
        self.app, self.proxies = app, proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("client"):
            host, port = scope["client"]
            headers = [(name.lower(), value.decode("latin-1"))
                       for name, value in scope.get("headers", [])]
            forwarded = [value for name, value in headers if name == b"x-forwarded-for"]
            client, from_proxy = resolve(host, forwarded, self.proxies)
            # In place: uvicorn's access log reads the same scope once the answer is sent.
            # The client's port is not known past a proxy.
            scope["client"] = (client, 0 if from_proxy else port)
            if from_proxy:
                scheme = forwarded_scheme([value for name, value in headers
                                           if name == b"x-forwarded-proto"])
                if scheme is not None:
                    scope["scheme"] = scheme
        await self.app(scope, receive, send)


def resolve(peer: str, forwarded_for: list[str],
            proxies: tuple[IpNetwork, ...]) -> tuple[str, bool]:
    """The client's address, and whether the peer is a listed proxy (whose headers are
    then believed)."""
    hop = _ip(peer)
    if hop is None:
        return peer or "unknown", False
    from_proxy = _trusted(hop, proxies)
    for written in reversed(",".join(forwarded_for).split(",")):
        if not _trusted(hop, proxies):
            break
        before = _ip(written.strip())
        if before is None:      # unreadable: the last proxy is all that is known
            break
        hop = before
    return str(hop), from_proxy


def forwarded_scheme(values: list[str]) -> str | None:
    """http or https, as the nearest proxy wrote it (the last value), else None."""
    last = ",".join(values).split(",")[-1].strip().lower()
    return last if last in ("http", "https") else None


def _trusted(address: IpAddress, proxies: tuple[IpNetwork, ...]) -> bool:
    return any(address in network for network in proxies)


def _ip(text: str) -> IpAddress | None:
    """An address as peers and proxies write it: `[v6]:port` and `v4:port` included."""
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address
