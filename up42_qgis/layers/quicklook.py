"""A scene's quicklook as a georeferenced raster over its footprint.

A quicklook is a plain JPEG/PNG of the scene as the sensor saw it: its four corners are the
footprint's four corners, which for a tilted or rotated scene are not the bounding box's. So the
image's corners become ground control points on the footprint's corners and GDAL warps it
(thin plate spline, exact through the four points) into a GeoTIFF in EPSG:4326 with an alpha
band: transparent outside the footprint, no black fringe. A footprint without four usable
corners (no geometry) falls back to its bounding box.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer

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


Corners = tuple[tuple[float, float], ...]  # top-left, top-right, bottom-right, bottom-left


def footprint_corners(scene: Scene) -> Corners:
    """The footprint's four corners (lon, lat) in the image's order: top-left, top-right,
    bottom-right, bottom-left: the vertices farthest to the north-west, north-east,
    south-east and south-west. The bounding box's corners when the footprint has none."""
    geometry = scene_geometry(scene)
    points = [(p.x(), p.y()) for p in geometry.vertices()] if not geometry.isEmpty() else []
    if geometry.isEmpty() or geometry.constGet().partCount() != 1 or len(points) < 4:
        west, south, east, north = scene_bounds(scene)
        return (west, north), (east, north), (east, south), (west, south)
    return (
        max(points, key=lambda p: p[1] - p[0]),
        max(points, key=lambda p: p[1] + p[0]),
        max(points, key=lambda p: p[0] - p[1]),
        min(points, key=lambda p: p[0] + p[1]),
    )


def georeference_quicklook(image: bytes, scene: Scene, folder: Path | None = None) -> Path:
    """Writes ``image`` as a GeoTIFF warped onto the footprint's corners (alpha outside);
    returns its path."""
    corners = footprint_corners(scene)
    folder = folder or quicklook_folder()
    folder.mkdir(parents=True, exist_ok=True)
    safe_id = re.sub(r"[^A-Za-z0-9_.-]", "_", scene.id) or "scene"
    target = folder / f"quicklook_{safe_id}.tif"
    source = f"/vsimem/up42_quicklook_{uuid.uuid4().hex}"
    vrt = f"{source}.vrt"
    gdal.FileFromMemBuffer(source, bytes(image))
    try:
        dataset = gdal.Open(source)
        if dataset is None:
            raise QuicklookError(f"The quicklook of {scene.id} is not a readable image")
        width, height = dataset.RasterXSize, dataset.RasterYSize
        pixels = ((0, 0), (width, 0), (width, height), (0, height))
        gcps = [
            gdal.GCP(lon, lat, 0.0, float(column), float(row))
            for (lon, lat), (column, row) in zip(corners, pixels, strict=True)
        ]
        bands = min(dataset.RasterCount, 3)  # an alpha the image has is the warp's to make
        with_gcps = gdal.Translate(
            vrt,
            dataset,
            format="VRT",
            bandList=list(range(1, bands + 1)),
            GCPs=gcps,
            outputSRS=WGS84,
        )
        dataset = None
        if with_gcps is None:
            raise QuicklookError(f"The quicklook of {scene.id} cannot be georeferenced")
        warped = gdal.Warp(
            str(target),
            with_gcps,
            format="GTiff",
            dstSRS=WGS84,
            tps=True,
            dstAlpha=True,
            resampleAlg="bilinear",
            creationOptions=["COMPRESS=DEFLATE"],
        )
        with_gcps = None
        if warped is None:
            raise QuicklookError(f"Cannot write {target}")
        warped = None
    finally:
        gdal.Unlink(source)
        gdal.Unlink(vrt)
    return target


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
    # Above the footprints layers (their fill would veil it); the alpha band leaves the
    # outlines of the neighbouring scenes visible around it.
    add_to_up42_group(layer, project, on_top=True)
    node = project.layerTreeRoot().findLayer(layer.id())
    if node is not None:
        node.setExpanded(False)  # no three-band legend under the name
    return layer
