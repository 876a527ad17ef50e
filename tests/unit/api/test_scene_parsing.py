"""Parsing search pages: scenes that cost the garbage collector little, and the collector pause
around decoding (its state always comes back)."""

from __future__ import annotations

import gc
import json
import threading

import pytest

from up42_qgis.api.catalog import scene_page
from up42_qgis.api.gc_pause import collector_paused
from up42_qgis.api.models import Scene

RING = [[13.1, 52.3], [13.2, 52.3], [13.2, 52.4], [13.1, 52.4], [13.1, 52.3]]


def feature(geometry: dict) -> dict:
    return {
        "type": "Feature",
        "id": "a",
        "collection": "phr",
        "geometry": geometry,
        "properties": {"datetime": "2024-05-01T10:21:33Z", "eo:cloud_cover": 3.5},
    }


def test_footprint_coordinates_become_tuples_and_dump_to_the_same_json():
    polygon = {"type": "Polygon", "coordinates": [RING]}
    scene = Scene.from_json(feature(polygon))
    assert isinstance(scene.geometry["coordinates"][0][0], tuple)
    assert json.loads(json.dumps(scene.geometry)) == polygon


def test_multipolygons_and_heights_keep_their_shape():
    with_height = [[*point, 34.0] for point in RING]
    multi = {"type": "MultiPolygon", "coordinates": [[RING], [with_height]]}
    scene = Scene.from_json(feature(multi))
    assert json.loads(json.dumps(scene.geometry)) == multi


def test_a_malformed_ring_is_kept_not_fatal():
    broken = {"type": "Polygon", "coordinates": [[[13.1, 52.3], 7, [13.2, 52.4]]]}
    scene = Scene.from_json(feature(broken))
    assert json.loads(json.dumps(scene.geometry)) == broken


def test_missing_or_odd_geometry_is_an_empty_dict():
    assert Scene.from_json(feature(None)).geometry == {}  # type: ignore[arg-type]
    odd = {"type": "GeometryCollection", "geometries": []}
    assert Scene.from_json(feature(odd)).geometry == odd


def test_a_parsed_scene_holds_few_objects_the_collector_tracks():
    """The point of the tuples and the slots: after one collection, a scene is at most three
    tracked objects (the scene, its geometry dict, its properties), not one per position."""
    text = json.dumps({"features": [feature({"type": "Polygon", "coordinates": [RING]})] * 500})
    gc.collect()
    before = len(gc.get_objects())
    page = scene_page(json.loads(text), {})
    gc.collect()
    assert len(page.scenes) == 500
    assert len(gc.get_objects()) - before <= 3 * 500 + 10


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_pause_nests_and_switches_the_collector_back_on(collector_on):
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_the_pause_ends_also_after_an_error(collector_on):
    with pytest.raises(ValueError, match="bad JSON"), collector_paused():
        raise ValueError("bad JSON")
    assert gc.isenabled()


def test_a_collector_switched_off_by_someone_else_stays_off(collector_on):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_pauses_on_two_threads_end_with_the_last(collector_on):
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(10)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the other thread is still decoding
    release.set()
    thread.join(10)
    assert gc.isenabled()


def test_a_search_page_is_decoded_and_built_in_one_pause(sandbox, sleeps, collector_on):
    """Against the sandbox: the client builds the page while the collector is still paused
    (so the decoded JSON is gone before any collection walks it) and switches it back on."""
    from tests.unit.api.conftest import BERLIN, make_client
    from up42_qgis.api import catalog
    from up42_qgis.api.models import SearchRequest

    states: list[bool] = []
    real_scene_page = catalog.scene_page

    def watched(payload: dict, *args):
        states.append(gc.isenabled())
        return real_scene_page(payload, *args)

    client = make_client(sandbox, sleeps)
    catalog.scene_page = watched
    try:
        page = client.search_page(SearchRequest(aoi=BERLIN, page_size=5))
    finally:
        catalog.scene_page = real_scene_page
        client.close()
    assert page.scenes
    assert states == [False]
    assert gc.isenabled()
