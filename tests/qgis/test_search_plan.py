"""Issue 17, the dock side: "Plan coverage" in the Search tab against the sandbox (Berlin):
planned in a task, the plan and gaps layers in the UP42 group, the plan's rows selected, each
part priced with UP42's estimate beside every selected scene over the whole AOI."""

from __future__ import annotations

from qgis.core import QgsProject

from tests.qgis.support import WAIT_MS, prepare, search_and_wait
from up42_qgis.gui.search_plan import plan_summary
from up42_qgis.layers.footprints import up42_group
from up42_qgis.layers.plans import is_plan_layer
from up42_qgis.settings import SettingsStore
from up42_qgis.toolbelt.formatting import format_credits


def test_plan_coverage_plans_prices_and_selects(panel, qtbot, sandbox):
    prepare(panel, page_size=20)
    search_and_wait(qtbot, panel)
    table = panel.results.table
    table.selectAll()
    selected = panel.results.selected_scenes()
    assert len(selected) >= 2
    box = panel.plan_box
    box.seam.setValue(50)

    with qtbot.waitSignal(box.plan_ready, timeout=WAIT_MS):
        box.plan_button.click()
        assert box.planning  # in a task: the click returned before the plan
    priced = box.priced
    plan = priced.plan
    assert plan.parts
    assert plan.covered_percent >= 99.0

    # The layers are in the UP42 group, the plan one is a plan layer with one feature a part.
    group_ids = {node.layerId() for node in up42_group().findLayers()}
    plan_layer = box.plan_layers[0]
    assert plan_layer.id() in group_ids
    assert is_plan_layer(plan_layer.fields())
    assert plan_layer.featureCount() == len(plan.parts)

    # The plan's scenes are the selected rows now.
    assert {s.id for s in panel.results.selected_scenes()} == {s.id for s in plan.scenes}

    # Priced with the sandbox's estimates: the plan costs less than every selected scene
    # over the whole AOI, and the dock says both numbers.
    assert len(priced.naive_estimates) >= len(selected)
    assert priced.plan_credits is not None
    assert priced.naive_credits is not None
    assert priced.plan_credits < priced.naive_credits
    text = box.summary.text()
    assert format_credits(priced.plan_credits) in text
    assert format_credits(priced.naive_credits) in text
    assert "Saving" in text
    assert text == plan_summary(priced)

    # The choices are remembered; a second plan replaces the first's layers.
    assert SettingsStore.load().plan_seam_m == 50
    first_id = plan_layer.id()
    with qtbot.waitSignal(box.plan_finished, timeout=WAIT_MS):
        box.plan_button.click()  # one scene selected now: the plan picks from every row
    assert box.priced is not priced, box.summary.text()
    assert QgsProject.instance().mapLayer(first_id) is None
    plan_layers = [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if hasattr(layer, "fields") and is_plan_layer(layer.fields())
    ]
    assert len(plan_layers) == 1

    # A new search: the summary is about rows no longer listed, so it goes.
    search_and_wait(qtbot, panel)
    assert box.priced is None
    assert box.summary.isHidden()


def test_plan_coverage_without_results_says_so(panel, qtbot):
    prepare(panel, page_size=5)
    panel.plan_box.plan_button.click()
    assert not panel.plan_box.planning
    assert "Search first" in panel.plan_box.summary.text()


def test_every_planner_note_reads_in_the_users_words():
    from up42_qgis.api.planning import NoteCode, PlanNote
    from up42_qgis.toolbelt.formatting import format_area
    from up42_qgis.toolbelt.plan_messages import note_message

    params = {
        "percent": 61.7,
        "gap_km2": 768.06,
        "n": 2,
        "scene": "s1",
        "km2": 0.12,
        "minimum": 0.25,
    }
    texts = {code: note_message(PlanNote(code, "", params)) for code in NoteCode}
    assert format_area(768.06) in texts[NoteCode.PARTIAL]
    assert format_area(0.25) in texts[NoteCode.BELOW_MINIMUM]
    assert all(texts.values())
