"""Issue 14.11: Processing checks every sink write, and the footprints' fields hold what
UP42 sends (text without a width limit)."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsProcessingException, QgsVectorLayer

from up42_qgis.api.models import Scene
from up42_qgis.compat import FieldType, make_field
from up42_qgis.layers.footprints import FeatureBuilder, footprint_fields
from up42_qgis.processing.sinks import write_features

RING = [[13.1, 52.3], [13.2, 52.3], [13.2, 52.4], [13.1, 52.4], [13.1, 52.3]]
LONG_ID = "scene-" + "x" * 300
LONG_TEXT = "constellation " * 30


def memory_layer(fields) -> QgsVectorLayer:
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "sink", "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    return layer


def long_scene() -> Scene:
    return Scene.from_json(
        {
            "type": "Feature",
            "id": LONG_ID,
            "collection": "c" * 120,
            "geometry": {"type": "Polygon", "coordinates": [RING]},
            "properties": {
                "datetime": "2024-05-01T10:21:33Z",
                "constellation": LONG_TEXT,
                "providerName": "p" * 100,
                "sceneId": "s" * 400,
            },
        }
    )


def test_a_scene_with_texts_longer_than_the_old_widths_is_written(qgis_app):
    fields = footprint_fields()
    assert all(fields.field(name).length() == 0 for name in ("scene_id", "collection"))
    layer = memory_layer(fields)
    written = write_features(layer.dataProvider(), [FeatureBuilder(layer.fields())(long_scene())])
    assert written == 1
    [feature] = list(layer.getFeatures())
    assert feature["scene_id"] == LONG_ID
    assert feature["collection"] == "c" * 120
    assert feature["constellation"] == LONG_TEXT


def test_a_sink_that_refuses_a_feature_fails_with_its_reason(qgis_app):
    from qgis.core import QgsFields

    narrow = QgsFields()
    narrow.append(make_field("scene_id", FieldType.TEXT, 8))
    layer = memory_layer(narrow)
    feature = QgsFeature(layer.fields())
    feature.setAttribute("scene_id", LONG_ID)
    with pytest.raises(QgsProcessingException, match=r"Could not write 1 feature.*length"):
        write_features(layer.dataProvider(), [feature])
    assert layer.featureCount() == 0


def test_nothing_to_write_is_no_failure(qgis_app):
    assert write_features(memory_layer(footprint_fields()).dataProvider(), []) == 0
