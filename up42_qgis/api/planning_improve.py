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
    for candidate in sorted(trials, key=lambda c: -c.area)[:SWAP_BUDGET]:
        if search.is_cancelled():
            raise cancelled()
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
        # The plan was drop-stable before the trial: only parts the candidate reaches can
        # have become redundant.
        reached = {
            key for key, b in zip(current, boxes, strict=True) if boxes_overlap(b, candidate.bounds)
        }
        if not _drop_pass(trial, search, protect=id(candidate), only=reached):
            continue
        if trial[id(candidate)][1].area <= min_gain_m2:
            continue
        if search.cost(trial) < search.cost(current) - 1e-12:
            current.clear()
            current.update(trial)
            boxes = [box_of(entry[1]) for entry in current.values()]
            changed = True
    return changed


def _drop_pass(
    current: Current,
    search: _Search,
    protect: int | None = None,
    only: set[int] | None = None,
) -> bool:
    changed = False
    count_weight, total, min_gain_m2 = search.count_weight, search.total, search.min_gain_m2
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
        remaining, cost, moves = part, -count_weight, []
        for entry in others:
            if remaining.area <= min_gain_m2:
                break
            piece = intersection(remaining, entry[0].cover)
            if piece.area > 0:
                cost += piece.area / total * (entry[0].badness - candidate.badness)
                moves.append((entry, piece))
                remaining = difference(remaining, entry[0].cover)
        if remaining.area > min_gain_m2 or cost >= 0:
            continue  # dropping it would lose coverage, or cost more than it saves
        for entry, piece in moves:
            entry[1] = union(entry[1], piece)
        del current[key]
        changed = True
    return changed
