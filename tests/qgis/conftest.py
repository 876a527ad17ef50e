"""Fixtures for the QGIS suite (pytest-qgis 2.1.0, offscreen). Helpers (plain functions and
classes) are in ``support.py``."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from unittest.mock import MagicMock

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsMapLayer,
    QgsNetworkAccessManager,
    QgsProject,
    QgsSettings,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QThreadPool
from qgis.PyQt.QtWidgets import QApplication

from tests.sandbox.control import SandboxControl

# Nothing of the plugin (nor tests.qgis.support, which imports it) at module level: the
# start-up benchmark imports this module for MISSING_IFACE_METHODS and then measures which
# plugin modules QGIS loads at start-up. The fixtures import what they need.
if TYPE_CHECKING:
    from up42_qgis.bridge.clients import ClientProvider
    from up42_qgis.context import PluginContext
    from up42_qgis.processing.provider import Up42Provider

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
def no_env_account(monkeypatch: pytest.MonkeyPatch) -> None:
    """No UP42 account nor URLs from the environment (the sandbox's are set for the suite)."""
    for name in ("UP42_USERNAME", "UP42_PASSWORD", "UP42_API_URL", "UP42_AUTH_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def envless_provider(qgis_app, no_env_account) -> Iterator[ClientProvider]:
    """A ClientProvider that sees no account from the environment, closed after the test."""
    from up42_qgis.bridge.clients import ClientProvider

    provider = ClientProvider()
    yield provider
    provider.close()
    provider.deleteLater()


@pytest.fixture
def message_log(qgis_app) -> Iterator[list[str]]:
    """Every line QGIS's message log receives during the test."""
    lines: list[str] = []

    def collect(message: str, tag: str, level) -> None:
        lines.append(f"{tag}: {message}")

    QgsApplication.messageLog().messageReceived.connect(collect)
    yield lines
    QgsApplication.messageLog().messageReceived.disconnect(collect)


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


@pytest.fixture(autouse=True)
def _order_state_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's order state (tracked orders, notes, pending downloads) in its own file,
    never in the profile's: a test starts with none and leaves none behind."""
    from up42_qgis.services import order_state

    path = tmp_path / "order_state.json"
    monkeypatch.setattr(order_state, "default_state_path", lambda: path)
    return path


@pytest.fixture(autouse=True)
def _placement_journal_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's placement journal in its own file (the dock and Processing share it)."""
    from up42_qgis.toolbelt import folders

    path = tmp_path / "placements.json"
    monkeypatch.setattr(folders, "placement_journal_path", lambda: path)
    return path


@pytest.fixture
def placement_journal_file(_placement_journal_in_tmp: Path) -> Path:
    """The test's placement journal file (see ``_placement_journal_in_tmp``)."""
    return _placement_journal_in_tmp


@pytest.fixture
def order_context(iface, sandbox_account, tmp_path: Path) -> Iterator[PluginContext]:
    """The plugin's services as plugin.py builds them, for the sandbox account, with a test
    download folder and a fast tracker interval (the sandbox's dwell times are tiny)."""
    from tests.qgis.support import clear_message_bar
    from up42_qgis.bridge.clients import ClientProvider
    from up42_qgis.context import PluginContext

    clear_message_bar(iface)
    context = PluginContext.build(
        iface, ClientProvider(), download_root=tmp_path / "downloads", fast_interval_s=0.2
    )
    yield context
    context.stop()
    _let_cancelled_tasks_end()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def _let_cancelled_tasks_end(seconds: float = 10.0) -> None:
    """Waits (delivering events) until QGIS's task manager runs nothing, at most ``seconds``:
    a test's cancelled tasks end in this test, not while the next one runs on a shared pool."""
    import time

    deadline = time.monotonic() + seconds
    manager = QgsApplication.taskManager()
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()


@pytest.fixture
def short_network_timeout() -> Iterator[float]:
    """QGIS's network timeout at 1.5 s, so a delayed placement answer times out."""
    previous = QgsNetworkAccessManager.timeout()
    QgsNetworkAccessManager.setTimeout(1500)
    yield 1.5
    QgsNetworkAccessManager.setTimeout(previous)


@pytest.fixture
def canvas_3857(iface, qtbot, qgis_new_project):
    """The map canvas at 600×600 px in EPSG:3857, showing Berlin."""
    from tests.qgis.support import BERLIN, sized_canvas, to_crs

    canvas = sized_canvas(iface, qtbot)
    crs = QgsCoordinateReferenceSystem("EPSG:3857")
    QgsProject.instance().setCrs(crs)
    canvas.setDestinationCrs(crs)
    canvas.setExtent(to_crs(QgsGeometry.fromRect(BERLIN), crs).boundingBox())
    canvas.refresh()
    return canvas


@pytest.fixture
def context(sandbox_account, iface) -> PluginContext:
    """The plugin's services for the sandbox account (the search panel's tests)."""
    from up42_qgis.bridge.clients import ClientProvider
    from up42_qgis.context import PluginContext

    return PluginContext.build(iface, ClientProvider())


@pytest.fixture
def panel(qtbot, context, canvas_3857):
    """A shown search panel whose collections have loaded; unloaded afterwards."""
    from tests.qgis.support import close_panel, make_panel

    panel = make_panel(qtbot, context)
    yield panel
    close_panel(qtbot, panel, context)


@pytest.fixture
def provider(qgis_processing) -> Iterator[Up42Provider]:
    """The provider for one test; the plugin lifecycle tests register and remove their own."""
    from up42_qgis.processing.provider import Up42Provider

    registry = QgsApplication.processingRegistry()
    assert registry.providerById("up42") is None
    up42 = Up42Provider()
    assert registry.addProvider(up42)
    yield up42
    registry.removeProvider("up42")


@pytest.fixture
def account(sandbox_account, provider):
    """The sandbox account with quick order states, and the Processing provider."""
    from tests.qgis.support import FAST_DWELL

    sandbox_account.configure(dwell=FAST_DWELL)
    return sandbox_account


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch):
    """Every QMessageBox asks nothing: the questions are recorded, the answers come from
    ``answers.replies`` (No when it is empty). Tasking tests (tests/qgis/tasking_dock_support)."""
    from qgis.PyQt.QtWidgets import QMessageBox

    from tests.qgis.tasking_dock_support import Answers

    found = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: found(box))
    return found


@pytest.fixture
def orders_panel(qtbot, order_context, sandbox_account):
    """The Orders tab over ``order_context``, the sandbox's dwell times and tasking steps
    short, the Search tab's AOI a Berlin site; its tasking dialog is closed afterwards."""
    from tests.qgis.support import QUICK_DWELL
    from tests.qgis.tasking_dock_support import SITE_AOI
    from tests.unit.api.tasking_support import FAST_TASKING
    from up42_qgis.gui.orders_panel import OrdersPanel

    sandbox_account.configure(dwell=QUICK_DWELL, **FAST_TASKING)
    panel = OrdersPanel(order_context)
    panel.search_aoi = lambda: SITE_AOI
    qtbot.addWidget(panel)
    yield panel
    if panel.tasking_dialog is not None:
        panel.tasking_dialog.close()
