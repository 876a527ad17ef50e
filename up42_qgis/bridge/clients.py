"""One Up42Client per configuration, shared by the dock, the tracker, downloads and Processing.

The provider reads the settings, the auth DB and QGIS's network settings on the calling thread
(the main thread, or Processing's worker) and hands only plain data to the client. A client
holds the token; sharing it means one sign-in for every task. When anything in the
configuration changes (endpoints, account, password, proxy, CAs, timeout) the next
``client()`` builds a new one.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..api.endpoints import Credentials, Endpoints
from ..api.errors import AuthenticationError
from ..i18n import tr
from ..settings import PluginSettings, SettingsStore, effective_endpoints
from .credentials import load_credentials
from .network import network_options, write_ca_bundle

if TYPE_CHECKING:  # the client (and requests) load on first use, not at QGIS start-up
    from ..api.client import NetworkOptions, Up42Client


class NotConfiguredError(AuthenticationError):
    """No account: neither an auth config in the settings nor UP42_USERNAME/UP42_PASSWORD."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or tr(
                "No UP42 account is configured. Sign in under Settings > Options > UP42 "
                "(or set UP42_USERNAME and UP42_PASSWORD for headless runs)."
            )
        )


@dataclass(frozen=True)
class ClientConfiguration:
    """What makes two clients interchangeable. Holds a digest, never the password itself."""

    endpoints: Endpoints
    authcfg: str
    username: str
    password_digest: str
    network: NetworkOptions


def _digest(credentials: Credentials) -> str:
    return hashlib.sha256(f"{credentials.username}\0{credentials.password}".encode()).hexdigest()


class ClientProvider(QObject):
    """``client()`` for everyone; ``changed`` when the settings page saved new settings."""

    changed = pyqtSignal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.RLock()
        self._client: Up42Client | None = None
        self._configuration: ClientConfiguration | None = None
        self._ca_bundle: str | bool | None = None  # written once, again after invalidate()
        manager = QgsApplication.authManager()
        if manager is not None:
            manager.authDatabaseChanged.connect(self.invalidate)

    def is_configured(self) -> bool:
        """True when an account can be read (auth config or environment)."""
        authcfg = SettingsStore.load().authcfg
        try:
            return load_credentials(authcfg) is not None
        except Exception:  # an unreadable auth DB means "not configured", not a crash
            return False

    def configuration(self) -> ClientConfiguration:
        """The current configuration; raises NotConfiguredError without an account."""
        return self._snapshot()[0]

    def client(self) -> Up42Client:
        """The shared client for the current configuration (built on first use or change)."""
        from ..api.client import Up42Client

        configuration, credentials = self._snapshot()
        with self._lock:
            if self._client is None or configuration != self._configuration:
                self._client = Up42Client(
                    configuration.endpoints, credentials, configuration.network
                )
                self._configuration = configuration
            return self._client

    def build_client(
        self, plugin_settings: PluginSettings, credentials: Credentials | None = None
    ) -> Up42Client:
        """A new client for ``plugin_settings`` (saved or not), not shared: the settings page
        tests what its form shows with it, and closes it afterwards. Built exactly like the
        shared one (endpoints, account, proxy, CA bundle); raises NotConfiguredError or
        ValidationError like ``client()``. ``credentials`` stand in for the auth config's
        (an account typed in but not saved yet)."""
        from ..api.client import Up42Client

        configuration, account = self._snapshot(plugin_settings, credentials)
        return Up42Client(configuration.endpoints, account, configuration.network)

    def _snapshot(
        self,
        plugin_settings: PluginSettings | None = None,
        credentials: Credentials | None = None,
    ) -> tuple[ClientConfiguration, Credentials]:
        """Reads the settings (the saved ones by default), the auth DB and QGIS's network
        settings into plain data: the one place a client's configuration is made."""
        plugin_settings = (plugin_settings or SettingsStore.load()).normalized()
        if credentials is None:
            credentials = load_credentials(plugin_settings.authcfg)
        if credentials is None:
            if plugin_settings.authcfg:
                raise NotConfiguredError(
                    tr(
                        "The UP42 account (authentication configuration {id}) cannot be read. "
                        "Choose or create it again under Settings > Options > UP42."
                    ).format(id=plugin_settings.authcfg)
                )
            raise NotConfiguredError()
        endpoints = effective_endpoints(plugin_settings)
        with self._lock:
            if self._ca_bundle is None:
                self._ca_bundle = write_ca_bundle()
            ca_bundle = self._ca_bundle
        configuration = ClientConfiguration(
            endpoints=endpoints,
            authcfg=plugin_settings.authcfg,
            username=credentials.username,
            password_digest=_digest(credentials),
            network=network_options(ca_bundle=ca_bundle),
        )
        return configuration, credentials

    def invalidate(self) -> None:
        """Forget the client and the CA bundle; the next ``client()`` rebuilds both."""
        with self._lock:
            self._client = None
            self._configuration = None
            self._ca_bundle = None

    def close(self) -> None:
        """Close the current client's connections (plugin unload). A client replaced after a
        change is left to the garbage collector instead: a task may still be using it."""
        with self._lock:
            client, self._client, self._configuration = self._client, None, None
        if client is not None:
            client.close()

    def notify_changed(self) -> None:
        """Called by the settings page after saving: rebuild and tell the panels."""
        self.invalidate()
        self.changed.emit()


_provider: ClientProvider | None = None
_provider_lock = threading.Lock()


def client_provider() -> ClientProvider:
    """The process-wide provider (the plugin and Processing share it, with or without GUI)."""
    global _provider
    with _provider_lock:
        if _provider is None:
            _provider = ClientProvider()
            # Created on a worker thread (Processing), it must still live on the main thread.
            application = QgsApplication.instance()
            if application is not None and _provider.thread() != application.thread():
                _provider.moveToThread(application.thread())
        return _provider
