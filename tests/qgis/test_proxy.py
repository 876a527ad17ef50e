"""A search through a real local HTTP proxy set in QGIS's network settings.

The proxy is a small threaded forwarding proxy (stdlib) that demands proxy credentials and
records every request it forwards, with its headers: that is how the tests see the traffic went
through it, with the plugin's User-Agent, and that an excluded URL bypassed it.
"""

from __future__ import annotations

import base64
import http.client
import http.server
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from qgis.core import QgsNetworkAccessManager, QgsSettings

from up42_qgis.api.errors import Up42Error
from up42_qgis.api.models import SearchRequest
from up42_qgis.bridge.clients import ClientProvider
from up42_qgis.bridge.network import user_agent
from up42_qgis.tasks.base import TaskRunner, Up42Task

PROXY_USER = "proxy user"
PROXY_PASSWORD = "pr0xy:p@ss/word"
HOP_BY_HOP = {"connection", "proxy-authorization", "proxy-connection", "keep-alive"}
BERLIN = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.4], [13.5, 52.4], [13.5, 52.6], [13.3, 52.6], [13.3, 52.4]]],
}


@dataclass
class Forwarded:
    method: str
    url: str
    headers: dict[str, str]


class ForwardingProxy(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, username: str, password: str) -> None:
        super().__init__(("127.0.0.1", 0), ProxyHandler)
        token = base64.b64encode(f"{username}:{password}".encode()).decode()
        self.expected_authorization = f"Basic {token}"
        self.forwarded: list[Forwarded] = []
        self.refused = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ForwardingProxy

    def _forward(self) -> None:
        if self.headers.get("Proxy-Authorization") != self.server.expected_authorization:
            with self.server.lock:
                self.server.refused += 1
            self._reply(407, {"Proxy-Authenticate": 'Basic realm="test"'}, b"proxy auth")
            return
        target = urlsplit(self.path)  # a forward proxy gets the absolute URL
        if target.scheme != "http" or not target.hostname:
            self._reply(400, {}, b"absolute http URL expected")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        with self.server.lock:
            self.server.forwarded.append(Forwarded(self.command, self.path, headers))
        path = target.path + (f"?{target.query}" if target.query else "")
        upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
        try:
            upstream.request(self.command, path or "/", body=body, headers=headers)
            response = upstream.getresponse()
            payload = response.read()
            passed = {
                k: v
                for k, v in response.getheaders()
                if k.lower() not in HOP_BY_HOP | {"transfer-encoding", "content-length"}
            }
            self._reply(response.status, passed, payload)
        finally:
            upstream.close()

    def _reply(self, status: int, headers: dict[str, str], payload: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _forward

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def proxy():
    server = ForwardingProxy(PROXY_USER, PROXY_PASSWORD)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def qgis_uses_proxy(proxy, qgis_app):
    """Point QGIS's network settings at the proxy (Options > Network), restored afterwards."""
    settings = QgsSettings()

    def configure(password: str = PROXY_PASSWORD, excluded: list[str] | None = None) -> None:
        settings.remove("proxy")
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyType", "HttpProxy")
        settings.setValue("proxy/proxyHost", "127.0.0.1")
        settings.setValue("proxy/proxyPort", str(proxy.server_address[1]))
        settings.setValue("proxy/proxyUser", PROXY_USER)
        settings.setValue("proxy/proxyPassword", password)
        settings.setValue("proxy/proxyExcludedUrls", excluded or [])
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()

    yield configure
    settings.remove("proxy")
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def search_berlin(provider: ClientProvider):
    client = provider.client()
    collections = [c.name for c in client.collections() if c.searchable][:3]
    return client.search_page(SearchRequest(aoi=BERLIN, collections=tuple(collections)))


def test_search_goes_through_the_qgis_proxy(
    sandbox_account, proxy, qgis_uses_proxy, envless_provider
):
    qgis_uses_proxy()

    page = search_berlin(envless_provider)

    assert page.scenes, "the sandbox has scenes over Berlin"
    routed = [(f.method, urlsplit(f.url).path) for f in proxy.forwarded]
    assert ("POST", "/realms/public/protocol/openid-connect/token") in routed
    assert ("GET", "/v2/collections") in routed
    assert ("POST", "/v2/catalog/search") in routed
    assert all(f.url.startswith(sandbox_account.url) for f in proxy.forwarded)
    # Everything the sandbox served came through the proxy.
    assert len(sandbox_account.request_log()) == len(proxy.forwarded)


def test_the_user_agent_reaches_the_server(
    sandbox_account, proxy, qgis_uses_proxy, envless_provider
):
    qgis_uses_proxy()

    search_berlin(envless_provider)

    agents = {f.headers.get("User-Agent") for f in proxy.forwarded}
    assert agents == {user_agent()}
    assert user_agent().startswith("up42-qgis/")


def test_an_excluded_url_bypasses_the_proxy(
    sandbox_account, proxy, qgis_uses_proxy, envless_provider
):
    qgis_uses_proxy(excluded=[sandbox_account.url])

    page = search_berlin(envless_provider)

    assert page.scenes
    assert proxy.forwarded == []
    assert proxy.refused == 0
    search_paths = [e["path"] for e in sandbox_account.request_log()]
    assert "/v2/catalog/search" in search_paths


def test_wrong_proxy_credentials_fail_clearly_without_the_password(
    sandbox_account, proxy, qgis_uses_proxy, envless_provider
):
    qgis_uses_proxy(password="not-the-proxy-password")

    with pytest.raises(Up42Error) as caught:
        search_berlin(envless_provider)

    assert proxy.refused >= 1
    assert proxy.forwarded == []
    assert "not-the-proxy-password" not in str(caught.value)
    assert sandbox_account.password not in str(caught.value)


class SearchOnWorker(Up42Task):
    """What Processing and the dock's tasks do: get the client on a worker thread."""

    def __init__(self, envless_provider: ClientProvider) -> None:
        super().__init__("search on a worker thread")
        self.envless_provider = envless_provider

    def work(self):
        return search_berlin(self.envless_provider)


def test_a_proxy_set_later_reaches_worker_threads(
    sandbox_account, proxy, qgis_uses_proxy, envless_provider, qtbot
):
    box: dict = {}
    runner = TaskRunner()
    runner.start(SearchOnWorker(envless_provider), lambda task: box.setdefault("direct", task))
    qtbot.waitUntil(lambda: "direct" in box, timeout=30_000)
    assert box["direct"].error is None
    assert proxy.forwarded == []

    # The user now sets a proxy in Options > Network; pooled worker threads must follow.
    qgis_uses_proxy()
    runner.start(SearchOnWorker(envless_provider), lambda task: box.setdefault("proxied", task))
    qtbot.waitUntil(lambda: "proxied" in box, timeout=30_000)

    assert box["proxied"].error is None, box["proxied"].error
    assert ("POST", "/v2/catalog/search") in [
        (f.method, urlsplit(f.url).path) for f in proxy.forwarded
    ]
