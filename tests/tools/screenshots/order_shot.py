"""Runs inside QGIS (``qgis --code``): a search over Berlin with the real plugin against the
sandbox, four scenes selected (one of each collection with an orderable data product first),
*Order…* pressed (the plugin estimates, then opens its confirmation), and a grab of the
confirmation dialog with its prices to ``$UP42_SHOT_OUT``. Nothing is placed. Driven by
``order_shot.sh``, which can start QGIS in another locale (``order_shot.sh out.png de``).
"""

from __future__ import annotations

import os
import sys

from qgis.core import QgsRectangle
from qgis.PyQt.QtCore import QLocale, QTimer

sys.path.insert(0, os.environ.get("UP42_SHOT_ROOT", os.getcwd()))

from tests.tools.screenshots.shot_support import Shot, search_tab_start

AOI = QgsRectangle(13.20, 52.40, 13.60, 52.62)  # Berlin, EPSG:4326
SCENES = 4
shot = Shot("order_shot", "order.png")


def searched(panel, rows: int) -> None:
    shot.log(f"locale {QLocale().name()}: 13462 credits read {QLocale().toString(13462.0, 'f', 0)}")
    model, bar = panel.results.model, panel.order_bar
    orderable = []
    for row in range(rows):
        scene = model.scene_at(row)
        collection = bar.collection(scene.collection) if scene is not None else None
        if scene is not None and collection is not None and collection.orderable_products:
            orderable.append(scene)
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
    shot.log(f"selected {len(picked)} scenes of {sorted(seen)}")
    QTimer.singleShot(300, order)


@shot.guarded
def order() -> None:
    shot.state["panel"].order_bar.order()  # estimates first, then opens the confirmation
    QTimer.singleShot(250, wait_for_dialog)


@shot.guarded
def wait_for_dialog() -> None:
    bar = shot.state["panel"].order_bar
    dialog = bar.dialog
    shot.state["polls"] = shot.state.get("polls", 0) + 1
    if dialog is None or not dialog.isVisible():
        if shot.state["polls"] > 240:
            raise RuntimeError(f"no confirmation opened: {bar.summary.text()!r}")
        QTimer.singleShot(250, wait_for_dialog)
        return
    shot.log(f"dialog: {dialog.summary.text()!r}")
    QTimer.singleShot(1000, grab)


@shot.guarded
def grab() -> None:
    dialog = shot.state["panel"].order_bar.dialog
    image = dialog.grab()
    if not image.save(shot.out):
        raise RuntimeError(f"cannot save {shot.out}")
    shot.log(f"saved {shot.out} ({image.width()}x{image.height()})")
    dialog.reject()  # nothing is placed
    shot.finish(0)


# One dock width for every language (German labels widen the dock), so one AOI and one price.
shot.run(search_tab_start(shot, AOI, searched, height=1000, dock_width=640), timeout_ms=180_000)
