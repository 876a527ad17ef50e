"""Runs inside QGIS (``qgis --code``): a search over Berlin with the real plugin against the
sandbox, then a grab of the main window to ``$UP42_SHOT_OUT``. Driven by ``search_shot.sh``.

Local map context instead of a basemap (offline): QGIS's bundled world map (countries and
states/provinces, which include Berlin and Brandenburg); the steps they share with the other
shots are in ``shot_support``.
"""

from __future__ import annotations

import os
import sys

from qgis.core import QgsRectangle
from qgis.PyQt.QtCore import QItemSelectionModel, QTimer
from qgis.utils import iface, plugins

sys.path.insert(0, os.environ.get("UP42_SHOT_ROOT", os.getcwd()))

from tests.tools.screenshots.shot_support import Shot, search_tab_start, to_mercator

AOI = QgsRectangle(13.25, 52.43, 13.55, 52.58)  # central Berlin, EPSG:4326
VIEW = QgsRectangle(13.02, 52.30, 13.80, 52.70)
shot = Shot("search_shot", "search.png")
grab_soon = shot.grab_window_soon(800)


def searched(panel, rows: int) -> None:
    canvas = iface.mapCanvas()
    canvas.setExtent(to_mercator(VIEW))
    model = panel.results.model
    picked = [model.scene_at(i).id for i in (1, 4, 6) if model.scene_at(i) is not None]
    view = panel.results
    first = view.proxy.mapFromSource(model.index(model.row_of(picked[0]), 0))
    view.table.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
    view.select_scene_ids(picked)
    shot.log(f"selected footprints: {len(panel.footprints_layer.selectedFeatureIds())}")
    QTimer.singleShot(500, wait_for_quicklook)


@shot.guarded
def wait_for_quicklook() -> None:
    panel = shot.state["panel"]
    shot.state["polls"] = shot.state.get("polls", 0) + 1
    thumbnails = panel.thumbnails
    busy = panel.quicklook.loading or thumbnails.running or thumbnails.queued
    if busy and shot.state["polls"] < 60:
        QTimer.singleShot(250, wait_for_quicklook)
        return
    table = panel.results.table
    dock = plugins["up42_qgis"].dock
    shot.log(
        f"dock {dock.width()}x{dock.height()}, panel {panel.width()}x{panel.height()}, "
        f"table viewport {table.viewport().height()} px, "
        f"row {table.rowHeight(0)} px, {len(panel.results.visible_rows())} rows visible, "
        f"{thumbnails.fetches} thumbnails fetched, font {table.font().family()} "
        f"{table.font().pointSizeF()} pt"
    )
    if panel.quicklook.show_on_map() is None:
        shot.log("the quicklook could not go on the map")
    canvas = iface.mapCanvas()
    canvas.mapCanvasRefreshed.connect(grab_soon)
    canvas.refresh()  # not refreshAllLayers(): reloading layers clears their selection


# 1600×1000 with the dock at the width QGIS gives it (issue: results first at that size).
shot.run(search_tab_start(shot, AOI, searched, height=1000, dock_width=None))
