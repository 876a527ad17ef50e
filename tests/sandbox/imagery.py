"""Imagery made with GDAL: the ground is a function of (lon, lat), so previews and deliveries
of the same place look alike. Fields, terrain, water and clouds; smooth, never noise."""

from __future__ import annotations

import hashlib
import math
import uuid
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from shapely.geometry.base import BaseGeometry

from tests.sandbox import geo
from tests.sandbox.world import Scene

gdal.UseExceptions()

# Land-cover palette (R, G, B, NIR) in reflectance-like 0..1 units.
PALETTE = np.array([
    (0.10, 0.22, 0.08, 0.45),  # forest
    (0.30, 0.42, 0.15, 0.55),  # green crop
    (0.55, 0.48, 0.30, 0.35),  # bare / harvested field
    (0.62, 0.58, 0.52, 0.30),  # built-up
    (0.40, 0.50, 0.18, 0.50),  # meadow
    (0.08, 0.16, 0.25, 0.04),  # water
])
MAX_SIDE = 512


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little")


def _lattice(ix: np.ndarray, iy: np.ndarray, seed: int) -> np.ndarray:
    mask = np.int64(0xFFFFFFFF)
    h = ((ix & mask) * np.int64(374761393) + (iy & mask) * np.int64(668265263)
         + np.int64(seed)) & mask
    h = ((h ^ (h >> 13)) * np.int64(1274126177)) & mask
    h = h ^ (h >> 16)
    return h.astype(np.float64) / 4294967296.0


def _value_noise(x: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
    x0, y0 = np.floor(x), np.floor(y)
    fx, fy = x - x0, y - y0
    fx, fy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
    ix, iy = x0.astype(np.int64), y0.astype(np.int64)
    a, b = _lattice(ix, iy, seed), _lattice(ix + 1, iy, seed)
    c, d = _lattice(ix, iy + 1, seed), _lattice(ix + 1, iy + 1, seed)
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy


def _fbm(x: np.ndarray, y: np.ndarray, seed: int, octaves: int = 4) -> np.ndarray:
    total, amplitude, norm = np.zeros_like(x), 1.0, 0.0
    for octave in range(octaves):
        total += amplitude * _value_noise(x * 2**octave, y * 2**octave, seed + octave * 7919)
        norm += amplitude
        amplitude /= 2
    return total / norm


def _cloud_threshold(scene: Scene, cloud_cover: float) -> float:
    """Noise level above which there is cloud, sampled over the whole footprint so every
    rendering of the scene (thumbnail, AOI delivery) shows the same clouds."""
    if cloud_cover >= 1:
        return -1.0
    lon, lat = _grid(geo.continuous(scene.geometry).bounds, 64, 64)
    return float(np.quantile(_fbm(lon * 45, lat * 45, _seed(scene.id), 5), 1 - cloud_cover))


def ground(lon: np.ndarray, lat: np.ndarray, scene: Scene) -> np.ndarray:
    """(4, h, w) reflectance of the ground under the scene, 0..1 (R, G, B, NIR)."""
    world_seed = 1234567
    terrain = _fbm(lon * 40, lat * 40, world_seed)
    # Fields: a warped lattice of ~300 m parcels, each with a land-cover class.
    warp = (_fbm(lon * 90, lat * 90, world_seed + 11, 2) - 0.5) * 0.9
    fx, fy = lon * 160 + warp, lat * 260 - warp
    parcel = _lattice(np.floor(fx).astype(np.int64), np.floor(fy).astype(np.int64), world_seed)
    classes = np.minimum((parcel * 5).astype(np.int64), 4)
    classes = np.where(terrain < 0.27, 5, classes)  # low ground holds water
    reflectance = PALETTE[classes].transpose(2, 0, 1).copy()
    texture = 0.85 + 0.3 * _fbm(lon * 2500, lat * 2500, world_seed + 3, 3)
    edge = np.minimum(np.minimum(fx % 1, 1 - fx % 1), np.minimum(fy % 1, 1 - fy % 1))
    reflectance *= texture * np.where(edge < 0.04, 0.8, 1.0) * (0.8 + 0.4 * terrain)
    # The scene's own clouds, as many as its cloud cover says.
    cloud_cover = scene.cloud_cover / 100.0
    if cloud_cover > 0:
        clouds = _fbm(lon * 45, lat * 45, _seed(scene.id), 5)
        threshold = _cloud_threshold(scene, cloud_cover)
        opacity = np.clip((clouds - threshold) * 12, 0, 1)
        reflectance = reflectance * (1 - opacity) + 0.85 * opacity
    if scene.collection.product_type == "SAR":
        backscatter = reflectance[3] * 0.6 + reflectance[0] * 0.8
        speckle = 0.8 + 0.4 * _value_noise(lon * 40000, lat * 40000, _seed(scene.id))
        band = np.clip(backscatter * speckle, 0, 1)
        reflectance = np.stack([band, band * 0.55, np.clip(band * 1.4, 0, 1), band])
    return np.clip(reflectance, 0, 1)


def _grid(bounds: tuple[float, float, float, float], width: int, height: int
          ) -> tuple[np.ndarray, np.ndarray]:
    west, south, east, north = bounds
    xs = west + (np.arange(width) + 0.5) * (east - west) / width
    ys = north - (np.arange(height) + 0.5) * (north - south) / height
    return np.meshgrid(xs, ys)


def _raster_size(bounds: tuple[float, float, float, float], max_side: int) -> tuple[int, int]:
    west, south, east, north = bounds
    mid_lat = math.radians((south + north) / 2)
    width_km = (east - west) * geo.KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(mid_lat)
    height_km = (north - south) * geo.KM_PER_DEGREE_LAT
    if width_km >= height_km:
        return max_side, max(8, round(max_side * height_km / max(width_km, 1e-9)))
    return max(8, round(max_side * width_km / max(height_km, 1e-9))), max_side


def _mask(geometry: BaseGeometry, bounds: tuple[float, float, float, float], width: int,
          height: int) -> np.ndarray:
    """1 where a pixel's centre lies in the geometry (GDAL rasterization)."""
    west, south, east, north = bounds
    target = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    target.SetGeoTransform((west, (east - west) / width, 0, north, 0, -(north - south) / height))
    vector = ogr.GetDriverByName("Memory").CreateDataSource("mask")
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    target.SetProjection(wgs84.ExportToWkt())
    layer = vector.CreateLayer("mask", srs=wgs84, geom_type=ogr.wkbMultiPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(geometry.wkt))
    layer.CreateFeature(feature)
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    return target.GetRasterBand(1).ReadAsArray().astype(bool)


def _to_bytes(path: str) -> bytes:
    handle = gdal.VSIFOpenL(path, "rb")
    try:
        gdal.VSIFSeekL(handle, 0, 2)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        return bytes(gdal.VSIFReadL(1, size, handle))
    finally:
        gdal.VSIFCloseL(handle)
        gdal.Unlink(path)


def _image_corners(footprint: BaseGeometry) -> list[tuple[float, float]] | None:
    """The footprint's corners as a sensor image has them: top-left, top-right, bottom-right,
    bottom-left (the vertices farthest north-west, north-east, south-east, south-west); None
    for a footprint in several parts."""
    if footprint.geom_type != "Polygon":
        return None
    points = list(footprint.exterior.coords)
    if len(points) < 5:
        return None
    return [
        max(points, key=lambda p: p[1] - p[0]),
        max(points, key=lambda p: p[1] + p[0]),
        max(points, key=lambda p: p[0] - p[1]),
        min(points, key=lambda p: p[0] + p[1]),
    ]


def _sensor_grid(corners: list[tuple[float, float]], width: int, height: int
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Each pixel's ground position, bilinear between the four corners."""
    u, v = np.meshgrid((np.arange(width) + 0.5) / width, (np.arange(height) + 0.5) / height)
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    lon = (1 - v) * ((1 - u) * x0 + u * x1) + v * ((1 - u) * x3 + u * x2)
    lat = (1 - v) * ((1 - u) * y0 + u * y1) + v * ((1 - u) * y3 + u * y2)
    return lon, lat


def render_preview(scene: Scene, kind: str) -> bytes:
    """Thumbnail (PNG of the bounding box, transparent outside the footprint) or quicklook:
    a JPEG of the scene as the sensor saw it, as UP42's are: the image's corners are the
    footprint's corners, however the footprint is rotated (a footprint in several parts, cut
    at the antimeridian, gets its bounding box with black outside the footprint)."""
    footprint = geo.continuous(scene.geometry)
    bounds = footprint.bounds
    side = 256 if kind == "thumbnail" else 512
    width, height = _raster_size(bounds, side)
    corners = _image_corners(footprint) if kind == "quicklook" else None
    if corners is not None:
        lon, lat = _sensor_grid(corners, width, height)
        inside = np.ones((height, width), dtype=bool)
    else:
        lon, lat = _grid(bounds, width, height)
        inside = _mask(footprint, bounds, width, height)
    rgb = (ground(lon, lat, scene)[:3] * 255 * 1.3).clip(0, 255).astype(np.uint8)
    rgb[:, ~inside] = 0
    bands = 4 if kind == "thumbnail" else 3
    memory = gdal.GetDriverByName("MEM").Create("", width, height, bands, gdal.GDT_Byte)
    for index in range(3):
        memory.GetRasterBand(index + 1).WriteArray(rgb[index])
    if bands == 4:
        memory.GetRasterBand(4).WriteArray(inside.astype(np.uint8) * 255)
    path = f"/vsimem/{uuid.uuid4()}.{'png' if kind == 'thumbnail' else 'jpg'}"
    driver = "PNG" if kind == "thumbnail" else "JPEG"
    options = [] if driver == "PNG" else ["QUALITY=85"]
    gdal.GetDriverByName(driver).CreateCopy(path, memory, options=options)
    return _to_bytes(path)


def delivery_extent(coverage: BaseGeometry) -> BaseGeometry:
    """What a delivered raster covers; across the antimeridian only the larger side."""
    west, _, east, _ = coverage.bounds
    if east - west > 180:
        return max(geo.polygons_of(coverage), key=lambda p: p.area)
    return coverage


def write_cog(path: Path, scene: Scene, coverage: BaseGeometry, variant: str) -> None:
    """A Cloud-Optimized GeoTIFF in EPSG:4326 over coverage's bounds; nodata 0 outside it.

    variant "ms": the product's native bands (RGBN uint16 for Pléiades, RGB uint8 for SPOT,
    VV/VH-like uint16 for SAR); "visual": 3-band uint8 true colour.
    """
    extent = delivery_extent(coverage)
    bounds = extent.bounds
    width, height = _raster_size(bounds, MAX_SIDE)
    lon, lat = _grid(bounds, width, height)
    reflectance = ground(lon, lat, scene)
    inside = _mask(extent, bounds, width, height)
    spec = scene.collection
    if variant == "visual" or spec.name == "spot":
        data = (reflectance[:3] * 255 * 1.3).clip(1, 255).astype(np.uint8)
        data_type = gdal.GDT_Byte
    elif spec.product_type == "SAR":
        data = (reflectance[:3] * 4000).clip(1, 65535).astype(np.uint16)
        data_type = gdal.GDT_UInt16
    else:
        data = (reflectance * 4095).clip(1, 4095).astype(np.uint16)
        data_type = gdal.GDT_UInt16
    data[:, ~inside] = 0
    memory = gdal.GetDriverByName("MEM").Create("", width, height, data.shape[0], data_type)
    west, south, east, north = bounds
    memory.SetGeoTransform((west, (east - west) / width, 0, north, 0, -(north - south) / height))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    memory.SetProjection(srs.ExportToWkt())
    names = (["VV", "VH", "VV+VH"] if spec.product_type == "SAR" and variant == "ms"
             else ["Red", "Green", "Blue", "NIR"])
    for index in range(data.shape[0]):
        band = memory.GetRasterBand(index + 1)
        band.WriteArray(data[index])
        band.SetNoDataValue(0)
        band.SetDescription(names[index])
    memory.SetMetadata({"SCENE_ID": scene.properties["sceneId"],
                        "ACQUISITION_DATETIME": scene.timestamp})
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    gdal.GetDriverByName("COG").CreateCopy(
        str(temporary), memory, options=["COMPRESS=DEFLATE", "BLOCKSIZE=256",
                                         "OVERVIEWS=IGNORE_EXISTING"])
    temporary.replace(path)
