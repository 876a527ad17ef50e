"""The end of a QGIS test session: nothing may be freed after ``exitQgis()``.

The last test of a session can leave the canvas drawing (a layer was just added) when its
fixtures remove the project's layers. The session fixture of conftest.py has to let the render
job and QGIS's OGR connection pool go while GDAL still runs; without it, the process aborts
after every test passed (a GeoPackage dataset closed twice: force-closed by ``exitQgis()``, then
by the pool's deferred deletion in pytest-qt's last ``processEvents``). A session of its own, in
a child process, because only a session's end shows it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CONFTEST = """
from tests.qgis.conftest import _release_qgis_resources_before_qgis_exits  # noqa: F401
"""

# Drawn bottom-up: the raster first (its renderer now holds an open GDAL dataset, freed only
# when the job is cleaned up), then many squares, long enough (~0.4 s) that the job still runs
# when the fixture removes the layers, then a few squares, which the render thread reads only
# after that removal, through a pooled OGR connection that outlives the layer.
LAST_TEST = """
import pytest
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsFields,
    QgsGeometry, QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorFileWriter, QgsVectorLayer,
    QgsWkbTypes,
)


def squares(path, count):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    writer = QgsVectorFileWriter.create(
        str(path), QgsFields(), QgsWkbTypes.Polygon, QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateTransformContext(), options,
    )
    features = []
    for i in range(count):
        x, y = (i % 200) * 0.01, (i // 200) * 0.01
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 0.02, y + 0.02)))
        features.append(feature)
    assert writer.addFeatures(features)
    del writer
    layer = QgsVectorLayer(str(path), path.stem, "ogr")
    assert layer.isValid()
    return layer


def geotiff(path):
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 64, 64, 3, gdal.GDT_Byte)
    dataset.SetGeoTransform([0, 0.03, 0, 2, 0, -0.03])
    dataset.GetRasterBand(1).Fill(200)
    dataset = None
    layer = QgsRasterLayer(str(path), path.stem, "gdal")
    assert layer.isValid()
    return layer


@pytest.fixture
def layers_removed_at_teardown():
    yield
    QgsProject.instance().removeAllMapLayers()


def test_layers_removed_while_the_canvas_draws_them(
    tmp_path, qgis_iface, qgis_new_project, qtbot, layers_removed_at_teardown
):
    canvas = qgis_iface.mapCanvas()
    canvas.window().show()
    canvas.resize(600, 600)
    project = QgsProject.instance()
    # pytest-qgis puts the layer added last at the bottom: drawn first.
    project.addMapLayer(squares(tmp_path / "few.gpkg", 10))
    slow = squares(tmp_path / "many.gpkg", 20000)
    project.addMapLayer(slow)
    project.addMapLayer(geotiff(tmp_path / "image.tif"))
    canvas.setExtent(slow.extent())
    canvas.refresh()
    qtbot.waitUntil(canvas.isDrawing)
"""


@pytest.mark.slow
def test_a_session_ending_while_the_canvas_draws_exits_cleanly(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tmp_path / "test_last.py").write_text(LAST_TEST, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    ini, test = str(tmp_path / "pytest.ini"), str(tmp_path / "test_last.py")
    command = [sys.executable, "-m", "pytest", "-c", ini, "-v", "-p", "no:cacheprovider", test]
    run = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240, check=False
    )
    output = run.stdout + run.stderr
    assert "test_layers_removed_while_the_canvas_draws_them PASSED" in output, output
    assert run.returncode == 0, output  # -6 (abort) or -11 (segfault) after the test passed
