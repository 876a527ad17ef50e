"""The seeded, deterministic world: collections with data products and the scene archive."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
import uuid
from typing import Any

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from tests.sandbox import geo

SEED = 4242
AIRBUS = {"name": "airbus", "title": "Airbus", "description": "Airbus Defence and Space",
          "roles": ["PRODUCER"]}
ONEATLAS = {"name": "oneatlas", "title": "OneAtlas", "description": "Airbus OneAtlas",
            "roles": ["HOST"]}
CAPELLA = {"name": "capellaspace", "title": "Capella Space", "description": "Capella Space SAR",
           "roles": ["HOST", "PRODUCER"]}
ARCHIVE_INTEGRATIONS = ["SEARCH_AVAILABLE", "QUICKLOOK_AVAILABLE", "THUMBNAIL_AVAILABLE",
                        "PRICE_ESTIMATION_AVAILABLE"]


def stable_uuid(*parts: object) -> str:
    """The same id for the same parts, run after run (uuid5 under "up42-sandbox:")."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "up42-sandbox:" + ":".join(map(str, parts))))


@dataclasses.dataclass(frozen=True)
class DataProduct:
    name: str
    title: str
    description: str
    id: str | None
    collection: str
    price_per_km2: float = 100.0
    min_area_km2: float = 0.25
    max_area_km2: float = 2500.0

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "title": self.title,
                                "description": self.description}
        if self.id:
            data["id"] = self.id
            data["eulaId"] = stable_uuid("eula", self.collection)
        return data


@dataclasses.dataclass(frozen=True)
class CollectionSpec:
    name: str
    title: str
    description: str
    type: str
    product_type: str
    resolution_class: str
    resolution: float
    providers: tuple[dict[str, Any], ...]
    platforms: tuple[str, ...]
    producer: str
    footprint_km: tuple[float, float]
    first_year: int
    scenes_per_city: int
    products: tuple[DataProduct, ...]
    integrations: tuple[str, ...] = tuple(ARCHIVE_INTEGRATIONS)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "title": self.title, "description": self.description,
            "type": self.type, "integrations": list(self.integrations),
            "providers": [dict(p) for p in self.providers],
            "dataProducts": [p.as_json() for p in self.products],
            "metadata": {"productType": self.product_type,
                         "resolutionClass": self.resolution_class,
                         "resolutionValue": {"minimum": self.resolution,
                                             "maximum": self.resolution}},
        }

    @property
    def host(self) -> str:
        return next(p["name"] for p in self.providers if "HOST" in p["roles"])


def _product(collection: str, name: str, title: str, description: str, *, orderable: bool = True,
             price: float = 100.0) -> DataProduct:
    product_id = stable_uuid("product", collection, name) if orderable else None
    return DataProduct(name, title, description, product_id, collection, price_per_km2=price)


COLLECTIONS: tuple[CollectionSpec, ...] = (
    CollectionSpec(
        "phr", "Pléiades", "0.5 m optical imagery from Pléiades 1A/1B", "ARCHIVE", "OPTICAL",
        "VERY_HIGH", 0.5, (ONEATLAS, AIRBUS), ("PHR1A", "PHR1B"), "airbus", (20.0, 20.0),
        2019, 120,
        (_product("phr", "phr-display", "Display", "Pan-sharpened RGBN, 8 bit"),
         _product("phr", "phr-analytic", "Analytic", "Multispectral RGBN, 12 bit", price=120.0)),
    ),
    CollectionSpec(
        "pneo", "Pléiades Neo", "0.3 m optical imagery from Pléiades Neo 3/4", "ARCHIVE",
        "OPTICAL", "VERY_HIGH", 0.3, (ONEATLAS, AIRBUS), ("PNEO3", "PNEO4"), "airbus",
        (14.0, 14.0), 2021, 80,
        (_product("pneo", "pneo-display", "Display", "Pan-sharpened RGBN, 8 bit", price=180.0),
         _product("pneo", "pneo-analytic", "Analytic", "Multispectral, 12 bit", price=200.0)),
    ),
    CollectionSpec(
        "spot", "SPOT", "1.5 m optical imagery from SPOT 6/7", "ARCHIVE", "OPTICAL", "HIGH",
        1.5, (ONEATLAS, AIRBUS), ("SPOT6", "SPOT7"), "airbus", (60.0, 60.0), 2019, 90,
        (_product("spot", "spot-display", "Display", "Pan-sharpened RGB, 8 bit", price=25.0),
         _product("spot", "spot-legacy", "Legacy bundle", "No longer orderable",
                  orderable=False)),
    ),
    CollectionSpec(
        "capella-sar", "Capella SAR", "1.0 m X-band SAR from Capella", "ARCHIVE", "SAR",
        "VERY_HIGH", 1.0, (CAPELLA,), ("capella-7", "capella-8", "capella-10"), "capellaspace",
        (10.0, 20.0), 2020, 60,
        (_product("capella-sar", "capella-geo", "GEO", "Geocoded terrain corrected",
                  price=90.0),),
        integrations=("SEARCH_AVAILABLE", "THUMBNAIL_AVAILABLE", "QUICKLOOK_AVAILABLE",
                      "PRICE_ESTIMATION_AVAILABLE"),
    ),
    CollectionSpec(
        "pneo-tasking", "Pléiades Neo Tasking", "New 0.3 m acquisitions on request", "TASKING",
        "OPTICAL", "VERY_HIGH", 0.3, (ONEATLAS, AIRBUS), ("PNEO3",), "airbus", (14.0, 14.0),
        2026, 0,
        (_product("pneo-tasking", "pneo-tasking-standard", "Standard tasking",
                  "Tasking, standard priority", price=1000.0),
         _product("pneo-tasking", "pneo-tasking-priority", "Priority tasking",
                  "Tasking, first in the satellite's plan; no feasibility study", price=1500.0),
         _product("pneo-tasking", "pneo-tasking-point", "Point target",
                  "One 5 km × 5 km scene centred on a point", price=800.0)),
        integrations=("QUOTATION_REQUIRED", "FEASIBILITY_STUDY_MAY_BE_REQUIRED"),
    ),
)
COLLECTIONS_BY_NAME = {c.name: c for c in COLLECTIONS}
PRODUCTS_BY_ID = {p.id: p for c in COLLECTIONS for p in c.products if p.id}

# (name, centre lon, centre lat, half size of the scene-centre scatter in degrees)
CITIES = (
    ("Berlin", 13.40, 52.50, 0.22),
    ("Paris", 2.35, 48.86, 0.25),
    ("Nairobi", 36.82, -1.29, 0.25),
    ("Sao Paulo", -46.63, -23.55, 0.25),
    ("Tokyo", 139.69, 35.69, 0.25),
    ("San Francisco", -122.42, 37.77, 0.25),
    ("Sydney", 151.21, -33.87, 0.25),
)
TAVEUNI = ("Taveuni", 179.98, -16.85)
ARCHIVE_END = dt.datetime(2026, 10, 31, tzinfo=dt.UTC)


@dataclasses.dataclass
class Scene:
    id: str
    collection: CollectionSpec
    city: str
    datetime: dt.datetime
    cloud_cover: float
    geometry: BaseGeometry
    properties: dict[str, Any]
    prepared: Any = dataclasses.field(repr=False, default=None)

    @property
    def timestamp(self) -> str:
        return self.datetime.strftime("%Y-%m-%dT%H:%M:%SZ")

    def intersects(self, other: BaseGeometry) -> bool:
        return self.prepared.intersects(other)


def _footprint(rng: random.Random, lon: float, lat: float, size_km: tuple[float, float],
               multipart: bool) -> Polygon | MultiPolygon:
    """A slanted quadrilateral, as a satellite's ground track draws it; optionally in two parts."""
    width, height = (s * rng.uniform(0.85, 1.15) for s in size_km)
    heading = math.radians(rng.uniform(-14.0, -8.0) if lat >= 0 else rng.uniform(8.0, 14.0))
    skew = rng.uniform(-0.08, 0.08) * width

    def corner(dx: float, dy: float) -> tuple[float, float]:
        rx = dx * math.cos(heading) - dy * math.sin(heading)
        ry = dx * math.sin(heading) + dy * math.cos(heading)
        return geo.offset_km(lon, lat, rx, ry)

    def quad(y0: float, y1: float) -> Polygon:
        w = width / 2
        pts = [corner(-w, y0), corner(w, y0), corner(w + skew, y1), corner(-w + skew, y1)]
        return Polygon([*pts, pts[0]])

    h = height / 2
    if not multipart:
        return quad(-h, h)
    # A strip interrupted by a gap (e.g. a dropped downlink segment): two parts.
    gap = height * 0.12
    return MultiPolygon([quad(-h, -gap / 2), quad(gap / 2, h)])


def _scene_id_string(spec: CollectionSpec, platform: str, when: dt.datetime, lon: float,
                     lat: float, serial: int) -> str:
    stamp = when.strftime("%Y%m%d%H%M%S")
    ew = "E" if lon >= 0 else "W"
    ns = "N" if lat >= 0 else "S"
    code = f"{ew}{abs(int(lon)):03d}{ns}{abs(int(lat)):02d}"
    if spec.product_type == "SAR":
        return f"CAPELLA_{platform.upper()}_SM_GEO_HH_{stamp}_{code}_{serial:05d}"
    return f"DS_{platform}_{stamp}_FR1_PX_{code}_{serial % 10000:04d}_{serial:05d}"


def _make_scene(rng: random.Random, spec: CollectionSpec, city: str, lon: float, lat: float,
                serial: int, *, multipart: bool = False, when: dt.datetime | None = None,
                continuous_footprint: bool = False) -> Scene:
    scene_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if when is None:
        start = dt.datetime(spec.first_year, 1, 1, tzinfo=dt.UTC)
        span = (ARCHIVE_END - start).total_seconds()
        when = start + dt.timedelta(seconds=int(rng.uniform(0, span)))
        # Optical satellites pass around 10:30 local solar time.
        local_hour = 10.5 if spec.product_type == "OPTICAL" else rng.uniform(0, 24)
        utc_hour = (local_hour - lon / 15.0) % 24
        when = when.replace(hour=int(utc_hour), minute=int(utc_hour % 1 * 60))
    footprint = _footprint(rng, lon, lat, spec.footprint_km, multipart)
    if continuous_footprint:
        footprint = geo.split_at_antimeridian(footprint)
    if spec.product_type == "SAR":
        cloud = 0.0  # for the imagery; radar items carry no cloud cover at all
    else:
        cloud = round(rng.uniform(0, 10) if rng.random() < 0.4 else rng.uniform(0, 100), 2)
    platform = rng.choice(spec.platforms)
    incidence = round(rng.uniform(2, 35), 1)
    provider_properties: dict[str, Any] = {
        "incidenceAngle": incidence,
        "azimuthAngle": round(rng.uniform(0, 360), 1),
    }
    if spec.product_type == "SAR":
        provider_properties.update({"polarizations": ["HH"], "instrumentMode": "stripmap",
                                    "orbitState": rng.choice(["ascending", "descending"])})
    else:
        provider_properties.update({"processingLevel": "SENSOR",
                                    "snowCover": 0 if abs(lat) < 40 else rng.choice([0, 0, 5])})
    properties = {
        "datetime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "id": scene_id,
        "sceneId": _scene_id_string(spec, platform, when, lon, lat, serial),
        "constellation": spec.name,
        "collection": spec.name,
        "producer": spec.producer,
        "providerName": spec.host,
        "cloudCoverage": cloud,
        "resolution": spec.resolution,
        "deliveryTime": "MINUTES" if spec.product_type == "OPTICAL" else "HOURS",
        "eo:cloud_cover": cloud,
        "gsd": spec.resolution,
        "platform": platform,
        "providerProperties": provider_properties,
    }
    if spec.product_type == "SAR":  # radar sees through clouds: no cloud cover (contract §5.2)
        del properties["cloudCoverage"], properties["eo:cloud_cover"]
    scene = Scene(scene_id, spec, city, when, cloud, footprint, properties)
    scene.prepared = prep(footprint)
    return scene


def build_scenes(seed: int = SEED) -> list[Scene]:
    rng = random.Random(seed)
    scenes: list[Scene] = []
    serial = 0
    for spec in COLLECTIONS:
        for city, lon, lat, spread in CITIES:
            for _ in range(spec.scenes_per_city):
                serial += 1
                clon = lon + rng.uniform(-spread, spread) * 1.4
                clat = lat + rng.uniform(-spread, spread)
                scenes.append(_make_scene(rng, spec, city, clon, clat, serial,
                                          multipart=serial % 23 == 0))
    # Fiji: Taveuni straddles 180°; one scene's footprint crosses the antimeridian.
    phr = COLLECTIONS_BY_NAME["phr"]
    name, lon, lat = TAVEUNI
    for offset, when in ((0.0, dt.datetime(2024, 7, 14, 22, 5, tzinfo=dt.UTC)),
                         (-0.22, dt.datetime(2023, 5, 2, 22, 11, tzinfo=dt.UTC)),
                         (-0.35, dt.datetime(2025, 9, 9, 22, 2, tzinfo=dt.UTC))):
        serial += 1
        scenes.append(_make_scene(rng, phr, name, lon + offset, lat, serial, when=when,
                                  continuous_footprint=True))
    return scenes


UP42_ONLY_PROPERTIES = ("cloudCoverage", "resolution")
UP42_ONLY_PROVIDER_PROPERTIES = {"incidenceAngle": "view:incidence_angle",
                                 "azimuthAngle": "view:azimuth"}


def scene_properties(scene: Scene, stac_only: bool = False) -> dict[str, Any]:
    """The item's properties as served; ``stac_only`` (knob ``catalog_stac_only_properties``)
    drops UP42's own names and gives the angles their STAC ``view:`` names instead."""
    properties = dict(scene.properties)
    if not stac_only:
        return properties
    for name in UP42_ONLY_PROPERTIES:
        properties.pop(name, None)
    provider = dict(properties.get("providerProperties") or {})
    for name, stac_name in UP42_ONLY_PROVIDER_PROPERTIES.items():
        if name in provider:
            properties[stac_name] = provider.pop(name)
    properties["providerProperties"] = provider
    return properties


def scene_json(scene: Scene, api: str, stac_only: bool = False) -> dict[str, Any]:
    base = f"{api}/v2/catalog/collections/{scene.collection.name}/items/{scene.id}"
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [],
        "id": scene.id,
        "collection": scene.collection.name,
        "bbox": geo.geojson_bbox(scene.geometry),
        "geometry": geo.rounded_mapping(scene.geometry),
        "properties": scene_properties(scene, stac_only),
        "links": [
            {"rel": "self", "href": base, "type": "application/geo+json"},
            {"rel": "collection", "href": f"{api}/v2/catalog/collections/{scene.collection.name}",
             "type": "application/json"},
            {"rel": "root", "href": f"{api}/v2/catalog/", "type": "application/json"},
        ],
        "assets": {
            "thumbnail": {"href": f"{base}/thumbnail/download-url", "type": "image/png",
                          "roles": ["thumbnail"], "title": "Thumbnail"},
            "quicklook": {"href": f"{base}/quicklook/download-url", "type": "image/jpeg",
                          "roles": ["overview"], "title": "Quicklook"},
        },
    }


class World:
    """Collections and scenes with a coarse grid index for the spatial prefilter."""

    CELL_DEGREES = 1.0

    def __init__(self, seed: int = SEED) -> None:
        self.collections = COLLECTIONS
        self.collections_by_name = COLLECTIONS_BY_NAME
        self.scenes = build_scenes(seed)
        self.scenes_by_id = {s.id: s for s in self.scenes}
        self._grid: dict[tuple[int, int], list[int]] = {}
        for index, scene in enumerate(self.scenes):
            for cell in self._cells(scene.geometry.bounds):
                self._grid.setdefault(cell, []).append(index)

    def _cells(self, bounds: tuple[float, float, float, float]) -> list[tuple[int, int]]:
        west, south, east, north = bounds
        size = self.CELL_DEGREES
        xs = range(math.floor(west / size), math.floor(east / size) + 1)
        ys = range(math.floor(south / size), math.floor(north / size) + 1)
        if len(xs) * len(ys) > 4000:  # a huge AOI: scanning everything is cheaper
            return []
        return [(x, y) for x in xs for y in ys]

    def candidates(self, geometry: BaseGeometry | None) -> list[Scene]:
        """Scenes in the order they were seeded whose grid cells touch the geometry's bounds."""
        if geometry is None:
            return list(self.scenes)
        cells = self._cells(geometry.bounds)
        if not cells:
            return [s for s in self.scenes if s.intersects(geometry)]
        indexes = sorted({i for cell in cells for i in self._grid.get(cell, ())})
        return [s for s in (self.scenes[i] for i in indexes) if s.intersects(geometry)]
