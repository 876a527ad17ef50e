"""Delivered GeoTIFFs, checked with GDAL: they lie within their scene's footprint and the AOI,
are Cloud-Optimized, and look like imagery. The Qt-free venv has no GDAL, so the checks run
in the system Python (which has it) as a subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import requests
from shapely.geometry import shape

from tests.unit.sandbox.conftest import Api

CHECK = r"""
import json, sys
import numpy as np
from osgeo import gdal
from shapely import vectorized
from shapely.geometry import shape
gdal.UseExceptions()
path, footprint, aoi = sys.argv[1], shape(json.loads(sys.argv[2])), shape(json.loads(sys.argv[3]))
dataset = gdal.Open(path)
x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
bands = [dataset.GetRasterBand(i + 1) for i in range(dataset.RasterCount)]
data = np.stack([b.ReadAsArray() for b in bands])
valid = (data != 0).any(axis=0)
rows, cols = np.nonzero(valid)
xs, ys = x0 + (cols + 0.5) * dx, y0 + (rows + 0.5) * dy
band = data[0].astype(float)
neighbour = np.abs(np.diff(band, axis=1))[valid[:, 1:] & valid[:, :-1]].mean()
shuffled = np.random.default_rng(0).permutation(band[valid])
random_pairs = np.abs(np.diff(shuffled)).mean()
print(json.dumps({
    "srs": dataset.GetSpatialRef().GetAuthorityCode(None),
    "layout": dataset.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE"),
    "bands": dataset.RasterCount, "type": gdal.GetDataTypeName(bands[0].DataType),
    "nodata": bands[0].GetNoDataValue(), "size": [dataset.RasterXSize, dataset.RasterYSize],
    "valid_pixels": int(valid.sum()),
    "outside_footprint": int((~vectorized.contains(footprint.buffer(1e-9), xs, ys)).sum()),
    "outside_aoi": int((~vectorized.contains(aoi.buffer(1e-9), xs, ys)).sum()),
    "valid_area_ratio": float(valid.sum() * abs(dx * dy) / footprint.intersection(aoi).area),
    "neighbour_difference": float(neighbour), "random_difference": float(random_pairs),
}))
"""


def _check(path: Path, footprint: dict, aoi: dict) -> dict:
    result = subprocess.run(["/usr/bin/python3", "-c", CHECK, str(path), json.dumps(footprint),
                             json.dumps(aoi)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _download(api: Api, order_id: str, key: str, tmp_path: Path) -> Path:
    items = api.post("/v2/assets/stac/search", json={"filter": {
        "op": "=", "args": [{"property": "order_id"}, order_id]}}).json()["features"]
    href = next(i["assets"][key]["href"] for i in items if key in i["assets"])
    url = api.post(href + "/download-url").json()["url"]
    path = tmp_path / key
    path.write_bytes(requests.get(url, timeout=60).content)
    return path


def test_delivered_geotiff_lies_within_its_scene_footprint(api: Api, fulfilled_order,
                                                           tmp_path: Path) -> None:
    # An AOI that sticks out of the footprint, so the clipping matters.
    scene = api.scene("phr")
    west, south, _east, _north = scene["bbox"]
    aoi = {"type": "Polygon", "coordinates": [[
        [west - 0.05, south + 0.02], [west + 0.12, south + 0.02], [west + 0.12, south + 0.12],
        [west - 0.05, south + 0.12], [west - 0.05, south + 0.02]]]}
    order_id, scene = fulfilled_order("phr", "phr-display", aoi)
    report = _check(_download(api, order_id, "ms.tif", tmp_path), scene["geometry"], aoi)
    assert report["srs"] == "4326"
    assert report["layout"] == "COG"
    assert (report["bands"], report["type"], report["nodata"]) == (4, "UInt16", 0)
    assert max(report["size"]) == 512
    assert report["valid_pixels"] > 10_000
    assert report["outside_footprint"] == 0
    assert report["outside_aoi"] == 0
    assert 0.95 < report["valid_area_ratio"] < 1.05  # covers AOI ∩ footprint, not less
    assert report["neighbour_difference"] < report["random_difference"] / 3  # not noise
    visual = _check(_download(api, order_id, "visual.tif", tmp_path), scene["geometry"], aoi)
    assert (visual["bands"], visual["type"], visual["outside_footprint"]) == (3, "Byte", 0)


def test_sar_and_spot_deliveries(api: Api, fulfilled_order, tmp_path: Path) -> None:
    for collection, product, bands, data_type in (("spot", "spot-display", 3, "Byte"),
                                                  ("capella-sar", "capella-geo", 3, "UInt16")):
        scene = api.scene(collection)
        west, south, east, north = scene["bbox"]
        cx, cy = (west + east) / 2, (south + north) / 2
        aoi = {"type": "Polygon", "coordinates": [[[cx - 0.02, cy - 0.02], [cx + 0.02, cy - 0.02],
                                                   [cx + 0.02, cy + 0.02], [cx - 0.02, cy + 0.02],
                                                   [cx - 0.02, cy - 0.02]]]}
        order_id, scene = fulfilled_order(collection, product, aoi)
        report = _check(_download(api, order_id, "ms.tif", tmp_path), scene["geometry"], aoi)
        assert (report["bands"], report["type"]) == (bands, data_type)
        assert report["outside_footprint"] == 0
        assert report["valid_pixels"] > 10_000


def test_delivery_east_of_the_antimeridian(api: Api, fulfilled_order, tmp_path: Path) -> None:
    features = api.post("/v2/catalog/search", json={"bbox": [179.5, -17.2, -179.5, -16.5]}
                        ).json()["features"]
    scene = next(f for f in features if f["bbox"][0] > f["bbox"][2])
    east_part = next(p for p in scene["geometry"]["coordinates"] if p[0][0][0] < 0)
    x, y = shape({"type": "Polygon", "coordinates": east_part}).representative_point().coords[0]
    east_of_180 = {"type": "Polygon", "coordinates": [[[x - 0.01, y - 0.01], [x + 0.01, y - 0.01],
                                                       [x + 0.01, y + 0.01], [x - 0.01, y + 0.01],
                                                       [x - 0.01, y - 0.01]]]}
    order_id, scene = fulfilled_order("phr", "phr-display", east_of_180)
    assert scene["bbox"][0] > scene["bbox"][2]
    report = _check(_download(api, order_id, "ms.tif", tmp_path), scene["geometry"], east_of_180)
    assert report["outside_footprint"] == 0
    assert report["valid_pixels"] > 1000
