"""NetworkOptions.proxy_for decides per URL: through a real (tiny, stdlib) forward proxy, or
direct even when the environment names a proxy. The QGIS bridge builds proxy_for from
QGIS's settings; here it is a plain function."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.unit.api.conftest import BERLIN
from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, RetryPolicy, Up42Client
from up42_qgis.api.models import SearchRequest


class ForwardProxy:
    """Forwards absolute-URI HTTP requests and remembers what went through it."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _forward(self) -> None:
                target = urlsplit(self.path)
                proxy.seen.append(f"{self.command} {target.path}")
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in ("proxy-connection", "connection")
                }
                upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                path = target.path + (f"?{target.query}" if target.query else "")
                upstream.request(self.command, path, body=body or None, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_POST = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy() -> Iterator[ForwardProxy]:
    server = ForwardProxy()
    yield server
    server.close()


def client_with(sandbox, proxy_for) -> Up42Client:
    return Up42Client(
        Endpoints.custom(sandbox.url),
        Credentials(sandbox.username, sandbox.password),
        NetworkOptions(proxy_for=proxy_for),
        RetryPolicy(backoff=(0.0,), sleep=lambda s: None),
    )


def test_requests_go_through_the_proxy_proxy_for_names(sandbox, proxy):
    asked: list[str] = []

    def through_proxy(url: str) -> dict[str, str]:
        asked.append(url)
        return {"http": proxy.url, "https": proxy.url}

    with client_with(sandbox, through_proxy) as client:
        page = client.search_page(SearchRequest(aoi=BERLIN, page_size=2))
    assert len(page.scenes) == 2
    assert proxy.seen == [
        "POST /realms/public/protocol/openid-connect/token",
        "GET /v2/catalog/",  # the landing page's conformance, read once per client
        "POST /v2/catalog/search",
    ]
    assert asked == [
        f"{sandbox.url}/realms/public/protocol/openid-connect/token",
        f"{sandbox.url}/v2/catalog/",
        f"{sandbox.url}/v2/catalog/search",
    ]


def test_an_excluded_url_goes_direct_even_with_a_proxy_in_the_environment(
    sandbox, proxy, monkeypatch
):
    dead = "http://127.0.0.1:9"  # nothing listens: using it would fail the call
    monkeypatch.setenv("HTTP_PROXY", dead)
    monkeypatch.setenv("http_proxy", dead)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)

    def catalog_direct(url: str) -> dict[str, str]:
        return {} if "/v2/catalog/" in url else {"http": proxy.url}

    with client_with(sandbox, catalog_direct) as client:
        page = client.search_page(SearchRequest(aoi=BERLIN, page_size=2))
    assert len(page.scenes) == 2
    assert proxy.seen == ["POST /realms/public/protocol/openid-connect/token"]
    assert [e["path"] for e in sandbox.request_log()][-1] == "/v2/catalog/search"
