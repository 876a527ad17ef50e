"""The planner against the sandbox: search a Berlin AOI, plan, and price every part with the
real estimate, beside the naive price of every candidate scene over the whole AOI."""

from __future__ import annotations

import pytest
from shapely.geometry import shape
from shapely.ops import unary_union

from tests.unit.api.conftest import BERLIN
from up42_qgis.api.aoi import aoi_area_km2, check_aoi
from up42_qgis.api.models import OrderRequest, SearchRequest, SortField
from up42_qgis.api.planning import plan_coverage

CANDIDATES = 12


def products(client) -> dict[str, str]:
    return {c.name: c.orderable_products[0].id or "" for c in client.collections()
            if c.orderable_products}


def test_the_plan_costs_less_than_every_scene_over_the_whole_aoi_and_covers_it(up42, capsys):
    aoi = check_aoi(BERLIN)
    page = up42.search_page(SearchRequest(aoi=aoi, collections=("phr",), sort=SortField.CLOUD,
                                          ascending=True, page_size=CANDIDATES))
    scenes = page.scenes
    assert len(scenes) == CANDIDATES
    product = products(up42)

    plan = plan_coverage(aoi, scenes, "cloud,date,count")
    assert plan.covered_percent >= 99.0
    assert all(part.geometry["type"] == "Polygon" for part in plan.parts)
    covered = unary_union([shape(part.geometry) for part in plan.parts]).intersection(shape(aoi))
    assert aoi_area_km2(covered.__geo_interface__) >= 0.99 * aoi_area_km2(aoi)

    planned = [
        up42.estimate(OrderRequest(product[part.scene.collection], part.scene.id, part.geometry,
                                   f"plan part {part.rank}"))
        for part in plan.parts
    ]
    assert all(estimate.ok for estimate in planned), [e.error for e in planned]
    naive = [
        up42.estimate(OrderRequest(product[s.collection], s.id, aoi, f"naive {s.id[:8]}"))
        for s in scenes
    ]
    naive_total = sum(e.credits or 0 for e in naive if e.ok)
    planned_total = sum(e.credits or 0 for e in planned)
    with capsys.disabled():
        print(f"\nBerlin {plan.aoi_area_km2:,.0f} km², {CANDIDATES} phr candidates: plan of "
              f"{len(plan.scenes)} scenes in {len(plan.parts)} parts covers "
              f"{plan.covered_percent:.2f} % for {planned_total:,.0f} credits; every candidate "
              f"over the whole AOI: {naive_total:,.0f} credits")
    assert planned_total < naive_total
    # Each part is priced by its own area: the plan pays for about one AOI, plus seams.
    billed_km2 = sum(e.size or 0 for e in planned)
    assert billed_km2 <= 1.05 * plan.aoi_area_km2
    assert billed_km2 == pytest.approx(plan.planned_km2, rel=0.01)
