"""Helpers for the QGIS benchmarks: skipping what is not built yet, a main-thread heartbeat,
waiting on tasks while the event loop runs, and RSS high-water marks."""

from __future__ import annotations

import gc
import importlib
import importlib.util
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pytest
from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import QEventLoop, QObject, Qt, QTimer

ROOT = Path(__file__).resolve().parents[2]


def require_module(module: str, *attributes: str) -> ModuleType:
    """Skip when another engineer's code is not there yet. An import error inside a module
    that exists is a real error and fails the benchmark."""
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        pytest.skip(f"{module} does not exist yet")
    imported = importlib.import_module(module)
    missing = [name for name in attributes if not hasattr(imported, name)]
    if missing:
        pytest.skip(f"{module} has no {', '.join(missing)} yet")
    return imported


def require_sandbox() -> None:
    if not (ROOT / "tests" / "sandbox" / "__main__.py").exists():
        pytest.skip("the sandbox (tests/sandbox/__main__.py) does not exist yet")


def require_implemented(call: Callable[[], object], what: str) -> object:
    """Run ``call``; skip when it is still the interface spec's NotImplementedError."""
    try:
        return call()
    except NotImplementedError:
        pytest.skip(f"{what} is not implemented yet")


class Heartbeat(QObject):
    """A precise 10 ms QTimer on the main thread; ``longest_gap_ms`` is the longest time
    between two ticks (or the last tick and ``stop``), i.e. the longest the GUI froze, plus
    the 10 ms interval itself."""

    def __init__(self, interval_ms: int = 10) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.ticks = 0
        self._last = 0.0
        self.longest_gap_ms = 0.0
        self.gaps_over_50_ms = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        gap_ms = (now - self._last) * 1000.0
        self.longest_gap_ms = max(self.longest_gap_ms, gap_ms)
        self.gaps_over_50_ms += gap_ms >= 50.0
        self._last = now
        self.ticks += 1

    def __enter__(self) -> Heartbeat:
        self.ticks = 0
        self.longest_gap_ms = 0.0
        self.gaps_over_50_ms = 0
        self._last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._tick()
        self.timer.stop()


def spin_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the Qt event loop (so the heartbeat and task signals are served) until
    ``condition`` holds; a timeout is a real error."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not finish within {timeout_s:.0f} s")
        QTimer.singleShot(5, loop.quit)
        loop.exec()


def run_task(task: QgsTask, timeout_s: float = 300.0) -> QgsTask:
    """Add ``task`` to QGIS's task manager and serve the event loop until it has ended and its
    ``finished()`` ran on the main thread."""
    ended: list[bool] = []
    task.taskCompleted.connect(lambda: ended.append(True))
    task.taskTerminated.connect(lambda: ended.append(False))
    QgsApplication.taskManager().addTask(task)
    spin_until(lambda: bool(ended), timeout_s, task.description())
    # finished() runs after the signal; let queued main-thread work settle.
    QgsApplication.processEvents()
    return task


def idle_gap_ms(duration_s: float = 1.0) -> float:
    """The heartbeat's longest gap with nothing running: the noise floor of this machine."""
    with Heartbeat() as heartbeat:
        end = time.monotonic() + duration_s
        spin_until(lambda: time.monotonic() >= end, duration_s + 5, "idle heartbeat")
    return heartbeat.longest_gap_ms


@dataclass
class Stalls:
    """Longest heartbeat gaps of repeated runs, each run right after an idle measurement of
    its own (the machine's noise floor at that moment)."""

    gaps_ms: list[float] = field(default_factory=list)
    idle_ms: list[float] = field(default_factory=list)
    ticks: int = 0
    gaps_over_50_ms: int = 0

    @property
    def value(self) -> float:
        return statistics.median(self.gaps_ms)

    @property
    def baseline(self) -> float:
        return statistics.median(self.idle_ms)

    def describe(self) -> str:
        return (
            f"median of {len(self.gaps_ms)} runs' longest gaps "
            f"({', '.join(f'{g:.0f}' for g in self.gaps_ms)} ms; idle before each: "
            f"{', '.join(f'{g:.0f}' for g in self.idle_ms)} ms); "
            f"{self.gaps_over_50_ms} of {self.ticks} beats came 50 ms or more late"
        )


def measure_stalls(
    run_once: Callable[[int], None],
    repetitions: int = 3,
    prepare: Callable[[int], None] | None = None,
) -> Stalls:
    """``run_once(repetition)`` must serve the event loop until its work has finished
    (``run_task``/``spin_until``) while the heartbeat runs. ``prepare(repetition)`` runs
    before, outside the measurement (e.g. deleting the last run's 1 GiB file, which takes
    the main thread tens of milliseconds). Each run starts from a collected heap, so no run
    pays for the garbage of the one before."""
    stalls = Stalls()
    for repetition in range(repetitions):
        if prepare is not None:
            prepare(repetition)
        gc.collect()
        stalls.idle_ms.append(idle_gap_ms())
        with Heartbeat() as heartbeat:
            run_once(repetition)
        stalls.gaps_ms.append(heartbeat.longest_gap_ms)
        stalls.ticks += heartbeat.ticks
        stalls.gaps_over_50_ms += heartbeat.gaps_over_50_ms
    return stalls


def read_status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0); False when not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def sandbox_client(sandbox):
    """The plugin's own client signed in to the sandbox; skips while it is the interface spec."""
    client_module = require_module("up42_qgis.api.client", "Up42Client", "Endpoints")
    client = require_implemented(
        lambda: client_module.Up42Client(
            client_module.Endpoints(sandbox.url, sandbox.url),
            client_module.Credentials(sandbox.username, sandbox.password),
        ),
        "up42_qgis.api.client.Up42Client",
    )
    require_implemented(client.account, "Up42Client.account")
    return client


def _order_area(feature: dict) -> dict:
    """A 1 km square around the middle of the scene's footprint (inside it)."""
    ring = feature["geometry"]["coordinates"][0]
    if feature["geometry"]["type"] == "MultiPolygon":
        ring = ring[0]
    lon = sum(point[0] for point in ring[:-1]) / (len(ring) - 1)
    lat = sum(point[1] for point in ring[:-1]) / (len(ring) - 1)
    d = 0.005
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [lon - d, lat - d],
                [lon + d, lat - d],
                [lon + d, lat + d],
                [lon - d, lat + d],
                [lon - d, lat - d],
            ]
        ],
    }


def order_requests(client, world_features: list[dict], count: int, name: str) -> list:
    """``count`` archive OrderRequests for scenes of the sandbox world, each for a small area
    inside the scene, with the first orderable data product of the scene's collection."""
    from up42_qgis.api.models import OrderRequest

    products = {
        c.name: c.orderable_products[0].id for c in client.collections() if c.orderable_products
    }
    features = [
        f
        for f in world_features
        if f.get("collection") in products and f["geometry"]["type"] == "Polygon"
    ]
    assert len(features) >= count, "not enough orderable scenes in the sandbox world"
    return [
        OrderRequest(
            data_product_id=products[feature["collection"]],
            scene_id=feature["id"],
            aoi=_order_area(feature),
            display_name=f"{name} {index}",
            tags=("qgis", "bench"),
        )
        for index, feature in enumerate(features[:count])
    ]


def place_open_orders(client, world_features: list[dict], count: int, name: str) -> list[str]:
    """``count`` orders placed through the plugin's client; returns their ids."""
    order_ids = []
    for request in order_requests(client, world_features, count, name):
        placed = client.place_order(request)
        assert placed.order_id, placed.error
        order_ids.append(placed.order_id)
    return order_ids
