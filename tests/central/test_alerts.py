"""Back-in-stock alerts through the real API, `central import-stock` and a real SMTP
server on loopback, on SQLite and PostgreSQL: confirmed through the e-mail's link (double
opt-in), exactly one message once the variant is back where the shopper chose, none
unconfirmed or unsubscribed, the address erased once sent or after the keep time."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select
from support.smtp import LoopbackSmtp, text_and_html

from central import alerts
from central.alert_settings import AlertSettings, alert_settings_from_env
from central.app import create_app
from central.cli import main
from central.db import models
from central.db.engine import utc_now
from central.mail.sender import Sender
from central.mail.settings import MailSettings
from central.settings import Settings
from central.terminals import add_terminal

PUBLIC = "https://commandes.luma.example"
STORES = ("paris-rivoli", "lyon-republique", "marseille-canebiere", "toulouse-capitole",
          "bordeaux-sainte-catherine", "lille-neuve", "nantes-crebillon", "strasbourg-kleber")
CONSENT = {"privacy_notice": "2026-01", "given_terminal_at": "2026-11-24T15:02:40+01:00"}


class AlertApi:
    def __init__(self, client: TestClient, db, mail: MailSettings, tmp_path, monkeypatch,
                 capsys) -> None:
        self.client, self.db, self.mail = client, db, mail
        self.tmp_path, self.capsys = tmp_path, capsys
        with db.writing() as session:
            self.token = add_terminal(session, "paris-rivoli", f"alert-{uuid.uuid4().hex[:8]}")
        # `central import-stock` reads the mail settings from its environment.
        for key, value in {"CENTRAL_SMTP_HOST": mail.smtp_host,
                           "CENTRAL_SMTP_PORT": str(mail.smtp_port),
                           "CENTRAL_SMTP_SECURITY": "none",
                           "CENTRAL_MAIL_FROM": mail.from_address,
                           "CENTRAL_PUBLIC_URL": PUBLIC}.items():
            monkeypatch.setenv(key, value)

    def ask(self, sku: str, store_id: str | None, email: str, language: str = "fr",
            key: str | None = None, **changes):
        body = {"sku": sku, "store_id": store_id, "email": email, "language": language,
                "consent": CONSENT} | changes
        return self.client.post("/v1/alerts", json=body, headers={
            "Authorization": f"Bearer {self.token}",
            "Idempotency-Key": key or str(uuid.uuid4())})

    def import_stock(self, sku: str, quantities: dict[str, int]) -> str:
        csv = self.tmp_path / f"stock-{uuid.uuid4().hex[:6]}.csv"
        csv.write_text("store,sku,quantity,restock_date\n" + "".join(
            f"{store},{sku},{quantity},\n" for store, quantity in quantities.items()))
        self.capsys.readouterr()
        assert main(["--database-url", self.db.url, "import-stock", str(csv)]) == 0
        return self.capsys.readouterr().out

    def out_of_stock_everywhere(self, sku: str) -> None:
        self.import_stock(sku, dict.fromkeys(STORES, 0))

    def send(self, clock=utc_now) -> None:
        Sender(self.db, self.mail, clock=clock).send_due()

    def alert(self, email_or_id) -> models.BackInStockAlert:
        with self.db.reading() as session:
            column = models.BackInStockAlert.id if isinstance(email_or_id, int) \
                else models.BackInStockAlert.email
            return session.scalar(select(models.BackInStockAlert)
                                  .where(column == email_or_id))


@pytest.fixture
def alert_api(seeded_database, luma_dir, smtp, tmp_path, monkeypatch, capsys):
    mail = MailSettings(smtp_host="127.0.0.1", smtp_port=smtp.port, security="none",
                        from_address="Luma <commandes@luma.example>", public_url=PUBLIC,
                        send_in_server=False, timeout_s=5)
    with seeded_database.writing() as session:
        session.execute(delete(models.RateLimit))
    app = create_app(Settings(seeded_database.url, images_dir=luma_dir / "images", mail=mail),
                     seeded_database)
    with TestClient(app) as client:
        yield AlertApi(client, seeded_database, mail, tmp_path, monkeypatch, capsys)


def to(smtp: LoopbackSmtp, address: str):
    with smtp.lock:
        return [message for _, recipients, message in smtp.received if address in recipients]


def link(message, path: str) -> str:
    text, _ = text_and_html(message)
    [url] = re.findall(rf"{re.escape(PUBLIC)}{path}\S+", text)
    return url


def local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def confirmed(alert_api: AlertApi, smtp: LoopbackSmtp, sku: str, store: str | None,
              language: str = "fr") -> str:
    """An alert asked, its confirmation e-mail read and its link followed: its address."""
    email = f"alerte-{uuid.uuid4().hex[:8]}@example.fr"
    answer = alert_api.ask(sku, store, email, language)
    assert answer.status_code == 201, answer.text
    alert_api.send()
    [confirmation] = to(smtp, email)
    page = local(link(confirmation, "/alerts/confirm/"))
    # Following the link shows a button: a mail scanner opening links confirms nothing.
    assert "<form" in alert_api.client.get(page).text
    assert alert_api.alert(email).state == alerts.PENDING
    assert alert_api.client.post(page).status_code == 200
    assert alert_api.alert(email).state == alerts.CONFIRMED
    return email


def test_a_confirmed_alert_mails_once_when_the_import_brings_the_variant_back(
        alert_api, smtp):
    sku = "MJ09-L-Blue"
    alert_api.out_of_stock_everywhere(sku)
    email = confirmed(alert_api, smtp, sku, "lyon-republique")
    alert_id = alert_api.alert(email).id
    # Back in another store than the one chosen: nothing yet.
    assert "0 back-in-stock e-mails queued" in alert_api.import_stock(sku, {"paris-rivoli": 3})
    alert_api.send()
    assert len(to(smtp, email)) == 1
    out = alert_api.import_stock(sku, {"lyon-republique": 2})
    assert "1 back-in-stock e-mails queued" in out
    alert_api.send()
    [_, back] = to(smtp, email)
    assert back["Subject"] == "De retour en stock : Veste imperméable Taurus Elements"
    text, html = text_and_html(back)
    assert f"{PUBLIC}/p/{sku}?lang=fr" in text
    # The store chosen first, then the others that have it; one-click unsubscribe.
    assert text.index("Luma Lyon République") < text.index("Luma Paris Rivoli")
    assert f"{PUBLIC}/alerts/unsubscribe/" in text and "/alerts/unsubscribe/" in html
    assert "<img" not in html
    # A second import, and the sender's next rounds, send nothing more.
    assert "0 back-in-stock e-mails queued" in alert_api.import_stock(
        sku, {"lyon-republique": 5})
    alert_api.send()
    alert_api.send()
    assert len(to(smtp, email)) == 2
    # The address is gone from the alert, and from its messages once delivered.
    sent = alert_api.alert(alert_id)
    assert sent.state == alerts.SENT and sent.email == ""
    alerts.queue_due(alert_api.db, alert_api.mail, AlertSettings())
    with alert_api.db.reading() as session:
        recipients = session.scalars(select(models.MailMessage.recipient).where(
            models.MailMessage.message_id.in_((sent.confirmation_message_id,
                                               sent.notice_message_id)))).all()
    assert recipients == ["", ""]
    # Its product page lists where it is, in the shopper's language.
    page = alert_api.client.get(f"/p/{sku}?lang=en")
    assert page.status_code == 200
    assert "Luma Lyon République" in page.text and "Luma Marseille" not in page.text


def test_an_unconfirmed_alert_sends_nothing_and_any_store_counts_for_anywhere(
        alert_api, smtp):
    sku = "MH11-L-Orange"
    alert_api.out_of_stock_everywhere(sku)
    unconfirmed = f"jamais-{uuid.uuid4().hex[:8]}@example.fr"
    assert alert_api.ask(sku, None, unconfirmed).status_code == 201
    anywhere = confirmed(alert_api, smtp, sku, None, language="en")
    alert_api.import_stock(sku, {"nantes-crebillon": 1})
    alert_api.send()
    assert len(to(smtp, unconfirmed)) == 1          # its confirmation only
    [_, back] = to(smtp, anywhere)
    assert back["Subject"].startswith("Back in stock: ")
    assert "Luma Nantes Crébillon" in text_and_html(back)[0]
    assert alert_api.alert(unconfirmed).state == alerts.PENDING


def test_unsubscribing_in_one_click_stops_the_alert_and_erases_the_address(alert_api, smtp):
    sku = "MJ06-S-Green"
    alert_api.out_of_stock_everywhere(sku)
    email = confirmed(alert_api, smtp, sku, "paris-rivoli")
    alert_id = alert_api.alert(email).id
    [confirmation] = to(smtp, email)
    page = alert_api.client.get(local(link(confirmation, "/alerts/unsubscribe/")))
    assert page.status_code == 200 and "Désinscription faite" in page.text
    gone = alert_api.alert(alert_id)
    assert gone.state == alerts.UNSUBSCRIBED and gone.email == ""
    alert_api.import_stock(sku, {"paris-rivoli": 4})
    alert_api.send()
    assert len(to(smtp, email)) == 1
    assert alert_api.client.get("/alerts/unsubscribe/" + "x" * 43).status_code == 404


def test_an_alert_never_sent_ends_after_the_keep_time_its_address_erased(alert_api, smtp):
    sku = "MH08-XL-Red"
    alert_api.out_of_stock_everywhere(sku)
    email = confirmed(alert_api, smtp, sku, None)
    alert_id = alert_api.alert(email).id
    settings = AlertSettings(keep_days=90)
    later = utc_now() + timedelta(days=89)
    assert alerts.queue_due(alert_api.db, alert_api.mail, settings, later).expired == 0
    assert alert_api.alert(alert_id).email == email
    report = alerts.queue_due(alert_api.db, alert_api.mail, settings,
                              utc_now() + timedelta(days=91))
    assert report.expired >= 1
    ended = alert_api.alert(alert_id)
    assert ended.state == alerts.EXPIRED and ended.email == ""
    alert_api.import_stock(sku, {"lille-neuve": 2})
    alert_api.send()
    assert len(to(smtp, email)) == 1


def test_bad_alerts_get_a_precise_4xx_and_a_retry_is_taken_once(alert_api, smtp):
    sku = "MH03-L-Black"

    def code(answer) -> tuple[int, str]:
        return answer.status_code, answer.json()["error"]

    assert alert_api.ask(sku, None, "not-an-address").status_code == 422
    assert "e-mail" in alert_api.ask(sku, None, "a@b").text
    assert code(alert_api.ask("NO-SUCH-SKU", None, "x@example.fr")) == (404, "not_found")
    assert code(alert_api.ask(sku, "atlantis", "x@example.fr")) == (404, "not_found")
    assert alert_api.ask(sku, None, "x@example.fr", language="de").status_code == 422
    assert alert_api.ask(sku, None, "x@example.fr", consent=None).status_code == 422
    missing_key = alert_api.client.post(
        "/v1/alerts", json={"sku": sku, "store_id": None, "email": "x@example.fr",
                            "language": "fr", "consent": CONSENT},
        headers={"Authorization": f"Bearer {alert_api.token}"})
    assert code(missing_key) == (400, "idempotency_key_missing")
    key = str(uuid.uuid4())
    email = f"retry-{uuid.uuid4().hex[:8]}@example.fr"
    first, again = (alert_api.ask(sku, None, email, key=key) for _ in range(2))
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    assert code(alert_api.ask(sku, "lyon-republique", email, key=key)) == \
        (422, "idempotency_key_reused")
    alert_api.send()
    assert len(to(smtp, email)) == 1


def test_without_mail_the_server_refuses_alerts_in_words(seeded_database, luma_dir):
    app = create_app(Settings(seeded_database.url, images_dir=luma_dir / "images"),
                     seeded_database)
    with seeded_database.writing() as session:
        token = add_terminal(session, "paris-rivoli", f"alert-{uuid.uuid4().hex[:8]}")
    with TestClient(app) as client:
        answer = client.post("/v1/alerts", json={
            "sku": "MH03-L-Black", "store_id": None, "email": "x@example.fr",
            "language": "fr", "consent": CONSENT},
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 503
    assert answer.json()["error"] == "alerts_unavailable"


def test_the_alert_settings_are_checked_naming_the_key():
    assert alert_settings_from_env({}) == AlertSettings("", 90)
    chain = alert_settings_from_env({"CENTRAL_PRODUCT_URL_TEMPLATE":
                                     "https://www.luma.example/p/{sku}",
                                     "CENTRAL_ALERT_KEEP_DAYS": "30"})
    assert chain.keep_days == 30
    assert alerts.product_url(MailSettings(public_url=PUBLIC), chain, "MJ01", "fr") == \
        "https://www.luma.example/p/MJ01"
    for environ, key in (({"CENTRAL_PRODUCT_URL_TEMPLATE": "www.luma.example/p"},
                          "CENTRAL_PRODUCT_URL_TEMPLATE"),
                         ({"CENTRAL_PRODUCT_URL_TEMPLATE": "https://l.example/{sku}/{x}"},
                          "CENTRAL_PRODUCT_URL_TEMPLATE"),
                         ({"CENTRAL_ALERT_KEEP_DAYS": "0"}, "CENTRAL_ALERT_KEEP_DAYS"),
                         ({"CENTRAL_ALERT_KEEP_DAYS": "ninety"}, "CENTRAL_ALERT_KEEP_DAYS")):
        with pytest.raises(ValueError, match=key):
            alert_settings_from_env(environ)
