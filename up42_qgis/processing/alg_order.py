"""``up42:order``: estimate, then place one order per scene, only within MAX_CREDITS.

Money rules: the estimate always comes first; nothing is placed when its total is above
MAX_CREDITS; each order is POSTed once and never retried (the client looks an order up after
an ambiguous failure instead of sending it again).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsFeature,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
)

from ..api.models import Estimate, OrderRequest, PlacedOrder
from ..api.order_guard import open_duplicates
from ..compat import FieldType
from ..i18n import tr
from ..toolbelt.formatting import format_credits
from ..toolbelt.messages import placement_failure
from .alg_estimate import ScenesAlgorithm
from .placing import place_reporting
from .scenes import Plan, table_fields, total_credits
from .sinks import table_sink, write_features

if TYPE_CHECKING:
    from ..api.client import Up42Client

MAX_CREDITS = "MAX_CREDITS"
ALLOW_ZERO_PRICE = "ALLOW_ZERO_PRICE"
ALLOW_DUPLICATES = "ALLOW_DUPLICATES"
OUTPUT = "OUTPUT"
ORDER_IDS = "ORDER_IDS"

ORDER_FIELDS = (
    ("scene_id", FieldType.TEXT),
    ("order_id", FieldType.TEXT),
    ("error", FieldType.TEXT),
)
ESTIMATE_SHARE = 40.0  # progress: the estimate is the first 40 %
PLACE_SHARE = 100.0 - ESTIMATE_SHARE


class OrderAlgorithm(ScenesAlgorithm):
    def name(self) -> str:
        return "order"

    def title(self) -> str:
        return tr("Order scenes")

    def shortHelpString(self) -> str:
        return tr(
            "Estimates the scenes like 'Estimate order cost', then places one order per scene "
            "— but only when the total is at most MAX_CREDITS: above it nothing is placed. "
            "Every order is sent once and never retried. Scenes UP42 refuses get their reason "
            "in the 'error' column. ORDER_IDS (comma-separated) feeds 'Download orders'. "
            "Scenes already on order in the workspace (same scene, product and area) are "
            "refused unless ALLOW_DUPLICATES, a price of 0 credits unless ALLOW_ZERO_PRICE. "
            "SCENES may be a coverage plan: one order per part, over the part's polygon."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.add_inputs()
        self.add_number(
            MAX_CREDITS, tr("Most credits to spend (nothing is ordered above it)"), minimum=0.0
        )
        self.add_yes_parameter(
            ALLOW_ZERO_PRICE,
            tr("Place orders UP42 prices at 0 credits for an area (refused otherwise)"),
        )
        self.add_yes_parameter(
            ALLOW_DUPLICATES,
            tr("Order scenes already on order in the workspace again (refused otherwise)"),
        )
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("UP42 orders")))
        self.addOutput(QgsProcessingOutputString(ORDER_IDS, tr("Order ids (comma-separated)")))

    def perform(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        if parameters.get(MAX_CREDITS) in (None, ""):
            raise QgsProcessingException(tr("MAX_CREDITS is required: the most credits to spend."))
        max_credits = self.parameterAsDouble(parameters, MAX_CREDITS, context)
        client, plans, estimates = self.estimates(parameters, context, feedback, ESTIMATE_SHARE)
        total = total_credits(estimates)
        if total > max_credits:
            raise QgsProcessingException(
                tr(
                    "The estimate is {total} credits, above MAX_CREDITS {most}: nothing was "
                    "ordered."
                ).format(total=format_credits(total), most=format_credits(max_credits))
            )
        orderable = [
            (plan, estimate)
            for plan, estimate in zip(plans, estimates, strict=True)
            if plan.request is not None and estimate.ok
        ]
        if not orderable:
            raise QgsProcessingException(
                tr("UP42 refused every scene, nothing was ordered: {reason}").format(
                    reason=next((e.error for e in estimates if e.error), "")
                )
            )
        feedback.pushInfo(
            tr(
                "Placing %Ln order(s) for {credits} credits (MAX_CREDITS {most}).",
                "",
                len(orderable),
            ).format(credits=format_credits(total), most=format_credits(max_credits))
        )
        requests = [plan.request for plan, _ in orderable if plan.request is not None]
        self._check_zero_prices(parameters, context, feedback, plans, estimates)
        self._check_duplicates(client, parameters, context, feedback, requests)
        placed = self._place(client, requests, feedback)
        if not any(order.order_id for order in placed):
            raise QgsProcessingException(
                tr("No order was placed: {reason}").format(reason=placed[0].error or "")
            )
        sent = {id(plan.request): order for (plan, _), order in zip(orderable, placed, strict=True)}
        results = [
            sent.get(id(plan.request)) or PlacedOrder(plan.scene.scene_id, error=estimate.error)
            for plan, estimate in zip(plans, estimates, strict=True)
        ]
        return self._write(parameters, context, feedback, plans, results)

    def _check_zero_prices(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        plans: list[Plan],
        estimates: list[Estimate],
    ) -> None:
        """A price of 0 credits for an area needs ALLOW_ZERO_PRICE=true (the dock asks)."""
        zero = self.zero_priced(plans, estimates)
        if not zero:
            return
        scenes = ", ".join(plan.scene.scene_id for plan in zero)
        if self.parameterAsBoolean(parameters, ALLOW_ZERO_PRICE, context):
            feedback.pushWarning(
                tr("UP42 estimated 0 credits for {scenes}; placing them (ALLOW_ZERO_PRICE).")
                .format(scenes=scenes)
            )
            return
        raise QgsProcessingException(
            tr(
                "UP42 estimated 0 credits for an area for {scenes}: a free product or a wrong "
                "price. Nothing was ordered; set ALLOW_ZERO_PRICE=true to order it anyway."
            ).format(scenes=scenes)
        )

    def _check_duplicates(
        self,
        client: Up42Client,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        requests: list[OrderRequest],
    ) -> None:
        """Orders of the same scene, product and AOI already in the workspace (a second run,
        a re-run after a crash) refuse the run unless ALLOW_DUPLICATES=true."""
        duplicates = open_duplicates(client, requests)
        if not duplicates:
            return
        listed = "; ".join(
            tr("{scene}: {orders}").format(
                scene=requests[index].scene_id,
                orders=", ".join(f"{o.id} ({o.status})" for o in orders[:3]),
            )
            for index, orders in sorted(duplicates.items())
        )
        if self.parameterAsBoolean(parameters, ALLOW_DUPLICATES, context):
            feedback.pushWarning(
                tr("Already on order, ordering again (ALLOW_DUPLICATES): {orders}").format(
                    orders=listed
                )
            )
            return
        raise QgsProcessingException(
            tr(
                "%Ln scene(s) already on order in the workspace (same scene, data product "
                "and area): {orders}. Nothing was ordered; set ALLOW_DUPLICATES=true to order "
                "them again.",
                "",
                len(duplicates),
            ).format(orders=listed)
        )

    def _place(
        self,
        client: Up42Client,
        requests: list[OrderRequest],
        feedback: QgsProcessingFeedback,
    ) -> list[PlacedOrder]:
        """Each request POSTed at most once (``placing.place_reporting``); cancelling stops
        before the next POST, the orders already placed are kept."""
        placed = place_reporting(
            client,
            requests,
            feedback,
            placed_text=tr("{scene}: order {order} placed."),
            failed_text=tr("{scene}: {error}"),
            progress=lambda p: feedback.setProgress(ESTIMATE_SHARE + PLACE_SHARE * p / 100),
        )
        return [o if o.order_id else replace(o, error=placement_failure(o)) for o in placed]

    def _write(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        plans: list[Plan],
        results: list[PlacedOrder],
    ) -> dict[str, Any]:
        fields = table_fields(*ORDER_FIELDS)
        sink, dest_id = table_sink(self, parameters, OUTPUT, context, fields)
        order_ids: list[str] = []
        for plan, order in zip(plans, results, strict=True):
            if order.order_id:
                order_ids.append(order.order_id)
            feature = QgsFeature(fields)
            feature.setAttributes([plan.scene.scene_id, order.order_id, order.error])
            write_features(sink, [feature])
        feedback.pushInfo(
            tr("%Ln order(s) placed: {ids}", "", len(order_ids)).format(ids=", ".join(order_ids))
        )
        return {OUTPUT: dest_id, ORDER_IDS: ",".join(order_ids)}
