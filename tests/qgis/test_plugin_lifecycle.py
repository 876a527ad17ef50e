"""The plugin loads and unloads cleanly, again and again, leaving nothing behind.

In-process with pytest-qgis' iface stub (fast, offscreen); tests/qgis/test_package.py repeats
the ten cycles in the real QGIS desktop, where the Web menu and the toolbar are real too.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget

import up42_qgis

CYCLES = 10


def _settle() -> None:
    # unload() relies on deleteLater(), which only happens in the event loop.
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _active_timers() -> int:
    count = 0
    for candidate in gc.get_objects():
        if isinstance(candidate, QTimer):
            with contextlib.suppress(RuntimeError):  # its C++ side may already be gone
                count += candidate.isActive()
    return count


def _footprint(iface) -> dict:
    """What a plugin could leave behind in one QGIS session."""
    _settle()
    main_window = iface.mainWindow()
    map_tool = iface.mapCanvas().mapTool()
    return {
        "docks": [d.objectName() for d in main_window.findChildren(QDockWidget)
                  if d.objectName().startswith("Up42")],
        "actions": [a.objectName() for a in main_window.findChildren(QAction)
                    if a.objectName().startswith("Up42")],
        "provider": QgsApplication.processingRegistry().providerById("up42") is not None,
        "map_tool": type(map_tool).__module__ if map_tool is not None else None,
        "up42_tasks": [t.description() for t in QgsApplication.taskManager().activeTasks()
                       if "UP42" in t.description()],
    }  # fmt: skip


def _counts() -> dict[str, int]:
    _settle()
    return {"widgets": len(QApplication.allWidgets()), "active_timers": _active_timers()}


@pytest.fixture
def log_problems(qgis_app) -> Iterator[list[str]]:
    """Every warning or error QGIS logs while the test runs."""
    problems: list[str] = []

    def on_message(message: str, tag: str, level: Qgis.MessageLevel) -> None:
        if level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical):
            problems.append(f"{tag}: {message}")

    log = QgsApplication.messageLog()
    log.messageReceived.connect(on_message)
    yield problems
    log.messageReceived.disconnect(on_message)


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


def test_the_action_toggles_the_dock_and_follows_it(iface):
    # visibilityChanged only fires for a shown window (offscreen here).
    iface.mainWindow().show()
    plugin = up42_qgis.classFactory(iface)
    plugin.initGui()
    try:
        plugin.action.trigger()
        assert plugin.action.isChecked()
        assert plugin.dock.isVisibleTo(iface.mainWindow())
        plugin.action.trigger()
        assert not plugin.dock.isVisibleTo(iface.mainWindow())
        plugin.action.trigger()
        plugin.dock.close()  # the dock's own close button
        assert not plugin.action.isChecked()
    finally:
        plugin.unload()
        iface.mainWindow().hide()


def test_headless_build_without_iface_only_registers_processing(qgis_app):
    """qgis_process calls classFactory(None) and initProcessing(), then unload()."""
    plugin = up42_qgis.classFactory(None)
    plugin.initProcessing()
    assert QgsApplication.processingRegistry().providerById("up42") is not None
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("up42") is None


def test_ten_load_unload_cycles_leave_nothing_behind(iface, log_problems):
    before = _footprint(iface)
    assert before["docks"] == []
    assert before["provider"] is False
    counts_after: list[dict[str, int]] = []
    for _ in range(CYCLES):
        plugin = up42_qgis.classFactory(iface)
        plugin.initGui()
        plugin.action.trigger()  # build and show the dock with every panel
        loaded = _footprint(iface)
        assert loaded["docks"] == ["Up42DockWidget"]
        assert "Up42ToggleDock" in loaded["actions"]
        assert loaded["provider"] is True
        plugin.unload()
        assert _footprint(iface) == before
        counts_after.append(_counts())
    # No growth from cycle to cycle: every widget and running timer made while loaded is gone.
    assert counts_after[1:] == counts_after[:1] * (CYCLES - 1)
    assert log_problems == []
