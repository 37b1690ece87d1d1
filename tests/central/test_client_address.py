"""Which address a request is limited by, and the settings that say whom to believe."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest
from starlette.requests import Request

from central.api.clients import TrustedProxyHeaders, client_address
from central.limits import Rate
from central.settings import flag_from_env, rate_from_env, trusted_proxies_from_env


def request(peer: str, *forwarded: str, proxies: str = "", proto: list[str] = ()) -> Request:
    """The request as the routes see it, once TrustedProxyHeaders has read it."""
    networks = tuple(ipaddress.ip_network(p, strict=False) for p in proxies.split())
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    headers += [(b"X-Forwarded-Proto", value.encode()) for value in proto]
    seen: list[dict] = []

    async def app(scope, receive, send) -> None:
        seen.append(scope)

    asyncio.run(TrustedProxyHeaders(app, networks)(
        {"type": "http", "method": "GET", "path": "/", "headers": headers, "scheme": "http",
         "client": (peer, 50000), "server": ("127.0.0.1", 8080)}, None, None))
    return Request(seen[0])


@pytest.mark.parametrize("peer, forwarded, proxies, client", [
    # No proxy listed: the peer, whatever the header says.
    ("127.0.0.1", ["198.51.100.7"], "", "127.0.0.1"),
    ("192.0.2.1", ["198.51.100.7"], "10.0.0.0/8", "192.0.2.1"),
    # A listed proxy names its client; what the client wrote before that is not believed.
    ("10.0.0.5", ["198.51.100.7"], "10.0.0.0/8", "198.51.100.7"),
    ("10.0.0.5", ["203.0.113.9, 198.51.100.7"], "10.0.0.0/8", "198.51.100.7"),
    ("10.0.0.5", ["203.0.113.9", "198.51.100.7"], "10.0.0.0/8", "198.51.100.7"),
    # Proxies in a row, each listed: the first address that is not one.
    ("10.0.0.5", ["198.51.100.7, 10.0.0.9, 10.1.2.3"], "10.0.0.0/8", "198.51.100.7"),
    # A listed proxy with no header, or an unreadable one: the last proxy known.
    ("10.0.0.5", [], "10.0.0.0/8", "10.0.0.5"),
    ("10.0.0.5", ["198.51.100.7, not-an-address"], "10.0.0.0/8", "10.0.0.5"),
    ("10.0.0.5", ["198.51.100.7, 10.0.0.9, garbage"], "10.0.0.0/8", "10.0.0.5"),
    # Ports and brackets as proxies write them; IPv4 seen through IPv6.
    ("10.0.0.5", ["198.51.100.7:4711"], "10.0.0.5", "198.51.100.7"),
    ("10.0.0.5", ["[2001:db8::7]:4711"], "10.0.0.5", "2001:db8::7"),
    ("::ffff:10.0.0.5", ["2001:db8::7"], "10.0.0.5", "2001:db8::7"),
    ("2001:db8::1", ["198.51.100.7"], "2001:db8::/64", "198.51.100.7"),
])
def test_the_client_is_the_peer_unless_a_listed_proxy_names_it(peer, forwarded, proxies,
                                                                 client):
    assert client_address(request(peer, *forwarded, proxies=proxies)) == client


@pytest.mark.parametrize("peer, proto, proxies, scheme", [
    # A listed proxy says what the client used; the nearest one's word (the last) counts.
    ("10.0.0.5", ["https"], "10.0.0.0/8", "https"),
    ("10.0.0.5", ["http, HTTPS"], "10.0.0.0/8", "https"),
    ("10.0.0.5", ["https", "http"], "10.0.0.0/8", "http"),
    # Anyone else, or a word that is no scheme: the connection's own.
    ("192.0.2.1", ["https"], "10.0.0.0/8", "http"),
    ("127.0.0.1", ["https"], "", "http"),
    ("10.0.0.5", ["gopher"], "10.0.0.0/8", "http"),
    ("10.0.0.5", [], "10.0.0.0/8", "http"),
])
def test_the_scheme_is_the_connections_unless_a_listed_proxy_says(peer, proto, proxies,
                                                                   scheme):
    assert request(peer, proxies=proxies, proto=proto).url.scheme == scheme


def test_the_settings_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("CENTRAL_TRUSTED_PROXIES", "10.0.0.1, 192.168.0.0/24 2001:db8::/32")
    assert [str(n) for n in trusted_proxies_from_env()] == [
        "10.0.0.1/32", "192.168.0.0/24", "2001:db8::/32"]
    monkeypatch.setenv("CENTRAL_LOGIN_RATE_PER_ACCOUNT", "3/30")
    assert rate_from_env("CENTRAL_LOGIN_RATE_PER_ACCOUNT", Rate(5, 60)) == Rate(3, 30)
    monkeypatch.delenv("CENTRAL_LOGIN_RATE_PER_ACCOUNT")
    assert rate_from_env("CENTRAL_LOGIN_RATE_PER_ACCOUNT", Rate(5, 60)) == Rate(5, 60)
    monkeypatch.setenv("CENTRAL_API_DOCS", "On")
    assert flag_from_env("CENTRAL_API_DOCS") is True
    monkeypatch.delenv("CENTRAL_API_DOCS")
    assert flag_from_env("CENTRAL_API_DOCS") is False


@pytest.mark.parametrize("name, value", [
    ("CENTRAL_TRUSTED_PROXIES", "10.0.0.1, proxy.example"),
    ("CENTRAL_LOGIN_RATE_PER_ACCOUNT", "5"), ("CENTRAL_LOGIN_RATE_PER_ACCOUNT", "0/60"),
    ("CENTRAL_LOGIN_RATE_PER_ACCOUNT", "5/0"), ("CENTRAL_LOGIN_RATE_PER_ACCOUNT", "five/60"),
    ("CENTRAL_API_DOCS", "maybe"), ("CENTRAL_HEADER_TIMEOUT_S", "0"),
    ("CENTRAL_KEEP_ALIVE_TIMEOUT_S", "soon"),
])
def test_central_serve_refuses_a_setting_it_cannot_read_and_names_it(name, value, monkeypatch,
                                                                       capsys, tmp_path):
    from central.cli import main
    from central.db.engine import Database
    from central.db.schema import upgrade

    url = f"sqlite:///{tmp_path / 'central.db'}"
    db = Database(url)
    upgrade(db)
    db.dispose()
    monkeypatch.setenv(name, value)
    assert main(["--database-url", url, "serve", "--port", "1"]) == 1
    assert name in capsys.readouterr().err
