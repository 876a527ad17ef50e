"""The coverage planner's nouns (issue 17): the plan, its parts (one order each), its notes
and the problems that stop it. The planner itself is ``planning``, which re-exports these;
code loaded at QGIS start-up (layers, Processing parameters) imports them from here, because
this module does not load shapely.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .errors import ValidationError
from .json_values import JSON
from .models import Scene

MIN_GAIN_KM2 = 0.001  # coverage gains (and gaps) smaller than this are numerical noise
DEFAULT_PRIORITIES = ("cloud", "date", "count", "resolution", "incidence")
DEFAULT_SEAM_M = 100.0
MAX_SEAM_M = 5000.0
DEFAULT_MIN_AREA_KM2 = 0.25  # the sandbox's; UP42 states few products' minimum


MinArea = float | Mapping[str, float] | Callable[[Scene], float | None]


class PlanProblem(StrEnum):
    BAD_AOI = "BAD_AOI"
    BAD_PRIORITY = "BAD_PRIORITY"
    BAD_SEAM = "BAD_SEAM"
    NO_CANDIDATES = "NO_CANDIDATES"
    NO_OVERLAP = "NO_OVERLAP"


class PlanningError(ValidationError):
    """Input the planner cannot plan with; ``problem`` is a code the GUI may translate."""

    def __init__(self, problem: PlanProblem, message: str, **params: Any) -> None:
        super().__init__(message)
        self.problem = problem
        self.params = params


class NoteCode(StrEnum):
    PARTIAL = "PARTIAL"  # the candidates cover only part of the AOI
    NO_FOOTPRINT = "NO_FOOTPRINT"  # scenes skipped: no usable footprint
    MERGED = "MERGED"  # a piece below the minimum went to a neighbour's part
    BELOW_MINIMUM = "BELOW_MINIMUM"  # a piece below the minimum that nothing else covers
    ANTIMERIDIAN = "ANTIMERIDIAN"  # a part cut at 180°: one order per side
    SIMPLIFIED = "SIMPLIFIED"  # a part simplified to UP42's vertex limit


@dataclass(frozen=True)
class PlanNote:
    code: NoteCode
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class PlanPart:
    """One order: ``scene`` over ``geometry`` (a GeoJSON Polygon in EPSG:4326). ``rank`` is
    the scene's place in the plan (1 = the preferred scene, whose part was cut first; the
    pieces of one scene share it); ``share`` is the part's area over the AOI's (0–1; with
    the seams the shares add up to a little more than the covered fraction)."""

    scene: Scene
    geometry: JSON
    rank: int
    area_km2: float
    share: float


@dataclass(frozen=True)
class CoveragePlan:
    parts: tuple[PlanPart, ...]
    covered_percent: float
    gaps: JSON | None
    aoi_area_km2: float
    notes: tuple[PlanNote, ...] = ()
    method: str = "greedy"
    objective: float = 0.0  # F of planning_search (lower is better), before seams

    @property
    def scenes(self) -> tuple[Scene, ...]:
        """The chosen scenes in rank order, each once."""
        return tuple({part.scene.id: part.scene for part in self.parts}.values())

    @property
    def planned_km2(self) -> float:
        return sum(part.area_km2 for part in self.parts)
