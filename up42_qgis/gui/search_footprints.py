"""One search's footprints on the map: the GeoPackage table the search tasks write, and the
layer that shows it, linked with the results table. Main thread only: the writing itself
happens in the tasks (``FootprintsTable.write``)."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer

from ..api.models import Scene
from ..i18n import tr
from ..layers.footprints import add_to_up42_group
from ..layers.footprints_gpkg import (
    FootprintsTable,
    footprints_gpkg_path,
    open_footprints_layer,
    search_layer_name,
)
from .search_results import ResultsView


class SearchFootprints:
    def __init__(self, results: ResultsView) -> None:
        self.results = results
        self.table: FootprintsTable | None = None
        self.layer: QgsVectorLayer | None = None

    def new_search(self) -> None:
        """The next page starts a new table (made with that page)."""
        self.table, self.layer = None, None

    def next_page(self) -> tuple[FootprintsTable, tuple[Scene, ...]]:
        """Where the next page's task writes its footprints, and the scenes listed so far that
        go along: all of them until the layer is on the map, so a table that was lost is
        rebuilt whole (scenes already in the table are not written again)."""
        if self.table is None:
            self.table = FootprintsTable(footprints_gpkg_path(), search_layer_name())
        if self.layer is not None and not _alive(self.layer):  # the user removed it
            self.layer = None
            self.results.detach_layer()
        backlog = self.results.model.scenes if self.layer is None else ()
        return self.table, backlog

    def show(self, table: FootprintsTable | None, feature_ids: dict[str, int]) -> None:
        """A task wrote these footprints into ``table``: put them on the map. Raises OSError
        when the table cannot be opened."""
        if table is None or table is not self.table or not feature_ids:
            return  # an earlier search's late page, or nothing written
        layer = self.layer
        if layer is not None and _alive(layer) and layer.source() == table.uri:
            self.results.layer_grew(feature_ids)
            return
        timestamp = table.requested_name[len("search_") :].replace("_", " ")
        layer = open_footprints_layer(table, tr("UP42 search {time}").format(time=timestamp))
        add_to_up42_group(layer)
        self.layer = layer
        self.results.attach_layer(layer, feature_ids)


def _alive(layer: QgsVectorLayer) -> bool:
    try:
        return QgsProject.instance().mapLayer(layer.id()) is not None
    except RuntimeError:
        return False
