"""The mail settings of the server, read from the environment and checked at start.

Without CENTRAL_SMTP_HOST the server sends no e-mail, and tells terminals so: their
confirmation screen then promises none. Every error names the key at fault.
"""

from __future__ import annotations

import os
import string
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

SECURITIES = ("none", "starttls", "tls")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}
KEYS = ("CENTRAL_SMTP_HOST", "CENTRAL_SMTP_PORT", "CENTRAL_SMTP_SECURITY",
        "CENTRAL_SMTP_USER", "CENTRAL_SMTP_PASSWORD", "CENTRAL_MAIL_FROM",
        "CENTRAL_PUBLIC_URL", "CENTRAL_PAYMENT_URL_TEMPLATE", "CENTRAL_MAIL_SENDER",
        "CENTRAL_MAIL_BOUNCE_ADDRESS")


class MailSettingError(ValueError):
    """A mail setting that cannot be used; the message starts with its key."""


@dataclass(frozen=True)
class MailSettings:
    smtp_host: str = ""                     # none: no e-mail is sent
    smtp_port: int = 587
    security: str = "starttls"
    user: str = ""
    password: str = ""
    from_address: str = ""                  # "Luma <commandes@luma.example>"
    # The server as customers reach it: their messages link to its status pages.
    public_url: str = ""
    # The chain's own payment page, with {reference}; none: customers pay at the till.
    payment_url_template: str = ""
    # Whether `central serve` sends the queue itself (off when a `central mail send`
    # worker does it apart).
    send_in_server: bool = True
    timeout_s: float = 30.0
    # The mailbox delivery reports go to, "bounces@luma.example": each message's envelope
    # sender is its VERP form, bounces+TOKEN@luma.example (central/mail/bounces.py).
    # Empty: the From address's own mailbox, commandes+TOKEN@luma.example.
    bounce_address: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.smtp_host)

    @property
    def payment_links(self) -> bool:
        """Whether the customers' messages carry a link to pay."""
        return self.enabled and bool(self.payment_url_template)

    def payment_url(self, reference: str) -> str | None:
        if not self.payment_url_template:
            return None
        return self.payment_url_template.format(reference=reference)

    def status_url(self, reference: str, language: str) -> str:
        return f"{self.public_url.rstrip('/')}/o/{reference}?lang={language}"

    @property
    def sender_domain(self) -> str:
        """The domain of the From address, which Message-IDs end with."""
        return parseaddr(self.from_address)[1].rpartition("@")[2] or "localhost"

    @property
    def bounce_mailbox(self) -> str:
        return self.bounce_address or parseaddr(self.from_address)[1]


def mail_settings_from_env(environ: os._Environ[str] | dict[str, str] | None = None
                           ) -> MailSettings:
    env = os.environ if environ is None else environ

    def get(key: str) -> str:
        return env.get(key, "").strip()

    host = get("CENTRAL_SMTP_HOST")
    if not host:
        stray = [key for key in KEYS[1:7] if get(key)]
        if stray:
            raise MailSettingError(f"{stray[0]} is set but CENTRAL_SMTP_HOST is not: set the "
                                   "mail server's host name, or leave every mail key empty")
        return MailSettings(payment_url_template=_payment_template(
            get("CENTRAL_PAYMENT_URL_TEMPLATE")), send_in_server=_sender_flag(get))
    if any(c.isspace() or c in "/@:" for c in host) and not _ipv6(host):
        raise MailSettingError(f"CENTRAL_SMTP_HOST must be a host name or an address, "
                               f"not {host!r}")
    security = (get("CENTRAL_SMTP_SECURITY") or "starttls").lower()
    if security not in SECURITIES:
        raise MailSettingError(f"CENTRAL_SMTP_SECURITY must be one of {', '.join(SECURITIES)}, "
                               f"not {get('CENTRAL_SMTP_SECURITY')!r}")
    port = _port(get("CENTRAL_SMTP_PORT"), security)
    user, password = get("CENTRAL_SMTP_USER"), env.get("CENTRAL_SMTP_PASSWORD", "")
    if bool(user) != bool(password):
        missing = "CENTRAL_SMTP_PASSWORD" if user else "CENTRAL_SMTP_USER"
        raise MailSettingError(f"{missing} is missing: the mail server's credentials are a "
                               "user and a password, both or neither")
    if user and security == "none":
        raise MailSettingError("CENTRAL_SMTP_PASSWORD would travel unencrypted: with "
                               "credentials, set CENTRAL_SMTP_SECURITY to starttls or tls")
    return MailSettings(
        smtp_host=host, smtp_port=port, security=security, user=user, password=password,
        from_address=_from_address(get("CENTRAL_MAIL_FROM")),
        public_url=_public_url(get("CENTRAL_PUBLIC_URL")),
        payment_url_template=_payment_template(get("CENTRAL_PAYMENT_URL_TEMPLATE")),
        send_in_server=_sender_flag(get),
        bounce_address=_bounce_address(get("CENTRAL_MAIL_BOUNCE_ADDRESS")))


def _ipv6(host: str) -> bool:
    return host.startswith("[") and host.endswith("]") or host.count(":") >= 2


def _port(raw: str, security: str) -> int:
    if not raw:
        return DEFAULT_PORTS[security]
    if not raw.isdigit() or not 1 <= int(raw) <= 65535:
        raise MailSettingError(f"CENTRAL_SMTP_PORT must be a port number from 1 to 65535, "
                               f"not {raw!r}")
    return int(raw)


def _from_address(raw: str) -> str:
    if not raw:
        raise MailSettingError("CENTRAL_MAIL_FROM is missing: the address customers' e-mails "
                               "come from, as 'Luma <commandes@luma.example>'")
    name, address = parseaddr(raw)
    try:
        checked = validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as problem:
        raise MailSettingError(f"CENTRAL_MAIL_FROM: {raw!r} is not an e-mail address "
                               f"({problem})") from None
    username, _, domain = checked.rpartition("@")
    return str(Address(name, username, domain))


def _bounce_address(raw: str) -> str:
    if not raw:
        return ""
    try:
        checked = validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError as problem:
        raise MailSettingError(f"CENTRAL_MAIL_BOUNCE_ADDRESS: {raw!r} is not an e-mail "
                               f"address ({problem})") from None
    if "+" in checked.rpartition("@")[0]:
        raise MailSettingError(f"CENTRAL_MAIL_BOUNCE_ADDRESS must have no '+' before the @: "
                               f"the server adds +TOKEN there itself, not {raw!r}")
    return checked


def _http_url(key: str, raw: str) -> str:
    parts = urlsplit(raw)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise MailSettingError(f"{key} must be an http(s) address with a host, not {raw!r}")
    return raw


def _public_url(raw: str) -> str:
    if not raw:
        raise MailSettingError("CENTRAL_PUBLIC_URL is missing: the server's address as "
                               "customers reach it (https://commandes.luma.example), which "
                               "their e-mails link to")
    parts = urlsplit(_http_url("CENTRAL_PUBLIC_URL", raw))
    if parts.query or parts.fragment:
        raise MailSettingError(f"CENTRAL_PUBLIC_URL must not hold a query or a fragment, "
                               f"not {raw!r}")
    return raw.rstrip("/")


def _payment_template(raw: str) -> str:
    if not raw:
        return ""
    _http_url("CENTRAL_PAYMENT_URL_TEMPLATE", raw)
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(raw) if name is not None}
    except ValueError as problem:
        raise MailSettingError(f"CENTRAL_PAYMENT_URL_TEMPLATE is not a valid template "
                               f"({problem}): {raw!r}") from None
    if fields != {"reference"}:
        raise MailSettingError("CENTRAL_PAYMENT_URL_TEMPLATE must contain {reference}, where "
                               f"the order's reference goes, and nothing else: {raw!r}")
    return raw


def _sender_flag(get) -> bool:
    raw = get("CENTRAL_MAIL_SENDER").lower()
    if raw in ("", "server"):
        return True
    if raw == "separate":
        return False
    raise MailSettingError(f"CENTRAL_MAIL_SENDER must be server (the server sends its queue) "
                           f"or separate (a `central mail send` worker does), not {raw!r}")
