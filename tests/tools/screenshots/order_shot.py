"""Runs inside QGIS (``qgis --code``): a search over Berlin with the real plugin against the
sandbox, four scenes of different collections selected, *Order…* pressed (the plugin
estimates, then opens its confirmation), and a grab of the confirmation dialog with its
prices to ``$UP42_SHOT_OUT``. Nothing is placed. Driven by ``order_shot.sh``, which can start
QGIS in another locale (``order_shot.sh out.png de``).
"""

from __future__ import annotations

import os
import sys
import traceback

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QDate, QLocale, Qt, QTimer
from qgis.utils import iface, plugins

OUT = os.environ.get("UP42_SHOT_OUT", "order.png")
AOI = QgsRectangle(13.20, 52.40, 13.60, 52.62)  # Berlin, EPSG:4326
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
SCENES = 4
state: dict = {}


def log(message: str) -> None:
    print(f"order_shot: {message}", flush=True)


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


def show_aoi() -> None:
    QgsProject.instance().setCrs(MERCATOR)
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(to_mercator(AOI))


@guarded
def start() -> None:
    log(f"locale {QLocale().name()}, 13462 credits read {QLocale().toString(13462.0, 'f', 0)}")
    window = iface.mainWindow()
    window.resize(1600, 1000)
    show_aoi()
    plugin = plugins["up42_qgis"]
    plugin.action.trigger()
    window.resizeDocks([plugin.dock], [560], Qt.Orientation.Horizontal)
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
    if not names:
        raise RuntimeError(f"no collections: {filters.collections_status.text()}")
    filters.set_selected_collections(names)
    filters.start_date.setDate(QDate.currentDate().addYears(-3))
    filters.max_cloud.setValue(20)
    filters.page_size.setValue(60)
    show_aoi()  # adding layers may have moved the view
    panel.aoi_widget.use_map_extent()
    aoi = panel.aoi_widget.aoi
    if aoi is None or not aoi.usable:
        raise RuntimeError(f"the AOI is not usable: {panel.aoi_widget.problem_label.text()}")
    panel.search_finished.connect(searched)
    panel.search()


@guarded
def searched(*_args) -> None:
    panel = state["panel"]
    panel.search_finished.disconnect(searched)
    model = panel.results.model
    bar = panel.order_bar
    log(f"{model.rowCount()} rows")
    orderable = []
    for row in range(model.rowCount()):
        scene = model.scene_at(row)
        collection = bar.collection(scene.collection) if scene is not None else None
        if scene is not None and collection is not None and collection.orderable_products:
            orderable.append(scene)
    # One scene of each collection first (in the table's order), then more up to SCENES.
    picked: list[str] = []
    seen: set[str] = set()
    for scene in orderable:
        if scene.collection not in seen:
            seen.add(scene.collection)
            picked.append(scene.id)
    picked += [s.id for s in orderable if s.id not in picked][: max(0, SCENES - len(picked))]
    picked = picked[:SCENES]
    if not picked:
        raise RuntimeError("no orderable scene over Berlin")
    panel.results.select_scene_ids(picked)
    log(f"selected {len(picked)} scenes of {sorted(seen)}")
    QTimer.singleShot(300, order)


@guarded
def order() -> None:
    bar = state["panel"].order_bar
    bar.order()  # estimates first, then opens the confirmation
    QTimer.singleShot(250, wait_for_dialog)


@guarded
def wait_for_dialog() -> None:
    bar = state["panel"].order_bar
    dialog = bar.dialog
    state["polls"] = state.get("polls", 0) + 1
    if dialog is None or not dialog.isVisible():
        if state["polls"] > 240:
            raise RuntimeError(f"no confirmation opened: {bar.summary.text()!r}")
        QTimer.singleShot(250, wait_for_dialog)
        return
    log(f"dialog: {dialog.summary.text()!r}")
    QTimer.singleShot(1000, grab)


@guarded
def grab() -> None:
    dialog = state["panel"].order_bar.dialog
    image = dialog.grab()
    if not image.save(OUT):
        raise RuntimeError(f"cannot save {OUT}")
    log(f"saved {OUT} ({image.width()}x{image.height()})")
    dialog.reject()  # nothing is placed
    finish(0)


QTimer.singleShot(180_000, lambda: (log("timed out"), finish(2)))
QTimer.singleShot(1500, start)
