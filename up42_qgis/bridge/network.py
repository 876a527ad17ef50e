"""QGIS's network settings as plain data for requests: proxy, CA certificates, timeout, UA.

Everything Qt is read here, on the calling thread, when the client is built. What goes into
:class:`NetworkOptions` is plain Python: :class:`ProxyRules` holds the proxy settings as
``QgsNetworkAccessManager.setupDefaultProxyAndCache`` reads them and repeats the decisions of
QGIS's own proxy factory (``QgsNetworkProxyFactory::queryProxy`` in 3.22), so requests on
worker threads never call into Qt:

1. a URL starting with an entry of ``proxy/noProxyUrls`` goes direct;
2. a URL starting with an entry of ``proxy/proxyExcludedUrls`` gets Qt's "default proxy",
   which is direct unless an application proxy is set;
3. with the "Default proxy" type QGIS asks the system, which on Linux means the ``*_proxy``
   environment variables: urllib's ``getproxies``/``proxy_bypass`` read the same;
4. anything else uses the configured HTTP or SOCKS5 proxy.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsAuthMethodConfig,
    QgsNetworkAccessManager,
    QgsSettings,
)

from ..__about__ import __version__
from ..api.errors import NetworkError
from ..i18n import tr
from ..toolbelt.folders import plugin_data_dir

if TYPE_CHECKING:  # the client (and requests) load on first use, not at QGIS start-up
    from ..api.client import NetworkOptions

SYSTEM_CA_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Arch
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
    "/etc/ssl/cert.pem",  # macOS, Alpine
)
CA_BUNDLE_NAME = "ca-bundle.pem"
DEFAULT_TIMEOUT_S = 30.0
DOWNLOAD_READ_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class ProxyRules:
    """A plain-Python snapshot of how QGIS routes a URL; ``proxy_for(url)`` for requests.

    Frozen and compared by value, so two snapshots of the same settings are equal and the
    client provider keeps its client.
    """

    proxy_url: str = field(default="", repr=False)  # may hold URL-quoted proxy credentials
    no_proxy_prefixes: tuple[str, ...] = ()
    excluded_prefixes: tuple[str, ...] = ()
    use_system_proxy: bool = False
    unusable_reason: str = ""  # e.g. SOCKS5 without PySocks: refuse rather than go direct

    def __call__(self, url: str) -> dict[str, str]:
        return self.proxy_for(url)

    def proxy_for(self, url: str) -> dict[str, str]:
        """requests' ``proxies`` for ``url``; ``{}`` means direct (or the system's choice)."""
        if _matches(url, self.no_proxy_prefixes) or _matches(url, self.excluded_prefixes):
            return {}
        if self.unusable_reason:
            raise NetworkError(self.unusable_reason)
        if self.use_system_proxy:
            return system_proxies_for(url)
        if not self.proxy_url:
            return {}
        return {"http": self.proxy_url, "https": self.proxy_url}

    def describe(self) -> str:
        """The route without credentials, for labels and logs."""
        if self.unusable_reason:
            return self.unusable_reason
        if self.use_system_proxy:
            return "system proxy"
        if not self.proxy_url:
            return "direct"
        parts = urlsplit(self.proxy_url)
        return f"{parts.scheme}://{parts.hostname}:{parts.port}"


def system_proxies_for(url: str) -> dict[str, str]:
    """The system's proxy for ``url`` as Qt's system factory sees it: on Linux the
    ``*_proxy``/``no_proxy`` variables, elsewhere the OS settings urllib reads."""
    host = urlsplit(url).hostname or ""
    proxies = urllib.request.getproxies()
    if not host or urllib.request.proxy_bypass(host):
        return {}
    chosen: dict[str, str] = {}
    for scheme in ("http", "https"):
        proxy = proxies.get(scheme) or proxies.get("all")
        if proxy:
            chosen[scheme] = proxy
    return chosen


def _matches(url: str, prefixes: tuple[str, ...]) -> bool:
    return any(prefix.strip() and url.startswith(prefix.strip()) for prefix in prefixes)


def _string_list(value: object) -> tuple[str, ...]:
    """QgsSettings gives a list, a single string, or a ``|``-joined string (older profiles)."""
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else str(value).split("|")
    return tuple(str(item).strip() for item in items if str(item).strip())


def _socks_available() -> bool:
    return importlib.util.find_spec("socks") is not None


def _proxy_credentials(settings: QgsSettings) -> tuple[str, str]:
    """User and password: ``proxy/authcfg`` (a Basic config) first, then the plain fields."""
    authcfg = str(settings.value("proxy/authcfg", "") or "")
    if authcfg:
        config = QgsAuthMethodConfig()
        if QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
            user = config.config("username", "")
            if user:
                return user, config.config("password", "")
    user = str(settings.value("proxy/proxyUser", "") or "")
    return user, str(settings.value("proxy/proxyPassword", "") or "")


def proxy_rules(settings: QgsSettings | None = None) -> ProxyRules:
    """Snapshot QGIS's proxy set-up (Options > Network) as ``setupDefaultProxyAndCache`` reads it.

    Read from QgsSettings rather than from ``QgsNetworkAccessManager.instance()``: the manager
    is per thread, and a pooled worker thread's copy keeps the proxy of the moment it was made
    (seen on 3.22), so a change in Options would not reach Processing or the tasks.
    """
    settings = settings or QgsSettings()
    if not _bool(settings.value("proxy/proxyEnabled", False)):
        return ProxyRules()
    excluded = _string_list(settings.value("proxy/proxyExcludedUrls"))
    no_proxy = _string_list(settings.value("proxy/noProxyUrls"))
    proxy_type = str(settings.value("proxy/proxyType", "") or "")
    if proxy_type == "DefaultProxy":
        return ProxyRules("", no_proxy, excluded, use_system_proxy=True)
    host = str(settings.value("proxy/proxyHost", "") or "").strip()
    if not host or proxy_type not in ("HttpProxy", "HttpCachingProxy", "Socks5Proxy"):
        return ProxyRules("", no_proxy, excluded)  # Qt's "default" (no application proxy)
    scheme = "http"
    if proxy_type == "Socks5Proxy":
        scheme = "socks5h"  # h: the proxy resolves host names, as Qt's SOCKS5 does
        if not _socks_available():
            reason = tr(
                "QGIS is set to use a SOCKS5 proxy, which the UP42 plugin can only use with "
                "the PySocks package: install it into QGIS's Python (pip install PySocks), or "
                "choose an HTTP proxy in Settings > Options > Network."
            )
            return ProxyRules("", no_proxy, excluded, unusable_reason=reason)
    user, password = _proxy_credentials(settings)
    credentials = f"{quote(user, safe='')}:{quote(password, safe='')}@" if user else ""
    port = _int(settings.value("proxy/proxyPort", 0)) or (1080 if scheme == "socks5h" else 3128)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 literal
    return ProxyRules(f"{scheme}://{credentials}{host}:{port}", no_proxy, excluded)


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def _int(value: object) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 0


# --- certificates ----------------------------------------------------------------------------
def system_ca_bundle() -> str | None:
    for candidate in SYSTEM_CA_BUNDLES:
        if os.path.isfile(candidate):
            return candidate
    try:
        from requests.utils import DEFAULT_CA_BUNDLE_PATH  # certifi's bundle

        return DEFAULT_CA_BUNDLE_PATH if os.path.isfile(DEFAULT_CA_BUNDLE_PATH) else None
    except ImportError:
        return None


def qgis_trusted_pem() -> str:
    """Every CA QGIS's auth manager trusts (its database, extra files, system roots), as PEM."""
    try:
        pem = bytes(QgsApplication.authManager().trustedCaCertsPemText())
    except Exception:  # an auth DB QGIS could not open must not cost us the system bundle
        return ""
    return pem.decode("ascii", errors="ignore")


def write_ca_bundle(folder: Path | None = None) -> str | bool:
    """A PEM file with the system CAs plus QGIS's trusted CAs; its path, or True (requests'
    default) when nothing can be written. Rewritten only when its content changes."""
    parts = []
    system_bundle = system_ca_bundle()
    if system_bundle:
        parts.append(Path(system_bundle).read_text(encoding="ascii", errors="ignore"))
    parts.append(qgis_trusted_pem())
    content = "\n".join(part.strip() for part in parts if part.strip()) + "\n"
    if not content.strip():
        return True
    target = (folder or plugin_data_dir()) / CA_BUNDLE_NAME
    try:
        if target.is_file() and _digest(target.read_bytes()) == _digest(content.encode()):
            return str(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Atomic: a worker thread may be reading the old bundle at this moment.
        handle, temporary = tempfile.mkstemp(prefix=".ca-", dir=target.parent)
        with os.fdopen(handle, "w", encoding="ascii") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except OSError:
        return system_bundle or True
    return str(target)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the rest --------------------------------------------------------------------------------
def qgis_timeout_s() -> float:
    """QGIS's network timeout (Options > Network), in seconds."""
    try:
        milliseconds = int(QgsNetworkAccessManager.timeout())
    except Exception:
        milliseconds = int(QgsSettings().value("qgis/networkAndProxy/networkTimeout", 0) or 0)
    return milliseconds / 1000.0 if milliseconds > 0 else DEFAULT_TIMEOUT_S


def user_agent() -> str:
    qgis_version = Qgis.QGIS_VERSION.split("-")[0]
    return f"up42-qgis/{__version__} (QGIS {qgis_version})"


def network_options(ca_bundle: str | bool | None = None) -> NetworkOptions:
    """The NetworkOptions of QGIS's current settings; ``ca_bundle`` skips rewriting the PEM."""
    from ..api.client import NetworkOptions

    rules = proxy_rules()
    timeout = qgis_timeout_s()
    return NetworkOptions(
        user_agent=user_agent(),
        proxy_for=rules,
        verify=write_ca_bundle() if ca_bundle is None else ca_bundle,
        timeout=timeout,
        download_read_timeout=max(DOWNLOAD_READ_TIMEOUT_S, timeout),
        trust_env=rules.use_system_proxy,
    )
