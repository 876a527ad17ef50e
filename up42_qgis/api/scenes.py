"""The catalog's nouns: a search request, its sort field, a scene (STAC item) and a page of
scenes. ``models`` re-exports them; they live here so the search code has one home."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from .json_values import (
    JSON,
    first_of,
    float_or_none,
    frozen_geometry,
    geometry_problem,
    parse_timestamp,
)


class MalformedSceneError(ValueError):
    """A feature of a search page that cannot be a scene; the page skips it."""


class SortField(StrEnum):
    DATE = "date"
    CLOUD = "cloud"
    RESOLUTION = "resolution"

    @property
    def stac_field(self) -> str:
        """The ``sortby`` field: STAC names, which a STAC API sorts on (the UP42-only names
        are unverified on the real catalog, contract §5.3)."""
        return {
            SortField.DATE: "properties.datetime",
            SortField.CLOUD: "properties.eo:cloud_cover",
            SortField.RESOLUTION: "properties.gsd",
        }[self]

    def value_of(self, scene: Scene) -> Any:
        """What the client sorts on when the server cannot (None: no value)."""
        if self is SortField.CLOUD:
            return scene.cloud_cover
        if self is SortField.RESOLUTION:
            return scene.resolution
        return scene.acquired


@dataclass(frozen=True)
class SearchRequest:
    """A catalog search. ``aoi`` is a GeoJSON geometry in EPSG:4326 (already checked).

    ``cloudless_collections`` names the collections without cloud cover (radar: glossary
    ``metadata.productType == "SAR"``); a ``max_cloud`` limit never applies to them, so a
    cloud limit over optical and radar collections still returns the radar scenes."""

    aoi: JSON
    collections: tuple[str, ...] = ()
    start: date | datetime | None = None
    end: date | datetime | None = None
    max_cloud: float | None = None
    sort: SortField = SortField.DATE
    ascending: bool = False
    page_size: int = 50
    cloudless_collections: tuple[str, ...] = ()


def _bbox(value: Any) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple) or len(value) not in (4, 6):
        raise MalformedSceneError(f"bbox is not 4 or 6 numbers: {str(value)[:60]}")
    read = [float_or_none(v) if not isinstance(v, str) else None for v in value]
    numbers = [n for n in read if n is not None]
    if len(numbers) != len(read):
        raise MalformedSceneError(f"bbox holds something that is not a number: {value[:6]!r}")
    if len(numbers) == 6:  # west, south, min height, east, north, max height
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    west, south, east, north = numbers
    return (west, south, east, north)


def _object(data: JSON, key: str) -> JSON:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MalformedSceneError(f"{key} is a {type(value).__name__}, not an object")
    return value


def _href(assets: JSON, key: str) -> str | None:
    asset = assets.get(key)
    href = asset.get("href") if isinstance(asset, dict) else None
    return href if isinstance(href, str) and href else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Scene:
    """A STAC item from the catalog search.

    Light on purpose, because a search keeps thousands alive and every object the garbage
    collector has to visit lengthens the pauses it imposes on QGIS's main thread: no instance
    ``__dict__``, and the footprint's coordinates as tuples, which the collector stops visiting
    (lists it visits for ever)."""

    id: str
    collection: str
    acquired: datetime | None
    geometry: JSON
    bbox: tuple[float, float, float, float] | None = None
    cloud_cover: float | None = None
    resolution: float | None = None
    incidence_angle: float | None = None
    scene_id: str = ""
    constellation: str = ""
    provider_name: str = ""
    delivery_time: str = ""
    thumbnail_href: str | None = None
    quicklook_href: str | None = None
    properties: JSON = field(default_factory=dict, compare=False, repr=False)
    off_nadir: float | None = None

    @classmethod
    def from_json(cls, data: Any) -> Scene:
        """Raises MalformedSceneError for a feature no scene can be made of (a bbox of
        strings, properties or assets that are not objects, a garbage geometry, no id)."""
        if not isinstance(data, dict):
            raise MalformedSceneError(f"the feature is a {type(data).__name__}, not an object")
        props = _object(data, "properties")
        assets = _object(data, "assets")
        problem = geometry_problem(data.get("geometry"))
        if problem:
            raise MalformedSceneError(f"geometry: {problem}")
        scene_id = _text(data.get("id") or props.get("id"))
        if not scene_id:
            raise MalformedSceneError("the feature has no id")
        provider_props = props.get("providerProperties")
        if not isinstance(provider_props, dict):
            provider_props = {}
        return cls(
            id=scene_id,
            collection=_text(data.get("collection") or props.get("collection")),
            acquired=parse_timestamp(props.get("datetime") or props.get("start_datetime")),
            geometry=frozen_geometry(data.get("geometry")),
            bbox=_bbox(data.get("bbox")),
            # STAC names first; UP42's own names as the fallback (contract §5.3).
            cloud_cover=float_or_none(first_of(props, "eo:cloud_cover", "cloudCoverage")),
            resolution=float_or_none(first_of(props, "gsd", "resolution")),
            incidence_angle=float_or_none(
                first_of(props, "view:incidence_angle")
                if props.get("view:incidence_angle") is not None
                else first_of(provider_props, "incidenceAngle", "incidence_angle")
            ),
            off_nadir=float_or_none(props.get("view:off_nadir")),
            scene_id=_text(props.get("sceneId")),
            constellation=_text(props.get("constellation")),
            provider_name=_text(props.get("providerName") or props.get("producer")),
            delivery_time=_text(props.get("deliveryTime")),
            thumbnail_href=_href(assets, "thumbnail"),
            quicklook_href=_href(assets, "quicklook"),
            properties=props,
        )


MAX_SKIP_REASONS = 5


def add_skip_reasons(reasons: list[str], more: tuple[str, ...] | list[str]) -> None:
    """Adds the distinct reasons of ``more`` to ``reasons``, up to MAX_SKIP_REASONS."""
    for reason in more:
        if reason not in reasons and len(reasons) < MAX_SKIP_REASONS:
            reasons.append(reason)


@dataclass(frozen=True)
class ScenePage:
    """One page of a catalog search. ``next_request`` is the opaque continuation that
    ``Up42Client.search_page`` takes to fetch the following page (None: the last page).
    ``skipped`` counts the malformed features left out of this page (each one logged);
    ``skip_reasons`` says why, one line per distinct reason (at most ``MAX_SKIP_REASONS``).
    ``read_limit_reached`` says a search sorted or merged on the client stopped reading at
    its cap, so "the best N" are the best of what was read."""

    scenes: tuple[Scene, ...]
    number_matched: int | None = None
    next_request: JSON | None = None
    skipped: int = 0
    read_limit_reached: bool = False
    skip_reasons: tuple[str, ...] = ()

    @property
    def has_more(self) -> bool:
        return self.next_request is not None
