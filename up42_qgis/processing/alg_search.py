"""``up42:search``: catalog scenes over an area, as a layer of footprints (the dock's schema)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameters,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..api.models import Collection, SearchRequest, SortField, cloudless_collections
from ..api.scenes import add_skip_reasons
from ..i18n import tr
from ..layers.footprints import FeatureBuilder, footprint_fields
from ..toolbelt.constants import PROCESSING_PAGE_SIZE
from ..toolbelt.glossary import known_collections, remember_collections
from ..toolbelt.messages import skipped_note
from .common import WGS84, Up42Algorithm, one_line
from .loading import style_footprints_on_completion
from .sinks import write_features

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


def collections_parameter() -> QgsProcessingParameterString | QgsProcessingParameterEnum:
    """COLLECTIONS as a choice of the collections UP42's glossary last listed (several may be
    ticked; the values are the names, so ``qgis_process`` still takes ``phr,spot``), or as
    comma-separated names while the glossary has never been read on this profile."""
    known = known_collections()
    if not known:
        return QgsProcessingParameterString(
            COLLECTIONS, tr("Collections (comma-separated names; empty: all)"), optional=True
        )
    return QgsProcessingParameterEnum(
        COLLECTIONS,
        tr("Collections (none ticked: all)"),
        options=[name for name, _ in known],
        allowMultiple=True,
        optional=True,
        usesStaticStrings=True,
    )


def collection_names(value: Any) -> tuple[str, ...]:
    """The names in COLLECTIONS as the dialog (a list), ``processing.run`` (a list or text)
    or ``qgis_process`` (``phr,spot``, or the option once per name) give them."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return split_names(",".join(str(item) for item in value if item is not None))
    return split_names(str(value))


class SearchAlgorithm(Up42Algorithm):
    def name(self) -> str:
        return "search"

    def title(self) -> str:
        return tr("Search scenes")

    def shortHelpString(self) -> str:
        return tr(
            "Searches the UP42 catalog for scenes over EXTENT or the AOI polygons and writes "
            "their footprints (scene_id, collection, acquired, cloud_cover, resolution, …). "
            "COLLECTIONS: the collections to search, ticked or as names (phr,spot; none: "
            "all); dates are ISO dates (YYYY-MM-DD); newest scenes come first unless SORT_BY "
            "says cloud or resolution (best first). The layer feeds 'Estimate' and 'Order'."
        )

    def checkParameterValues(
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        """QGIS checks every parameter but COLLECTIONS: its names are checked against the
        glossary itself when the search runs (case-insensitively, naming the unknown ones),
        so a name typed in ``qgis_process`` works even when the remembered choice is older."""
        others = {name: value for name, value in parameters.items() if name != COLLECTIONS}
        return super().checkParameterValues(others, context)

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.add_aoi_parameters()
        self.addParameter(collections_parameter())
        for name, label in ((START_DATE, tr("Acquired from")), (END_DATE, tr("Acquired until"))):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, label, type=QgsProcessingParameterDateTime.Type.Date, optional=True
                )
            )
        self.add_number(
            MAX_CLOUD,
            tr("Maximum cloud cover (%)"),
            default=100.0,
            minimum=0.0,
            maximum=100.0,
            optional=True,
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
        self.add_number(
            LIMIT,
            tr("Most scenes"),
            integer=True,
            default=DEFAULT_LIMIT,
            minimum=1,
            maximum=MAX_LIMIT,
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
        # The glossary spells the names and says which collections are radar (no cloud cover).
        needs_glossary = bool(request.collections) or request.max_cloud is not None
        glossary = client.collections() if needs_glossary else []
        request = replace(
            request,
            collections=self._canonical_collections(glossary, request.collections),
            cloudless_collections=cloudless_collections(glossary),
        )
        self.stop_if_cancelled(feedback)

        fields = footprint_fields()
        sink, dest_id = self.parameterAsSink(
            parameters, OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, WGS84
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, OUTPUT))

        build = FeatureBuilder(fields)
        found = skipped = 0
        reasons: list[str] = []
        for page in client.search(request, max_scenes=limit):
            skipped += page.skipped
            add_skip_reasons(reasons, page.skip_reasons)
            features = []
            for scene in page.scenes[: limit - found]:
                feature = build(scene)
                if feature.geometry().isEmpty():
                    feedback.pushWarning(
                        tr("Scene {id} has no usable footprint; skipped.").format(id=scene.id)
                    )
                    continue
                features.append(feature)
            write_features(sink, features)
            found += len(features)
            total = min(limit, page.number_matched or limit)
            feedback.setProgress(100.0 * min(found, total) / max(1, total))
            if feedback.isCanceled() or found >= limit:
                break
        if feedback.isCanceled():
            feedback.pushWarning(tr("Cancelled: keeping the %Ln scene(s) found.", "", found))
        if skipped:
            feedback.pushWarning(skipped_note(skipped, reasons))
        feedback.pushInfo(tr("Found %Ln scene(s).", "", found))
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
            collections=self._collections(parameters, context),
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

    def _collections(
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[str, ...]:
        raw = parameters.get(COLLECTIONS)
        if raw is None or isinstance(raw, str | list | tuple):
            return collection_names(raw)
        # Anything else (a data-defined value in a model) as QGIS evaluates it.
        return split_names(self.parameterAsString(parameters, COLLECTIONS, context))

    def _optional_number(
        self, parameters: dict[str, Any], name: str, context: QgsProcessingContext
    ) -> float | None:
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    @staticmethod
    def _canonical_collections(
        glossary: Sequence[Collection], names: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The glossary's spelling of each name; unknown names are refused by name, before
        the search itself."""
        if not names:
            return names
        remember_collections(glossary)
        known = {collection.name.lower(): collection.name for collection in glossary}
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
