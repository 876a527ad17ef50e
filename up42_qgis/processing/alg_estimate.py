"""``up42:estimate``: what ordering the scenes over the area would cost, scene by scene."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsFeature,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)

from ..api.errors import BudgetError
from ..api.models import Estimate
from ..compat import FieldType
from ..i18n import tr
from ..toolbelt.formatting import format_count, format_credits
from .common import AOI, EXTENT, Up42Algorithm, error_text, one_line
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
from .sinks import table_sink, write_features

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
        self.aoi: dict[str, Any] | None = None
        self.is_plan = False
        self.scenes, self.is_plan = read_scenes(self, parameters, context)
        if not self.is_plan:
            self.aoi = self.aoi_geojson(parameters, context, feedback)
            return
        # A coverage plan: each part is its own order's AOI.
        if parameters.get(EXTENT) not in (None, "") or parameters.get(AOI) not in (None, ""):
            feedback.pushWarning(
                tr("SCENES is a coverage plan: each part is its order's area, so "
                   "EXTENT and AOI are not used.")
            )
        feedback.pushInfo(
            tr("SCENES is a coverage plan: %Ln part(s), each ordered over its own "
               "polygon.", "", len(self.scenes))
        )

    def add_inputs(self) -> None:
        add_scene_parameters(self)
        self.add_aoi_parameters()
        add_product_parameter(self)
        self.add_budget_parameter()

    def estimates(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        progress_span: float = 100.0,
    ) -> tuple[Up42Client, list[Plan], list[Estimate]]:
        client = self.client()
        data_product = self.parameterAsString(parameters, DATA_PRODUCT, context)
        choice = self.budget_choice(client, parameters, context, feedback)
        plans = plan_orders(client, self.scenes, self.aoi, data_product, choice.budget_id)
        feedback.pushInfo(tr("Estimating %Ln scene(s).", "", len(plans)))
        try:
            estimates = estimate_plans(client, plans, feedback, progress_span)
        except BudgetError as error:  # api/budgets words it; say which parameter to set
            raise QgsProcessingException(
                one_line(f"{error_text(error)} {tr('Set BUDGET to its name or id.')}")
            ) from None
        return client, plans, estimates

    @staticmethod
    def zero_priced(plans: list[Plan], estimates: list[Estimate]) -> list[Plan]:
        """The plans UP42 priced at 0 credits for an area (``api.order_guard``'s rule)."""
        from ..api.order_guard import zero_price_indexes

        pairs = [(p, e) for p, e in zip(plans, estimates, strict=True) if p.request is not None]
        requests = [p.request for p, _ in pairs if p.request is not None]
        found = zero_price_indexes(requests, [e for _, e in pairs])
        return [pairs[i][0] for i in found]


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
            "Scenes UP42 refuses get their reason in the 'error' column. Nothing is ordered. "
            "SCENES may be a coverage plan (made by 'Plan coverage'): then each part is "
            "estimated over its own polygon and no EXTENT or AOI is needed. BUDGET (a name or "
            "id) is sent as the budget to charge."
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
        _, plans, estimates = self.estimates(parameters, context, feedback)
        fields = table_fields(*ESTIMATE_FIELDS)
        sink, dest_id = table_sink(self, parameters, OUTPUT, context, fields)
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
            write_features(sink, [feature])
        for plan in self.zero_priced(plans, estimates):
            feedback.pushWarning(
                tr("{scene}: UP42 estimated 0 credits for an area; up42:order places it only "
                   "with ALLOW_ZERO_PRICE=true.").format(scene=plan.scene.scene_id)
            )
        total = total_credits(estimates)
        refused = sum(1 for estimate in estimates if not estimate.ok)
        feedback.pushInfo(
            tr(
                "Total: {credits} credits for %Ln scene(s) ({refused} refused).",
                "",
                len(estimates) - refused,
            ).format(credits=format_credits(total), refused=format_count(refused))
        )
        return {OUTPUT: dest_id, TOTAL_CREDITS: total}
