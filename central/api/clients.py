"""Who is asking, as far as rate limits go: the client's address.

It is the connection's peer, unless the peer is one of the reverse proxies the chain's IT
listed (`CENTRAL_TRUSTED_PROXIES`): then X-Forwarded-For is read from its right-hand end,
each listed proxy naming the hop before it, and the first address that is not a listed
proxy is the client. Anything before it was written by the client and proves nothing.
"""

from __future__ import annotations

import ipaddress

from fastapi import Request

from central.settings import IpNetwork

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def client_address(request: Request) -> str:
    peer = request.client.host if request.client else ""
    proxies: tuple[IpNetwork, ...] = request.app.state.settings.trusted_proxies
    hop = _ip(peer)
    if hop is None:
        return peer or "unknown"
    forwarded = ",".join(request.headers.getlist("x-forwarded-for")).split(",")
    for written in reversed(forwarded):
        if not _trusted(hop, proxies):
            break
        before = _ip(written.strip())
        if before is None:      # unreadable: the last proxy is all that is known
            break
        hop = before
    return str(hop)


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
