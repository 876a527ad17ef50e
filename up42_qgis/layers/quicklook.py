"""A scene's quicklook as a georeferenced raster over its footprint.

The quicklook is a plain JPEG/PNG of the footprint's bounding box, so GDAL stretches it over the
scene's bbox (EPSG:4326) and writes a GeoTIFF into the plugin's data folder.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer, QgsRasterTransparency

from ..api.models import Scene
from ..i18n import tr
from ..toolbelt.constants import WGS84
from ..toolbelt.folders import plugin_data_dir
from .footprints import SCENE_ID_PROPERTY, add_to_up42_group, scene_geometry

QUICKLOOK_PROPERTY = "up42/quicklook"


class QuicklookError(Exception):
    pass


def scene_bounds(scene: Scene) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the scene, from its bbox or its footprint."""
    if scene.bbox is not None and scene.bbox[2] > scene.bbox[0] and scene.bbox[3] > scene.bbox[1]:
        return scene.bbox
    box = scene_geometry(scene).boundingBox()
    if box.isEmpty():
        raise QuicklookError(f"Scene {scene.id} has no footprint to place its quicklook on")
    return box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()


def quicklook_folder() -> Path:
    folder = plugin_data_dir(create=True) / "quicklooks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def georeference_quicklook(image: bytes, scene: Scene, folder: Path | None = None) -> Path:
    """Writes ``image`` as a GeoTIFF stretched over the scene's bounds; returns its path."""
    west, south, east, north = scene_bounds(scene)
    folder = folder or quicklook_folder()
    folder.mkdir(parents=True, exist_ok=True)
    safe_id = re.sub(r"[^A-Za-z0-9_.-]", "_", scene.id) or "scene"
    target = folder / f"quicklook_{safe_id}.tif"
    source = f"/vsimem/up42_quicklook_{uuid.uuid4().hex}"
    gdal.FileFromMemBuffer(source, bytes(image))
    try:
        dataset = gdal.Open(source)
        if dataset is None:
            raise QuicklookError(f"The quicklook of {scene.id} is not a readable image")
        translated = gdal.Translate(
            str(target),
            dataset,
            format="GTiff",
            outputBounds=[west, north, east, south],
            outputSRS=WGS84,
            creationOptions=["COMPRESS=DEFLATE"],
        )
        dataset = None
        if translated is None:
            raise QuicklookError(f"Cannot write {target}")
        translated = None
    finally:
        gdal.Unlink(source)
    return target


def _hide_black_border(layer: QgsRasterLayer) -> None:
    """The quicklook of a tilted footprint fills its bounding box with black corners."""
    renderer = layer.renderer()
    if renderer is None or layer.bandCount() < 3:
        return
    # A new object: the renderer takes ownership and deletes its previous one.
    transparency = QgsRasterTransparency()
    black = QgsRasterTransparency.TransparentThreeValuePixel()
    black.red = black.green = black.blue = 0.0
    black.percentTransparent = 100.0
    transparency.setTransparentThreeValuePixelList([black])
    renderer.setRasterTransparency(transparency)


def load_quicklook_layer(path: Path, scene: Scene, project: QgsProject | None = None):
    """Adds the GeoTIFF to the "UP42" group (replacing an earlier quicklook of the scene)."""
    project = project or QgsProject.instance()
    for layer in list(project.mapLayers().values()):
        if layer.customProperty(QUICKLOOK_PROPERTY) == scene.id:
            project.removeMapLayer(layer.id())
    when = scene.acquired.strftime("%Y-%m-%d") if scene.acquired else ""
    name = " ".join(part for part in (tr("Quicklook"), scene.collection, when) if part)
    layer = QgsRasterLayer(str(path), name, "gdal")
    if not layer.isValid():
        raise QuicklookError(f"Cannot open {path}")
    layer.setCustomProperty(QUICKLOOK_PROPERTY, scene.id)
    layer.setCustomProperty(SCENE_ID_PROPERTY, scene.id)
    _hide_black_border(layer)
    # Below the footprints, so the scene outlines stay visible over the image.
    add_to_up42_group(layer, project, on_top=False)
    node = project.layerTreeRoot().findLayer(layer.id())
    if node is not None:
        node.setExpanded(False)  # no three-band legend under the name
    return layer
