"""``up42:quotations``: the tasking orders' quotations and feasibility studies as a table, and
the user's decision on them when (and only when) DECISION says so.

Money rules: DECISION=none (the default) only lists. DECISION=accept needs MAX_CREDITS and
accepts nothing when the pending quotations cost more than that together; each quotation is
read again and accepted at most at the price listed (``Up42Client.decide_quotation``). A
feasibility option is accepted only when named in OPTION_IDS, with DECISION=accept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsFeature,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..api.errors import (
    AuthenticationError,
    CancelledError,
    DecisionUnknownError,
    NetworkError,
    Up42Error,
)
from ..api.tasking_models import Decision, FeasibilityStudy, Quotation
from ..compat import FieldType
from ..i18n import tr
from ..toolbelt.formatting import format_count, format_credits
from ..toolbelt.messages import error_text
from .common import Up42Algorithm
from .scenes import table_fields
from .sinks import table_sink, write_features

if TYPE_CHECKING:
    from ..api.client import Up42Client

ORDER_IDS = "ORDER_IDS"
DECISION = "DECISION"
MAX_CREDITS = "MAX_CREDITS"
OPTION_IDS = "OPTION_IDS"
OUTPUT = "OUTPUT"
DECIDED = "DECIDED"
DECISIONS = ("none", "accept", "reject")
NOT_DECIDED = (str(Decision.NOT_DECIDED),)
# After these, no further decision is sent: every later one would fail alike.
STOPS = (AuthenticationError, NetworkError)

FIELDS = (
    ("kind", FieldType.TEXT),  # quotation | feasibility
    ("id", FieldType.TEXT),
    ("order_id", FieldType.TEXT),
    ("decision", FieldType.TEXT),
    ("credits", FieldType.DOUBLE),
    ("option_id", FieldType.TEXT),
    ("option", FieldType.TEXT),
    ("result", FieldType.TEXT),  # what this run did
    ("error", FieldType.TEXT),
)


@dataclass
class Row:
    kind: str
    id: str
    order_id: str
    decision: str
    credits: float | None = None
    option_id: str | None = None
    option: str | None = None
    result: str | None = None
    error: str | None = None


def _ids(text: str) -> list[str] | None:
    ids = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    return ids or None


class QuotationsAlgorithm(Up42Algorithm):
    def name(self) -> str:
        return "quotations"

    def title(self) -> str:
        return tr("Tasking quotations and feasibility studies")

    def shortHelpString(self) -> str:
        return tr(
            "Lists the quotations and feasibility studies of the tasking orders in ORDER_IDS "
            "(comma-separated; empty: every one in the workspace that waits for a decision), "
            "with their prices, options and decisions. Nothing is decided unless DECISION is "
            "'accept' or 'reject'. 'accept' needs MAX_CREDITS and accepts nothing when the "
            "waiting quotations cost more than that together; feasibility options are "
            "accepted only when their ids are in OPTION_IDS. 'reject' cancels those orders."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                ORDER_IDS,
                tr("Tasking order ids (empty: all waiting for a decision)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                DECISION,
                tr("Decision (none: only list)"),
                list(DECISIONS),
                False,
                DECISIONS[0],
                False,
                True,  # static strings: DECISION=accept in qgis_process and processing.run
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                MAX_CREDITS,
                tr("Most credits to accept in total (needed to accept)"),
                type=QgsProcessingParameterNumber.Type.Double,
                minValue=0.0,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                OPTION_IDS, tr("Feasibility option ids to accept (with accept)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(OUTPUT, tr("UP42 quotations and studies"))
        )
        self.addOutput(QgsProcessingOutputString(DECIDED, tr("Ids decided (comma-separated)")))

    def perform(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        order_ids = _ids(self.parameterAsString(parameters, ORDER_IDS, context))
        decision = self.parameterAsEnumString(parameters, DECISION, context) or DECISIONS[0]
        option_ids = _ids(self.parameterAsString(parameters, OPTION_IDS, context)) or []
        has_limit = parameters.get(MAX_CREDITS) not in (None, "")
        limit = self.parameterAsDouble(parameters, MAX_CREDITS, context) if has_limit else None
        if decision == "accept" and limit is None:
            raise QgsProcessingException(
                tr(
                    "DECISION=accept needs MAX_CREDITS, the most credits to accept: nothing "
                    "was accepted."
                )
            )
        if option_ids and decision != "accept":
            raise QgsProcessingException(
                tr("OPTION_IDS are accepted only with DECISION=accept: nothing was decided.")
            )
        client = self.client()
        decisions = None if order_ids else list(NOT_DECIDED)
        quotations = client.quotations(order_ids, decisions)
        studies = client.feasibility_studies(order_ids, decisions)
        self.stop_if_cancelled(feedback)
        rows = [self._quotation_row(q) for q in quotations]
        study_rows = [row for s in studies for row in self._study_rows(s)]
        decided: list[str] = []
        if decision == "accept":
            # MAX_CREDITS first: above it nothing at all is decided, not even an option.
            acceptable = self._acceptable(quotations, rows, limit or 0.0)
            decided += self._accept_options(client, studies, option_ids, study_rows, feedback)
            decided += self._decide(client, acceptable, Decision.ACCEPTED, feedback)
        elif decision == "reject":
            decided += self._reject(client, quotations, rows, feedback)
        dest_id = self._write(parameters, context, [*rows, *study_rows])
        feedback.pushInfo(
            tr(
                "Quotations: %Ln; feasibility studies: {studies}; decided now: {decided}.",
                "",
                len(quotations),
            ).format(studies=format_count(len(studies)), decided=format_count(len(decided)))
        )
        return {OUTPUT: dest_id, DECIDED: ",".join(decided)}

    # --- rows -----------------------------------------------------------------------------
    @staticmethod
    def _quotation_row(quotation: Quotation) -> Row:
        return Row(
            "quotation",
            quotation.id,
            quotation.order_id,
            str(quotation.decision),
            quotation.credits_price,
            error=quotation.price_error,
        )

    @staticmethod
    def _study_rows(study: FeasibilityStudy) -> list[Row]:
        chosen = study.decision_option.id if study.decision_option else None
        rows = [
            Row(
                "feasibility",
                study.id,
                study.order_id,
                str(study.decision),
                option_id=option.id,
                option=option.description,
                result=tr("chosen") if chosen and option.id == chosen else None,
            )
            for option in study.options
        ]
        return rows or [Row("feasibility", study.id, study.order_id, str(study.decision))]

    # --- decisions (only those DECISION asks for) ------------------------------------------
    @staticmethod
    def _acceptable(
        quotations: list[Quotation], rows: list[Row], limit: float
    ) -> list[tuple[Quotation, Row]]:
        """The waiting quotations to accept; raises (nothing decided) above ``limit``."""
        pending = [(q, r) for q, r in zip(quotations, rows, strict=True) if q.is_pending]
        for quotation, row in pending:
            if not quotation.can_accept:
                row.result = tr("not accepted: no usable price")
        acceptable = [(q, r) for q, r in pending if q.can_accept]
        total = sum(q.credits_price or 0.0 for q, _ in acceptable)
        if total > limit:
            raise QgsProcessingException(
                tr(
                    "The waiting quotations cost {total} credits, above MAX_CREDITS {most}: "
                    "nothing was accepted."
                ).format(total=format_credits(total), most=format_credits(limit))
            )
        return acceptable

    def _reject(
        self,
        client: Up42Client,
        quotations: list[Quotation],
        rows: list[Row],
        feedback: QgsProcessingFeedback,
    ) -> list[str]:
        pending = [(q, r) for q, r in zip(quotations, rows, strict=True) if q.is_pending]
        return self._decide(client, pending, Decision.REJECTED, feedback)

    def _decide(
        self,
        client: Up42Client,
        items: list[tuple[Quotation, Row]],
        decision: Decision,
        feedback: QgsProcessingFeedback,
    ) -> list[str]:
        decided: list[str] = []
        stopped: Up42Error | None = None
        for quotation, row in items:
            if stopped is None and feedback.isCanceled():
                stopped = CancelledError()
            if stopped is not None:
                row.result, row.error = tr("not sent"), error_text(stopped)
                continue
            feedback.pushInfo(
                tr("{decision} the quotation of order {order}: {credits} credits.").format(
                    decision=tr("Accepting") if decision == Decision.ACCEPTED else tr("Rejecting"),
                    order=quotation.order_id,
                    credits=format_credits(quotation.credits_price),
                )
            )
            try:
                after = client.decide_quotation(
                    quotation.id, decision, confirmed_credits=quotation.credits_price
                )
            except Up42Error as error:
                unknown = isinstance(error, DecisionUnknownError)
                row.result = tr("unknown: check it") if unknown else tr("not decided")
                row.error = error_text(error)
                feedback.reportError(f"{quotation.order_id}: {row.error}", False)
                if isinstance(error, STOPS):
                    stopped = error
                continue
            row.decision = str(after.decision)
            row.result = tr("accepted") if decision == Decision.ACCEPTED else tr("rejected")
            decided.append(quotation.id)
        return decided

    def _accept_options(
        self,
        client: Up42Client,
        studies: list[FeasibilityStudy],
        option_ids: list[str],
        rows: list[Row],
        feedback: QgsProcessingFeedback,
    ) -> list[str]:
        by_option = {o.id: s for s in studies for o in s.options if o.id}
        unknown = [o for o in option_ids if o not in by_option]
        if unknown:
            raise QgsProcessingException(
                tr(
                    "{ids} are not options of these feasibility studies: nothing was accepted."
                ).format(ids=", ".join(unknown))
            )
        decided: list[str] = []
        for option_id in option_ids:
            study = by_option[option_id]
            row = next(r for r in rows if r.id == study.id and r.option_id == option_id)
            try:
                after = client.accept_feasibility_option(study.id, option_id)
            except Up42Error as error:
                maybe = isinstance(error, DecisionUnknownError)
                row.result = tr("unknown: check it") if maybe else tr("not accepted")
                row.error = error_text(error)
                feedback.reportError(f"{study.order_id}: {row.error}", False)
                continue
            for other in rows:
                if other.id == study.id:
                    other.decision = str(after.decision)
            row.result = tr("accepted")
            decided.append(study.id)
        return decided

    # --- the table ------------------------------------------------------------------------
    def _write(
        self, parameters: dict[str, Any], context: QgsProcessingContext, rows: list[Row]
    ) -> str:
        fields = table_fields(*FIELDS)
        sink, dest_id = table_sink(self, parameters, OUTPUT, context, fields)
        features = []
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(
                [
                    row.kind,
                    row.id,
                    row.order_id,
                    row.decision,
                    row.credits,
                    row.option_id,
                    row.option,
                    row.result,
                    row.error,
                ]
            )
            features.append(feature)
        write_features(sink, features)  # checked: a refused row fails the run, saying why
        return str(dest_id)
