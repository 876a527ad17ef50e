"""The coverage planner of the Search tab in a task: ``api.planning.plan_coverage``, then
UP42's real estimate of each part (each order's geometry is its part) and of the naive way
(every scene over the whole AOI), so the dock can show the saving. Nothing is ordered here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..api.models import Estimate, OrderRequest, Scene
from ..api.ordering import SceneRef, estimate_all, requests_for
from ..api.planning import CoveragePlan, MinArea, plan_coverage
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client


@dataclass(frozen=True)
class PricedPlan:
    plan: CoveragePlan
    part_estimates: tuple[Estimate, ...]  # one per part with a data product, in part order
    naive_estimates: tuple[Estimate, ...]  # one per scene (and AOI Polygon) over the AOI
    naive_scene_ids: tuple[str, ...]  # the scenes the naive total is for
    unpriced: tuple[str, ...]  # collections without a data product: not estimated

    @staticmethod
    def total(estimates: Sequence[Estimate]) -> float | None:
        """The credits of ``estimates``; None when one of them has no price."""
        if not estimates or any(not e.ok or e.credits is None for e in estimates):
            return None
        return float(sum(e.credits or 0.0 for e in estimates))

    @property
    def plan_credits(self) -> float | None:
        return self.total(self.part_estimates) if not self.unpriced else None

    @property
    def naive_credits(self) -> float | None:
        return self.total(self.naive_estimates) if not self.unpriced else None


class PlanCoverageTask(Up42Task):
    """``result`` is a PricedPlan. ``products`` maps collection → data product id (what the
    order bar would order); ``naive`` lists the scenes "order everything" means (the selected
    ones; the plan's own when the candidates were the whole result list)."""

    def __init__(
        self,
        client: Up42Client,
        aoi: dict,
        candidates: Sequence[Scene],
        priorities: Sequence[str],
        *,
        seam_m: float,
        min_area_km2: MinArea,
        products: Mapping[str, str],
        naive: Sequence[Scene] | None = None,
    ) -> None:
        super().__init__(tr("UP42: planning the coverage of %Ln scene(s)", "", len(candidates)))
        self.client = client
        self.aoi = aoi
        self.candidates = tuple(candidates)
        self.priorities = tuple(priorities)
        self.seam_m = seam_m
        self.min_area_km2 = min_area_km2
        self.products = dict(products)
        self.naive = tuple(naive) if naive is not None else None

    def _product_for(self, collection: str) -> tuple[str | None, str | None]:
        product = self.products.get(collection)
        return (product, None) if product else (None, "no data product")

    def work(self) -> PricedPlan:
        plan = plan_coverage(
            self.aoi,
            self.candidates,
            self.priorities,
            seam_m=self.seam_m,
            min_area_km2=self.min_area_km2,
            is_cancelled=self.isCanceled,
        )
        self.setProgress(20.0)
        unpriced = sorted(
            {p.scene.collection for p in plan.parts if not self.products.get(p.scene.collection)}
        )
        part_requests: list[OrderRequest] = []
        for part in plan.parts:
            planned = requests_for([SceneRef.of(part.scene)], self._product_for, part.geometry)
            part_requests += [p.request for p in planned if p.request is not None]
        naive_scenes = self.naive if self.naive is not None else plan.scenes
        planned = requests_for([SceneRef.of(s) for s in naive_scenes], self._product_for, self.aoi)
        naive_requests = [p.request for p in planned if p.request is not None]
        self.check_cancelled()
        estimates = estimate_all(
            self.client,
            part_requests + naive_requests,
            is_cancelled=self.isCanceled,
            progress=lambda percent: self.setProgress(20.0 + 0.8 * percent),
        )
        return PricedPlan(
            plan,
            tuple(estimates[: len(part_requests)]),
            tuple(estimates[len(part_requests) :]),
            tuple(s.id for s in naive_scenes),
            tuple(unpriced),
        )
