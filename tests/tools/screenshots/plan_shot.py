"""Runs inside QGIS (``qgis --code``): a search over Berlin with the real plugin against the
sandbox, the selected scenes planned with "Plan coverage" (plan and gaps on the map, the saving
in the dock), then a grab of the main window to ``$UP42_SHOT_OUT``. Driven by
``plan_shot.sh``.

Local map context instead of a basemap (offline): QGIS's bundled world map (countries and
states/provinces, which include Berlin and Brandenburg); the steps they share with the other
shots are in ``shot_support``.
"""

from __future__ import annotations

import os
import sys

from qgis.core import QgsRectangle
from qgis.utils import iface

sys.path.insert(0, os.environ.get("UP42_SHOT_ROOT", os.getcwd()))

from tests.tools.screenshots.shot_support import Shot, search_tab_start, to_mercator

AOI = QgsRectangle(13.12, 52.36, 13.68, 52.64)  # Berlin, EPSG:4326
VIEW = QgsRectangle(13.00, 52.30, 13.80, 52.70)
shot = Shot("plan_shot", "plan.png")
grab_soon = shot.grab_window_soon(800)


def searched(panel, rows: int) -> None:
    # The Pléiades scenes (20 km wide: several are needed) are the candidates and what
    # "order every selected scene over the whole AOI" would cost.
    model = panel.results.model
    scenes = [model.scene_at(i) for i in range(rows)]
    picked = [s.id for s in scenes if s is not None and s.collection == "phr"]
    shot.log(f"{len(picked)} Pléiades scenes selected")
    panel.results.select_scene_ids(picked)
    box = panel.plan_box
    box.plan_finished.connect(planned)
    box.plan()


@shot.guarded
def planned(*_args) -> None:
    panel = shot.state["panel"]
    box = panel.plan_box
    shot.log(f"plan: {box.summary.text()!r}")
    if box.priced is None:
        raise RuntimeError("no plan")
    panel.query_box.setCollapsed(True)  # room for the plan
    panel.plan_toggle.setChecked(True)
    canvas = iface.mapCanvas()
    canvas.setExtent(to_mercator(VIEW))
    canvas.mapCanvasRefreshed.connect(grab_soon)
    canvas.refresh()


shot.run(search_tab_start(shot, AOI, searched))
