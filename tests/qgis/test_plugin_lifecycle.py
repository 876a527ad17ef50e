"""The plugin loads and unloads cleanly, again and again, leaving nothing behind."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget

import up42_qgis


def _leftover_docks(iface) -> list[QDockWidget]:
    docks = iface.mainWindow().findChildren(QDockWidget)
    return [w for w in docks if w.objectName() == "Up42DockWidget"]


def test_class_factory_init_gui_and_unload(iface):
    plugin = up42_qgis.classFactory(iface)
    plugin.initGui()
    assert QgsApplication.processingRegistry().providerById("up42") is not None
    plugin.action.trigger()
    assert plugin.dock is not None
    assert plugin.dock.isVisibleTo(iface.mainWindow())
    assert plugin.dock.windowTitle() == "UP42"
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("up42") is None
    assert plugin.action is None
    assert plugin.dock is None
