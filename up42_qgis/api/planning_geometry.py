"""The planner's geometry: a local equal-area projection around the AOI, and the way back.

Areas, differences and seam buffers are computed in metres on a Lambert azimuthal
equal-area projection of the authalic sphere, centred on the AOI (no pyproj: for a city or a
region the sphere is close enough, and the areas reported to the user come from the geodesic
helper in ``aoi``). Longitudes are taken relative to the centre, so an AOI or a footprint cut
at the antimeridian is one piece here; on the way back, parts are cut at ±180° again.
Works with shapely 1.8 and 2.x (coordinates are mapped by hand, not with ``transform``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from shapely.errors import ShapelyError
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .aoi import EARTH_RADIUS_M, _area_km2, _polygons, _split_antimeridian
from .json_values import JSON

Ring = Sequence[Sequence[float]]
MAX_VERTICES = 999  # UP42's limit per order geometry
# A GeoJSON edge is straight in lon/lat, a chord of the projection is not: edges are cut
# into pieces short enough to bow by well under a metre (the AOI, which bounds every order)
# or by a few metres (footprints, well inside the seam margin).
AOI_DENSIFY_DEGREES = 0.02
FOOTPRINT_DENSIFY_DEGREES = 0.1


def _wrap(delta_degrees: float) -> float:
    """A longitude difference in [-180, 180)."""
    return (delta_degrees + 180.0) % 360.0 - 180.0


def _polygon_rings(geojson: Any) -> list[list[Ring]]:
    """The rings of each polygon of a GeoJSON Polygon or MultiPolygon; [] for anything else."""
    if not isinstance(geojson, dict):
        return []
    kind, coordinates = geojson.get("type"), geojson.get("coordinates")
    if not coordinates:
        return []
    if kind == "Polygon":
        return [list(coordinates)]
    if kind == "MultiPolygon":
        return [list(polygon) for polygon in coordinates if polygon]
    return []


def centre_of(geojson: JSON) -> tuple[float, float]:
    """A centre (lon, lat) of a Polygon or MultiPolygon, robust to a cut at the antimeridian:
    longitudes are averaged as unit vectors, latitudes as the middle of their range."""
    east = north = 0.0
    south, top = 90.0, -90.0
    for rings in _polygon_rings(geojson):
        for lon, lat, *_ in rings[0]:
            east += math.cos(math.radians(lon))
            north += math.sin(math.radians(lon))
            south, top = min(south, lat), max(top, lat)
    if south > top:
        raise ValueError("no polygon")
    return math.degrees(math.atan2(north, east)), (south + top) / 2.0


class LocalProjection:
    """Lambert azimuthal equal-area on the authalic sphere, centred on (lon0, lat0)."""

    def __init__(self, lon0: float, lat0: float) -> None:
        self.lon0 = lon0
        self.sin0 = math.sin(math.radians(lat0))
        self.cos0 = math.cos(math.radians(lat0))

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        lam = math.radians(_wrap(lon - self.lon0))
        phi = math.radians(lat)
        sin_phi, cos_phi, cos_lam = math.sin(phi), math.cos(phi), math.cos(lam)
        denominator = 1.0 + self.sin0 * sin_phi + self.cos0 * cos_phi * cos_lam
        k = math.sqrt(2.0 / max(denominator, 1e-12))
        x = EARTH_RADIUS_M * k * cos_phi * math.sin(lam)
        y = EARTH_RADIUS_M * k * (self.cos0 * sin_phi - self.sin0 * cos_phi * cos_lam)
        return x, y

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        """(lon, lat) with the longitude near lon0, possibly beyond ±180 (cut later)."""
        rho = math.hypot(x, y)
        if rho < 1e-9:
            return self.lon0, math.degrees(math.asin(self.sin0))
        c = 2.0 * math.asin(min(1.0, rho / (2.0 * EARTH_RADIUS_M)))
        sin_c, cos_c = math.sin(c), math.cos(c)
        lat = math.asin(max(-1.0, min(1.0, cos_c * self.sin0 + y * sin_c * self.cos0 / rho)))
        lam = math.atan2(x * sin_c, rho * self.cos0 * cos_c - y * self.sin0 * sin_c)
        return self.lon0 + math.degrees(lam), math.degrees(lat)

    def near(self, geojson: Any, max_degrees: float = 60.0) -> bool:
        """True when the geometry's first vertex lies within ``max_degrees`` (great-circle)
        of the centre; False too for a geometry without one. No footprint that could touch
        an AOI of at most 10,000 km² is farther; beyond 90° the projection folds over."""
        rings = _polygon_rings(geojson)
        try:
            lon, lat = rings[0][0][0][0], rings[0][0][0][1]
            phi, lam = math.radians(lat), math.radians(lon - self.lon0)
            cos_c = self.sin0 * math.sin(phi) + self.cos0 * math.cos(phi) * math.cos(lam)
        except (IndexError, TypeError, ValueError):
            return True  # malformed: let project() count it as unusable
        return cos_c >= math.cos(math.radians(max_degrees))

    # --- whole geometries -----------------------------------------------------------------
    def _ring(self, ring: Ring, step: float) -> list[tuple[float, float]]:
        """The ring in metres, its edges densified to ``step`` degrees first."""
        xs, ys = self._ring_xy(ring, step)
        return list(zip(xs, ys, strict=True))

    def _ring_xy(self, ring: Ring, step: float) -> tuple[list[float], list[float]]:
        """``_ring`` as x and y lists: ``forward`` inlined, because every footprint's every
        vertex passes here (the formulas are forward's, term for term)."""
        lons: list[float] = []
        lats: list[float] = []
        previous: Sequence[float] | None = None
        for point in ring:
            lon, lat = point[0], point[1]
            if previous is not None:
                d_lon = _wrap(lon - previous[0])
                d_lat = lat - previous[1]
                pieces = int(max(abs(d_lon), abs(d_lat)) / step)
                for index in range(1, pieces + 1):
                    t = index / (pieces + 1)
                    lons.append(previous[0] + t * d_lon)
                    lats.append(previous[1] + t * d_lat)
            lons.append(lon)
            lats.append(lat)
            previous = point
        lon0, sin0, cos0 = self.lon0, self.sin0, self.cos0
        radians, sin, cos, sqrt = math.radians, math.sin, math.cos, math.sqrt
        xs: list[float] = []
        ys: list[float] = []
        for lon, lat in zip(lons, lats, strict=True):
            lam = radians((lon - lon0 + 180.0) % 360.0 - 180.0)
            phi = radians(lat)
            sin_phi, cos_phi, cos_lam = sin(phi), cos(phi), cos(lam)
            denominator = 1.0 + sin0 * sin_phi + cos0 * cos_phi * cos_lam
            k = sqrt(2.0 / max(denominator, 1e-12))
            xs.append(EARTH_RADIUS_M * k * cos_phi * sin(lam))
            ys.append(EARTH_RADIUS_M * k * (cos0 * sin_phi - sin0 * cos_phi * cos_lam))
        return xs, ys

    def project(self, geojson: Any, step: float = AOI_DENSIFY_DEGREES) -> BaseGeometry | None:
        """A GeoJSON Polygon/MultiPolygon in metres, made valid; None when it has no area."""
        return self.project_bounded(geojson, step)[0]

    def project_bounded(
        self, geojson: Any, step: float = FOOTPRINT_DENSIFY_DEGREES
    ) -> tuple[BaseGeometry | None, tuple[float, float, float, float]]:
        """``project`` and the bounds of the projected shells (computed here: asking shapely
        1.8 for ``bounds`` costs more than projecting a footprint)."""
        polygons: list[Polygon] = []
        west = south = math.inf
        east = north = -math.inf
        for rings in _polygon_rings(geojson):
            try:
                xs, ys = self._ring_xy(rings[0], step)
                holes = [self._ring(ring, step) for ring in rings[1:] if len(ring) >= 4]
                if len(xs) < 4:
                    continue
                west, south = min(west, *xs), min(south, *ys)
                east, north = max(east, *xs), max(north, *ys)
                polygons.append(Polygon(list(zip(xs, ys, strict=True)), holes))
            except (TypeError, ValueError, IndexError):  # malformed coordinates: not usable
                continue
        if not polygons:
            return None, (0.0, 0.0, 0.0, 0.0)
        geometry: BaseGeometry = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
        if not geometry.is_valid:
            geometry = geometry.buffer(0)
        if len(polygons) > 1:  # the two halves of a cut footprint touch: make them one
            geometry = geometry.buffer(0)
        if geometry.is_empty or geometry.area <= 0:
            return None, (0.0, 0.0, 0.0, 0.0)
        return geometry, (west, south, east, north)

    def unproject(self, geometry: BaseGeometry) -> list[Polygon]:
        """Polygons in lon/lat, cut at the antimeridian into pieces within [-180, 180]."""
        inverse = self.inverse
        pieces: list[Polygon] = []
        for polygon in polygons_of(geometry):
            shell = [inverse(x, y) for x, y in polygon.exterior.coords]
            holes = [[inverse(x, y) for x, y in ring.coords] for ring in polygon.interiors]
            lonlat = Polygon(shell, holes)
            if not lonlat.is_valid:
                lonlat = lonlat.buffer(0)
            pieces += polygons_of(_split_antimeridian(lonlat))
        return [orient(piece, 1.0) for piece in pieces if not piece.is_empty]


def _snapped(geometry: BaseGeometry) -> BaseGeometry:
    """The geometry on a millimetre grid (through WKT: the same in shapely 1.8 and 2.x)."""
    from shapely import wkt

    return wkt.loads(wkt.dumps(geometry, rounding_precision=3)).buffer(0)


def _overlay(name: str, a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """``a.<name>(b)``, and where GEOS gives up on nearly coincident edges (a
    TopologyException), again on repaired, then on millimetre-snapped operands."""
    result: BaseGeometry
    try:
        result = getattr(a, name)(b)
        return result
    except (ShapelyError, ValueError):  # GEOSException (2.x), TopologicalError (1.8)
        pass
    try:
        result = getattr(a.buffer(0), name)(b.buffer(0))
    except (ShapelyError, ValueError):
        result = getattr(_snapped(a), name)(_snapped(b))
    return result


def difference(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    return _overlay("difference", a, b)


def intersection(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    return _overlay("intersection", a, b)


def union(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    return _overlay("union", a, b)


def polygons_of(geometry: BaseGeometry | None) -> list[Polygon]:
    return _polygons(geometry) if geometry is not None else []


def union_all(geometries: Iterable[BaseGeometry]) -> BaseGeometry | None:
    from shapely.ops import unary_union

    items = [g for g in geometries if g is not None and not g.is_empty]
    return unary_union(items) if items else None


def vertex_count(polygon: Polygon) -> int:
    return len(polygon.exterior.coords) + sum(len(ring.coords) for ring in polygon.interiors)


def within_vertex_limit(polygon: Polygon, max_tolerance_m: float) -> Polygon:
    """The polygon simplified (at most by ``max_tolerance_m``) until UP42 accepts its
    vertex count; unchanged when it already does."""
    tolerance = 0.5
    simplified = polygon
    while vertex_count(simplified) > MAX_VERTICES and tolerance <= max_tolerance_m:
        candidate = polygon.simplify(tolerance, preserve_topology=True)
        if isinstance(candidate, Polygon) and not candidate.is_empty:
            simplified = candidate
        tolerance *= 2.0
    return simplified


def to_geojson(polygon: Polygon) -> JSON:
    """A Polygon as GeoJSON with lists (what json.dumps and QGIS expect), 7 decimals."""

    def ring(coords: Any) -> list[list[float]]:
        return [[round(x, 7), round(y, 7)] for x, y, *_ in coords]

    return {
        "type": "Polygon",
        "coordinates": [ring(polygon.exterior.coords)]
        + [ring(interior.coords) for interior in polygon.interiors],
    }


def multi_geojson(polygons: Sequence[Polygon]) -> JSON | None:
    if not polygons:
        return None
    if len(polygons) == 1:
        return to_geojson(polygons[0])
    return {
        "type": "MultiPolygon",
        "coordinates": [to_geojson(polygon)["coordinates"] for polygon in polygons],
    }


def geodesic_km2(polygons: Sequence[Polygon]) -> float:
    """The polygons' area as the plugin shows it (``aoi.aoi_area_km2``'s ellipsoidal one)."""
    return sum(_area_km2(polygon) for polygon in polygons)
