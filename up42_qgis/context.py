"""What the panels get from the plugin: the services it owns, all built before any panel.

The plugin, not a widget, owns every long-lived service (client provider, order state, tracker,
download manager), so closing the dock stops nothing and every panel sees the same state. No
field is optional: ``PluginContext.build`` makes them in order (the store, the downloads, the
tracker that hands fulfilled orders to the downloads) and a panel never has to ask whether one
exists.

``start(make_task, on_done)`` is the one way a task gets its client: the context resolves the
shared client on the main thread and hands it to ``make_task``; when there is none (no account,
an unreadable auth DB, a bad custom origin), the task still runs and fails with that reason,
so ``on_done`` sees "not configured" exactly like any other failure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .tasks.base import ClientTaskFactory, TaskRunner, Up42Task

if TYPE_CHECKING:
    from qgis.gui import QgisInterface

    from .bridge.clients import ClientProvider
    from .services.downloads import DownloadManager
    from .services.order_flow import OrderFlow
    from .services.order_state import OrderStateStore
    from .services.tracker import OrderTracker

TaskT = TypeVar("TaskT", bound=Up42Task)


@dataclass(frozen=True)
class PluginContext:
    iface: QgisInterface | None  # None only headless (tests, scripts): no message bar then
    clients: ClientProvider
    state: OrderStateStore
    runner: TaskRunner
    downloads: DownloadManager
    tracker: OrderTracker
    flow: OrderFlow  # place -> track -> auto-download

    @classmethod
    def build(
        cls,
        iface: QgisInterface | None,
        clients: ClientProvider | None = None,
        *,
        state: OrderStateStore | None = None,
        download_root: Path | None = None,
        fast_interval_s: float | None = None,
    ) -> PluginContext:
        """Every service, in dependency order. ``download_root`` and ``fast_interval_s`` are
        for tests (a temporary folder, a quick tracker); the plugin passes neither."""
        from .bridge.clients import client_provider
        from .services.downloads import DownloadManager
        from .services.order_flow import OrderFlow
        from .services.order_state import OrderStateStore
        from .services.tracker import OrderTracker

        clients = clients or client_provider()
        state = state or OrderStateStore.shared()
        downloads = DownloadManager(clients, state, iface, root=download_root)
        tracker = OrderTracker(clients, state, downloads, iface, fast_interval_s=fast_interval_s)
        runner = TaskRunner(clients)
        return cls(
            iface=iface,
            clients=clients,
            state=state,
            runner=runner,
            downloads=downloads,
            tracker=tracker,
            flow=OrderFlow(runner, tracker, state),
        )

    def start(
        self, make_task: ClientTaskFactory[TaskT], on_done: Callable[[TaskT], None] | None = None
    ) -> TaskT:
        """Builds the task with the shared client and runs it; ``on_done(task)`` on the main
        thread once it has ended, whether it worked, failed (also: no account) or was
        cancelled."""
        return self.runner.start_with_client(make_task, on_done)

    def stop(self) -> None:
        """On unload: the services stop (their state stays on disk), running tasks end."""
        self.tracker.stop()
        self.downloads.stop()
        self.runner.cancel_all()
