"""What the screenshot scripts (run inside QGIS with ``qgis --code``) share: their log line,
the guard that quits QGIS when a step fails, the offline map context, the Search tab's
search over an AOI, the grab of the main window once the canvas has drawn, and an order
placed for the shot.

The scripts import it after ``sys.path.insert(0, $UP42_SHOT_ROOT or the working directory)``.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

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
from qgis.PyQt.QtCore import QDate, QLocale, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

WORLD = "/usr/share/qgis/resources/data/world_map.gpkg"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")


class Shot:
    """One screenshot script: ``name`` starts its log lines, ``out`` is $UP42_SHOT_OUT (else
    ``default_out``), ``state`` what its steps hand on."""

    def __init__(self, name: str, default_out: str) -> None:
        self.name = name
        self.out = os.environ.get("UP42_SHOT_OUT", default_out)
        self.state: dict[str, Any] = {}

    def log(self, message: str) -> None:
        print(f"{self.name}: {message}", flush=True)

    @staticmethod
    def finish(code: int) -> None:
        sys.stdout.flush()
        QgsApplication.exit(code)

    def guarded(self, step: Callable[..., None]) -> Callable[..., None]:
        """``step`` as a slot that prints its traceback and quits QGIS (1) when it fails."""

        def run(*args: Any) -> None:
            try:
                step(*args)
            except Exception:
                traceback.print_exc()
                self.finish(1)

        return run

    def run(self, start: Callable[[], None], timeout_ms: int = 120_000) -> None:
        """``start`` once QGIS has settled; quits (2) when the shot takes longer than
        ``timeout_ms``."""
        QTimer.singleShot(timeout_ms, lambda: (self.log("timed out"), self.finish(2)))
        QTimer.singleShot(1500, start)

    def grab_window_soon(self, delay_ms: int = 800) -> Callable[..., None]:
        """A slot for ``mapCanvasRefreshed``: ``delay_ms`` after the first refresh, the main
        window saved to ``out`` and QGIS quit (0)."""

        @self.guarded
        def grab() -> None:
            image = iface.mainWindow().grab()
            if not image.save(self.out):
                raise RuntimeError(f"cannot save {self.out}")
            self.log(f"saved {self.out} ({image.width()}x{image.height()})")
            self.finish(0)

        @self.guarded
        def grab_soon(*_args: Any) -> None:
            if self.state.get("grabbing"):
                return
            self.state["grabbing"] = True
            QTimer.singleShot(delay_ms, grab)

        return grab_soon


def to_mercator(rect: QgsRectangle) -> QgsRectangle:
    transform = QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance())
    return transform.transformBoundingBox(rect)


def canvas_extent() -> str:
    return iface.mapCanvas().extent().toString(1)


def add_context_layers() -> None:
    """QGIS's bundled world map (countries, states and provinces, labelled) instead of a
    basemap: the shots work offline."""
    project = QgsProject.instance()
    german = QLocale().language() == QLocale.Language.German  # the shot's language
    countries = QgsVectorLayer(
        f"{WORLD}|layername=countries", "Staaten" if german else "Countries", "ogr"
    )
    countries.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "236,233,222,255", "outline_color": "150,150,150", "outline_width": "0.4"}
            )
        )
    )
    states = QgsVectorLayer(
        f"{WORLD}|layername=states_provinces",
        "Bundesländer und Provinzen" if german else "States and provinces",
        "ogr",
    )
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


def search_tab_start(
    shot: Shot,
    aoi: QgsRectangle,
    searched: Callable[[Any, int], None],
    *,
    height: int = 1150,
    dock_width: int | None = 560,
) -> Callable[[], None]:
    """The first step of a Search-tab shot: the window 1600 × ``height``, the map on ``aoi``
    (EPSG:4326), the dock open (``dock_width`` wide, or as QGIS opens it when None),
    every collection of the last three years with at most 30 % cloud searched over the map
    extent; then ``searched(panel, rows)`` (guarded) once the results are in."""

    @shot.guarded
    def start() -> None:
        window = iface.mainWindow()
        window.resize(1600, height)
        add_context_layers()
        canvas = iface.mapCanvas()
        canvas.setDestinationCrs(MERCATOR)
        canvas.setExtent(to_mercator(aoi))
        plugin = plugins["up42_qgis"]
        plugin.action.trigger()
        if dock_width is not None:
            window.resizeDocks([plugin.dock], [dock_width], Qt.Orientation.Horizontal)
        browser = window.findChild(QDockWidget, "Browser")
        if browser is not None:
            browser.hide()  # more room for the Layers panel with the UP42 group
        panel = plugin.search_panel
        shot.state["panel"] = panel
        if panel.filters.collections():
            QTimer.singleShot(0, search)
        else:
            panel.collections_loaded.connect(search)
            panel.load_collections()

    @shot.guarded
    def search(*_args: Any) -> None:
        panel = shot.state["panel"]
        if shot.state.get("searched"):
            return
        shot.state["searched"] = True
        filters = panel.filters
        names = list(filters.collections())
        shot.log(f"{len(names)} collections")
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
        canvas.setExtent(to_mercator(aoi))
        panel.aoi_widget.use_map_extent()
        area = panel.aoi_widget.aoi
        if area is None or not area.usable:
            problem = area.problem if area else panel.aoi_widget.problem_label.text()
            raise RuntimeError(f"the AOI is not usable: {problem}; extent {canvas_extent()}")
        panel.search_finished.connect(found)
        panel.search()

    @shot.guarded
    def found(*_args: Any) -> None:
        panel = shot.state["panel"]
        panel.search_finished.disconnect(found)
        rows = panel.results.model.rowCount()
        shot.log(f"state {panel.state}, {rows} rows, message {panel.message_label.text()!r}")
        if rows == 0:
            raise RuntimeError("the search found nothing")
        searched(panel, rows)

    return start


def place_noted_order(context: Any, client: Any, collection: Any, scene: Any, aoi: dict) -> str:
    """An order of ``scene`` over ``aoi`` placed directly through ``client``, its estimate
    noted as the dock notes it; the order id."""
    from up42_qgis.api.models import OrderRequest
    from up42_qgis.api.ordering import order_name, placement_stamp

    request = OrderRequest(
        data_product_id=collection.orderable_products[0].id or "",
        scene_id=scene.id,
        aoi=aoi,
        display_name=order_name(collection.title, scene.acquired, scene.id, placement_stamp()),
    )
    estimate = client.estimate(request)
    placed = client.place_order(request)
    if not placed.order_id:
        raise RuntimeError(f"placing failed: {placed.error}")
    context.state.set_note(placed.order_id, credits=estimate.credits)
    return placed.order_id
