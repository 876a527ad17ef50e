"""Checks of an area of interest before any request, with shapely only (1.8 and 2.x).

``check_aoi`` returns the geometry UP42 should get: 2D, rings oriented per RFC 7946, and cut
at the antimeridian into a MultiPolygon when it crosses it (coordinates beyond ±180, as a map
drawn across the date line produces).

Areas: ``aoi_area_km2`` is THE area of an AOI or an order geometry the plugin shows and checks
(the search panel, the order dialog, the planner): ellipsoidal on WGS84, edges straight in
longitude/latitude as GeoJSON draws them (the GRASS/QGIS ``QgsDistanceArea`` series, without
its wrap of long edges and its pole correction, which turn a world extent into 28 million km²).
No pyproj, no Qt. ``spherical_area_km2`` is the authalic sphere's, which the planner's local
projection works on.
"""

from __future__ import annotations

import contextlib
import math
from enum import StrEnum
from typing import Any

from shapely.affinity import translate
from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .errors import ValidationError

try:  # shapely 2.x
    from shapely import force_2d as _force_2d
except ImportError:  # shapely 1.8
    _force_2d = None  # type: ignore[assignment]

try:  # shapely >= 1.8 (and 2.x)
    from shapely.validation import explain_validity, make_valid
except ImportError:  # pragma: no cover - very old shapely
    make_valid = None  # type: ignore[assignment]
    from shapely.validation import explain_validity

MAX_VERTICES = 999  # what UP42 accepts per AOI
MIN_AREA_KM2 = 0.01
MAX_AREA_KM2 = 10_000.0
EARTH_RADIUS_M = 6_371_007.2  # authalic radius: equal-area sphere of WGS84
WGS84_A = 6_378_137.0
WGS84_F = 1 / 298.257223563

JSON = dict[str, Any]


class AoiProblem(StrEnum):
    EMPTY = "EMPTY"
    INVALID = "INVALID"
    NOT_POLYGON = "NOT_POLYGON"
    TOO_MANY_VERTICES = "TOO_MANY_VERTICES"
    TOO_SMALL = "TOO_SMALL"
    TOO_LARGE = "TOO_LARGE"


class AoiError(ValidationError):
    """An AOI UP42 would refuse. ``problem`` is an AoiProblem code the GUI translates,
    ``params`` the numbers in the message, ``repaired`` a valid geometry offered for INVALID."""

    def __init__(
        self,
        problem: AoiProblem,
        message: str,
        *,
        repaired: JSON | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message)
        self.problem = problem
        self.repaired = repaired
        self.params = params


def _geometry_json(geojson: Any) -> Any:
    """The geometry of a geometry, a Feature or a FeatureCollection (its features merged)."""
    if not isinstance(geojson, dict):
        return geojson
    kind = geojson.get("type")
    if kind == "Feature":
        return geojson.get("geometry")
    if kind == "FeatureCollection":
        features = [f for f in geojson.get("features") or () if isinstance(f, dict)]
        geometries: list[Any] = [f["geometry"] for f in features if f.get("geometry")]
        if len(geometries) == 1:
            return geometries[0]
        polygons: list[Any] = []
        for geometry in geometries:
            if geometry.get("type") == "Polygon":
                polygons.append(geometry.get("coordinates"))
            elif geometry.get("type") == "MultiPolygon":
                polygons.extend(geometry.get("coordinates") or ())
            else:
                return geometry  # reported as NOT_POLYGON
        return {"type": "MultiPolygon", "coordinates": polygons} if polygons else None
    return geojson


def _polygons(geometry: BaseGeometry) -> list[Polygon]:
    """The polygonal parts of any geometry (make_valid and intersections mix in lines)."""
    if geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry]
    if hasattr(geometry, "geoms"):
        return [p for part in geometry.geoms for p in _polygons(part)]
    return []


def _from_polygons(polygons: list[Polygon]) -> BaseGeometry:
    polygons = [orient(p, 1.0) for p in polygons if not p.is_empty]
    if len(polygons) == 1:
        return polygons[0]
    return MultiPolygon(polygons)


def _to_json(geometry: BaseGeometry) -> JSON:
    def lists(value: Any) -> Any:
        if isinstance(value, tuple | list):
            return [lists(v) for v in value]
        return value

    data = mapping(geometry)
    return {"type": data["type"], "coordinates": lists(data["coordinates"])}


def _vertex_count(geometry: BaseGeometry) -> int:
    return sum(
        len(polygon.exterior.coords) + sum(len(ring.coords) for ring in polygon.interiors)
        for polygon in _polygons(geometry)
    )


def _ring_area_m2(coords: Any) -> float:
    """Spherical area of a ring (Chamberlain & Duquette, as turf and OpenLayers compute it)."""
    points = list(coords)
    if len(points) < 4:
        return 0.0
    if points[0] == points[-1]:
        points = points[:-1]
    total = 0.0
    count = len(points)
    for i in range(count):
        lower = points[i]
        middle = points[(i + 1) % count]
        upper = points[(i + 2) % count]
        total += (math.radians(upper[0]) - math.radians(lower[0])) * math.sin(
            math.radians(middle[1])
        )
    return abs(total) * EARTH_RADIUS_M**2 / 2.0


def _spherical_km2(geometry: BaseGeometry) -> float:
    area = 0.0
    for polygon in _polygons(geometry):
        area += _ring_area_m2(polygon.exterior.coords)
        area -= sum(_ring_area_m2(ring.coords) for ring in polygon.interiors)
    return max(area, 0.0) / 1e6


class _Ellipsoid:
    """The series of the WGS84 ellipsoid's area between a parallel and the pole (GRASS's
    ``G_area_of_polygon``, which QgsDistanceArea took over)."""

    def __init__(self, a: float = WGS84_A, f: float = WGS84_F) -> None:
        e2 = f * (2 - f)
        e4, e6 = e2 * e2, e2 * e2 * e2
        self.ae = a * a * (1 - e2)
        self.qa, self.qb, self.qc = 2.0 / 3.0 * e2, 3.0 / 5.0 * e4, 4.0 / 7.0 * e6
        self.qbar = (
            -1.0 - 2.0 / 3.0 * e2 - 3.0 / 5.0 * e4 - 4.0 / 7.0 * e6,
            2.0 / 9.0 * e2 + 2.0 / 5.0 * e4 + 4.0 / 7.0 * e6,
            -3.0 / 25.0 * e4 - 12.0 / 35.0 * e6,
            4.0 / 49.0 * e6,
        )
        self.qp = self.q(math.pi / 2)

    def q(self, phi: float) -> float:
        s = math.sin(phi)
        s2 = s * s
        return s * (1 + s2 * (self.qa + s2 * (self.qb + s2 * self.qc)))

    def q_bar(self, phi: float) -> float:
        c = math.cos(phi)
        c2 = c * c
        a, b, cc, d = self.qbar
        return c * (a + c2 * (b + c2 * (cc + c2 * d)))

    def ring_m2(self, coords: Any) -> float:
        """The ring's area, its edges straight in lon/lat: longitudes as they are (a part cut
        at ±180° runs along it; no edge is taken "the short way round")."""
        points = [(math.radians(p[0]), math.radians(p[1])) for p in coords]
        if len(points) < 4:
            return 0.0
        total = 0.0
        x2, y2 = points[-1]
        qbar2 = self.q_bar(y2)
        for x, y in points:
            x1, y1, qbar1 = x2, y2, qbar2
            x2, y2, qbar2 = x, y, self.q_bar(y)
            dx, dy = x2 - x1, y2 - y1
            q2 = self.q(y2)
            total += dx * (self.qp - q2)
            # Below a few millimetres the quotient is all rounding; its limit is 0.
            if abs(dy) > 1e-9:
                total += dx * q2 - (dx / dy) * (qbar2 - qbar1)
        return abs(total * self.ae)


_WGS84 = _Ellipsoid()


def _area_km2(geometry: BaseGeometry) -> float:
    """Ellipsoidal (WGS84) area of the polygonal parts, in km²."""
    area = 0.0
    for polygon in _polygons(geometry):
        area += _WGS84.ring_m2(polygon.exterior.coords)
        area -= sum(_WGS84.ring_m2(ring.coords) for ring in polygon.interiors)
    return max(area, 0.0) / 1e6


def _split_antimeridian(geometry: BaseGeometry) -> BaseGeometry:
    """Cut at ±180° and shift the parts beyond it back into [-180, 180] (RFC 7946 §3.1.9)."""
    min_x, _, max_x, _ = geometry.bounds
    if min_x >= -180 and max_x <= 180:
        return geometry
    parts: list[Polygon] = []
    for shift in range(math.floor((min_x + 180) / 360), math.floor((max_x + 180) / 360) + 1):
        window = box(-180 + 360 * shift, -90, 180 + 360 * shift, 90)
        piece = geometry.intersection(window)
        parts += [translate(p, xoff=-360 * shift) for p in _polygons(piece)]
    return _from_polygons(parts)


def _drop_z(geometry: BaseGeometry) -> BaseGeometry:
    """The geometry in 2D: ``force_2d`` on shapely 2 (``shapely.ops.transform`` is deprecated
    there), ``transform`` on shapely 1.8, which has no ``force_2d``."""
    if _force_2d is not None:
        return _force_2d(geometry)
    from shapely.ops import transform

    return transform(lambda x, y, z=None: (x, y), geometry)


def _shape(data: Any) -> BaseGeometry | None:
    if not isinstance(data, dict) or not data.get("type"):
        return None
    if data.get("type") != "GeometryCollection" and not data.get("coordinates"):
        return None
    try:
        geometry = shape(data)
    except Exception as error:  # shapely raises many kinds for malformed coordinates
        raise AoiError(
            AoiProblem.INVALID,
            f"The area of interest has malformed coordinates ({error}).",
            reason=str(error),
        ) from None
    # Drop Z values: UP42 takes 2D geometries.
    return _drop_z(geometry)


def _repair(geometry: BaseGeometry) -> JSON | None:
    candidates = []
    if make_valid is not None:
        with contextlib.suppress(Exception):  # GEOS too old for make_valid: buffer(0) below
            candidates.append(make_valid(geometry))
    candidates.append(geometry.buffer(0))
    for candidate in candidates:
        polygons = _polygons(candidate)
        if polygons:
            repaired = _from_polygons(polygons)
            if repaired.is_valid and not repaired.is_empty:
                return _to_json(repaired)
    return None


def _check_vertices(geometry: BaseGeometry, max_vertices: int) -> None:
    vertices = _vertex_count(geometry)
    if vertices > max_vertices:
        raise AoiError(
            AoiProblem.TOO_MANY_VERTICES,
            f"The area of interest has {vertices} vertices; UP42 accepts at most "
            f"{max_vertices}. Simplify it.",
            vertices=vertices,
            limit=max_vertices,
        )


def check_aoi(
    geojson: Any,
    *,
    max_area_km2: float = MAX_AREA_KM2,
    min_area_km2: float = MIN_AREA_KM2,
    max_vertices: int = MAX_VERTICES,
) -> JSON:
    """The normalised GeoJSON geometry, or AoiError naming the first problem."""
    geometry = _shape(_geometry_json(geojson))
    if geometry is None or geometry.is_empty:
        raise AoiError(AoiProblem.EMPTY, "The area of interest is empty: draw or pick a polygon.")
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise AoiError(
            AoiProblem.NOT_POLYGON,
            f"The area of interest must be a polygon, not a {geometry.geom_type}.",
            geometry_type=geometry.geom_type,
        )
    min_x, min_y, max_x, max_y = geometry.bounds
    finite = all(math.isfinite(v) for v in (min_x, min_y, max_x, max_y))
    if not finite or min_y < -90 or max_y > 90 or min_x < -540 or max_x > 540:
        raise AoiError(
            AoiProblem.INVALID,
            "The area of interest has coordinates outside longitude/latitude bounds: "
            "is it in EPSG:4326?",
            reason="out of bounds",
        )
    _check_vertices(geometry, max_vertices)
    if not geometry.is_valid:
        reason = explain_validity(geometry)
        raise AoiError(
            AoiProblem.INVALID,
            f"The area of interest is not a valid polygon ({reason}).",
            repaired=_repair(geometry),
            reason=reason,
        )
    normalised = _from_polygons(_polygons(_split_antimeridian(geometry)))
    _check_vertices(normalised, max_vertices)  # the cut at 180° adds a few
    area = _area_km2(normalised)
    if area < min_area_km2:
        raise AoiError(
            AoiProblem.TOO_SMALL,
            f"The area of interest covers {area:.4f} km²; it must cover at least "
            f"{min_area_km2:g} km².",
            area_km2=area,
            limit=min_area_km2,
        )
    if area > max_area_km2:
        raise AoiError(
            AoiProblem.TOO_LARGE,
            f"The area of interest covers {area:,.0f} km²; at most {max_area_km2:,.0f} km² "
            "are allowed.",
            area_km2=area,
            limit=max_area_km2,
        )
    return _to_json(normalised)


def aoi_area_km2(geojson: Any) -> float:
    """Ellipsoidal area (WGS84) of a (Multi)Polygon geometry or Feature in km²; 0 for empty or
    non-polygons. The one AOI area the plugin shows, checks and prices with."""
    geometry = _measurable(geojson)
    return 0.0 if geometry is None else _area_km2(geometry)


def spherical_area_km2(geojson: Any) -> float:
    """The area on the authalic sphere (the planner's projection works on it); for the area
    shown or checked, ``aoi_area_km2``."""
    geometry = _measurable(geojson)
    return 0.0 if geometry is None else _spherical_km2(geometry)


def _measurable(geojson: Any) -> BaseGeometry | None:
    """The geometry the areas measure (a valid one split at the antimeridian); None for an
    empty one or one that is not a polygon."""
    try:
        geometry = _shape(_geometry_json(geojson))
    except AoiError:
        return None
    if geometry is None or geometry.is_empty:
        return None
    return _split_antimeridian(geometry) if geometry.is_valid else geometry
