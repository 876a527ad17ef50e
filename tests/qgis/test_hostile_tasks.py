"""Issue 14.9 in QGIS: a task blocked on a server that trickles bytes ends within a second or
two of Cancel, and unloading the plugin with such a task running neither waits on it nor
leaves it running."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QApplication

from tests.qgis.support import FixedClients
from tests.unit.api.hostile_server import USERINFO_PATH, HostileServer
from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, Up42Client
from up42_qgis.tasks.base import TaskRunner, Up42Task
from up42_qgis.tasks.connection import TestConnectionTask

BOUND_S = 2.0


@pytest.fixture
def trickling() -> Iterator[HostileServer]:
    """userinfo answers headers at once, then one byte every half second (for ~80 minutes)."""
    server = HostileServer()
    server.route("GET", USERINFO_PATH, lambda handler: handler.trickle(0.5))
    yield server
    server.close()


def hostile_client(server: HostileServer) -> Up42Client:
    # A per-read timeout the trickle never reaches and the default overall deadline (120 s):
    # only cancellation can end the call within the test's bound.
    return Up42Client(
        Endpoints.custom(server.url),
        Credentials("user@example.com", "hostile-password-1"),
        NetworkOptions(timeout=5.0),
    )


def wait_until(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def blocked_task(runner: TaskRunner, server: HostileServer, client: Up42Client) -> Up42Task:
    task = runner.start(TestConnectionTask(client))
    assert wait_until(lambda: server.requests_to("GET", USERINFO_PATH), 10)
    time.sleep(0.3)  # well inside the trickle now
    assert task in runner.running
    return task


def test_cancel_ends_a_task_blocked_on_a_trickling_server(qgis_app, trickling):
    client = hostile_client(trickling)
    runner = TaskRunner()
    task = blocked_task(runner, trickling, client)
    started = time.monotonic()
    task.cancel()
    assert wait_until(lambda: not runner.running, BOUND_S + 1)
    assert time.monotonic() - started < BOUND_S
    assert task.was_cancelled
    assert task.result is None
    client.close()


def test_unload_with_a_blocked_task_returns_and_the_task_ends(iface, trickling, tmp_path):
    import up42_qgis
    from up42_qgis.context import PluginContext

    client = hostile_client(trickling)
    plugin = up42_qgis.classFactory(iface)
    # The plugin's own services, with the hostile server's client (FixedClients never
    # closes it: only the tasks' cancellation can end the call).
    plugin.context = PluginContext.build(
        iface, FixedClients(client), download_root=tmp_path / "downloads"
    )
    plugin.initGui()
    task = blocked_task(plugin.context.runner, trickling, client)
    started = time.monotonic()
    plugin.unload()
    assert time.monotonic() - started < BOUND_S
    manager = QgsApplication.taskManager()
    assert wait_until(lambda: task not in manager.activeTasks(), BOUND_S + 1)
    assert time.monotonic() - started < BOUND_S
    assert task.was_cancelled or task.error is not None
    client.close()


def test_cancelling_a_processing_run_blocked_on_a_trickling_server(provider, monkeypatch):
    import threading

    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from tests.qgis.support import BERLIN_EXTENT, run
    from up42_qgis.processing.common import Up42Algorithm

    server = HostileServer()
    server.route("GET", "/v2/catalog/", lambda handler: handler.trickle(0.5))
    client = hostile_client(server)
    monkeypatch.setattr(Up42Algorithm, "client", staticmethod(lambda: client))
    feedback = QgsProcessingFeedback()
    timer = threading.Timer(1.0, feedback.cancel)
    started = time.monotonic()
    timer.start()
    try:
        with pytest.raises(QgsProcessingException):
            run("search", {"EXTENT": BERLIN_EXTENT, "OUTPUT": "memory:"}, feedback=feedback)
        assert time.monotonic() - started < 1.0 + BOUND_S
        assert server.requests_to("GET", "/v2/catalog/")
    finally:
        timer.cancel()
        client.close()
        server.close()
