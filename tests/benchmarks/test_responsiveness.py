"""GUI responsiveness while the plugin searches and estimates: a 10 ms heartbeat on the main
thread, and the longest gap between two beats. (Downloads and footprints have their own
modules; their stall rows are measured there.)"""

from __future__ import annotations

from datetime import date

import pytest
from qgis.PyQt.QtCore import QTimer

from tests.benchmarks.harness import WORLD_AOI, WORLD_END, WORLD_START
from tests.benchmarks.support import (
    measure_stalls,
    order_requests,
    require_module,
    require_sandbox,
    run_task,
    sandbox_client,
    spin_until,
)

SEARCH_SCENES = 2_000
ESTIMATES = 50


@pytest.mark.bench_rows("stall_search")
def test_gui_stall_during_a_search_of_2000_scenes(bench, request, world_features, iface,
                                                  clean_settings, qgis_new_project, tmp_path):
    require_sandbox()
    panel_module = require_module("up42_qgis.gui.search_panel", "SearchPanel")
    from tests.qgis.support import FixedClients
    from up42_qgis.api.models import SearchRequest
    from up42_qgis.context import PluginContext
    from up42_qgis.services.order_state import OrderStateStore

    sandbox = request.getfixturevalue("sandbox")
    client = sandbox_client(sandbox)
    if len(world_features) < SEARCH_SCENES:
        pytest.skip(f"the sandbox world has only {len(world_features)} scenes")
    page_size = 500
    # The world-wide AOI is far above the panel's AOI size limit, so the request is set
    # directly; from there on it is the panel's own paging: a task per page, results table,
    # footprints layer, all as "Load more" drives them.
    search = SearchRequest(aoi=WORLD_AOI, start=date.fromisoformat(WORLD_START[:10]),
                           end=date.fromisoformat(WORLD_END[:10]), page_size=page_size)
    pages: list[int] = []

    def search_once(_repetition: int) -> None:
        panel = panel_module.SearchPanel(
            PluginContext.build(iface, FixedClients(client),
                                state=OrderStateStore(tmp_path / "order_state.json"))
        )
        assert panel.filters.page_size.maximum() >= page_size

        def rows() -> int:
            return panel.results.model.rowCount()

        def next_page() -> None:
            if rows() < SEARCH_SCENES and panel.session.next_request is not None:
                QTimer.singleShot(0, panel.load_more)  # the user clicks "Load more" at once

        panel.search_finished.connect(next_page)
        try:
            panel.session.start(search)
            spin_until(
                lambda: rows() >= SEARCH_SCENES
                or (not panel.searching and panel.session.next_request is None),
                300, "the search",
            )
            assert rows() >= SEARCH_SCENES, panel.state
            assert panel.footprints_layer is not None
            assert panel.footprints_layer.featureCount() == rows()
            pages.append(panel.session.pages_loaded)
        finally:
            panel.search_finished.disconnect(next_page)
            panel.unload()
            panel.deleteLater()

    stalls = measure_stalls(search_once)
    row = bench.record("stall_search", stalls.value, stalls.baseline)
    row.notes.append(
        f"{stalls.describe()}; the real SearchPanel: {pages[-1]} pages of {page_size} "
        f"({SEARCH_SCENES} scenes) into the results table and the footprints layer"
    )


@pytest.mark.bench_rows("stall_estimate")
def test_gui_stall_during_an_estimate_of_50_scenes(bench, request, world_features):
    require_sandbox()
    orders = require_module("up42_qgis.tasks.orders", "EstimateTask")
    sandbox = request.getfixturevalue("sandbox")
    client = sandbox_client(sandbox)
    requests = order_requests(client, world_features, ESTIMATES, "bench estimate")
    results = []

    def estimate_once(_repetition: int) -> None:
        task = run_task(orders.EstimateTask(client, requests))
        assert task.error is None, task.error
        assert len(task.result) == ESTIMATES
        assert all(estimate.ok for estimate in task.result)
        results.append(task.result)

    stalls = measure_stalls(estimate_once)
    row = bench.record("stall_estimate", stalls.value, stalls.baseline)
    row.notes.append(f"{stalls.describe()}; EstimateTask with {ESTIMATES} scenes in QGIS's "
                     "task manager")
