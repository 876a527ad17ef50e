"""Footprints: building the layer of a 10,000-scene search, and what that does to the GUI."""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from tests.benchmarks.harness import median, replicate_features
from tests.benchmarks.support import measure_stalls, require_module, run_task, spin_until

SCENES = 10_000
PAGE = 500
REPETITIONS = 3


@pytest.fixture(scope="module")
def search_result_text(world_features: list[dict]) -> str:
    """A 10,000-scene search result as the client receives it: JSON text."""
    features = replicate_features(world_features, SCENES)
    return json.dumps({"type": "FeatureCollection", "features": features})


@pytest.fixture(scope="module")
def search_page_texts(world_features: list[dict]) -> list[str]:
    """The same 10,000 scenes as the plugin receives them: 20 pages of 500, JSON text each."""
    features = replicate_features(world_features, SCENES)
    return [
        json.dumps({"type": "FeatureCollection", "features": features[start : start + PAGE]})
        for start in range(0, SCENES, PAGE)
    ]


def parse_scenes(texts: list[str]) -> list:
    """Each page's JSON text to scenes, as the client does it (``Transport.json_into`` with
    ``catalog.scene_page``: decoded and built with the garbage collector paused)."""
    catalog = require_module("up42_qgis.api.catalog", "scene_page")
    gc_pause = require_module("up42_qgis.api.gc_pause", "collector_paused")
    scenes = []
    for text in texts:
        with gc_pause.collector_paused():
            payload = json.loads(text)
            scenes.extend(catalog.scene_page(payload, {}).scenes)
            del payload
    return scenes


def show_footprints(table, title: str) -> QgsVectorLayer:
    """What the panel does on the main thread once a task has written the table."""
    gpkg = require_module("up42_qgis.layers.footprints_gpkg", "open_footprints_layer")
    footprints = require_module("up42_qgis.layers.footprints", "add_to_up42_group")
    layer = gpkg.open_footprints_layer(table, title)
    footprints.add_to_up42_group(layer)
    return layer


def build_footprints(search_result_text: str, folder: Path, name: str) -> QgsVectorLayer:
    """Parse → Scene → GeoPackage table → layer → project (the plugin's own functions), all on
    the calling thread, so the row is the whole cost wherever the plugin spends it."""
    gpkg = require_module("up42_qgis.layers.footprints_gpkg", "FootprintsTable")
    scenes = parse_scenes([search_result_text])
    table = gpkg.FootprintsTable(folder / f"{name}.gpkg", name)
    table.write(scenes)
    return show_footprints(table, name)


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
        f"the sandbox world's scenes repeated with fresh ids up to {SCENES}; one JSON text, "
        "parsed, written and shown on one thread (the plugin parses and writes in its search "
        "task and only shows the layer on the main thread)"
    )


@pytest.mark.bench_rows("stall_footprints")
def test_gui_stall_while_creating_10000_footprints(
    bench, search_page_texts, tmp_path, qgis_new_project
):
    """The layer is built the way the search panel builds it: a QgsTask parses the pages and
    writes the GeoPackage table (as SearchTask does), and its callback shows the layer on the
    main thread while the heartbeat runs."""
    gpkg = require_module("up42_qgis.layers.footprints_gpkg", "FootprintsTable")
    base = require_module("up42_qgis.tasks.base", "Up42Task")

    class WriteFootprints(base.Up42Task):
        def __init__(self, table) -> None:
            super().__init__("benchmark: 10,000 footprints")
            self.table = table

        def work(self) -> dict:
            return self.table.write(parse_scenes(search_page_texts), self.isCanceled)

    built: list[QgsVectorLayer] = []

    def create(repetition: int) -> None:
        table = gpkg.FootprintsTable(tmp_path / "stall.gpkg", f"stall_{repetition}")
        task = WriteFootprints(table)
        task.on_done(lambda done: built.append(show_footprints(done.table, "footprints")))
        run_task(task)
        assert task.error is None, task.error
        spin_until(lambda: len(built) > repetition, 120, "showing the footprints layer")
        assert built[-1].featureCount() == SCENES
        QgsProject.instance().removeMapLayer(built[-1].id())

    stalls = measure_stalls(create)
    row = bench.record("stall_footprints", stalls.value, stalls.baseline)
    row.notes.append(f"{stalls.describe()}; 20 pages of 500 parsed and written to the "
                     "GeoPackage in a QgsTask, the layer opened and added on the main thread")
