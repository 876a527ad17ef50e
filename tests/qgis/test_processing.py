"""The four algorithms through ``processing.run`` against the sandbox: real HTTP, real layers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from up42_qgis.layers.footprints import apply_footprints_style
from up42_qgis.processing import alg_search
from up42_qgis.processing.provider import Up42Provider

BERLIN_EXTENT = "13.3,13.5,52.4,52.6 [EPSG:4326]"
BERLIN_POLYGON = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.4], [13.5, 52.4], [13.5, 52.6], [13.3, 52.6], [13.3, 52.4]]],
}
# Small enough to keep estimates cheap and every scene of Berlin intersecting it.
ORDER_EXTENT = "13.38,13.42,52.49,52.51 [EPSG:4326]"
FAST_DWELL = {"CREATED": 0.1, "BEING_PLACED": 0.1, "PLACED": 0.1, "BEING_FULFILLED": 0.1}
SLOW_DWELL = {"CREATED": 600, "BEING_PLACED": 600, "PLACED": 600, "BEING_FULFILLED": 600}


@pytest.fixture
def provider(qgis_processing) -> Iterator[Up42Provider]:
    """The provider for one test; the plugin lifecycle tests register and remove their own."""
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("up42") is None
    up42 = Up42Provider()
    assert registry.addProvider(up42)
    yield up42
    registry.removeProvider("up42")


@pytest.fixture
def account(sandbox_account, provider):
    sandbox_account.configure(dwell=FAST_DWELL)
    return sandbox_account


def run(algorithm: str, parameters: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    import processing

    return processing.run(f"up42:{algorithm}", parameters, **kwargs)


def failure(algorithm: str, parameters: dict[str, Any], **kwargs: Any) -> str:
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, parameters, **kwargs)
    message = str(raised.value)
    assert message.strip()
    assert "\n" not in message.strip(), message
    assert "Traceback" not in message
    return message


def search(tmp_path: Path, name: str = "scenes", **extra: Any) -> QgsVectorLayer:
    """Scenes over ORDER_EXTENT unless told otherwise: each can be estimated for that area."""
    parameters = {"EXTENT": ORDER_EXTENT, "LIMIT": 5, "OUTPUT": str(tmp_path / f"{name}.gpkg")}
    parameters.update(extra)
    result = run("search", parameters)
    layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
    assert layer.isValid()
    return layer


def posts(log: list[dict], path: str) -> list[dict]:
    return [entry for entry in log if entry["method"] == "POST" and entry["path"] == path]


def feature_rows(layer_or_path: Any) -> list[dict[str, Any]]:
    layer = layer_or_path
    if not isinstance(layer, QgsVectorLayer):
        layer = QgsVectorLayer(str(layer_or_path), "table", "ogr")
    assert layer.isValid()
    names = layer.fields().names()
    return [dict(zip(names, f.attributes(), strict=True)) for f in layer.getFeatures()]


def value(row: dict[str, Any], name: str) -> Any:
    """NULL attributes come back as QVariant NULL; compare them as None."""
    item = row[name]
    return None if item is None or (hasattr(item, "isNull") and item.isNull()) else item


# --- the interface ---------------------------------------------------------------------------
def test_algorithm_ids_and_parameter_names_are_the_documented_interface(provider):
    expected = {
        "up42:search": (
            {
                "EXTENT",
                "AOI",
                "COLLECTIONS",
                "START_DATE",
                "END_DATE",
                "MAX_CLOUD",
                "SORT_BY",
                "LIMIT",
                "OUTPUT",
            },
            {"OUTPUT"},
        ),
        "up42:estimate": (
            {"SCENES", "EXTENT", "AOI", "DATA_PRODUCT", "OUTPUT"},
            {"OUTPUT", "TOTAL_CREDITS"},
        ),
        "up42:order": (
            {"SCENES", "EXTENT", "AOI", "DATA_PRODUCT", "MAX_CREDITS", "OUTPUT"},
            {"OUTPUT", "ORDER_IDS"},
        ),
        "up42:download": (
            {"ORDER_IDS", "WAIT", "TIMEOUT", "FOLDER"},
            {"FILES", "FOLDER"},
        ),
    }
    registry = QgsApplication.processingRegistry()
    for algorithm_id, (inputs, outputs) in expected.items():
        algorithm = registry.algorithmById(algorithm_id)
        assert algorithm is not None, algorithm_id
        names = {d.name() for d in algorithm.parameterDefinitions()}
        assert inputs <= names, (algorithm_id, inputs - names)
        assert outputs <= {o.name() for o in algorithm.outputDefinitions()}
    order = registry.algorithmById("up42:order").parameterDefinition("MAX_CREDITS")
    assert not order.flags() & order.FlagOptional, "MAX_CREDITS must be required"


# --- up42:search -----------------------------------------------------------------------------
def test_search_writes_the_footprints_of_every_matching_scene(account, tmp_path):
    expected = account.count_scenes({"intersects": BERLIN_POLYGON})
    assert expected > 0
    layer = search(tmp_path, EXTENT=BERLIN_EXTENT, LIMIT=1000)
    assert layer.featureCount() == expected
    for name in ("scene_id", "collection", "acquired", "cloud_cover", "resolution"):
        assert layer.fields().indexOf(name) >= 0, name
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PolygonGeometry
    assert layer.crs().authid() == "EPSG:4326"
    area = QgsGeometry.fromRect(QgsRectangle(13.3, 52.4, 13.5, 52.6))
    for feature in layer.getFeatures():
        assert feature["scene_id"]
        assert feature.geometry().intersects(area)


def test_search_honours_limit_collections_and_cloud_and_sorts(account, tmp_path):
    layer = search(tmp_path, EXTENT=BERLIN_EXTENT, LIMIT=3, MAX_CLOUD=30, SORT_BY="cloud")
    rows = feature_rows(layer)
    assert 0 < len(rows) <= 3
    clouds = [value(row, "cloud_cover") for row in rows]
    assert all(c is not None and c <= 30 for c in clouds)
    assert clouds == sorted(clouds)

    collection = rows[0]["collection"]
    only = search(tmp_path, "only", EXTENT=BERLIN_EXTENT, COLLECTIONS=collection.upper(), LIMIT=50)
    only = feature_rows(only)
    assert only
    assert {row["collection"] for row in only} == {collection}


def test_search_footprints_get_the_dock_style_when_loaded(account, tmp_path):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    path = str(tmp_path / "styled.gpkg")
    output = QgsProcessingOutputLayerDefinition(path, QgsProject.instance())
    run("search", {"EXTENT": ORDER_EXTENT, "LIMIT": 2, "OUTPUT": output}, context=context)
    (details,) = context.layersToLoadOnCompletion().values()
    assert details.postProcessor() is not None
    loaded = QgsVectorLayer(path, "loaded", "ogr")
    plain = loaded.renderer().dump()
    details.postProcessor().postProcessLayer(loaded, context, QgsProcessingFeedback())
    reference = QgsVectorLayer(path, "reference", "ogr")
    apply_footprints_style(reference)
    assert loaded.renderer().dump() == reference.renderer().dump() != plain


def test_search_with_an_aoi_layer_in_another_crs(account, tmp_path):
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    aoi = QgsVectorLayer("Polygon?crs=EPSG:3857", "aoi", "memory")
    to_mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), mercator, QgsProject.instance()
    )
    parts = []
    for box in ((13.38, 52.49, 13.40, 52.50), (13.41, 52.50, 13.42, 52.51)):
        geometry = QgsGeometry.fromRect(QgsRectangle(*box))
        geometry.transform(to_mercator)
        feature = QgsFeature()
        feature.setGeometry(geometry)
        parts.append(feature)
    aoi.dataProvider().addFeatures(parts)
    result = run("search", {"AOI": aoi, "LIMIT": 20, "OUTPUT": str(tmp_path / "aoi.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "aoi", "ogr")
    assert layer.featureCount() > 0
    union = QgsGeometry.fromRect(QgsRectangle(13.38, 52.49, 13.42, 52.51))
    for feature in layer.getFeatures():
        assert feature.geometry().intersects(union)


def test_search_refuses_bad_input_before_any_request(account, tmp_path):
    account.clear_log()
    output = str(tmp_path / "x.gpkg")
    message = failure("search", {"LIMIT": 5, "OUTPUT": output})
    assert "EXTENT" in message
    assert "AOI" in message
    message = failure(
        "search",
        {
            "EXTENT": BERLIN_EXTENT,
            "START_DATE": "2024-06-01",
            "END_DATE": "2024-01-01",
            "OUTPUT": output,
        },
    )
    assert "START_DATE" in message
    message = failure("search", {"EXTENT": "-10,30,35,60 [EPSG:4326]", "OUTPUT": output})
    assert message.startswith("Unusable area of interest")
    assert account.request_log() == []


def test_search_names_unknown_collections(account, tmp_path):
    message = failure(
        "search",
        {"EXTENT": BERLIN_EXTENT, "COLLECTIONS": "no-such-sat", "OUTPUT": str(tmp_path / "x.gpkg")},
    )
    assert "no-such-sat" in message
    assert not posts(account.request_log(), "/v2/catalog/search")


def test_search_server_refusal_is_one_line_with_the_server_message(account, tmp_path):
    account.configure(faults=[{"method": "POST", "path": "/v2/catalog/search", "status": 403}])
    message = failure("search", {"EXTENT": BERLIN_EXTENT, "OUTPUT": str(tmp_path / "x.gpkg")})
    assert message.startswith("UP42 refused access")


def test_search_stops_paging_when_cancelled(account, tmp_path, monkeypatch):
    assert account.count_scenes({"intersects": BERLIN_POLYGON}) > 4
    monkeypatch.setattr(alg_search, "PAGE_SIZE", 2)
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _: feedback.cancel())
    result = run(
        "search",
        {"EXTENT": BERLIN_EXTENT, "LIMIT": 100, "OUTPUT": str(tmp_path / "c.gpkg")},
        feedback=feedback,
    )
    assert QgsVectorLayer(result["OUTPUT"], "c", "ogr").featureCount() == 2
    assert len(posts(account.request_log(), "/v2/catalog/search")) == 1


# --- up42:estimate ---------------------------------------------------------------------------
def test_estimate_gives_a_row_per_scene_and_the_total(account, tmp_path):
    scenes = search(tmp_path, LIMIT=3)
    result = run(
        "estimate",
        {"SCENES": scenes.source(), "EXTENT": ORDER_EXTENT, "OUTPUT": str(tmp_path / "e.gpkg")},
    )
    rows = feature_rows(result["OUTPUT"])
    assert sorted(r["scene_id"] for r in rows) == sorted(
        f["scene_id"] for f in scenes.getFeatures()
    )
    assert all(value(r, "error") is None and r["credits"] > 0 and r["unit"] for r in rows)
    assert result["TOTAL_CREDITS"] == pytest.approx(sum(r["credits"] for r in rows))
    assert len(posts(account.request_log(), "/v2/orders/estimate")) == len(rows)
    assert not posts(account.request_log(), "/v2/orders")


def test_estimate_takes_only_the_selected_scenes(account, tmp_path):
    scenes = search(tmp_path, LIMIT=4)
    assert scenes.featureCount() >= 2
    chosen = [f.id() for f in scenes.getFeatures()][:2]
    scenes.selectByIds(chosen)
    chosen_ids = {scenes.getFeature(fid)["scene_id"] for fid in chosen}
    result = run("estimate", {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "OUTPUT": "memory:"})
    assert {r["scene_id"] for r in feature_rows(result["OUTPUT"])} == chosen_ids


def test_estimate_runs_in_a_background_task_like_the_processing_dialog(account, tmp_path, qtbot):
    scenes = search(tmp_path, LIMIT=3)
    assert scenes.featureCount() > 1
    QgsProject.instance().addMapLayer(scenes)
    try:
        first = next(scenes.getFeatures())
        scenes.selectByIds([first.id()])
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("up42:estimate")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()
        parameters = {"SCENES": scenes.id(), "EXTENT": ORDER_EXTENT, "OUTPUT": "memory:"}
        task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
        with qtbot.waitSignal(task.executed, timeout=120_000) as executed:
            QgsApplication.taskManager().addTask(task)
        ok, results = executed.args
        assert ok, feedback.textLog()
        table = context.getMapLayer(results["OUTPUT"])
        assert [r["scene_id"] for r in feature_rows(table)] == [first["scene_id"]]
        assert results["TOTAL_CREDITS"] > 0
    finally:
        QgsProject.instance().removeMapLayer(scenes.id())


def test_estimate_reports_a_refused_scene_in_its_row(account, tmp_path):
    scenes = search(tmp_path, LIMIT=2)
    refused, *_ = [f["scene_id"] for f in scenes.getFeatures()]
    account.configure(estimate_errors={refused: "Scene not available for this AOI"})
    result = run("estimate", {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "OUTPUT": "memory:"})
    rows = {r["scene_id"]: r for r in feature_rows(result["OUTPUT"])}
    assert "Scene not available for this AOI" in rows[refused]["error"]
    assert value(rows[refused], "credits") is None
    others = [r for sid, r in rows.items() if sid != refused]
    assert result["TOTAL_CREDITS"] == pytest.approx(sum(r["credits"] for r in others))


def test_estimate_refuses_an_unknown_data_product_before_estimating(account, tmp_path):
    scenes = search(tmp_path, LIMIT=2)
    account.clear_log()
    message = failure(
        "estimate",
        {
            "SCENES": scenes,
            "EXTENT": ORDER_EXTENT,
            "DATA_PRODUCT": "no-such-product",
            "OUTPUT": "memory:",
        },
    )
    assert "no-such-product" in message
    assert not posts(account.request_log(), "/v2/orders/estimate")


def test_search_and_estimate_chain_in_a_model(account, tmp_path):
    """What the graphical modeler builds: search's OUTPUT feeds estimate's SCENES."""
    model = QgsProcessingModelAlgorithm("up42 chain", "tests")
    search_child = QgsProcessingModelChildAlgorithm("up42:search")
    search_child.setChildId("search")
    search_child.addParameterSources(
        "EXTENT", [QgsProcessingModelChildParameterSource.fromStaticValue(ORDER_EXTENT)]
    )
    search_child.addParameterSources(
        "LIMIT", [QgsProcessingModelChildParameterSource.fromStaticValue(2)]
    )
    model.addChildAlgorithm(search_child)
    estimate_child = QgsProcessingModelChildAlgorithm("up42:estimate")
    estimate_child.setChildId("estimate")
    estimate_child.addParameterSources(
        "SCENES", [QgsProcessingModelChildParameterSource.fromChildOutput("search", "OUTPUT")]
    )
    estimate_child.addParameterSources(
        "EXTENT", [QgsProcessingModelChildParameterSource.fromStaticValue(ORDER_EXTENT)]
    )
    table = QgsProcessingModelOutput("estimates")
    table.setChildOutputName("OUTPUT")
    estimate_child.setModelOutputs({"estimates": table})
    model.addChildAlgorithm(estimate_child)

    import processing

    result = processing.run(model, {"estimate:estimates": str(tmp_path / "model.gpkg")})
    rows = feature_rows(result["estimate:estimates"])
    assert len(rows) == 2
    assert all(r["credits"] > 0 for r in rows)


def test_estimate_with_a_named_data_product(account, tmp_path):
    scenes = search(tmp_path, LIMIT=10)
    by_collection: dict[str, list[str]] = {}
    for feature in scenes.getFeatures():
        by_collection.setdefault(feature["collection"], []).append(feature["scene_id"])
    assert len(by_collection) > 1, "needs scenes of two collections"
    from up42_qgis.bridge.clients import client_provider

    collections = {c.name: c for c in client_provider().client().collections()}
    chosen = sorted(by_collection)[0]
    product = collections[chosen].orderable_products[-1]
    result = run(
        "estimate",
        {
            "SCENES": scenes,
            "EXTENT": ORDER_EXTENT,
            "DATA_PRODUCT": product.name,
            "OUTPUT": "memory:",
        },
    )
    rows = {r["scene_id"]: r for r in feature_rows(result["OUTPUT"])}
    for collection, scene_ids in by_collection.items():
        for scene_id in scene_ids:
            if collection == chosen:
                assert value(rows[scene_id], "error") is None
                assert rows[scene_id]["credits"] > 0
            else:
                assert f"belongs to {chosen}" in rows[scene_id]["error"]


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
