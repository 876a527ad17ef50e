"""Issue 16, point 10: a quicklook lies on the footprint's real corners (warped, not stretched
over the bounding box), is transparent outside the footprint and is drawn above the
footprints layers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProject

from up42_qgis.api.models import Scene
from up42_qgis.layers.footprints import add_to_up42_group, up42_group
from up42_qgis.layers.footprints_gpkg import create_footprints_layer
from up42_qgis.layers.quicklook import georeference_quicklook, load_quicklook_layer

# A footprint rotated by about 30°: its corners are far from its bounding box's.
TOP_LEFT, TOP_RIGHT = (13.00, 52.60), (13.26, 52.70)
BOTTOM_RIGHT, BOTTOM_LEFT = (13.36, 52.45), (13.10, 52.35)
COLOURS = {  # the image's corner quadrants
    "top_left": (255, 0, 0),
    "top_right": (0, 255, 0),
    "bottom_right": (0, 0, 255),
    "bottom_left": (255, 255, 0),
}


def _rotated_scene() -> Scene:
    ring = [TOP_LEFT, TOP_RIGHT, BOTTOM_RIGHT, BOTTOM_LEFT, TOP_LEFT]
    return Scene(
        id="rotated-scene",
        collection="phr",
        acquired=datetime(2026, 5, 1, tzinfo=UTC),
        geometry={"type": "Polygon", "coordinates": [[list(p) for p in ring]]},
        bbox=(13.00, 52.35, 13.36, 52.70),
    )


def _quadrant_jpeg(width: int = 200, height: int = 120) -> bytes:
    """A JPEG (no alpha, as UP42's quicklooks) in four coloured quadrants."""
    rgb = np.zeros((3, height, width), dtype=np.uint8)
    halves = {"top": slice(0, height // 2), "bottom": slice(height // 2, height)}
    sides = {"left": slice(0, width // 2), "right": slice(width // 2, width)}
    for name, colour in COLOURS.items():
        vertical, horizontal = name.split("_")
        for band in range(3):
            rgb[band, halves[vertical], sides[horizontal]] = colour[band]
    memory = gdal.GetDriverByName("MEM").Create("", width, height, 3, gdal.GDT_Byte)
    for band in range(3):
        memory.GetRasterBand(band + 1).WriteArray(rgb[band])
    path = "/vsimem/quadrants.jpg"
    gdal.GetDriverByName("JPEG").CreateCopy(path, memory, options=["QUALITY=95"])
    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = bytes(gdal.VSIFReadL(1, size, handle))
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    return data


def _pixel(dataset, lon: float, lat: float) -> tuple[int, ...]:
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    column, row = int((lon - x0) / dx), int((lat - y0) / dy)
    return tuple(
        int(dataset.GetRasterBand(b + 1).ReadAsArray(column, row, 1, 1)[0, 0])
        for b in range(dataset.RasterCount)
    )


def _towards_centre(corner: tuple[float, float], share: float = 0.08) -> tuple[float, float]:
    centre = np.mean([TOP_LEFT, TOP_RIGHT, BOTTOM_RIGHT, BOTTOM_LEFT], axis=0)
    return tuple(np.asarray(corner) + share * (centre - np.asarray(corner)))


def test_the_quicklook_is_warped_onto_the_footprints_corners(tmp_path: Path):
    path = georeference_quicklook(_quadrant_jpeg(), _rotated_scene(), tmp_path)
    dataset = gdal.Open(str(path))
    assert dataset.RasterCount == 4  # RGB and alpha
    corners = {
        "top_left": TOP_LEFT,
        "top_right": TOP_RIGHT,
        "bottom_right": BOTTOM_RIGHT,
        "bottom_left": BOTTOM_LEFT,
    }
    for name, corner in corners.items():
        *rgb, alpha = _pixel(dataset, *_towards_centre(corner))
        assert alpha == 255, name
        assert np.abs(np.array(rgb) - COLOURS[name]).max() < 40, (name, rgb)
    # The bounding box's own corners lie outside the rotated footprint: transparent there,
    # where a stretched image would put its corners (and a black fringe).
    for lon, lat in ((13.005, 52.695), (13.355, 52.695), (13.355, 52.355), (13.005, 52.355)):
        assert _pixel(dataset, lon, lat)[3] == 0, (lon, lat)


def test_the_quicklook_is_drawn_above_the_footprints(tmp_path: Path, qgis_new_project):
    scene = _rotated_scene()
    footprints = create_footprints_layer(tmp_path / "f.gpkg", "search_x", [scene])
    add_to_up42_group(footprints)
    layer = load_quicklook_layer(georeference_quicklook(_quadrant_jpeg(), scene, tmp_path), scene)
    order = [node.layerId() for node in up42_group().findLayers()]
    assert order.index(layer.id()) < order.index(footprints.id())  # drawn later = above
    assert layer.extent().xMinimum() == pytest.approx(13.0, abs=0.01)
    QgsProject.instance().removeAllMapLayers()
