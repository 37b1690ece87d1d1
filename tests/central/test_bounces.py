"""Bounces read from a Maildir and one-click unsubscribe, through a real SMTP server on
loopback and the HTTP app, on SQLite and PostgreSQL: every message goes out from its own
VERP address; `central mail read-bounces` marks a message bounced from the delivery
status notification (RFC 3464) its mail server sent back, matched by that address or by
the original Message-ID, ignores delays, leaves what it cannot read and says so, and does
nothing the second time; a bounced alert confirmation ends the alert. Back-in-stock
messages carry List-Unsubscribe (RFC 8058), whose one-click POST unsubscribes; order and
reservation messages, transactional, do not."""

from __future__ import annotations

import json
import mailbox
import re
import uuid
from email.message import EmailMessage, Message
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from staff_helpers import STAFF_PASSWORD, staff_account
from support.smtp import LoopbackSmtp, text_and_html
from test_mail import make_mail_api

from central import alerts
from central.cli import main
from central.db import models
from central.mail import queue
from central.mail.bounces import envelope_sender, verp_token
from central.mail.sender import Sender
from central.mail.settings import MailSettingError, MailSettings, mail_settings_from_env
from central.terminals import add_terminal

PUBLIC = "https://commandes.luma.example"
SKU = "MH01-XS-Black"
CONSENT = {"privacy_notice": "2026-01", "given_terminal_at": "2026-11-24T15:02:40+01:00"}
STORES = ("paris-rivoli", "lyon-republique", "marseille-canebiere", "toulouse-capitole",
          "bordeaux-sainte-catherine", "lille-neuve", "nantes-crebillon", "strasbourg-kleber")


class Shop:
    """The server in-process with a terminal, mailing to the loopback SMTP server."""

    def __init__(self, client: TestClient, db, mail: MailSettings) -> None:
        self.client, self.db, self.mail = client, db, mail
        with db.writing() as session:
            token = add_terminal(session, "paris-rivoli", f"bounce-{uuid.uuid4().hex[:8]}")
        self.headers = {"Authorization": f"Bearer {token}"}

    def post(self, path: str, document: dict):
        return self.client.post(path, content=json.dumps(document), headers={
            **self.headers, "Idempotency-Key": str(uuid.uuid4()),
            "Content-Type": "application/json"})

    def order(self, email: str) -> str:
        reference = "B" + uuid.uuid4().hex[:8].upper()
        answer = self.post("/v1/orders", {
            "store_id": "paris-rivoli", "reference": reference,
            "placed_terminal_at": "2026-11-24T15:03:12+01:00", "language": "fr",
            "customer": {"first_name": "Jeanne", "last_name": "Dupont", "email": email,
                         "phone": "+33612345678",
                         "address": {"line1": "12 rue des Lilas", "line2": "",
                                     "postal_code": "69003", "city": "Lyon",
                                     "country": "FR"},
                         "instructions": ""},
            "delivery": {"method": "standard", "fee_cents": 490},
            "lines": [{"sku": SKU, "name": "Sweat Chaz", "size": "XS", "color": "Noir",
                       "quantity": 1, "unit_price_cents": 5200}],
            "total_cents": 5690, "currency": "EUR", "consent": CONSENT})
        assert answer.status_code == 201, answer.text
        return reference

    def alert(self, sku: str, email: str) -> None:
        answer = self.post("/v1/alerts", {"sku": sku, "store_id": None, "email": email,
                                          "language": "fr", "consent": CONSENT})
        assert answer.status_code == 201, answer.text

    def send(self) -> None:
        Sender(self.db, self.mail).send_due()

    def message(self, where) -> models.MailMessage:
        with self.db.reading() as session:
            return session.scalar(select(models.MailMessage).where(where))

    def order_message(self, reference: str) -> models.MailMessage:
        with self.db.reading() as session:
            order = session.scalar(select(models.Order)
                                   .where(models.Order.reference == reference))
            [message] = queue.order_messages(session, order.id)
            return message

    def alert_of(self, message_id: str) -> models.BackInStockAlert:
        with self.db.reading() as session:
            return session.scalar(select(models.BackInStockAlert).where(
                models.BackInStockAlert.confirmation_message_id == message_id))

    def out_of_stock_everywhere(self, sku: str, tmp_path: Path) -> None:
        self.import_stock(sku, dict.fromkeys(STORES, 0), tmp_path)

    def import_stock(self, sku: str, quantities: dict[str, int], tmp_path: Path) -> None:
        csv = tmp_path / f"stock-{uuid.uuid4().hex[:6]}.csv"
        csv.write_text("store,sku,quantity,restock_date\n" + "".join(
            f"{store},{sku},{quantity},\n" for store, quantity in quantities.items()))
        assert main(["--database-url", self.db.url, "import-stock", str(csv)]) == 0


@pytest.fixture
def shop(seeded_database, luma_dir, smtp, monkeypatch):
    app, mail = make_mail_api(seeded_database, luma_dir, smtp,
                         bounce_address="bounces@luma.example")
    # `central import-stock` reads the mail settings from its environment.
    for key, value in {"CENTRAL_SMTP_HOST": "127.0.0.1", "CENTRAL_SMTP_PORT": str(smtp.port),
                       "CENTRAL_SMTP_SECURITY": "none",
                       "CENTRAL_MAIL_FROM": mail.from_address,
                       "CENTRAL_PUBLIC_URL": PUBLIC}.items():
        monkeypatch.setenv(key, value)
    with TestClient(app) as client:
        yield Shop(client, seeded_database, mail)


def envelope_of(smtp: LoopbackSmtp, message_id: str) -> tuple[str, list[str]]:
    with smtp.lock:
        [(sender, recipients)] = [(sender, recipients) for sender, recipients, message
                                  in smtp.received if message["Message-ID"] == message_id]
    return sender, recipients


def delivery_report(action: str, status: str, *, to: str = "bounces@luma.example",
                    original_id: str | None = None) -> bytes:
    """A delivery status notification as a receiving mail server writes it (RFC 3464):
    words for people, the status per recipient, and the original message's headers."""
    report = EmailMessage()
    report["From"] = "Mail Delivery System <MAILER-DAEMON@mx.example.fr>"
    report["To"] = to
    report["Subject"] = "Undelivered Mail Returned to Sender"
    report["Message-ID"] = f"<{uuid.uuid4().hex}@mx.example.fr>"
    report.set_content("This is the mail system at host mx.example.fr.\n\n"
                       "I'm sorry to have to inform you that your message could not be "
                       "delivered to one or more recipients.\n")
    report.make_mixed()
    per_message, per_recipient = Message(), Message()
    per_message["Reporting-MTA"] = "dns; mx.example.fr"
    per_message["Arrival-Date"] = "Tue, 24 Nov 2026 15:04:00 +0100"
    per_recipient["Final-Recipient"] = "rfc822; jeanne@example.fr"
    per_recipient["Action"] = action
    per_recipient["Status"] = status
    per_recipient["Diagnostic-Code"] = f"smtp; 550 {status} Recipient address rejected" \
        if status.startswith("5") else f"smtp; 451 {status} Try again later"
    statuses = EmailMessage()
    statuses.set_type("message/delivery-status")
    del statuses["MIME-Version"]
    statuses.set_payload([per_message, per_recipient])
    report.attach(statuses)
    returned = EmailMessage()
    returned.set_content("From: Luma <commandes@luma.example>\nTo: jeanne@example.fr\n"
                         "Subject: Commande\n"
                         + (f"Message-ID: {original_id}\n" if original_id else ""))
    returned.set_type("text/rfc822-headers")
    report.attach(returned)
    report.set_type("multipart/report")
    report.set_param("report-type", "delivery-status")
    return report.as_bytes()


def read_bounces(db, maildir: Path, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(["--database-url", db.url, "mail", "read-bounces", "--maildir",
                   str(maildir)])
    out, err = capsys.readouterr()
    return status, out, err


def test_each_message_goes_out_from_its_own_verp_address_under_the_chains_from(
        seeded_database, luma_dir, smtp):
    for bounce_address, mailbox_part in (("bounces@luma.example", "bounces"),
                                         ("", "commandes")):
        app, mail = make_mail_api(seeded_database, luma_dir, smtp, bounce_address=bounce_address)
        with TestClient(app) as client:
            shop = Shop(client, seeded_database, mail)
            reference = shop.order("jeanne@example.fr")
            shop.send()
        sent = shop.order_message(reference)
        [arrived] = smtp.messages(reference)
        sender, recipients = envelope_of(smtp, sent.message_id)
        assert sender == f"{mailbox_part}+{verp_token(sent.id, sent.message_id)}@luma.example"
        assert sender == envelope_sender(mail, sent.id, sent.message_id)
        assert re.fullmatch(rf"{mailbox_part}\+{sent.id}-[0-9a-f]{{16}}@luma\.example", sender)
        assert recipients == ["jeanne@example.fr"]
        assert arrived["From"] == "Luma <commandes@luma.example>"


def test_read_bounces_marks_failures_ignores_delays_and_leaves_what_it_cannot_read(
        shop, smtp, tmp_path, capsys):
    by_verp, by_id, delayed = (shop.order(f"{name}@example.fr")
                               for name in ("verp", "seulement-id", "en-retard"))
    shop.send()
    verp_message, id_message, delayed_message = (
        shop.order_message(reference) for reference in (by_verp, by_id, delayed))
    maildir = tmp_path / "bounces"
    inbox = mailbox.Maildir(maildir)
    # The VERP address the report came to is the only thing naming the message.
    inbox.add(delivery_report("failed", "5.1.1",
                              to=envelope_of(smtp, verp_message.message_id)[0]))
    inbox.add(delivery_report("failed", "5.2.2", original_id=id_message.message_id))
    inbox.add(delivery_report("delayed", "4.4.1",
                              to=envelope_of(smtp, delayed_message.message_id)[0],
                              original_id=delayed_message.message_id))
    garbage = inbox.add(b"\x00\xff not a message at all \x1b[2J")
    unknown = inbox.add(delivery_report("failed", "5.1.1",
                                        original_id="<never-sent.x@luma.example>"))

    status, out, err = read_bounces(shop.db, maildir, capsys)
    assert status == 1
    assert out.strip() == "2 bounced, 1 delayed (nothing to do), 0 other reports, " \
                          "2 left in place"
    assert f"new/{garbage} left in place: not a delivery report (it is text/plain)" in err
    assert f"new/{unknown} left in place: a failure report that matches no message sent " \
           f"from here (Message-ID <never-sent.x@luma.example>)" in err
    assert "\x1b" not in err
    bounced, also_bounced, still_sent = (
        shop.order_message(reference) for reference in (by_verp, by_id, delayed))
    assert (bounced.state, bounced.last_error) == (
        queue.BOUNCED, "5.1.1 smtp; 550 5.1.1 Recipient address rejected")
    assert (also_bounced.state, also_bounced.last_error) == (
        queue.BOUNCED, "5.2.2 smtp; 550 5.2.2 Recipient address rejected")
    assert (still_sent.state, still_sent.last_error) == (queue.SENT, "")
    # What was dealt with moved to .processed, marked seen; the rest stayed.
    assert sorted(inbox.keys()) == sorted([garbage, unknown])
    processed = inbox.get_folder("processed")
    assert len(processed) == 3
    assert all(message.get_subdir() == "cur" and "S" in message.get_flags()
               for message in processed)

    status, out, err = read_bounces(shop.db, maildir, capsys)
    assert status == 1 and out.strip() == "0 bounced, 0 delayed (nothing to do), " \
                                          "0 other reports, 2 left in place"
    assert len(processed) == 3
    inbox.remove(garbage)
    inbox.remove(unknown)
    assert read_bounces(shop.db, maildir, capsys)[:2] == (
        0, "0 bounced, 0 delayed (nothing to do), 0 other reports, 0 left in place\n")


def test_a_report_returning_the_whole_message_is_matched_and_a_forged_token_is_not(
        shop, smtp, tmp_path, capsys):
    reference = shop.order("entier@example.fr")
    forged_target = shop.order("cible@example.fr")
    shop.send()
    target = shop.order_message(forged_target)
    # Some mail servers return the whole original (message/rfc822) and no VERP address.
    with_original = EmailMessage()
    with_original["From"] = "postmaster@mx.example.fr"
    with_original["To"] = "commandes@luma.example"
    with_original["Subject"] = "Delivery has failed"
    with_original.set_content("Delivery has failed to these recipients.")
    with_original.make_mixed()
    statuses = EmailMessage()
    statuses.set_type("message/delivery-status")
    del statuses["MIME-Version"]
    per_message, per_recipient = Message(), Message()
    per_message["Reporting-MTA"] = "dns; mx.example.fr"
    per_recipient["Final-Recipient"] = "rfc822; entier@example.fr"
    per_recipient["Status"] = "5.2.1"
    statuses.set_payload([per_message, per_recipient])
    with_original.attach(statuses)
    with_original.add_attachment(smtp.messages(reference)[0])
    with_original.set_type("multipart/report")
    with_original.set_param("report-type", "delivery-status")
    # A token with the right row but a digest made up: not ours.
    forged = f"bounces+{target.id}-{'0' * 16}@luma.example"
    maildir = tmp_path / "bounces"
    inbox = mailbox.Maildir(maildir)
    inbox.add(with_original.as_bytes())
    kept = inbox.add(delivery_report("failed", "5.1.1", to=forged))
    # A file that cannot be read is named too, and the others still read.
    (maildir / "new" / "dangling").symlink_to(tmp_path / "gone")
    status, out, err = read_bounces(shop.db, maildir, capsys)
    assert status == 1 and out.startswith("1 bounced, 0 delayed")
    assert out.rstrip().endswith("2 left in place")
    assert "dangling left in place: cannot be read (No such file or directory)" in err
    assert (shop.order_message(reference).state,
            shop.order_message(reference).last_error) == (queue.BOUNCED, "5.2.1")
    assert shop.order_message(forged_target).state == queue.SENT
    assert f"new/{kept} left in place: a failure report that matches no message sent " \
           f"from here (VERP token {target.id}-{'0' * 16})" in err
    status, _, err = read_bounces(shop.db, tmp_path / "nowhere", capsys)
    assert status == 2 and "is not a Maildir (no new and cur folders in it)" in err


def test_a_bounce_read_shows_on_the_orders_staff_page_as_one_recorded_by_hand(
        shop, smtp, tmp_path, capsys):
    _, staff = staff_account(shop)
    reference = shop.order("parti@example.fr")
    shop.send()
    sent = shop.order_message(reference)
    inbox = mailbox.Maildir(tmp_path / "bounces")
    inbox.add(delivery_report("failed", "5.1.1", to=envelope_of(smtp, sent.message_id)[0]))
    assert read_bounces(shop.db, tmp_path / "bounces", capsys)[0] == 0
    details = shop.client.get(f"/v1/staff/orders/{reference}", headers=staff).json()
    [shown] = details["messages"]
    assert (shown["state"], shown["last_error"]) == (
        "bounced", "5.1.1 smtp; 550 5.1.1 Recipient address rejected")
    _, shown_by_cli, _ = read_cli(shop.db, capsys, "orders", "show", reference)
    assert "order_received to parti@example.fr: bounced" in shown_by_cli
    # The dashboard's page of the order announces it first.
    name, _ = staff_account(shop)
    assert shop.client.post("/dashboard/login", data={
        "username": name, "password": STAFF_PASSWORD}, follow_redirects=False
    ).status_code == 303
    page = shop.client.get(f"/dashboard/orders/{reference.lower()}?lang=en")
    alert = re.search(r'<p class="message" role="alert">([^<]*)</p>', page.text)[1]
    assert alert == ("The e-mail “Order received” to parti@example.fr was not delivered "
                     "(bounced): 5.1.1 smtp; 550 5.1.1 Recipient address rejected")


def read_cli(db, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(["--database-url", db.url, *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_bounced_alert_confirmation_ends_the_alert_and_nothing_more_is_sent(
        shop, smtp, tmp_path, capsys):
    sku = "MJ04-M-Black"
    shop.out_of_stock_everywhere(sku, tmp_path)
    email = f"disparu-{uuid.uuid4().hex[:6]}@example.fr"
    shop.alert(sku, email)
    shop.send()
    confirmation = shop.message(models.MailMessage.recipient == email)
    assert confirmation.kind == "alert_confirm" and confirmation.state == queue.SENT
    inbox = mailbox.Maildir(tmp_path / "bounces")
    inbox.add(delivery_report("failed", "5.1.1",
                              to=envelope_of(smtp, confirmation.message_id)[0]))
    assert read_bounces(shop.db, tmp_path / "bounces", capsys)[0] == 0
    ended = shop.alert_of(confirmation.message_id)
    assert (ended.state, ended.email) == (alerts.BOUNCED, "")
    # Confirming it now changes nothing, and its variant back sends nothing.
    link = re.search(rf"{re.escape(PUBLIC)}(/alerts/confirm/\S+)",
                     text_and_html(smtp.messages("Confirmez")[-1])[0])[1]
    assert "Alerte terminée" in shop.client.post(link).text
    shop.import_stock(sku, {"lyon-republique": 3}, tmp_path)
    shop.send()
    with smtp.lock:
        assert [recipients for _, recipients, _ in smtp.received
                if email in recipients] == [[email]]


def test_the_bounce_address_setting_is_checked_naming_its_key():
    base = {"CENTRAL_SMTP_HOST": "smtp.luma.example",
            "CENTRAL_MAIL_FROM": "Luma <commandes@luma.example>",
            "CENTRAL_PUBLIC_URL": PUBLIC}
    assert mail_settings_from_env(base).bounce_mailbox == "commandes@luma.example"
    assert mail_settings_from_env(base | {"CENTRAL_MAIL_BOUNCE_ADDRESS": "retours@luma.example"}
                                  ).bounce_mailbox == "retours@luma.example"
    for wrong, words in (("retours", "CENTRAL_MAIL_BOUNCE_ADDRESS: 'retours' is not an"),
                         ("retours+x@luma.example",
                          "CENTRAL_MAIL_BOUNCE_ADDRESS must have no '+' before the @")):
        with pytest.raises(MailSettingError, match=re.escape(words)):
            mail_settings_from_env(base | {"CENTRAL_MAIL_BOUNCE_ADDRESS": wrong})


def unsubscribe_header(message) -> str:
    [url] = re.fullmatch(r"<(https://\S+)>", message["List-Unsubscribe"]).groups()
    return url


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_back_in_stock_messages_carry_a_one_click_list_unsubscribe(shop, smtp, tmp_path):
    sku = "MJ04-L-Blue"
    shop.out_of_stock_everywhere(sku, tmp_path)
    email = f"abonne-{uuid.uuid4().hex[:6]}@example.fr"
    shop.alert(sku, email)
    shop.send()
    [confirmation] = [message for message in smtp.messages("Confirmez")
                      if message["To"] == email]
    url = unsubscribe_header(confirmation)
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The header points at the message's own unsubscribe link.
    assert url.startswith(f"{PUBLIC}/alerts/unsubscribe/")
    assert text_and_html(confirmation)[0].rstrip().endswith(url)
    link = re.search(rf"{re.escape(PUBLIC)}(/alerts/confirm/\S+)",
                     text_and_html(confirmation)[0])[1]
    assert shop.client.post(link).status_code == 200
    shop.import_stock(sku, {"nantes-crebillon": 2}, tmp_path)
    shop.send()
    [back] = [message for message in smtp.messages("De retour en stock")
              if message["To"] == email]
    assert back["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert text_and_html(back)[0].rstrip().endswith(unsubscribe_header(back))


def test_the_one_click_post_unsubscribes_without_a_page_and_the_link_still_shows_one(
        shop, smtp, tmp_path):
    sku = "MJ04-S-Purple"
    shop.out_of_stock_everywhere(sku, tmp_path)
    emails = [f"clic-{n}-{uuid.uuid4().hex[:6]}@example.fr" for n in range(3)]
    for email in emails:
        shop.alert(sku, email)
    shop.send()
    by_address = {message["To"]: message for message in smtp.messages("Confirmez")}
    urls = [path_of(unsubscribe_header(by_address[email])) for email in emails]
    messages = [shop.message(models.MailMessage.message_id == by_address[email]["Message-ID"])
                for email in emails]

    # A mail client's button, form-encoded: unsubscribed, no page.
    answer = shop.client.post(urls[0], content=b"List-Unsubscribe=One-Click", headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    assert (answer.status_code, answer.content) == (204, b"")
    assert shop.alert_of(messages[0].message_id).state == alerts.UNSUBSCRIBED
    # The same as multipart/form-data, which RFC 8058 allows too.
    answer = shop.client.post(urls[1], files={"List-Unsubscribe": (None, "One-Click")})
    assert (answer.status_code, answer.content) == (204, b"")
    assert shop.alert_of(messages[1].message_id).state == alerts.UNSUBSCRIBED
    # The link opened by a person still shows the page.
    page = shop.client.get(urls[2])
    assert page.status_code == 200 and "Désinscription faite" in page.text
    assert shop.alert_of(messages[2].message_id).state == alerts.UNSUBSCRIBED
    gone = shop.client.post("/alerts/unsubscribe/" + "x" * 43,
                            content=b"List-Unsubscribe=One-Click",
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert (gone.status_code, gone.content) == (404, b"")


def test_order_and_reservation_messages_are_transactional_without_list_unsubscribe(
        shop, smtp):
    reference = shop.order("jeanne@example.fr")
    with shop.db.reading() as session:
        sku, store = session.execute(
            select(models.Stock.variant_sku, models.Stock.store_id)
            .where(models.Stock.quantity - models.Stock.held > 1)
            .order_by(models.Stock.variant_sku).limit(1)).one()
    reserved = shop.post("/v1/reservations", {
        "store_id": store, "sku": sku, "quantity": 1, "language": "fr",
        "customer": {"name": "Jeanne", "email": "jeanne@example.fr"},
        "consent": CONSENT})
    assert reserved.status_code == 201, reserved.text
    shop.send()
    [ordered] = smtp.messages(reference)
    [held] = smtp.messages(reserved.json()["reference"])
    for message in (ordered, held):
        assert message["List-Unsubscribe"] is None
        assert message["List-Unsubscribe-Post"] is None
