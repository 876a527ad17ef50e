"""AOI checks: runs on shapely 2.x (.venv-noqt) and 1.8 (.venv), no QGIS."""

from __future__ import annotations

import math

import pytest
from shapely.geometry import shape

from up42_qgis.api.aoi import AoiError, AoiProblem, aoi_area_km2, check_aoi
from up42_qgis.api.errors import ValidationError


def rectangle(west: float, south: float, east: float, north: float) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [
            [[west, south], [east, south], [east, north], [west, north], [west, south]]
        ],
    }


BERLIN = rectangle(13.3, 52.4, 13.5, 52.6)


def problem_of(geojson, **limits) -> AoiError:
    with pytest.raises(AoiError) as caught:
        check_aoi(geojson, **limits)
    return caught.value


def test_a_polygon_passes_and_comes_back_as_plain_geojson():
    checked = check_aoi(BERLIN)
    assert checked["type"] == "Polygon"
    assert isinstance(checked["coordinates"][0][0], list)
    assert shape(checked).equals(shape(BERLIN))


def test_the_exterior_ring_is_counter_clockwise_as_rfc7946_asks():
    clockwise = rectangle(13.3, 52.4, 13.5, 52.6)
    clockwise["coordinates"][0].reverse()
    checked = check_aoi(clockwise)
    assert shape(checked).exterior.is_ccw


def test_a_multipolygon_passes():
    multi = {
        "type": "MultiPolygon",
        "coordinates": [
            rectangle(13.3, 52.4, 13.35, 52.45)["coordinates"],
            rectangle(13.5, 52.5, 13.55, 52.55)["coordinates"],
        ],
    }
    checked = check_aoi(multi)
    assert checked["type"] == "MultiPolygon"
    assert len(checked["coordinates"]) == 2


def test_a_feature_and_third_dimension_are_accepted():
    feature = {
        "type": "Feature",
        "properties": {},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[x, y, 34.0] for x, y in BERLIN["coordinates"][0]]],
        },
    }
    checked = check_aoi(feature)
    assert all(len(point) == 2 for point in checked["coordinates"][0])


def test_geodesic_area_matches_known_values():
    # One degree square on the equator: 12,364 km² on the authalic sphere (12,309 on WGS84).
    assert aoi_area_km2(rectangle(0, 0, 1, 1)) == pytest.approx(12_364, rel=0.005)
    # The same square at 60° N is about half as large (cos 60° = 0.5).
    high = aoi_area_km2(rectangle(0, 59.5, 1, 60.5))
    assert high == pytest.approx(12_364 * math.cos(math.radians(60)), rel=0.01)
    # Berlin box: 0.2° × 0.2° at 52.5° N.
    assert aoi_area_km2(BERLIN) == pytest.approx(301, rel=0.01)


def test_a_hole_is_subtracted_from_the_area():
    with_hole = {
        "type": "Polygon",
        "coordinates": [
            rectangle(0, 0, 1, 1)["coordinates"][0],
            rectangle(0.25, 0.25, 0.75, 0.75)["coordinates"][0],
        ],
    }
    assert aoi_area_km2(with_hole) == pytest.approx(12_364 * 0.75, rel=0.01)


def test_an_aoi_across_the_antimeridian_is_cut_into_two_parts_with_the_same_area():
    taveuni = rectangle(179.8, -16.95, 180.2, -16.7)  # as drawn on a map east of 180
    checked = check_aoi(taveuni)
    assert checked["type"] == "MultiPolygon"
    parts = [shape({"type": "Polygon", "coordinates": c}) for c in checked["coordinates"]]
    for part in parts:
        west, _, east, _ = part.bounds
        assert -180 <= west <= east <= 180
    assert sorted(round(p.bounds[0], 6) for p in parts) == [-180.0, 179.8]
    assert aoi_area_km2(checked) == pytest.approx(aoi_area_km2(taveuni), rel=1e-9)
    assert aoi_area_km2(checked) == pytest.approx(0.4 * 0.25 * 12_364 * 0.957, rel=0.01)


def test_an_aoi_drawn_west_of_minus_180_is_cut_too():
    checked = check_aoi(rectangle(-180.3, -16.9, -179.9, -16.7))
    assert checked["type"] == "MultiPolygon"
    assert max(p[0] for part in checked["coordinates"] for p in part[0]) == pytest.approx(180)


def test_an_aoi_already_split_at_the_antimeridian_passes_unchanged():
    split = {
        "type": "MultiPolygon",
        "coordinates": [
            rectangle(179.8, -16.9, 180.0, -16.7)["coordinates"],
            rectangle(-180.0, -16.9, -179.8, -16.7)["coordinates"],
        ],
    }
    checked = check_aoi(split)
    assert checked["type"] == "MultiPolygon"
    assert shape(checked).equals(shape(split))


@pytest.mark.parametrize(
    "geojson",
    [
        None,
        {},
        {"type": "Polygon", "coordinates": []},
        {"type": "Feature", "geometry": None, "properties": {}},
        {"type": "FeatureCollection", "features": []},
    ],
)
def test_empty(geojson):
    error = problem_of(geojson)
    assert error.problem is AoiProblem.EMPTY
    assert isinstance(error, ValidationError)
    assert "empty" in str(error)


def test_self_intersecting_polygon_is_invalid_and_a_repair_is_offered():
    bow_tie = {
        "type": "Polygon",
        "coordinates": [[[13.3, 52.4], [13.5, 52.6], [13.5, 52.4], [13.3, 52.6], [13.3, 52.4]]],
    }
    error = problem_of(bow_tie)
    assert error.problem is AoiProblem.INVALID
    assert "Self-intersection" in error.message
    assert error.repaired is not None
    repaired = shape(error.repaired)
    assert repaired.is_valid
    assert repaired.geom_type in ("Polygon", "MultiPolygon")
    assert repaired.area == pytest.approx(0.02, rel=0.01)  # the two triangles
    # The repaired geometry passes the checks.
    assert check_aoi(error.repaired)["type"] == repaired.geom_type


def test_coordinates_that_are_not_degrees_are_invalid():
    error = problem_of(rectangle(390000, 5810000, 395000, 5815000))  # UTM metres
    assert error.problem is AoiProblem.INVALID
    assert "EPSG:4326" in error.message


@pytest.mark.parametrize(
    "geojson",
    [
        {"type": "Point", "coordinates": [13.4, 52.5]},
        {"type": "LineString", "coordinates": [[13.3, 52.4], [13.5, 52.6]]},
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": BERLIN},
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}},
            ],
        },
    ],
)
def test_not_a_polygon(geojson):
    error = problem_of(geojson)
    assert error.problem is AoiProblem.NOT_POLYGON
    assert "polygon" in error.message


def test_too_many_vertices():
    ring = [
        [
            13.4 + 0.1 * math.cos(2 * math.pi * i / 1200),
            52.5 + 0.1 * math.sin(2 * math.pi * i / 1200),
        ]
        for i in range(1200)
    ]
    ring.append(ring[0])
    error = problem_of({"type": "Polygon", "coordinates": [ring]})
    assert error.problem is AoiProblem.TOO_MANY_VERTICES
    assert error.params == {"vertices": 1201, "limit": 999}
    assert "1201" in error.message
    assert "999" in error.message


def test_too_small():
    tiny = rectangle(13.4, 52.5, 13.4005, 52.5005)  # about 34 m × 56 m
    error = problem_of(tiny)
    assert error.problem is AoiProblem.TOO_SMALL
    assert error.params["area_km2"] == pytest.approx(0.0019, rel=0.05)
    assert error.params["limit"] == 0.01


def test_too_large_with_a_configurable_limit():
    error = problem_of(rectangle(10, 50, 12, 52))
    assert error.problem is AoiProblem.TOO_LARGE
    assert error.params["area_km2"] > 10_000
    assert check_aoi(rectangle(10, 50, 12, 52), max_area_km2=100_000)["type"] == "Polygon"
    assert problem_of(BERLIN, max_area_km2=100).problem is AoiProblem.TOO_LARGE


def test_area_of_nothing_is_zero():
    assert aoi_area_km2(None) == 0.0
    assert aoi_area_km2({"type": "Point", "coordinates": [1, 2]}) == 0.0


def test_the_vertex_limit_counts_the_vertices_added_by_the_antimeridian_cut():
    ring = [[179.5 + 0.001 * i, -16.9] for i in range(996)] + [[180.5, -16.7], [179.5, -16.7]]
    ring.append(ring[0])
    drawn = {"type": "Polygon", "coordinates": [ring]}
    assert len(ring) == 999  # as drawn, exactly at the limit
    error = problem_of(drawn)
    assert error.problem is AoiProblem.TOO_MANY_VERTICES
    assert error.params["vertices"] > 999


def test_the_area_is_the_wgs84_ellipsoids_even_for_the_whole_world():
    world = rectangle(-180, -90, 180, 90)
    assert aoi_area_km2(world) == pytest.approx(510_065_621.7, rel=1e-6)  # WGS84's surface
    north = aoi_area_km2(rectangle(-180, 0, 180, 90))
    assert north == pytest.approx(510_065_621.7 / 2, rel=1e-6)  # no "other side" correction
    # Berlin: what QgsDistanceArea (WGS84) measures for this box, to 2e-5.
    assert aoi_area_km2(rectangle(13.0, 52.3, 13.8, 52.7)) == pytest.approx(2418.147, rel=2e-5)
