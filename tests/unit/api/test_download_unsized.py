"""Bodies without a Content-Length (HTTP/1.0 style, ended by closing the connection) from a
hostile local server that closes early: a file cut short is never given its final name; it
stays a ``.part`` until its format (TIFF, ZIP, TAR/TGZ) or the server's Range answer proves
it whole, and then resumes from where it stopped."""

from __future__ import annotations

import gzip
import io
import random
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.unit.api.stub_server import StubServer, json_answer
from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, RetryPolicy, Up42Client
from up42_qgis.api.download import DownloadEngine
from up42_qgis.api.errors import DownloadError
from up42_qgis.api.models import Asset

NOISE = random.Random(7).randbytes(300_000)


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("output/IMG.tif", NOISE)
        archive.writestr("output/metadata.json", b"{}")
    return buffer.getvalue()


def tgz_bytes() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("output/IMG.tif")
        info.size = len(NOISE)
        archive.addfile(info, io.BytesIO(NOISE))
    return buffer.getvalue()


class HostileServer:
    """Serves ``body`` without Content-Length, closing the connection after ``cut`` bytes
    on each of the first ``cuts`` answers. With ``ranges`` it answers ``Range`` properly
    (206 with the total in Content-Range), else it ignores it (200, cut again)."""

    def __init__(self, body: bytes, cut: int, cuts: int = 1, ranges: bool = True) -> None:
        self.body, self.cut, self.cuts, self.ranges = body, cut, cuts, ranges
        self.requests: list[str | None] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # a body that ends when the connection closes

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                range_header = self.headers.get("Range")
                server.requests.append(range_header)
                data = server.body
                if range_header and server.ranges:
                    first, _, last = range_header.removeprefix("bytes=").partition("-")
                    start = int(first)
                    end = min(len(data), int(last) + 1) if last else len(data)
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{end - 1}/{len(data)}")
                    self.send_header("Content-Length", str(end - start))
                    self.end_headers()
                    self.wfile.write(data[start:end])
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.end_headers()
                if server.cuts > 0:
                    server.cuts -= 1
                    data = data[: server.cut]
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/object"
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hostile() -> Iterator[list[HostileServer]]:
    servers: list[HostileServer] = []
    yield servers
    for server in servers:
        server.close()


def client_for(url: str) -> tuple[Up42Client, StubServer]:
    stub = StubServer()
    stub.script("/v2/assets/a1/download-url", json_answer(200, {"url": url}))
    client = Up42Client(
        Endpoints.custom(stub.url),
        Credentials("user@example.com", "stub-password"),
        NetworkOptions(timeout=5, download_read_timeout=5),
        RetryPolicy(backoff=(0, 0.01), sleep=lambda _seconds: None),
    )
    return client, stub


def download(server: HostileServer, folder: Path, key: str) -> Path:
    client, stub = client_for(server.url)
    try:
        return DownloadEngine(client).download_asset(
            Asset(key, f"{client.endpoints.api}/v2/assets/a1"), folder
        )
    finally:
        client.close()
        stub.close()


@pytest.mark.parametrize(("key", "make"), [("delivery.zip", zip_bytes),
                                           ("delivery.tgz", tgz_bytes)])
def test_a_body_cut_short_without_a_size_is_resumed_until_whole(hostile, tmp_path, key, make):
    body = make()
    server = HostileServer(body, cut=100_000)
    hostile.append(server)
    path = download(server, tmp_path, key)
    assert path.name == key
    assert path.read_bytes() == body
    assert server.requests[0] is None
    assert any(r == "bytes=100000-" for r in server.requests), server.requests


@pytest.mark.parametrize(("key", "make"), [("delivery.zip", zip_bytes),
                                           ("delivery.tgz", tgz_bytes)])
def test_a_body_that_is_always_cut_never_gets_its_final_name(hostile, tmp_path, key, make):
    server = HostileServer(make(), cut=100_000, cuts=100, ranges=False)
    hostile.append(server)
    with pytest.raises(DownloadError, match="cannot be checked"):
        download(server, tmp_path, key)
    assert not (tmp_path / key).exists()
    assert (tmp_path / f"{key}.part").stat().st_size == 100_000


def test_a_whole_body_without_a_size_is_accepted_by_its_format(hostile, tmp_path):
    body = zip_bytes()
    server = HostileServer(body, cut=len(body), cuts=0, ranges=False)
    hostile.append(server)
    assert download(server, tmp_path, "delivery.zip").read_bytes() == body
    # The server told no size (it ignores Range): the ZIP's own directory proved it whole.
    assert server.requests == [None, f"bytes={len(body) - 1}-{len(body) - 1}"]


def test_an_unknown_format_without_a_size_asks_the_server_for_its_size(hostile, tmp_path):
    server = HostileServer(NOISE, cut=len(NOISE), cuts=0)
    hostile.append(server)
    assert download(server, tmp_path, "blob.bin").read_bytes() == NOISE
    assert server.requests == [None, f"bytes={len(NOISE) - 1}-{len(NOISE) - 1}"]


def test_format_checks_on_real_geotiffs(sandbox, up42, tmp_path):
    """The TIFF check (no GDAL: header, directories, strips and tiles within the file) on
    the sandbox's real COGs, whole and cut anywhere in their image data."""
    from tests.unit.api.conftest import fulfilled_order
    from up42_qgis.api.file_checks import check_complete, tiff_complete

    order = fulfilled_order(up42)
    (tif,) = [a for a in up42.delivery(order.id).assets if a.key == "ms.tif"][:1]
    data = sandbox.asset_bytes(tif.asset_id)
    whole = tmp_path / "whole.tif"
    whole.write_bytes(data)
    assert tiff_complete(whole)
    assert check_complete(whole) is True
    cut = tmp_path / "cut.tif"
    # GDAL ends a COG's last tile with a 4-byte trailer no directory points at: a cut
    # inside it is the one the format cannot see (the server's size still can).
    for size in (8, 200, len(data) // 2, len(data) - 5):
        cut.write_bytes(data[:size])
        assert check_complete(cut) is False, size
    gz = tmp_path / "x.gz"
    gz.write_bytes(gzip.compress(data)[:-8])
    assert check_complete(gz) is False
