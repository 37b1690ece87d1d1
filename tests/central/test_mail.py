"""Customer e-mails through a real SMTP server on loopback: what an order's messages
say in French and English, the queue surviving a mail server that is down, two senders
never sending one message twice, and a permanent refusal shown to staff."""

from __future__ import annotations

import json
import re
import threading
import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select
from staff_helpers import STAFF_PASSWORD, staff_account
from support.smtp import LoopbackSmtp, text_and_html

from central.app import create_app
from central.cli import main
from central.db import models
from central.db.engine import utc_now
from central.mail import queue
from central.mail.sender import Sender
from central.mail.settings import MailSettings
from central.settings import Settings
from central.terminals import add_terminal

PUBLIC = "https://commandes.luma.example"
PAY = "https://paiement.luma.example/commande/{reference}"
SKU, PRICE = "MH01-XS-Black", 5200


class Clock:
    """The server's clock moved on by the test, never read from the calendar."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self):
        return utc_now() + self.offset


class MailApi:
    def __init__(self, client: TestClient, db, mail: MailSettings, clock: Clock) -> None:
        self.client, self.db, self.mail, self.clock = client, db, mail, clock
        with db.writing() as session:
            self.token = add_terminal(session, "paris-rivoli", f"mail-{uuid.uuid4().hex[:8]}")

    def order(self, language: str = "fr", email: str = "jeanne@example.fr",
              name: str = "Sweat à capuche Chaz", size: str | None = "XS",
              color: str | None = "Noir") -> str:
        reference = "M" + uuid.uuid4().hex[:8].upper()
        body = {
            "store_id": "paris-rivoli", "reference": reference,
            "placed_terminal_at": "2026-11-24T15:03:12+01:00", "language": language,
            "customer": {"first_name": "Jeanne", "last_name": "Dupont-Lefèvre",
                         "email": email, "phone": "+33612345678",
                         "address": {"line1": "12 rue des Lilas", "line2": "",
                                     "postal_code": "69003", "city": "Lyon",
                                     "country": "FR"},
                         "instructions": ""},
            "delivery": {"method": "standard", "fee_cents": 490},
            "lines": [{"sku": SKU, "name": name, "size": size, "color": color,
                       "quantity": 2, "unit_price_cents": PRICE}],
            "total_cents": 2 * PRICE + 490, "currency": "EUR",
            "consent": {"privacy_notice": "2026-01",
                        "given_terminal_at": "2026-11-24T15:02:40+01:00"},
        }
        answer = self.client.post("/v1/orders", content=json.dumps(body), headers={
            "Authorization": f"Bearer {self.token}", "Idempotency-Key": str(uuid.uuid4()),
            "Content-Type": "application/json"})
        assert answer.status_code == 201, answer.text
        return reference

    def sender(self) -> Sender:
        return Sender(self.db, self.mail, clock=self.clock)

    def messages_of(self, reference: str) -> list[models.MailMessage]:
        with self.db.reading() as session:
            order = session.scalar(select(models.Order)
                                   .where(models.Order.reference == reference))
            return queue.order_messages(session, order.id)


def make_mail_api(seeded_database, luma_dir, smtp: LoopbackSmtp, **changes):
    mail = MailSettings(smtp_host="127.0.0.1", smtp_port=smtp.port, security="none",
                        from_address="Luma <commandes@luma.example>", public_url=PUBLIC,
                        payment_url_template=PAY, send_in_server=False, timeout_s=5)
    mail = MailSettings(**{**mail.__dict__, **changes})
    with seeded_database.writing() as session:
        session.execute(delete(models.RateLimit))
    app = create_app(Settings(seeded_database.url, images_dir=luma_dir / "images", mail=mail),
                     seeded_database)
    return app, mail


@pytest.fixture
def mail_api(seeded_database, luma_dir, smtp):
    app, mail = make_mail_api(seeded_database, luma_dir, smtp)
    with TestClient(app) as client:
        yield MailApi(client, seeded_database, mail, Clock())


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_an_order_in_french_is_mailed_once_with_what_the_shopper_read(mail_api, smtp):
    reference = mail_api.order(name="Sweat <Chaz> & Co")
    report = mail_api.sender().send_due()
    assert report.sent >= 1
    [message] = smtp.messages(reference)
    [queued] = mail_api.messages_of(reference)
    assert queued.state == queue.SENT and queued.attempts == 1
    assert message["Message-ID"] == queued.message_id
    assert message["To"] == "jeanne@example.fr"
    assert message["Subject"] == f"Commande {reference} reçue"
    assert message["Content-Language"] == "fr"
    text, html = text_and_html(message)
    assert "Bonjour Jeanne," in text
    assert ("Sweat <Chaz> & Co (Taille XS, couleur Noir): 2 × 52,00\u00a0€ = "
            "104,00\u00a0€") in text
    assert "Livraison standard: 4,90\u00a0€" in text
    assert "Total: 108,90\u00a0€" in text
    assert PAY.format(reference=reference) in text
    assert f"Ou payez à la caisse du magasin Luma Paris Rivoli en donnant la référence " \
           f"{reference}." in text
    assert f"{PUBLIC}/o/{reference}?lang=fr" in text
    # The HTML says the same, escaped, with nothing that reports an opening.
    assert '<html lang="fr">' in html
    assert "Sweat &lt;Chaz&gt; &amp; Co" in html and "<Chaz>" not in html
    assert "<img" not in html and "<script" not in html and "url(" not in html
    assert links(html) == [PAY.format(reference=reference), f"{PUBLIC}/o/{reference}?lang=fr"]
    # Sent once: the next round finds nothing of it due.
    mail_api.sender().send_due()
    assert len(smtp.messages(reference)) == 1


def test_an_order_in_english_is_mailed_in_english(mail_api, smtp):
    reference = mail_api.order(language="en", name="Chaz Kangeroo Hoodie", color="Black")
    mail_api.sender().send_due()
    [message] = smtp.messages(reference)
    assert message["Subject"] == f"Order {reference} received"
    text, html = text_and_html(message)
    assert "Hello Jeanne," in text
    assert "Chaz Kangeroo Hoodie (Size XS, colour Black): 2 × €52.00 = €104.00" in text
    assert "Standard delivery: €4.90" in text and "Total: €108.90" in text
    assert "Pay online on our payment page:" in text
    assert f"{PUBLIC}/o/{reference}?lang=en" in text
    assert '<html lang="en">' in html


def test_without_a_payment_page_the_message_says_to_pay_at_the_till(
        seeded_database, luma_dir, smtp):
    app, mail = make_mail_api(seeded_database, luma_dir, smtp, payment_url_template="")
    with TestClient(app) as client:
        api = MailApi(client, seeded_database, mail, Clock())
        reference = api.order()
        api.sender().send_due()
    [message] = smtp.messages(reference)
    text, html = text_and_html(message)
    assert f"Payez à la caisse du magasin Luma Paris Rivoli en donnant la référence " \
           f"{reference}." in text
    assert "en ligne" not in text and "paiement.luma" not in text
    assert links(html) == [f"{PUBLIC}/o/{reference}?lang=fr"]


def test_status_changes_that_matter_are_mailed_and_staff_see_each_message(mail_api, smtp):
    _, staff = staff_account(mail_api)
    shipped, cancelled = mail_api.order(), mail_api.order(language="en")
    for reference, statuses in ((shipped, ("awaiting_payment", "paid", "shipped")),
                                (cancelled, ("cancelled",))):
        for status in statuses:
            answer = mail_api.client.post(f"/v1/staff/orders/{reference}/status",
                                          json={"status": status}, headers=staff)
            assert answer.status_code == 200, answer.text
    mail_api.sender().send_due()
    assert [m["Subject"] for m in smtp.messages(shipped)] == [
        f"Commande {shipped} reçue", f"Commande {shipped} : en attente de votre paiement",
        f"Commande {shipped} expédiée"]
    waiting_text, _ = text_and_html(smtp.messages(shipped)[1])
    assert PAY.format(reference=shipped) in waiting_text
    # An order's page, while it waits, speaks of the link the e-mail carries.
    waiting = mail_api.order()
    mail_api.client.post(f"/v1/staff/orders/{waiting}/status",
                         json={"status": "awaiting_payment"}, headers=staff)
    assert "use the payment link sent to you by e-mail" in mail_api.client.get(
        f"/o/{waiting}?lang=en").text
    assert [m["Subject"] for m in smtp.messages(cancelled)] == [
        f"Order {cancelled} received", f"Order {cancelled} cancelled"]
    details = mail_api.client.get(f"/v1/staff/orders/{shipped}", headers=staff).json()
    assert [(m["kind"], m["state"], m["attempts"]) for m in details["messages"]] == [
        ("order_received", "sent", 1), ("awaiting_payment", "sent", 1), ("shipped", "sent", 1)]
    assert all(m["recipient"] == "jeanne@example.fr" and m["last_error"] == ""
               for m in details["messages"])


def test_a_mail_server_down_delays_every_message_and_each_arrives_once_when_back(
        mail_api, smtp):
    smtp.stop()
    references = [mail_api.order() for _ in range(3)]
    first = mail_api.sender().send_due()
    assert first.sent == 0 and first.retrying >= 3
    for reference in references:
        [waiting] = mail_api.messages_of(reference)
        assert (waiting.state, waiting.attempts) == (queue.QUEUED, 1)
        assert "cannot use the mail server 127.0.0.1" in waiting.last_error
    # Not due again until its backoff has passed; still down at the next try.
    assert mail_api.sender().send_due().retrying == 0
    mail_api.clock.offset += timedelta(minutes=2)
    mail_api.sender().send_due()
    assert [mail_api.messages_of(r)[0].attempts for r in references] == [2, 2, 2]
    smtp.start()
    mail_api.clock.offset += timedelta(minutes=10)
    mail_api.sender().send_due()
    mail_api.sender().send_due()
    for reference in references:
        assert len(smtp.messages(reference)) == 1
        [sent] = mail_api.messages_of(reference)
        assert (sent.state, sent.attempts, sent.last_error) == (queue.SENT, 3, "")


def test_two_senders_at_once_send_each_message_exactly_once(mail_api, smtp):
    references = [mail_api.order() for _ in range(12)]
    senders = [Sender(mail_api.db, mail_api.mail, clock=mail_api.clock, batch=2)
               for _ in range(2)]
    reports = []
    threads = [threading.Thread(target=lambda s=s: reports.append(s.send_due()))
               for s in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for reference in references:
        assert len(smtp.messages(reference)) == 1, reference
    assert sum(report.sent for report in reports) >= 12


def test_a_message_held_by_a_sender_that_died_goes_once_its_lease_is_over(mail_api, smtp):
    reference = mail_api.order()
    # A sender claims everything due, then dies before sending.
    held = queue.claim(mail_api.db, "dead-sender", mail_api.clock(), 1000,
                       timedelta(minutes=5))
    assert reference in {m.message_id.split(".")[0].strip("<").upper() for m in held}
    mail_api.sender().send_due()
    assert smtp.messages(reference) == []
    mail_api.clock.offset += timedelta(minutes=6)
    mail_api.sender().send_due()
    assert len(smtp.messages(reference)) == 1
    # The dead sender coming back cannot mark it again.
    [claimed] = [m for m in held if m.message_id == mail_api.messages_of(reference)[0]
                 .message_id]
    assert not queue.mark_sent(mail_api.db, claimed, "dead-sender", mail_api.clock())


def test_a_permanent_refusal_is_recorded_and_shown_to_staff(mail_api, smtp):
    _, staff = staff_account(mail_api)
    reference = mail_api.order(email="refused@example.fr")
    mail_api.sender().send_due()
    assert smtp.messages(reference) == []
    [refused] = mail_api.messages_of(reference)
    assert refused.state == queue.REFUSED and refused.attempts == 1
    assert refused.last_error == "recipient refused: 550 5.1.1 No such mailbox here"
    # Never tried again.
    mail_api.clock.offset += timedelta(days=2)
    mail_api.sender().send_due()
    assert mail_api.messages_of(reference)[0].attempts == 1
    details = mail_api.client.get(f"/v1/staff/orders/{reference}", headers=staff).json()
    [shown] = details["messages"]
    assert (shown["state"], shown["last_error"]) == (
        "refused", "recipient refused: 550 5.1.1 No such mailbox here")
    # The dashboard's page of the order says so first, in the manager's language.
    name, _ = staff_account(mail_api)
    page_url = f"/dashboard/orders/{reference.lower()}"
    assert mail_api.client.get(page_url, follow_redirects=False).status_code == 303
    logged_in = mail_api.client.post("/dashboard/login", data={
        "username": name, "password": STAFF_PASSWORD}, follow_redirects=False)
    assert logged_in.status_code == 303
    page = mail_api.client.get(page_url + "?lang=en")
    assert page.status_code == 200
    alert = re.search(r'<p class="message" role="alert">([^<]*)</p>', page.text).group(1)
    assert alert == ("The e-mail “Order received” to refused@example.fr was not delivered "
                     "(refused): recipient refused: 550 5.1.1 No such mailbox here")
    assert "<td>refused</td>" in page.text
    french = mail_api.client.get(page_url + "?lang=fr").text
    assert "L'e-mail « Commande reçue » à refused@example.fr n'a pas été remis " \
           "(refusé)" in french.replace("&#x27;", "'")
    assert mail_api.client.get("/dashboard/orders/NOPE-000000").status_code == 404


def test_a_4xx_answer_delays_the_message_until_the_mailbox_takes_it(mail_api, smtp):
    reference = mail_api.order(email="busy@example.fr")
    assert mail_api.sender().send_due().retrying >= 1
    [waiting] = mail_api.messages_of(reference)
    assert (waiting.state, waiting.attempts) == (queue.QUEUED, 1)
    assert waiting.last_error == "recipient refused: 451 4.2.1 Mailbox busy, try again later"
    smtp.busy_mailboxes.clear()
    mail_api.clock.offset += timedelta(minutes=2)
    mail_api.sender().send_due()
    assert len(smtp.messages(reference)) == 1
    assert mail_api.messages_of(reference)[0].state == queue.SENT


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_mail_server_whose_certificate_is_not_trusted_gets_nothing(
        seeded_database, luma_dir, security):
    untrusted = LoopbackSmtp(tls=security)
    untrusted.start()
    try:
        app, mail = make_mail_api(seeded_database, luma_dir, untrusted, security=security)
        with TestClient(app) as client:
            api = MailApi(client, seeded_database, mail, Clock())
            reference = api.order()
            api.sender().send_due()
            [waiting] = api.messages_of(reference)
    finally:
        untrusted.stop()
    assert untrusted.messages() == []
    assert waiting.state == queue.QUEUED
    assert "CERTIFICATE_VERIFY_FAILED" in waiting.last_error


def test_the_mail_commands_send_the_queue_and_record_a_bounce(mail_api, smtp, capsys,
                                                              monkeypatch):
    for key, value in {"CENTRAL_SMTP_HOST": "127.0.0.1", "CENTRAL_SMTP_PORT": str(smtp.port),
                       "CENTRAL_SMTP_SECURITY": "none",
                       "CENTRAL_MAIL_FROM": "Luma <commandes@luma.example>",
                       "CENTRAL_PUBLIC_URL": PUBLIC}.items():
        monkeypatch.setenv(key, value)
    reference = mail_api.order()

    def central(*args: str) -> tuple[int, str, str]:
        status = main(["--database-url", mail_api.db.url, *args])
        out, err = capsys.readouterr()
        return status, out, err

    status, out, _ = central("orders", "set-status", reference, "cancelled")
    assert status == 0
    status, out, _ = central("mail", "send", "--once")
    assert status == 0 and re.match(r"\d+ sent, 0 refused, 0 waiting for a retry", out)
    assert [m["Subject"] for m in smtp.messages(reference)] == [
        f"Commande {reference} reçue", f"Commande {reference} annulée"]
    cancelled = smtp.messages(reference)[1]["Message-ID"]
    status, out, _ = central("mail", "bounced", cancelled.strip("<>"), "--reason",
                             "550 5.1.1 unknown")
    assert status == 0 and out.strip() == f"{cancelled} (cancelled) recorded as bounced"
    _, shown, _ = central("orders", "show", reference)
    assert "order_received to jeanne@example.fr: sent" in shown
    assert "cancelled to jeanne@example.fr: bounced" in shown
    assert shown.rstrip().endswith("- 550 5.1.1 unknown")
    status, _, err = central("mail", "bounced", "<nothing@luma.example>")
    assert status == 1 and "no message <nothing@luma.example>" in err
    monkeypatch.setenv("CENTRAL_SMTP_PORT", "smtp")
    status, _, err = central("mail", "send", "--once")
    assert status == 1 and "CENTRAL_SMTP_PORT must be a port number" in err


def test_a_bounce_reported_after_sending_is_recorded_on_the_message(mail_api, smtp):
    reference = mail_api.order()
    mail_api.sender().send_due()
    [sent] = mail_api.messages_of(reference)
    queue.mark_bounced(mail_api.db, sent.message_id.strip("<>"), "550 mailbox full")
    [bounced] = mail_api.messages_of(reference)
    assert (bounced.state, bounced.last_error) == (queue.BOUNCED, "550 mailbox full")
    with pytest.raises(queue.NotFound):
        queue.mark_bounced(mail_api.db, "<nothing@luma.example>", "?")


def test_the_heartbeat_tells_terminals_what_customers_are_sent(mail_api, seeded_database,
                                                              luma_dir, smtp):
    beat = {"version": "0.1.0", "terminal_time": "2026-11-24T15:10:00+01:00",
            "last_pull_at": None, "last_push_at": None, "queue": {}}
    headers = {"Authorization": f"Bearer {mail_api.token}"}
    answer = mail_api.client.post("/v1/heartbeat", json=beat, headers=headers).json()
    assert answer["customer_messages"] == {"order_email": True, "payment_link": True}
    for changes, told in (({"payment_url_template": ""},
                           {"order_email": True, "payment_link": False}),
                          ({"smtp_host": ""}, {"order_email": False, "payment_link": False})):
        app, _ = make_mail_api(seeded_database, luma_dir, smtp, **changes)
        with TestClient(app) as client:
            answer = client.post("/v1/heartbeat", json=beat, headers=headers).json()
        assert answer["customer_messages"] == told


def test_the_server_sends_its_queue_itself_as_orders_arrive(seeded_database, luma_dir,
                                                            smtp):
    app, mail = make_mail_api(seeded_database, luma_dir, smtp, send_in_server=True)
    with TestClient(app) as client:
        api = MailApi(client, seeded_database, mail, Clock())
        reference = api.order()
        assert len(smtp.wait_for(reference)) == 1
    assert api.messages_of(reference)[0].state == queue.SENT


def test_without_mail_settings_an_order_queues_nothing(seeded_database, luma_dir, smtp):
    app, mail = make_mail_api(seeded_database, luma_dir, smtp, smtp_host="")
    with TestClient(app) as client:
        api = MailApi(client, seeded_database, mail, Clock())
        reference = api.order()
        assert api.messages_of(reference) == []
