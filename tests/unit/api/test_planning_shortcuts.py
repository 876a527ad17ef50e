"""The planner's shortcuts change no plan: each one (a prepared predicate instead of an
intersection, a necessary condition checked before a trial, differences without the
intersections beside them, a single Polygon kept as it is) against the straightforward code
it replaced, on seeded random layouts of many slanted footprints, some crossing the AOI's
edge and some only grazing it.

The straightforward versions are written out here, as they were before the shortcuts, and
swapped in with monkeypatch; both plans must choose the same scenes and cut the same parts.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta

import pytest
from shapely.geometry import shape
from shapely.prepared import prep as real_prep

from tests.unit.api.test_planning import box, scene
from up42_qgis.api import planning, planning_improve, planning_search
from up42_qgis.api.planning_geometry import (
    LocalProjection,
    _wrap,
    difference,
    intersection,
    union,
)
from up42_qgis.api.planning_search import box_of, boxes_overlap

AOI = box(13.0, 52.0, 13.6, 52.3)
SMALL_AOI = box(13.25, 52.1, 13.4, 52.2)  # 10 km × 11 km
PRIORITIES = ["cloud,date,count,resolution,incidence", "count,cloud", "date", "incidence,count"]


def slanted(rng: random.Random, lon: float, lat: float, km: float) -> dict:
    """A footprint as satellites see it: a rectangle turned by up to 15°."""
    angle = math.radians(rng.uniform(-15, 15))
    half_w, half_h = km * rng.uniform(0.4, 0.6), km * rng.uniform(0.4, 0.6)
    corners = []
    for dx, dy in ((-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h)):
        x = dx * math.cos(angle) - dy * math.sin(angle)
        y = dx * math.sin(angle) + dy * math.cos(angle)
        corners.append([lon + x / (111.32 * math.cos(math.radians(lat))), lat + y / 110.57])
    return {"type": "Polygon", "coordinates": [[*corners, corners[0]]]}


def random_layout(seed: int, count: int, sizes: tuple[float, float] = (6, 30)) -> list:
    rng = random.Random(seed)
    start = datetime(2025, 6, 1, tzinfo=UTC)
    scenes = []
    for index in range(count):
        lon, lat = rng.uniform(12.9, 13.7), rng.uniform(51.93, 52.37)
        footprint = slanted(rng, lon, lat, rng.uniform(*sizes))
        made = scene(f"s{index}", footprint, cloud=rng.choice([0.0, 1.0, 5.0, 20.0, 50.0]),
                     resolution=rng.choice([0.3, 0.5, 1.5]),
                     incidence_angle=rng.uniform(0, 40))
        scenes.append(made.__class__(**{**{f: getattr(made, f) for f in made.__slots__},
                                        "acquired": start - timedelta(days=rng.randint(0, 500))}))
    return scenes


# --- the straightforward code the shortcuts replaced -----------------------------------------
def drop_pass_as_written(current, search, protect=None, only=None) -> bool:
    changed = False
    count_weight, total, min_gain_m2 = search.count_weight, search.total, search.min_gain_m2
    for key, (candidate, part) in sorted(
        current.items(), key=lambda item: item[1][0].key, reverse=True
    ):
        if key == protect or (only is not None and key not in only):
            continue
        part_box = box_of(part)
        others = sorted(
            (e for k, e in current.items() if k != key and boxes_overlap(e[0].bounds, part_box)),
            key=lambda e: e[0].key,
        )
        remaining, cost, moves = part, -count_weight, []
        for entry in others:
            if remaining.area <= min_gain_m2:
                break
            piece = intersection(remaining, entry[0].cover)
            if piece.area > 0:
                cost += piece.area / total * (entry[0].badness - candidate.badness)
                moves.append((entry, piece))
                remaining = difference(remaining, entry[0].cover)
        if remaining.area > min_gain_m2 or cost >= 0:
            continue
        for entry, piece in moves:
            entry[1] = union(entry[1], piece)
        del current[key]
        changed = True
    return changed


class Unprepared:
    """prep() as if it did not exist: every candidate gets its intersection."""

    def __init__(self, geometry) -> None:
        self.geometry = geometry

    def intersects(self, _other) -> bool:
        return True


def as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planning_improve, "_drop_pass", drop_pass_as_written)
    monkeypatch.setattr(planning_improve, "_may_free_a_part", lambda *_: True)
    monkeypatch.setattr(planning_search, "prep", Unprepared)
    monkeypatch.setattr(planning, "_polygonal",
                        lambda g: planning.union_all(planning.polygons_of(g)))


def summary(plan) -> tuple:
    return (
        [part.scene.id for part in plan.parts],
        round(plan.covered_percent, 6),
        plan.method,
        [n.code for n in plan.notes],
    )


@pytest.mark.parametrize("seed", range(8))
def test_the_shortcuts_change_no_plan(seed, monkeypatch):
    scenes = random_layout(seed, 120)
    plans = [planning.plan_coverage(AOI, scenes, priorities) for priorities in PRIORITIES]
    with monkeypatch.context() as patch:
        as_written(patch)
        references = [planning.plan_coverage(AOI, scenes, p) for p in PRIORITIES]
    for plan, reference in zip(plans, references, strict=True):
        assert summary(plan) == summary(reference)
        for part, expected in zip(plan.parts, reference.parts, strict=True):
            a, b = shape(part.geometry), shape(expected.geometry)
            assert a.symmetric_difference(b).area < 1e-9 * b.area, part.scene.id


def working_plans(seed: int, count: int = 12):
    """Plans as the local search holds them: random sets of chosen candidates, each point
    given to the best one (``assign``), over one layout's candidates."""
    scenes = random_layout(seed, 80, sizes=(2, 30))
    area, _, candidates, count_weight = planning.prepare(
        AOI, scenes, PRIORITIES[seed % len(PRIORITIES)], 0.0, [])
    search = planning_improve._Search(candidates, area.area, count_weight,
                                      planning.MIN_GAIN_KM2 * 1e6, lambda: False)
    rng = random.Random(seed)
    for _ in range(count):
        chosen = rng.sample(candidates, rng.randint(3, 9))
        yield search, {id(c): [c, p] for c, p in planning_search.assign(chosen)}


def state(current) -> list:
    return sorted((key, round(entry[1].area, 3)) for key, entry in current.items())


@pytest.mark.parametrize("seed", range(6))
def test_the_drop_pass_drops_what_it_dropped_as_written(seed):
    drops = 0
    for search, current in working_plans(seed):
        mine = {key: list(entry) for key, entry in current.items()}
        reference = {key: list(entry) for key, entry in current.items()}
        changed = planning_improve._drop_pass(mine, search)
        assert changed == drop_pass_as_written(reference, search)
        assert state(mine) == state(reference)
        drops += changed
    assert drops  # the comparison saw drops, not only plans where nothing could go


@pytest.mark.parametrize("seed", range(6))
def test_the_swap_pass_keeps_the_trials_it_kept_without_the_condition(seed, monkeypatch):
    swaps = 0
    for search, current in working_plans(seed, count=6):
        planning_improve._drop_pass(current, search)  # the swap pass starts drop-stable
        mine = {key: list(entry) for key, entry in current.items()}
        reference = {key: list(entry) for key, entry in current.items()}
        changed = planning_improve._swap_pass(mine, search)
        with monkeypatch.context() as patch:
            patch.setattr(planning_improve, "_may_free_a_part", lambda *_: True)
            assert changed == planning_improve._swap_pass(reference, search)
        assert state(mine) == state(reference)
        swaps += changed
    assert swaps


@pytest.mark.parametrize("seed", range(6))
def test_the_greedy_chooses_what_it_chose_without_the_prepared_test(seed, monkeypatch):
    scenes = random_layout(seed, 600, sizes=(1, 12))
    smallest = math.inf
    for priorities in ("cloud", "date,count"):
        area, _, candidates, count_weight = planning.prepare(SMALL_AOI, scenes, priorities,
                                                             0.0, [])
        chosen = planning_search.greedy_cover(candidates, area, count_weight, 1000.0)
        with monkeypatch.context() as patch:
            patch.setattr(planning_search, "prep", Unprepared)
            assert chosen == planning_search.greedy_cover(candidates, area, count_weight, 1000.0)
        smallest = min(smallest, *(c.area for c in chosen))
    assert smallest < 20e6  # small scenes are chosen too, not only the big ones


def test_the_layouts_exercise_the_shortcuts(monkeypatch):
    """Not a vacuous comparison: on these layouts the swap pass's necessary condition turns
    trials away, the greedy skips candidates by the prepared predicate, and drops happen."""
    seen = {"turned away": 0, "skipped": 0, "dropped": 0}
    may_free, drop_pass = planning_improve._may_free_a_part, planning_improve._drop_pass

    def counting_may_free(*args):
        result = may_free(*args)
        seen["turned away"] += not result
        return result

    def counting_drop(*args, **kwargs):
        result = drop_pass(*args, **kwargs)
        seen["dropped"] += result
        return result

    class CountingPrepared:
        def __init__(self, geometry) -> None:
            self.prepared = real_prep(geometry)

        def intersects(self, other) -> bool:
            result = self.prepared.intersects(other)
            seen["skipped"] += not result
            return result

    monkeypatch.setattr(planning_improve, "_may_free_a_part", counting_may_free)
    monkeypatch.setattr(planning_improve, "_drop_pass", counting_drop)
    monkeypatch.setattr(planning_search, "prep", CountingPrepared)
    for seed in range(8):
        planning.plan_coverage(AOI, random_layout(seed, 120), PRIORITIES[0])
    assert all(seen.values()), seen


def ring_as_written(projection: LocalProjection, ring, step: float) -> list:
    points, previous = [], None
    for point in ring:
        if previous is not None:
            d_lon = _wrap(point[0] - previous[0])
            d_lat = point[1] - previous[1]
            pieces = int(max(abs(d_lon), abs(d_lat)) / step)
            for index in range(1, pieces + 1):
                t = index / (pieces + 1)
                points.append(projection.forward(previous[0] + t * d_lon,
                                                 previous[1] + t * d_lat))
        points.append(projection.forward(point[0], point[1]))
        previous = point
    return points


@pytest.mark.parametrize("centre", [(13.3, 52.15), (179.9, -16.5), (-70.6, -33.4)])
def test_rings_are_projected_as_forward_projects_each_point(centre):
    projection = LocalProjection(*centre)
    ring = slanted(random.Random(3), centre[0], centre[1], 40)["coordinates"][0]
    expected = ring_as_written(projection, ring, 0.01)
    assert len(expected) > 2 * len(ring)  # densified
    assert projection._ring(ring, 0.01) == expected  # the very same floats
