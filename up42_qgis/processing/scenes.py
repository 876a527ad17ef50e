"""What ``up42:estimate`` and ``up42:order`` add to the ordering steps of ``api.ordering``:
read SCENES, pick each scene's data product from DATA_PRODUCT, report over feedback."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
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

from ..api.models import Collection, Estimate, OrderRequest
from ..api.ordering import Planned, SceneRef, estimate_all, requests_for
from ..compat import FieldType, make_field
from ..i18n import tr
from ..layers.plan_parts import is_plan_layer, plan_scene_refs, text_value, time_value
from ..toolbelt.formatting import format_credits, format_euros_estimate, format_number
from ..toolbelt.messages import failure_text, one_line

if TYPE_CHECKING:
    from ..api.client import Up42Client

SCENES = "SCENES"
DATA_PRODUCT = "DATA_PRODUCT"
REQUIRED_FIELDS = ("scene_id", "collection")

SceneRow = SceneRef  # a row of SCENES: what ordering needs of a scene
Plan = Planned  # one request to estimate and order, or why a scene has none


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
) -> tuple[list[SceneRow], bool]:
    """The scenes of SCENES (the layer's selected features when it has a selection), and
    whether SCENES is a coverage plan (``layers.plans.is_plan_layer``): then each feature is
    one order whose AOI is the feature's own geometry (in EPSG:4326), and no EXTENT or AOI is
    needed.

    Called from prepareAlgorithm, i.e. on the main thread in the desktop, where reading a
    project layer's selection is safe.
    """
    raw = parameters.get(SCENES)
    if isinstance(raw, QgsProcessingFeatureSourceDefinition) and raw.selectedFeaturesOnly:
        layer = None  # the source already stands for the selection
    else:
        layer = algorithm.parameterAsVectorLayer(parameters, SCENES, context)
    if layer is not None and layer.selectedFeatureCount() > 0:
        fields, features, crs = layer.fields(), list(layer.getSelectedFeatures()), layer.crs()
    else:
        source = algorithm.parameterAsSource(parameters, SCENES, context)
        if source is None:
            raise QgsProcessingException(tr("SCENES could not be read."))
        fields, features, crs = source.fields(), list(source.getFeatures()), source.sourceCrs()
    missing = [name for name in REQUIRED_FIELDS if fields.indexOf(name) < 0]
    if missing:
        raise QgsProcessingException(
            tr("SCENES lacks the field(s) {fields}: use a layer made by 'Search scenes'.").format(
                fields=", ".join(missing)
            )
        )
    if is_plan_layer(fields):
        plan = plan_scene_refs(features, crs, context.transformContext())
        if not plan:
            raise QgsProcessingException(
                tr("SCENES has no part with a scene_id, a collection and a polygon.")
            )
        return plan, True
    rows: dict[str, SceneRow] = {}
    for feature in features:
        row = _scene_row(feature, fields)
        if row is not None:
            rows.setdefault(row.scene_id, row)
    if not rows:
        raise QgsProcessingException(tr("SCENES has no scene with a scene_id and a collection."))
    return list(rows.values()), False


def _scene_row(feature: QgsFeature, fields: QgsFields) -> SceneRow | None:
    scene_id = text_value(feature.attribute("scene_id"))
    collection = text_value(feature.attribute("collection"))
    if not scene_id or not collection:
        return None
    acquired = None
    if fields.indexOf("acquired") >= 0:
        acquired = time_value(feature.attribute("acquired"))
    return SceneRow(scene_id, collection, acquired)


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
    aoi: dict[str, Any] | None,
    data_product: str,
    budget_id: str | None = None,
) -> list[Plan]:
    """``api.ordering.requests_for`` with DATA_PRODUCT's choice: one plan per request (a
    MultiPolygon AOI gives one per part); a scene whose product cannot be chosen carries the
    reason. Without ``aoi`` (a coverage plan) each row's own footprint is its order's AOI."""
    collections = client.collections()
    titles = {collection.name.lower(): collection.title for collection in collections}
    plans = requests_for(
        scenes,
        product_chooser(collections, data_product),
        aoi,
        title_for=lambda name: titles.get(name.lower()) or name,
        budget_id=budget_id,
    )
    if data_product and all(plan.request is None for plan in plans):
        # The same refusal for every scene is a bad input: say it once, before any request.
        raise QgsProcessingException(one_line(plans[0].error or ""))
    return plans


def estimate_plans(
    client: Up42Client,
    plans: Sequence[Plan],
    feedback: QgsProcessingFeedback,
    progress_span: float = 100.0,
) -> list[Estimate]:
    """``api.ordering.estimate_all`` over feedback: one Estimate per plan, in order;
    per-scene refusals land in ``Estimate.error``; sign-in, network and server failures raise."""
    def report(request: OrderRequest, estimate: Estimate) -> None:
        if estimate.error:
            feedback.pushWarning(
                tr("{scene}: {error}").format(
                    scene=request.scene_id, error=failure_text(estimate.failure, estimate.error)
                )
            )
        else:
            feedback.pushInfo(
                tr("{scene}: {credits} credits, {euros} ({size} {unit})").format(
                    scene=request.scene_id,
                    credits=format_credits(estimate.credits),
                    euros=format_euros_estimate(estimate.credits),
                    size=format_number(estimate.size, 2) if estimate.size is not None else "?",
                    unit=estimate.unit,
                )
            )

    for plan in plans:
        if plan.request is None:
            feedback.pushWarning(
                tr("{scene}: {error}").format(scene=plan.scene.scene_id, error=plan.error)
            )
    estimated = iter(
        estimate_all(
            client,
            [plan.request for plan in plans if plan.request is not None],
            is_cancelled=feedback.isCanceled,
            progress=lambda percent: feedback.setProgress(progress_span * percent / 100),
            on_result=report,
        )
    )
    estimates: list[Estimate] = []
    for plan in plans:
        if plan.request is None:
            estimates.append(Estimate(scene_id=plan.scene.scene_id, error=plan.error))
            continue
        estimate = next(estimated)
        if estimate.error:
            estimate = replace(estimate, error=failure_text(estimate.failure, estimate.error))
        estimates.append(estimate)
    return estimates


def total_credits(estimates: Sequence[Estimate]) -> float:
    return float(sum(estimate.credits or 0 for estimate in estimates if estimate.ok))
