"""Delivered rasters into the project: a group per order, a natural-colour rendering."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from qgis.core import (
    QgsContrastEnhancement,
    QgsCoordinateTransform,
    QgsMultiBandColorRenderer,
    QgsProject,
    QgsRasterBandStats,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsRectangle,
    QgsSingleBandGrayRenderer,
)
from qgis.gui import QgsMapCanvas

from ..toolbelt.constants import LAYER_GROUP_NAME

ORDER_ID_PROPERTY = "up42/order_id"
# The cumulative-cut percentages QGIS itself uses by default: ignores dark and bright outliers.
CUT_LOWER, CUT_UPPER = 0.02, 0.98
# The placement run's stamp the order name ends with: " (QGIS 20260913-101500)".
_PLACEMENT_STAMP = re.compile(r"\s*\(QGIS [^()]*\)\s*$")


def raster_layer_names(order_name: str, paths: Sequence[Path]) -> list[str]:
    """A layer name a user recognises, per raster: the order ("SPOT 2026-09-13 5df4b030",
    without the placement stamp) and the file ("visual"), plus the item's folder when two
    items deliver files of the same name."""
    base = _PLACEMENT_STAMP.sub("", order_name or "").strip()
    repeated = Counter(path.stem for path in paths)
    names = []
    for path in paths:
        parts = [base] if base else []
        if repeated[path.stem] > 1:
            parts.append(path.parent.name)
        parts.append(path.stem)
        names.append(" · ".join(parts))
    return names


def zoom_to_layers(canvas: QgsMapCanvas, layers: Sequence[QgsRasterLayer]) -> bool:
    """The canvas shows all of ``layers`` (their extents in the canvas's CRS); False when
    there is nothing to show."""
    extent = QgsRectangle()
    target = canvas.mapSettings().destinationCrs()
    context = QgsProject.instance().transformContext()
    for layer in layers:
        layer_extent = layer.extent()
        if layer.crs().isValid() and target.isValid() and layer.crs() != target:
            transform = QgsCoordinateTransform(layer.crs(), target, context)
            layer_extent = transform.transformBoundingBox(layer_extent)
        if extent.isEmpty():
            extent = QgsRectangle(layer_extent)
        else:
            extent.combineExtentWith(layer_extent)
    if extent.isEmpty():
        return False
    canvas.setExtent(extent.buffered(extent.width() * 0.02))
    canvas.refresh()
    return True


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
    if not high > low:  # one value only (a mask, a filled tile): mid grey, not solid black
        value = low
        possible_low = QgsContrastEnhancement.minimumValuePossible(provider.dataType(band))
        possible_high = QgsContrastEnhancement.maximumValuePossible(provider.dataType(band))
        low, high = max(possible_low, value - 1.0), min(possible_high, value + 1.0)
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
    paths = list(paths)
    for path, name in zip(paths, raster_layer_names(group_name, paths), strict=True):
        if path.resolve() in already:
            continue
        layer = QgsRasterLayer(str(path), name, "gdal")
        if not layer.isValid():
            continue
        apply_natural_colour(layer)
        if order_id:
            layer.setCustomProperty(ORDER_ID_PROPERTY, order_id)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        added.append(layer)
    return added
