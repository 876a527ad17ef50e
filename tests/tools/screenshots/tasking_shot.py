"""Runs inside QGIS (``qgis --code``), driven by ``tasking_shot.sh``: sets the Search tab's
AOI over Berlin, opens "New tasking order…" from the Orders tab, loads a sandbox tasking
product's form and grabs the dialog (``tasking_form.png``); then places a tasking order with
the client, lets the tracker follow it until its quotation waits, selects it in the Orders tab
and grabs the main window (``tasking_quotation.png``). Nothing is accepted.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface, plugins

sys.path.insert(0, os.environ.get("UP42_SHOT_ROOT", os.getcwd()))

from up42_qgis.api.order_status import OrderSubStatus
from up42_qgis.api.tasking import find_data_product, tasking_request
from up42_qgis.gui.aoi import WGS84, make_aoi

OUT = Path(os.environ.get("UP42_SHOT_OUT", "."))
WORLD = "/usr/share/qgis/resources/data/world_map.gpkg"
AOI_RECT = (13.33, 52.48, 13.43, 52.53)  # central Berlin
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
FORM_PRODUCT = "pneo-tasking-standard"
QUOTED_PRODUCT = "pneo-tasking-priority"
state: dict = {}


def log(message: str) -> None:
    print(f"tasking_shot: {message}", flush=True)


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
    return QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance()).transformBoundingBox(rect)


def add_context_layer() -> None:
    states = QgsVectorLayer(f"{WORLD}|layername=states_provinces", "States and provinces", "ogr")
    states.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "222,232,214,255", "outline_color": "120,120,120", "outline_width": "0.5"}
            )
        )
    )
    QgsProject.instance().addMapLayer(states)
    QgsProject.instance().setCrs(MERCATOR)


@guarded
def start() -> None:
    window = iface.mainWindow()
    window.resize(1600, 1000)
    add_context_layer()
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(MERCATOR)
    west, south, east, north = AOI_RECT
    view = QgsRectangle(west - 0.12, south - 0.06, east + 0.12, north + 0.06)
    canvas.setExtent(to_mercator(view))
    plugin = plugins["up42_qgis"]
    plugin.action.trigger()
    dock = plugin.dock
    window.resizeDocks([dock], [660], Qt.Orientation.Horizontal)
    search = plugin.search_panel
    aoi = make_aoi(QgsGeometry.fromRect(QgsRectangle(*AOI_RECT)), WGS84, "polygon")
    search.aoi_widget.set_aoi(aoi)
    tabs = dock.tabs
    orders_tab = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Orders")
    tabs.setCurrentIndex(orders_tab)
    panel = state["panel"] = tabs.widget(orders_tab)
    state["context"] = plugin.context
    state["dialog"] = panel.open_tasking()
    QTimer.singleShot(500, wait_products)


@guarded
def wait_products() -> None:
    dialog = state["dialog"]
    if not dialog.products:
        QTimer.singleShot(300, wait_products)
        return
    dialog.select_product(FORM_PRODUCT)
    QTimer.singleShot(300, wait_form)


@guarded
def wait_form() -> None:
    dialog = state["dialog"]
    if dialog.schema is None:
        QTimer.singleShot(300, wait_form)
        return
    dialog.resize(600, 590)
    QTimer.singleShot(600, grab_form)


@guarded
def grab_form() -> None:
    dialog = state["dialog"]
    image = dialog.grab()
    path = OUT / "tasking_form.png"
    if not image.save(str(path)):
        raise RuntimeError(f"cannot save {path}")
    log(f"saved {path} ({image.width()}x{image.height()})")
    dialog.close()
    place_quoted()


@guarded
def place_quoted() -> None:
    context = state["context"]
    client = context.clients.client()
    found = find_data_product(client.collections(), QUOTED_PRODUCT)
    if found is None:
        raise RuntimeError(f"no {QUOTED_PRODUCT}")
    product = found[1]
    schema = client.order_schema(product.id or "")
    start = datetime.now(UTC).date() + timedelta(days=3)
    values = {
        "displayName": "Berlin Mitte, new acquisition",
        "acquisitionStart": start.isoformat(),
        "acquisitionEnd": (start + timedelta(days=14)).isoformat(),
        "acquisitionMode": "mono",
        "maxIncidenceAngle": 25,
        "maxCloudCover": 15,
    }
    aoi = state["panel"].search_aoi()
    request = tasking_request(
        schema, product.id or "", values["displayName"], aoi.geojson, values,
        today=datetime.now(UTC).date(),
    )  # fmt: skip
    placed = client.place_order(request)
    if not placed.order_id:
        raise RuntimeError(f"placing failed: {placed.error}")
    state["order_id"] = placed.order_id
    log(f"placed {placed.order_id}")
    context.tracker.track([placed.order_id], fast=True)
    state["panel"].refresh()
    QTimer.singleShot(500, wait_quotation)


@guarded
def wait_quotation() -> None:
    panel, order_id = state["panel"], state["order_id"]
    order = state["context"].tracker.last_orders.get(order_id)
    if (
        order is None
        or order.sub_status != OrderSubStatus.QUOTATION_WAITING_RESPONSE
        or order_id not in panel.orders
    ):
        QTimer.singleShot(300, wait_quotation)
        return
    if panel.selected_order_id() != order_id:
        panel.select_order(order_id)
    if panel.decision.quotation is None:
        QTimer.singleShot(300, wait_quotation)
        return
    canvas = iface.mapCanvas()
    west, south, east, north = AOI_RECT
    view = QgsRectangle(west - 0.12, south - 0.05, east + 0.12, north + 0.05)
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(to_mercator(view))
    canvas.mapCanvasRefreshed.connect(grab_soon)
    canvas.refreshAllLayers()


@guarded
def grab_soon(*_args) -> None:
    if state.get("grabbing"):
        return
    state["grabbing"] = True
    QTimer.singleShot(1500, grab_quotation)


@guarded
def grab_quotation() -> None:
    image = iface.mainWindow().grab()
    path = OUT / "tasking_quotation.png"
    if not image.save(str(path)):
        raise RuntimeError(f"cannot save {path}")
    log(f"saved {path} ({image.width()}x{image.height()})")
    finish(0)


QTimer.singleShot(180_000, lambda: (log("timed out"), finish(2)))
QTimer.singleShot(1500, start)
