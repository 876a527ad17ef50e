"""The coverage planner (issue 17): which scenes to order, and which part of the AOI each
delivers, so that the parts cover the AOI with the fewest credits the user's priorities allow.

``plan_coverage`` takes the AOI (GeoJSON Polygon/MultiPolygon in EPSG:4326, already checked),
candidate scenes and the priorities, and returns a ``CoveragePlan``: one ``PlanPart`` per order
(always a Polygon: UP42 takes one Polygon per order), the covered percentage, the gaps and
notes on what it had to decide. The nouns are in ``planning_types``, how scenes are chosen in
``planning_search`` and ``planning_improve``, how the chosen parts become orders in
``planning_parts``, the geometry in ``planning_geometry``. Qt-free; shapely 1.8 and 2.x.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from .models import Scene
from .planning_geometry import (
    JSON,
    LocalProjection,
    centre_of,
    intersection,
    polygons_of,
    union_all,
)
from .planning_improve import improve
from .planning_parts import finish_plan, opened, respect_minimum
from .planning_search import (
    EXACT_LIMIT,
    PRIORITY_NAMES,
    Candidate,
    assign,
    box_of,
    exact_best,
    greedy_cover,
    objective,
    score_badness,
    weights,
)
from .planning_types import (
    DEFAULT_MIN_AREA_KM2,
    DEFAULT_PRIORITIES,
    DEFAULT_SEAM_M,
    MAX_SEAM_M,
    MIN_GAIN_KM2,
    CoveragePlan,
    MinArea,
    NoteCode,
    PlanningError,
    PlanNote,
    PlanPart,
    PlanProblem,
)

# The planner's public names (its nouns live in planning_types, PRIORITY_NAMES in
# planning_search): the GUI, Processing and the layers import them from here.
__all__ = [
    "DEFAULT_MIN_AREA_KM2",
    "DEFAULT_PRIORITIES",
    "DEFAULT_SEAM_M",
    "MIN_GAIN_KM2",
    "PRIORITY_NAMES",
    "CoveragePlan",
    "MinArea",
    "NoteCode",
    "PlanNote",
    "PlanPart",
    "PlanProblem",
    "PlanningError",
    "min_area_lookup",
    "parse_priorities",
    "plan_coverage",
    "prepare",
]

EXACT_AUTO_LIMIT = 8  # "auto" solves up to this many candidates exactly


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
    parts = [(c, opened(p)) for c, p in parts if p.area > tiny]
    parts = [(c, p) for c, p in parts if p.area > tiny]
    score = objective(parts, area.area, count_weight, tiny)
    parts = respect_minimum(parts, tiny, notes)
    return finish_plan(area, projection, parts, seam_m, notes, method, score)


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
            cover = _polygonal(intersection(footprint, area))
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


def _polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    """The polygonal part of an overlay's result (None when there is none); a single
    Polygon as it is (the union that joins the pieces of a collection costs as much as the
    overlay itself)."""
    if isinstance(geometry, Polygon):
        return None if geometry.is_empty else geometry
    return union_all(polygons_of(geometry))
