"""Issue 15.5 in both faces: a cloud limit over optical and SAR collections still returns
the SAR scenes (radar has no cloud cover), in the dock's search and in ``up42:search``; the
glossary says which collections are radar (one function fills the request for both)."""

from __future__ import annotations

from tests.qgis.support import (
    BERLIN_EXTENT,
    BERLIN_POLYGON,
    expected_body,
    feature_rows,
    load_more_and_wait,
    prepare,
    run,
    search_and_wait,
)

CLOUD_LIMIT = 15
RADAR = "capella-sar"
OPTICAL = "phr"


def test_the_dock_search_keeps_radar_scenes_under_a_cloud_limit(qtbot, sandbox, panel):
    prepare(panel, page_size=100)
    panel.filters.set_selected_collections([OPTICAL, RADAR])
    panel.filters.max_cloud.setValue(CLOUD_LIMIT)
    search_and_wait(qtbot, panel)
    while panel.session.next_request is not None:
        load_more_and_wait(qtbot, panel)
    scenes = panel.results.model.scenes
    body = expected_body(panel)
    radar = [s for s in scenes if s.collection == RADAR]
    optical = [s for s in scenes if s.collection == OPTICAL]
    assert len(radar) == sandbox.count_scenes({**body, "collections": [RADAR]}) > 0
    cloudy = {**body, "collections": [OPTICAL], "query": {"eo:cloud_cover": {"lte": 15}}}
    assert len(optical) == sandbox.count_scenes(cloudy) > 0
    assert all(s.cloud_cover <= CLOUD_LIMIT for s in optical)


def test_processing_search_keeps_radar_scenes_under_a_cloud_limit(account, tmp_path):
    result = run(
        "search",
        {
            "EXTENT": BERLIN_EXTENT,
            "COLLECTIONS": f"{OPTICAL},{RADAR}",
            "START_DATE": "2015-01-01",
            "END_DATE": "2030-01-01",
            "MAX_CLOUD": CLOUD_LIMIT,
            "LIMIT": 5000,
            "OUTPUT": str(tmp_path / "scenes.gpkg"),
        },
    )
    rows = feature_rows(result["OUTPUT"])
    radar = [r for r in rows if r["collection"] == RADAR]
    optical = [r for r in rows if r["collection"] == OPTICAL]
    dates = "2015-01-01T00:00:00Z/2030-01-01T23:59:59Z"
    body = {"intersects": BERLIN_POLYGON, "datetime": dates}
    assert len(radar) == account.count_scenes({**body, "collections": [RADAR]}) > 0
    assert optical
    assert all(r["cloud_cover"] <= CLOUD_LIMIT for r in optical)
