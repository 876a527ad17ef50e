"""Helpers shared by the QGIS tests (the fixtures are in conftest.py).

Everything runs against the sandbox through the real client, tasks and task manager.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from up42_qgis.api.client import Credentials, Endpoints, RetryPolicy, Up42Client
from up42_qgis.api.models import Collection, OrderRequest, Scene, SearchRequest
from up42_qgis.bridge.clients import ClientProvider
from up42_qgis.context import PluginContext
from up42_qgis.tasks.base import TaskRunner

if TYPE_CHECKING:
    from up42_qgis.gui.search_panel import SearchPanel

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")

BERLIN_AOI = {
    "type": "Polygon",
    "coordinates": [
        [[13.30, 52.45], [13.42, 52.45], [13.42, 52.53], [13.30, 52.53], [13.30, 52.45]]
    ],
}
QUICK_DWELL = {"CREATED": 0.05, "BEING_PLACED": 0.05, "PLACED": 0.05, "BEING_FULFILLED": 0.1}
# Long enough that an order stays open for the whole test.
STAY_DWELL = {"CREATED": 3600, "BEING_PLACED": 3600, "PLACED": 3600, "BEING_FULFILLED": 3600}
WAIT_MS = 60000


def running_tasks() -> list[str]:
    """What QGIS's task manager still runs or queues (descriptions and status): the first
    thing to read when a wait for a task's result times out."""
    return [
        f"{task.description()} ({task.status()})"
        for task in QgsApplication.taskManager().activeTasks()
    ]


def wait_or_explain(qtbot, condition, explain, timeout: int = WAIT_MS) -> None:
    """``qtbot.waitUntil`` whose timeout says what ``explain()`` returns (the state that
    decides the condition), so a timeout seen once under load can be diagnosed."""
    try:
        qtbot.waitUntil(condition, timeout=timeout)
    except qtbot.TimeoutError:
        raise AssertionError(f"timed out after {timeout} ms: {explain()}") from None


def run_task(qtbot, task):
    """``task`` run by a TaskRunner; the finished task once its callback came (30 s at most)."""
    box = {}
    runner = TaskRunner()
    runner.start(task, lambda done: box.setdefault("task", done))
    qtbot.waitUntil(lambda: "task" in box, timeout=30_000)
    return box["task"]


def clear_message_bar(iface) -> None:
    for messages in iface.messageBar().messages.values():
        messages.clear()


def messages(iface, level: Qgis.MessageLevel) -> list[str]:
    return list(iface.messageBar().get_messages(level))


def orderable_scenes(
    client, count: int, min_products: int = 1
) -> tuple[list[Scene], list[Collection]]:
    """``count`` Berlin scenes from one collection with orderable data products."""
    collections = client.collections()
    orderable = [
        c for c in collections if len(c.orderable_products) >= min_products and c.type == "ARCHIVE"
    ]
    assert orderable, "the sandbox offers no orderable archive collection"
    for collection in orderable:
        request = SearchRequest(aoi=BERLIN_AOI, collections=(collection.name,), page_size=50)
        scenes = [s for page in client.search(request, max_scenes=50) for s in page.scenes]
        if len(scenes) >= count:
            return scenes[:count], collections
    raise AssertionError(f"no collection has {count} scenes over Berlin")


def order_request(scene: Scene, collections: list[Collection], name: str) -> OrderRequest:
    collection = next(c for c in collections if c.name == scene.collection)
    return OrderRequest(
        data_product_id=collection.orderable_products[0].id or "",
        scene_id=scene.id,
        aoi=BERLIN_AOI,
        display_name=name,
    )


def place_directly(client, scenes, collections, prefix: str) -> list[str]:
    """Setup only: orders placed through the client, for tests about what comes after."""
    ids = []
    for number, scene in enumerate(scenes):
        placed = client.place_order(order_request(scene, collections, f"{prefix} {number}"))
        assert placed.order_id, placed.error
        ids.append(placed.order_id)
    return ids


def requests_to(log: list[dict], method: str, path: str) -> list[dict]:
    return [r for r in log if r["method"] == method and r["path"].rstrip("/") == path]


class FixedClients(ClientProvider):
    """A client provider that always hands out the same client (a test's own, e.g. one whose
    retries do not wait); otherwise a real ClientProvider, ``changed`` signal included."""

    def __init__(self, client: Up42Client) -> None:
        super().__init__()
        self.fixed = client  # a test may swap it

    def is_configured(self) -> bool:
        return True

    def client(self) -> Up42Client:
        return self.fixed


BERLIN = QgsRectangle(13.30, 52.45, 13.50, 52.55)


def to_crs(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
    result = QgsGeometry(geometry)
    result.transform(QgsCoordinateTransform(WGS84, crs, QgsProject.instance()))
    return result


def sized_canvas(iface, qtbot):
    """The canvas at 600×600 px: its map settings learn the size only once its window shows."""
    canvas = iface.mapCanvas()
    canvas.window().show()
    canvas.resize(600, 600)
    qtbot.waitUntil(lambda: canvas.mapSettings().outputSize().width() > 500)
    return canvas


CATALOG_SEARCH = "/v2/catalog/search"


def make_panel(qtbot, context: PluginContext, wait_for_collections: bool = True) -> SearchPanel:
    from up42_qgis.gui.search_panel import SearchPanel

    panel = SearchPanel(context)
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    if wait_for_collections:
        with qtbot.waitSignal(panel.collections_loaded, timeout=WAIT_MS):
            panel.show()
    else:
        panel.show()
    return panel


def close_panel(qtbot, panel: SearchPanel, context: PluginContext) -> None:
    panel.unload()
    qtbot.waitUntil(lambda: not context.runner.running, timeout=WAIT_MS)


def prepare(panel: SearchPanel, page_size: int = 50) -> None:
    """Every collection, every date since 2015, no cloud limit, the map extent as AOI."""
    filters = panel.filters
    filters.set_selected_collections(list(filters.collections()))
    filters.start_date.setDate(QDate(2015, 1, 1))
    filters.max_cloud.setValue(100)
    filters.page_size.setValue(page_size)
    panel.aoi_widget.extent_button.click()
    assert panel.aoi_widget.aoi.usable


def search_and_wait(qtbot, panel: SearchPanel) -> None:
    with qtbot.waitSignal(panel.search_finished, timeout=WAIT_MS):
        panel.search_button.click()


def load_more_and_wait(qtbot, panel: SearchPanel) -> None:
    with qtbot.waitSignal(panel.search_finished, timeout=WAIT_MS):
        panel.load_more_button.click()


def expected_body(panel: SearchPanel) -> dict:
    """The STAC search body, written from the contract (not by the client's code)."""
    filters = panel.filters
    start = filters.start_date.date().toString("yyyy-MM-dd")
    end = filters.end_date.date().toString("yyyy-MM-dd")
    return {
        "collections": filters.selected_collections(),
        "intersects": panel.aoi_widget.aoi.geojson,
        "datetime": f"{start}T00:00:00Z/{end}T23:59:59Z",
    }


def catalog_requests(sandbox) -> list[dict]:
    return [r for r in sandbox.request_log() if r["path"].startswith(CATALOG_SEARCH)]


BERLIN_EXTENT = "13.3,13.5,52.4,52.6 [EPSG:4326]"


BERLIN_POLYGON = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.4], [13.5, 52.4], [13.5, 52.6], [13.3, 52.6], [13.3, 52.4]]],
}


ORDER_EXTENT = "13.38,13.42,52.49,52.51 [EPSG:4326]"


FAST_DWELL = {"CREATED": 0.1, "BEING_PLACED": 0.1, "PLACED": 0.1, "BEING_FULFILLED": 0.1}


SLOW_DWELL = {"CREATED": 600, "BEING_PLACED": 600, "PLACED": 600, "BEING_FULFILLED": 600}


def run(algorithm: str, parameters: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    import processing

    return processing.run(f"up42:{algorithm}", parameters, **kwargs)


def failure(algorithm: str, parameters: dict[str, Any], **kwargs: Any) -> str:
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, parameters, **kwargs)
    message = str(raised.value)
    assert message.strip()
    assert "\n" not in message.strip(), message
    assert "Traceback" not in message
    return message


def search(tmp_path: Path, name: str = "scenes", **extra: Any) -> QgsVectorLayer:
    """Scenes over ORDER_EXTENT unless told otherwise: each can be estimated for that area."""
    parameters = {"EXTENT": ORDER_EXTENT, "LIMIT": 5, "OUTPUT": str(tmp_path / f"{name}.gpkg")}
    parameters.update(extra)
    result = run("search", parameters)
    layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
    assert layer.isValid()
    return layer


def posts(log: list[dict], path: str) -> list[dict]:
    return [entry for entry in log if entry["method"] == "POST" and entry["path"] == path]


def feature_rows(layer_or_path: Any) -> list[dict[str, Any]]:
    layer = layer_or_path
    if not isinstance(layer, QgsVectorLayer):
        layer = QgsVectorLayer(str(layer_or_path), "table", "ogr")
    assert layer.isValid()
    names = layer.fields().names()
    return [dict(zip(names, f.attributes(), strict=True)) for f in layer.getFeatures()]


def value(row: dict[str, Any], name: str) -> Any:
    """NULL attributes come back as QVariant NULL; compare them as None."""
    item = row[name]
    return None if item is None or (hasattr(item, "isNull") and item.isNull()) else item


def make_geotiff(path: Path, bands: int) -> Path:
    from osgeo import gdal, osr

    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 64, 48, bands, gdal.GDT_UInt16)
    dataset.SetGeoTransform((13.3, 0.001, 0, 52.5, 0, -0.001))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    dataset.SetProjection(srs.ExportToWkt())
    for band in range(1, bands + 1):
        values = bytes(
            (x * 3 + y * band) % 251 for y in range(48) for x in range(64) for _ in range(2)
        )
        dataset.GetRasterBand(band).WriteRaster(0, 0, 64, 48, values)
    dataset = None
    return path


def sandbox_clients(sandbox) -> FixedClients:
    """A real client on the sandbox whose retries do not wait (so 5xx tests stay quick)."""
    return FixedClients(
        Up42Client(
            Endpoints(sandbox.url, sandbox.url),
            Credentials(sandbox.username, sandbox.password),
            retry=RetryPolicy(backoff=(0.0, 0.0), sleep=lambda _seconds: None),
        )
    )
