"""The planner's local search: from the greedy cover to a cheaper one without losing
coverage (merge several scenes into one, add a better scene, swap, drop). The objective F and
the candidates are ``planning_search``'s. Plain Python and shapely.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from shapely.geometry.base import BaseGeometry

from .planning_geometry import difference, intersection, union, union_all
from .planning_search import (
    NOWHERE,
    Candidate,
    assign,
    box_inside,
    box_of,
    boxes_overlap,
    cancelled,
    objective,
)

# The local search's working plan: id(candidate) -> [candidate, its part], a mutable pair
# (the passes change parts in place).
Entry = list[Any]
Current = dict[int, Entry]
IsCancelled = Callable[[], bool]
SWAP_BUDGET = 150  # tentative swaps per round: the largest candidates first
# A difference that removes less than this (m²) removed nothing: the area of a copy may
# differ from the original's in its last bits.
_NOTHING_M2 = 1e-6
# Two ways of cutting the same area agree to well within this (m²).
_SAME_AREA_M2 = 1.0


@dataclass(frozen=True)
class _Search:
    """What every pass works with: the candidates, the AOI's area (m²), λ and the smallest
    area that counts."""

    candidates: Sequence[Candidate]
    total: float
    count_weight: float
    min_gain_m2: float
    is_cancelled: IsCancelled

    def cost(self, current: Current) -> float:
        return objective([(c, p) for c, p in current.values()], self.total, self.count_weight)


def _unchosen(current: Current, search: _Search) -> Iterator[Candidate]:
    """The candidates, best first, that are not (yet) in ``current``, checked as each is
    reached; raises CancelledError when the search is cancelled."""
    for candidate in sorted(search.candidates, key=lambda c: c.key):
        if id(candidate) in current:
            continue
        if search.is_cancelled():
            raise cancelled()
        yield candidate


def improve(
    parts: list[tuple[Candidate, BaseGeometry]],
    candidates: Sequence[Candidate],
    total: float,
    count_weight: float,
    min_gain_m2: float,
    is_cancelled: Callable[[], bool] = lambda: False,
    rounds: int = 3,
) -> list[tuple[Candidate, BaseGeometry]]:
    """Local search on F without losing coverage: replace several scenes by one, add a better
    scene where it takes enough area from worse parts to pay for itself, drop a scene whose
    part others cover cheaper."""
    search = _Search(candidates, total, count_weight, min_gain_m2, is_cancelled)
    current: Current = {id(c): [c, p] for c, p in parts}
    swapped_from: frozenset[int] | None = None  # the plan the last swap pass could not improve
    for _ in range(rounds):
        if _merge_pass(current, search):
            current = {id(c): [c, p] for c, p in assign([e[0] for e in current.values()])}
        changed = _drop_pass(current, search)
        if frozenset(current) != swapped_from:
            if _swap_pass(current, search):
                changed = True
            else:
                swapped_from = frozenset(current)
        changed |= _add_pass(current, search)
        changed |= _drop_pass(current, search)
        if not changed:
            break
    # The moves keep every area with a scene that covers it; the best-scene assignment of
    # the final set can only lower F further.
    return assign([c for c, p in current.values() if p.area > min_gain_m2])


def _merge_pass(current: Current, search: _Search) -> bool:
    """Replace several chosen scenes by one that covers all their parts, where that lowers F
    (the greedy's classic miss: a good small scene first, then a big one for the rest,
    when one big scene alone would do)."""
    changed = False
    count_weight, total, min_gain_m2 = search.count_weight, search.total, search.min_gain_m2
    boxes = {key: box_of(entry[1]) for key, entry in current.items()}
    for candidate in _unchosen(current, search):
        covered = [
            (key, entry)
            for key, entry in current.items()
            if box_inside(boxes[key], candidate.bounds)
            and difference(entry[1], candidate.cover).area <= min_gain_m2
        ]
        if len(covered) < 2:
            continue
        delta = count_weight * (1 - len(covered)) + sum(
            entry[1].area / total * (candidate.badness - entry[0].badness) for _, entry in covered
        )
        if delta >= 0:
            continue
        merged = union_all(entry[1] for _, entry in covered)
        if merged is None:
            continue  # only empty parts: the drop pass removes them for free
        for key, _ in covered:
            del current[key]
            del boxes[key]
        current[id(candidate)] = [candidate, merged]
        boxes[id(candidate)] = box_of(merged)
        changed = True
    return changed


def _add_pass(current: Current, search: _Search) -> bool:
    changed = False
    count_weight, total = search.count_weight, search.total
    for candidate in _unchosen(current, search):
        worse = [
            entry
            for entry in current.values()
            if entry[0].badness > candidate.badness
            and boxes_overlap(entry[0].bounds, candidate.bounds)
        ]
        if not worse:
            continue
        ceiling = max(entry[0].badness for entry in worse) - candidate.badness
        if candidate.area / total * ceiling <= count_weight:
            continue  # even taking all it covers could not pay for one more scene
        taken = [(entry, intersection(entry[1], candidate.cover)) for entry in worse]
        saving = sum(piece.area / total * (e[0].badness - candidate.badness) for e, piece in taken)
        if saving <= count_weight:
            continue
        pieces = []
        for entry, piece in taken:
            if piece.area > 0:
                entry[1] = difference(entry[1], candidate.cover)
                pieces.append(piece)
        current[id(candidate)] = [candidate, union_all(pieces)]
        changed = True
    return changed


def _swap_pass(current: Current, search: _Search) -> bool:
    """Try each of the largest unchosen scenes in the plan, let it take what it covers of
    worse parts, then drop what it makes redundant; keep the trial when F falls."""
    changed = False
    min_gain_m2 = search.min_gain_m2
    boxes = [box_of(entry[1]) for entry in current.values()]
    trials = [
        c
        for c in search.candidates
        if id(c) not in current and any(box_inside(b, c.bounds) for b in boxes)
    ]  # only a scene that spans a whole part can make another one redundant
    residues: dict[int, _Residue] | None = None
    for candidate in sorted(trials, key=lambda c: -c.area)[:SWAP_BUDGET]:
        if search.is_cancelled():
            raise cancelled()
        # The plan was drop-stable before the trial: only parts the candidate reaches can
        # have become redundant.
        reached = {
            key for key, b in zip(current, boxes, strict=True) if boxes_overlap(b, candidate.bounds)
        }
        if residues is None:
            residues = _residues(current, search)
        if not _may_free_a_part(residues, reached, candidate, search):
            continue  # no part could go: the trial's drop pass would change nothing
        trial = {key: list(entry) for key, entry in current.items()}
        pieces = []
        for entry in trial.values():
            if entry[0].badness > candidate.badness and boxes_overlap(
                box_of(entry[1]), candidate.bounds
            ):
                piece = intersection(entry[1], candidate.cover)
                if piece.area > 0:
                    entry[1] = difference(entry[1], candidate.cover)
                    pieces.append(piece)
        trial[id(candidate)] = [
            candidate,
            union_all(pieces) or difference(candidate.cover, candidate.cover),
        ]
        if not _drop_pass(trial, search, protect=id(candidate), only=reached):
            continue
        if trial[id(candidate)][1].area <= min_gain_m2:
            continue
        if search.cost(trial) < search.cost(current) - 1e-12:
            current.clear()
            current.update(trial)
            boxes = [box_of(entry[1]) for entry in current.values()]
            residues = None
            changed = True
    return changed


@dataclass(frozen=True)
class _Residue:
    """What of a part no other chosen scene covers: what its scene's drop would leave
    uncovered with the plan as it is."""

    geometry: BaseGeometry
    area: float
    box: tuple[float, float, float, float]


def _residues(current: Current, search: _Search) -> dict[int, _Residue]:
    residues = {}
    for key, (_, part) in current.items():
        part_box = box_of(part)
        rest = part
        for other_key, (other, _) in current.items():
            if rest.area <= search.min_gain_m2:
                break
            if other_key != key and boxes_overlap(other.bounds, part_box):
                rest = difference(rest, other.cover)
        area = rest.area
        residues[key] = _Residue(rest, area, box_of(rest) if area > 0 else NOWHERE)
    return residues


def _may_free_a_part(
    residues: dict[int, _Residue], reached: set[int], candidate: Candidate, search: _Search
) -> bool:
    """False when, with ``candidate`` added, no reached part could be dropped for want of
    cover: a part can go only if the other scenes and the candidate cover it, i.e. if the
    candidate covers its residue (up to the smallest gain). A necessary condition only (the
    trial's drop pass decides), checked in a few differences instead of the trial's many."""
    limit = search.min_gain_m2 + _SAME_AREA_M2
    for key in reached:
        residue = residues[key]
        if residue.area <= limit:
            return True
        if residue.area - candidate.area > limit or not boxes_overlap(
            residue.box, candidate.bounds
        ):
            continue
        if difference(residue.geometry, candidate.cover).area <= limit:
            return True
    return False


def _drop_pass(
    current: Current,
    search: _Search,
    protect: int | None = None,
    only: set[int] | None = None,
) -> bool:
    changed = False
    for key, (candidate, part) in sorted(
        current.items(), key=lambda item: item[1][0].key, reverse=True
    ):
        if key == protect or (only is not None and key not in only):
            continue
        part_box = box_of(part)
        others = sorted(
            (e for k, e in current.items() if k != key and boxes_overlap(e[0].bounds, part_box)),
            key=lambda e: e[0].key,
        )
        moves = _redistribution(part, candidate.badness, others, search)
        if moves is None:
            continue  # dropping it would lose coverage, or cost more than it saves
        for entry, before in moves:
            entry[1] = union(entry[1], intersection(before, entry[0].cover))
        del current[key]
        changed = True
    return changed


def _redistribution(
    part: BaseGeometry, badness: float, others: Sequence[Entry], search: _Search
) -> list[tuple[Entry, BaseGeometry]] | None:
    """How ``part`` would go to ``others`` (best first) if its scene were dropped: each
    receiving entry with what was left of the part when it took its piece; None when the
    drop would lose coverage or would not lower F.

    Only differences are computed here (a piece's area is what the difference removed): most
    drops fail, and the pieces themselves are cut only for the one that succeeds."""
    total, min_gain_m2 = search.total, search.min_gain_m2
    remaining, remaining_area = part, part.area
    cost = -search.count_weight
    moves: list[tuple[Entry, BaseGeometry]] = []
    for entry in others:
        if remaining_area <= min_gain_m2:
            break
        step = entry[0].badness - badness
        if step >= 0 and cost >= 0:
            return None  # the rest, best first, is no better than this scene: F cannot fall
        rest = difference(remaining, entry[0].cover)
        rest_area = rest.area
        taken = remaining_area - rest_area
        if taken > _NOTHING_M2:
            cost += taken / total * step
            moves.append((entry, remaining))
            remaining, remaining_area = rest, rest_area
    if remaining_area > min_gain_m2 or cost >= 0:
        return None
    return moves
