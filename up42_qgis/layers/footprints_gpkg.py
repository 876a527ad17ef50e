"""The GeoPackage of footprints: one table per search, written on a worker thread, shown as a
layer on the main thread.

Why the split: writing thousands of footprints takes long enough to freeze QGIS, so a task
writes them (``FootprintsTable.write``) and the main thread only opens the finished table
(``open_footprints_layer``) or re-reads it after a later page (``refresh_footprints_layer``).
Why a GeoPackage and not a memory layer: footprints survive saving the project, can be shared
and do not live in RAM.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..api.models import Scene
from ..toolbelt.constants import WGS84
from ..toolbelt.folders import plugin_data_dir
from .footprints import (
    FOOTPRINTS_PROPERTY,
    FeatureBuilder,
    apply_footprints_style,
    footprint_fields,
)

# Features per call into GDAL: small enough to notice a cancel soon, large enough to be cheap.
_BATCH = 1000


def footprints_gpkg_path(project: QgsProject | None = None) -> Path:
    """Beside the project when it is saved (so footprints travel with it), else the data folder.
    Main thread: it reads the project."""
    project = project or QgsProject.instance()
    project_file = project.fileName()
    if project_file and not project_file.startswith(("/vsi", "geopackage:")):
        project_path = Path(project_file)
        if project_path.parent.is_dir():
            return project_path.with_name(f"{project_path.stem}_up42_footprints.gpkg")
    return plugin_data_dir(create=True) / "footprints.gpkg"


def search_layer_name(when: datetime | None = None) -> str:
    """A GeoPackage table name for one search, unique to the second."""
    when = when or datetime.now()
    return "search_" + when.strftime("%Y%m%d_%H%M%S")


class SceneFeatureMap:
    """Scene id ↔ feature id of one footprints table: the one map the table's writer fills
    (on a worker thread) and the results view reads (on the main thread) to link the table
    rows with the layer's features. Thread-safe; never copied."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_scene: dict[str, int] = {}
        self._by_feature: dict[int, str] = {}

    def update(self, feature_ids: dict[str, int]) -> None:
        with self._lock:
            self._by_scene.update(feature_ids)
            self._by_feature.update({fid: scene_id for scene_id, fid in feature_ids.items()})

    def clear(self) -> None:
        with self._lock:
            self._by_scene, self._by_feature = {}, {}

    def feature_id(self, scene_id: str) -> int | None:
        with self._lock:
            return self._by_scene.get(scene_id)

    def scene_id(self, feature_id: int) -> str | None:
        with self._lock:
            return self._by_feature.get(feature_id)

    def __contains__(self, scene_id: object) -> bool:
        with self._lock:
            return scene_id in self._by_scene

    def __len__(self) -> int:
        with self._lock:
            return len(self._by_scene)


class FootprintsTable:
    """One search's table in a footprints GeoPackage.

    ``write`` may run on any thread, one call at a time (a lock keeps a cancelled page's late
    write and the next page's apart). The first call creates the table under a name not yet
    taken in the file; later calls append. Scenes written before are not written again.
    """

    def __init__(self, path: str | Path, name: str) -> None:
        self.path = Path(path)
        self.requested_name = re.sub(r"[^A-Za-z0-9_]", "_", name) or "footprints"
        self.table: str | None = None
        self.feature_ids = SceneFeatureMap()  # of the rows written so far
        self._lock = threading.Lock()

    @property
    def uri(self) -> str:
        if self.table is None:
            raise ValueError("the footprints table has not been written yet")
        return f"{self.path}|layername={self.table}"

    @property
    def written(self) -> bool:
        return self.table is not None

    def write(
        self, scenes: Iterable[Scene], is_cancelled: Callable[[], bool] | None = None
    ) -> dict[str, int]:
        """Writes the scenes not written before; returns scene id → feature id for every scene
        given. Raises OSError when the file cannot be written; stops between batches once
        ``is_cancelled()`` is true (what was written stays)."""
        scenes = list(scenes)
        with self._lock:
            fresh = list({s.id: s for s in scenes if s.id not in self.feature_ids}.values())
            if fresh and self.table is not None:
                layer = QgsVectorLayer(self.uri, "footprints", "ogr")
                if layer.isValid():
                    self._append(layer, fresh, is_cancelled)
                else:
                    # Deleted behind our back (the file or the table): start a new table with
                    # what this call brings, which is why callers pass every scene they list.
                    self.table = None
                    self.feature_ids.clear()
                    fresh = list({s.id: s for s in scenes}.values())
            if fresh and self.table is None:
                self._create(fresh, is_cancelled)
            found = ((scene.id, self.feature_ids.feature_id(scene.id)) for scene in scenes)
            return {scene_id: fid for scene_id, fid in found if fid is not None}

    def ensure_table(self) -> None:
        """Creates the table, empty, when nothing has been written yet."""
        with self._lock:
            if self.table is None:
                self._create([], None)

    def _create(self, scenes: Sequence[Scene], is_cancelled: Callable[[], bool] | None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        table = _unique_table_name(self.path, self.requested_name)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.fileEncoding = "UTF-8"
        # No R-tree: for a search's few thousand footprints it made no query faster (a city
        # or the whole world, 10,000 rows: the same time with and without) but cost half of
        # the time to write them, and every appended row paid for its triggers.
        options.layerOptions = ["SPATIAL_INDEX=NO"]
        options.actionOnExistingFile = (
            QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
            if self.path.exists()
            else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
        )
        fields = footprint_fields()
        writer = QgsVectorFileWriter.create(
            str(self.path),
            fields,
            QgsWkbTypes.Type.MultiPolygon,
            QgsCoordinateReferenceSystem(WGS84),
            QgsCoordinateTransformContext(),
            options,
        )
        if writer is None or writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            message = writer.errorMessage() if writer is not None else ""
            raise OSError(f"Cannot write {self.path}: {message}")
        build = FeatureBuilder(fields)
        written: list[Scene] = []
        # The writer adds the rows of a new table in one transaction, faster than appending
        # through a layer. GDAL writes a batch without the GIL, so a helper thread writes one
        # batch while this one builds the next: both cores at work.
        # (Leaving the block waits for the batch in flight, also after an error.)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="up42-footprints") as pool:
            writing: Future | None = None
            for batch in _batches(scenes):
                if written and is_cancelled is not None and is_cancelled():
                    break
                features = [build(scene) for scene in batch]
                if writing is not None and not writing.result():
                    break
                writing = pool.submit(writer.addFeatures, features)
                written.extend(batch)
            ok = writing is None or writing.result()
        if not ok:
            message = writer.errorMessage()
            del writer
            raise OSError(f"Cannot write footprints to {self.path}: {message}")
        del writer  # closes the file
        self.table = table
        self._record_new_table(written)

    def _record_new_table(self, scenes: Sequence[Scene]) -> None:
        """A new GeoPackage table numbers its rows 1, 2, … in the order written; checked on the
        first and the last row rather than read back whole."""
        layer = QgsVectorLayer(self.uri, "footprints", "ogr")
        if not layer.isValid() or layer.featureCount() != len(scenes):
            raise OSError(f"Cannot read back {self.uri}")
        index = layer.fields().indexOf("scene_id")
        for fid in {1, len(scenes)} if scenes else ():
            if layer.getFeature(fid).attribute(index) != scenes[fid - 1].id:
                raise OSError(f"Unexpected feature ids in {self.uri}")
        self.feature_ids.update({scene.id: fid for fid, scene in enumerate(scenes, start=1)})

    def _append(
        self,
        layer: QgsVectorLayer,
        scenes: Sequence[Scene],
        is_cancelled: Callable[[], bool] | None,
    ) -> None:
        provider = layer.dataProvider()
        build = FeatureBuilder(layer.fields())
        for batch in _batches(scenes):
            if is_cancelled is not None and is_cancelled():
                break
            ok, added = provider.addFeatures([build(scene) for scene in batch])
            if not ok:
                errors = "; ".join(provider.errors()[-3:])
                raise OSError(f"Cannot add footprints to {self.uri}: {errors}")
            self.feature_ids.update(
                {scene.id: feature.id() for scene, feature in zip(batch, added, strict=True)}
            )


def _batches(scenes: Sequence[Scene]) -> Iterable[Sequence[Scene]]:
    for start in range(0, len(scenes), _BATCH):
        yield scenes[start : start + _BATCH]


def _unique_table_name(path: Path, name: str) -> str:
    if not path.exists():
        return name
    metadata = QgsProviderRegistry.instance().providerMetadata("ogr")
    try:
        existing = {
            table.tableName().lower() for table in metadata.createConnection(str(path), {}).tables()
        }
    except Exception as error:  # QgsProviderConnectionException: not a GeoPackage
        raise OSError(f"Cannot read {path}: {error}") from None
    candidate, suffix = name, 2
    while candidate.lower() in existing:
        candidate, suffix = f"{name}_{suffix}", suffix + 1
    return candidate


# --- the layer (main thread) -----------------------------------------------------------------
def open_footprints_layer(table: FootprintsTable, title: str) -> QgsVectorLayer:
    """The written table as a styled layer (not yet in the project)."""
    layer = QgsVectorLayer(table.uri, title, "ogr")
    if not layer.isValid():
        raise OSError(f"Cannot open {table.uri}")
    apply_footprints_style(layer)  # a style file replaces the custom properties: first
    layer.setCustomProperty(FOOTPRINTS_PROPERTY, True)
    return layer


def refresh_footprints_layer(layer: QgsVectorLayer) -> None:
    """Shows rows a worker appended to the layer's table. Re-reading the provider clears the
    selection, so it is put back."""
    selected = layer.selectedFeatureIds()
    layer.dataProvider().reloadData()
    layer.updateExtents()
    if selected:
        layer.selectByIds(selected)
    layer.triggerRepaint()


def create_footprints_layer(
    path: str | Path, layer_name: str, scenes: Sequence[Scene] = ()
) -> QgsVectorLayer:
    """A new table ``layer_name`` (made unique) in the GeoPackage ``path`` holding ``scenes``,
    opened as a styled layer, all on the calling thread. Raises OSError when it cannot be
    written."""
    table = FootprintsTable(path, layer_name)
    table.write(scenes)
    table.ensure_table()
    return open_footprints_layer(table, layer_name)
