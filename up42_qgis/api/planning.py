"""The coverage planner (issue 17): which scenes to order, and which part of the AOI each
delivers, so that the parts cover the AOI with the fewest credits the user's priorities allow.

``plan_coverage`` takes the AOI (GeoJSON Polygon/MultiPolygon in EPSG:4326, already checked),
candidate scenes and the priorities, and returns a ``CoveragePlan``: one ``PlanPart`` per order
(always a Polygon: UP42 takes one Polygon per order), the covered percentage, the gaps and
notes on what it had to decide. How scenes are chosen is in ``planning_search``, the geometry
in ``planning_geometry``. Qt-free; shapely 1.8 and 2.x.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from .errors import ValidationError
from .models import Scene
from .planning_geometry import (
    JSON,
    LocalProjection,
    centre_of,
    difference,
    geodesic_km2,
    intersection,
    multi_geojson,
    polygons_of,
    to_geojson,
    union,
    union_all,
    within_vertex_limit,
)
from .planning_search import (
    EXACT_LIMIT,
    PRIORITY_NAMES,
    Candidate,
    assign,
    box_of,
    exact_best,
    greedy_cover,
    improve,
    objective,
    score_badness,
    weights,
)

DEFAULT_PRIORITIES = ("cloud", "date", "count", "resolution", "incidence")
DEFAULT_SEAM_M = 100.0
MAX_SEAM_M = 5000.0
DEFAULT_MIN_AREA_KM2 = 0.25  # the sandbox's; UP42 states few products' minimum
MIN_GAIN_KM2 = 0.001  # coverage gains (and gaps) smaller than this are numerical noise
EXACT_AUTO_LIMIT = 8  # "auto" solves up to this many candidates exactly
MITRE: Any = 2  # shapely's JOIN_STYLE.mitre, spelled as a number for 1.8 and 2.x

MinArea = float | Mapping[str, float] | Callable[[Scene], float | None]


class PlanProblem(StrEnum):
    BAD_AOI = "BAD_AOI"
    BAD_PRIORITY = "BAD_PRIORITY"
    BAD_SEAM = "BAD_SEAM"
    NO_CANDIDATES = "NO_CANDIDATES"
    NO_OVERLAP = "NO_OVERLAP"


class PlanningError(ValidationError):
    """Input the planner cannot plan with; ``problem`` is a code the GUI may translate."""

    def __init__(self, problem: PlanProblem, message: str, **params: Any) -> None:
        super().__init__(message)
        self.problem = problem
        self.params = params


class NoteCode(StrEnum):
    PARTIAL = "PARTIAL"  # the candidates cover only part of the AOI
    NO_FOOTPRINT = "NO_FOOTPRINT"  # scenes skipped: no usable footprint
    MERGED = "MERGED"  # a piece below the minimum went to a neighbour's part
    BELOW_MINIMUM = "BELOW_MINIMUM"  # a piece below the minimum that nothing else covers
    ANTIMERIDIAN = "ANTIMERIDIAN"  # a part cut at 180°: one order per side
    SIMPLIFIED = "SIMPLIFIED"  # a part simplified to UP42's vertex limit


@dataclass(frozen=True)
class PlanNote:
    code: NoteCode
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class PlanPart:
    """One order: ``scene`` over ``geometry`` (a GeoJSON Polygon in EPSG:4326). ``rank`` is
    the scene's place in the plan (1 = the preferred scene, whose part was cut first; the
    pieces of one scene share it); ``share`` is the part's area over the AOI's (0–1; with
    the seams the shares add up to a little more than the covered fraction)."""

    scene: Scene
    geometry: JSON
    rank: int
    area_km2: float
    share: float


@dataclass(frozen=True)
class CoveragePlan:
    parts: tuple[PlanPart, ...]
    covered_percent: float
    gaps: JSON | None
    aoi_area_km2: float
    notes: tuple[PlanNote, ...] = ()
    method: str = "greedy"
    objective: float = 0.0  # F of planning_search (lower is better), before seams

    @property
    def scenes(self) -> tuple[Scene, ...]:
        """The chosen scenes in rank order, each once."""
        return tuple({part.scene.id: part.scene for part in self.parts}.values())

    @property
    def planned_km2(self) -> float:
        return sum(part.area_km2 for part in self.parts)


def parse_priorities(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"cloud, date"`` (or a list) → ("cloud", "date"); empty → the default order."""
    items = value.split(",") if isinstance(value, str) else list(value or ())
    names = tuple(dict.fromkeys(str(item).strip().lower() for item in items if str(item).strip()))
    unknown = [name for name in names if name not in PRIORITY_NAMES]
    if unknown:
        raise PlanningError(
            PlanProblem.BAD_PRIORITY,
            f"Unknown priorit{'ies' if len(unknown) > 1 else 'y'} {', '.join(unknown)}: "
            f"use {', '.join(PRIORITY_NAMES)}.",
            unknown=unknown,
        )
    return names or DEFAULT_PRIORITIES


def min_area_lookup(min_area_km2: MinArea) -> Callable[[Scene], float]:
    """A function scene → its data product's minimum order area in km²."""
    if callable(min_area_km2):
        function = min_area_km2
        return lambda scene: float(function(scene) or DEFAULT_MIN_AREA_KM2)
    if isinstance(min_area_km2, Mapping):
        table = dict(min_area_km2)
        return lambda scene: float(table.get(scene.collection, DEFAULT_MIN_AREA_KM2))
    return lambda scene: float(min_area_km2)


def plan_coverage(
    aoi: JSON,
    scenes: Sequence[Scene],
    priorities: str | Iterable[str] | None = DEFAULT_PRIORITIES,
    seam_m: float = DEFAULT_SEAM_M,
    min_area_km2: MinArea = DEFAULT_MIN_AREA_KM2,
    *,
    method: str = "auto",
    is_cancelled: Callable[[], bool] | None = None,
) -> CoveragePlan:
    """Plan the orders that cover ``aoi`` with ``scenes``. Raises PlanningError for input it
    cannot plan with; a partial cover is a plan with a PARTIAL note and gaps."""
    if not 0 <= seam_m <= MAX_SEAM_M:
        raise PlanningError(
            PlanProblem.BAD_SEAM,
            f"The seam margin must be 0 to 5,000 m, not {seam_m:g}.",
            seam_m=seam_m,
        )
    cancelled = is_cancelled or (lambda: False)
    notes: list[PlanNote] = []
    area, projection, candidates, count_weight = prepare(
        aoi, scenes, priorities, min_area_km2, notes
    )
    tiny = MIN_GAIN_KM2 * 1e6
    use_exact = method == "exact" or (method == "auto" and len(candidates) <= EXACT_AUTO_LIMIT)
    if use_exact and len(candidates) <= EXACT_LIMIT:
        mask, _, _ = exact_best(candidates, area, count_weight, tiny)
        parts = assign([c for i, c in enumerate(candidates) if mask >> i & 1])
        method = "exact"
    else:
        chosen = greedy_cover(candidates, area, count_weight, tiny, cancelled)
        parts = improve(assign(chosen), candidates, area.area, count_weight, tiny, cancelled)
        method = "greedy"
    parts = [(c, _opened(p)) for c, p in parts if p.area > tiny]
    parts = [(c, p) for c, p in parts if p.area > tiny]
    score = objective(parts, area.area, count_weight, tiny)
    parts = _respect_minimum(parts, tiny, notes)
    return _finish(area, projection, parts, seam_m, notes, method, score)


def prepare(
    aoi: JSON,
    scenes: Sequence[Scene],
    priorities: str | Iterable[str] | None,
    min_area_km2: MinArea,
    notes: list[PlanNote],
) -> tuple[BaseGeometry, LocalProjection, list[Candidate], float]:
    """The AOI in metres, its projection, the scored candidates and λ (for the planner and
    for ``planning_compare``)."""
    order = parse_priorities(priorities)
    try:
        projection = LocalProjection(*centre_of(aoi))
    except ValueError:
        projection = None
    area = projection.project(aoi) if projection else None
    if projection is None or area is None:
        raise PlanningError(PlanProblem.BAD_AOI, "The area of interest is not a polygon.")
    candidates = _candidates(scenes, area, projection, min_area_lookup(min_area_km2), notes)
    attribute_weights, count_weight = weights(order)
    score_badness(candidates, attribute_weights)
    return area, projection, candidates, count_weight


def _candidates(
    scenes: Sequence[Scene],
    area: BaseGeometry,
    projection: LocalProjection,
    min_area: Callable[[Scene], float],
    notes: list[PlanNote],
) -> list[Candidate]:
    if not scenes:
        raise PlanningError(PlanProblem.NO_CANDIDATES, "There are no scenes to plan with.")
    prepared = prep(area)
    minx, miny, maxx, maxy = area.bounds
    candidates: list[Candidate] = []
    seen: set[str] = set()
    unusable = 0
    for scene in scenes:
        if scene.id in seen:
            continue
        seen.add(scene.id)
        if not projection.near(scene.geometry):
            continue  # on the other side of the world: projecting it would be meaningless
        footprint, (fx0, fy0, fx1, fy1) = projection.project_bounded(scene.geometry)
        if footprint is None:
            unusable += 1
            continue
        if fx0 > maxx or fx1 < minx or fy0 > maxy or fy1 < miny:
            continue
        if not prepared.intersects(footprint):
            continue
        bounds = (fx0, fy0, fx1, fy1)
        cover: BaseGeometry | None = footprint
        if not prepared.contains(footprint):
            cover = union_all(polygons_of(intersection(footprint, area)))
            bounds = box_of(cover) if cover is not None else bounds
        cover_area = cover.area if cover is not None else 0.0
        if cover is None or cover_area <= MIN_GAIN_KM2 * 1e6:
            continue
        candidates.append(
            Candidate(
                scene,
                cover,
                cover_area,
                min_area_m2=min_area(scene) * 1e6,
                bounds=bounds,
                order=len(candidates),
            )
        )
    if unusable:
        notes.append(
            PlanNote(
                NoteCode.NO_FOOTPRINT,
                f"{unusable} scene(s) without a usable footprint were skipped.",
                {"n": unusable},
            )
        )
    if not candidates:
        raise PlanningError(
            PlanProblem.NO_OVERLAP,
            f"None of the {len(scenes)} scene(s) covers any of the area of interest.",
            n=len(scenes),
        )
    return candidates


def _opened(geometry: BaseGeometry, width_m: float = 0.05) -> BaseGeometry:
    """Without the centimetre-thin slivers that differences of nearly equal edges leave
    (they would grow into strips with the seam)."""
    return geometry.buffer(-width_m, join_style=MITRE).buffer(width_m, join_style=MITRE)


def _respect_minimum(
    parts: list[tuple[Candidate, BaseGeometry]], tiny: float, notes: list[PlanNote]
) -> list[tuple[Candidate, BaseGeometry]]:
    """Each piece (one order) below its product's minimum goes to neighbouring parts whose
    scenes cover it; what they cannot take stays, billed at the minimum, and is said."""
    current: list[list[Any]] = [[c, p] for c, p in parts]  # [candidate, part], mutable
    for entry in sorted(current, key=lambda e: e[1].area):
        candidate = entry[0]
        for piece in sorted(polygons_of(entry[1]), key=lambda p: p.area):
            if piece.area >= candidate.min_area_m2:
                continue
            remaining: BaseGeometry = piece
            for other in sorted(current, key=lambda e: e[0].key):
                if other is entry or other[1].is_empty or other[1].distance(remaining) > 1.0:
                    continue
                taken = intersection(remaining, other[0].cover)
                if taken.area <= tiny:
                    continue
                other[1] = union(other[1], taken)
                remaining = difference(remaining, other[0].cover)
                if remaining.area <= tiny:
                    break
            moved = piece.area - remaining.area
            if moved > tiny:
                entry[1] = union(difference(entry[1], piece), remaining)
                notes.append(
                    PlanNote(
                        NoteCode.MERGED,
                        f"{moved / 1e6:.3f} km² of scene {candidate.scene.id}, below its minimum "
                        f"order area of {candidate.min_area_m2 / 1e6:g} km², went to a "
                        "neighbouring part.",
                        {
                            "scene": candidate.scene.id,
                            "km2": moved / 1e6,
                            "minimum": candidate.min_area_m2 / 1e6,
                        },
                    )
                )
            if remaining.area > tiny:
                notes.append(
                    PlanNote(
                        NoteCode.BELOW_MINIMUM,
                        f"A part of {remaining.area / 1e6:.3f} km² only scene {candidate.scene.id} "
                        f"covers is below its minimum order area of "
                        f"{candidate.min_area_m2 / 1e6:g} km²: UP42 bills the minimum.",
                        {
                            "scene": candidate.scene.id,
                            "km2": remaining.area / 1e6,
                            "minimum": candidate.min_area_m2 / 1e6,
                        },
                    )
                )
    return [(c, p) for c, p in current if p.area > tiny]


def _with_seams(
    parts: list[tuple[Candidate, BaseGeometry]], seam_m: float
) -> list[tuple[Candidate, BaseGeometry]]:
    """Each part grown so that neighbours overlap by ``seam_m`` in total: half on each side
    where both scenes reach, the whole seam on one side where the other scene's footprint
    ends at the boundary (the usual case: a better scene's part ends where its footprint
    does)."""
    if seam_m <= 0:
        return parts
    half = seam_m / 2.0
    widened = [core.buffer(half, join_style=MITRE) for _, core in parts]
    lost = [difference(w, c.cover) for (c, _), w in zip(parts, widened, strict=True)]
    grown = []
    for index, ((candidate, core), wide) in enumerate(zip(parts, widened, strict=True)):
        part = intersection(wide, candidate.cover)
        # Where a neighbour could not grow into this part (its footprint ends), this one
        # grows the whole seam into the neighbour instead. Slivers along the AOI's edge are
        # rounding, not a neighbour's loss.
        unreached = union_all(
            piece
            for other, missed in enumerate(lost)
            if other != index and _overlap_bounds(missed, core)
            for piece in polygons_of(intersection(missed, core))
            if piece.area > half
        )
        if unreached is not None:
            reach = intersection(core.buffer(seam_m, join_style=MITRE), candidate.cover)
            extra = intersection(unreached.buffer(seam_m, join_style=MITRE), reach)
            part = union(part, extra)
        grown.append((candidate, part))
    return grown


def _overlap_bounds(a: BaseGeometry, b: BaseGeometry) -> bool:
    ax0, ay0, ax1, ay1 = box_of(a)
    bx0, by0, bx1, by1 = box_of(b)
    return ax0 <= bx1 and bx0 <= ax1 and ay0 <= by1 and by0 <= ay1


def _finish(
    area: BaseGeometry,
    projection: LocalProjection,
    parts: list[tuple[Candidate, BaseGeometry]],
    seam_m: float,
    notes: list[PlanNote],
    method: str,
    score: float,
) -> CoveragePlan:
    tiny = MIN_GAIN_KM2 * 1e6
    aoi_km2 = geodesic_km2(projection.unproject(area))
    plan_parts: list[PlanPart] = []
    grown_parts: list[BaseGeometry] = []
    ordered = sorted(parts, key=lambda e: e[0].key)
    for rank, (candidate, grown) in enumerate(_with_seams(ordered, seam_m), start=1):
        pieces = [p for p in polygons_of(grown) if p.area > tiny]
        grown_parts += pieces
        for piece in pieces:
            limited = within_vertex_limit(piece, max(seam_m / 4.0, 1.0))
            if limited is not piece:
                notes.append(
                    PlanNote(
                        NoteCode.SIMPLIFIED,
                        f"The part of scene {candidate.scene.id} was simplified to UP42's limit "
                        "of 999 vertices.",
                        {"scene": candidate.scene.id},
                    )
                )
            lonlat = projection.unproject(limited)
            if len(lonlat) > 1:
                notes.append(
                    PlanNote(
                        NoteCode.ANTIMERIDIAN,
                        f"The part of scene {candidate.scene.id} crosses the antimeridian: one "
                        "order on each side.",
                        {"scene": candidate.scene.id},
                    )
                )
            for polygon in lonlat:
                km2 = geodesic_km2([polygon])
                plan_parts.append(
                    PlanPart(
                        candidate.scene,
                        to_geojson(polygon),
                        rank,
                        km2,
                        km2 / aoi_km2 if aoi_km2 else 0.0,
                    )
                )
    covered = union_all(grown_parts)
    gap_geometry = difference(area, covered) if covered is not None else area
    gap_pieces = [p for p in polygons_of(gap_geometry) if p.area > tiny]
    gap_polygons = [g for piece in gap_pieces for g in projection.unproject(piece)]
    gaps = multi_geojson(gap_polygons)
    percent = 100.0 * (1.0 - sum(p.area for p in gap_pieces) / area.area)
    if gap_pieces:
        gap_km2 = geodesic_km2(gap_polygons)  # the area the user sees for them, as the AOI's
        notes.insert(
            0,
            PlanNote(
                NoteCode.PARTIAL,
                f"The scenes cover {percent:.1f} % of the area of interest; {gap_km2:,.2f} km² "
                "remain uncovered (the gaps).",
                {"percent": percent, "gap_km2": gap_km2},
            ),
        )
    return CoveragePlan(tuple(plan_parts), percent, gaps, aoi_km2, tuple(notes), method, score)
