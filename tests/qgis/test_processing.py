"""The algorithms through ``processing.run`` against the sandbox: real HTTP, real layers.
The interface, up42:search and up42:estimate here; up42:order and up42:download in
test_processing_orders.py."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
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

from tests.qgis.support import (
    BERLIN_EXTENT,
    BERLIN_POLYGON,
    ORDER_EXTENT,
    failure,
    feature_rows,
    posts,
    run,
    search,
    value,
)
from up42_qgis.layers.footprints import apply_footprints_style
from up42_qgis.processing import alg_search

# Small enough to keep estimates cheap and every scene of Berlin intersecting it.


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
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
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
