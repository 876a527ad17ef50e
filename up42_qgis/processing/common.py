"""What the UP42 algorithms share: the client, the AOI parameters and one-line failures
(the sentences themselves come from ``toolbelt.messages``, as in the dock).

Algorithms call the api directly from ``processAlgorithm``: in the desktop Processing already
runs it in a worker thread, and in qgis_process there is no interactive GUI to block.
"""

from __future__ import annotations

import json
import traceback
from typing import TYPE_CHECKING, Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMessageLog,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QIcon

from ..api.errors import Up42Error
from ..i18n import tr
from ..paths import icon_path
from ..toolbelt.constants import LOG_TAG
from ..toolbelt.constants import WGS84 as WGS84_AUTHID
from ..toolbelt.formatting import format_count
from ..toolbelt.messages import error_text, one_line

if TYPE_CHECKING:
    from ..api.client import Up42Client
    from ..api.order_guard import BudgetChoice

__all__ = ["Up42Algorithm", "error_text", "in_desktop", "one_line"]

WGS84 = QgsCoordinateReferenceSystem(WGS84_AUTHID)
EXTENT = "EXTENT"
AOI = "AOI"
BUDGET = "BUDGET"


def _never() -> bool:
    return False


# The toolbox lists the algorithms in this order (it sorts them by their display names,
# which therefore start with the step's number): the order a user runs them in.
WORKFLOW = (
    "search",
    "plan_coverage",
    "estimate",
    "order",
    "download",
    # tasking: a new acquisition instead of an archive scene, then its quotation
    "task",
    "quotations",
)


def workflow_title(algorithm_id: str, title: str) -> str:
    """ "1. Search scenes": the step's place in the workflow, then its title."""
    if algorithm_id not in WORKFLOW:
        return title
    step = format_count(WORKFLOW.index(algorithm_id) + 1)
    return tr("{step}. {title}").format(step=step, title=title)


def in_desktop() -> bool:
    """True when a QGIS interface is there to show layers (the desktop, not qgis_process)."""
    try:
        from qgis.utils import iface
    except ImportError:
        return False
    app = QgsApplication.instance()
    return iface is not None and app is not None and app.platform() != "qgis_process"


class Up42Algorithm(QgsProcessingAlgorithm):
    """Base of the UP42 algorithms: subclasses implement ``perform`` instead of processAlgorithm.

    ``processAlgorithm`` turns every failure into a one-line QgsProcessingException, so a
    failed algorithm says why without a traceback (the traceback goes to the message log).
    """

    def createInstance(self) -> QgsProcessingAlgorithm:
        return type(self)()

    def title(self) -> str:
        """The algorithm's name as a user reads it (translated); ``displayName`` adds the
        step's number."""
        raise NotImplementedError

    def displayName(self) -> str:
        return workflow_title(self.name(), self.title())

    def icon(self) -> QIcon:
        return QIcon(icon_path("up42.svg"))

    def group(self) -> str:
        return ""

    def groupId(self) -> str:
        return ""

    def perform(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        raise NotImplementedError

    def processAlgorithm(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        from ..api.http_flight import cancel_scope  # loads requests: on first run, not at start-up

        try:
            # Cancel in the Processing dialog aborts a request blocked on a slow server.
            with cancel_scope(feedback.isCanceled if feedback is not None else _never):
                return self.perform(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Up42Error as error:
            raise QgsProcessingException(error_text(error)) from None
        except Exception as error:  # a bug must still fail in one line, never crash QGIS
            QgsMessageLog.logMessage(
                f"{self.id()}: {type(error).__name__}: {error}\n{traceback.format_exc()}",
                LOG_TAG,
                Qgis.MessageLevel.Critical,
            )
            raise QgsProcessingException(
                tr("{algorithm} failed unexpectedly: {error} (details in the UP42 log)").format(
                    algorithm=self.id(), error=one_line(f"{type(error).__name__}: {error}")
                )
            ) from None

    def prepare(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> None:
        """What the algorithm reads on the main thread (a project layer's selection, the
        area); nothing by default."""

    def prepareAlgorithm(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> bool:
        """``prepare`` under the one-line rule of ``processAlgorithm``."""
        try:
            self.prepare(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Exception as error:  # the same one-line rule as processAlgorithm
            raise QgsProcessingException(one_line(f"{type(error).__name__}: {error}")) from None
        return True

    # --- parameters ------------------------------------------------------------------------
    def add_number(
        self,
        name: str,
        label: str,
        *,
        integer: bool = False,
        default: float | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        optional: bool = False,
        advanced: bool = False,
    ) -> QgsProcessingParameterNumber:
        """One number parameter: whole or decimal, its default and range, optional, and
        under "Advanced" when ``advanced``."""
        kind = (
            QgsProcessingParameterNumber.Type.Integer
            if integer
            else QgsProcessingParameterNumber.Type.Double
        )
        bounds: dict[str, float] = {}
        if minimum is not None:
            bounds["minValue"] = int(minimum) if integer else float(minimum)
        if maximum is not None:
            bounds["maxValue"] = int(maximum) if integer else float(maximum)
        parameter = QgsProcessingParameterNumber(
            name, label, type=kind, defaultValue=default, optional=optional, **bounds
        )
        if advanced:
            parameter.setFlags(
                parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced
            )
        self.addParameter(parameter)
        return parameter

    # --- shared steps ---------------------------------------------------------------------
    @staticmethod
    def client() -> Up42Client:
        """The same client the dock uses: settings and auth DB, or the UP42_* variables."""
        from ..bridge.clients import NotConfiguredError, client_provider

        try:
            return client_provider().client()
        except NotConfiguredError as error:  # its text already says where to configure
            raise QgsProcessingException(one_line(str(error))) from None

    @staticmethod
    def stop_if_cancelled(feedback: QgsProcessingFeedback) -> None:
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled."))

    # --- money: the budget and the explicit yeses ------------------------------------------
    def add_budget_parameter(self) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                BUDGET,
                tr(
                    "Budget name or id to charge (empty: the one chosen last, or the only "
                    "active one when the workspace requires a budget)"
                ),
                optional=True,
            )
        )

    def add_yes_parameter(self, name: str, description: str) -> None:
        """A boolean that says yes to something the algorithm otherwise refuses."""
        self.addParameter(QgsProcessingParameterBoolean(name, description, defaultValue=False))

    def budget_choice(
        self,
        client: Up42Client,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> BudgetChoice:
        """``api.order_guard.choose_budget`` for BUDGET (the dock's rule); says in the log
        which budget is charged, and remembers an explicit choice (as the dock does)."""
        from ..api.order_guard import choose_budget
        from ..settings import SettingsStore

        wanted = self.parameterAsString(parameters, BUDGET, context).strip()
        remembered = ""
        try:
            remembered = str(SettingsStore.load().last_budget or "")
        except Exception as error:  # unreadable settings: nothing remembered
            feedback.pushDebugInfo(f"settings: {error}")
        choice = choose_budget(client, wanted, remembered)
        if choice.chosen is not None:
            feedback.pushInfo(
                tr("Budget: “{name}” ({id}).").format(
                    name=choice.chosen.name or choice.chosen.id, id=choice.chosen.id
                )
            )
            if wanted:
                try:
                    SettingsStore.update(last_budget=choice.chosen.id)
                except Exception as error:  # remembering is a convenience
                    feedback.pushDebugInfo(f"settings: {error}")
        elif choice.enforced:
            feedback.pushWarning(
                tr("The workspace requires a budget for every order: give BUDGET.")
            )
        return choice

    # --- the area of interest -------------------------------------------------------------
    def add_aoi_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterExtent(
                EXTENT, tr("Area of interest as an extent (or give AOI)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                AOI,
                tr("Area of interest as polygons (or give EXTENT)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )

    def aoi_geojson(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        """EXTENT or the union of the AOI layer's features, in EPSG:4326, checked: a bad
        area is refused here, before any request."""
        from ..api.aoi import AoiError, check_aoi

        geometry = self._aoi_from_layer(parameters, context, feedback)
        has_extent = not self.parameterAsExtent(parameters, EXTENT, context).isNull()
        if geometry is None and has_extent:
            geometry = self.parameterAsExtentGeometry(parameters, EXTENT, context, WGS84)
        elif geometry is not None and has_extent:
            feedback.pushWarning(tr("Both EXTENT and AOI are given: using the AOI polygons."))
        if geometry is None:
            raise QgsProcessingException(
                tr("Give the area of interest: EXTENT or an AOI polygon layer.")
            )
        if geometry.isEmpty() or not geometry.isGeosValid():
            geometry = geometry.makeValid()
        geojson = json.loads(geometry.asJson(7))
        try:
            checked = check_aoi(geojson)
        except AoiError as error:
            raise QgsProcessingException(
                one_line(tr("Unusable area of interest: {reason}").format(reason=error))
            ) from None
        return checked if isinstance(checked, dict) else geojson

    def _aoi_from_layer(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> QgsGeometry | None:
        if parameters.get(AOI) in (None, ""):
            return None
        source = self.parameterAsSource(parameters, AOI, context)
        if source is None:
            raise QgsProcessingException(tr("The AOI layer could not be read."))
        transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
        request = QgsFeatureRequest().setNoAttributes()
        parts: list[QgsGeometry] = []
        for feature in source.getFeatures(request):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            if (
                QgsWkbTypes.geometryType(geometry.wkbType())
                != QgsWkbTypes.GeometryType.PolygonGeometry
            ):
                continue
            geometry.transform(transform)
            parts.append(geometry)
        if not parts:
            raise QgsProcessingException(tr("The AOI layer has no polygon to use as the area."))
        if len(parts) > 1:
            feedback.pushInfo(tr("AOI: the union of %Ln polygon(s).", "", len(parts)))
        union = QgsGeometry.unaryUnion(parts)
        if union.isNull() or union.isEmpty():
            raise QgsProcessingException(tr("The AOI polygons could not be combined."))
        return union
