"""``up42:plan_coverage``: which scenes of SCENES to order, and which part of the AOI each
delivers, so that the parts cover the AOI once (plus seams). No request to UP42: the plan
comes from the footprints and their attributes alone (the engine is ``api.planning``)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from qgis.core import (
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..api.models import Scene
from ..api.planning_types import (
    DEFAULT_MIN_AREA_KM2,
    DEFAULT_PRIORITIES,
    DEFAULT_SEAM_M,
    MAX_SEAM_M,
    CoveragePlan,
    NoteCode,
    PlanningError,
)
from ..i18n import tr
from ..layers.plan_parts import time_value
from ..layers.plans import (
    apply_gaps_style,
    apply_plan_style,
    gap_features,
    gap_fields,
    plan_features,
    plan_fields,
)
from ..toolbelt.formatting import format_area, format_percent
from ..toolbelt.plan_messages import note_message, problem_message
from .common import WGS84, Up42Algorithm, one_line
from .sinks import write_features

__all__ = ["note_message", "problem_message"]  # shared with the Search tab (toolbelt)

SCENES = "SCENES"
PRIORITIES = "PRIORITIES"
SEAM_M = "SEAM_M"
MIN_AREA_KM2 = "MIN_AREA_KM2"
OUTPUT = "OUTPUT"
GAPS = "GAPS"
COVERED_PERCENT = "COVERED_PERCENT"
PLANNED_KM2 = "PLANNED_KM2"
PART_COUNT = "PART_COUNT"


class PlanStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """The rank style and labels (or the gaps' hatching) once QGIS has loaded the output."""

    _alive: ClassVar[list[PlanStylePostProcessor]] = []

    def __init__(self, gaps: bool) -> None:
        super().__init__()
        self.gaps = gaps

    @classmethod
    def create(cls, gaps: bool) -> PlanStylePostProcessor:
        processor = cls(gaps)
        cls._alive.append(processor)  # QGIS does not own post-processors
        return processor

    def postProcessLayer(
        self, layer: QgsMapLayer, context: QgsProcessingContext, feedback: object
    ) -> None:
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            (apply_gaps_style if self.gaps else apply_plan_style)(layer)


class PlanCoverageAlgorithm(Up42Algorithm):
    def name(self) -> str:
        return "plan_coverage"

    def title(self) -> str:
        return tr("Plan coverage")

    def shortHelpString(self) -> str:
        return tr(
            "Chooses scenes of SCENES (a layer made by 'Search scenes'; its selection, if any) "
            "to cover EXTENT or the AOI polygons, and gives each the part of the area it will "
            "deliver, so that each point is ordered once: neighbouring parts overlap only by "
            "SEAM_M metres. PRIORITIES ranks cloud, date, resolution, incidence and count "
            "(fewest scenes), most important first. OUTPUT has one polygon per order "
            "(scene_id, collection, part, rank, area_km2, share) and feeds 'Estimate' and "
            "'Order'; GAPS is what no scene covers. Nothing is sent to UP42."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.add_aoi_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                SCENES,
                tr("Scenes (a layer made by 'Search scenes'; its selection, if any)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                PRIORITIES,
                tr("Priorities, most important first (cloud, date, resolution, incidence, count)"),
                defaultValue=",".join(DEFAULT_PRIORITIES),
            )
        )
        self.add_number(
            SEAM_M,
            tr("Seam: overlap of neighbouring parts (m)"),
            default=DEFAULT_SEAM_M,
            minimum=0.0,
            maximum=MAX_SEAM_M,
        )
        self.add_number(
            MIN_AREA_KM2,
            tr("Minimum order area of a data product (km²)"),
            default=DEFAULT_MIN_AREA_KM2,
            minimum=0.0,
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                OUTPUT, tr("UP42 coverage plan"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                GAPS,
                tr("UP42 coverage gaps"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(COVERED_PERCENT, tr("Covered (%)")))
        self.addOutput(QgsProcessingOutputNumber(PLANNED_KM2, tr("Planned area (km²)")))
        self.addOutput(QgsProcessingOutputNumber(PART_COUNT, tr("Orders (parts)")))

    # --- main thread: the selection and the area ----------------------------------------
    def prepare(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> None:
        self.scenes: list[Scene] = []
        self.aoi: dict[str, Any] = {}
        self.aoi = self.aoi_geojson(parameters, context, feedback)
        self.scenes = self._read_scenes(parameters, context)

    def _read_scenes(
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> list[Scene]:
        raw = parameters.get(SCENES)
        layer = None
        if not (isinstance(raw, QgsProcessingFeatureSourceDefinition) and raw.selectedFeaturesOnly):
            layer = self.parameterAsVectorLayer(parameters, SCENES, context)
        if layer is not None and layer.selectedFeatureCount() > 0:
            fields, features, crs = layer.fields(), list(layer.getSelectedFeatures()), layer.crs()
        else:
            source = self.parameterAsSource(parameters, SCENES, context)
            if source is None:
                raise QgsProcessingException(tr("SCENES could not be read."))
            fields, features, crs = source.fields(), list(source.getFeatures()), source.sourceCrs()
        missing = [name for name in ("scene_id", "collection") if fields.indexOf(name) < 0]
        if missing:
            raise QgsProcessingException(
                tr(
                    "SCENES lacks the field(s) {fields}: use a layer made by 'Search scenes'."
                ).format(fields=", ".join(missing))
            )
        transform = QgsCoordinateTransform(crs, WGS84, context.transformContext())
        names = {field.name() for field in fields}
        scenes = [_scene(feature, names, transform) for feature in features]
        return [scene for scene in scenes if scene is not None]

    # --- worker thread ------------------------------------------------------------------
    def perform(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        # The planner (and shapely under it) loads on the first run, not at QGIS start-up.
        from ..api.planning import parse_priorities, plan_coverage

        try:
            priorities = parse_priorities(self.parameterAsString(parameters, PRIORITIES, context))
            feedback.pushInfo(
                tr("Planning with %Ln scene(s); priorities: {order}.", "", len(self.scenes))
                .format(order=", ".join(priorities))
            )
            plan = plan_coverage(
                self.aoi,
                self.scenes,
                priorities,
                seam_m=self.parameterAsDouble(parameters, SEAM_M, context),
                min_area_km2=self.parameterAsDouble(parameters, MIN_AREA_KM2, context),
                is_cancelled=feedback.isCanceled,
            )
        except PlanningError as error:
            raise QgsProcessingException(one_line(problem_message(error))) from None
        self.stop_if_cancelled(feedback)
        for note in plan.notes:
            report = (
                feedback.pushWarning
                if note.code in (NoteCode.PARTIAL, NoteCode.BELOW_MINIMUM)
                else feedback.pushInfo
            )
            report(note_message(note))
        results = {
            OUTPUT: self._write(
                parameters,
                context,
                OUTPUT,
                plan_fields(),
                lambda fields: plan_features(plan, fields),
            )
        }
        if parameters.get(GAPS) not in (None, ""):
            results[GAPS] = self._write(
                parameters, context, GAPS, gap_fields(), lambda fields: gap_features(plan, fields)
            )
        self._summary(plan, feedback)
        return {
            **results,
            COVERED_PERCENT: plan.covered_percent,
            PLANNED_KM2: plan.planned_km2,
            PART_COUNT: len(plan.parts),
        }

    def _write(self, parameters, context, name, fields, features) -> str | None:
        sink, dest_id = self.parameterAsSink(
            parameters, name, context, fields, QgsWkbTypes.Type.Polygon, WGS84
        )
        if sink is None:
            if name == GAPS:
                return None
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        write_features(sink, features(fields))
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.setPostProcessor(PlanStylePostProcessor.create(gaps=name == GAPS))
        return dest_id

    @staticmethod
    def _summary(plan: CoveragePlan, feedback: QgsProcessingFeedback) -> None:
        feedback.pushInfo(
            tr(
                "Plan: %Ln scene(s) in {parts}, {planned} for an area of {aoi}, "
                "{percent} covered.",
                "",
                len(plan.scenes),
            ).format(
                parts=tr("%Ln order(s)", "", len(plan.parts)),
                planned=format_area(plan.planned_km2),
                aoi=format_area(plan.aoi_area_km2),
                percent=format_percent(plan.covered_percent, 2),
            )
        )


# --- a footprints feature as the planner's Scene ----------------------------------------------
def _scene(feature, names: set[str], transform: QgsCoordinateTransform) -> Scene | None:
    scene_id, collection = _text(feature["scene_id"]), _text(feature["collection"])
    geometry = feature.geometry()
    if not scene_id or not collection or geometry.isNull() or geometry.isEmpty():
        return None
    geometry.transform(transform)
    return Scene(
        id=scene_id,
        collection=collection,
        acquired=time_value(feature["acquired"]) if "acquired" in names else None,
        geometry=json.loads(geometry.asJson(7)),
        cloud_cover=_number(feature["cloud_cover"]) if "cloud_cover" in names else None,
        resolution=_number(feature["resolution"]) if "resolution" in names else None,
        incidence_angle=_number(feature["incidence"]) if "incidence" in names else None,
    )


def _null(value: Any) -> bool:
    return value is None or (isinstance(value, QVariant) and value.isNull())


def _text(value: Any) -> str:
    return "" if _null(value) else str(value).strip()


def _number(value: Any) -> float | None:
    if _null(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
