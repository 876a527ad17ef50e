"""Fixtures for the QGIS suite (pytest-qgis 2.1.0, offscreen)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from unittest.mock import MagicMock

import pytest
from qgis.core import QgsApplication, QgsMapLayer, QgsSettings
from qgis.PyQt import sip

from tests.sandbox.control import SandboxControl

MASTER_PASSWORD = "test-master-password"

# pytest-qgis 2.1.0's iface stub lacks these; plugin code calls them at load and unload.
MISSING_IFACE_METHODS = (
    "removePluginMenu",
    "removeDockWidget",
    "pluginHelpMenu",
    "addPluginToWebMenu",
    "removePluginWebMenu",
    "layerTreeView",
    "cadDockWidget",
    "registerOptionsWidgetFactory",
    "unregisterOptionsWidgetFactory",
    "showOptionsDialog",
    "openMessageLog",
    "removeToolBarIcon",
)


@pytest.fixture(scope="session", autouse=True)
def _delete_stray_layers_before_qgis_exits(qgis_app) -> Iterator[None]:
    """Delete Python-owned layers while QGIS still runs.

    An exception raised in a Python override (processAlgorithm) is kept by sip's exception
    translation, and with it the whole stack of frames down to the test that called
    ``processing.run``: layers those frames hold would be destroyed by the interpreter's
    exit, after ``exitQgis()``, and crash it there (segfault in the OGR provider).
    """
    yield
    gc.collect()
    for obj in gc.get_objects():
        try:
            stray = isinstance(obj, QgsMapLayer) and sip.ispyowned(obj)
        except Exception:  # objects whose isinstance check itself fails
            continue
        if stray:
            sip.delete(obj)


@pytest.fixture(scope="session")
def iface(qgis_iface):
    for name in MISSING_IFACE_METHODS:
        if not hasattr(qgis_iface, name):
            setattr(qgis_iface, name, MagicMock(name=name))
    return qgis_iface


@pytest.fixture(scope="session")
def auth_manager(qgis_app):
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword(MASTER_PASSWORD, True)
    return manager


@pytest.fixture
def clean_settings(qgis_app) -> Iterator[QgsSettings]:
    """The plugin's settings group, empty before and after the test."""
    settings = QgsSettings()
    settings.remove("up42")
    yield settings
    settings.remove("up42")


@pytest.fixture
def sandbox_account(sandbox: SandboxControl, auth_manager, clean_settings):
    """The plugin configured for the sandbox: endpoints in settings, account in the auth DB."""
    from up42_qgis.bridge.credentials import store_credentials
    from up42_qgis.settings import PluginSettings, SettingsStore

    authcfg = store_credentials(sandbox.username, sandbox.password, name="UP42 sandbox test")
    SettingsStore.save(
        PluginSettings(region="custom", api_url=sandbox.url, auth_url=sandbox.url, authcfg=authcfg)
    )
    yield sandbox
    auth_manager.removeAuthenticationConfig(authcfg)
