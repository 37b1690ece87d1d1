import sqlite3

from kiosk.cli import main
from kiosk_demo.cli import main as demo_main

CONFIG = """\
[terminal]
store_id = "lille-neuve"
terminal_id = "lille-01"
[paths]
data_dir = "data"
log_dir = "logs"
"""


def test_import_magento_reports_bad_rows_and_imports_the_rest(tmp_path, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text(CONFIG)
    csv = tmp_path / "products.csv"
    csv.write_text(
        "sku,product_type,name,price,categories,visibility\n"
        "T1,simple,Trail Tee,19.90,Default Category/Men/Tees,\"Catalog, Search\"\n"
        "T2,simple,Broken Tee,abc,,\"Catalog, Search\"\n")

    assert demo_main(["import-magento", str(csv), "--config", str(config)]) == 0

    out, err = capsys.readouterr()
    assert "products.csv: row 2 (line 3): price 'abc' is not a number" in err
    assert "1 products" in out and "1 rows skipped" in out
    conn = sqlite3.connect(tmp_path / "data" / "cache.db")
    assert conn.execute("SELECT sku, price_cents FROM products").fetchall() == [("T1", 1990)]


def test_commands_refuse_a_bad_config_with_status_2_and_no_traceback(tmp_path, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text(CONFIG.replace("\"lille-01\"", "42"))
    assert main(["run", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert f"{config}:3: terminal.terminal_id: expected a string" in err
    assert "Traceback" not in err
