"""The map ``make run`` opens (run with /usr/bin/python3 inside setup_run_profile's headless
QGIS): QGIS's own world map (no internet) and where the sandbox has scenes, saved as a
project in the throwaway profile, the view on Berlin.

"Where the sandbox has scenes" is read from the sandbox's own world (tests/sandbox/world.py):
one outline per place, around all of that place's scene footprints, labelled with the place
and its number of scenes.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

WORLD_MAP = Path("/usr/share/qgis/resources/data/world_map.gpkg")
PROJECT_NAME = "up42-sandbox.qgz"
AREAS_NAME = "sandbox-scenes.gpkg"
COUNTRIES_NAME = "world.gpkg"
# lon/lat: the view the project opens on, Berlin and the area of its sandbox scenes around it
BERLIN = (12.35, 52.0, 14.45, 53.0)


def scene_areas() -> list[tuple[str, int, str]]:
    """(place, number of scenes, WKT outline) of every place of the sandbox's world."""
    from shapely.ops import unary_union

    from tests.sandbox.world import build_scenes

    by_place = defaultdict(list)
    for scene in build_scenes():
        by_place[scene.city].append(scene.geometry)
    areas = []
    for place, footprints in sorted(by_place.items()):
        outline = unary_union(footprints).convex_hull
        areas.append((place, len(footprints), outline.wkt))
    return areas


def copy_countries(target: Path) -> Path | None:
    """QGIS's own world map's countries, copied into the profile (GDAL's warning about that
    file's timestamps is for the copy only, not on every QGIS start)."""
    if not WORLD_MAP.exists():
        return None
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        done = gdal.VectorTranslate(
            str(target), str(WORLD_MAP), format="GPKG", layers=["countries"],
            accessMode="overwrite",
        )
    finally:
        gdal.PopErrorHandler()
    if done is None:
        return None
    done = None  # closes the file
    return target


def write_project(profiles_root: Path) -> Path:
    """The project (rewritten on every run, so it follows the sandbox); needs a running
    QgsApplication."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsPalLayerSettings,
        QgsProject,
        QgsRectangle,
        QgsReferencedRectangle,
        QgsVectorFileWriter,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant
    from qgis.PyQt.QtGui import QColor

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    areas_path = profiles_root / AREAS_NAME
    fields = QgsFields()
    fields.append(QgsField("place", QVariant.String))
    fields.append(QgsField("scenes", QVariant.Int))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "sandbox_scenes"
    writer = QgsVectorFileWriter.create(
        str(areas_path),
        fields,
        QgsWkbTypes.Type.Polygon,
        wgs84,
        QgsProject.instance().transformContext(),
        options,
    )
    for place, count, wkt in scene_areas():
        feature = QgsFeature(fields)
        feature.setAttributes([place, count])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        writer.addFeature(feature)
    del writer  # closes the file

    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    project.setTitle("UP42 sandbox (make run)")
    countries = copy_countries(profiles_root / COUNTRIES_NAME)
    if countries is not None:
        world = QgsVectorLayer(f"{countries}|layername=countries", "Countries", "ogr")
        if world.isValid():
            land = world.renderer().symbol()
            land.setColor(QColor(238, 236, 228))
            land.symbolLayer(0).setStrokeColor(QColor(150, 150, 150))
            land.symbolLayer(0).setStrokeWidth(0.2)
            project.addMapLayer(world)
    areas = QgsVectorLayer(f"{areas_path}|layername=sandbox_scenes", "Sandbox scenes", "ogr")
    if areas.isValid():
        symbol = areas.renderer().symbol()
        symbol.setColor(QColor(230, 120, 30, 50))
        symbol.symbolLayer(0).setStrokeColor(QColor(200, 80, 0))
        symbol.symbolLayer(0).setStrokeWidth(0.6)
        label = QgsPalLayerSettings()
        label.fieldName = "place || ' (' || scenes || ' scenes)'"
        label.isExpression = True
        areas.setLabeling(QgsVectorLayerSimpleLabeling(label))
        areas.setLabelsEnabled(True)
        project.addMapLayer(areas)
    view = QgsReferencedRectangle(QgsRectangle(*BERLIN), wgs84)
    project.viewSettings().setDefaultViewExtent(view)
    path = profiles_root / PROJECT_NAME
    project.write(str(path))
    project.clear()
    return path
