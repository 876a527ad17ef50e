"""up42:order and up42:download through ``processing.run`` against the sandbox: orders placed
once and within the credit limit, deliveries waited for, downloaded and loaded."""

from __future__ import annotations

from pathlib import Path

from osgeo import gdal
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

from tests.qgis.support import (
    ORDER_EXTENT,
    SLOW_DWELL,
    failure,
    feature_rows,
    posts,
    run,
    search,
    value,
)


# --- up42:order ------------------------------------------------------------------------------
def test_order_places_nothing_above_max_credits(account, tmp_path):
    scenes = search(tmp_path, LIMIT=2)
    message = failure(
        "order",
        {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "MAX_CREDITS": 1, "OUTPUT": "memory:"},
    )
    assert "MAX_CREDITS" in message
    assert "nothing was ordered" in message
    log = account.request_log()
    assert posts(log, "/v2/orders/estimate")
    assert not posts(log, "/v2/orders")


def test_order_places_each_scene_once(account, tmp_path):
    scenes = search(tmp_path, LIMIT=2)
    result = run(
        "order",
        {
            "SCENES": scenes,
            "EXTENT": ORDER_EXTENT,
            "MAX_CREDITS": 10_000_000,
            "OUTPUT": str(tmp_path / "orders.gpkg"),
        },
    )
    order_ids = result["ORDER_IDS"].split(",")
    rows = feature_rows(result["OUTPUT"])
    assert len(order_ids) == scenes.featureCount() == len(rows)
    assert sorted(r["order_id"] for r in rows) == sorted(order_ids)
    assert all(value(r, "error") is None for r in rows)
    assert len(posts(account.request_log(), "/v2/orders")) == len(order_ids)


def test_order_cancel_stops_before_the_next_order(account, tmp_path):
    scenes = search(tmp_path, LIMIT=3)
    assert scenes.featureCount() >= 2

    class CancelAfterFirstOrder(QgsProcessingFeedback):
        def pushInfo(self, info: str) -> None:
            super().pushInfo(info)
            if "placed." in info:
                self.cancel()

    result = run(
        "order",
        {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "MAX_CREDITS": 10_000_000, "OUTPUT": "memory:"},
        feedback=CancelAfterFirstOrder(),
    )
    assert len(result["ORDER_IDS"].split(",")) == 1
    rows = feature_rows(result["OUTPUT"])
    assert len([r for r in rows if value(r, "order_id")]) == 1
    assert all("cancelled" in r["error"] for r in rows if value(r, "order_id") is None)
    assert len(posts(account.request_log(), "/v2/orders")) == 1


# --- up42:download ---------------------------------------------------------------------------
def placed_order_ids(tmp_path: Path, limit: int = 1) -> str:
    scenes = search(tmp_path, "to_order", LIMIT=limit)
    result = run(
        "order",
        {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "MAX_CREDITS": 10_000_000, "OUTPUT": "memory:"},
    )
    return result["ORDER_IDS"]


def test_download_waits_downloads_and_loads_the_rasters(account, tmp_path):
    order_ids = placed_order_ids(tmp_path)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    folder = tmp_path / "downloads"
    result = run(
        "download",
        {
            "ORDER_IDS": order_ids,
            "WAIT": True,
            "TIMEOUT": 120,
            "POLL_INTERVAL": 5,
            "FOLDER": str(folder),
        },
        context=context,
    )
    files = [Path(p) for p in result["FILES"]]
    assert files
    for path in files:
        assert folder in path.parents
        dataset = gdal.Open(str(path))
        assert dataset is not None
        assert dataset.RasterCount >= 1
    assert Path(result["FOLDER"]) == folder
    to_load = context.layersToLoadOnCompletion()
    assert {Path(p) for p in to_load} == set(files)
    assert all(details.name for details in to_load.values())


def test_download_without_wait_says_the_order_is_not_fulfilled(account, tmp_path):
    account.configure(dwell=SLOW_DWELL)
    order_id = placed_order_ids(tmp_path)
    message = failure(
        "download",
        {"ORDER_IDS": order_id, "WAIT": False, "FOLDER": str(tmp_path / "d")},
    )
    assert order_id in message
    assert "WAIT" in message


def test_download_stops_waiting_at_the_timeout(account, tmp_path):
    account.configure(dwell=SLOW_DWELL)
    order_id = placed_order_ids(tmp_path)
    message = failure(
        "download",
        {"ORDER_IDS": order_id, "WAIT": True, "TIMEOUT": 0, "FOLDER": str(tmp_path / "d")},
    )
    assert order_id in message
    assert "TIMEOUT" in message


def test_download_keeps_the_good_orders_when_one_failed(account, tmp_path):
    scenes = search(tmp_path, "two", LIMIT=2)
    doomed, fine = [f["scene_id"] for f in scenes.getFeatures()]
    account.configure(force_status={doomed: "FAILED_PERMANENTLY"})
    ordered = run(
        "order",
        {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "MAX_CREDITS": 10_000_000, "OUTPUT": "memory:"},
    )
    by_scene = {r["scene_id"]: r["order_id"] for r in feature_rows(ordered["OUTPUT"])}
    feedback = QgsProcessingFeedback()
    errors: list[str] = []
    feedback.reportError = lambda error, fatal=False: errors.append(error)
    result = run(
        "download",
        {
            "ORDER_IDS": ordered["ORDER_IDS"],
            "WAIT": True,
            "TIMEOUT": 120,
            "POLL_INTERVAL": 5,
            "FOLDER": str(tmp_path / "d"),
        },
        feedback=feedback,
    )
    assert result["FILES"]
    assert all(f"_{by_scene[fine][:8]}" in path for path in result["FILES"])  # order folders
    assert any(by_scene[doomed] in e and "FAILED_PERMANENTLY" in e for e in errors), errors


def test_download_names_an_unknown_order(account, tmp_path):
    message = failure(
        "download",
        {
            "ORDER_IDS": "00000000-0000-0000-0000-000000000000",
            "WAIT": False,
            "FOLDER": str(tmp_path / "d"),
        },
    )
    assert "00000000-0000-0000-0000-000000000000" in message


def test_download_cancel_stops_the_wait(account, tmp_path):
    account.configure(dwell=SLOW_DWELL)
    order_id = placed_order_ids(tmp_path)

    class CancelOnFirstStatus(QgsProcessingFeedback):
        def pushInfo(self, info: str) -> None:
            super().pushInfo(info)
            if order_id in info:
                self.cancel()

    account.clear_log()
    message = failure(
        "download",
        {"ORDER_IDS": order_id, "WAIT": True, "TIMEOUT": 3600, "FOLDER": str(tmp_path / "d")},
        feedback=CancelOnFirstStatus(),
    )
    assert "Cancelled" in message
    polls = [e for e in account.request_log() if e["path"] == "/v2/orders" and e["method"] == "GET"]
    assert len(polls) == 1
