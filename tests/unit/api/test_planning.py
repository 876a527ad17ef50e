"""The coverage planner on hand-made geometries whose best plan is known (issue 17's
acceptance cases), and on the input it must refuse or explain. Qt-free; shapely 1.8 and 2."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from shapely.geometry import shape
from shapely.ops import unary_union

from up42_qgis.api.aoi import aoi_area_km2, check_aoi
from up42_qgis.api.errors import ValidationError
from up42_qgis.api.models import Scene
from up42_qgis.api.planning import (
    NoteCode,
    PlanningError,
    PlanProblem,
    parse_priorities,
    plan_coverage,
)

# The AOI of most cases: 0.4° × 0.2° near Berlin, about 608 km².
WEST, SOUTH, EAST, NORTH = 13.0, 52.0, 13.4, 52.2


def box(x0: float, y0: float, x1: float, y1: float) -> dict:
    return {"type": "Polygon",
            "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


AOI = box(WEST, SOUTH, EAST, NORTH)


def scene(name: str, geometry: dict, cloud: float = 0.0, day: int = 1, **more) -> Scene:
    return Scene(id=name, collection=more.pop("collection", "phr"),
                 acquired=datetime(2025, 1, day, tzinfo=UTC), geometry=geometry,
                 cloud_cover=cloud, **more)


def chosen(plan) -> list[str]:
    return [s.id for s in plan.scenes]


def union_of_parts(plan):
    return unary_union([shape(part.geometry) for part in plan.parts])


def codes(plan) -> set[NoteCode]:
    return {note.code for note in plan.notes}


@pytest.fixture(params=["greedy", "exact"])
def method(request) -> str:
    return request.param


# --- the acceptance cases --------------------------------------------------------------------
def test_disjoint_scenes_each_deliver_their_half(method):
    scenes = [
        scene("west", box(12.9, 51.9, 13.2, 52.3)),
        scene("east", box(13.2, 51.9, 13.5, 52.3)),
        scene("far", box(20.0, 40.0, 20.5, 40.5)),
    ]
    plan = plan_coverage(AOI, scenes, seam_m=0, method=method)
    assert sorted(chosen(plan)) == ["east", "west"]
    assert plan.covered_percent == pytest.approx(100.0, abs=0.01)
    assert plan.gaps is None
    assert sum(part.share for part in plan.parts) == pytest.approx(1.0, abs=1e-3)
    for part in plan.parts:
        assert part.geometry["type"] == "Polygon"
        assert part.share == pytest.approx(0.5, abs=0.01)
        assert part.area_km2 == pytest.approx(aoi_area_km2(AOI) / 2, rel=0.01)


def test_a_scene_nested_in_a_bigger_one_is_left_out_when_it_adds_nothing(method):
    scenes = [
        scene("inner", box(13.1, 52.05, 13.2, 52.1), cloud=5.0),
        scene("outer", box(12.9, 51.9, 13.5, 52.3), cloud=4.0),
    ]
    plan = plan_coverage(AOI, scenes, "cloud,count", method=method)
    assert chosen(plan) == ["outer"]
    assert plan.covered_percent == pytest.approx(100.0, abs=0.01)
    (part,) = plan.parts
    assert part.rank == 1
    assert part.share == pytest.approx(1.0, abs=1e-3)


def test_a_much_clearer_nested_scene_takes_its_own_area_when_cloud_comes_first(method):
    scenes = [
        scene("inner", box(13.05, 52.02, 13.35, 52.18), cloud=0.0),
        scene("outer", box(12.9, 51.9, 13.5, 52.3), cloud=60.0),
    ]
    plan = plan_coverage(AOI, scenes, "cloud", seam_m=0, method=method)
    assert chosen(plan) == ["inner", "outer"]  # rank order: the clear scene first
    inner, outer = plan.parts
    assert inner.rank == 1
    assert outer.rank == 2
    assert inner.area_km2 == pytest.approx(aoi_area_km2(scenes[0].geometry), rel=1e-3)
    assert outer.geometry["type"] == "Polygon"
    assert len(outer.geometry["coordinates"]) == 2
    # ...but when the number of scenes matters most, the outer scene alone is the plan.
    assert chosen(plan_coverage(AOI, scenes, "count,cloud", method=method)) == ["outer"]


def test_a_strip_of_half_overlapping_scenes_takes_every_other_one(method):
    strip = box(13.0, 52.0, 13.8, 52.1)
    scenes = [scene(f"s{i}", box(13.0 + 0.1 * i, 51.95, 13.2 + 0.1 * i, 52.15))
              for i in range(7)]
    plan = plan_coverage(strip, scenes, "count", seam_m=0, method=method)
    assert sorted(chosen(plan)) == ["s0", "s2", "s4", "s6"]
    assert plan.covered_percent == pytest.approx(100.0, abs=0.01)
    assert union_of_parts(plan).area == pytest.approx(shape(strip).area, rel=1e-4)


def test_a_gap_between_scenes_is_reported_with_its_area(method):
    scenes = [scene("west", box(12.9, 51.9, 13.15, 52.3)),
              scene("east", box(13.25, 51.9, 13.5, 52.3))]
    plan = plan_coverage(AOI, scenes, method=method)
    gap = box(13.15, 52.0, 13.25, 52.2)
    assert plan.covered_percent == pytest.approx(75.0, abs=0.05)
    assert plan.gaps is not None
    assert aoi_area_km2(plan.gaps) == pytest.approx(aoi_area_km2(gap), rel=2e-3)
    assert shape(plan.gaps).symmetric_difference(shape(gap)).area < 1e-6
    (note,) = [n for n in plan.notes if n.code is NoteCode.PARTIAL]
    assert "75.0 %" in note.message
    assert note.params["gap_km2"] == pytest.approx(
        aoi_area_km2(gap), rel=2e-3)


# --- seams and minimum order areas -----------------------------------------------------------
@pytest.mark.parametrize("seam_m", [0.0, 100.0, 400.0])
def test_neighbouring_parts_overlap_by_the_seam_margin_in_total(seam_m):
    scenes = [scene("west", box(12.9, 51.9, 13.21, 52.3), cloud=1.0),
              scene("east", box(13.19, 51.9, 13.5, 52.3), cloud=2.0)]
    plan = plan_coverage(AOI, scenes, "cloud", seam_m=seam_m)
    west, east = (shape(part.geometry) for part in plan.parts)
    height_km = (NORTH - SOUTH) * 111.2
    overlap_km2 = aoi_area_km2(west.intersection(east).__geo_interface__)
    assert overlap_km2 == pytest.approx(height_km * seam_m / 1000, rel=0.02, abs=1e-3)
    outside = west.union(east).difference(shape(AOI))  # nothing but rounding outside the AOI
    assert aoi_area_km2(outside.__geo_interface__) < 1e-3


def test_an_island_below_the_minimum_area_goes_to_the_neighbour_that_covers_it():
    island = box(13.30, 52.10, 13.305, 52.105)  # about 0.19 km²
    mainland = box(12.9, 51.9, 13.2, 52.3)
    best = scene("best", {"type": "MultiPolygon", "coordinates": [
        mainland["coordinates"], island["coordinates"]]}, cloud=0.0)
    other = scene("other", box(13.15, 51.9, 13.5, 52.3), cloud=20.0)
    plan = plan_coverage(AOI, [best, other], "cloud", seam_m=0)
    assert chosen(plan) == ["best", "other"]
    assert [part.scene.id for part in plan.parts] == ["best", "other"]  # one order each
    assert shape(plan.parts[1].geometry).contains(shape(island).buffer(-1e-6))
    (merged,) = [n for n in plan.notes if n.code is NoteCode.MERGED]
    assert merged.params["scene"] == "best"
    assert merged.params["km2"] == pytest.approx(
        aoi_area_km2(island), rel=0.02)
    assert plan.covered_percent == pytest.approx(100.0, abs=0.01)


def test_a_part_only_one_scene_covers_stays_below_the_minimum_and_is_said():
    tiny_aoi = box(13.0, 52.0, 13.004, 52.004)  # 0.12 km², below the default 0.25
    plan = plan_coverage(tiny_aoi, [scene("only", box(12.9, 51.9, 13.5, 52.3))])
    (part,) = plan.parts
    assert part.area_km2 < 0.25
    (note,) = [n for n in plan.notes if n.code is NoteCode.BELOW_MINIMUM]
    assert note.params["minimum"] == 0.25
    assert "bills the minimum" in note.message


def test_the_minimum_area_comes_per_collection_or_from_a_function():
    scenes = [scene("a", box(12.9, 51.9, 13.5, 52.3), collection="spot")]
    small = box(13.0, 52.0, 13.01, 52.01)  # about 0.76 km²
    by_mapping = plan_coverage(small, scenes, min_area_km2={"spot": 1.0})
    assert NoteCode.BELOW_MINIMUM in codes(by_mapping)
    by_function = plan_coverage(small, scenes, min_area_km2=lambda s: 0.5)
    assert NoteCode.BELOW_MINIMUM not in codes(by_function)


# --- priorities ------------------------------------------------------------------------------
def test_priorities_decide_between_a_clear_old_and_a_cloudy_new_scene():
    old = scene("old", box(12.9, 51.9, 13.5, 52.3), cloud=0.0, day=1)
    new = scene("new", box(12.9, 51.9, 13.5, 52.3), cloud=30.0, day=28)
    assert chosen(plan_coverage(AOI, [old, new], "cloud,date")) == ["old"]
    newer = Scene(id="newer", collection="phr", acquired=datetime(2026, 1, 1, tzinfo=UTC),
                  geometry=box(12.9, 51.9, 13.5, 52.3), cloud_cover=30.0)
    assert chosen(plan_coverage(AOI, [old, newer], "date,cloud")) == ["newer"]
    fine = scene("fine", box(12.9, 51.9, 13.5, 52.3), cloud=10.0, resolution=0.3)
    coarse = scene("coarse", box(12.9, 51.9, 13.5, 52.3), cloud=0.0, resolution=1.5)
    assert chosen(plan_coverage(AOI, [coarse, fine], "resolution,cloud")) == ["fine"]
    steep = scene("steep", box(12.9, 51.9, 13.5, 52.3), incidence_angle=-35.0)
    nadir = scene("nadir", box(12.9, 51.9, 13.5, 52.3), incidence_angle=3.0)
    assert chosen(plan_coverage(AOI, [steep, nadir], "incidence")) == ["nadir"]


def test_priorities_are_parsed_in_order_and_unknown_ones_refused():
    assert parse_priorities(" Date, cloud ,,date") == ("date", "cloud")
    assert parse_priorities("")[0] == "cloud"  # the default order
    with pytest.raises(PlanningError) as caught:
        parse_priorities("cloud, price")
    assert caught.value.problem is PlanProblem.BAD_PRIORITY
    assert "price" in str(caught.value)
    assert "incidence" in str(caught.value)


# --- bad input -------------------------------------------------------------------------------
def test_no_scenes_and_no_overlap_are_typed_errors_that_say_so():
    with pytest.raises(PlanningError) as caught:
        plan_coverage(AOI, [])
    assert caught.value.problem is PlanProblem.NO_CANDIDATES
    with pytest.raises(PlanningError) as caught:
        plan_coverage(AOI, [scene("far", box(20, 40, 21, 41)), scene("antipode", box(
            -167, -52.2, -166.6, -52))])
    assert caught.value.problem is PlanProblem.NO_OVERLAP
    assert "None of the 2 scene(s)" in str(caught.value)
    assert isinstance(caught.value, ValidationError)


def test_bad_aoi_seam_and_footprints_never_crash():
    with pytest.raises(PlanningError) as caught:
        plan_coverage({"type": "Point", "coordinates": [13, 52]}, [scene("a", AOI)])
    assert caught.value.problem is PlanProblem.BAD_AOI
    with pytest.raises(PlanningError) as caught:
        plan_coverage(AOI, [scene("a", AOI)], seam_m=-1)
    assert caught.value.problem is PlanProblem.BAD_SEAM
    broken = [scene("empty", {}), scene("line", {"type": "LineString",
                                                 "coordinates": [[13, 52], [14, 53]]}),
              scene("bowtie", {"type": "Polygon", "coordinates": [[[13.0, 52.0], [13.4, 52.2],
                                                                    [13.4, 52.0], [13.0, 52.2],
                                                                    [13.0, 52.0]]]}),
              scene("good", box(12.9, 51.9, 13.5, 52.3))]
    plan = plan_coverage(AOI, broken)
    assert chosen(plan) == ["good"]
    (note,) = [n for n in plan.notes if n.code is NoteCode.NO_FOOTPRINT]
    assert note.params["n"] == 2  # the bowtie is repaired, not skipped


def test_a_multipolygon_aoi_gets_one_polygon_order_per_island():
    islands = {"type": "MultiPolygon", "coordinates": [
        box(13.0, 52.0, 13.1, 52.1)["coordinates"], box(13.3, 52.0, 13.4, 52.1)["coordinates"]]}
    plan = plan_coverage(islands, [scene("both", box(12.9, 51.9, 13.5, 52.3))])
    assert [part.scene.id for part in plan.parts] == ["both", "both"]
    assert {part.rank for part in plan.parts} == {1}
    assert all(part.geometry["type"] == "Polygon" for part in plan.parts)
    assert plan.covered_percent == pytest.approx(100.0, abs=0.01)
    assert sum(part.share for part in plan.parts) == pytest.approx(1.0, abs=1e-3)


def test_an_antimeridian_aoi_is_planned_across_the_cut():
    aoi = check_aoi(box(179.8, -16.95, 180.2, -16.75))  # a MultiPolygon cut at 180°
    assert aoi["type"] == "MultiPolygon"
    across = scene("across", {"type": "MultiPolygon", "coordinates": [
        box(179.7, -17.0, 180.0, -16.7)["coordinates"],
        box(-180.0, -17.0, -179.9, -16.7)["coordinates"]]}, cloud=0.0)
    east = scene("east", box(-179.95, -17.0, -179.7, -16.7), cloud=50.0)
    plan = plan_coverage(aoi, [east, across], "cloud")
    assert chosen(plan) == ["across", "east"]
    assert plan.covered_percent == pytest.approx(100.0, abs=0.01)
    assert plan.aoi_area_km2 == pytest.approx(aoi_area_km2(aoi), rel=1e-3)
    for part in plan.parts:
        west_edge, _, east_edge, _ = shape(part.geometry).bounds
        assert -180.0 <= west_edge <= east_edge <= 180.0
    assert [p.scene.id for p in plan.parts].count("across") == 2  # one order per side
    assert NoteCode.ANTIMERIDIAN in codes(plan)
    covered = sum(part.area_km2 for part in plan.parts)
    assert covered >= plan.aoi_area_km2 * 0.999


def test_a_plan_is_cancellable():
    from up42_qgis.api.errors import CancelledError

    scenes = [scene(f"s{i}", box(13.0 + 0.02 * i, 51.9, 13.1 + 0.02 * i, 52.3))
              for i in range(15)]
    with pytest.raises(CancelledError):
        plan_coverage(AOI, scenes, method="greedy", is_cancelled=lambda: True)


# --- the geometry underneath -----------------------------------------------------------------
def test_the_local_projection_keeps_areas_of_long_edged_polygons():
    from up42_qgis.api.aoi import spherical_area_km2
    from up42_qgis.api.planning_geometry import LocalProjection, centre_of

    strip = box(13.0, 52.0, 13.8, 52.1)  # 55 km long edges: densified, every one of them
    projection = LocalProjection(*centre_of(strip))
    # The projection is equal-area on the authalic sphere: its areas are the sphere's.
    assert projection.project(strip).area / 1e6 == pytest.approx(
        spherical_area_km2(strip), rel=1e-6)
    footprint, bounds = projection.project_bounded(box(12.5, 51.5, 14.0, 52.6))
    assert footprint.area / 1e6 == pytest.approx(spherical_area_km2(box(12.5, 51.5, 14.0, 52.6)),
                                                 rel=1e-4)
    assert bounds == pytest.approx(footprint.bounds, abs=1.0)


def test_an_overlay_geos_gives_up_on_is_retried_on_repaired_operands():
    from shapely.errors import TopologicalError

    from up42_qgis.api import planning_geometry

    square = shape(box(0, 0, 2, 2))

    class Flaky:
        """Fails like GEOS on nearly coincident edges, until repaired by buffer(0)."""

        def difference(self, other):
            raise TopologicalError("TopologyException: Ring edge missing")

        def buffer(self, distance):
            return shape(box(1, 0, 3, 2)).buffer(distance)

    result = planning_geometry.difference(Flaky(), square)
    assert result.area == pytest.approx(2.0)
