"""`central staff ...` and `central orders ...`, on the database directly."""

from __future__ import annotations

import io
import re
import uuid

import pytest
from catalog_helpers import line, own_product, with_lines
from staff_helpers import basic
from test_api import order, post_order

from central.cli import main
from central.terminals import add_terminal


def central(api, capsys, *args: str, stdin: str | None = None,
            monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(["--database-url", api.db.url, *args])
    out, err = capsys.readouterr()
    return status, out, err


def placed(api) -> dict:
    body = order()
    answer, _ = post_order(api, api.terminal(), body)
    assert answer.status_code == 201
    return body


def test_staff_add_list_and_disable(api, capsys, monkeypatch):
    username = f"Clerk-{uuid.uuid4().hex[:8]}"
    status, out, _ = central(api, capsys, "staff", "add", username, "--password-stdin",
                             stdin="a long enough password\n", monkeypatch=monkeypatch)
    assert status == 0 and out.strip() == f"staff account {username.lower()} added"
    headers = basic(username.lower(), "a long enough password")
    assert api.client.get("/v1/staff/orders", headers=headers).status_code == 200
    _, listing, _ = central(api, capsys, "staff", "list")
    [row] = [r for r in listing.splitlines() if r.startswith(username.lower() + "\t")]
    assert row.endswith("\tactive") and "password" not in listing
    assert "scrypt" not in listing
    status, out, _ = central(api, capsys, "staff", "disable", username)
    assert status == 0 and "disabled" in out
    assert api.client.get("/v1/staff/orders", headers=headers).status_code == 401
    _, listing, _ = central(api, capsys, "staff", "list")
    assert "\tdisabled " in [r for r in listing.splitlines()
                             if r.startswith(username.lower() + "\t")][0]


def test_staff_add_asks_twice_and_refuses_what_it_should(api, capsys, monkeypatch):
    answers = iter(["first password!", "second password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    status, _, err = central(api, capsys, "staff", "add", f"u-{uuid.uuid4().hex[:8]}")
    assert status == 1 and "the two passwords differ" in err
    status, _, err = central(api, capsys, "staff", "add", f"u-{uuid.uuid4().hex[:8]}",
                             "--password-stdin", stdin="short\n", monkeypatch=monkeypatch)
    assert status == 1 and "at least 10 characters" in err
    status, _, err = central(api, capsys, "staff", "add", "no spaces allowed",
                             "--password-stdin", stdin="long enough password\n",
                             monkeypatch=monkeypatch)
    assert status == 1 and "username" in err
    taken = f"u-{uuid.uuid4().hex[:8]}"
    for expected in (0, 1):
        status, _, err = central(api, capsys, "staff", "add", taken, "--password-stdin",
                                 stdin="long enough password\n", monkeypatch=monkeypatch)
        assert status == expected
    assert "already" in err
    status, _, err = central(api, capsys, "staff", "disable", "nobody-at-all")
    assert status == 1 and "no staff account" in err


def test_orders_list_filters_by_status_and_store(api, capsys):
    first, second = placed(api), placed(api)
    central(api, capsys, "orders", "set-status", first["reference"], "cancelled")
    _, everything, _ = central(api, capsys, "orders", "list")
    assert first["reference"] in everything and second["reference"] in everything
    _, cancelled, _ = central(api, capsys, "orders", "list", "--status", "cancelled")
    assert first["reference"] in cancelled and second["reference"] not in cancelled
    _, elsewhere, _ = central(api, capsys, "orders", "list", "--store", "lille-neuve")
    assert first["reference"] not in elsewhere


def test_orders_show_has_everything_staff_need(api, capsys):
    sku = own_product(api, 2500, {"paris-rivoli": 1})
    body = with_lines(order(), line(sku, 2500, quantity=3))
    post_order(api, api.terminal(), body)
    status, out, _ = central(api, capsys, "orders", "show", body["reference"].lower())
    assert status == 0
    assert f"order {body['reference']}" in out
    assert "Jeanne Dupont-Lefèvre, jeanne@example.fr, +33612345678" in out
    assert "12 rue des Lilas, 69003 Lyon FR" in out
    assert f"3 x {sku} Test jacket (M / Blue) at 2500 cents (server price 2500, " \
           "chain stock 1)" in out
    assert "STOCK SHORTFALL" in out
    assert "received  by terminal test-" in out
    assert "(next: awaiting_payment, cancelled, paid)" in out


def test_orders_show_of_an_unknown_or_refused_order(api, capsys):
    status, _, err = central(api, capsys, "orders", "show", "NO-SUCH-REF")
    assert status == 1 and "no order 'NO-SUCH-REF'" in err
    body = with_lines(order(), line("GONE-" + uuid.uuid4().hex[:6], 500))
    post_order(api, api.terminal(), body)
    status, _, err = central(api, capsys, "orders", "show", body["reference"])
    assert status == 1 and "item_withdrawn" in err


def test_orders_set_status_follows_the_lifecycle_and_records_who(api, capsys):
    body = placed(api)
    reference = body["reference"]
    status, out, _ = central(api, capsys, "orders", "set-status", reference, "paid",
                             "--note", "paid at the till")
    assert status == 0 and out.strip() == f"order {reference} is now paid"
    status, _, err = central(api, capsys, "orders", "set-status", reference, "delivered")
    assert status == 1 and "cannot become delivered" in err and "shipped" in err
    status, _, err = central(api, capsys, "orders", "set-status", "NO-SUCH-REF", "paid")
    assert status == 1 and "no order" in err
    _, shown, _ = central(api, capsys, "orders", "show", reference)
    assert "paid  by cli " in shown and "paid at the till" in shown


def test_orders_set_status_refuses_an_unknown_status(api, capsys):
    with pytest.raises(SystemExit):
        main(["--database-url", api.db.url, "orders", "set-status", "R-1", "lost"])
    assert "invalid choice" in capsys.readouterr().err


# Each would act on the operator's terminal if printed raw: set its title, ring, clear the
# screen (ESC and its one-byte C1 form, CSI), start a new line that looks like the
# program's own, or reverse the text after it.
HOSTILE = "\x1b]0;pwned\x07 \x1b[2J \x9b31m \nstatus      paid \u202egnp.exe \r\x08"
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def test_customer_text_cannot_drive_the_operators_terminal(api, capsys):
    sku = own_product(api, 2500, {"paris-rivoli": 1})
    body = with_lines(order(), line(sku, 2500) | {"name": "Jacket" + HOSTILE,
                                                  "color": HOSTILE})
    body["customer"] |= {"first_name": "Jeanne" + HOSTILE, "instructions": HOSTILE}
    body["customer"]["address"] |= {"line1": HOSTILE, "line2": HOSTILE, "city": HOSTILE}
    answer, _ = post_order(api, api.terminal(), body)
    assert answer.status_code == 201
    central(api, capsys, "orders", "set-status", body["reference"], "paid", "--note", HOSTILE)
    status, out, err = central(api, capsys, "orders", "show", body["reference"])
    assert status == 0 and not err
    assert not CONTROLS.search(out)
    lines = out.splitlines()
    assert len(lines) == len(out.split("\n")) - 1       # a newline ends each line, no more
    assert not any(row.startswith("status      paid \\u202e") for row in lines)
    escaped = "\\x1b]0;pwned\\x07 \\x1b[2J \\x9b31m \\x0astatus      paid \\u202egnp.exe " \
              "\\x0d\\x08"
    assert f"customer    Jeanne{escaped} Dupont-Lefèvre" in out
    assert out.count(escaped) == 8        # name, address x3, instructions, line x2, note


def test_refusals_and_terminal_names_are_escaped_too(api, capsys):
    with api.db.writing() as session:
        add_terminal(session, "paris-rivoli", "till\x1b[2J")
    _, listing, _ = central(api, capsys, "terminals", "list")
    assert "till\\x1b[2J" in listing and not CONTROLS.search(listing)
    body = with_lines(order(), line("GONE\x1b[2J" + uuid.uuid4().hex[:6], 500))
    post_order(api, api.terminal(), body)
    status, _, err = central(api, capsys, "orders", "show", body["reference"])
    assert status == 1 and "GONE\\x1b[2J" in err and not CONTROLS.search(err)
