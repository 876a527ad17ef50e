"""The area of interest: built from the map extent, a drawn polygon or selected features,
always handed on as an EPSG:4326 GeoJSON geometry with its area, and shown on the canvas.

Why densify before transforming: a straight edge in EPSG:3857 or UTM is a curve in degrees; a
four-corner extent transformed as four points would cut the corners of what the user sees.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvas, QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from ..toolbelt.colours import AOI_FILL_ALPHA, AOI_RGB
from ..toolbelt.constants import WGS84 as WGS84_AUTHID
from ..toolbelt.formatting import format_area_km2, format_count, format_number

WGS84 = QgsCoordinateReferenceSystem(WGS84_AUTHID)
# Densifying must not push a drawn polygon over the API's vertex limit (999).
MAX_DENSIFIED_VERTICES = 600
SEGMENT_POINTS = 16


class AoiInputError(ValueError):
    """The user's input cannot become an AOI (nothing selected, not polygons...)."""


@dataclass(frozen=True)
class Aoi:
    geojson: dict[str, Any]
    area_km2: float
    source: str  # "extent" | "polygon" | "selection" | "repaired"
    problem: str | None = None  # a translated message when check_aoi refused it
    problem_code: str | None = None
    repaired: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def usable(self) -> bool:
        return self.problem is None

    def geometry(self) -> QgsGeometry:
        return geometry_from_geojson(self.geojson)


def geometry_from_geojson(geojson: dict[str, Any]) -> QgsGeometry:
    from qgis.core import QgsFields, QgsJsonUtils

    features = QgsJsonUtils.stringToFeatureList(
        json.dumps({"type": "Feature", "properties": {}, "geometry": geojson}), QgsFields()
    )
    return features[0].geometry() if features else QgsGeometry()


def to_wgs84(
    geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, project: QgsProject | None = None
) -> QgsGeometry:
    """A copy of ``geometry`` (in ``crs``) in EPSG:4326, densified first when reprojecting."""
    result = QgsGeometry(geometry)
    if not crs.isValid() or crs == WGS84:
        return result
    vertices = max(1, sum(1 for _ in result.vertices()))
    per_segment = max(0, min(SEGMENT_POINTS, MAX_DENSIFIED_VERTICES // vertices - 1))
    if per_segment:
        result = result.densifyByCount(per_segment)
    transform = QgsCoordinateTransform(crs, WGS84, project or QgsProject.instance())
    result.transform(transform)
    return result


def from_wgs84(
    geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, project: QgsProject | None = None
) -> QgsGeometry:
    result = QgsGeometry(geometry)
    if crs.isValid() and crs != WGS84:
        result.transform(QgsCoordinateTransform(WGS84, crs, project or QgsProject.instance()))
    return result


def area_km2(geometry_wgs84: QgsGeometry) -> float:
    """The AOI's area in km²: ``api.aoi.aoi_area_km2`` (ellipsoidal, WGS84), the one the order
    dialog and the planner show too."""
    from ..api.aoi import aoi_area_km2

    return aoi_area_km2(json.loads(geometry_wgs84.asJson(9)))


# Problems whose text states the AOI's area: the area is not shown beside it a second time.
AREA_PROBLEMS = ("TOO_LARGE", "TOO_SMALL")


def _problem_text(code: str, params: dict[str, Any] | None = None) -> str:
    params = params or {}
    if code == "TOO_LARGE" and "area_km2" in params:
        return tr(
            "The AOI covers {area} km²; a search allows at most {limit} km². "
            "Zoom in or draw a smaller area."
        ).format(
            area=format_area_km2(params["area_km2"]),
            limit=format_area_km2(params.get("limit", 0)),
        )
    if code == "TOO_SMALL" and "area_km2" in params:
        return tr("The AOI covers {area} km²; it must cover at least {limit} km².").format(
            area=format_number(params["area_km2"], 4),
            limit=format_area_km2(params.get("limit", 0)),
        )
    if code == "TOO_MANY_VERTICES" and "vertices" in params:
        return tr(
            "The AOI has %Ln vertices; UP42 accepts at most {limit}. Simplify it.",
            "",
            int(params["vertices"]),
        ).format(limit=format_count(params.get("limit", 0)))
    texts = {
        "EMPTY": tr("The AOI is empty."),
        "INVALID": tr("The AOI is not a valid polygon (it crosses itself or has bad rings)."),
        "NOT_POLYGON": tr("The AOI must be a polygon."),
        "TOO_MANY_VERTICES": tr("The AOI has too many vertices; simplify it."),
        "TOO_SMALL": tr("The AOI is too small."),
        "TOO_LARGE": tr("The AOI is too large for a search; zoom in or draw a smaller one."),
    }
    return texts.get(code, tr("The AOI cannot be used."))


def _check(
    geojson: dict[str, Any],
) -> tuple[dict[str, Any], str | None, str | None, dict[str, Any] | None]:
    """(geometry to send, problem text, problem code, repaired geometry) from
    ``api.aoi.check_aoi``, which also normalises (ring order, antimeridian cut)."""
    try:
        from ..api.aoi import AoiError, check_aoi
    except ImportError:  # the shared checks are not there: only the QGIS validity check
        geometry = geometry_from_geojson(geojson)
        if geometry.isEmpty():
            return geojson, _problem_text("EMPTY"), "EMPTY", None
        if not geometry.isGeosValid():
            repaired = geometry.makeValid()
            fixed = json.loads(repaired.asJson(7)) if not repaired.isEmpty() else None
            return geojson, _problem_text("INVALID"), "INVALID", fixed
        return geojson, None, None, None
    try:
        checked = check_aoi(geojson)
    except AoiError as error:
        code = str(getattr(error, "problem", "") or "")
        params = dict(getattr(error, "params", {}) or {})
        return geojson, _problem_text(code, params), code, getattr(error, "repaired", None)
    return checked, None, None, None


def make_aoi(
    geometry: QgsGeometry,
    crs: QgsCoordinateReferenceSystem,
    source: str,
    project: QgsProject | None = None,
) -> Aoi:
    """An Aoi from a geometry in ``crs``; problems are recorded on it, not raised."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        raise AoiInputError(tr("The AOI is empty."))
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise AoiInputError(tr("The AOI must be a polygon."))
    wgs84 = to_wgs84(geometry, crs, project)
    geojson, problem, code, repaired = _check(json.loads(wgs84.asJson(7)))
    return Aoi(
        geojson=geojson,
        area_km2=area_km2(wgs84),
        source=source,
        problem=problem,
        problem_code=code,
        repaired=repaired,
    )


def aoi_from_repaired(aoi: Aoi) -> Aoi:
    if not aoi.repaired:
        raise AoiInputError(tr("There is no repaired geometry."))
    return make_aoi(geometry_from_geojson(aoi.repaired), WGS84, "repaired")


def aoi_from_canvas(canvas: QgsMapCanvas, project: QgsProject | None = None) -> Aoi:
    """The visible map (rotation aware) as the AOI."""
    settings = canvas.mapSettings()
    if settings.rotation():
        geometry = QgsGeometry.fromQPolygonF(settings.visiblePolygon())
    else:
        geometry = QgsGeometry.fromRect(canvas.extent())
    crs = settings.destinationCrs()
    # Zoomed out past the world, the extent leaves the CRS's domain and would transform to
    # infinities: keep the part of it the CRS can express.
    if crs.isValid() and crs != WGS84:
        to_canvas = QgsCoordinateTransform(WGS84, crs, project or QgsProject.instance())
        domain = to_canvas.transformBoundingBox(crs.bounds())
    else:
        domain = QgsRectangle(-180.0, -90.0, 180.0, 90.0)
    geometry = geometry.intersection(QgsGeometry.fromRect(domain))
    return make_aoi(geometry, crs, "extent", project)


def aoi_from_selection(layer: QgsVectorLayer | None, project: QgsProject | None = None) -> Aoi:
    """The selected features of a polygon layer, parts unioned."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        raise AoiInputError(tr("Select a polygon layer in the Layers panel first."))
    if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise AoiInputError(tr("The layer “{name}” has no polygons.").format(name=layer.name()))
    geometries = [f.geometry() for f in layer.getSelectedFeatures() if f.hasGeometry()]
    if not geometries:
        raise AoiInputError(
            tr("Select one or more features of “{name}” first.").format(name=layer.name())
        )
    union = QgsGeometry.unaryUnion(geometries)
    if union.isNull() or union.isEmpty():  # invalid inputs: union what can be repaired
        union = QgsGeometry.unaryUnion([g.makeValid() for g in geometries])
    return make_aoi(union, layer.crs(), "selection", project)


class AoiOutline:
    """The AOI drawn on the canvas as a rubber band: nothing in the layer tree or the project
    file, follows canvas CRS changes, and ``remove()`` takes it off (the plugin calls it on
    unload)."""

    GEOMETRY_TYPE = QgsWkbTypes.GeometryType.PolygonGeometry

    def __init__(self, canvas: QgsMapCanvas) -> None:
        self._canvas = canvas
        self._geometry_wgs84: QgsGeometry | None = None
        self._band: QgsRubberBand | None = QgsRubberBand(canvas, self.GEOMETRY_TYPE)
        self._style(self._band)
        canvas.destinationCrsChanged.connect(self._redraw)

    def _style(self, band: QgsRubberBand) -> None:
        band.setStrokeColor(QColor(*AOI_RGB))
        band.setFillColor(QColor(*AOI_RGB, AOI_FILL_ALPHA))
        band.setWidth(2)
        band.setLineStyle(Qt.PenStyle.DashLine)

    @property
    def band(self) -> QgsRubberBand | None:
        return self._band

    def show(self, geometry_wgs84: QgsGeometry) -> None:
        self._geometry_wgs84 = QgsGeometry(geometry_wgs84)
        self._redraw()

    def clear(self) -> None:
        self._geometry_wgs84 = None
        if self._band is not None:
            self._band.reset(self.GEOMETRY_TYPE)

    def _redraw(self) -> None:
        if self._band is None or self._geometry_wgs84 is None:
            return
        crs = self._canvas.mapSettings().destinationCrs()
        self._band.setToGeometry(from_wgs84(self._geometry_wgs84, crs), None)
        self._band.show()

    def remove(self) -> None:
        if self._band is None:
            return
        with contextlib.suppress(TypeError, RuntimeError):
            self._canvas.destinationCrsChanged.disconnect(self._redraw)
        self._band.reset(self.GEOMETRY_TYPE)
        scene = self._canvas.scene()
        if scene is not None:
            scene.removeItem(self._band)
        self._band = None
