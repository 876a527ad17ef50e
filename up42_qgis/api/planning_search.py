"""How the planner chooses scenes: the score, a greedy cover with local improvement, and an
exact search for small candidate sets (to measure the greedy against).

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
from typing import Any

from shapely.geometry.base import BaseGeometry

from .models import Scene
from .planning_geometry import difference, intersection, union, union_all

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


# The local search's working plan: id(candidate) -> [candidate, its part], a mutable pair
# (the passes change parts in place).
Entry = list[Any]
Current = dict[int, Entry]
IsCancelled = Callable[[], bool]


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
def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _inside(inner: tuple[float, ...], outer: tuple[float, ...]) -> bool:
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
    heap = [(score(c, c.area), c.order, 0, c) for c in candidates]
    heapq.heapify(heap)
    chosen: list[Candidate] = []
    while heap and uncovered.area > min_gain_m2:
        if is_cancelled():
            raise _cancelled()
        _, order, stamp, candidate = heapq.heappop(heap)
        if stamp == len(chosen):
            chosen.append(candidate)
            uncovered = difference(uncovered, candidate.cover)
            continue
        gain = intersection(candidate.cover, uncovered).area
        if gain <= min_gain_m2:
            continue  # it can only shrink from here: never useful again
        heapq.heappush(heap, (score(candidate, gain), order, len(chosen), candidate))
    return chosen


def _cancelled() -> Exception:
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


def improve(
    parts: list[tuple[Candidate, BaseGeometry]],
    candidates: Sequence[Candidate],
    total: float,
    count_weight: float,
    min_gain_m2: float,
    is_cancelled: Callable[[], bool] = lambda: False,
    rounds: int = 3,
) -> list[tuple[Candidate, BaseGeometry]]:
    """Local search on F without losing coverage: replace several scenes by one, add a better
    scene where it takes enough area from worse parts to pay for itself, drop a scene whose
    part others cover cheaper."""
    current: Current = {id(c): [c, p] for c, p in parts}
    swapped_from: frozenset[int] | None = None  # the plan the last swap pass could not improve
    for _ in range(rounds):
        if _merge_pass(current, candidates, total, count_weight, min_gain_m2, is_cancelled):
            current = {id(c): [c, p] for c, p in assign([e[0] for e in current.values()])}
        changed = _drop_pass(current, total, count_weight, min_gain_m2)
        if frozenset(current) != swapped_from:
            if _swap_pass(current, candidates, total, count_weight, min_gain_m2, is_cancelled):
                changed = True
            else:
                swapped_from = frozenset(current)
        changed |= _add_pass(current, candidates, total, count_weight, min_gain_m2, is_cancelled)
        changed |= _drop_pass(current, total, count_weight, min_gain_m2)
        if not changed:
            break
    # The moves keep every area with a scene that covers it; the best-scene assignment of
    # the final set can only lower F further.
    return assign([c for c, p in current.values() if p.area > min_gain_m2])


def _merge_pass(
    current: Current,
    candidates: Sequence[Candidate],
    total: float,
    count_weight: float,
    min_gain_m2: float,
    is_cancelled: IsCancelled,
) -> bool:
    """Replace several chosen scenes by one that covers all their parts, where that lowers F
    (the greedy's classic miss: a good small scene first, then a big one for the rest,
    when one big scene alone would do)."""
    changed = False
    boxes = {key: box_of(entry[1]) for key, entry in current.items()}
    for candidate in sorted(candidates, key=lambda c: c.key):
        if id(candidate) in current:
            continue
        if is_cancelled():
            raise _cancelled()
        covered = [
            (key, entry)
            for key, entry in current.items()
            if _inside(boxes[key], candidate.bounds)
            and difference(entry[1], candidate.cover).area <= min_gain_m2
        ]
        if len(covered) < 2:
            continue
        delta = count_weight * (1 - len(covered)) + sum(
            entry[1].area / total * (candidate.badness - entry[0].badness) for _, entry in covered
        )
        if delta >= 0:
            continue
        merged = union_all(entry[1] for _, entry in covered)
        if merged is None:
            continue  # only empty parts: the drop pass removes them for free
        for key, _ in covered:
            del current[key]
            del boxes[key]
        current[id(candidate)] = [candidate, merged]
        boxes[id(candidate)] = box_of(merged)
        changed = True
    return changed


def _add_pass(
    current: Current,
    candidates: Sequence[Candidate],
    total: float,
    count_weight: float,
    min_gain_m2: float,
    is_cancelled: IsCancelled,
) -> bool:
    changed = False
    for candidate in sorted(candidates, key=lambda c: c.key):
        if id(candidate) in current:
            continue
        if is_cancelled():
            raise _cancelled()
        worse = [
            entry
            for entry in current.values()
            if entry[0].badness > candidate.badness and _overlaps(entry[0].bounds, candidate.bounds)
        ]
        if not worse:
            continue
        ceiling = max(entry[0].badness for entry in worse) - candidate.badness
        if candidate.area / total * ceiling <= count_weight:
            continue  # even taking all it covers could not pay for one more scene
        taken = [(entry, intersection(entry[1], candidate.cover)) for entry in worse]
        saving = sum(piece.area / total * (e[0].badness - candidate.badness) for e, piece in taken)
        if saving <= count_weight:
            continue
        pieces = []
        for entry, piece in taken:
            if piece.area > 0:
                entry[1] = difference(entry[1], candidate.cover)
                pieces.append(piece)
        current[id(candidate)] = [candidate, union_all(pieces)]
        changed = True
    return changed


SWAP_BUDGET = 150  # tentative swaps per round: the largest candidates first


def _current_cost(current: Current, total: float, count_weight: float) -> float:
    return objective([(c, p) for c, p in current.values()], total, count_weight)


def _swap_pass(
    current: Current,
    candidates: Sequence[Candidate],
    total: float,
    count_weight: float,
    min_gain_m2: float,
    is_cancelled: IsCancelled,
) -> bool:
    """Try each of the largest unchosen scenes in the plan, let it take what it covers of
    worse parts, then drop what it makes redundant; keep the trial when F falls."""
    changed = False
    boxes = [box_of(entry[1]) for entry in current.values()]
    trials = [
        c for c in candidates if id(c) not in current and any(_inside(b, c.bounds) for b in boxes)
    ]  # only a scene that spans a whole part can make another one redundant
    for candidate in sorted(trials, key=lambda c: -c.area)[:SWAP_BUDGET]:
        if is_cancelled():
            raise _cancelled()
        trial = {key: list(entry) for key, entry in current.items()}
        pieces = []
        for entry in trial.values():
            if entry[0].badness > candidate.badness and _overlaps(
                box_of(entry[1]), candidate.bounds
            ):
                piece = intersection(entry[1], candidate.cover)
                if piece.area > 0:
                    entry[1] = difference(entry[1], candidate.cover)
                    pieces.append(piece)
        trial[id(candidate)] = [
            candidate,
            union_all(pieces) or difference(candidate.cover, candidate.cover),
        ]
        # The plan was drop-stable before the trial: only parts the candidate reaches can
        # have become redundant.
        reached = {
            key for key, b in zip(current, boxes, strict=True) if _overlaps(b, candidate.bounds)
        }
        if not _drop_pass(
            trial, total, count_weight, min_gain_m2, protect=id(candidate), only=reached
        ):
            continue
        if trial[id(candidate)][1].area <= min_gain_m2:
            continue
        if (
            _current_cost(trial, total, count_weight)
            < _current_cost(current, total, count_weight) - 1e-12
        ):
            current.clear()
            current.update(trial)
            boxes = [box_of(entry[1]) for entry in current.values()]
            changed = True
    return changed


def _drop_pass(
    current: Current,
    total: float,
    count_weight: float,
    min_gain_m2: float,
    protect: int | None = None,
    only: set[int] | None = None,
) -> bool:
    changed = False
    for key, (candidate, part) in sorted(
        current.items(), key=lambda item: item[1][0].key, reverse=True
    ):
        if key == protect or (only is not None and key not in only):
            continue
        part_box = box_of(part)
        others = sorted(
            (e for k, e in current.items() if k != key and _overlaps(e[0].bounds, part_box)),
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
            continue  # dropping it would lose coverage, or cost more than it saves
        for entry, piece in moves:
            entry[1] = union(entry[1], piece)
        del current[key]
        changed = True
    return changed


# --- the exact search (small candidate sets) ------------------------------------------------
def atoms(aoi: BaseGeometry, candidates: Sequence[Candidate], tiny_m2: float) -> dict[int, float]:
    """The AOI cut by every candidate's cover: area per set of covering candidates (bitmask)."""
    pieces: list[tuple[BaseGeometry, int]] = [(aoi, 0)]
    for index, candidate in enumerate(candidates):
        bit, cover, split = 1 << index, candidate.cover, []
        for geometry, mask in pieces:
            if not _overlaps(box_of(geometry), candidate.bounds):
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
