"""An order UP42 accepted is tracked from that moment: unloading the plugin (or the dialog
going away) while orders are being placed must not lose them (issue 16, point 3)."""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsTask

from tests.qgis.support import (
    QUICK_DWELL,
    STAY_DWELL,
    WAIT_MS,
    clear_message_bar,
    messages,
    order_request,
    orderable_scenes,
)
from up42_qgis.bridge.clients import ClientProvider
from up42_qgis.context import PluginContext
from up42_qgis.services.order_state import OrderStateStore


def _wait_for_tasks(qtbot) -> None:
    qtbot.waitUntil(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=WAIT_MS)


def _start_placing(context: PluginContext, sandbox, qtbot, count: int, name: str, done: list):
    client = context.clients.client()
    scenes, collections = orderable_scenes(client, count)
    requests = [order_request(s, collections, f"{name} {i}") for i, s in enumerate(scenes)]
    estimates = [client.estimate(r) for r in requests]
    # Each POST answers 1 s late: the plugin goes away while the placement runs.
    sandbox.configure(placement_fault="delay", placement_delay_s=1.0, placement_fault_count=count)
    task = context.flow.place(requests, estimates, True, done.append)
    qtbot.waitUntil(lambda: task.status() == QgsTask.TaskStatus.Running, timeout=WAIT_MS)
    return estimates


def test_orders_placed_while_the_plugin_unloads_are_tracked_after_reload(
    iface, sandbox_account, qtbot, tmp_path
):
    sandbox_account.configure(dwell=STAY_DWELL)
    first = PluginContext.build(iface, ClientProvider(), download_root=tmp_path / "a")
    done: list = []
    estimates = _start_placing(first, sandbox_account, qtbot, 2, "Unload while placing", done)

    first.stop()  # unload: the placement task runs on (it cannot be cancelled)
    _wait_for_tasks(qtbot)
    assert done
    assert not done[0].error
    ids = [p.order_id for p in done[0].result]
    assert all(ids)

    # "QGIS restarts": the state on disk knows both orders, their estimate and the choice.
    fresh = OrderStateStore()
    assert sorted(fresh.tracked_ids()) == sorted(ids)
    assert [fresh.note(i).credits for i in ids] == [e.credits for e in estimates]
    assert all(fresh.note(i).auto_download for i in ids)


def test_a_plugin_reloaded_mid_placement_follows_the_orders_to_the_download(
    iface, sandbox_account, qtbot, tmp_path
):
    sandbox_account.configure(dwell=QUICK_DWELL)
    clear_message_bar(iface)
    first = PluginContext.build(iface, ClientProvider(), download_root=tmp_path / "a")
    done: list = []
    _start_placing(first, sandbox_account, qtbot, 1, "Reload while placing", done)
    first.stop()

    # Reloaded before the server answered: the new services must still pick the order up.
    second = PluginContext.build(
        iface, ClientProvider(), download_root=tmp_path / "b", fast_interval_s=0.2
    )
    try:
        finished: list = []
        second.downloads.download_finished.connect(lambda *args: finished.append(args))
        with qtbot.waitSignal(second.tracker.order_fulfilled, timeout=WAIT_MS) as blocker:
            pass
        qtbot.waitUntil(lambda: bool(finished), timeout=WAIT_MS)
        [placed] = done[0].result
        assert blocker.args[0].id == placed.order_id
        assert finished[0][0] == placed.order_id
        assert any(
            "Reload while placing 0" in m for m in messages(iface, Qgis.MessageLevel.Success)
        )
    finally:
        second.stop()
        _wait_for_tasks(qtbot)
