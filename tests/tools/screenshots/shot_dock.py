"""Run inside QGIS (``qgis --code``, started by run_shot.py): show the UP42 dock at work, grab it.

Background map from QGIS's own world map (no internet), the map on Berlin, the dock open,
"Map extent" as the area of interest, a search against the sandbox, the first result selected.
Each step waits for the plugin's state, not for a guessed delay; a step that cannot happen is
reported on stderr and the shot is taken anyway, so a broken panel shows in the picture.
"""

import os
import sys
import time
import traceback

import qgis.utils
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAbstractButton, QTableView, QWidget

OUTPUT = os.environ["SHOT_OUTPUT"]
WINDOW_SIZE = (1440, 900)
BERLIN = QgsRectangle(13.05, 52.33, 13.75, 52.68)
WORLD_MAP = "/usr/share/qgis/resources/data/world_map.gpkg"
STEP_MS = 250
WAIT_LIMIT_S = 90
iface = qgis.utils.iface


def note(text):
    print(f"shot_dock: {text}", file=sys.stderr, flush=True)


def find_button(root, text):
    for button in root.findChildren(QAbstractButton):
        if button.text().replace("&", "") == text and button.isVisible():
            return button
    return None


class Shot:
    def __init__(self):
        self.started = time.monotonic()
        self.steps = [
            self.prepare_map,
            self.zoom_to_berlin,
            self.open_dock,
            self.wait_for_collections,
            self.search,
            self.wait_for_results,
            self.select_first,
            self.settle,
        ]
        self.panel = None

    def run_next(self):
        if time.monotonic() - self.started > WAIT_LIMIT_S:
            note(f"gave up waiting at step {self.steps[0].__name__}")
            return self.grab()
        step = self.steps[0]
        try:
            done = step()
        except Exception:
            note(f"{step.__name__} failed:\n{traceback.format_exc()}")
            done = True
        if done:
            self.steps.pop(0)
        if self.steps:
            QTimer.singleShot(STEP_MS, self.run_next)
        else:
            self.grab()

    def prepare_map(self):
        iface.mainWindow().resize(*WINDOW_SIZE)
        QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        world = QgsVectorLayer(f"{WORLD_MAP}|layername=countries", "Countries", "ogr")
        if world.isValid() and not QgsProject.instance().mapLayersByName("Countries"):
            QgsProject.instance().addMapLayer(world)
        return True

    def zoom_to_berlin(self):
        # A step of its own: QGIS zooms to the first layer's extent after it is added.
        iface.mapCanvas().setExtent(BERLIN)
        iface.mapCanvas().refresh()
        return True

    def open_dock(self):
        plugin = qgis.utils.plugins["up42_qgis"]
        plugin.action.trigger()
        self.panel = plugin.dock.findChild(QWidget, "Up42SearchPanel")
        return True

    def wait_for_collections(self):
        # The panel loads the account's collections when it is first shown.
        names = list(self.panel.filters.collections())
        if names:
            self.panel.filters.set_selected_collections(names)
        return bool(names)

    def search(self):
        extent = find_button(self.panel, "Map extent")
        if extent is not None:
            extent.click()
        self.panel.search_button.click()
        return True

    def wait_for_results(self):
        return not self.panel.searching

    def select_first(self):
        self.settle_until = time.monotonic() + 3
        table = self.panel.findChild(QTableView, "Up42ResultsTable")
        if table is not None and table.model().rowCount() > 0:
            table.selectRow(0)
        else:
            note("no result rows to select")
        return True

    def settle(self):
        # Let the quicklook load and the canvas render its footprints.
        return time.monotonic() > self.settle_until

    def _elapsed(self):
        return time.monotonic() - self.started

    def grab(self):
        iface.mainWindow().grab().save(OUTPUT)
        note(f"saved {OUTPUT}")
        QgsApplication.exit(0)


shot = Shot()
QTimer.singleShot(1000, shot.run_next)
