"""Issue 14.10's other half: when UP42 sends malformed scenes, the search keeps the rest and
says how many it skipped and why: a note under the dock's results, a warning in
``up42:search``'s log (and the UP42 log)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from qgis.core import QgsProcessingFeedback

from tests.qgis.support import (
    BERLIN_EXTENT,
    FixedClients,
    close_panel,
    make_panel,
    prepare,
    run,
    search_and_wait,
)
from tests.unit.api.stub_server import StubServer, json_answer
from tests.unit.api.test_catalog_robustness import LANDING, MALFORMED, good, stub_client
from up42_qgis.api.client import Up42Client

SPOILT = ("bbox of strings", "properties as a list")
GLOSSARY = {
    "content": [
        {
            "name": "phr",
            "title": "Pléiades",
            "type": "ARCHIVE",
            "integrations": ["SEARCH_AVAILABLE"],
            "metadata": {"productType": "OPTICAL"},
        }
    ],
    "totalPages": 1,
    "number": 0,
}


@pytest.fixture
def client() -> Iterator[Up42Client]:
    server = StubServer()
    server.script("/v2/catalog/", json_answer(200, LANDING))
    server.script("/v2/collections", json_answer(200, GLOSSARY))
    features = [good("a"), *(MALFORMED[name] for name in SPOILT), good("b")]
    server.script("/v2/catalog/search", json_answer(200, {"features": features, "links": []}))
    with stub_client(server.url) as up42:
        yield up42
    server.close()


def test_the_dock_says_how_many_scenes_were_skipped_and_why(
    qtbot, iface, canvas_3857, client, tmp_path
):
    from up42_qgis.context import PluginContext

    context = PluginContext.build(
        iface, FixedClients(client), download_root=tmp_path / "downloads"
    )
    panel = make_panel(qtbot, context)
    try:
        prepare(panel)
        search_and_wait(qtbot, panel)
        assert [s.id for s in panel.results.model.scenes] == ["a", "b"]
        assert panel.skipped_scenes == 2
        note = panel.message_label.text()
        assert panel.message_label.isVisibleTo(panel)
        assert "2 scenes skipped" in note
        assert "bbox" in note
        assert "properties" in note
    finally:
        close_panel(qtbot, panel, context)
        context.stop()


class Recorder(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, warning: str) -> None:
        self.warnings.append(warning)
        super().pushWarning(warning)


def test_processing_says_how_many_scenes_were_skipped_and_why(
    provider, client, monkeypatch, tmp_path
):
    from up42_qgis.processing.common import Up42Algorithm

    monkeypatch.setattr(Up42Algorithm, "client", staticmethod(lambda: client))
    feedback = Recorder()
    result = run(
        "search",
        {"EXTENT": BERLIN_EXTENT, "LIMIT": 10, "OUTPUT": str(tmp_path / "scenes.gpkg")},
        feedback=feedback,
    )
    assert result["OUTPUT"]
    [note] = [w for w in feedback.warnings if "skipped" in w]
    assert "2 scenes skipped" in note
    assert "bbox" in note
    assert "properties" in note
