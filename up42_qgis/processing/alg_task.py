"""``up42:task``: place a tasking order (a new acquisition) from the data product's order form.

Only places: the feasibility study and the quotation come later and are decided with
``up42:quotations`` (or in the dock), never here. The form (START_DATE, END_DATE, PARAMS and
the area) is checked against the product's schema first; on any problem nothing is sent.
Each order is POSTed once and never retried (``api.ordering.place_all``).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..api.errors import OrderFormError
from ..api.json_values import JSON
from ..api.models import OrderRequest, PlacedOrder
from ..api.ordering import placement_stamp, polygon_parts
from ..i18n import tr
from ..toolbelt.messages import error_text, placement_failure
from .common import AOI, EXTENT, WGS84, Up42Algorithm, one_line
from .placing import place_reporting

if TYPE_CHECKING:
    from ..api.client import Up42Client
    from ..api.order_schema import OrderSchema

DATA_PRODUCT = "DATA_PRODUCT"
START_DATE = "START_DATE"
END_DATE = "END_DATE"
PARAMS = "PARAMS"
DISPLAY_NAME = "DISPLAY_NAME"
ORDER_IDS = "ORDER_IDS"


def parse_params(text: str) -> JSON:
    """PARAMS as a JSON object ("" is none); a clear message otherwise."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError as error:
        raise QgsProcessingException(
            tr("PARAMS is not valid JSON: {error}").format(error=one_line(str(error)))
        ) from None
    if not isinstance(value, dict):
        raise QgsProcessingException(
            tr('PARAMS must be a JSON object such as {"maxCloudCover": 10}.')
        )
    return value


class TaskAlgorithm(Up42Algorithm):
    def name(self) -> str:
        return "task"

    def title(self) -> str:
        return tr("Order a new acquisition (tasking)")

    def shortHelpString(self) -> str:
        return tr(
            "Places a tasking order: a new image of the area, acquired between START_DATE and "
            "END_DATE. DATA_PRODUCT is a tasking data product's id or name; PARAMS a JSON "
            "object with the other fields of its order form (for example "
            '{"maxCloudCover": 10, "acquisitionMode": "mono"}). The area is an AOI polygon '
            "layer, a point layer for products that take a point, or EXTENT; each polygon "
            "part or point is one order. Everything is checked against the product's form "
            "before anything is sent. Nothing is charged here: UP42 answers with a "
            "feasibility study and a quotation, decided with 'Tasking quotations'. ORDER_IDS "
            "(comma-separated) feeds that algorithm."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(
            QgsProcessingParameterString(DATA_PRODUCT, tr("Tasking data product id or name"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                AOI,
                tr("Area: polygons, or a point for point products (or give EXTENT)"),
                [
                    QgsProcessing.SourceType.TypeVectorPolygon,
                    QgsProcessing.SourceType.TypeVectorPoint,
                ],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                EXTENT, tr("Area as an extent (or give AOI)"), optional=True
            )
        )
        for name, label in (
            (START_DATE, tr("Acquisition start")),
            (END_DATE, tr("Acquisition end")),
        ):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, label, type=QgsProcessingParameterDateTime.Type.Date
                )
            )
        self.addParameter(
            QgsProcessingParameterString(
                PARAMS, tr("Other order form fields (a JSON object)"), "{}", True, True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                DISPLAY_NAME, tr("Order name (empty: product and dates)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString(ORDER_IDS, tr("Order ids (comma-separated)")))

    # --- the area, read on the main thread ------------------------------------------------
    def prepareAlgorithm(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> bool:
        self.geometries: list[JSON] = []
        try:
            self.geometries = self._geometries(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Exception as error:  # the same one-line rule as processAlgorithm
            raise QgsProcessingException(one_line(f"{type(error).__name__}: {error}")) from None
        return True

    def _geometries(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> list[JSON]:
        """One GeoJSON geometry per order: the points of a point layer, else the polygon
        parts of AOI or EXTENT (``Up42Algorithm.aoi_geojson``, checked there)."""
        if parameters.get(AOI) not in (None, ""):
            source = self.parameterAsSource(parameters, AOI, context)
            if source is None:
                raise QgsProcessingException(tr("The AOI layer could not be read."))
            if QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry:
                transform = QgsCoordinateTransform(
                    source.sourceCrs(), WGS84, context.transformContext()
                )
                points: list[JSON] = []
                for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
                    geometry = QgsGeometry(feature.geometry())
                    if geometry.isNull() or geometry.isEmpty():
                        continue
                    geometry.transform(transform)
                    for part in (
                        geometry.asMultiPoint() if geometry.isMultipart() else [geometry.asPoint()]
                    ):
                        points.append({"type": "Point", "coordinates": [part.x(), part.y()]})
                if not points:
                    raise QgsProcessingException(tr("The AOI layer has no point to use."))
                return points
        return polygon_parts(self.aoi_geojson(parameters, context, feedback))

    # --- placing --------------------------------------------------------------------------
    def perform(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        key = self.parameterAsString(parameters, DATA_PRODUCT, context).strip()
        values = parse_params(self.parameterAsString(parameters, PARAMS, context))
        start = self._date(parameters, START_DATE, context)
        end = self._date(parameters, END_DATE, context)
        from ..api.tasking import find_data_product  # loads requests: not at QGIS start-up

        client = self.client()
        found = find_data_product(client.collections(), key)
        if found is None:
            raise QgsProcessingException(
                tr("{key} is not a tasking data product that can be ordered.").format(key=key)
            )
        collection, product = found
        schema = client.order_schema(product.id or "")
        for spec in schema.plain_text_fields:
            feedback.pushWarning(
                tr(
                    "The field {name} is not fully understood ({note}): its PARAMS value is "
                    "sent as given."
                ).format(name=spec.title, note=spec.note)
            )
        window = schema.window or ("acquisitionStart", "acquisitionEnd")
        for name, day in zip(window, (start, end), strict=True):
            if name in values and values[name] != day.isoformat():
                feedback.pushWarning(
                    tr("PARAMS gives {name}; START_DATE/END_DATE are used instead.").format(
                        name=name
                    )
                )
            values[name] = day
        stamp = placement_stamp()
        base_name = self.parameterAsString(parameters, DISPLAY_NAME, context).strip() or (
            f"{collection.title} {product.title} {start.isoformat()}–{end.isoformat()} "
            f"(QGIS {stamp})"
        )
        requests = self._requests(schema, product.id or "", base_name, values)
        feedback.pushInfo(
            tr(
                "Placing %Ln tasking order(s) for {product}; the price comes as a quotation.",
                "",
                len(requests),
            ).format(product=product.title)
        )
        placed = self._place(client, requests, feedback)
        order_ids = [p.order_id for p in placed if p.order_id]
        if not order_ids:
            raise QgsProcessingException(
                tr("No tasking order was placed: {reason}").format(
                    reason=placement_failure(placed[0]) if placed else ""
                )
            )
        feedback.pushInfo(
            tr("%Ln tasking order(s) placed: {ids}", "", len(order_ids)).format(
                ids=", ".join(order_ids)
            )
        )
        return {ORDER_IDS: ",".join(order_ids)}

    def _date(self, parameters: dict[str, Any], name: str, context: QgsProcessingContext) -> date:
        moment = self.parameterAsDateTime(parameters, name, context)
        value = moment.date() if moment is not None else None
        if value is None or not value.isValid():
            raise QgsProcessingException(
                tr("{name} must be a date (YYYY-MM-DD).").format(name=name)
            )
        return date(value.year(), value.month(), value.day())

    def _requests(
        self, schema: OrderSchema, product_id: str, base_name: str, values: JSON
    ) -> list[OrderRequest]:
        """Every order's request, all checked before the first is sent."""
        from ..api.tasking import tasking_request

        today = datetime.now(UTC).date()
        requests: list[OrderRequest] = []
        count = len(self.geometries)
        for number, geometry in enumerate(self.geometries, start=1):
            name = base_name if count == 1 else f"{base_name} · {number}/{count}"
            try:
                requests.append(
                    tasking_request(schema, product_id, name[:200], geometry, values, today=today)
                )
            except OrderFormError as error:
                raise QgsProcessingException(error_text(error)) from None
        return requests

    def _place(
        self, client: Up42Client, requests: list[OrderRequest], feedback: QgsProcessingFeedback
    ) -> list[PlacedOrder]:
        return place_reporting(
            client,
            requests,
            feedback,
            placed_text=tr("{name}: tasking order {order} placed."),
            failed_text=tr("{name}: {error}"),
        )
