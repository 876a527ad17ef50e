"""What the panels get from the plugin: the services it owns, built once in ``initGui``.

The plugin, not a widget, owns every long-lived service (client provider, tracker, download
manager), so closing the dock stops nothing and every panel sees the same state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .tasks.base import TaskRunner


@dataclass
class PluginContext:
    iface: Any
    runner: TaskRunner = field(default_factory=TaskRunner)
    clients: Any = None  # bridge.clients.ClientProvider
    tracker: Any = None  # services.tracker.OrderTracker
    downloads: Any = None  # services.downloads.DownloadManager
    flow: Any = None  # services.order_flow.OrderFlow: place -> track -> auto-download
