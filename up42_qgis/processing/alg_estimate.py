"""``up42:estimate``: what ordering the scenes over the area would cost, scene by scene."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ..api.models import Estimate
from ..compat import FieldType
from ..i18n import tr
from ..toolbelt.formatting import format_credits
from .common import Up42Algorithm
from .scenes import (
    DATA_PRODUCT,
    Plan,
    SceneRow,
    add_product_parameter,
    add_scene_parameters,
    estimate_plans,
    plan_orders,
    read_scenes,
    table_fields,
    total_credits,
)

if TYPE_CHECKING:
    from ..api.client import Up42Client

OUTPUT = "OUTPUT"
TOTAL_CREDITS = "TOTAL_CREDITS"

ESTIMATE_FIELDS = (
    ("scene_id", FieldType.TEXT),
    ("credits", FieldType.DOUBLE),
    ("size", FieldType.DOUBLE),
    ("unit", FieldType.TEXT),
    ("error", FieldType.TEXT),
)


class ScenesAlgorithm(Up42Algorithm):
    """Reads SCENES and the area on the main thread (prepareAlgorithm), where a project
    layer's selection may be read; the requests run later in processAlgorithm."""

    def prepare(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> None:
        self.scenes: list[SceneRow] = []
        self.aoi: dict[str, Any] = {}
        self.scenes = read_scenes(self, parameters, context)
        self.aoi = self.aoi_geojson(parameters, context, feedback)

    def add_inputs(self) -> None:
        add_scene_parameters(self)
        self.add_aoi_parameters()
        add_product_parameter(self)

    def estimates(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        progress_span: float = 100.0,
    ) -> tuple[Up42Client, list[Plan], list[Estimate]]:
        client = self.client()
        data_product = self.parameterAsString(parameters, DATA_PRODUCT, context)
        plans = plan_orders(client, self.scenes, self.aoi, data_product)
        feedback.pushInfo(tr("Estimating {n} scenes.").format(n=len(plans)))
        estimates = estimate_plans(client, plans, feedback, progress_span)
        return client, plans, estimates


class EstimateAlgorithm(ScenesAlgorithm):
    def name(self) -> str:
        return "estimate"

    def title(self) -> str:
        return tr("Estimate order cost")

    def shortHelpString(self) -> str:
        return tr(
            "Estimates the credits to order each scene of SCENES (its selected features when "
            "it has a selection) clipped to EXTENT or the AOI polygons. DATA_PRODUCT is a data "
            "product id or name; by default each scene's collection's first orderable product. "
            "Scenes UP42 refuses get their reason in the 'error' column. Nothing is ordered."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.add_inputs()
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("UP42 estimates")))
        self.addOutput(QgsProcessingOutputNumber(TOTAL_CREDITS, tr("Total credits")))

    def perform(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        _, _, estimates = self.estimates(parameters, context, feedback)
        fields = table_fields(*ESTIMATE_FIELDS)
        sink, dest_id = self.parameterAsSink(
            parameters,
            OUTPUT,
            context,
            fields,
            QgsWkbTypes.Type.NoGeometry,
            QgsCoordinateReferenceSystem(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, OUTPUT))
        for estimate in estimates:
            feature = QgsFeature(fields)
            feature.setAttributes(
                [
                    estimate.scene_id,
                    estimate.credits,
                    estimate.size,
                    estimate.unit or None,
                    estimate.error,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        total = total_credits(estimates)
        refused = sum(1 for estimate in estimates if not estimate.ok)
        feedback.pushInfo(
            tr("Total: {credits} credits for {n} scenes ({refused} refused).").format(
                credits=format_credits(total), n=len(estimates) - refused, refused=refused
            )
        )
        return {OUTPUT: dest_id, TOTAL_CREDITS: total}
