"""Geometry helpers on shapely (1.8 under Debian's python3, 2.x elsewhere: both work)."""

from __future__ import annotations

import math
from typing import Any

from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry

KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_AT_EQUATOR = 111.320
MAX_VERTICES = 999


def area_km2(geometry: BaseGeometry) -> float:
    """Approximate area: each polygon projected equirectangularly around its own centre."""
    total = 0.0
    for part in polygons_of(geometry):
        if part.is_empty:
            continue
        lat = part.centroid.y
        scale_x = KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(lat))
        total += part.area * scale_x * KM_PER_DEGREE_LAT
    return total


def polygons_of(geometry: BaseGeometry) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry]
    if hasattr(geometry, "geoms"):
        return [g for part in geometry.geoms for g in polygons_of(part)]
    return []


def vertex_count(geometry: BaseGeometry) -> int:
    return sum(
        len(p.exterior.coords) + sum(len(r.coords) for r in p.interiors)
        for p in polygons_of(geometry)
    )


def offset_km(lon: float, lat: float, dx_km: float, dy_km: float) -> tuple[float, float]:
    scale_x = KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(lat))
    return lon + dx_km / scale_x, lat + dy_km / KM_PER_DEGREE_LAT


def split_at_antimeridian(polygon: Polygon) -> BaseGeometry:
    """A polygon given in continuous longitudes (may exceed 180) as GeoJSON-legal geometry."""
    west = polygon.intersection(box(-180, -90, 180, 90))
    east = polygon.intersection(box(180, -90, 540, 90))
    if east.is_empty:
        return polygon
    east = Polygon([(x - 360, y) for x, y in east.exterior.coords])
    return MultiPolygon([west, east])


def rounded_mapping(geometry: BaseGeometry, digits: int = 6) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, float | int):
            return round(float(value), digits)
        return [walk(v) for v in value]

    data = mapping(geometry)
    return {"type": data["type"], "coordinates": walk(data["coordinates"])}


def geojson_bbox(geometry: BaseGeometry) -> list[float]:
    """RFC 7946 bbox: west > east when the geometry crosses the antimeridian."""
    parts = polygons_of(geometry)
    west, south, east, north = geometry.bounds
    if len(parts) > 1 and west <= -179.999 and east >= 179.999:
        west = min(p.bounds[0] for p in parts if p.bounds[0] > 0)
        east = max(p.bounds[2] for p in parts if p.bounds[2] < 0)
    return [round(west, 6), round(south, 6), round(east, 6), round(north, 6)]


def continuous(geometry: BaseGeometry) -> BaseGeometry:
    """Antimeridian-split geometry back in continuous longitudes (for rendering)."""
    parts = polygons_of(geometry)
    west, _, east, _ = geometry.bounds
    if len(parts) < 2 or east - west <= 180:
        return geometry
    shifted = [
        Polygon([(x + 360 if x < 0 else x, y) for x, y in p.exterior.coords]) for p in parts
    ]
    return MultiPolygon(shifted).buffer(0)


def parse_geometry(data: Any) -> BaseGeometry:
    """GeoJSON dict → shapely, or ValueError with a reason a user can act on."""
    if not isinstance(data, dict) or "type" not in data or "coordinates" not in data:
        raise ValueError("geometry must be a GeoJSON object with type and coordinates")
    allowed = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
    if data["type"] not in allowed:
        raise ValueError(f"unsupported geometry type {data['type']}")
    try:
        geometry = shape(data)
    except Exception as error:  # shapely raises several types for malformed coordinates
        raise ValueError(f"invalid coordinates: {error}") from None
    if geometry.is_empty:
        raise ValueError("geometry is empty")
    return geometry
