"""Downloaded rasters into the project the Processing way: ``addLayerToLoadOnCompletion``.

QGIS loads them on the main thread once the algorithm has finished; the post-processor gives
each the dock's natural-colour rendering and the order id, without touching any widget.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ..api.models import Order
from ..layers.footprints import apply_footprints_style
from ..layers.rasters import ORDER_ID_PROPERTY, apply_natural_colour, raster_layer_names


class RasterPostProcessor(QgsProcessingLayerPostProcessorInterface):
    # QGIS does not own post-processors: each must outlive the algorithm run that made it.
    _alive: ClassVar[list[RasterPostProcessor]] = []

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    @classmethod
    def create(cls, order_id: str) -> RasterPostProcessor:
        processor = cls(order_id)
        cls._alive.append(processor)
        return processor

    def postProcessLayer(
        self, layer: QgsMapLayer, context: QgsProcessingContext, feedback: object
    ) -> None:
        if isinstance(layer, QgsRasterLayer) and layer.isValid():
            apply_natural_colour(layer)
            layer.setCustomProperty(ORDER_ID_PROPERTY, self.order_id)


def load_on_completion(
    context: QgsProcessingContext, paths: Sequence[Path], order: Order
) -> None:
    """The order's rasters, named as the dock names them (``layers.rasters``)."""
    names = raster_layer_names(order.display_name or order.id, paths)
    for path, name in zip(paths, names, strict=True):
        _load_on_completion(context, path, order, name)


def _load_on_completion(
    context: QgsProcessingContext, path: Path, order: Order, name: str
) -> None:
    details = QgsProcessingContext.LayerDetails(name, context.project(), "FILES")
    details.forceName = True
    details.layerTypeHint = QgsProcessingUtils.LayerHint.Raster
    details.setPostProcessor(RasterPostProcessor.create(order.id))
    context.addLayerToLoadOnCompletion(str(path), details)


class FootprintsPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """The dock's footprints style for the layer ``up42:search`` made."""

    _alive: ClassVar[list[FootprintsPostProcessor]] = []

    @classmethod
    def create(cls) -> FootprintsPostProcessor:
        processor = cls()
        cls._alive.append(processor)
        return processor

    def postProcessLayer(
        self, layer: QgsMapLayer, context: QgsProcessingContext, feedback: object
    ) -> None:
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            apply_footprints_style(layer)


def style_footprints_on_completion(context: QgsProcessingContext, dest_id: str) -> None:
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(FootprintsPostProcessor.create())
