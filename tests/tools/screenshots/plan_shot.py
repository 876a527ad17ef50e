"""Runs inside QGIS (``qgis --code``): a search over Berlin with the real plugin against the
sandbox, the selected scenes planned with "Plan coverage" (plan and gaps on the map, the saving
in the dock), then a grab of the main window to ``$UP42_SHOT_OUT``. Driven by
``plan_shot.sh``.

Local map context instead of a basemap (offline): QGIS's bundled world map (countries and
states/provinces, which include Berlin and Brandenburg).
"""

from __future__ import annotations

import os
import sys
import traceback

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QDate, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

OUT = os.environ.get("UP42_SHOT_OUT", "search.png")
WORLD = "/usr/share/qgis/resources/data/world_map.gpkg"
AOI = QgsRectangle(13.12, 52.36, 13.68, 52.64)  # Berlin, EPSG:4326
VIEW = QgsRectangle(13.00, 52.30, 13.80, 52.70)
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
state: dict = {}


def log(message: str) -> None:
    print(f"plan_shot: {message}", flush=True)


def finish(code: int) -> None:
    sys.stdout.flush()
    QgsApplication.exit(code)


def guarded(step):
    def run(*args):
        try:
            step(*args)
        except Exception:
            traceback.print_exc()
            finish(1)

    return run


def to_mercator(rect: QgsRectangle) -> QgsRectangle:
    transform = QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance())
    return transform.transformBoundingBox(rect)


def canvas_extent() -> str:
    return iface.mapCanvas().extent().toString(1)


def add_context_layers() -> None:
    project = QgsProject.instance()
    countries = QgsVectorLayer(f"{WORLD}|layername=countries", "Countries", "ogr")
    countries.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "236,233,222,255", "outline_color": "150,150,150", "outline_width": "0.4"}
            )
        )
    )
    states = QgsVectorLayer(f"{WORLD}|layername=states_provinces", "States and provinces", "ogr")
    states.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {
                    "color": "222,232,214,255",
                    "outline_color": "120,120,120",
                    "outline_width": "0.5",
                    "outline_style": "dash",
                }
            )
        )
    )
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans", 11))
    text.setSize(11)
    text.setColor(QColor(90, 90, 90))
    labels.setFormat(text)
    states.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    states.setLabelsEnabled(True)
    for layer in (countries, states):
        if not layer.isValid():
            raise RuntimeError(f"cannot open {layer.source()}")
    project.addMapLayer(countries)
    project.addMapLayer(states)
    project.setCrs(MERCATOR)


@guarded
def start() -> None:
    window = iface.mainWindow()
    window.resize(1600, 1150)
    add_context_layers()
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(to_mercator(AOI))
    plugin = plugins["up42_qgis"]
    plugin.action.trigger()
    dock = plugin.dock
    window.resizeDocks([dock], [560], Qt.Orientation.Horizontal)
    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()  # more room for the Layers panel with the UP42 group
    panel = plugin.search_panel
    state["panel"] = panel
    if panel.filters.collections():
        QTimer.singleShot(0, search)
    else:
        panel.collections_loaded.connect(search)
        panel.load_collections()


@guarded
def search(*_args) -> None:
    panel = state["panel"]
    if state.get("searched"):
        return
    state["searched"] = True
    filters = panel.filters
    names = list(filters.collections())
    log(f"{len(names)} collections")
    if not names:
        raise RuntimeError(f"no collections: {filters.collections_status.text()}")
    filters.set_selected_collections(names)
    filters.start_date.setDate(QDate.currentDate().addYears(-3))
    filters.max_cloud.setValue(30)
    filters.page_size.setValue(40)
    # Adding the first layers zooms QGIS to them later on: set the view again right here.
    canvas = iface.mapCanvas()
    QgsProject.instance().setCrs(MERCATOR)
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(to_mercator(AOI))
    panel.aoi_widget.use_map_extent()
    aoi = panel.aoi_widget.aoi
    if aoi is None or not aoi.usable:
        problem = aoi.problem if aoi else panel.aoi_widget.problem_label.text()
        raise RuntimeError(f"the AOI is not usable: {problem}; extent {canvas_extent()}")
    panel.search_finished.connect(searched)
    panel.search()


@guarded
def searched(*_args) -> None:
    panel = state["panel"]
    panel.search_finished.disconnect(searched)
    rows = panel.results.model.rowCount()
    log(f"state {panel.state}, {rows} rows, message {panel.message_label.text()!r}")
    if rows == 0:
        raise RuntimeError("the search found nothing")
    # The Pléiades scenes (20 km wide: several are needed) are the candidates and what
    # "order every selected scene over the whole AOI" would cost.
    model = panel.results.model
    scenes = [model.scene_at(i) for i in range(rows)]
    picked = [s.id for s in scenes if s is not None and s.collection == "phr"]
    log(f"{len(picked)} Pléiades scenes selected")
    panel.results.select_scene_ids(picked)
    box = panel.plan_box
    box.plan_finished.connect(planned)
    box.plan()


@guarded
def planned(*_args) -> None:
    panel = state["panel"]
    box = panel.plan_box
    log(f"plan: {box.summary.text()!r}")
    if box.priced is None:
        raise RuntimeError("no plan")
    panel.query_box.setCollapsed(True)  # room for the plan
    panel.plan_toggle.setChecked(True)
    canvas = iface.mapCanvas()
    canvas.setExtent(to_mercator(VIEW))
    canvas.mapCanvasRefreshed.connect(grab_soon)
    canvas.refresh()


@guarded
def grab_soon(*_args) -> None:
    if state.get("grabbing"):
        return
    state["grabbing"] = True
    QTimer.singleShot(800, grab)


@guarded
def grab() -> None:
    image = iface.mainWindow().grab()
    if not image.save(OUT):
        raise RuntimeError(f"cannot save {OUT}")
    log(f"saved {OUT} ({image.width()}x{image.height()})")
    finish(0)


QTimer.singleShot(120_000, lambda: (log("timed out"), finish(2)))
QTimer.singleShot(1500, start)
