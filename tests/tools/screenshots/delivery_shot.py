"""Runs inside QGIS (``qgis --code``): orders Berlin scenes from the sandbox with the real
plugin, lets its tracker follow them and its download manager fetch and load the delivery
("download and add to the project when fulfilled"), then grabs the main window with the
delivered image over its footprint and the Orders tab to ``$UP42_SHOT_OUT``. Driven by
``delivery_shot.sh``. The orders are placed through the client (the placing UI has its own
tests); one scene is forced to PLACEMENT_FAILED so the tab shows how failures look.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins
from shapely.geometry import shape

sys.path.insert(0, os.environ.get("UP42_SHOT_ROOT", os.getcwd()))

from tests.sandbox.control import SandboxControl
from tests.tools.screenshots.shot_support import Shot, place_noted_order
from up42_qgis.api.models import SearchRequest
from up42_qgis.i18n import tr
from up42_qgis.layers.footprints import add_to_up42_group
from up42_qgis.layers.footprints_gpkg import create_footprints_layer

shot = Shot("delivery_shot", "delivery.png")
WORLD = "/usr/share/qgis/resources/data/world_map.gpkg"
AOI_RECT = (13.28, 52.46, 13.46, 52.55)  # central Berlin
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
state = shot.state
log, finish, guarded = shot.log, shot.finish, shot.guarded


def polygon(west: float, south: float, east: float, north: float) -> dict:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def to_mercator(rect: QgsRectangle) -> QgsRectangle:
    return QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance()).transformBoundingBox(rect)


def add_context_layers() -> None:
    project = QgsProject.instance()
    states = QgsVectorLayer(f"{WORLD}|layername=states_provinces", "States and provinces", "ogr")
    states.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "222,232,214,255", "outline_color": "120,120,120", "outline_width": "0.5"}
            )
        )
    )
    if not states.isValid():
        raise RuntimeError(f"cannot open {states.source()}")
    project.addMapLayer(states)
    project.setCrs(MERCATOR)


def aoi_layer(aoi: dict) -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "Ordered area", "memory")
    feature = QgsFeature()
    west, south, east, north = AOI_RECT
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(west, south, east, north)))
    layer.dataProvider().addFeatures([feature])
    layer.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {
                    "color": "0,0,0,0",
                    "outline_color": "30,90,200",
                    "outline_width": "0.7",
                    "outline_style": "dash",
                }
            )
        )
    )
    return layer


@guarded
def start() -> None:
    window = iface.mainWindow()
    window.resize(1600, 1000)
    add_context_layers()
    plugin = plugins["up42_qgis"]
    state["plugin"] = plugin
    plugin.action.trigger()
    dock = plugin.dock
    window.resizeDocks([dock], [620], Qt.Orientation.Horizontal)
    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()  # the Layers panel gets the height: the delivered group in full
    layers = window.findChild(QDockWidget, "Layers")
    if layers is not None:  # wide enough for "<order> · <file>"
        window.resizeDocks([layers], [420], Qt.Orientation.Horizontal)
    tabs = dock.tabs
    orders_tab = next(i for i in range(tabs.count()) if tabs.tabText(i) == tr("Orders"))
    tabs.setCurrentIndex(orders_tab)
    state["panel"] = tabs.widget(orders_tab)

    context = plugin.context
    client = context.clients.client()
    aoi = polygon(*AOI_RECT)
    collections = {c.name: c for c in client.collections()}
    optical = [
        c
        for c in collections.values()
        if c.orderable_products and c.type == "ARCHIVE" and (c.product_type or "") != "SAR"
    ]
    scenes = []
    for collection in optical:
        request = SearchRequest(aoi=aoi, collections=(collection.name,), max_cloud=10)
        found = [s for page in client.search(request, max_scenes=50) for s in page.scenes]
        # Scenes that cover the whole AOI, so the delivery fills the ordered area.
        scenes = [s for s in found if shape(s.geometry).contains(shape(aoi))]
        if len(scenes) >= 2:
            break
    if len(scenes) < 2:
        raise RuntimeError("no optical scenes over Berlin")
    delivered, failing = scenes[0], scenes[1]
    SandboxControl(os.environ["UP42_API_URL"]).configure(
        force_status={failing.id: "PLACEMENT_FAILED"}
    )
    tracker = context.tracker
    ids = []
    for scene in (failing, delivered):
        ids.append(place_noted_order(context, client, collections[scene.collection], scene, aoi))
    state["order_id"] = ids[-1]
    state["scene"] = delivered
    log(f"placed {ids}")

    folder = Path(tempfile.mkdtemp(prefix="up42-shot-"))
    footprints = create_footprints_layer(folder / "footprints.gpkg", "Ordered scene", [delivered])
    footprints.setName("Ordered scene footprint")
    add_to_up42_group(footprints)
    state["footprints"] = footprints
    QgsProject.instance().addMapLayer(aoi_layer(aoi))

    context.downloads.download_finished.connect(delivered_files)
    context.downloads.download_failed.connect(download_failed)
    context.state.set_note(ids[-1], auto_download=True)
    tracker.track(ids, fast=True)
    state["panel"].refresh()


@guarded
def download_failed(order_id: str, message: str) -> None:
    raise RuntimeError(f"download of {order_id} failed: {message}")


@guarded
def delivered_files(order_id: str, files: list) -> None:
    log(f"delivered {order_id}: {len(files)} files")
    panel = state["panel"]
    panel.refresh()
    QTimer.singleShot(1500, select_and_zoom)


@guarded
def select_and_zoom() -> None:
    panel = state["panel"]
    if not panel.select_order(state["order_id"]):
        raise RuntimeError("the delivered order is not in the Orders tab")
    # The footprint's outline over the delivered image, not under it.
    root = QgsProject.instance().layerTreeRoot()
    node = root.findLayer(state["footprints"].id())
    parent = node.parent()
    parent.insertChildNode(0, node.clone())
    parent.removeChildNode(node)
    iface.layerTreeView().expandAll()
    rasters = [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.customProperty("up42/order_id") == state["order_id"]
    ]
    if rasters:
        iface.setActiveLayer(rasters[0])
    # Close enough to see the image, wide enough to see the footprint's outline around it.
    west, south, east, north = AOI_RECT
    margin_x, margin_y = (east - west) * 0.6, (north - south) * 0.5
    view = QgsRectangle(west - margin_x, south - margin_y, east + margin_x, north + margin_y)
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(to_mercator(view))
    # The "Downloaded … to <folder>" bar has been read; the shot is of the map and the tab.
    iface.messageBar().clearWidgets()
    canvas.mapCanvasRefreshed.connect(grab_soon)
    canvas.refreshAllLayers()


grab_soon = shot.grab_window_soon(1200)
shot.run(start, timeout_ms=180_000)
