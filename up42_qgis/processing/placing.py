"""Placing orders from Processing, one way for ``up42:order`` and ``up42:task``: each request
POSTed at most once through ``api.ordering.place_all`` with the placement journal the dock
uses (a crash between the POST and UP42's answer is recovered, never placed again), a
cancel that stops before the next POST, and one feedback line per order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from qgis.core import QgsProcessingFeedback

from ..api.models import OrderRequest, PlacedOrder
from ..api.ordering import place_all
from ..api.placement_journal import PlacementJournal
from ..toolbelt import folders
from ..toolbelt.messages import placement_failure

if TYPE_CHECKING:
    from ..api.client import Up42Client


def place_reporting(
    client: Up42Client,
    requests: Sequence[OrderRequest],
    feedback: QgsProcessingFeedback,
    *,
    placed_text: str,
    failed_text: str,
    progress: Callable[[float], None] | None = None,
) -> list[PlacedOrder]:
    """Places ``requests``; the translated ``placed_text`` / ``failed_text`` say each result
    and may name ``{scene}`` or ``{name}`` with ``{order}`` / ``{error}``."""

    def report(request: OrderRequest, order: PlacedOrder) -> None:
        names = {"scene": request.scene_id, "name": request.display_name}
        if order.order_id:
            feedback.pushInfo(placed_text.format(order=order.order_id, **names))
        else:
            feedback.reportError(failed_text.format(error=placement_failure(order), **names), False)

    return place_all(
        client,
        list(requests),
        journal=PlacementJournal(folders.placement_journal_path()),
        should_stop=feedback.isCanceled,
        progress=progress or feedback.setProgress,
        on_result=report,
    )
