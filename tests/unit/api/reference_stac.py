"""A STAC API server nobody here wrote, for issue 15.11: ``rustac serve`` (stac-utils' Rust
STAC server, its in-memory backend, pinned in the test requirements), started on 127.0.0.1
with a small catalog the test writes, behind a thin proxy that only maps UP42's path prefix
``/v2/catalog/`` onto the server's root and records what the plugin sent."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PREFIX = "/v2/catalog"
OPTICAL = ("optical-a", "optical-b")
RADAR = "radar"


def rustac_executable() -> str | None:
    beside = Path(sys.executable).parent / "rustac"
    return str(beside) if beside.exists() else shutil.which("rustac")


def _box(west: float, south: float, size: float) -> dict[str, Any]:
    east, north = west + size, south + size
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def catalog_items() -> list[dict[str, Any]]:
    """47 items in three collections, deterministic: footprints over Berlin (some far off,
    over Paris), distinct acquisition times, cloud cover on the optical ones only."""
    items = []
    start = dt.datetime(2023, 1, 1, 10, 30, tzinfo=dt.UTC)
    counts = {"optical-a": 20, "optical-b": 15, RADAR: 12}
    serial = 0
    for collection, count in counts.items():
        for index in range(count):
            serial += 1
            far = index % 5 == 4  # every fifth over Paris
            west = 2.2 if far else 13.0 + (serial * 0.037) % 0.6
            south = 48.7 if far else 52.3 + (serial * 0.053) % 0.3
            geometry = _box(west, south, 0.12)
            ring = geometry["coordinates"][0]
            when = start + dt.timedelta(days=serial * 11, hours=serial % 7)
            properties: dict[str, Any] = {
                "datetime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "gsd": 1.0 if collection == RADAR else 0.5 + (serial % 3) * 0.5,
            }
            if collection != RADAR:
                properties["eo:cloud_cover"] = float((serial * 37) % 100)
            items.append(
                {
                    "type": "Feature",
                    "stac_version": "1.0.0",
                    "stac_extensions": [],
                    "id": f"{collection}-{index:02d}",
                    "collection": collection,
                    "bbox": [ring[0][0], ring[0][1], ring[2][0], ring[2][1]],
                    "geometry": geometry,
                    "properties": properties,
                    "links": [],
                    "assets": {},
                }
            )
    return items


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrefixProxy:
    """``{proxy}/v2/catalog/<path>`` → ``{server}/<path>`` (other paths as they are); records
    each request: (method, path, JSON body or None, whether a bearer token came)."""

    def __init__(self, backend_port: int) -> None:
        self.requests: list[tuple[str, str, Any, bool]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path
                if path.startswith(PREFIX):
                    path = path[len(PREFIX) :] or "/"
                authorised = (self.headers.get("Authorization") or "").startswith("Bearer ")
                proxy.requests.append(
                    (self.command, path, json.loads(body) if body else None, authorised)
                )
                connection = http.client.HTTPConnection("127.0.0.1", backend_port, timeout=30)
                headers = {"Content-Type": "application/json"} if body else {}
                connection.request(self.command, path, body or None, headers)  # no token
                answer = connection.getresponse()
                data = answer.read()
                connection.close()
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.getheader("Content-Type") or "")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class ReferenceServer:
    """``rustac serve`` on a free port with ``catalog_items()`` and the proxy in front."""

    def __init__(self, folder: Path, executable: str) -> None:
        self.items = catalog_items()
        path = folder / "items.json"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": self.items}))
        self.port = free_port()
        self.proxy = PrefixProxy(self.port)
        started = time.monotonic()
        self.process = subprocess.Popen(
            [
                executable,
                "serve",
                "--create-collections",
                "--addr",
                f"{self.proxy.url}{PREFIX}",
                "--bind",
                f"127.0.0.1:{self.port}",
                str(path),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up(started)
        self.startup_seconds = time.monotonic() - started

    def _wait_until_up(self, started: float) -> None:
        while time.monotonic() - started < 30:
            if self.process.poll() is not None:
                output = (
                    self.process.stdout.read().decode(errors="replace")
                    if self.process.stdout
                    else ""
                )
                raise RuntimeError(f"rustac serve exited: {output[-500:]}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.05)
        self.close()
        raise RuntimeError("rustac serve did not answer within 30 s")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        if self.process.stdout:
            self.process.stdout.close()
        self.proxy.close()
