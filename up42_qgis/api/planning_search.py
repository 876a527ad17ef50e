"""How the planner chooses scenes: the score, a greedy cover, and an exact search for small
candidate sets (to measure the greedy against); the local improvement of the greedy's cover
is ``planning_improve``.

The objective, for a chosen set S whose parts tile the covered area (every point goes to the
best chosen scene that covers it, "best" = lowest badness B):

    1. cover as much of the AOI as the candidates can, then
    2. minimise  F(S) = λ·|S| + Σ_parts (area / AOI area) · B(scene)

B(scene) is the weighted sum of the scene's badness (0 = best, 1 = worst, see ``_badness``)
on each priority the user listed, weights 1, 1/2, 1/4, … in the user's order; λ is the weight
of "count" (a small tie-breaker when the user did not list it). Plain Python and shapely.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from .models import Scene
from .planning_geometry import difference, intersection, union

PRIORITY_NAMES = ("cloud", "date", "resolution", "incidence", "count")
UNLISTED_COUNT_WEIGHT = 0.02  # fewer scenes still wins a tie: fewer minimums and seams
EXACT_LIMIT = 12


@dataclass
class Candidate:
    """A scene that covers part of the AOI: ``cover`` is footprint ∩ AOI in metres."""

    scene: Scene
    cover: BaseGeometry
    area: float
    badness: float = 0.0
    min_area_m2: float = 0.0
    bounds: tuple[float, float, float, float] = field(default=(0.0, 0.0, 0.0, 0.0))
    order: int = 0  # the input order: the last tie-breaker, so plans are deterministic

    @property
    def key(self) -> tuple[float, int]:
        return self.badness, self.order


def weights(priorities: Sequence[str]) -> tuple[dict[str, float], float]:
    """(weight of each listed attribute, λ for count) from the user's order."""
    attribute_weights: dict[str, float] = {}
    count_weight = UNLISTED_COUNT_WEIGHT
    for position, name in enumerate(priorities):
        weight = 0.5**position
        if name == "count":
            count_weight = weight
        else:
            attribute_weights[name] = weight
    return attribute_weights, count_weight


def _badness(scene: Scene, name: str, newest: float, finest: float) -> float:
    """One attribute's badness in [0, 1] on a fixed scale, so that a day's or a percent's
    difference weighs the same whatever the other candidates are: cloud cover / 100, age
    behind the newest candidate / 365 days, 1 - finest resolution / this one, incidence / 60°.
    A missing value counts as the worst (a radar scene's missing cloud cover as none)."""
    if name == "cloud":
        cloud = scene.cloud_cover
        return 0.0 if cloud is None else min(max(cloud, 0.0), 100.0) / 100.0
    if name == "date":
        if scene.acquired is None:
            return 1.0
        return min(max(newest - scene.acquired.timestamp(), 0.0) / (365.0 * 86400.0), 1.0)
    if name == "resolution":
        resolution = scene.resolution
        return 1.0 if not resolution or resolution <= 0 else 1.0 - min(finest / resolution, 1.0)
    if name == "incidence":
        angle = scene.incidence_angle
        return 1.0 if angle is None else min(abs(angle) / 60.0, 1.0)
    raise ValueError(name)


def score_badness(candidates: Sequence[Candidate], attribute_weights: dict[str, float]) -> None:
    """Set each candidate's B, the weighted sum of its attributes' badness."""
    stamps = [c.scene.acquired.timestamp() for c in candidates if c.scene.acquired is not None]
    resolutions = [c.scene.resolution for c in candidates if c.scene.resolution]
    newest = max(stamps, default=0.0)
    finest = min((r for r in resolutions if r and r > 0), default=1.0)
    for candidate in candidates:
        candidate.badness = sum(
            weight * _badness(candidate.scene, name, newest, finest)
            for name, weight in attribute_weights.items()
        )


# --- the greedy cover -----------------------------------------------------------------------
def boxes_overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def box_inside(inner: tuple[float, ...], outer: tuple[float, ...]) -> bool:
    return (
        inner[0] >= outer[0]
        and inner[1] >= outer[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


NOWHERE = (math.inf, math.inf, -math.inf, -math.inf)


def box_of(geometry: BaseGeometry) -> tuple[float, float, float, float]:
    """The bounds, and for an empty geometry a box that overlaps nothing (shapely 1.8 gives
    an empty tuple there, shapely 2 NaNs)."""
    return NOWHERE if geometry is None or geometry.is_empty else geometry.bounds


def greedy_cover(
    candidates: Sequence[Candidate],
    aoi: BaseGeometry,
    count_weight: float,
    min_gain_m2: float,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """Lazy greedy set cover: repeatedly the candidate with the lowest cost per new area,
    λ·A/gain + B. Gains only shrink as the cover grows, so a candidate whose re-evaluated
    score still beats every stale score in the heap is the true best (CELF)."""
    total = aoi.area

    def score(candidate: Candidate, gain: float) -> float:
        # Rounded, so that equal gains are equal (not decided by rounding errors of the
        # projection) and the input order breaks the tie: plans are reproducible.
        return round(count_weight * total / gain + candidate.badness, 6)

    uncovered = aoi
    # Most re-evaluated candidates lie wholly in what is covered by then: a prepared
    # predicate tells them in a fraction of an intersection's time.
    prepared = prep(uncovered)
    heap = [(score(c, c.area), c.order, 0, c) for c in candidates]
    heapq.heapify(heap)
    chosen: list[Candidate] = []
    while heap and uncovered.area > min_gain_m2:
        if is_cancelled():
            raise cancelled()
        _, order, stamp, candidate = heapq.heappop(heap)
        if stamp == len(chosen):
            chosen.append(candidate)
            uncovered = difference(uncovered, candidate.cover)
            prepared = prep(uncovered)
            continue
        if not prepared.intersects(candidate.cover):
            continue  # no gain left, and gains only shrink
        gain = intersection(candidate.cover, uncovered).area
        if gain <= min_gain_m2:
            continue  # it can only shrink from here: never useful again
        heapq.heappush(heap, (score(candidate, gain), order, len(chosen), candidate))
    return chosen


def cancelled() -> Exception:
    from .errors import CancelledError

    return CancelledError()


def assign(chosen: Sequence[Candidate]) -> list[tuple[Candidate, BaseGeometry]]:
    """Each point of the covered area to the best chosen scene that covers it."""
    parts: list[tuple[Candidate, BaseGeometry]] = []
    covered: BaseGeometry | None = None
    for candidate in sorted(chosen, key=lambda c: c.key):
        part = candidate.cover if covered is None else difference(candidate.cover, covered)
        covered = candidate.cover if covered is None else union(covered, candidate.cover)
        parts.append((candidate, part))
    return parts


def objective(
    parts: Sequence[tuple[Candidate, BaseGeometry]],
    total: float,
    count_weight: float,
    min_gain_m2: float = 0.0,
) -> float:
    used = [(c, p) for c, p in parts if p.area > min_gain_m2]
    return count_weight * len(used) + sum(p.area / total * c.badness for c, p in used)


# --- the exact search (small candidate sets) ------------------------------------------------
def atoms(aoi: BaseGeometry, candidates: Sequence[Candidate], tiny_m2: float) -> dict[int, float]:
    """The AOI cut by every candidate's cover: area per set of covering candidates (bitmask)."""
    pieces: list[tuple[BaseGeometry, int]] = [(aoi, 0)]
    for index, candidate in enumerate(candidates):
        bit, cover, split = 1 << index, candidate.cover, []
        for geometry, mask in pieces:
            if not boxes_overlap(box_of(geometry), candidate.bounds):
                split.append((geometry, mask))
                continue
            inside, outside = intersection(geometry, cover), difference(geometry, cover)
            split += [
                (g, m) for g, m in ((inside, mask | bit), (outside, mask)) if g.area > tiny_m2
            ]
        pieces = split
    areas: dict[int, float] = {}
    for geometry, mask in pieces:
        areas[mask] = areas.get(mask, 0.0) + geometry.area
    return areas


def evaluate(
    mask: int,
    areas: dict[int, float],
    candidates: Sequence[Candidate],
    total: float,
    count_weight: float,
) -> tuple[float, float]:
    """(covered area, F) of the chosen set ``mask`` with the best-scene assignment."""
    by_badness = sorted(range(len(candidates)), key=lambda i: candidates[i].key)
    covered, cost = 0.0, count_weight * bin(mask).count("1")
    for atom_mask, area in areas.items():
        hit = atom_mask & mask
        if not hit:
            continue
        covered += area
        best = next(i for i in by_badness if hit >> i & 1)
        cost += area / total * candidates[best].badness
    return covered, cost


def exact_best(
    candidates: Sequence[Candidate], aoi: BaseGeometry, count_weight: float, tiny_m2: float = 1.0
) -> tuple[int, float, float]:
    """The optimum over every subset: (mask, covered area, F). At most EXACT_LIMIT candidates."""
    if len(candidates) > EXACT_LIMIT:
        raise ValueError(f"exact search takes at most {EXACT_LIMIT} candidates")
    areas = atoms(aoi, candidates, tiny_m2)
    total = aoi.area
    coverable = sum(area for mask, area in areas.items() if mask)
    best = (0, 0.0, float("inf"))
    for mask in range(1, 1 << len(candidates)):
        covered, cost = evaluate(mask, areas, candidates, total, count_weight)
        if covered < coverable - max(tiny_m2, 1e-9 * total):
            continue
        if cost < best[2]:
            best = (mask, covered, cost)
    return best
