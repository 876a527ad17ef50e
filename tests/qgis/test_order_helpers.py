"""Fixtures and helpers shared by the order, tracker and delivery tests (imported by them).

Everything runs against the sandbox through the real client, tasks and task manager; the
plugin's services are built the way plugin.py builds them, with a test download folder and a
fast tracker interval (the sandbox's dwell times are tiny).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsNetworkAccessManager, QgsProject

from up42_qgis.api.models import Collection, OrderRequest, Scene, SearchRequest
from up42_qgis.context import PluginContext

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


def clear_message_bar(iface) -> None:
    for messages in iface.messageBar().messages.values():
        messages.clear()


def messages(iface, level: Qgis.MessageLevel) -> list[str]:
    return list(iface.messageBar().get_messages(level))


@pytest.fixture
def order_context(iface, sandbox_account, tmp_path: Path) -> Iterator[PluginContext]:
    """A PluginContext with a fresh client provider, download manager and tracker."""
    from up42_qgis.bridge.clients import ClientProvider
    from up42_qgis.services.downloads import DownloadManager
    from up42_qgis.services.order_flow import OrderFlow
    from up42_qgis.services.tracker import OrderTracker

    clear_message_bar(iface)
    context = PluginContext(iface=iface, clients=ClientProvider())
    context.downloads = DownloadManager(context, root=tmp_path / "downloads")
    context.tracker = OrderTracker(context, fast_interval_s=0.2)
    context.flow = OrderFlow(context)
    yield context
    context.tracker.stop()
    context.downloads.stop()
    context.runner.cancel_all()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


@pytest.fixture
def short_network_timeout() -> Iterator[float]:
    """QGIS's network timeout at 1.5 s, so a delayed placement answer times out."""
    previous = QgsNetworkAccessManager.timeout()
    QgsNetworkAccessManager.setTimeout(1500)
    yield 1.5
    QgsNetworkAccessManager.setTimeout(previous)


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
