"""Delivered rasters into the project: a group per order, a natural-colour rendering."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from qgis.core import (
    QgsContrastEnhancement,
    QgsMultiBandColorRenderer,
    QgsProject,
    QgsRasterBandStats,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsSingleBandGrayRenderer,
)

from ..toolbelt.constants import LAYER_GROUP_NAME

ORDER_ID_PROPERTY = "up42/order_id"
# The cumulative-cut percentages QGIS itself uses by default: ignores dark and bright outliers.
CUT_LOWER, CUT_UPPER = 0.02, 0.98


def _stretched(layer: QgsRasterLayer, band: int) -> QgsContrastEnhancement:
    provider = layer.dataProvider()
    enhancement = QgsContrastEnhancement(provider.dataType(band))
    enhancement.setContrastEnhancementAlgorithm(
        QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum, False
    )
    low, high = provider.cumulativeCut(band, CUT_LOWER, CUT_UPPER, layer.extent(), 250000)
    if not high > low:  # flat band: fall back to its real range
        stats = provider.bandStatistics(
            band, QgsRasterBandStats.Stats.Min | QgsRasterBandStats.Stats.Max
        )
        low, high = stats.minimumValue, stats.maximumValue
    enhancement.setMinimumValue(low)
    enhancement.setMaximumValue(high)
    return enhancement


def apply_natural_colour(layer: QgsRasterLayer) -> None:
    """Bands 1, 2, 3 as red, green, blue with a cumulative-cut stretch (3 or more bands, e.g.
    RGB or RGBN); a single band as grey with the same stretch."""
    provider = layer.dataProvider()
    if layer.bandCount() >= 3:
        renderer = QgsMultiBandColorRenderer(provider, 1, 2, 3)
        renderer.setRedContrastEnhancement(_stretched(layer, 1))
        renderer.setGreenContrastEnhancement(_stretched(layer, 2))
        renderer.setBlueContrastEnhancement(_stretched(layer, 3))
    else:
        renderer = QgsSingleBandGrayRenderer(provider, 1)
        renderer.setContrastEnhancement(_stretched(layer, 1))
    origin = QgsRasterMinMaxOrigin()
    origin.setLimits(QgsRasterMinMaxOrigin.Limits.CumulativeCut)
    origin.setCumulativeCutLower(CUT_LOWER)
    origin.setCumulativeCutUpper(CUT_UPPER)
    origin.setExtent(QgsRasterMinMaxOrigin.Extent.WholeRaster)
    renderer.setMinMaxOrigin(origin)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def add_rasters_to_project(
    paths: Iterable[Path],
    group_name: str,
    order_id: str = "",
    project: QgsProject | None = None,
) -> list[QgsRasterLayer]:
    """Loads the raster files (which ones is ``api.delivery.rasters_to_load``'s choice) into
    a group named after the order inside the "UP42" group; a file already in that group is
    not added twice.

    Returns the layers added; files GDAL cannot open are skipped (``invalid`` in the log).
    """
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    parent = root.findGroup(LAYER_GROUP_NAME) or root.insertGroup(0, LAYER_GROUP_NAME)
    group = parent.findGroup(group_name) or parent.insertGroup(0, group_name)
    already = {
        Path(node.layer().source()).resolve()
        for node in group.findLayers()
        if node.layer() is not None
    }
    added: list[QgsRasterLayer] = []
    for path in paths:
        if path.resolve() in already:
            continue
        layer = QgsRasterLayer(str(path), path.stem, "gdal")
        if not layer.isValid():
            continue
        apply_natural_colour(layer)
        if order_id:
            layer.setCustomProperty(ORDER_ID_PROPERTY, order_id)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        added.append(layer)
    return added
