"""From the chosen scenes' parts to the orders of a coverage plan: pieces below a product's
minimum go to neighbours, seams overlap neighbouring parts, parts keep to UP42's vertex limit
and are cut at the antimeridian, and what stays uncovered is the plan's gaps. Qt-free;
shapely 1.8 and 2.x.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry.base import BaseGeometry

from .planning_geometry import (
    LocalProjection,
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
from .planning_search import Candidate, box_of, boxes_overlap
from .planning_types import MIN_GAIN_KM2, CoveragePlan, NoteCode, PlanNote, PlanPart

MITRE: Any = 2  # shapely's JOIN_STYLE.mitre, spelled as a number for 1.8 and 2.x


def opened(geometry: BaseGeometry, width_m: float = 0.05) -> BaseGeometry:
    """Without the centimetre-thin slivers that differences of nearly equal edges leave
    (they would grow into strips with the seam)."""
    return geometry.buffer(-width_m, join_style=MITRE).buffer(width_m, join_style=MITRE)


def respect_minimum(
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
            if other != index and boxes_overlap(box_of(missed), box_of(core))
            for piece in polygons_of(intersection(missed, core))
            if piece.area > half
        )
        if unreached is not None:
            reach = intersection(core.buffer(seam_m, join_style=MITRE), candidate.cover)
            extra = intersection(unreached.buffer(seam_m, join_style=MITRE), reach)
            part = union(part, extra)
        grown.append((candidate, part))
    return grown


def finish_plan(
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
