"""How the download engine reads a body, over real HTTP to a local file server whose answers
the sandbox does not give: a reset or a stall mid-body (resumed with Range), chunked transfer,
a gzip-encoded body (decoded, never written as received), connection reuse, and progress."""

from __future__ import annotations

import gzip
import random
import socket
import struct
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.unit.api.stub_server import StubServer, json_answer
from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, RetryPolicy, Up42Client
from up42_qgis.api.download import DownloadEngine
from up42_qgis.api.download_stream import READ_SIZE
from up42_qgis.api.models import Asset

DATA = random.Random(42).randbytes(3 * READ_SIZE) + bytes(2 * READ_SIZE) + b"tail"
CUT = 2 * READ_SIZE + 1000  # mid-body, after two whole reads of the engine
READ_TIMEOUT_S = 0.5


class FileServer:
    """Serves ``DATA`` at /file.tif, honouring ``Range: bytes=N-``. Each request takes the
    next of ``faults``: None (a plain answer), "reset" or "stall" (after CUT bytes),
    "chunked" (chunked transfer) or "gzip" (gzip-encoded, chunked)."""

    def __init__(self) -> None:
        self.faults: list[str | None] = []
        self.requests: list[tuple[str | None, int]] = []  # (Range header, client port)
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                range_header = self.headers.get("Range")
                server.requests.append((range_header, self.client_address[1]))
                fault = server.faults.pop(0) if server.faults else None
                start = int(range_header.split("=")[1].rstrip("-")) if range_header else 0
                if fault in ("chunked", "gzip"):
                    self._chunked(gzip.compress(DATA) if fault == "gzip" else DATA, fault)
                    return
                self.send_response(206 if start else 200)
                self.send_header("Content-Length", str(len(DATA) - start))
                if start:
                    self.send_header("Content-Range", f"bytes {start}-{len(DATA) - 1}/{len(DATA)}")
                self.end_headers()
                if fault is None:
                    self.wfile.write(DATA[start:])
                    return
                self.wfile.write(DATA[start : start + CUT])
                self.close_connection = True
                if fault == "stall":
                    server.release.wait(10)
                    return
                # Let the client read what was sent, then reset: an error, not an early EOF.
                server.release.wait(0.3)
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()

            def _chunked(self, body: bytes, fault: str) -> None:
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                if fault == "gzip":
                    self.send_header("Content-Encoding", "gzip")
                self.end_headers()
                for at in range(0, len(body), 100_000):
                    piece = body[at : at + 100_000]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                self.wfile.write(b"0\r\n\r\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/file.tif"
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def files() -> Iterator[FileServer]:
    server = FileServer()
    yield server
    server.close()


@pytest.fixture
def client(files: FileServer) -> Iterator[Up42Client]:
    """A client whose signed URLs (from a scripted API) all point at the file server."""
    stub = StubServer()
    stub.script("/v2/assets/a1/download-url", json_answer(200, {"url": files.url}))
    with Up42Client(
        Endpoints.custom(stub.url),
        Credentials("user@example.com", "stub-password"),
        NetworkOptions(timeout=5, download_read_timeout=READ_TIMEOUT_S),
        RetryPolicy(backoff=(0, 0.01), sleep=lambda _seconds: None),
    ) as up42:
        yield up42
    stub.close()


def asset(up42: Up42Client) -> Asset:
    return Asset("file.tif", f"{up42.endpoints.api}/v2/assets/a1")


@pytest.mark.parametrize("fault", ["reset", "stall"])
def test_a_body_that_breaks_off_resumes_from_the_bytes_on_disk(
    files: FileServer, client: Up42Client, tmp_path: Path, fault: str
) -> None:
    files.faults = [fault]
    path = DownloadEngine(client).download_asset(asset(client), tmp_path)
    assert path.read_bytes() == DATA
    (first, _), (resumed, _) = files.requests
    assert first is None
    # Whole reads were on disk; the resume asks for the rest of them, never for byte 0.
    assert resumed is not None
    offset = int(resumed.removeprefix("bytes=").removesuffix("-"))
    assert 0 < offset <= CUT
    assert offset % READ_SIZE == 0


@pytest.mark.parametrize("fault", ["chunked", "gzip"])
def test_a_chunked_or_gzip_encoded_body_arrives_as_the_plain_file(
    files: FileServer, client: Up42Client, tmp_path: Path, fault: str
) -> None:
    files.faults = [fault]
    seen: list[tuple[int, int | None]] = []
    path = DownloadEngine(client).download_asset(
        asset(client), tmp_path, progress=lambda done, total: seen.append((done, total))
    )
    assert path.read_bytes() == DATA
    assert seen[-1] == (len(DATA), None)  # no Content-Length: the total is unknown


def test_progress_comes_per_chunk_and_the_connection_is_reused(
    files: FileServer, client: Up42Client, tmp_path: Path
) -> None:
    seen: list[int] = []
    engine = DownloadEngine(client, chunk_size=2 * READ_SIZE)
    first = engine.download_asset(
        asset(client), tmp_path / "a", progress=lambda done, _total: seen.append(done)
    )
    second = engine.download_asset(asset(client), tmp_path / "b")
    assert first.read_bytes() == second.read_bytes() == DATA
    assert seen == [0, 2 * READ_SIZE, 4 * READ_SIZE, len(DATA)]
    (_, port_a), (_, port_b) = files.requests
    assert port_a == port_b  # the finished body handed its connection back to the pool
