"""Defects found reviewing the day's merges, each shown by a test that failed before its fix."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt

from tests.qgis.support import BERLIN_AOI, WAIT_MS, orderable_scenes
from up42_qgis.gui.order_bar import OrderBar


@pytest.fixture
def bar(order_context, qtbot) -> OrderBar:
    widget = OrderBar(order_context)
    qtbot.addWidget(widget)
    return widget


def _confirmation(bar: OrderBar, order_context, qtbot):
    scenes, collections = orderable_scenes(order_context.clients.client(), 1)
    bar.set_collections(collections)
    bar.set_selection(scenes, BERLIN_AOI)
    bar.dialog = None
    qtbot.mouseClick(bar.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    return bar.dialog


def test_the_budget_warning_shows_the_budget_name_literally(
    bar, order_context, qtbot, monkeypatch, clean_settings
):
    """The warning label is plain text: the budget's name must not be HTML-escaped too
    (it read "R&amp;D" for a budget named "R&D")."""
    from up42_qgis.api.client import Up42Client
    from up42_qgis.api.models import Budget

    budgets = [
        Budget(id="b-big", name="Big", status="ACTIVE", remaining_credits=1e9),
        Budget(id="b-rd", name="R&D <team>", status="ACTIVE", remaining_credits=0.0),
    ]
    monkeypatch.setattr(Up42Client, "budgets", lambda self, active_only=True: budgets)
    dialog = _confirmation(bar, order_context, qtbot)
    combo = dialog.checks.budget_combo
    combo.setCurrentIndex(combo.findData("b-rd"))
    assert not dialog.budget_warning.isHidden()
    assert dialog.budget_warning.textFormat() == Qt.TextFormat.PlainText
    assert "“R&D <team>” has left" in dialog.budget_warning.text()
    dialog.reject()


def test_a_placement_that_cannot_start_after_the_check_frees_the_order_bar(
    bar, order_context, qtbot, monkeypatch
):
    """Place order looks for duplicates first (the bar counts that as placing); when the
    placement itself then cannot start, the bar must not stay "placing" for good (its Order
    button stayed disabled)."""
    from up42_qgis.api.errors import AuthenticationError

    def refuse(*_args, **_kwargs):
        raise AuthenticationError("Not signed in.")

    monkeypatch.setattr(order_context.flow, "place", refuse)
    dialog = _confirmation(bar, order_context, qtbot)
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_placing, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Not signed in" in dialog.status.text(), timeout=WAIT_MS)
    assert dialog.place_button.isEnabled()  # nothing was sent: the user may try again
    dialog.reject()
    assert not dialog.isVisible()
    assert not bar._placing
    assert bar.order_button.isEnabled()


def test_unloading_the_plugin_mid_placement_does_not_abort_the_order_post(
    iface, sandbox_account, qtbot
):
    """The real unload also closes the shared client: that aborted the order POST in flight
    (the orders ended "may or may not have been created") though placements are meant to
    outlive the plugin."""
    from qgis.core import QgsApplication, QgsTask

    import up42_qgis
    from tests.qgis.support import STAY_DWELL, order_request

    sandbox_account.configure(dwell=STAY_DWELL)
    plugin = up42_qgis.classFactory(iface)
    plugin.initGui()
    plugin.action.trigger()  # the dock builds the context
    context = plugin.context
    assert context is not None
    client = context.clients.client()
    scenes, collections = orderable_scenes(client, 1)
    requests = [order_request(scenes[0], collections, "Unload with the client")]
    estimates = [client.estimate(r) for r in requests]
    sandbox_account.configure(
        placement_fault="delay", placement_delay_s=1.0, placement_fault_count=1
    )
    done: list = []
    task = context.flow.place(requests, estimates, True, done.append)
    qtbot.waitUntil(lambda: task.status() == QgsTask.TaskStatus.Running, timeout=WAIT_MS)
    plugin.unload()
    qtbot.waitUntil(
        lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=WAIT_MS
    )
    assert done
    assert done[0].error is None
    [placed] = done[0].result
    assert placed.order_id, placed.error
