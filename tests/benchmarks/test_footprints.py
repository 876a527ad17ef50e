"""Footprints: building the layer of a 10,000-scene search, and what that does to the GUI."""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer

from tests.benchmarks.harness import median, replicate_features
from tests.benchmarks.support import measure_stalls, require_module, spin_until

SCENES = 10_000
REPETITIONS = 3


@pytest.fixture(scope="module")
def search_result_text(world_features: list[dict]) -> str:
    """A 10,000-scene search result as the client receives it: JSON text."""
    features = replicate_features(world_features, SCENES)
    return json.dumps({"type": "FeatureCollection", "features": features})


def build_footprints(search_result_text: str, folder: Path, name: str) -> QgsVectorLayer:
    """Parse → Scene → GeoPackage layer → project (the plugin's own functions)."""
    from up42_qgis.api.models import Scene

    footprints = require_module("up42_qgis.layers.footprints", "create_footprints_layer")
    scenes = [Scene.from_json(feature) for feature in json.loads(search_result_text)["features"]]
    layer = footprints.create_footprints_layer(folder / f"{name}.gpkg", name, scenes)
    if hasattr(footprints, "add_to_up42_group"):
        footprints.add_to_up42_group(layer)
    else:
        QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.mark.bench_rows("footprints_build")
def test_footprints_layer_for_10000_scenes(bench, search_result_text, tmp_path, qgis_new_project):
    durations = []
    for repetition in range(REPETITIONS):
        gc.collect()  # every build starts from the same heap, not the last one's garbage
        start = time.perf_counter()
        layer = build_footprints(search_result_text, tmp_path, f"search_{repetition}")
        durations.append(time.perf_counter() - start)
        assert layer.isValid()
        assert layer.featureCount() == SCENES
        QgsProject.instance().removeMapLayer(layer.id())
    row = bench.record("footprints_build", median(durations))
    row.notes.append(
        f"median of {REPETITIONS} builds (s): {', '.join(f'{d:.2f}' for d in durations)}; "
        f"the sandbox world's scenes repeated with fresh ids up to {SCENES}"
    )


@pytest.mark.bench_rows("stall_footprints")
def test_gui_stall_while_creating_10000_footprints(
    bench, search_result_text, tmp_path, qgis_new_project
):
    """The layer is built the way the plugin builds it, started from the event loop while the
    heartbeat runs: a synchronous build on the main thread shows as one long gap."""
    built: list[QgsVectorLayer] = []

    def create(repetition: int) -> None:
        QTimer.singleShot(0, lambda: built.append(
            build_footprints(search_result_text, tmp_path, f"stall_{repetition}")))
        spin_until(lambda: len(built) > repetition, 120, "building the footprints layer")
        assert built[-1].featureCount() == SCENES
        QgsProject.instance().removeMapLayer(built[-1].id())

    stalls = measure_stalls(create)
    row = bench.record("stall_footprints", stalls.value, stalls.baseline)
    row.notes.append(f"{stalls.describe()}; built by create_footprints_layer on the main "
                     "thread, as the search panel calls it")
