"""A terminal config file for tests of config sections: the least a file must hold."""

from pathlib import Path

MINIMAL = """\
[terminal]
store_id = "lyon-republique"
terminal_id = "lyon-02"

[paths]
data_dir = "data"
log_dir = "logs"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path
