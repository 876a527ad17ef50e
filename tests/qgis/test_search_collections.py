"""A failed collections load (issue 16, point 6): the real error where the user looks, Retry,
and the next Search loads them again and then searches."""

from __future__ import annotations

from tests.qgis.support import WAIT_MS, close_panel, make_panel, sandbox_clients
from up42_qgis.context import PluginContext
from up42_qgis.gui.search_panel import State

COLLECTIONS = "/v2/collections"


def _broken(sandbox) -> None:
    # A server error on every attempt: retried (without waiting), then reported.
    sandbox.configure(faults=[{"method": "GET", "path": COLLECTIONS, "status": 502, "count": 50}])


def test_failed_load_shows_the_error_and_retry_loads_them(
    sandbox, clean_settings, iface, qtbot, canvas_3857
):
    _broken(sandbox)
    context = PluginContext.build(iface, sandbox_clients(sandbox))
    panel = make_panel(qtbot, context)  # collections_loaded also fires after a failure
    try:
        filters = panel.filters
        assert filters.collections() == {}
        # The server's words, above the results and beside the collections, with Retry.
        assert "Bad Gateway" in panel.message_label.text()
        assert panel.message_label.isVisibleTo(panel)
        assert "Bad Gateway" in filters.collections_status.text()
        assert filters.retry_button.isVisibleTo(panel)
        sandbox.configure(faults=[])
        with qtbot.waitSignal(panel.collections_loaded, timeout=WAIT_MS):
            filters.retry_button.click()
        assert len(filters.collections()) >= 2
        assert not filters.retry_button.isVisibleTo(panel)
        assert not panel.message_label.isVisibleTo(panel)
    finally:
        close_panel(qtbot, panel, context)


def test_next_search_loads_the_collections_and_searches(
    sandbox, clean_settings, iface, qtbot, canvas_3857
):
    _broken(sandbox)
    context = PluginContext.build(iface, sandbox_clients(sandbox))
    panel = make_panel(qtbot, context)
    try:
        assert panel.filters.collections() == {}
        panel.aoi_widget.extent_button.click()
        sandbox.configure(faults=[])
        with qtbot.waitSignal(panel.search_finished, timeout=WAIT_MS):
            panel.search_button.click()
        assert len(panel.filters.collections()) >= 2
        assert panel.state == State.RESULTS, panel.message_label.text()
        assert panel.results.model.rowCount() > 0
        assert "have not loaded" not in panel.message_label.text()
    finally:
        close_panel(qtbot, panel, context)
