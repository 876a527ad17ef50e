"""The Processing toolbox as a user sees it (issue 16 point 15): the algorithms in the order
they are run, COLLECTIONS as a choice once UP42's glossary has been read (names typed still
work), numbers in the messages as a user writes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.gui import QgsProcessingToolboxModel, QgsProcessingToolboxProxyModel
from qgis.PyQt.QtCore import QLocale, QModelIndex

from tests.qgis.support import BERLIN_EXTENT, failure, feature_rows, run
from up42_qgis.api.models import Collection
from up42_qgis.processing.alg_plan import problem_message
from up42_qgis.toolbelt.glossary import glossary_path, known_collections, remember_collections

WORKFLOW = [
    "up42:search",
    "up42:plan_coverage",
    "up42:estimate",
    "up42:order",
    "up42:download",
    "up42:task",
    "up42:quotations",
]


@pytest.fixture
def no_glossary() -> Iterator[None]:
    path = glossary_path()
    saved = path.read_bytes() if path.exists() else None
    path.unlink(missing_ok=True)
    yield
    path.unlink(missing_ok=True)
    if saved is not None:
        path.write_bytes(saved)


def _rows(model: QgsProcessingToolboxProxyModel, parent: QModelIndex) -> list[QModelIndex]:
    return [model.index(row, 0, parent) for row in range(model.rowCount(parent))]


def test_the_toolbox_lists_the_algorithms_in_workflow_order(provider, qgis_app) -> None:
    registry = QgsApplication.processingRegistry()
    source = QgsProcessingToolboxModel(None, registry)
    model = QgsProcessingToolboxProxyModel(None, registry)
    model.setSourceModel(source)
    model.sort(0)
    up42 = next(
        index for index in _rows(model, QModelIndex()) if model.data(index) == "UP42"
    )
    shown = []
    for index in _rows(model, up42):
        algorithm = source.algorithmForIndex(model.mapToSource(index))
        assert algorithm is not None, model.data(index)  # no groups: algorithms directly
        shown.append(algorithm.id())
    assert shown == WORKFLOW
    titles = [registry.algorithmById(i).displayName() for i in WORKFLOW]
    assert titles[0] == "1. Search scenes"
    assert titles[2] == "3. Estimate order cost"


def test_collections_are_a_choice_once_the_glossary_was_read(
    provider, account, no_glossary, tmp_path
) -> None:
    registry = QgsApplication.processingRegistry()
    fresh = registry.algorithmById("up42:search").create()
    assert isinstance(fresh.parameterDefinition("COLLECTIONS"), QgsProcessingParameterString)

    run("search", {"EXTENT": BERLIN_EXTENT, "COLLECTIONS": "phr", "LIMIT": 1,
                   "OUTPUT": str(tmp_path / "first.gpkg")})
    assert {"phr", "spot", "pneo"} <= {name for name, _ in known_collections()}
    assert "pneo-tasking" not in {name for name, _ in known_collections()}

    chosen = registry.algorithmById("up42:search").create()
    parameter = chosen.parameterDefinition("COLLECTIONS")
    assert isinstance(parameter, QgsProcessingParameterEnum)
    assert parameter.allowMultiple()
    assert parameter.usesStaticStrings()
    assert {"phr", "spot"} <= set(parameter.options())

    for value in (["phr", "spot"], "phr,spot", "PHR, Spot"):
        output = tmp_path / f"s{len(str(value))}.gpkg"
        run("search", {"EXTENT": BERLIN_EXTENT, "COLLECTIONS": value, "LIMIT": 30,
                       "OUTPUT": str(output)})
        found = {row["collection"] for row in feature_rows(str(output))}
        assert found
        assert found <= {"phr", "spot"}
    message = failure("search", {"EXTENT": BERLIN_EXTENT, "COLLECTIONS": "no-such-sat",
                                 "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "no-such-sat" in message  # named by the plugin, not QGIS's generic refusal


def test_a_broken_glossary_file_falls_back_to_typed_names(no_glossary) -> None:
    glossary_path().parent.mkdir(parents=True, exist_ok=True)
    glossary_path().write_text("{not json", encoding="utf-8")
    assert known_collections() == []
    remember_collections([Collection("phr", "Pléiades"), Collection("t", "T", type="TASKING")])
    assert known_collections() == [("phr", "Pléiades")]


def test_numbers_in_the_parameters_and_messages(provider) -> None:
    registry = QgsApplication.processingRegistry()
    plan = registry.algorithmById("up42:plan_coverage")
    seam = plan.parameterDefinition("SEAM_M")
    assert isinstance(seam, QgsProcessingParameterNumber)
    assert seam.maximum() == 5000.0
    download = registry.algorithmById("up42:download")
    interval = download.parameterDefinition("POLL_INTERVAL")
    assert interval.flags() & interval.FlagAdvanced
    assert interval.dataType() == QgsProcessingParameterNumber.Type.Integer
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        from up42_qgis.api.planning import PlanningError, PlanProblem

        text = problem_message(PlanningError(PlanProblem.BAD_SEAM, "seam"))
        assert "5.000 m" in text
    finally:
        QLocale.setDefault(before)
