"""Run inside the real QGIS desktop (``qgis --code``): unload and load the plugin ten times.

QGIS has already loaded the plugin when this runs. For every cycle it records what the plugin
shows while loaded (Web menu entry, toolbar button, dock, Processing provider) and what is left
once unloaded (docks, actions, widgets, timers, tasks, modules, map tools, providers), plus every
warning or error in the message log. Then it pokes the signals a stale connection would hang on,
writes everything as JSON to ``$QGIS_DRIVER_RESULT``, loads the plugin once more and quits
QGIS. The assertions live in the test (tests/qgis/test_package.py), so a failure shows the
whole record.
"""

import json
import os
import sys
import traceback

import qgis.utils
from qgis.core import Qgis, QgsApplication, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget, QMenu

PLUGIN = "up42_qgis"
CYCLES = int(os.environ.get("QGIS_DRIVER_CYCLES", "10"))
RESULT_PATH = os.environ["QGIS_DRIVER_RESULT"]
iface = qgis.utils.iface
problems_in_log = []


def on_message(message, tag, level):
    if level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical):
        problems_in_log.append({"tag": tag, "level": int(level), "message": message[:2000]})


def settle():
    # deleteLater() only happens in the event loop; unload relies on it.
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def mentions_up42(*texts):
    return any("up42" in (text or "").lower() for text in texts)


def web_menu_entries():
    entries = []
    for action in iface.webMenu().actions():
        menu = action.menu()
        children = [a.objectName() or a.text() for a in menu.actions()] if menu else []
        if mentions_up42(action.text(), action.objectName()):
            entries.append({"menu": action.text(), "actions": children})
    return entries


def toolbar_actions():
    actions = iface.pluginToolBar().actions() + iface.webToolBar().actions()
    return [a.objectName() or a.text() for a in actions if mentions_up42(a.objectName(), a.text())]


def up42_docks():
    docks = iface.mainWindow().findChildren(QDockWidget)
    return [
        {"name": d.objectName(), "title": d.windowTitle(), "visible": d.isVisible()}
        for d in docks
        if mentions_up42(d.objectName(), d.windowTitle())
    ]


def leftovers():
    """What the plugin could leave behind; compared from cycle to cycle."""
    settle()
    main_window = iface.mainWindow()
    map_tool = iface.mapCanvas().mapTool()
    tasks = QgsApplication.taskManager().tasks()
    return {
        "docks": up42_docks(),
        "web_menu": web_menu_entries(),
        "toolbar": toolbar_actions(),
        "up42_actions": [
            a.objectName() or a.text()
            for a in main_window.findChildren(QAction)
            if mentions_up42(a.objectName(), a.text())
        ],
        "provider": QgsApplication.processingRegistry().providerById("up42") is not None,
        "map_tool": type(map_tool).__module__ if map_tool is not None else None,
        "modules": sorted(m for m in sys.modules if m.split(".")[0] == PLUGIN),
        "tasks": [t.description() for t in tasks if mentions_up42(t.description())],
        "layers": [layer.name() for layer in QgsProject.instance().mapLayers().values()],
        "counts": {
            "widgets": len(QApplication.allWidgets()),
            "actions": len(main_window.findChildren(QAction)),
            "menus": len(main_window.findChildren(QMenu)),
            "timers": len(main_window.findChildren(QTimer))
            + len(QApplication.instance().findChildren(QTimer)),
            "docks": len(main_window.findChildren(QDockWidget)),
        },
    }


def while_loaded():
    """What a user sees with the plugin on, after clicking its button once."""
    plugin = qgis.utils.plugins.get(PLUGIN)
    state = {"in_plugins": plugin is not None, "toolbar": toolbar_actions()}
    state["web_menu"] = web_menu_entries()
    state["provider"] = QgsApplication.processingRegistry().providerById("up42") is not None
    action = getattr(plugin, "action", None)
    state["tooltip"] = action.toolTip() if action is not None else None
    if action is not None:
        action.trigger()
        settle()
    state["docks"] = up42_docks()
    module = sys.modules.get(PLUGIN)
    state["module_file"] = getattr(module, "__file__", None)
    return state


def poke_signals():
    """Emit what stale slots would be connected to: their errors land in the message log."""
    project = QgsProject.instance()
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "poke", "memory")
    project.addMapLayer(layer)
    iface.setActiveLayer(layer)
    iface.mapCanvas().setExtent(QgsRectangle(13.1, 52.3, 13.7, 52.7))
    iface.mapCanvas().refresh()
    iface.actionPan().trigger()
    project.removeMapLayer(layer.id())
    project.clear()
    settle()


def drive():
    record = {"startup": {}, "cycles": [], "after_all": None, "problems_in_log": problems_in_log}
    record["startup"]["active"] = PLUGIN in qgis.utils.active_plugins
    record["startup"]["plugin_paths"] = list(qgis.utils.plugin_paths)
    record["startup"]["loaded"] = while_loaded()
    record["startup"]["unloaded"] = qgis.utils.unloadPlugin(PLUGIN)
    record["baseline"] = leftovers()
    for number in range(CYCLES):
        cycle = {"number": number + 1}
        cycle["load"] = qgis.utils.loadPlugin(PLUGIN)
        cycle["start"] = qgis.utils.startPlugin(PLUGIN)
        cycle["loaded"] = while_loaded()
        cycle["unload"] = qgis.utils.unloadPlugin(PLUGIN)
        cycle["leftovers"] = leftovers()
        record["cycles"].append(cycle)
    poke_signals()
    record["after_all"] = leftovers()
    # Quit the way a user does: with the plugin on (QGIS unloads it while shutting down).
    record["final_start"] = qgis.utils.loadPlugin(PLUGIN) and qgis.utils.startPlugin(PLUGIN)
    return record


def finish():
    try:
        record = drive()
    except Exception:  # the test reports it; QGIS must still quit
        record = {"crash": traceback.format_exc(), "problems_in_log": problems_in_log}
    with open(RESULT_PATH, "w", encoding="utf-8") as result_file:
        json.dump(record, result_file, indent=1)
    QgsApplication.exit(0)


QgsApplication.messageLog().messageReceived.connect(on_message)
# --code runs before the event loop starts; exit() only works from inside it.
QTimer.singleShot(0, finish)
