"""The ordering steps, written once for the dock and for Processing: name the orders, build
the requests, estimate them, place them exactly once.

The faces adapt them: the dock's tasks pass ``progress=self.setProgress`` and
``is_cancelled=self.isCanceled``, the algorithms the same over ``feedback``. What the user
reads is the faces' business (translated there); these steps report with models only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .errors import (
    AuthenticationError,
    CancelledError,
    LicenceError,
    NetworkError,
    NotFoundError,
    Up42Error,
    ValidationError,
)
from .json_values import JSON
from .models import Estimate, OrderRequest, PlacedOrder, Scene

if TYPE_CHECKING:
    from .client import Up42Client
    from .placement_journal import PlacementJournal

__all__ = [
    "PER_SCENE_ERRORS",
    "Planned",
    "SceneRef",
    "estimate_all",
    "order_name",
    "place_all",
    "placement_stamp",
    "polygon_parts",
    "requests_for",
]

# Refusals that concern one request only: the other scenes may still be estimated. Sign-in,
# network and server failures end the whole run: the next request would fail alike.
PER_SCENE_ERRORS = (ValidationError, LicenceError, NotFoundError)
# Failures after which no further order is POSTed: every later one would fail alike.
STOPS_PLACEMENT = (AuthenticationError, NetworkError)
MAX_NAME = 200  # UP42's limit for a display name

Percent = Callable[[float], None]
IsCancelled = Callable[[], bool]
# collection name -> (data product id, None) or (None, why the scene cannot be ordered)
ProductFor = Callable[[str], tuple[str | None, str | None]]


@dataclass(frozen=True)
class SceneRef:
    """What ordering needs of a scene: from a search result (dock) or a SCENES row (Processing)."""

    scene_id: str
    collection: str
    acquired: datetime | None = None
    footprint: JSON | None = None  # ordered whole when there is no AOI

    @classmethod
    def of(cls, scene: Scene) -> SceneRef:
        return cls(scene.id, scene.collection, scene.acquired, scene.geometry)


@dataclass(frozen=True)
class Planned:
    """One request to estimate and place, or why a scene has none (``error``)."""

    scene: SceneRef
    request: OrderRequest | None = None
    error: str | None = None


def placement_stamp(now: datetime | None = None) -> str:
    """The run's time stamp in every order name it makes: a name never matches an older order."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def order_name(
    collection_title: str,
    acquired: datetime | None,
    scene_id: str,
    stamp: str,
    part: tuple[int, int] | None = None,
) -> str:
    """ "<collection> <scene date> <short scene id>[ · part i/n] (QGIS <stamp>)".

    Readable in the orders list, and unique per placement run: after an ambiguous POST the
    client finds the order again by display name plus the POST's own tag."""
    day = acquired.strftime("%Y-%m-%d") if acquired else ""
    head = " ".join(p for p in (collection_title.strip(), day, scene_id[:8]) if p)
    if part is not None and part[1] > 1:
        head = f"{head} · part {part[0]}/{part[1]}"
    tail = f" (QGIS {stamp})" if stamp else ""
    return head[: MAX_NAME - len(tail)] + tail


def polygon_parts(aoi: JSON) -> list[JSON]:
    """The Polygons of an AOI: UP42 takes one Polygon per feature (contract §6.1), so a
    MultiPolygon (the antimeridian cut makes one) becomes one order per part."""
    if aoi.get("type") == "MultiPolygon":
        return [{"type": "Polygon", "coordinates": c} for c in aoi.get("coordinates") or ()]
    return [aoi]


def requests_for(
    scenes: Sequence[SceneRef],
    product_for: ProductFor,
    aoi: JSON | None,
    *,
    title_for: Callable[[str], str] | None = None,
    stamp: str | None = None,
    budget_id: str | None = None,
) -> list[Planned]:
    """One request per scene and Polygon part of the AOI (or of the scene's footprint when
    there is no AOI); a scene without a data product carries the reason instead."""
    stamp = placement_stamp() if stamp is None else stamp
    planned: list[Planned] = []
    for scene in scenes:
        product_id, why_not = product_for(scene.collection)
        if not product_id:
            planned.append(Planned(scene, error=why_not))
            continue
        area = aoi or scene.footprint
        if not area:
            planned.append(Planned(scene, error="The scene has no footprint to order."))
            continue
        parts = polygon_parts(area)
        title = title_for(scene.collection) if title_for else scene.collection
        for number, part in enumerate(parts, start=1):
            name = order_name(
                title, scene.acquired, scene.scene_id, stamp, (number, len(parts))
            )
            request = OrderRequest(
                data_product_id=product_id,
                scene_id=scene.scene_id,
                aoi=part,
                display_name=name,
                budget_id=budget_id,
            )
            planned.append(Planned(scene, request=request))
    return planned


def _percent(progress: Percent | None, done: int, total: int) -> None:
    if progress is not None:
        progress(100.0 * done / max(1, total))


def estimate_all(
    client: Up42Client,
    requests: Sequence[OrderRequest],
    *,
    is_cancelled: IsCancelled | None = None,
    progress: Percent | None = None,
    on_result: Callable[[OrderRequest, Estimate], None] | None = None,
) -> list[Estimate]:
    """One Estimate per request, in order; a refusal of one request lands in its ``error``.

    Raises CancelledError when cancelled between two requests, and any other Up42Error
    (sign-in, network, server): the next request would fail the same way."""
    estimates: list[Estimate] = []
    for done, request in enumerate(requests):
        if is_cancelled is not None and is_cancelled():
            raise CancelledError("Cancelled.")
        try:
            estimate = client.estimate(request)
        except PER_SCENE_ERRORS as error:
            estimate = Estimate(scene_id=request.scene_id, error=str(error), failure=error)
        estimates.append(estimate)
        if on_result is not None:
            on_result(request, estimate)
        _percent(progress, done + 1, len(requests))
    return estimates


def place_all(
    client: Up42Client,
    requests: Sequence[OrderRequest],
    *,
    should_stop: IsCancelled | None = None,
    progress: Percent | None = None,
    on_result: Callable[[OrderRequest, PlacedOrder], None] | None = None,
    journal: PlacementJournal | None = None,
) -> list[PlacedOrder]:
    """Each request POSTed at most once, never retried; one PlacedOrder per request, in order.

    With a ``journal`` (one file in the profile, shared by the dock and Processing) each
    placement's tag is on disk before its POST, so a run after a crash finds the order.

    The client never re-sends a POST and looks an order up after an ambiguous failure.
    After a sign-in or network failure, or when ``should_stop()`` says so before the next
    POST, the remaining requests are reported as not sent (``sent=False``, the cause in
    ``failure``). The orders already placed are kept and reported; ``on_result`` hears each
    outcome as it comes (so a face can report it, and its user cancel, before the next)."""
    placed: list[PlacedOrder] = []
    stopped_by: Up42Error | None = None
    for done, request in enumerate(requests):
        if stopped_by is None and should_stop is not None and should_stop():
            stopped_by = CancelledError("Cancelled.")
        if stopped_by is not None:
            result = PlacedOrder(
                request.scene_id, error=str(stopped_by), sent=False, failure=stopped_by
            )
        else:
            try:
                result = client.place_order(request, journal)
            except Up42Error as error:
                result = PlacedOrder(request.scene_id, error=str(error), failure=error)
                if isinstance(error, STOPS_PLACEMENT):
                    stopped_by = error
        placed.append(result)
        if on_result is not None:
            on_result(request, result)
        _percent(progress, done + 1, len(requests))
    return placed
