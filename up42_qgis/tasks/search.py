"""Catalog tasks: one search page, the collections glossary, a scene's preview image.

Each task gets the shared client (from ``PluginContext.start``, like every task); signing in
happens on the worker thread, at the first request. One task per search page: the first page
shows as soon as it arrives and "Load more" is just the next task with the page's
``next_request``. The search task also writes
the page's footprints into the search's GeoPackage table, so the main thread only has to show
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..api.models import JSON, Collection, Scene, ScenePage, SearchRequest
from ..i18n import tr
from ..layers.footprints_gpkg import FootprintsTable
from ..toolbelt.glossary import remember_collections
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client


class SearchTask(Up42Task):
    """Fetches one page: the first of ``request``, or the one ``next_request`` names.
    ``result`` is the ScenePage.

    With ``footprints``, the task then writes ``backlog`` (scenes listed before, for a table
    that has to be rebuilt) and the page's scenes into that table; ``footprint_ids`` maps scene
    id → feature id. A failed write sets ``footprints_error`` and keeps the page: a full disk
    must not cost the user the results.
    """

    def __init__(
        self,
        client: Up42Client,
        request: SearchRequest,
        next_request: JSON | None = None,
        page_number: int = 1,
        footprints: FootprintsTable | None = None,
        backlog: Sequence[Scene] = (),
    ) -> None:
        description = (
            tr("UP42: searching the catalog")
            if next_request is None
            else tr("UP42: loading result page {n}").format(n=page_number)
        )
        super().__init__(description)
        self.client = client
        self.request = request
        self.next_request = next_request
        self.page_number = page_number
        self.footprints = footprints
        self.backlog = tuple(backlog)
        self.footprint_ids: dict[str, int] = {}
        self.footprints_error: Exception | None = None

    def work(self) -> ScenePage:
        self.setProgress(5)
        client = self.client
        self.check_cancelled()
        self.setProgress(20)
        page = client.search_page(self.request, self.next_request)
        self.check_cancelled()
        self.setProgress(80)
        if self.footprints is not None:
            try:
                self.footprint_ids = self.footprints.write(
                    [*self.backlog, *page.scenes], self.isCanceled
                )
            except Exception as error:
                self.footprints_error = error
            self.check_cancelled()
        self.setProgress(100)
        return page


class LoadCollectionsTask(Up42Task):
    """``result`` is the list of Collections from ``/v2/collections``."""

    def __init__(self, client: Up42Client) -> None:
        super().__init__(tr("UP42: loading collections"))
        self.client = client

    def work(self) -> list[Collection]:
        client = self.client
        self.check_cancelled()
        collections = list(client.collections())
        self.check_cancelled()
        remember_collections(collections)  # Processing offers them as a choice
        return collections


class PreviewTask(Up42Task):
    """``result`` is the image bytes of the scene's quicklook (or thumbnail)."""

    def __init__(self, client: Up42Client, scene: Scene, kind: str = "quicklook") -> None:
        super().__init__(tr("UP42: loading the preview of {scene}").format(scene=scene.id))
        self.client = client
        self.scene = scene
        self.kind = kind

    def work(self) -> bytes:
        client = self.client
        self.check_cancelled()
        data = client.preview(self.scene, self.kind)
        self.check_cancelled()
        return bytes(data)
