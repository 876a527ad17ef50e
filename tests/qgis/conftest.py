"""Fixtures for the QGIS suite (pytest-qgis 2.1.0, offscreen)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from unittest.mock import MagicMock

import pytest
from qgis.core import QgsApplication, QgsMapLayer, QgsProject, QgsSettings
from qgis.gui import QgsMapCanvas
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QThreadPool
from qgis.PyQt.QtWidgets import QApplication

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
def _release_qgis_resources_before_qgis_exits(qgis_app) -> Iterator[None]:
    """Let go of every layer, render job and OGR connection while QGIS still runs.

    pytest-qgis's ``qgis_app`` teardown (after this one) calls ``exitQgis()``, which tears GDAL
    down and force-closes every dataset still open; pytest-qt then processes events once more.
    Whatever is freed after ``exitQgis()`` crashes the process:

    - a render job of the canvas still in flight (a layer was added just before the last test
      ended) holds its layers' feature sources and raster renderers; ``exitQgis()`` deletes the
      canvas, which frees them and so schedules the deletion of QGIS's OGR connection pool for
      a GeoPackage; GDAL then force-closes the pooled dataset and pytest-qt's last
      ``processEvents`` closes it again: a double free. A job only stopped, not finished, frees
      its rasters' datasets in that last ``processEvents`` too (both reproduced by
      tests/qgis/test_session_teardown.py);
    - an exception raised in a Python override (processAlgorithm) is kept by sip's exception
      translation, and with it the whole stack of frames down to the test that called
      ``processing.run``: layers those frames hold would be destroyed by the interpreter's
      exit, after ``exitQgis()``, and crash it there (segfault in the OGR provider).
    """
    yield
    QgsProject.instance().removeAllMapLayers()
    for widget in QApplication.allWidgets():
        if isinstance(widget, QgsMapCanvas) and not sip.isdeleted(widget):
            widget.stopRendering()
    # A stopped (or superseded) job frees its layers' renderers only when its thread's "finished"
    # event is delivered: wait for the render threads, then deliver their posted events.
    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.sendPostedEvents()
    gc.collect()
    for obj in gc.get_objects():
        try:
            stray = isinstance(obj, QgsMapLayer) and sip.ispyowned(obj)
        except Exception:  # objects whose isinstance check itself fails
            continue
        if stray:
            sip.delete(obj)
    # Each pass deletes what was scheduled before it; deleting a render job schedules its
    # connection pools, so one pass is not enough. Three leave a margin over that chain of two.
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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
