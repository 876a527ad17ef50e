"""Rasters loaded by ``up42:download`` get the dock's rendering through the Processing
post-processor (``processing/loading.py``): the same natural-colour stretch, over the whole
raster, and the order id. On QGIS 3.44 the unscoped ``QgsRasterMinMaxOrigin.WholeRaster`` is
gone, so this path raised AttributeError there."""

from __future__ import annotations

from qgis.core import (
    QgsMultiBandColorRenderer,
    QgsProcessingContext,
    QgsProject,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsSingleBandGrayRenderer,
)

from tests.qgis.support import make_geotiff
from up42_qgis.layers.rasters import ORDER_ID_PROPERTY
from up42_qgis.processing.loading import RasterPostProcessor


def test_the_post_processor_renders_in_natural_colour_over_the_whole_raster(tmp_path):
    rgb = QgsRasterLayer(str(make_geotiff(tmp_path / "ms.tif", 4)), "ms", "gdal")
    pan = QgsRasterLayer(str(make_geotiff(tmp_path / "pan.tif", 1)), "pan", "gdal")
    assert rgb.isValid()
    assert pan.isValid()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processor = RasterPostProcessor.create("order-7")
    for layer in (rgb, pan):
        processor.postProcessLayer(layer, context, None)
        origin = layer.renderer().minMaxOrigin()
        assert origin.extent() == QgsRasterMinMaxOrigin.Extent.WholeRaster
        assert origin.limits() == QgsRasterMinMaxOrigin.Limits.CumulativeCut
        assert layer.customProperty(ORDER_ID_PROPERTY) == "order-7"
    assert isinstance(rgb.renderer(), QgsMultiBandColorRenderer)
    assert (rgb.renderer().redBand(), rgb.renderer().blueBand()) == (1, 3)
    assert isinstance(pan.renderer(), QgsSingleBandGrayRenderer)
