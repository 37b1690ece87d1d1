"""The mail settings read from the environment: defaults, and an error naming the key
for each thing that cannot be used."""

from __future__ import annotations

import pytest

from central.mail.settings import MailSettingError, mail_settings_from_env

BASE = {"CENTRAL_SMTP_HOST": "smtp.luma.example",
        "CENTRAL_MAIL_FROM": "Luma <commandes@luma.example>",
        "CENTRAL_PUBLIC_URL": "https://commandes.luma.example/"}


def test_no_smtp_host_means_no_e_mail_and_nothing_promised():
    settings = mail_settings_from_env({})
    assert not settings.enabled and not settings.payment_links


def test_a_full_setting_is_read_with_the_port_of_its_security():
    settings = mail_settings_from_env(BASE | {
        "CENTRAL_SMTP_SECURITY": "TLS", "CENTRAL_SMTP_USER": "kiosk",
        "CENTRAL_SMTP_PASSWORD": "s3cret", "CENTRAL_PAYMENT_URL_TEMPLATE":
            "https://pay.luma.example/{reference}", "CENTRAL_MAIL_SENDER": "separate"})
    assert (settings.smtp_port, settings.security, settings.user) == (465, "tls", "kiosk")
    assert settings.from_address == "Luma <commandes@luma.example>"
    assert settings.status_url("K7D-3MXQ9P", "en") == \
        "https://commandes.luma.example/o/K7D-3MXQ9P?lang=en"
    assert settings.payment_url("K7D-3MXQ9P") == "https://pay.luma.example/K7D-3MXQ9P"
    assert settings.payment_links and not settings.send_in_server
    assert settings.sender_domain == "luma.example"
    assert mail_settings_from_env(BASE).smtp_port == 587
    assert mail_settings_from_env(BASE | {"CENTRAL_SMTP_SECURITY": "none"}).smtp_port == 25


@pytest.mark.parametrize(("changes", "key", "words"), [
    ({"CENTRAL_SMTP_PORT": "70000"}, "CENTRAL_SMTP_PORT", "from 1 to 65535"),
    ({"CENTRAL_SMTP_PORT": "twenty-five"}, "CENTRAL_SMTP_PORT", "'twenty-five'"),
    ({"CENTRAL_SMTP_SECURITY": "ssl"}, "CENTRAL_SMTP_SECURITY", "none, starttls, tls"),
    ({"CENTRAL_SMTP_HOST": "smtp://mail"}, "CENTRAL_SMTP_HOST", "host name"),
    ({"CENTRAL_SMTP_USER": "kiosk"}, "CENTRAL_SMTP_PASSWORD", "both or neither"),
    ({"CENTRAL_SMTP_PASSWORD": "x"}, "CENTRAL_SMTP_USER", "both or neither"),
    ({"CENTRAL_SMTP_USER": "kiosk", "CENTRAL_SMTP_PASSWORD": "x",
      "CENTRAL_SMTP_SECURITY": "none"}, "CENTRAL_SMTP_PASSWORD", "unencrypted"),
    ({"CENTRAL_MAIL_FROM": ""}, "CENTRAL_MAIL_FROM", "missing"),
    ({"CENTRAL_MAIL_FROM": "Luma commandes"}, "CENTRAL_MAIL_FROM", "not an e-mail address"),
    ({"CENTRAL_PUBLIC_URL": ""}, "CENTRAL_PUBLIC_URL", "missing"),
    ({"CENTRAL_PUBLIC_URL": "commandes.luma.example"}, "CENTRAL_PUBLIC_URL", "http(s)"),
    ({"CENTRAL_PUBLIC_URL": "https://luma.example/?x=1"}, "CENTRAL_PUBLIC_URL", "query"),
    ({"CENTRAL_PAYMENT_URL_TEMPLATE": "https://pay.luma.example/"},
     "CENTRAL_PAYMENT_URL_TEMPLATE", "{reference}"),
    ({"CENTRAL_PAYMENT_URL_TEMPLATE": "https://pay.luma.example/{reference}/{amount}"},
     "CENTRAL_PAYMENT_URL_TEMPLATE", "nothing else"),
    ({"CENTRAL_PAYMENT_URL_TEMPLATE": "https://pay.luma.example/{reference"},
     "CENTRAL_PAYMENT_URL_TEMPLATE", "not a valid template"),
    ({"CENTRAL_PAYMENT_URL_TEMPLATE": "javascript:alert(1)//{reference}"},
     "CENTRAL_PAYMENT_URL_TEMPLATE", "http(s)"),
    ({"CENTRAL_MAIL_SENDER": "both"}, "CENTRAL_MAIL_SENDER", "server"),
    ({"CENTRAL_SMTP_HOST": "", "CENTRAL_SMTP_PORT": "25"}, "CENTRAL_SMTP_PORT",
     "CENTRAL_SMTP_HOST is not"),
])
def test_a_setting_that_cannot_be_used_is_refused_naming_its_key(changes, key, words):
    environment = {name: value for name, value in (BASE | changes).items() if value}
    if not environment.get("CENTRAL_SMTP_HOST"):
        environment = {name: value for name, value in changes.items() if value}
    with pytest.raises(MailSettingError) as refused:
        mail_settings_from_env(environment)
    assert str(refused.value).startswith(key)
    assert words in str(refused.value)
