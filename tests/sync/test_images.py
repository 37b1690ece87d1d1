"""Images down: a cut answer never becomes an image file, and an empty file is fetched again."""

from __future__ import annotations

import io

import pytest
import requests
from support.faulty_proxy import Fault, FaultyProxy

from kiosk.core.db.cache import open_cache
from kiosk.core.sync.client import CentralClient, Verdict
from kiosk.core.sync.images import fetch_images, missing_images

IMAGE = "m/j/mj01-red_main.jpg"
STATUS_LINE = len(b"HTTP/1.1 200 OK\r\n")


@pytest.fixture
def token(central, tmp_path):
    return central.add_terminal(f"img-{tmp_path.name}"[:60]).read_text().strip()


@pytest.fixture
def proxy(central):
    proxy = FaultyProxy(central.port)
    yield proxy
    proxy.close()


@pytest.mark.parametrize("keep_bytes", [STATUS_LINE, 300], ids=["status-line", "mid-body"])
def test_an_image_answer_cut_short_is_a_network_fault_and_writes_nothing(
        proxy, token, tmp_path, luma_dir, keep_bytes):
    assert (luma_dir / "images" / IMAGE).stat().st_size > 300
    client = CentralClient(proxy.url, token)
    proxy.set(Fault.TRUNCATE, keep_bytes=keep_bytes)
    answer = client.image(IMAGE)
    assert answer.verdict is Verdict.UNREACHABLE
    images_dir = tmp_path / "images"
    assert fetch_images([IMAGE], client, images_dir, unavailable=set()) == 0
    assert not (images_dir / IMAGE).exists()
    proxy.set(Fault.NONE)
    assert fetch_images([IMAGE], client, images_dir, unavailable=set()) == 1
    assert (images_dir / IMAGE).read_bytes() == (luma_dir / "images" / IMAGE).read_bytes()
    client.close()


def test_an_empty_image_file_counts_as_missing(tmp_path):
    conn = open_cache(tmp_path).conn
    conn.execute("INSERT INTO products (sku, name, price_cents, image) VALUES (?, ?, ?, ?)",
                 ("P", "Pullover", 1000, IMAGE))
    images_dir = tmp_path / "images"
    assert missing_images(conn, images_dir) == [IMAGE]
    (images_dir / IMAGE).parent.mkdir(parents=True)
    (images_dir / IMAGE).write_bytes(b"")
    assert missing_images(conn, images_dir) == [IMAGE]
    (images_dir / IMAGE).write_bytes(b"\xff\xd8 a picture")
    assert missing_images(conn, images_dir) == []
    conn.close()


class ShortBody(requests.adapters.BaseAdapter):
    """An answer that announces more bytes than it brings, and no error: what urllib3
    gives when it does not enforce Content-Length (as 1.x did by default)."""

    def send(self, request, **kwargs):
        response = requests.Response()
        response.status_code, response.url, response.request = 200, request.url, request
        response.headers["Content-Length"] = "1000"
        response.raw = io.BytesIO(b'{"first": "bytes"}')   # even a readable beginning
        return response

    def close(self):
        pass


def test_a_2xx_answer_shorter_than_announced_is_a_network_fault():
    session = requests.Session()
    session.mount("http://", ShortBody())
    client = CentralClient("http://central.invalid", "token", session=session)
    assert client.image(IMAGE).verdict is Verdict.UNREACHABLE
    assert client.heartbeat({}).verdict is Verdict.UNREACHABLE


def test_images_are_fetched_several_at_a_time_each_whole_and_a_missing_one_noted(
        central, token, tmp_path, luma_dir):
    from kiosk.core.sync.images import IMAGES_AT_ONCE
    names = sorted(str(p.relative_to(luma_dir / "images"))
                   for p in (luma_dir / "images").rglob("*.jpg"))[:3 * IMAGES_AT_ONCE]
    client = CentralClient(central.url, token)
    images_dir, unavailable = tmp_path / "images", set()
    assert fetch_images([*names, "m/x/not-there.jpg"], client, images_dir,
                        unavailable) == len(names)
    for name in names:
        assert (images_dir / name).read_bytes() == (luma_dir / "images" / name).read_bytes()
    assert unavailable == {"m/x/not-there.jpg"}
    assert not list(images_dir.rglob("*.part"))
    client.close()


def test_a_refused_connection_ends_the_round_and_writes_nothing(proxy, token, tmp_path,
                                                                luma_dir):
    names = sorted(str(p.relative_to(luma_dir / "images"))
                   for p in (luma_dir / "images").rglob("*.jpg"))[:20]
    client = CentralClient(proxy.url, token)
    proxy.set(Fault.REFUSE)
    images_dir = tmp_path / "images"
    assert fetch_images(names, client, images_dir, unavailable=set()) == 0
    assert not images_dir.exists() or not list(images_dir.rglob("*"))
    # Stopped at the first fault: not every image was asked for.
    assert proxy.connections < len(names)
    client.close()
