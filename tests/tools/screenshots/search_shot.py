"""Runs inside QGIS (``qgis --code``): a search over Berlin with the real plugin against the
sandbox, then a grab of the main window to ``$UP42_SHOT_OUT``. Driven by ``search_shot.sh``.

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
from qgis.PyQt.QtCore import QDate, QItemSelectionModel, QLocale, QTimer
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

OUT = os.environ.get("UP42_SHOT_OUT", "search.png")
WORLD = "/usr/share/qgis/resources/data/world_map.gpkg"
AOI = QgsRectangle(13.25, 52.43, 13.55, 52.58)  # central Berlin, EPSG:4326
VIEW = QgsRectangle(13.02, 52.30, 13.80, 52.70)
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
state: dict = {}
# The context layers' names in the shot's language (search_shot.sh's locale).
GERMAN = QLocale().language() == QLocale.Language.German
COUNTRIES = "Staaten" if GERMAN else "Countries"
STATES = "Bundesländer und Provinzen" if GERMAN else "States and provinces"


def log(message: str) -> None:
    print(f"search_shot: {message}", flush=True)


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
    countries = QgsVectorLayer(f"{WORLD}|layername=countries", COUNTRIES, "ogr")
    countries.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "236,233,222,255", "outline_color": "150,150,150", "outline_width": "0.4"}
            )
        )
    )
    states = QgsVectorLayer(f"{WORLD}|layername=states_provinces", STATES, "ogr")
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
    window.resize(1600, 1000)
    add_context_layers()
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(to_mercator(AOI))
    plugin = plugins["up42_qgis"]
    plugin.action.trigger()
    # The dock at its default width (as QGIS opens it), no resizeDocks.
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
    canvas = iface.mapCanvas()
    canvas.setExtent(to_mercator(VIEW))
    model = panel.results.model
    picked = [model.scene_at(i).id for i in (1, 4, 6) if model.scene_at(i) is not None]
    view = panel.results
    first = view.proxy.mapFromSource(model.index(model.row_of(picked[0]), 0))
    view.table.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
    view.select_scene_ids(picked)
    log(f"selected footprints: {len(panel.footprints_layer.selectedFeatureIds())}")
    QTimer.singleShot(500, wait_for_quicklook)


@guarded
def wait_for_quicklook() -> None:
    panel = state["panel"]
    state["polls"] = state.get("polls", 0) + 1
    thumbnails = panel.thumbnails
    busy = panel.quicklook.loading or thumbnails.running or thumbnails.queued
    if busy and state["polls"] < 60:
        QTimer.singleShot(250, wait_for_quicklook)
        return
    table = panel.results.table
    log(
        f"dock {plugin_dock_size()}, panel {panel.width()}x{panel.height()}, "
        f"table viewport {table.viewport().height()} px, "
        f"row {table.rowHeight(0)} px, {len(panel.results.visible_rows())} rows visible, "
        f"{thumbnails.fetches} thumbnails fetched, font {table.font().family()} "
        f"{table.font().pointSizeF()} pt"
    )
    if panel.quicklook.show_on_map() is None:
        log("the quicklook could not go on the map")
    canvas = iface.mapCanvas()
    canvas.mapCanvasRefreshed.connect(grab_soon)
    canvas.refresh()  # not refreshAllLayers(): reloading layers clears their selection


def plugin_dock_size() -> str:
    dock = plugins["up42_qgis"].dock
    return f"{dock.width()}x{dock.height()}"


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
