"""The coverage planner's refusals and notes in the user's language: the same sentences in
Processing (``up42:plan_coverage``) and in the Search tab's coverage plan."""

from __future__ import annotations

from ..api.planning_types import MAX_SEAM_M, NoteCode, PlanningError, PlanNote, PlanProblem
from ..i18n import tr
from .formatting import format_area, format_number, format_percent


def problem_message(error: PlanningError) -> str:
    """The planner's refusal in the user's language."""
    params = error.params
    if error.problem is PlanProblem.NO_OVERLAP:
        return tr(
            "No scene covers any of the area of interest (%Ln scene(s) checked).",
            "",
            int(params.get("n", 0)),
        )
    if error.problem is PlanProblem.NO_CANDIDATES:
        return tr("SCENES has no scene to plan with.")
    if error.problem is PlanProblem.BAD_PRIORITY:
        return tr(
            "Unknown priorities: {unknown}. Use cloud, date, resolution, incidence, count."
        ).format(unknown=", ".join(params.get("unknown", ())))
    if error.problem is PlanProblem.BAD_SEAM:
        most = format_number(MAX_SEAM_M, 0)
        return tr("The seam margin must be 0 to {most} m.").format(most=most)
    return tr("The area of interest is not a polygon.")


def note_message(note: PlanNote) -> str:
    p = note.params
    if note.code is NoteCode.PARTIAL:
        return tr(
            "The scenes cover {percent} of the area of interest; {area} remain "
            "uncovered (see the gaps)."
        ).format(percent=format_percent(p["percent"]), area=format_area(p["gap_km2"]))
    if note.code is NoteCode.NO_FOOTPRINT:
        return tr("%Ln scene(s) without a usable footprint were skipped.", "", p["n"])
    if note.code is NoteCode.MERGED:
        return tr(
            "{area} of scene {scene}, below its minimum order area of {minimum}, "
            "went to a neighbouring part."
        ).format(area=format_area(p["km2"]), scene=p["scene"], minimum=format_area(p["minimum"]))
    if note.code is NoteCode.BELOW_MINIMUM:
        return tr(
            "A part of {area} only scene {scene} covers is below its minimum order "
            "area of {minimum}: UP42 bills the minimum."
        ).format(area=format_area(p["km2"]), scene=p["scene"], minimum=format_area(p["minimum"]))
    if note.code is NoteCode.ANTIMERIDIAN:
        return tr(
            "The part of scene {scene} crosses the antimeridian: one order on each side."
        ).format(scene=p["scene"])
    return tr("The part of scene {scene} was simplified to UP42's limit of 999 vertices.").format(
        scene=p.get("scene", "")
    )
