"""``up42:search``: catalog scenes over an area, as a layer of footprints (the dock's schema)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsFeatureSink,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameters,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..api.models import SearchRequest, SortField
from ..i18n import tr, trn
from ..layers.footprints import FeatureBuilder, footprint_fields
from ..toolbelt.constants import PROCESSING_PAGE_SIZE
from .common import WGS84, Up42Algorithm, one_line
from .loading import style_footprints_on_completion

if TYPE_CHECKING:
    from ..api.client import Up42Client

COLLECTIONS = "COLLECTIONS"
START_DATE = "START_DATE"
END_DATE = "END_DATE"
MAX_CLOUD = "MAX_CLOUD"
SORT_BY = "SORT_BY"
LIMIT = "LIMIT"
OUTPUT = "OUTPUT"

SORT_OPTIONS = [field.value for field in SortField]  # date, cloud, resolution
DEFAULT_LIMIT = 100
MAX_LIMIT = 10000
PAGE_SIZE = PROCESSING_PAGE_SIZE  # a module name, so a test can make pages small


def split_names(text: str) -> tuple[str, ...]:
    """``"phr, spot,,"`` → ``("phr", "spot")``, in order, without repeats."""
    names = [name.strip() for name in (text or "").split(",")]
    return tuple(dict.fromkeys(name for name in names if name))


class SearchAlgorithm(Up42Algorithm):
    def name(self) -> str:
        return "search"

    def displayName(self) -> str:
        return tr("Search scenes")

    def shortHelpString(self) -> str:
        return tr(
            "Searches the UP42 catalog for scenes over EXTENT or the AOI polygons and writes "
            "their footprints (scene_id, collection, acquired, cloud_cover, resolution, …). "
            "COLLECTIONS is a comma-separated list of collection names (empty: all); dates "
            "are ISO dates (YYYY-MM-DD); newest scenes come first unless SORT_BY says cloud "
            "or resolution (best first). The layer feeds 'Estimate' and 'Order'."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.add_aoi_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                COLLECTIONS, tr("Collections (comma-separated names; empty: all)"), optional=True
            )
        )
        for name, label in ((START_DATE, tr("Acquired from")), (END_DATE, tr("Acquired until"))):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, label, type=QgsProcessingParameterDateTime.Type.Date, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                MAX_CLOUD,
                tr("Maximum cloud cover (%)"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=100.0,
                optional=True,
                minValue=0.0,
                maxValue=100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                SORT_BY,
                tr("Sort by"),
                options=SORT_OPTIONS,
                defaultValue=SortField.DATE.value,
                usesStaticStrings=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                LIMIT,
                tr("Most scenes"),
                type=QgsProcessingParameterNumber.Type.Integer,
                defaultValue=DEFAULT_LIMIT,
                minValue=1,
                maxValue=MAX_LIMIT,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("UP42 scenes")))

    def perform(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        request, limit = self._request(parameters, context, feedback)
        client = self.client()
        request = replace(
            request, collections=self._canonical_collections(client, request.collections)
        )
        self.stop_if_cancelled(feedback)

        fields = footprint_fields()
        sink, dest_id = self.parameterAsSink(
            parameters, OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, WGS84
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, OUTPUT))

        build = FeatureBuilder(fields)
        found = 0
        for page in client.search(request, max_scenes=limit):
            features = []
            for scene in page.scenes[: limit - found]:
                feature = build(scene)
                if feature.geometry().isEmpty():
                    feedback.pushWarning(
                        tr("Scene {id} has no usable footprint; skipped.").format(id=scene.id)
                    )
                    continue
                features.append(feature)
            sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
            found += len(features)
            total = min(limit, page.number_matched or limit)
            feedback.setProgress(100.0 * min(found, total) / max(1, total))
            if feedback.isCanceled() or found >= limit:
                break
        if feedback.isCanceled():
            feedback.pushWarning(trn("Cancelled: keeping the %Ln scene(s) found.", found))
        feedback.pushInfo(trn("Found %Ln scene(s).", found))
        style_footprints_on_completion(context, dest_id)
        return {OUTPUT: dest_id}

    # --- input ----------------------------------------------------------------------------
    def _request(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> tuple[SearchRequest, int]:
        start = self._date(parameters, START_DATE, context)
        end = self._date(parameters, END_DATE, context)
        if start and end and start > end:
            raise QgsProcessingException(
                tr("START_DATE {start} is after END_DATE {end}.").format(start=start, end=end)
            )
        max_cloud = self._optional_number(parameters, MAX_CLOUD, context)
        if max_cloud is not None and max_cloud >= 100:
            max_cloud = None  # no filter: keeps scenes without a cloud cover (e.g. radar)
        sort = SortField(self.parameterAsEnumString(parameters, SORT_BY, context) or "date")
        limit = self.parameterAsInt(parameters, LIMIT, context)
        aoi = self.aoi_geojson(parameters, context, feedback)
        request = SearchRequest(
            aoi=aoi,
            collections=split_names(self.parameterAsString(parameters, COLLECTIONS, context)),
            start=start,
            end=end,
            max_cloud=max_cloud,
            sort=sort,
            # Newest first; for cloud cover and resolution the best (smallest) first.
            ascending=sort is not SortField.DATE,
            page_size=min(limit, PAGE_SIZE),
        )
        return request, limit

    def _date(
        self, parameters: dict[str, Any], name: str, context: QgsProcessingContext
    ) -> date | None:
        raw = parameters.get(name)
        if raw in (None, ""):
            return None
        # QgsProcessingAlgorithm has no parameterAsDate wrapper in 3.22.
        value = QgsProcessingParameters.parameterAsDate(
            self.parameterDefinition(name), parameters, context
        )
        if not value.isValid():
            raise QgsProcessingException(
                tr("{name} must be an ISO date (YYYY-MM-DD), not '{value}'.").format(
                    name=name, value=one_line(str(raw))
                )
            )
        return date(value.year(), value.month(), value.day())

    def _optional_number(
        self, parameters: dict[str, Any], name: str, context: QgsProcessingContext
    ) -> float | None:
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    @staticmethod
    def _canonical_collections(client: Up42Client, names: tuple[str, ...]) -> tuple[str, ...]:
        """The glossary's spelling of each name; unknown names are refused by name, before
        the search itself."""
        if not names:
            return names
        known = {collection.name.lower(): collection.name for collection in client.collections()}
        unknown = [name for name in names if name.lower() not in known]
        if unknown:
            raise QgsProcessingException(
                one_line(
                    tr("Unknown collection(s): {unknown}. Known: {known}.").format(
                        unknown=", ".join(unknown), known=", ".join(sorted(known.values()))
                    )
                )
            )
        return tuple(known[name.lower()] for name in names)
