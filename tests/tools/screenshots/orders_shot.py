"""Runs inside QGIS (``qgis --code``): the UP42 dock at its default width, the account header
("who am I") over the Orders tab with several orders in different states, the dock alone
grabbed to ``$UP42_SHOT_OUT``. Driven by
``orders_shot.sh``. Orders are placed through the client; the sandbox's states are forced so
the tab shows fulfilled, in-progress and failed orders at once.
"""

from __future__ import annotations

import os
import sys

from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

sys.path.insert(0, os.environ.get("UP42_SHOT_ROOT", os.getcwd()))

from tests.sandbox.control import SandboxControl
from tests.tools.screenshots.shot_support import Shot, place_noted_order
from up42_qgis.api.models import SearchRequest

shot = Shot("orders_shot", "orders.png")
OUT = shot.out
AOI = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.46], [13.46, 52.46], [13.46, 52.55], [13.3, 52.55], [13.3, 52.46]]],
}
state = shot.state
log, finish, guarded = shot.log, shot.finish, shot.guarded


@guarded
def start() -> None:
    window = iface.mainWindow()
    window.resize(1600, 1000)
    plugin = plugins["up42_qgis"]
    plugin.action.trigger()  # the dock at QGIS's default width: no resizeDocks
    tabs = plugin.dock.tabs
    orders_tab = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Orders")
    context = plugin.context
    client = context.clients.client()
    sandbox = SandboxControl(os.environ["UP42_API_URL"])
    collections = {c.name: c for c in client.collections()}
    picked = []
    for collection in collections.values():
        if not collection.orderable_products or collection.type != "ARCHIVE":
            continue
        request = SearchRequest(aoi=AOI, collections=(collection.name,))
        scenes = [s for page in client.search(request, max_scenes=3) for s in page.scenes]
        picked += [(collection, s) for s in scenes[:2]]
        if len(picked) >= 5:
            break
    sandbox.configure(force_status={picked[-1][1].id: "PLACEMENT_FAILED"})
    ids = []
    for collection, scene in picked:
        ids.append(place_noted_order(context, client, collection, scene, AOI))
    for order_id in ids[:2]:
        sandbox.force_order_status(order_id, "FULFILLED")
    log(f"placed {ids}")
    tabs.setCurrentIndex(orders_tab)
    state["panel"] = tabs.widget(orders_tab)
    state["ids"] = ids
    QTimer.singleShot(1500, refresh)


@guarded
def refresh() -> None:
    state["panel"].refresh()
    QTimer.singleShot(2500, select)


@guarded
def select() -> None:
    state["panel"].select_order(state["ids"][1])
    QTimer.singleShot(1000, grab)


@guarded
def grab() -> None:
    dock = plugins["up42_qgis"].dock
    log(f"dock {dock.width()}x{dock.height()}; header: {dock.header.text()}")
    if not dock.grab().save(OUT):
        raise RuntimeError(f"cannot save {OUT}")
    log(f"saved {OUT}")
    finish(0)


shot.run(start)
