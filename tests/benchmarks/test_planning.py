"""The coverage planner at the size issue 17 names: 2,000 candidate footprints over a
10,000 km² AOI, planned in a QgsTask (as the dock will) while the GUI's heartbeat runs.

The footprints are the sandbox world's own (search results, decoded as the client does),
each moved to a seeded random place over a 100 km × 100 km AOI around Berlin, with fresh
ids: real shapes (slanted quadrilaterals, strips in two parts), sizes 10 to 60 km, and the
collections' own cloud cover, dates, resolution and incidence.
"""

from __future__ import annotations

import gc
import math
import random
import time
from dataclasses import replace

import pytest

from tests.benchmarks.harness import median
from tests.benchmarks.support import measure_stalls, require_module, run_task
from tests.benchmarks.test_download import PeakRss

CANDIDATES = 2_000
AOI_SIDE_KM = 100.0
CENTRE = (13.4, 52.5)
PRIORITIES = "cloud,date,count,resolution,incidence"
REPETITIONS = 3


def _offset(lon: float, lat: float, dx_km: float, dy_km: float) -> tuple[float, float]:
    return (lon + dx_km / (111.32 * math.cos(math.radians(lat))), lat + dy_km / 110.57)


def bench_aoi() -> dict:
    half = AOI_SIDE_KM / 2
    corners = [_offset(*CENTRE, dx, dy) for dx, dy in ((-half, -half), (half, -half),
                                                        (half, half), (-half, half))]
    return {"type": "Polygon", "coordinates": [[list(p) for p in [*corners, corners[0]]]]}


def _moved(geometry: dict, dlon: float, dlat: float) -> dict:
    def move(value):
        if value and isinstance(value[0], int | float):
            return (value[0] + dlon, value[1] + dlat)
        return tuple(move(item) for item in value)

    return {**geometry, "coordinates": move(geometry["coordinates"])}


@pytest.fixture(scope="module")
def candidates(world_features: list[dict]) -> list:
    catalog = require_module("up42_qgis.api.catalog", "scene_page")
    world = [s for s in catalog.scene_page({"type": "FeatureCollection",
                                            "features": world_features}, {}).scenes
             if s.geometry.get("type") in ("Polygon", "MultiPolygon") and s.bbox]
    world = [s for s in world if s.bbox[2] - s.bbox[0] < 5]  # not the antimeridian island
    rng = random.Random(1717)
    half = AOI_SIDE_KM / 2 + 10
    scenes = []
    for index in range(CANDIDATES):
        scene = world[index % len(world)]
        west, south, east, north = scene.bbox
        target = _offset(*CENTRE, rng.uniform(-half, half), rng.uniform(-half, half))
        moved = _moved(scene.geometry, target[0] - (west + east) / 2,
                       target[1] - (south + north) / 2)
        scenes.append(replace(scene, id=f"bench-plan-{index}", geometry=moved, bbox=None))
    return scenes


def plan_once(scenes: list) -> object:
    planning = require_module("up42_qgis.api.planning", "plan_coverage")
    return planning.plan_coverage(bench_aoi(), scenes, PRIORITIES)


def check(plan) -> None:
    """A real error, not a missed target: the plan must cover the AOI with Polygon orders."""
    assert plan.covered_percent > 99.0, plan.notes
    assert plan.parts
    assert all(part.geometry["type"] == "Polygon" for part in plan.parts)


@pytest.mark.bench_rows("planning_time", "stall_planning")
def test_planning_2000_footprints_in_a_task(bench, candidates, qgis_new_project):
    base = require_module("up42_qgis.tasks.base", "Up42Task")
    aoi_km2 = require_module("up42_qgis.api.aoi", "aoi_area_km2").aoi_area_km2(bench_aoi())
    assert 9_900 < aoi_km2 < 10_100

    class PlanTask(base.Up42Task):
        def __init__(self) -> None:
            super().__init__("benchmark: coverage plan")
            self.seconds = 0.0

        def work(self):
            start = time.perf_counter()
            plan = plan_once(candidates)
            self.seconds = time.perf_counter() - start
            return plan

    durations: list[float] = []
    plans: list = []

    def plan_in_task(_repetition: int) -> None:
        task = PlanTask()
        run_task(task, 120)
        assert task.error is None, task.error
        durations.append(task.seconds)
        plans.append(task.result)

    stalls = measure_stalls(plan_in_task, REPETITIONS)
    for plan in plans:
        check(plan)
    plan = plans[-1]
    row = bench.record("planning_time", median(durations))
    row.notes.append(
        f"median of {REPETITIONS} runs of plan_coverage inside the task's run() (s): "
        f"{', '.join(f'{d:.2f}' for d in durations)}; {CANDIDATES} sandbox footprints moved "
        f"over a {aoi_km2:,.0f} km² AOI; plan: {len(plan.scenes)} scenes, {len(plan.parts)} "
        f"orders, {plan.covered_percent:.2f} % covered, method {plan.method}; priorities "
        f"{PRIORITIES}"
    )
    stall = bench.record("stall_planning", stalls.value, stalls.baseline)
    stall.notes.append(f"{stalls.describe()}; the plan made in a QgsTask (Up42Task)")


@pytest.mark.bench_rows("planning_memory")
def test_planning_memory_is_bounded(bench, candidates):
    growths = []
    for _ in range(REPETITIONS):
        gc.collect()
        with PeakRss() as peak:
            plan = plan_once(candidates)
        check(plan)
        growths.append(peak.growth_mib)
        del plan
    row = bench.record("planning_memory", max(growths))
    row.notes.append(
        f"the largest of {REPETITIONS} runs (MiB): {', '.join(f'{g:.1f}' for g in growths)} "
        "(later runs reuse the first one's freed heap); "
        "VmHWM after a reset minus VmRSS before; vector geometry only, nothing rasterised"
    )
