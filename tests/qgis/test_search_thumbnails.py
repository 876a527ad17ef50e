"""Thumbnails in the results table, against the sandbox: only the rows on screen are fetched,
never more than ``max_running`` at once, and a thumbnail on disk costs no request."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont, QImage

from tests.qgis.support import WAIT_MS, prepare, search_and_wait
from tests.qgis.test_search_layout import DESKTOP_FONT, PANEL_SIZE
from up42_qgis.gui.search_thumbnails import MAX_RUNNING, ThumbnailLoader, cache_file

THUMBNAIL_URL = "/thumbnail/download-url"


class CountingStart:
    """``context.start`` that counts the thumbnail tasks alive at once (from their start to
    their callback), independently of the loader's own bookkeeping."""

    def __init__(self, context) -> None:
        self.context = context
        self.live: list = []
        self.most = 0
        self.started = 0

    def __call__(self, make_task, on_done):
        def done(task) -> None:
            self.live.remove(task)
            on_done(task)

        task = self.context.start(make_task, done)
        self.live.append(task)
        self.started += 1
        self.most = max(self.most, len(self.live))
        return task


def thumbnail_requests(sandbox) -> list[str]:
    """Scene ids whose thumbnail the sandbox was asked for."""
    paths = [r["path"] for r in sandbox.request_log() if r["path"].endswith(THUMBNAIL_URL)]
    return [path.split("/items/")[1].split("/")[0] for path in paths]


def settled(loader: ThumbnailLoader) -> bool:
    return not loader.running and not loader.queued


def visible_ids(panel) -> list[str]:
    view = panel.results
    return [view.model.scene_at(row).id for row in view.visible_rows()]


def shown(panel, loader: ThumbnailLoader, scene_ids: list[str]) -> bool:
    model = panel.results.model
    for scene_id in scene_ids:
        image = model.index(model.row_of(scene_id), 0).data(Qt.ItemDataRole.DecorationRole)
        if not isinstance(image, QImage) or image.isNull() or loader.image(scene_id) is None:
            return False
        if image == loader.placeholder:  # the blank a row shows until its thumbnail is in
            return False
    return True


def searched_panel(panel, qtbot, sandbox, loader: ThumbnailLoader):
    panel.setFont(QFont(*DESKTOP_FONT))
    panel.resize(*PANEL_SIZE)
    panel.results.set_thumbnails(loader)
    prepare(panel, page_size=60)
    sandbox.clear_log()
    search_and_wait(qtbot, panel)
    assert panel.results.model.rowCount() >= 40


def test_only_visible_rows_a_few_at_a_time(panel, qtbot, sandbox, context, tmp_path: Path):
    start = CountingStart(context)
    loader = ThumbnailLoader(start, folder=tmp_path)
    searched_panel(panel, qtbot, sandbox, loader)
    qtbot.waitUntil(lambda: loader.fetches > 0 and settled(loader), timeout=WAIT_MS)
    first = visible_ids(panel)
    assert len(first) >= 10
    assert sorted(thumbnail_requests(sandbox)) == sorted(first)  # nothing below the fold
    assert start.started == len(first)
    assert 2 <= start.most <= MAX_RUNNING, start.most
    qtbot.waitUntil(lambda: shown(panel, loader, first), timeout=WAIT_MS)
    assert all(cache_file(tmp_path, panel.results.model.scene_at(r)).is_file()
               for r in panel.results.visible_rows())

    sandbox.clear_log()
    panel.results.table.scrollToBottom()
    qtbot.waitUntil(lambda: visible_ids(panel) != first, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: settled(loader) and shown(panel, loader, visible_ids(panel)),
                    timeout=WAIT_MS)
    last = visible_ids(panel)
    assert sorted(thumbnail_requests(sandbox)) == sorted(set(last) - set(first))
    model = panel.results.model
    middle = {model.scene_at(row).id for row in range(len(first), model.rowCount())} - set(last)
    assert middle
    assert not middle & set(thumbnail_requests(sandbox))  # scrolled past: never asked
    assert start.most <= MAX_RUNNING


def test_a_cached_thumbnail_costs_no_request(panel, qtbot, sandbox, context, tmp_path: Path):
    first_loader = ThumbnailLoader(context.start, folder=tmp_path)
    searched_panel(panel, qtbot, sandbox, first_loader)
    qtbot.waitUntil(lambda: first_loader.fetches > 0 and settled(first_loader), timeout=WAIT_MS)
    ids = visible_ids(panel)
    assert len(thumbnail_requests(sandbox)) == len(ids)

    sandbox.clear_log()
    second = ThumbnailLoader(context.start, folder=tmp_path)  # a new session, the same disk
    panel.results.set_thumbnails(second)
    qtbot.waitUntil(lambda: shown(panel, second, ids), timeout=WAIT_MS)
    assert second.fetches == 0
    assert thumbnail_requests(sandbox) == []
