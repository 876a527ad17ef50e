"""network_options(): QGIS's proxy, CAs, timeout and the User-Agent as plain data for requests."""

from __future__ import annotations

import http.server
import re
import ssl
import subprocess
import threading
from pathlib import Path

import pytest
import requests
from qgis.core import (
    Qgis,
    QgsAuthMethodConfig,
    QgsNetworkAccessManager,
    QgsSettings,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkProxy, QNetworkProxyQuery, QSslCertificate

from up42_qgis.__about__ import __version__
from up42_qgis.api.errors import NetworkError
from up42_qgis.bridge import network
from up42_qgis.bridge.network import network_options, proxy_rules, write_ca_bundle

API = "https://api.up42.com/v2/orders"


@pytest.fixture
def qgis_proxy(qgis_app):
    """Set QGIS's proxy settings like the Options dialog does; restored afterwards."""
    settings = QgsSettings()

    def configure(**values):
        settings.remove("proxy")
        for key, value in values.items():
            settings.setValue(f"proxy/{key}", value)
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()

    yield configure
    settings.remove("proxy")
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_no_proxy_configured_means_direct(qgis_proxy):
    qgis_proxy(proxyEnabled=False, proxyType="HttpProxy", proxyHost="10.0.0.1", proxyPort=3128)

    assert network_options().proxy_for(API) == {}


def test_http_proxy_with_quoted_credentials(qgis_proxy):
    qgis_proxy(
        proxyEnabled=True,
        proxyType="HttpProxy",
        proxyHost="10.0.0.1",
        proxyPort="3128",
        proxyUser="dom\\us@er",
        proxyPassword="p:a/s s",
    )

    proxies = network_options().proxy_for(API)

    expected = "http://dom%5Cus%40er:p%3Aa%2Fs%20s@10.0.0.1:3128"
    assert proxies == {"http": expected, "https": expected}


def test_caching_proxy_type_is_an_http_proxy_too(qgis_proxy):
    qgis_proxy(proxyEnabled=True, proxyType="HttpCachingProxy", proxyHost="p", proxyPort=8080)

    assert network_options().proxy_for(API) == {"http": "http://p:8080", "https": "http://p:8080"}


def test_excluded_and_no_proxy_urls_go_direct(qgis_proxy):
    qgis_proxy(
        proxyEnabled=True,
        proxyType="HttpProxy",
        proxyHost="10.0.0.1",
        proxyPort=3128,
        proxyExcludedUrls=["https://auth.up42.com"],
        noProxyUrls=["https://storage.example.com/"],
    )
    rules = proxy_rules()

    assert rules.proxy_for("https://auth.up42.com/realms/public/token") == {}
    assert rules.proxy_for("https://storage.example.com/bucket/file.tif") == {}
    assert rules.proxy_for(API) == {"http": "http://10.0.0.1:3128", "https": "http://10.0.0.1:3128"}


@pytest.mark.parametrize(
    "url",
    ["https://api.up42.com/v2/orders", "https://auth.up42.com/realms", "http://files.example/x"],
)
def test_rules_agree_with_qgis_own_proxy_factory(qgis_proxy, url):
    qgis_proxy(
        proxyEnabled=True,
        proxyType="HttpProxy",
        proxyHost="10.0.0.9",
        proxyPort=8080,
        proxyExcludedUrls=["https://auth.up42.com"],
        noProxyUrls=["http://files.example"],
    )
    manager = QgsNetworkAccessManager.instance()
    qt_proxy = manager.proxyFactory().queryProxy(QNetworkProxyQuery(QUrl(url)))[0]
    qt_direct = qt_proxy.type() in (
        QNetworkProxy.ProxyType.NoProxy,
        QNetworkProxy.ProxyType.DefaultProxy,
    )

    ours = proxy_rules().proxy_for(url)

    if qt_direct:
        assert ours == {}
    else:
        assert ours["https"] == f"http://{qt_proxy.hostName()}:{qt_proxy.port()}"


def test_proxy_credentials_from_an_auth_config(qgis_proxy, auth_manager):
    config = QgsAuthMethodConfig("Basic")
    config.setName("corporate proxy")
    config.setConfig("username", "proxy-user")
    config.setConfig("password", "proxy-secret")
    assert auth_manager.storeAuthenticationConfig(config)
    try:
        qgis_proxy(
            proxyEnabled=True,
            proxyType="HttpProxy",
            proxyHost="10.0.0.1",
            proxyPort=3128,
            authcfg=config.id(),
        )

        proxies = network_options().proxy_for(API)

        assert proxies["https"] == "http://proxy-user:proxy-secret@10.0.0.1:3128"
    finally:
        auth_manager.removeAuthenticationConfig(config.id())


def test_the_proxy_password_stays_out_of_reprs(qgis_proxy):
    qgis_proxy(
        proxyEnabled=True,
        proxyType="HttpProxy",
        proxyHost="10.0.0.1",
        proxyPort=3128,
        proxyUser="u",
        proxyPassword="hunter2-proxy",
    )
    options = network_options()

    assert "hunter2-proxy" not in repr(options)
    assert "hunter2-proxy" not in options.proxy_for.describe()


def test_socks5_without_pysocks_is_explained_not_bypassed(qgis_proxy, monkeypatch):
    monkeypatch.setattr(network, "_socks_available", lambda: False)
    qgis_proxy(proxyEnabled=True, proxyType="Socks5Proxy", proxyHost="10.0.0.2", proxyPort=1080)

    with pytest.raises(NetworkError, match="PySocks"):
        network_options().proxy_for(API)


def test_socks5_with_pysocks_resolves_names_on_the_proxy(qgis_proxy, monkeypatch):
    monkeypatch.setattr(network, "_socks_available", lambda: True)
    qgis_proxy(proxyEnabled=True, proxyType="Socks5Proxy", proxyHost="10.0.0.2", proxyPort=1080)

    assert network_options().proxy_for(API)["https"] == "socks5h://10.0.0.2:1080"


def test_system_proxy_follows_the_environment(qgis_proxy, monkeypatch):
    monkeypatch.setenv("https_proxy", "http://sys-proxy:3128")
    monkeypatch.setenv("http_proxy", "http://sys-proxy:3128")
    monkeypatch.setenv("no_proxy", "intranet.example.com")
    qgis_proxy(proxyEnabled=True, proxyType="DefaultProxy")
    rules = proxy_rules()

    assert rules.use_system_proxy
    assert rules.proxy_for(API)["https"] == "http://sys-proxy:3128"
    assert rules.proxy_for("https://intranet.example.com/x") == {}


def test_timeout_comes_from_qgis(qgis_app):
    previous = QgsNetworkAccessManager.timeout()
    QgsNetworkAccessManager.setTimeout(12_000)
    try:
        options = network_options()
    finally:
        QgsNetworkAccessManager.setTimeout(previous)

    assert options.timeout == 12.0
    assert options.download_read_timeout >= 120.0


def test_user_agent_names_plugin_and_qgis(qgis_app):
    agent = network_options().user_agent

    assert agent == f"up42-qgis/{__version__} (QGIS {Qgis.QGIS_VERSION.split('-')[0]})"
    assert re.fullmatch(r"up42-qgis/\S+ \(QGIS 3\.\d+\.\d+\)", agent)


# --- CA certificates ---------------------------------------------------------------------------
def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def private_ca(tmp_path_factory) -> dict[str, Path]:
    """A CA nobody's system trusts, and a 127.0.0.1 server certificate it signed."""
    folder = tmp_path_factory.mktemp("ca")
    files = {name: folder / name for name in ("ca.key", "ca.pem", "srv.key", "srv.csr", "srv.pem")}
    san = folder / "san.cnf"
    san.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=up42-qgis test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout", str(files["ca.key"]), "-out", str(files["ca.pem"]),
    )  # fmt: skip
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
        "-keyout", str(files["srv.key"]), "-out", str(files["srv.csr"]),
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", str(files["srv.csr"]), "-CA", str(files["ca.pem"]),
        "-CAkey", str(files["ca.key"]), "-CAcreateserial", "-days", "2",
        "-extfile", str(san), "-out", str(files["srv.pem"]),
    )  # fmt: skip
    return files


@pytest.fixture
def https_server(private_ca):
    """A local HTTPS server whose certificate only the private CA vouches for."""

    class Hello(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"hello over TLS"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(private_ca["srv.pem"], private_ca["srv.key"])
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def trusted_in_qgis(auth_manager, private_ca):
    """The private CA imported into QGIS's auth manager, as a user behind a TLS-inspecting
    proxy would do in Options > Authentication > Certificate Manager."""
    certificate = QSslCertificate(private_ca["ca.pem"].read_bytes())
    assert not certificate.isNull()
    assert auth_manager.storeCertAuthority(certificate)
    auth_manager.rebuildCaCertsCache()
    auth_manager.rebuildTrustedCaCertsCache()
    yield certificate
    auth_manager.removeCertAuthority(certificate)
    auth_manager.rebuildCaCertsCache()
    auth_manager.rebuildTrustedCaCertsCache()


def test_ca_bundle_has_the_system_roots_and_the_qgis_trusted_ca(trusted_in_qgis, tmp_path):
    bundle = write_ca_bundle(tmp_path)

    assert isinstance(bundle, str)
    text = Path(bundle).read_text()
    ours = trusted_in_qgis.toPem().data().decode()
    assert ours.strip() in text
    system = network.system_ca_bundle()
    assert system is not None
    first_system_cert = Path(system).read_text().split("-----END CERTIFICATE-----")[0]
    assert first_system_cert.strip() in text


def test_requests_trusts_the_qgis_ca_through_the_bundle(trusted_in_qgis, https_server, tmp_path):
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(https_server, timeout=10)  # requests' own bundle does not know the CA

    bundle = write_ca_bundle(tmp_path)
    response = requests.get(https_server, verify=bundle, timeout=10)

    assert response.text == "hello over TLS"


def test_without_the_ca_in_qgis_the_bundle_does_not_trust_it(auth_manager, https_server, tmp_path):
    bundle = write_ca_bundle(tmp_path)

    with pytest.raises(requests.exceptions.SSLError):
        requests.get(https_server, verify=bundle, timeout=10)


def test_network_options_point_requests_at_the_bundle(qgis_app, monkeypatch, tmp_path):
    monkeypatch.setattr(network, "plugin_data_dir", lambda: tmp_path)

    options = network_options()

    assert options.verify == str(tmp_path / network.CA_BUNDLE_NAME)
    assert Path(options.verify).stat().st_size > 1000
