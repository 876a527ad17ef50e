"""The steps ``up42:estimate`` and ``up42:order`` share: read SCENES, pick each scene's data
product, build one OrderRequest per scene and estimate them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..api.errors import LicenceError, NotFoundError, ValidationError
from ..api.models import Collection, Estimate, OrderRequest
from ..compat import FieldType, make_field
from ..i18n import tr
from .common import one_line

if TYPE_CHECKING:
    from ..api.client import Up42Client

SCENES = "SCENES"
DATA_PRODUCT = "DATA_PRODUCT"
REQUIRED_FIELDS = ("scene_id", "collection")

# Refusals that concern one scene only: the other scenes may still be estimated or ordered.
PER_SCENE_ERRORS = (ValidationError, LicenceError, NotFoundError)


@dataclass(frozen=True)
class SceneRow:
    scene_id: str
    collection: str
    acquired: datetime | None = None


@dataclass(frozen=True)
class Plan:
    """One scene to estimate or order: its request, or why there is none."""

    scene: SceneRow
    request: OrderRequest | None = None
    error: str | None = None


def add_scene_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            SCENES,
            tr("Scenes (a layer made by 'Search scenes'; its selection, if any)"),
            [QgsProcessing.SourceType.TypeVector],
        )
    )


def add_product_parameter(algorithm: QgsProcessingAlgorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterString(
            DATA_PRODUCT,
            tr("Data product id or name (empty: the first orderable one of each collection)"),
            optional=True,
        )
    )


def table_fields(*spec: tuple[str, FieldType]) -> QgsFields:
    fields = QgsFields()
    for name, kind in spec:
        fields.append(make_field(name, kind))
    return fields


# --- SCENES ----------------------------------------------------------------------------------
def read_scenes(
    algorithm: QgsProcessingAlgorithm,
    parameters: dict[str, Any],
    context: QgsProcessingContext,
) -> list[SceneRow]:
    """The scenes of SCENES: the layer's selected features when it has a selection.

    Called from prepareAlgorithm, i.e. on the main thread in the desktop, where reading a
    project layer's selection is safe.
    """
    raw = parameters.get(SCENES)
    if isinstance(raw, QgsProcessingFeatureSourceDefinition) and raw.selectedFeaturesOnly:
        layer = None  # the source already stands for the selection
    else:
        layer = algorithm.parameterAsVectorLayer(parameters, SCENES, context)
    if layer is not None and layer.selectedFeatureCount() > 0:
        fields, features = layer.fields(), list(layer.getSelectedFeatures())
    else:
        source = algorithm.parameterAsSource(parameters, SCENES, context)
        if source is None:
            raise QgsProcessingException(tr("SCENES could not be read."))
        fields, features = source.fields(), list(source.getFeatures())
    missing = [name for name in REQUIRED_FIELDS if fields.indexOf(name) < 0]
    if missing:
        raise QgsProcessingException(
            tr("SCENES lacks the field(s) {fields}: use a layer made by 'Search scenes'.").format(
                fields=", ".join(missing)
            )
        )
    rows: dict[str, SceneRow] = {}
    for feature in features:
        row = _scene_row(feature, fields)
        if row is not None:
            rows.setdefault(row.scene_id, row)
    if not rows:
        raise QgsProcessingException(tr("SCENES has no scene with a scene_id and a collection."))
    return list(rows.values())


def _scene_row(feature: QgsFeature, fields: QgsFields) -> SceneRow | None:
    scene_id = _text(feature.attribute("scene_id"))
    collection = _text(feature.attribute("collection"))
    if not scene_id or not collection:
        return None
    acquired = None
    if fields.indexOf("acquired") >= 0:
        acquired = _datetime(feature.attribute("acquired"))
    return SceneRow(scene_id, collection, acquired)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return ""
    return str(value).strip()


def _datetime(value: Any) -> datetime | None:
    if isinstance(value, QDateTime) and value.isValid():
        return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, tz=UTC)
    if isinstance(value, QDate) and value.isValid():
        return datetime(value.year(), value.month(), value.day(), tzinfo=UTC)
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


# --- data products ---------------------------------------------------------------------------
def product_chooser(
    collections: Sequence[Collection], wanted: str
) -> Callable[[str], tuple[str | None, str | None]]:
    """A function: collection name → (data product id, None) or (None, why not)."""
    by_name = {collection.name.lower(): collection for collection in collections}
    wanted = wanted.strip()

    def matches(product: Any) -> bool:
        return wanted in (product.id, product.name) or product.name.lower() == wanted.lower()

    def choose(collection_name: str) -> tuple[str | None, str | None]:
        collection = by_name.get(collection_name.lower())
        if collection is None:
            return None, tr("Unknown collection '{name}'.").format(name=collection_name)
        orderable = collection.orderable_products
        if not wanted:
            if not orderable:
                return None, tr("Collection '{name}' has no orderable data product.").format(
                    name=collection.name
                )
            return orderable[0].id, None
        for product in orderable:
            if matches(product):
                return product.id, None
        owners = [c.name for c in collections for p in c.orderable_products if matches(p)]
        if owners:
            return None, tr(
                "Data product '{product}' belongs to {owners}, not to '{name}'."
            ).format(product=wanted, owners=", ".join(owners), name=collection.name)
        return None, tr(
            "Collection '{name}' has no data product '{product}' (it has: {has})."
        ).format(
            name=collection.name,
            product=wanted,
            has=", ".join(p.name for p in orderable) or tr("none"),
        )

    return choose


def plan_orders(
    client: Up42Client,
    scenes: Sequence[SceneRow],
    aoi: dict[str, Any],
    data_product: str,
) -> list[Plan]:
    """One plan per scene; a scene whose product cannot be chosen carries the reason."""
    choose = product_chooser(client.collections(), data_product)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    plans: list[Plan] = []
    for scene in scenes:
        product_id, error = choose(scene.collection)
        if product_id is None:
            plans.append(Plan(scene, error=error))
            continue
        request = OrderRequest(
            data_product_id=product_id,
            scene_id=scene.scene_id,
            aoi=aoi,
            display_name=display_name(scene, stamp),
        )
        plans.append(Plan(scene, request=request))
    if data_product and all(plan.request is None for plan in plans):
        # The same refusal for every scene is a bad input: say it once, before any request.
        raise QgsProcessingException(one_line(plans[0].error or ""))
    return plans


def display_name(scene: SceneRow, stamp: str) -> str:
    """Readable in the orders list, and unique per run: the client finds an order by display
    name after an ambiguous POST failure, so it must not match an older order."""
    day = scene.acquired.strftime("%Y-%m-%d") if scene.acquired else ""
    parts = [scene.collection, day, scene.scene_id[:8], f"(QGIS {stamp})"]
    return " ".join(part for part in parts if part)[:200]


def estimate_plans(
    client: Up42Client,
    plans: Sequence[Plan],
    feedback: QgsProcessingFeedback,
    progress_span: float = 100.0,
) -> list[Estimate]:
    """One Estimate per plan, in order; per-scene refusals land in ``Estimate.error``.

    Sign-in, network and server failures raise: the next scene would fail the same way.
    """
    estimates: list[Estimate] = []
    for done, plan in enumerate(plans):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled."))
        if plan.request is None:
            estimate = Estimate(scene_id=plan.scene.scene_id, error=plan.error)
        else:
            try:
                estimate = client.estimate(plan.request)
            except PER_SCENE_ERRORS as error:
                estimate = Estimate(scene_id=plan.scene.scene_id, error=one_line(str(error)))
        estimates.append(estimate)
        if estimate.error:
            feedback.pushWarning(
                tr("{scene}: {error}").format(scene=plan.scene.scene_id, error=estimate.error)
            )
        else:
            feedback.pushInfo(
                tr("{scene}: {credits} credits ({size} {unit})").format(
                    scene=plan.scene.scene_id,
                    credits=format_credits(estimate.credits),
                    size=estimate.size if estimate.size is not None else "?",
                    unit=estimate.unit,
                )
            )
        feedback.setProgress(progress_span * (done + 1) / max(1, len(plans)))
    return estimates


def total_credits(estimates: Sequence[Estimate]) -> float:
    return float(sum(estimate.credits or 0 for estimate in estimates if estimate.ok))


def format_credits(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
