"""How far the greedy planner is from the optimum: both on the same candidates, scored on
the same objective (``planning_search``), for the tests and the issue's comparison."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .models import Scene
from .planning import DEFAULT_MIN_AREA_KM2, prepare
from .planning_improve import improve
from .planning_search import Candidate, assign, atoms, evaluate, exact_best, greedy_cover
from .planning_types import MIN_GAIN_KM2, PlanNote


@dataclass(frozen=True)
class Comparison:
    candidates: int
    greedy_scenes: int
    greedy_cost: float  # F of the greedy cover after local improvement
    plain_greedy_cost: float  # F of the greedy cover alone
    greedy_covered: float  # fraction of the AOI
    exact_scenes: int
    exact_cost: float
    exact_covered: float

    @property
    def ratio(self) -> float:
        """greedy F / optimal F (1.0 = optimal)."""
        return self.greedy_cost / self.exact_cost if self.exact_cost > 0 else 1.0

    @property
    def plain_ratio(self) -> float:
        return self.plain_greedy_cost / self.exact_cost if self.exact_cost > 0 else 1.0


def greedy_versus_exact(
    aoi: dict[str, Any], scenes: Sequence[Scene], priorities: str | Iterable[str] | None
) -> Comparison:
    notes: list[PlanNote] = []
    area, _, candidates, count_weight = prepare(
        aoi, scenes, priorities, DEFAULT_MIN_AREA_KM2, notes
    )
    tiny = MIN_GAIN_KM2 * 1e6
    total = area.area
    areas = atoms(area, candidates, tiny)
    index = {id(c): i for i, c in enumerate(candidates)}

    def mask_of(chosen: Iterable[Candidate]) -> int:
        return sum(1 << index[id(c)] for c in chosen)

    plain = greedy_cover(candidates, area, count_weight, tiny)
    improved = [c for c, _ in improve(assign(plain), candidates, total, count_weight, tiny)]
    _, plain_cost = evaluate(mask_of(plain), areas, candidates, total, count_weight)
    covered, cost = evaluate(mask_of(improved), areas, candidates, total, count_weight)
    mask, best_covered, best_cost = exact_best(candidates, area, count_weight, tiny)
    return Comparison(
        candidates=len(candidates),
        greedy_scenes=len(improved),
        greedy_cost=cost,
        plain_greedy_cost=plain_cost,
        greedy_covered=covered / total,
        exact_scenes=bin(mask).count("1"),
        exact_cost=best_cost,
        exact_covered=best_covered / total,
    )
