"""The results table with 10,000 rows: the table's own column sort, and "select all" synced to
the footprints layer, both measured as the longest GUI stall (10 ms heartbeat)."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, QTimer

from tests.benchmarks.harness import replicate_features
from tests.benchmarks.support import measure_stalls, require_module, spin_until
from tests.benchmarks.test_footprints import parse_scenes, show_footprints

ROWS = 10_000
SORTED_COLUMNS = ("cloud", "date", "resolution", "collection")


def settle(seconds: float) -> None:
    end = time.monotonic() + seconds
    spin_until(lambda: time.monotonic() >= end, seconds + 5, "settling")


@pytest.fixture(scope="module")
def scenes(world_features: list[dict]) -> list:
    import json

    features = replicate_features(world_features, ROWS)
    text = json.dumps({"type": "FeatureCollection", "features": features})
    return parse_scenes([text])


def results_view(iface, qtbot, scenes, tmp_path):
    """The real ResultsView with 10,000 rows, linked with their footprints layer as the
    search session links them (the writer's scene id ↔ feature id map)."""
    gpkg = require_module("up42_qgis.layers.footprints_gpkg", "FootprintsTable",
                          "SceneFeatureMap")
    view_module = require_module("up42_qgis.gui.search_results", "ResultsView")
    table = gpkg.FootprintsTable(tmp_path / "results.gpkg", "results")
    features = gpkg.SceneFeatureMap()
    features.update(table.write(scenes))
    layer = show_footprints(table, "results")
    view = view_module.ResultsView(iface.mapCanvas())
    qtbot.addWidget(view)
    view.resize(460, 500)
    view.show()
    view.add_scenes(scenes)
    view.attach_layer(layer, features)
    assert view.model.rowCount() == ROWS
    assert layer.featureCount() == ROWS
    return view, layer


@pytest.mark.bench_rows("stall_sort_results")
def test_gui_stall_sorting_10000_rows(bench, iface, qtbot, scenes, tmp_path, qgis_new_project):
    from up42_qgis.gui.results_model import COLUMNS

    view, layer = results_view(iface, qtbot, scenes, tmp_path)
    done: list[str] = []

    def sort_once(repetition: int) -> None:
        column = COLUMNS.index(SORTED_COLUMNS[repetition % len(SORTED_COLUMNS)])
        order = Qt.SortOrder.AscendingOrder if repetition % 2 else Qt.SortOrder.DescendingOrder

        def click() -> None:  # as a click on the header does it, from the event loop
            view.table.sortByColumn(column, order)
            view.table.viewport().repaint()
            done.append(COLUMNS[column])

        QTimer.singleShot(0, click)
        spin_until(lambda: len(done) > repetition, 60, "the sort")
        settle(0.2)  # queued repaints run under the heartbeat too

    stalls = measure_stalls(sort_once, repetitions=4)
    first = view.model.scene_at(0)
    assert first is not None
    row = bench.record("stall_sort_results", stalls.value, stalls.baseline)
    row.notes.append(f"{stalls.describe()}; the real ResultsView with {ROWS:,} rows, "
                     f"sortByColumn on {', '.join(done)} (as a header click) and a repaint")
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.mark.bench_rows("stall_select_results")
def test_gui_stall_selecting_10000_rows(bench, iface, qtbot, scenes, tmp_path, qgis_new_project):
    view, layer = results_view(iface, qtbot, scenes, tmp_path)
    done: list[int] = []

    def select_once(repetition: int) -> None:
        def select_all() -> None:  # Ctrl+A in the table
            view.table.clearSelection()
            view.table.selectAll()
            done.append(layer.selectedFeatureCount())

        QTimer.singleShot(0, select_all)
        spin_until(lambda: len(done) > repetition, 60, "select all")
        settle(0.3)  # the canvas and the table repaint the selection under the heartbeat

    stalls = measure_stalls(select_once)
    assert done
    assert all(count == ROWS for count in done), done
    assert len(view.selected_scenes()) == ROWS
    row = bench.record("stall_select_results", stalls.value, stalls.baseline)
    row.notes.append(f"{stalls.describe()}; selectAll() on the real ResultsView with {ROWS:,} "
                     "rows, synced to the 10,000-feature footprints layer (selectByIds)")
    QgsProject.instance().removeMapLayer(layer.id())
